package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

// MLOps course projects of the 2.10 "projects" era keep their deployments in deployment.yaml beside prefect.yaml:
// the rewrite upgraded prefect.yaml and left deployment.yaml, which Prefect 3 never reads, so `prefect deploy
// --all` found no deployment
class MoveProjectDeploymentYamlIntoPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MoveProjectDeploymentYamlIntoPrefectYaml());
    }

    private static final String PROJECT_DEPLOYMENTS = """
            deployments:
            # the weekly model
            - name: weekly-training
              entrypoint: train.py:main_flow
              schedule:
                cron: 0 9 * * 1   # Mondays
              work_pool:
                name: train-pool

            - name: backfill
              entrypoint: train.py:backfill
              work_pool:
                name: train-pool
            """;

    @DocumentExample
    @Test
    void theDeploymentsMoveToTheEndOfPrefectYaml() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anyMatch(r -> r.sourcePath().equals("ml/prefect.yaml") && r.line() == 10 && !r.manual()
                        && r.message().startsWith("moved weekly-training, backfill here from deployment.yaml"))),
            yaml(PROJECT_DEPLOYMENTS, null, spec -> spec.path("ml/deployment.yaml")),
            yaml(
                """
                # project settings
                name: ml
                prefect-version: 2.10.12
                build: null
                pull:
                - prefect.projects.steps.git_clone_project:
                    repository: https://github.com/acme/ml.git
                """,
                """
                # project settings
                name: ml
                prefect-version: 2.10.12
                build: null
                pull:
                - prefect.projects.steps.git_clone_project:
                    repository: https://github.com/acme/ml.git
                deployments:
                # the weekly model
                - name: weekly-training
                  entrypoint: train.py:main_flow
                  schedule:
                    cron: 0 9 * * 1   # Mondays
                  work_pool:
                    name: train-pool

                - name: backfill
                  entrypoint: train.py:backfill
                  work_pool:
                    name: train-pool
                """,
                spec -> spec.path("ml/prefect.yaml")));
    }

    @Test
    void theItemsFollowTheIndentationOfAnExistingList() {
        rewriteRun(
            yaml("""
                deployments:
                    - name: b
                      entrypoint: b.py:b
                """, null, spec -> spec.path("deployment.yml")),
            yaml(
                """
                deployments:
                  - name: a
                    entrypoint: a.py:a
                """,
                """
                deployments:
                  - name: a
                    entrypoint: a.py:a
                  - name: b
                    entrypoint: b.py:b
                """,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aDeploymentPrefectYamlAlsoNamesIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anyMatch(r -> r.sourcePath().equals("deployment.yaml") && r.manual()
                        && r.message().startsWith("prefect.yaml also names backfill"))),
            yaml(PROJECT_DEPLOYMENTS, spec -> spec.path("deployment.yaml")),
            yaml("""
                deployments:
                - name: backfill
                  entrypoint: train.py:backfill
                """, spec -> spec.path("prefect.yaml")));
    }

    @Test
    void mustNotChange() {
        rewriteRun(
            // a build output called deployment.yaml belongs to ConvertDeploymentYamlToPrefectYaml
            yaml("name: nightly\nflow_name: etl\nentrypoint: flows/etl.py:etl\n", spec -> spec.path("deployment.yaml")),
            yaml("deployments:\n- name: a\n  entrypoint: a.py:a\n", spec -> spec.path("other/prefect.yaml")));
    }

    // a moved entry on 2.x's agent pool: a safe run of the composite keeps the pool, with one note (from
    // ReplaceAgentPoolInPrefectYaml, which runs after the move), not a stand-in chosen for the user
    @Test
    void aMovedEntryOnTheAgentPoolKeepsItInASafeRunWithOneNote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.recipeFromResources("dev.migrate.prefect.MigratePrefectYamlToPrefect3").executionContext(ctx)
                        .dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                                .filteredOn(r -> r.message().contains("default-agent-pool"))
                                .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual())
                                .containsExactly("ml/prefect.yaml:6 BHV005 true")),
            yaml("deployments:\n- name: a\n  entrypoint: a.py:a\n  work_pool:\n    name: default-agent-pool", null,
                spec -> spec.path("ml/deployment.yaml")),
            yaml("name: ml\nprefect-version: 2.10.12\n", spec -> spec.path("ml/prefect.yaml").after(actual -> {
                assertThat(actual).contains("  work_pool:\n    name: default-agent-pool").doesNotContain("process-pool");
                return actual;
            })));
    }
}
