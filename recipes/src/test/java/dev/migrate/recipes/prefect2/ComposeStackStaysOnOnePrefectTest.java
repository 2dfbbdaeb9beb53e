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

/**
 * A safe run raised the server image of a compose stack like samples/k2-platform's to Prefect 3 and left its
 * `prefect agent start` service on 2 (the move to a worker is unsafe): a 2.x agent against a 3.x server, a stack that
 * does not work. The images now move with the agent: held in a safe run (manual notes naming the agent), raised with
 * `--unsafe-fixes` once the agent is a worker.
 */
class ComposeStackStaysOnOnePrefectTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        // in the order of the composite: the agent moves first
        spec.recipes(new MigrateComposeAgentToWorker(), new UpgradePrefectImagesInYaml());
    }

    private static final String STACK = """
            x-prefect-env: &prefect-env
              PREFECT_API_URL: http://prefect-server:4200/api

            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start --host 0.0.0.0
                environment:
                  <<: *prefect-env

              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q iceberg-offload
                environment:
                  <<: *prefect-env
                depends_on:
                  - prefect-server
            """;

    @DocumentExample
    @Test
    void aSafeRunKeepsTheWholeStackOnPrefect2WithANoteOnEachImage() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).filteredOn(r -> r.recipe().endsWith("UpgradePrefectImagesInYaml"))
                        .extracting(MigrationNotes.Row::line).containsExactly(6, 12);
                assertThat(rows).filteredOn(r -> r.recipe().endsWith("UpgradePrefectImagesInYaml")).allSatisfy(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF208");
                    assertThat(r.message()).startsWith("unsafe fix not applied (rerun with --unsafe-fixes): "
                            + "`prefecthq/prefect:2.14.9-python3.10` left as it is: service `prefect-agent` still runs "
                            + "a Prefect agent");
                });
                // the agent's own note says what its move would do
                assertThat(rows).anyMatch(r -> r.recipe().endsWith("MigrateComposeAgentToWorker") && r.manual());
            }),
            yaml(STACK, spec -> spec.path("docker-compose.v2.yml")));
    }

    @Test
    void withUnsafeFixesTheAgentBecomesAWorkerAndEveryImageMoves() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneMatch(r -> r.message().contains("left as it is"))),
            yaml(STACK, spec -> spec.path("docker-compose.v2.yml").after(actual -> {
                assertThat(actual).doesNotContain("prefecthq/prefect:2.").doesNotContain("prefect agent")
                        .contains("prefect worker start --work-queue iceberg-offload --pool process-pool --type process");
                assertThat(actual.split("image: prefecthq/prefect:3\\.8\\.3-python3\\.10", -1)).hasSize(4);
                return actual;
            })));
    }

    // an agent whose queues come from a variable cannot be translated: even with --unsafe-fixes it stays an agent
    @Test
    void anAgentLeftForAPersonHoldsTheImagesEvenWithUnsafeFixes() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.recipe().endsWith("UpgradePrefectImagesInYaml")).hasSize(2).allSatisfy(r ->
                        assertThat(r.message()).contains("which was not made: rewrite its command by hand"))),
            yaml("""
                services:
                  server:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: prefect server start
                  agent:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: prefect agent start $QUEUES
                """, spec -> spec.path("compose.yaml")));
    }

    // compose merges docker-compose.yml with its override: the server there is held by the agent here
    @Test
    void anAgentInAnotherComposeFileOfTheProjectHoldsTheServer() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anyMatch(r -> r.sourcePath().equals("ops/docker-compose.yml") && r.message().contains(
                        "service `agent` (ops/docker-compose.override.yml) still runs a Prefect agent"))),
            yaml("services:\n  server:\n    image: prefecthq/prefect:2.14.9-python3.10\n    command: prefect server start\n",
                spec -> spec.path("ops/docker-compose.yml")),
            yaml("services:\n  agent:\n    image: prefecthq/prefect:2.14.9-python3.10\n    command: prefect agent start -q a\n",
                spec -> spec.path("ops/docker-compose.override.yml")),
            // another project's server has no agent to wait for
            yaml("services:\n  server:\n    image: prefecthq/prefect:2.14.9-python3.10\n",
                "services:\n  server:\n    image: prefecthq/prefect:3.8.3-python3.10\n",
                spec -> spec.path("other/docker-compose.yml")));
    }

    @Test
    void aStackWithoutAnAgentMovesInASafeRun() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx),
            yaml("""
                services:
                  server:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: prefect server start
                  worker:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: prefect worker start --pool etl --type process
                """,
                """
                services:
                  server:
                    image: prefecthq/prefect:3.8.3-python3.10
                    command: prefect server start
                  worker:
                    image: prefecthq/prefect:3.8.3-python3.10
                    command: prefect worker start --pool etl --type process
                """, spec -> spec.path("compose.yaml")));
    }

    // the hold is about compose projects: a Kubernetes manifest's image is raised as before
    @Test
    void aKubernetesManifestBesideIsNotHeld() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx),
            yaml("services:\n  agent:\n    image: prefecthq/prefect:2.14.9-python3.10\n    command: prefect agent start -q a\n",
                spec -> spec.path("docker-compose.yml")),
            yaml("spec:\n  containers:\n    - name: server\n      image: prefecthq/prefect:2.14.9-python3.10\n",
                "spec:\n  containers:\n    - name: server\n      image: prefecthq/prefect:3.8.3-python3.10\n",
                spec -> spec.path("server.yaml")));
    }
}
