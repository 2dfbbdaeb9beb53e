package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitLab pipeline that includes another project's file, a URL, one of GitLab's templates or a CI/CD component runs
 * jobs the repository does not hold: the scan says so once per pipeline file (CFG005), naming each, and says nothing
 * of local includes, which it reads.
 */
class GitlabRemoteIncludesTest {
    @TempDir
    Path tmp;

    @Test
    void everyKindOfRemoteIncludeIsNamedInOneFinding() throws IOException {
        write(".gitlab-ci.yml", """
                stages: [test, deploy]
                include:
                  - local: ci/deploy.yml
                  - project: 'data-platform/ci-templates'
                    ref: main
                    file: '/templates/prefect-deploy.yml'
                  - remote: 'https://gitlab.example.com/shared/ci/-/raw/main/python.yml'
                  - template: Security/SAST.gitlab-ci.yml
                  - component: $CI_SERVER_FQDN/data-platform/components/prefect-deploy@1.2.0
                  - 'https://example.com/ci/lint.yml'
                test:
                  script:
                    - pytest -q
                """);
        write("ci/deploy.yml", "deploy:\n  script:\n    - prefect deploy --all\n");
        List<Finding> found = cfg005(scan());
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.where().path()).isEqualTo(".gitlab-ci.yml");
        assertThat(f.where().line()).isEqualTo(4);
        assertThat(f.where().column()).isEqualTo(5);
        assertThat(f.message()).contains("project data-platform/ci-templates (file /templates/prefect-deploy.yml, ref main)",
                "remote https://gitlab.example.com/shared/ci/-/raw/main/python.yml",
                "template Security/SAST.gitlab-ci.yml",
                "component $CI_SERVER_FQDN/data-platform/components/prefect-deploy@1.2.0",
                "remote https://example.com/ci/lint.yml",
                "scan that project's repository too")
                .doesNotContain("ci/deploy.yml");
    }

    @Test
    void theInlineFormsAreReadToo() throws IOException {
        write(".gitlab/ci/deploy.yml", "include: 'https://example.com/ci/python.yml'\n");
        write("etl.gitlab-ci.yml", "include: [{ project: data/ci, file: deploy.yml }]\n");
        assertThat(cfg005(scan())).extracting(f -> f.where().path() + ": " + f.message().substring(0, f.message().indexOf(" not read") + 9))
                .containsExactlyInAnyOrder(".gitlab/ci/deploy.yml: include: remote https://example.com/ci/python.yml is not read",
                        "etl.gitlab-ci.yml: include: project data/ci (file deploy.yml) is not read");
    }

    // GitLab's own example of a project include: several files at a tag, as a block list or a flow list
    @Test
    void aProjectIncludeNamesItsFilesAndRef() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - project: 'my-group/my-project'
                    ref: v1.0.0
                    file:
                      - '/templates/.builds.yml'
                      - '/templates/.tests.yml'   # the test jobs
                    rules:
                      - exists:
                          - ci/local.yml
                  - { project: data/ci, ref: $CI_COMMIT_REF_NAME, file: [deploy.yml, 'lint.yml'] }
                """);
        Finding f = cfg005(scan()).get(0);
        assertThat(f.message()).startsWith("include: project my-group/my-project (files /templates/.builds.yml and "
                + "/templates/.tests.yml, ref v1.0.0), project data/ci (files deploy.yml and lint.yml, ref "
                + "$CI_COMMIT_REF_NAME) are not read:");
        assertThat(GitlabIncludes.locals(read(".gitlab-ci.yml"))).isEmpty();
    }

    // a pipeline keeps its shared jobs in ci/deploy.yml, which pulls in another project's template: the finding is
    // in that file, at that include, once though two pipelines and a loop of includes reach it
    @Test
    void aRemoteIncludeOfAnIncludedFileIsReportedWhereItIsWritten() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                  - local: .gitlab/ci/test.yml
                test:
                  script:
                    - pytest -q
                """);
        write(".gitlab/ci/test.yml", "include: ci/deploy.yml\n");
        write("ci/deploy.yml", """
                include:
                  - local: ci/common.yml
                deploy:
                  script:
                    - prefect deploy --all
                """);
        write("ci/common.yml", """
                include:
                  - local: ci/deploy.yml
                  - remote: 'https://gitlab.com/gitlab-org/gitlab/-/raw/master/lib/gitlab/ci/templates/Python.gitlab-ci.yml'
                  - template: Jobs/Secret-Detection.gitlab-ci.yml
                """);
        assertThat(cfg005(scan())).extracting(f -> f.where().path() + ":" + f.where().line() + ":" + f.where().column()
                + " " + f.message().substring(0, f.message().indexOf(":", f.message().indexOf(" not read"))))
                .containsExactly("ci/common.yml:3:5 include: remote https://gitlab.com/gitlab-org/gitlab/-/raw/master/lib/"
                        + "gitlab/ci/templates/Python.gitlab-ci.yml, template Jobs/Secret-Detection.gitlab-ci.yml are not "
                        + "read (this file is included by .gitlab-ci.yml)");
    }

    @Test
    void localIncludesAreNotReported() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - local: /ci/deploy.yml
                  - ci/test.yml   # remote: not this comment
                  - local: '.gitlab/ci/lint.yml'
                    rules:
                      - if: $CI_PIPELINE_SOURCE == "schedule"
                """);
        write("ci/deploy.yml", "deploy:\n  script:\n    - prefect deploy --all\n");
        assertThat(cfg005(scan())).isEmpty();
    }

    // a file of another CI system, or one no pipeline is, is not GitLab's
    @Test
    void otherFilesAreNotReported() throws IOException {
        write("ci/templates.yml", "include:\n  - project: data/ci\n");
        assertThat(cfg005(scan())).isEmpty();
    }

    /** Must not change: the same template file, included by no pipeline, is no pipeline's file. */
    @Test
    void aTemplateNoPipelineIncludesIsNotReported() throws IOException {
        write(".gitlab-ci.yml", "test:\n  script:\n    - pytest -q\n");
        write("ci/common.yml", "include:\n  - template: Jobs/Secret-Detection.gitlab-ci.yml\n");
        assertThat(cfg005(scan())).isEmpty();
    }

    private String read(String path) throws IOException {
        return Files.readString(tmp.resolve(path));
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<Finding> cfg005(Inventory inv) {
        return inv.findings().stream().filter(f -> f.code().equals("CFG005")).toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
