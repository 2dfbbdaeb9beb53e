package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class PinPrefect3InPythonProjectFilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InPythonProjectFiles());
    }

    @DocumentExample
    @Test
    void pep621DependenciesAndExtras() {
        rewriteRun(text(
            """
            [project]
            name = "etl"
            dependencies = [
                "prefect[aws]>=2.10,<3",  # orchestration
                'prefect-aws==0.4.10; python_version >= "3.9"',
                "pandas>=2",
            ]

            [project.optional-dependencies]
            k8s = ["prefect-kubernetes~=0.3.1"]
            """,
            """
            [project]
            name = "etl"
            dependencies = [
                "prefect[aws]>=3.8.3,<4",  # orchestration
                'prefect-aws==0.5.0; python_version >= "3.9"',
                "pandas>=2",
            ]

            [project.optional-dependencies]
            k8s = ["prefect-kubernetes~=0.5.0"]
            """,
            spec -> spec.path("pyproject.toml")));
    }

    // Poetry's keys are project names too: `prefect_aws` is prefect-aws
    @Test
    void poetryKeysWrittenWithAnUnderscoreMove() {
        rewriteRun(text(
            """
            [tool.poetry.dependencies]
            python = "^3.10"
            Prefect = "^2.14"
            prefect_aws = {version = "^0.4", extras = ["s3"]}
            """,
            """
            [tool.poetry.dependencies]
            python = "^3.10"
            Prefect = "^3.8"
            prefect_aws = {version = "^0.5", extras = ["s3"]}
            """,
            spec -> spec.path("pyproject.toml")));
    }

    // Poetry's own spellings keep their operator and precision; a PEP 440 range in a Poetry table stays a range
    @Test
    void poetryConstraintsKeepTheirShape() {
        rewriteRun(text(
            """
            [tool.poetry.dependencies]
            prefect = { version = "^2.14.3", extras = ["aws"] }
            prefect-gcp = ">=0.5,<0.6"
            prefect-shell = "~0.2.2"

            [tool.poetry.group.flows.dependencies]
            prefect = ">=2.10,<3"
            """,
            """
            [tool.poetry.dependencies]
            prefect = { version = "^3.8.3", extras = ["aws"] }
            prefect-gcp = ">=0.6.0,<0.7"
            prefect-shell = "~0.3.0"

            [tool.poetry.group.flows.dependencies]
            prefect = ">=3.8.3,<4"
            """,
            spec -> spec.path("pyproject.toml")));
    }

    @Test
    void constraintsAlreadyOnPrefect3StayAsTheyAre() {
        rewriteRun(text(
            """
            [project]
            dependencies = ["prefect[aws]>=3.8.3,<4", "prefect-aws~=0.5.0"]

            [tool.poetry.dependencies]
            prefect = "^3.8"
            prefect-gcp = ">=0.6.0,<0.7"
            """,
            spec -> spec.path("pyproject.toml")));
    }

    @Test
    void poetryConstraintsInlineAndInTables() {
        rewriteRun(text(
            """
            [tool.poetry.dependencies]
            python = "^3.10"
            prefect = "^2.14"
            prefect-docker = { version = "^0.4.1", optional = true }

            [tool.poetry.group.dev.dependencies]
            prefect-dask = "0.2.6"
            """,
            """
            [tool.poetry.dependencies]
            python = "^3.10"
            prefect = "^3.8"
            prefect-docker = { version = "^0.6.0", optional = true }

            [tool.poetry.group.dev.dependencies]
            prefect-dask = "0.3.0"
            """,
            spec -> spec.path("pyproject.toml")));
    }

    @Test
    void setupCfgInstallRequiresAndExtras() {
        rewriteRun(text(
            "[metadata]\r\nname = etl\r\n\r\n[options]\r\ninstall_requires =\r\n    prefect==2.19.4\r\n    requests\r\n"
                + "\r\n[options.extras_require]\r\naws = prefect-aws<0.5 ; python_version>='3.9'\r\n",
            "[metadata]\r\nname = etl\r\n\r\n[options]\r\ninstall_requires =\r\n    prefect==3.8.3\r\n    requests\r\n"
                + "\r\n[options.extras_require]\r\naws = prefect-aws>=0.5.0,<0.6 ; python_version>='3.9'\r\n",
            spec -> spec.path("setup.cfg")));
    }

    @Test
    void prefect3PinsOtherToolsAndOtherFilesStay() {
        rewriteRun(
            text("[project]\ndependencies = [\"prefect>=3.1\", \"prefect-aws>=0.5.1\"]\n",
                spec -> spec.path("pyproject.toml")),
            text("[tool.other]\nprefect = \"2.14\"\n", spec -> spec.path("tools/pyproject.toml")),
            text("[metadata]\ndescription = prefect==2.1 tools\n", spec -> spec.path("setup.cfg")),
            text("prefect==2.14.0\n", spec -> spec.path("notes.toml")));
    }

    // PF218 beside the pin: Poetry's `^1.10` and PEP 621's `pydantic<2` cannot be resolved with Prefect 3
    @Test
    void pydantic1PinsInPyprojectAreRaisedAndNoted() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("PF218"))
                .extracting(MigrationNotes.Row::line).containsExactly(2, 8, 9)),
            text(
            """
            [project]
            dependencies = ["prefect>=2.14,<3", "pydantic[email]<2"]

            [tool.poetry.dependencies]
            prefect = "^2.14"
            pydantic-settings = "^1.0"
            pydanticx = "^1.0"
            pydantic = "^1.10"
            "pydantic" = { version = "~1.10.13", optional = true }
            """,
            """
            [project]
            dependencies = ["prefect>=3.8.3,<4", "pydantic[email]>=2.10.1"]

            [tool.poetry.dependencies]
            prefect = "^3.8"
            pydantic-settings = "^1.0"
            pydanticx = "^1.0"
            pydantic = ">=2.10.1"
            "pydantic" = { version = ">=2.10.1", optional = true }
            """,
            spec -> spec.path("pyproject.toml")));
    }

    @Test
    void pydantic1PinsInSetupCfgAreNotedWithoutUnsafeFixes() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(4);
                    assertThat(r.message()).startsWith("unsafe fix not applied").contains("pydantic>=2.10.1");
                })),
            text(
            "[options]\ninstall_requires =\n    prefect==2.19.4\n    pydantic==1.10.13\n\n[metadata]\nx = pydantic<2\n",
            "[options]\ninstall_requires =\n    prefect==3.8.3\n    pydantic==1.10.13\n\n[metadata]\nx = pydantic<2\n",
            spec -> spec.path("setup.cfg")));
    }

    @Test
    void pydanticPinsWithoutPrefect3OrAdmittingVersion2Stay() {
        rewriteRun(
            text("[project]\ndependencies = [\"prefect==1.4.1\", \"pydantic<2\"]\n", spec -> spec.path("pyproject.toml")),
            text("[tool.poetry.dependencies]\nprefect = \"^3.1\"\npydantic = \"^2.5\"\n",
                spec -> spec.path("b/pyproject.toml")),
            text("[project]\ndependencies = [\"prefect>=3\", \"pydantic>=1.10,<3\"]\n",
                spec -> spec.path("c/pyproject.toml")));
    }
}
