package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

/**
 * A safe run held a compose project's agent image on Prefect 2 and kept the pyproject.toml its Dockerfile installs,
 * but the project's {@code setup.py}, which {@code pip install /opt/agent} reads the same way, was still pinned to
 * Prefect 3: the rebuilt agent image got Prefect 3, which has no {@code prefect agent}. It now stays in a safe run with
 * a manual PF208 note per pin naming the agent, and moves with {@code --unsafe-fixes}, when the agent becomes a worker.
 */
class ComposeInstalledSetupPyStaysOnOnePrefectTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InSetupPy());
    }

    private static final String DOCKERFILE = """
            FROM python:3.10-slim
            COPY . /opt/agent
            RUN pip install --no-cache-dir -e /opt/agent
            """;

    private static final String SETUP = """
            from setuptools import setup

            setup(
                name="etl",
                install_requires=[
                    "prefect==2.14.9", 'prefect-aws==0.4.10; python_version>"3.8"',
                    "pydantic<2",
                ],
            )
            """;

    private static InMemoryExecutionContext safe() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        return ctx;
    }

    @DocumentExample
    @Test
    void aSafeRunKeepsTheSetupPyAHeldDockerfileInstalls() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows -> {
                // one note per pin, none for the pydantic pin the held Prefect 2 still accepts
                assertThat(rows).extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code())
                        .containsExactly("agent/setup.py:6 PF208", "agent/setup.py:6 PF208");
                assertThat(rows).allSatisfy(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).startsWith("unsafe fix not applied (rerun with --unsafe-fixes): ")
                            .contains(" left as it is: service `agent` (docker-compose.yml) still runs a Prefect agent");
                });
                assertThat(rows).extracting(MigrationNotes.Row::message).anySatisfy(m -> assertThat(m)
                        .contains("`\"prefect==2.14.9\"` left as it is")).anySatisfy(m -> assertThat(m)
                        .contains("`'prefect-aws==0.4.10; python_version>\"3.8\"'` left as it is"));
            }),
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(SETUP, spec -> spec.path("agent/setup.py")));
    }

    @Test
    void withUnsafeFixesTheSetupPyMovesWithTheAgent() {
        rewriteRun(
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(SETUP, SETUP.replace("prefect==2.14.9", "prefect==3.8.3").replace("prefect-aws==0.4.10", "prefect-aws==0.5.0")
                    .replace("pydantic<2", "pydantic>=2.10.1"), spec -> spec.path("agent/setup.py")));
    }

    // must not change the way it did: a setup.py the held image does not install (its Dockerfile installs only a
    // requirements file, and another project's image is built without an agent) moves in a safe run
    @Test
    void aSetupPyNoHeldImageInstallsMovesInASafeRun() {
        rewriteRun(spec -> spec.executionContext(safe()),
            HeldAgentCompose.file(),
            text("FROM python:3.10-slim\nCOPY . /opt/agent\nRUN pip install -r /opt/agent/requirements.txt\n",
                spec -> spec.path("agent/Dockerfile")),
            python("setup(install_requires=[\"prefect==2.14.9\"])\n", "setup(install_requires=[\"prefect==3.8.3\"])\n",
                spec -> spec.path("agent/setup.py")),
            yaml("services:\n  worker:\n    build: .\n    command: prefect worker start --pool p\n",
                spec -> spec.path("jobs/compose.yaml")),
            text(DOCKERFILE.replace("/opt/agent", "/opt/jobs"), spec -> spec.path("jobs/Dockerfile")),
            python("setup(install_requires=[\"prefect==2.14.9\"])\n", "setup(install_requires=[\"prefect==3.8.3\"])\n",
                spec -> spec.path("jobs/setup.py")));
    }
}
