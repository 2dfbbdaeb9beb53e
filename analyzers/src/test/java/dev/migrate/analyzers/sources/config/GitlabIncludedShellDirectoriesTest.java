package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file two GitLab pipelines include ({@code ci/deploy.yml}) runs in the jobs of each, and each pipeline's
 * {@code default: before_script:} may leave its jobs in another directory: a {@code prefect deploy --prefect-file
 * deploy.yaml} there reads the file of the directory both pipelines leave it in, and where they differ, of none the
 * tree can say (the one file of that name, if only one). Before, the first pipeline's directory was taken for both.
 */
class GitlabIncludedShellDirectoriesTest {
    private static final String DEPLOY = """
            deploy:
              script:
                - prefect --no-prompt deploy --all --prefect-file deploy.yaml
            """;

    @TempDir
    Path tmp;

    private static String pipeline(String dir) {
        return """
                include:
                  - local: ci/deploy.yml
                default:
                  before_script:
                    - cd %s
                """.formatted(dir);
    }

    private static String deployments(String name) {
        return """
                name: lake
                prefect-version: 3.1.0
                deployments:
                  - name: %s
                    entrypoint: etl.py:etl
                    work_pool:
                      name: k8s
                """.formatted(name);
    }

    @Test
    void pipelinesThatAgreeReadTheFileWhereTheyLeaveTheJob() throws IOException {
        write("ci/deploy.yml", DEPLOY);
        write(".gitlab-ci.yml", pipeline("flows"));
        write("release.gitlab-ci.yml", pipeline("flows"));
        write("flows/deploy.yaml", deployments("in-flows"));
        write("jobs/deploy.yaml", deployments("in-jobs"));
        assertThat(deployed()).containsExactly("flows/deploy.yaml");
    }

    // before: jobs/deploy.yaml, where the first pipeline (.gitlab-ci.yml) leaves the job; the release pipeline's runs
    // read flows/deploy.yaml
    @Test
    void pipelinesThatDisagreeReadNeithersFileAsTheOnlyOne() throws IOException {
        write("ci/deploy.yml", DEPLOY);
        write(".gitlab-ci.yml", pipeline("jobs"));
        write("release.gitlab-ci.yml", pipeline("flows"));
        write("flows/deploy.yaml", deployments("in-flows"));
        write("jobs/deploy.yaml", deployments("in-jobs"));
        assertThat(deployed()).isEmpty();
    }

    // before: nothing, since jobs/ (the first pipeline's directory) holds no deploy.yaml; the place not known, the one
    // file of that name is the one read
    @Test
    void pipelinesThatDisagreeReadTheOnlyFileOfThatName() throws IOException {
        write("ci/deploy.yml", DEPLOY);
        write(".gitlab-ci.yml", pipeline("jobs"));
        write("release.gitlab-ci.yml", pipeline("flows"));
        write("flows/deploy.yaml", deployments("in-flows"));
        assertThat(deployed()).containsExactly("flows/deploy.yaml");
    }

    // two pipelines that include each other and the same file: no loop, each command found once, read where both
    // leave the job
    @Test
    void pipelinesThatIncludeEachOtherAreReadOnce() throws IOException {
        write("ci/deploy.yml", DEPLOY);
        write("a.gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                  - local: b.gitlab-ci.yml
                default:
                  before_script:
                    - cd flows
                """);
        write("b.gitlab-ci.yml", """
                include:
                  - local: a.gitlab-ci.yml
                  - local: ci/deploy.yml
                build:
                  script:
                    - prefect deployment build etl.py:etl -n nightly -q etl -a
                """);
        write("flows/deploy.yaml", deployments("in-flows"));
        write("deploy.yaml", deployments("at-root"));
        Inventory inv = scan();
        assertThat(deployed(inv)).containsExactly("flows/deploy.yaml");
        // the build of the other pipeline's file, once
        assertThat(inv.jobs()).filteredOn(j -> j.kind() == JobKind.PREFECT2_DEPLOYMENT)
                .extracting(j -> j.source().path() + ":" + j.source().line()).containsExactly("b.gitlab-ci.yml:6");
    }

    // the reading itself: a line each pipeline reads in its own directory, agreed per command
    @Test
    void eachPipelinesReadingIsAgreed() {
        Map<String, String> files = Map.of(".gitlab-ci.yml", pipeline("jobs"), "release.gitlab-ci.yml", pipeline("flows"),
                "ci/deploy.yml", DEPLOY);
        List<String> pipelines = GitlabIncludes.includedFiles(Map.of(".gitlab-ci.yml", files.get(".gitlab-ci.yml"),
                "release.gitlab-ci.yml", files.get("release.gitlab-ci.yml")), files::get).get("ci/deploy.yml");
        assertThat(at(ShellDirectories.ofIncluded("ci/deploy.yml", DEPLOY, pipelines), 3)).isEmpty();
        Map<String, String> agreeing = Map.of(".gitlab-ci.yml", pipeline("flows"), "release.gitlab-ci.yml",
                pipeline("flows"));
        List<String> same = GitlabIncludes.includedFiles(agreeing, p -> p.equals("ci/deploy.yml") ? DEPLOY : agreeing.get(p))
                .get("ci/deploy.yml");
        assertThat(at(ShellDirectories.ofIncluded("ci/deploy.yml", DEPLOY, same), 3)).containsExactly("flows");
    }

    /** The directories of the command on line {@code number} of {@code text}, read from the top. */
    private static List<String> at(ShellDirectories dirs, int number) {
        String[] lines = DEPLOY.split("\n");
        ShellDirectories.Line line = null;
        for (int i = 1; i <= number; i++) {
            dirs.advance(i);
            line = dirs.read(lines[i - 1]);
        }
        return line.at(lines[number - 1].indexOf("prefect"));
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private List<String> deployed() throws IOException {
        return deployed(scan());
    }

    /** The files of the Prefect 3 deployments the scan read, in order. */
    private static List<String> deployed(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT3_DEPLOYMENT).map(j -> j.source().path())
                .sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
