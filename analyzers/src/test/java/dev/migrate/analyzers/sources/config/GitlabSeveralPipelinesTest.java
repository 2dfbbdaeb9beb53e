package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A deploy template two pipelines include ({@code .gitlab-ci.yml} and {@code release.gitlab-ci.yml}, each with a job
 * that extends it) runs in both, with each pipeline's variables: the scan reads its lines with every such pipeline,
 * not the first alone, and names a block only where they agree.
 */
class GitlabSeveralPipelinesTest {
    private static final String TEMPLATE = """
            .deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib $INFRA -a
            """;

    @TempDir
    Path tmp;

    private static String pipeline(String infra) {
        return """
                include:
                  - local: ci/deploy.yml
                deploy:
                  extends: .deploy
                  variables:
                    INFRA: %s
                """.formatted(infra);
    }

    @Test
    void pipelinesThatDisagreeGiveNoOneValue() throws IOException {
        write("ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", pipeline("kubernetes-job/prod"));
        write("release.gitlab-ci.yml", pipeline("kubernetes-job/release"));
        assertThat(pf205()).containsExactly("ci/deploy.yml:3 infrastructure block '$INFRA'");
    }

    @Test
    void pipelinesThatAgreeGiveTheirValue() throws IOException {
        write("ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", pipeline("kubernetes-job/prod"));
        write("release.gitlab-ci.yml", pipeline("kubernetes-job/prod"));
        assertThat(pf205()).containsExactly("ci/deploy.yml:3 infrastructure block 'kubernetes-job/prod' ($INFRA)");
    }

    // the model's own reading: each pipeline's job, the same name in both read as two
    @Test
    void eachPipelinesJobsRunTheLine() {
        Map<String, String> files = Map.of(".gitlab-ci.yml", pipeline("kubernetes-job/prod"),
                "release.gitlab-ci.yml", pipeline("kubernetes-job/release"), "ci/deploy.yml", TEMPLATE);
        List<String> pipeline = GitlabIncludes.includedFiles(Map.of(".gitlab-ci.yml", files.get(".gitlab-ci.yml"),
                "release.gitlab-ci.yml", files.get("release.gitlab-ci.yml")), files::get).get("ci/deploy.yml");
        GitlabJobVariables variables = GitlabJobVariables.ofIncluded(TEMPLATE, pipeline);
        assertThat(variables.jobsAt(3)).containsOnlyKeys("deploy", "deploy (pipeline 2)");
        assertThat(LiteralVariables.known(variables.at(3))).doesNotContainKey("INFRA");
        assertThat(LiteralVariables.known(variables.jobsAt(3).get("deploy (pipeline 2)")))
                .containsEntry("INFRA", "kubernetes-job/release");
    }

    /** "PATH:LINE" and the PF205 message up to "has no", of each PF205. */
    private List<String> pf205() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF205"))
                .map(f -> f.where().path() + ":" + f.where().line() + " "
                        + f.message().substring(0, Math.max(0, f.message().indexOf(" has no"))))
                .sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
