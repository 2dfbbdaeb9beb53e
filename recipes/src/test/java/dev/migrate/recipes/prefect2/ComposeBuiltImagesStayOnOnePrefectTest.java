package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;
import org.openrewrite.test.UncheckedConsumer;

/**
 * A safe run held a compose stack's `prefecthq/prefect` images for its `prefect agent start` service, but an agent
 * whose image is built (`build: .` from `FROM prefecthq/prefect:2...`, a `dockerfile:` with `ARG PREFECT_VERSION`, a
 * `build: args:` pin, an `EXTRA_PIP_PACKAGES` pin) still moved to Prefect 3: an agent container whose Prefect has no
 * `prefect agent`. Those now stay with the images in a safe run (manual PF208 notes naming the agent) and move with
 * `--unsafe-fixes`, when the agent becomes a worker.
 */
class ComposeBuiltImagesStayOnOnePrefectTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        // in the order of the prefect-2-to-3 composite
        spec.recipes(new MigrateComposeAgentToWorker(), new UpgradePrefectImagesInYaml(),
                new UpgradePrefectBaseImagesInDockerfiles(), new RaisePrefectVersionArgsInDockerfiles(),
                new RaisePrefectVersionBuildArgsInCompose(), new PinPrefect3InExtraPipPackages());
    }

    private static final String BUILT_AGENT = """
            services:
              server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start
              agent:
                build: .
                command: prefect agent start -q etl
                environment:
                  EXTRA_PIP_PACKAGES: prefect-aws==0.4.5
            """;

    private static final String FROM_PREFECT_2 = """
            FROM prefecthq/prefect:2.14.9-python3.10
            COPY flows /opt/flows
            """;

    private static InMemoryExecutionContext safe() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        return ctx;
    }

    /** The manual hold notes of a run, as they name the agent. */
    private static UncheckedConsumer<List<MigrationNotes.Row>> heldNotes(Consumer<List<MigrationNotes.Row>> check) {
        return rows -> check.accept(rows.stream().filter(r -> r.message().contains(" left as it is: service `")).toList());
    }

    @DocumentExample
    @Test
    void aSafeRunKeepsTheAgentsBuildContextDockerfileAndItsPipPinOnPrefect2() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, heldNotes(rows -> {
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF208");
                    assertThat(r.message()).startsWith("unsafe fix not applied (rerun with --unsafe-fixes): ");
                });
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("Dockerfile");
                    assertThat(r.line()).isEqualTo(1);
                    assertThat(r.message()).contains("`prefecthq/prefect:2.14.9-python3.10` left as it is: service "
                            + "`agent` (docker-compose.yml) still runs a Prefect agent");
                });
                assertThat(rows).anySatisfy(r -> assertThat(r.message())
                        .contains("EXTRA_PIP_PACKAGES `prefect-aws==0.4.5` left as it is: service `agent` still runs"));
            })),
            yaml(BUILT_AGENT, spec -> spec.path("docker-compose.yml")),
            text(FROM_PREFECT_2, spec -> spec.path("Dockerfile")));
    }

    @Test
    void withUnsafeFixesTheBuiltAgentBecomesAWorkerAndItsDockerfileAndPinMove() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, heldNotes(rows -> assertThat(rows).isEmpty())),
            yaml(BUILT_AGENT, spec -> spec.path("docker-compose.yml").after(actual -> {
                assertThat(actual).doesNotContain("prefect agent").doesNotContain("prefecthq/prefect:2.")
                        .contains("prefect worker start").contains("EXTRA_PIP_PACKAGES: prefect-aws==0.5.");
                return actual;
            })),
            text(FROM_PREFECT_2, """
                FROM prefecthq/prefect:3.8.3-python3.10
                COPY flows /opt/flows
                """, spec -> spec.path("Dockerfile")));
    }

    private static final String DOCKERFILE_KEY_AND_ARGS = """
            services:
              agent:
                image: registry.local/etl-agent:1
                build:
                  context: ./agent
                  dockerfile: docker/Dockerfile.agent
                  args:
                    PREFECT_VERSION: 2.19.4
                command: ["prefect", "agent", "start", "-q", "etl"]
            """;

    private static final String ARG_PREFECT_VERSION = """
            FROM python:3.11-slim
            ARG PREFECT_VERSION=2.19.4
            RUN pip install "prefect==${PREFECT_VERSION}"
            """;

    @Test
    void aSafeRunKeepsTheDockerfileKeysDockerfileAndTheBuildArgument() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, heldNotes(rows -> {
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("deploy/agent/docker/Dockerfile.agent");
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.message()).contains("`ARG PREFECT_VERSION=2.19.4` left as it is: service `agent` "
                            + "(deploy/docker-compose.yml)");
                });
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("deploy/docker-compose.yml");
                    assertThat(r.message()).contains("build argument `PREFECT_VERSION: 2.19.4` left as it is");
                });
            })),
            yaml(DOCKERFILE_KEY_AND_ARGS, spec -> spec.path("deploy/docker-compose.yml")),
            text(ARG_PREFECT_VERSION, spec -> spec.path("deploy/agent/docker/Dockerfile.agent")));
    }

    @Test
    void withUnsafeFixesTheBuildArgumentAndTheDockerfileKeysDockerfileMove() {
        rewriteRun(
            yaml(DOCKERFILE_KEY_AND_ARGS, spec -> spec.path("deploy/docker-compose.yml").after(actual -> {
                assertThat(actual).doesNotContain("\"agent\"").contains("PREFECT_VERSION: 3.8.3");
                return actual;
            })),
            text(ARG_PREFECT_VERSION, """
                FROM python:3.11-slim
                ARG PREFECT_VERSION=3.8.3
                RUN pip install "prefect==${PREFECT_VERSION}"
                """, spec -> spec.path("deploy/agent/docker/Dockerfile.agent")));
    }

    // an agent whose queues come from a variable stays an agent even with --unsafe-fixes: its built image stays too
    @Test
    void anAgentLeftForAPersonHoldsItsDockerfileEvenWithUnsafeFixes() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, heldNotes(rows -> assertThat(rows)
                .filteredOn(r -> r.sourcePath().equals("Dockerfile")).singleElement().satisfies(r -> assertThat(r.message())
                        .contains("service `agent` (compose.yaml) still runs").contains("which was not made")))),
            yaml("services:\n  agent:\n    build: .\n    command: prefect agent start $QUEUES\n",
                spec -> spec.path("compose.yaml")),
            text(FROM_PREFECT_2, spec -> spec.path("Dockerfile")));
    }

    // the other way round: the server is built, the agent runs the stock image; a 3.x server under a 2.x agent
    @Test
    void aSafeRunKeepsABuiltServerOfAProjectWithAnAgent() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, heldNotes(rows ->
                assertThat(rows).anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("server/Dockerfile");
                    assertThat(r.message()).contains("service `agent` (compose.override.yaml)");
                }))),
            yaml("services:\n  server:\n    build: ./server\n    command: prefect server start\n",
                spec -> spec.path("compose.yaml")),
            yaml("services:\n  agent:\n    image: prefecthq/prefect:2.14.9-python3.10\n    command: prefect agent start -q a\n",
                spec -> spec.path("compose.override.yaml")),
            text(FROM_PREFECT_2, spec -> spec.path("server/Dockerfile")));
    }

    // a Dockerfile no held project builds, and a project without an agent, move in a safe run as before
    @Test
    void dockerfilesAndPinsOfProjectsWithoutAnAgentMoveInASafeRun() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, heldNotes(rows ->
                assertThat(rows).isEmpty())),
            yaml("""
                services:
                  worker:
                    build:
                      context: .
                      args:
                        - PREFECT_VERSION=2.19.4
                    command: prefect worker start --pool p
                    environment:
                      - EXTRA_PIP_PACKAGES=prefect-aws==0.4.5
                """, """
                services:
                  worker:
                    build:
                      context: .
                      args:
                        - PREFECT_VERSION=3.8.3
                    command: prefect worker start --pool p
                    environment:
                      - EXTRA_PIP_PACKAGES=prefect-aws==0.5.0
                """, spec -> spec.path("jobs/compose.yml")),
            text(ARG_PREFECT_VERSION, """
                FROM python:3.11-slim
                ARG PREFECT_VERSION=3.8.3
                RUN pip install "prefect==${PREFECT_VERSION}"
                """, spec -> spec.path("jobs/Dockerfile")),
            // built by no compose file at all
            text(FROM_PREFECT_2, """
                FROM prefecthq/prefect:3.8.3-python3.10
                COPY flows /opt/flows
                """, spec -> spec.path("tools/Dockerfile")),
            // a held project builds only agent/Dockerfile: the Dockerfile beside its compose file is not its
            yaml("services:\n  agent:\n    build: ./agent\n    command: prefect agent start -q a\n",
                spec -> spec.path("ops/docker-compose.yml")),
            text(FROM_PREFECT_2, """
                FROM prefecthq/prefect:3.8.3-python3.10
                COPY flows /opt/flows
                """, spec -> spec.path("ops/Dockerfile")));
    }

    // the scanner must be the recipes' own: each of them held alone, as `migrate` may run one recipe
    @Test
    void theDockerfileRecipeAloneHoldsTheImage() {
        rewriteRun(spec -> spec.recipe(new UpgradePrefectBaseImagesInDockerfiles()).executionContext(safe()),
            yaml(BUILT_AGENT, spec -> spec.path("docker-compose.yml")),
            text(FROM_PREFECT_2, spec -> spec.path("Dockerfile")));
    }
}
