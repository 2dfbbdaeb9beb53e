package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A safe run held a compose project's agent image built from a Dockerfile on Prefect 2, but the requirements file
 * that Dockerfile copies and pip-installs was still pinned to Prefect 3: the rebuilt agent image got Prefect 3, which
 * has no {@code prefect agent}. The file (and what it includes) now stays in a safe run with a manual PF208 note
 * naming the agent, and moves with {@code --unsafe-fixes}, when the agent becomes a worker.
 */
class ComposeInstalledRequirementsStayOnOnePrefectTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InRequirements());
    }

    private static final String COMPOSE = """
            services:
              server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start
              agent:
                build:
                  context: ./agent
                  dockerfile: agent.Dockerfile
                command: prefect agent start -q etl
            """;

    private static final String DOCKERFILE = """
            FROM python:3.10-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            """;

    private static final String REQUIREMENTS = """
            -r base.txt
            prefect==2.14.9
            prefect-aws==0.4.10  # s3 blocks
            """;

    private static final String BASE = "prefect-shell==0.2.2\n";

    private static InMemoryExecutionContext safe() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        return ctx;
    }

    @DocumentExample
    @Test
    void aSafeRunKeepsTheRequirementsTheHeldDockerfileInstallsAndWhatTheyInclude() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).filteredOn(r -> r.message().contains(" left as it is: service `agent` (docker-compose.yml)"))
                        .extracting(r -> r.sourcePath() + ":" + r.line())
                        .containsExactlyInAnyOrder("agent/requirements.txt:2", "agent/requirements.txt:3", "agent/base.txt:1");
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF208");
                    assertThat(r.message()).startsWith("unsafe fix not applied (rerun with --unsafe-fixes): ");
                });
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains("`prefect-aws==0.4.10` left as it is"));
            }),
            yaml(COMPOSE, spec -> spec.path("docker-compose.yml")),
            text(DOCKERFILE, spec -> spec.path("agent/agent.Dockerfile")),
            text(REQUIREMENTS, spec -> spec.path("agent/requirements.txt")),
            text(BASE, spec -> spec.path("agent/base.txt")));
    }

    @Test
    void withUnsafeFixesTheRequirementsMoveWithTheAgent() {
        rewriteRun(
            yaml(COMPOSE, spec -> spec.path("docker-compose.yml")),
            text(DOCKERFILE, spec -> spec.path("agent/agent.Dockerfile")),
            text(REQUIREMENTS, """
                -r base.txt
                prefect==3.8.3
                prefect-aws==0.5.0  # s3 blocks
                """, spec -> spec.path("agent/requirements.txt")),
            text(BASE, "prefect-shell==0.3.0\n", spec -> spec.path("agent/base.txt")));
    }

    private static final String PROJECT_DOCKERFILE = """
            FROM python:3.10-slim
            COPY . /opt/agent
            RUN pip install /opt/agent
            """;

    private static final String PYPROJECT = """
            [project]
            name = "etl"
            dependencies = [
                "prefect==2.14.9",
                "pandas>=2",
            ]
            """;

    // the agent's image installs the project itself: its pyproject.toml pins are held the same way
    @Test
    void aSafeRunKeepsTheProjectMetadataAHeldDockerfileInstalls() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPythonProjectFiles()).executionContext(safe())
                .dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                    assertThat(r.sourcePath()).isEqualTo("agent/pyproject.toml");
                    assertThat(r.line()).isEqualTo(4);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("`\"prefect==2.14.9\",` left as it is: service `agent` "
                            + "(docker-compose.yml) still runs a Prefect agent");
                })),
            yaml(COMPOSE.replace("dockerfile: agent.Dockerfile", "dockerfile: Dockerfile"),
                spec -> spec.path("docker-compose.yml")),
            text(PROJECT_DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            text(PYPROJECT, spec -> spec.path("agent/pyproject.toml")));
    }

    @Test
    void withUnsafeFixesTheProjectMetadataMovesWithTheAgent() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPythonProjectFiles()),
            yaml(COMPOSE.replace("dockerfile: agent.Dockerfile", "dockerfile: Dockerfile"),
                spec -> spec.path("docker-compose.yml")),
            text(PROJECT_DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            text(PYPROJECT, PYPROJECT.replace("prefect==2.14.9", "prefect==3.8.3"), spec -> spec.path("agent/pyproject.toml")));
    }

    // must not change the way it did: a requirements file no held image installs moves in a safe run, though it sits
    // beside the held Dockerfile; and a project without an agent moves whole
    @Test
    void requirementsNoHeldImageInstallsMoveInASafeRun() {
        rewriteRun(spec -> spec.executionContext(safe()),
            yaml(COMPOSE, spec -> spec.path("docker-compose.yml")),
            text(DOCKERFILE, spec -> spec.path("agent/agent.Dockerfile")),
            text("prefect==2.14.9\n", "prefect==3.8.3\n", spec -> spec.path("agent/requirements-dev.txt")),
            yaml("services:\n  worker:\n    build: .\n    command: prefect worker start --pool p\n",
                spec -> spec.path("jobs/compose.yaml")),
            text(DOCKERFILE, spec -> spec.path("jobs/Dockerfile")),
            text("prefect==2.14.9\n", "prefect==3.8.3\n", spec -> spec.path("jobs/requirements.txt")));
    }
}
