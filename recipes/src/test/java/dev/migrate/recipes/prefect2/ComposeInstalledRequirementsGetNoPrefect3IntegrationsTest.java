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
 * A safe run kept the requirements a held agent image installs on {@code prefect==2.14.9}, but the integrations the
 * migrated code imports were still added there at their first Prefect 3 release ({@code prefect-aws>=0.5.0}, which
 * requires Prefect 3): the agent image's install then failed, or pulled Prefect 3 in. A held file gets nothing added in
 * a safe run, only a manual PF208 note naming the agent; the packages are added with {@code --unsafe-fixes}.
 */
class ComposeInstalledRequirementsGetNoPrefect3IntegrationsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new AddPrefectIntegrationRequirements());
    }

    private static final String DOCKERFILE = """
            FROM python:3.10-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            """;

    /** The storage block becomes prefect_aws's S3Bucket, and the task runner moves to prefect_dask. */
    private static final String FLOW = """
            from prefect.filesystems import S3
            from prefect.task_runners import DaskTaskRunner
            """;

    private static InMemoryExecutionContext safe() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        return ctx;
    }

    @DocumentExample
    @Test
    void aSafeRunAddsNothingToTheRequirementsTheHeldDockerfileInstalls() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).singleElement().satisfies(r -> {
                    assertThat(r.sourcePath() + ":" + r.line()).isEqualTo("agent/requirements.txt:2");
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF208");
                    assertThat(r.message()).isEqualTo("unsafe fix not applied (rerun with --unsafe-fixes): this file, "
                            + "without `prefect-aws>=0.5.0`, `prefect-dask>=0.3.0` that the migrated code imports, left "
                            + "as it is: service `agent` (docker-compose.yml) still runs a Prefect agent, which a "
                            + "Prefect 3 server does not serve and a Prefect 3 image cannot start, so the project's "
                            + "Prefect images move together with the agent's move to a worker (PF203)");
                })),
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text("prefect==2.14.9\npandas\n", spec -> spec.path("agent/requirements.txt")));
    }

    // the file that lists prefect is one the installed requirements file includes: held through it
    @Test
    void aSafeRunAddsNothingToAFileTheInstalledRequirementsInclude() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).extracting(r -> r.sourcePath() + ":" + r.code()).containsExactly("agent/base.txt:PF208")),
            HeldAgentCompose.file(),
            text(DOCKERFILE.replace("COPY requirements.txt .", "COPY . ."), spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text("-r base.txt\n", spec -> spec.path("agent/requirements.txt")),
            text("prefect==2.14.9\n", spec -> spec.path("agent/base.txt")));
    }

    // the image installs the project itself: its pyproject.toml is held the same way
    @Test
    void aSafeRunAddsNothingToTheProjectMetadataAHeldDockerfileInstalls() {
        String pyproject = """
                [project]
                name = "etl"
                dependencies = [
                    "prefect==2.14.9",
                ]
                """;
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).extracting(r -> r.sourcePath() + ":" + r.code()).containsExactly("agent/pyproject.toml:PF208")),
            HeldAgentCompose.file(),
            text("FROM python:3.10-slim\nCOPY . /opt/agent\nRUN pip install /opt/agent\n", spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text(pyproject, spec -> spec.path("agent/pyproject.toml")));
    }

    // a held lock: the note is the hold's, not the hash lock's "add them to its input" (that would move the image too)
    @Test
    void aHeldHashLockedFileGetsTheHoldsNote() {
        rewriteRun(spec -> spec.executionContext(safe()).dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).singleElement().satisfies(r -> assertThat(r.message())
                        .contains("without `prefect-aws>=0.5.0`, `prefect-dask>=0.3.0` that the migrated code imports, left as it is")
                        .doesNotContain("--hash"))),
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text("prefect==2.14.9 \\\n    --hash=sha256:0123456789abcdef\n", spec -> spec.path("agent/requirements.txt")));
    }

    @Test
    void withUnsafeFixesThePackagesAreAddedWithTheAgentsMove() {
        rewriteRun(
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text("prefect==2.14.9\npandas\n", "prefect==2.14.9\nprefect-aws>=0.5.0\nprefect-dask>=0.3.0\npandas\n",
                spec -> spec.path("agent/requirements.txt")));
    }

    // must not change the way it did: a requirements file the held image does not install, though it sits beside the
    // held Dockerfile, and the requirements of a project without an agent get the packages in a safe run
    @Test
    void requirementsNoHeldImageInstallsGetThePackagesInASafeRun() {
        rewriteRun(spec -> spec.executionContext(safe()),
            HeldAgentCompose.file(),
            text(DOCKERFILE, spec -> spec.path("agent/Dockerfile")),
            python(FLOW, spec -> spec.path("agent/flows/etl.py")),
            text("prefect==2.14.9\n", spec -> spec.path("agent/requirements.txt")),
            text("prefect==2.14.9\n", "prefect==2.14.9\nprefect-aws>=0.5.0\nprefect-dask>=0.3.0\n",
                spec -> spec.path("agent/requirements-dev.txt")),
            yaml("services:\n  worker:\n    build: .\n    command: prefect worker start --pool p\n",
                spec -> spec.path("jobs/compose.yaml")),
            text(DOCKERFILE, spec -> spec.path("jobs/Dockerfile")),
            python(FLOW, spec -> spec.path("jobs/etl.py")),
            text("prefect==3.8.3\n", "prefect==3.8.3\nprefect-aws>=0.5.0\nprefect-dask>=0.3.0\n",
                spec -> spec.path("jobs/requirements.txt")));
    }
}
