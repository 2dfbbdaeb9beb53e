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

class ReplaceAgentPoolInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceAgentPoolInPrefectYaml());
    }

    // the `prefect init` layout of 2.x: workers would never pick these runs up from the prefect-agent pool
    @DocumentExample
    @Test
    void aDeploymentOnDefaultAgentPoolMovesToTheStandInPool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(5);
                    assertThat(r.code()).isEqualTo("BHV005");
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).startsWith("deploys to work pool `process-pool`")
                            .contains("prefect work-pool create process-pool --type process");
                })),
            yaml(
                """
                deployments:
                  - name: sorecom
                    entrypoint: main.py:sorecom
                    parameters: {}
                    work_pool:
                      # the queue stays
                      name: "default-agent-pool"
                      work_queue_name: nightly
                      job_variables: {}
                """,
                """
                deployments:
                  - name: sorecom
                    entrypoint: main.py:sorecom
                    parameters: {}
                    work_pool:
                      # the queue stays
                      name: "process-pool"
                      work_queue_name: nightly
                      job_variables: {}
                """,
                spec -> spec.path("etl/prefect.yaml")));
    }

    @Test
    void withoutUnsafeFixesItIsAManualNote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .singleElement().satisfies(r -> {
                            assertThat(r.manual()).isTrue();
                            assertThat(r.message()).startsWith("unsafe fix not applied");
                        })),
            yaml("deployments:\n  - name: a\n    entrypoint: a.py:a\n    work_pool:\n      name: default-agent-pool\n",
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aFlowMappingPoolMovesToo() {
        rewriteRun(
            yaml("deployments:\n- name: a\n  entrypoint: a.py:a\n  work_pool:\n    name: default-agent-pool\n",
                "deployments:\n- name: a\n  entrypoint: a.py:a\n  work_pool:\n    name: process-pool\n",
                spec -> spec.path("a/prefect.yaml")),
            yaml("deployments:\n  - name: a\n    entrypoint: a.py:a\n    work_pool: {name: default-agent-pool, work_queue_name: q}\n",
                "deployments:\n  - name: a\n    entrypoint: a.py:a\n    work_pool: {name: process-pool, work_queue_name: q}\n",
                spec -> spec.path("b/prefect.yaml")));
    }

    // a typed pool of its own, a pool name outside a deployment's work_pool, or another file: nothing to change
    @Test
    void mustNotChange() {
        rewriteRun(
            yaml("""
                name: default-agent-pool
                deployments:
                - name: a
                  entrypoint: a.py:a
                  work_pool: {name: etl-pool}
                - name: b
                  entrypoint: b.py:b
                  tags: [default-agent-pool]
                  parameters: {name: default-agent-pool}
                """, spec -> spec.path("prefect.yaml")),
            yaml("deployments:\n- name: a\n  work_pool: {name: default-agent-pool}\n", spec -> spec.path("ci/pipeline.yaml")));
    }
}
