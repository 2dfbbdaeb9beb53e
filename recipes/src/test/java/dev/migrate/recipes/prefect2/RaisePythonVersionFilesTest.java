package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RaisePythonVersionFilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaisePythonVersionFiles());
    }

    // a Heroku-deployed flows repository: pyenv for the developers, runtime.txt for the dyno
    @DocumentExample
    @Test
    void theVersionFilesOfAPrefectProjectMoveToTheFloorInTheirOwnForm() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.code() + " " + r.message())
                        .containsExactlyInAnyOrder(
                                ".python-version:1 false PF221 raised .python-version from 3.8 to 3.10: Prefect 3.8.3 needs "
                                        + "Python 3.10 or newer, and this project depends on Prefect; developers run "
                                        + "`pyenv install` (or uv installs it) once",
                                "runtime.txt:1 false PF221 raised runtime.txt from 3.8.10 to 3.10.18: Prefect 3.8.3 needs "
                                        + "Python 3.10 or newer, and this project depends on Prefect; check that the platform "
                                        + "offers Python 3.10.18, and a later 3.10 patch release works as well")),
            text("prefect==3.8.3\nprefect-aws==0.5.0\n", spec -> spec.path("requirements.txt")),
            text("3.8\n", "3.10\n", spec -> spec.path(".python-version")),
            text("python-3.8.10\n", "python-3.10.18\n", spec -> spec.path("runtime.txt")));
    }

    @Test
    void anExactPyenvVersionCrlfAndAMissingNewlineAreKept() {
        rewriteRun(
            text("[project]\ndependencies = [\"prefect>=2.14\"]\n", spec -> spec.path("flows/pyproject.toml")),
            text("# pyenv local\r\n3.9.18\r\n", "# pyenv local\r\n3.10.18\r\n", spec -> spec.path("flows/.python-version")),
            text("python-3.9", "python-3.10", spec -> spec.path("flows/runtime.txt")));
    }

    // requirements.txt lists Prefect only through the file it includes
    @Test
    void aProjectWhoseRequirementsIncludePrefect() {
        rewriteRun(
            text("-r requirements/base.txt\n", spec -> spec.path("requirements.txt")),
            text("prefect[aws]==2.19.4\n", spec -> spec.path("requirements/base.txt")),
            text("3.9.18\n", "3.10.18\n", spec -> spec.path(".python-version")));
    }

    @Test
    void severalPyenvVersionsAndNoUnsafeFixesOnlyGetANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.message())
                        .containsExactlyInAnyOrder(
                                "a/.python-version:1 true .python-version selects Python 3.9.18: Prefect 3.8.3 needs Python "
                                        + "3.10 or newer, and this project depends on Prefect; it lists several Pythons (pyenv "
                                        + "makes each available): choose the ones the project keeps",
                                "b/runtime.txt:1 true unsafe fix not applied (rerun with --unsafe-fixes): raised runtime.txt "
                                        + "from 3.9 to 3.10: Prefect 3.8.3 needs Python 3.10 or newer, and this project depends "
                                        + "on Prefect; check that the platform offers Python 3.10")),
            text("prefect\n", spec -> spec.path("a/requirements.txt")),
            text("3.9.18\n3.11.9\n", spec -> spec.path("a/.python-version")),
            text("prefect\n", spec -> spec.path("b/requirements.txt")),
            text("python-3.9\n", spec -> spec.path("b/runtime.txt")));
    }

    @Test
    void projectsWithoutPrefectNewPythonsAndOtherEntriesStay() {
        rewriteRun(
            text("flask==3.0.3\n", spec -> spec.path("web/requirements.txt")),
            text("3.8.10\n", spec -> spec.path("web/.python-version")),
            text("prefect==3.8.3\n", spec -> spec.path("requirements.txt")),
            text("3.12\n", spec -> spec.path(".python-version")),
            text("python-3.11.9\n", spec -> spec.path("runtime.txt")),
            text("prefect==3.8.3\n", spec -> spec.path("pypy/requirements.txt")),
            text("pypy3.9-7.3.16\n", spec -> spec.path("pypy/.python-version")),
            text("prefect==3.8.3\n", spec -> spec.path("docs/requirements.txt")),
            text("python 3.8 on the old box\n", spec -> spec.path("docs/runtime.txt")));
    }

    @Test
    void aTargetWhoseFloorIs39RaisesOnly38() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            text("prefect==3.2.0\n", spec -> spec.path("requirements.txt")),
            text("3.8.18\n", "3.9.23\n", spec -> spec.path(".python-version")),
            text("python-3.9.18\n", spec -> spec.path("runtime.txt")));
    }
}
