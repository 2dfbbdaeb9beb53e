package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class RaiseDeclaredPythonInProjectFilesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaiseDeclaredPythonInProjectFiles());
    }

    @DocumentExample
    @Test
    void theLowerBoundOfAPrefectProjectsPythonIsRaised() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.code() + " " + r.message()).containsExactly(
                                "4 false PF221 raised requires-python from \">=3.8,<4\" to \">=3.10,<4\": Prefect 3.8.3 needs "
                                        + "Python 3.10 or newer, and this project depends on Prefect; move the CI jobs and "
                                        + "images that still run it on Python 3.8 too",
                                "9 false PF221 raised python from \"^3.9\" to \"^3.10\": Prefect 3.8.3 needs Python 3.10 or "
                                        + "newer, and this project depends on Prefect; move the CI jobs and images that "
                                        + "still run it on Python 3.9 too")),
            text(
                """
                [project]
                name = "etl-flows"
                version = "0.4.0"
                requires-python = ">=3.8,<4"  # the oldest worker
                dependencies = ["prefect[aws]==2.19.4", "pandas>=2"]

                [tool.poetry.dependencies]
                # kept for the poetry users
                python = "^3.9"
                """,
                """
                [project]
                name = "etl-flows"
                version = "0.4.0"
                requires-python = ">=3.10,<4"  # the oldest worker
                dependencies = ["prefect[aws]==2.19.4", "pandas>=2"]

                [tool.poetry.dependencies]
                # kept for the poetry users
                python = "^3.10"
                """,
                spec -> spec.path("pyproject.toml")));
    }

    @Test
    void setupPyAndSetupCfgBesideARequirementsFileThatListsPrefect() {
        rewriteRun(
            text("prefect==2.19.4\n", spec -> spec.path("lib/requirements.txt")),
            python(
                """
                from setuptools import setup

                setup(name="lib", python_requires='>=3.7, !=3.8.0', install_requires=open("requirements.txt").read().split())
                """,
                """
                from setuptools import setup

                setup(name="lib", python_requires='>=3.10, !=3.8.0', install_requires=open("requirements.txt").read().split())
                """,
                spec -> spec.path("lib/setup.py")),
            text("[options]\npython_requires = >=3.8\n", "[options]\npython_requires = >=3.10\n",
                spec -> spec.path("lib/setup.cfg")));
    }

    @Test
    void aCapBelowTheFloorOrNoUnsafeFixesLeavesANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.message()).containsExactly(
                                "2 true requires-python \"~=3.9.0\" admits Python 3.9 and caps Python below 3.10: Prefect "
                                        + "3.8.3 needs Python 3.10 or newer, and this project depends on Prefect; choose the "
                                        + "Pythons the project supports",
                                "2 true unsafe fix not applied (rerun with --unsafe-fixes): raised requires-python from "
                                        + "\">=3.9\" to \">=3.10\": Prefect 3.8.3 needs Python 3.10 or newer, and this project "
                                        + "depends on Prefect; move the CI jobs and images that still run it on Python 3.9 too")),
            text("[project]\nrequires-python = \"~=3.9.0\"\ndependencies = [\"prefect\"]\n", spec -> spec.path("pyproject.toml")),
            text("[project]\nrequires-python = \">=3.9\"\ndependencies = [\"prefect\"]\n", spec -> spec.path("b/pyproject.toml")));
    }

    @Test
    void projectsWithoutPrefectNewPythonsAndOlderTargetsStay() {
        rewriteRun(
            text("[project]\nname = \"prefect-tools\"\nrequires-python = \">=3.8\"\ndependencies = [\"httpx\"]\n",
                spec -> spec.path("pyproject.toml")),
            text("[project]\nrequires-python = \">=3.10\"\ndependencies = [\"prefect==3.8.3\"]\n",
                spec -> spec.path("b/pyproject.toml")));
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            text("[project]\nrequires-python = \">=3.9\"\ndependencies = [\"prefect==3.2.0\"]\n",
                spec -> spec.path("pyproject.toml")));
    }

    @Test
    void aProjectWhoseRequirementsIncludePrefect() {
        rewriteRun(
            text("-r requirements/prod.txt\n", spec -> spec.path("requirements.txt")),
            text("-r ../common/base.txt\n", spec -> spec.path("requirements/prod.txt")),
            text("prefect-aws==0.4.14\n", spec -> spec.path("common/base.txt")),
            text("[project]\nrequires-python = \">=3.9\"\n", "[project]\nrequires-python = \">=3.10\"\n",
                spec -> spec.path("pyproject.toml")));
    }
}
