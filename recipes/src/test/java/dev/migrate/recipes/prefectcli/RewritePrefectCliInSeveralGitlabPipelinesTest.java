package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A deploy template two GitLab pipelines include ({@code .gitlab-ci.yml} and {@code release.gitlab-ci.yml}, each
 * with a job that extends it) runs in both, with each pipeline's variables: the rewrite reads its line with every
 * such pipeline's jobs, as the scan does, not with the first pipeline's alone.
 */
class RewritePrefectCliInSeveralGitlabPipelinesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    private static final String TEMPLATE = """
            .deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
            """;

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
    void pipelinesThatAgreeHaveTheLineRewritten() {
        rewriteRun(
            yaml(TEMPLATE, """
                .deploy:
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name nightly
                """, spec -> spec.path("ci/deploy.yml")),
            yaml(pipeline("kubernetes-job/prod"), spec -> spec.path(".gitlab-ci.yml")),
            yaml(pipeline("kubernetes-job/prod"), spec -> spec.path("release.gitlab-ci.yml")));
    }

    @Test
    void pipelinesThatDisagreeLeaveTheSharedLine() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.sourcePath()).isEqualTo("ci/deploy.yml");
                assertThat(r.line()).isEqualTo(3);
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).contains("deploy, deploy (pipeline 2)").contains("values of INFRA");
            })),
            yaml(TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml(pipeline("kubernetes-job/prod"), spec -> spec.path(".gitlab-ci.yml")),
            yaml(pipeline("kubernetes-job/release"), spec -> spec.path("release.gitlab-ci.yml")));
    }
}
