package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A GitLab project keeps its deploy template in {@code ci/deploy.yml} and runs it in per-environment jobs of
 * {@code .gitlab-ci.yml} that override its variables ({@code deploy:prod} with {@code INFRA: kubernetes-job/prod}).
 * GitLab deep-merges variables through {@code extends:}, so the template's {@code -ib ${INFRA}} runs with the job's
 * value: the scan names the job's block, never the template's default; where two jobs run the line with different
 * blocks it names neither.
 */
class GitlabJobVariablesScanTest {
    private static final String TEMPLATE = """
            .deploy:
              image: python:3.11
              variables:
                INFRA: kubernetes-job/dev
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
            """;

    @TempDir
    Path tmp;

    @Test
    void theJobsOwnValueIsRead() throws IOException {
        write("ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                stages: [deploy]
                deploy:prod:
                  stage: deploy
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/prod
                """);
        assertThat(pf205()).containsExactly("ci/deploy.yml:6 infrastructure block 'kubernetes-job/prod' (${INFRA})");
    }

    @Test
    void jobsThatDisagreeGiveNoOneValue() throws IOException {
        write("ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                deploy:staging:
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/staging
                deploy:prod:
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/prod
                """);
        assertThat(pf205()).containsExactly("ci/deploy.yml:6 infrastructure block '${INFRA}'");
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("`${INFRA}` differs per job (deploy:prod "
                + "kubernetes-job/prod, deploy:staging kubernetes-job/staging)").contains("no one value is proven")
                .doesNotContain("kubernetes-job/dev"));
    }

    /** The PF205 messages. */
    private List<String> messages() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF205")).map(f -> f.message()).toList();
    }

    // the top-level variables under every job's; templates in extends: order, the later winning; $INFRA as ${INFRA}
    @Test
    void topLevelVariablesAndTheLastTemplateCount() throws IOException {
        write("ci/templates.yml", """
                .base:
                  variables:
                    INFRA: kubernetes-job/dev
                .prod:
                  variables:
                    INFRA: $BLOCK_TYPE/prod
                .deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib $INFRA -a
                """);
        write(".gitlab-ci.yml", """
                include: ci/templates.yml
                variables:
                  BLOCK_TYPE: kubernetes-job
                deploy:prod:
                  extends: [.deploy, .base, .prod]
                """);
        assertThat(pf205()).containsExactly("ci/templates.yml:9 infrastructure block 'kubernetes-job/prod' ($INFRA)");
    }

    // YAML anchors, as GitLab projects share variables without extends: a job's variables: *vars, a <<: *defaults
    // merge of a whole template (its variables and script), under the job's own keys
    @Test
    void variablesSharedThroughYamlAnchorsCount() throws IOException {
        write(".gitlab-ci.yml", """
                .vars: &prod_vars
                  INFRA: kubernetes-job/prod
                .defaults: &defaults
                  variables:
                    INFRA: kubernetes-job/dev
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib $INFRA -a
                deploy:etl:
                  <<: *defaults
                  variables: *prod_vars
                """);
        assertThat(pf205()).containsExactly(".gitlab-ci.yml:7 infrastructure block 'kubernetes-job/prod' ($INFRA)");
    }

    /** Must not change: a job's own line with its own value, the pipeline's only job. */
    @Test
    void aJobsOwnValueOnItsOwnLine() throws IOException {
        write(".gitlab-ci.yml", """
                deploy:
                  variables:
                    INFRA: kubernetes-job/prod
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib $INFRA -a
                """);
        assertThat(pf205()).containsExactly(".gitlab-ci.yml:5 infrastructure block 'kubernetes-job/prod' ($INFRA)");
    }

    // a file under .gitlab/ the pipeline includes is read through it only: once, with the job's value (it was also read
    // on its own, as a pipeline, with the template's)
    @Test
    void anIncludedFileUnderDotGitlabIsReadThroughItsPipelineOnly() throws IOException {
        write(".gitlab/ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/deploy.yml
                deploy:prod:
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/prod
                """);
        assertThat(pf205()).containsExactly(".gitlab/ci/deploy.yml:6 infrastructure block 'kubernetes-job/prod' (${INFRA})");
    }

    /** Must not change: a file under .gitlab/ that no pipeline includes is read as a pipeline of its own. */
    @Test
    void aFileUnderDotGitlabNothingIncludesIsReadOnItsOwn() throws IOException {
        write(".gitlab/ci/deploy.yml", TEMPLATE);
        write(".gitlab-ci.yml", "test:\n  script:\n    - pytest -q\n");
        assertThat(pf205()).containsExactly(".gitlab/ci/deploy.yml:6 infrastructure block 'kubernetes-job/dev' (${INFRA})");
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
