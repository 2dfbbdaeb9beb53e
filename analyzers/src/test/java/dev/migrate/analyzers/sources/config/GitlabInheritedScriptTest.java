package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitLab job that takes its {@code script:} from a template of an included file through {@code extends:} and has a
 * {@code before_script:} of its own runs that before_script (GitLab replaces the template's list whole, it merges
 * only hashes deeply) and then the template's script, in the directory its before_script left: the scan reads the
 * job's own lines (its Prefect pin) and the inherited script where it stands, from there ({@code docker compose -f
 * stack.yml} names {@code deploy/stack.yml}, not the template's {@code infra/stack.yml}).
 */
class GitlabInheritedScriptTest {
    private static final String STACK = """
            services:
              agent:
                image: prefecthq/prefect:2.14.20-python3.11
                command: prefect agent start -q etl
            """;

    @TempDir
    Path tmp;

    @BeforeEach
    void tree() throws IOException {
        write("ci/templates.yml", """
                .compose_deploy:
                  image: docker:24
                  before_script:
                    - cd infra
                  script:
                    - docker compose -f stack.yml up -d
                """);
        write("deploy/stack.yml", STACK);
        write("infra/stack.yml", STACK);
    }

    @Test
    void theJobsOwnBeforeScriptAndTheInheritedScriptAreRead() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - local: ci/templates.yml
                deploy-stack:
                  stage: deploy
                  extends: .compose_deploy
                  before_script:
                    - pip install "prefect==2.14.20"
                    - cd deploy
                """);
        assertThat(findings()).containsExactly(".gitlab-ci.yml:7 PF208", "deploy/stack.yml:3 PF208", "deploy/stack.yml:4 PF203");
    }

    /**
     * Must not change: a job with a script of its own runs no template script; the template's lines are read where
     * they stand, from its own before_script, as before (deploy/stack.yml is named by nothing).
     */
    @Test
    void aJobWithItsOwnScriptNamesNoStack() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - local: ci/templates.yml
                deploy-stack:
                  extends: .compose_deploy
                  before_script:
                    - cd deploy
                  script:
                    - docker compose ps
                """);
        assertThat(findings()).containsExactly("infra/stack.yml:3 PF208", "infra/stack.yml:4 PF203");
    }

    // the same template under .gitlab/, a pipeline's name: read through the pipeline only, not also on its own from
    // its own before_script (which named infra/stack.yml)
    @Test
    void aTemplateUnderDotGitlabIsReadFromTheJobOnly() throws IOException {
        write(".gitlab/ci/templates.yml", Files.readString(tmp.resolve("ci/templates.yml")));
        Files.delete(tmp.resolve("ci/templates.yml"));
        write(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/templates.yml
                deploy-stack:
                  stage: deploy
                  extends: .compose_deploy
                  before_script:
                    - pip install "prefect==2.14.20"
                    - cd deploy
                """);
        assertThat(findings()).containsExactly(".gitlab-ci.yml:7 PF208", "deploy/stack.yml:3 PF208", "deploy/stack.yml:4 PF203");
    }

    /** "PATH:LINE CODE" of each finding, in order. */
    private List<String> findings() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .map(f -> f.where().path() + ":" + f.where().line() + " " + f.code()).sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
