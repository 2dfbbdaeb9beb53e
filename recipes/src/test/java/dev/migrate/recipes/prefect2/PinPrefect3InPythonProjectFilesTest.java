package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
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
                "prefect[aws]==3.8.3",  # orchestration
                'prefect-aws>=0.5.0; python_version >= "3.9"',
                "pandas>=2",
            ]

            [project.optional-dependencies]
            k8s = ["prefect-kubernetes>=0.5.0"]
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
            prefect = "==3.8.3"
            prefect-docker = { version = ">=0.6.0", optional = true }

            [tool.poetry.group.dev.dependencies]
            prefect-dask = ">=0.3.0"
            """,
            spec -> spec.path("pyproject.toml")));
    }

    @Test
    void setupCfgInstallRequiresAndExtras() {
        rewriteRun(text(
            "[metadata]\r\nname = etl\r\n\r\n[options]\r\ninstall_requires =\r\n    prefect==2.19.4\r\n    requests\r\n"
                + "\r\n[options.extras_require]\r\naws = prefect-aws<0.5 ; python_version>='3.9'\r\n",
            "[metadata]\r\nname = etl\r\n\r\n[options]\r\ninstall_requires =\r\n    prefect==3.8.3\r\n    requests\r\n"
                + "\r\n[options.extras_require]\r\naws = prefect-aws>=0.5.0 ; python_version>='3.9'\r\n",
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
}
