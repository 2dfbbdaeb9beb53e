package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** Flows whose tasks another module of the project defines: the same edits and notes as for the module's own. */
class ResolveUnresolvedFuturesImportedTasksTest implements PythonRewriteTest {
    private static final String TASKS = """
            from prefect import task

            @task
            def extract(x):
                return x

            @task(retries=2)
            def load(x):
                return x

            @task
            def publish(x):
                return x

            def helper(x):
                return x
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ResolveUnresolvedFutures());
    }

    @Test
    void tasksImportedByAbsoluteNameAreWaitedForAsTheModulesOwn() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual())
                .containsExactly("pipelines/flows.py:9 BHV001 false")),
            python(TASKS, s -> s.path("pipelines/tasks.py")),
            python(
                """
                from prefect import flow
                from pipelines.tasks import load, extract as ex

                @flow
                def etl(xs):
                    first = ex.submit(1)
                    rest = load.map(xs)
                    for x in xs:
                        load.submit(x)
                    return "done"
                """,
                """
                from prefect import flow
                from prefect.futures import wait
                from pipelines.tasks import load, extract as ex

                @flow
                def etl(xs):
                    first = ex.submit(1)
                    rest = load.map(xs)
                    load_futures = []
                    for x in xs:
                        load_futures.append(load.submit(x))
                    wait([first, *rest, *load_futures])
                    return "done"
                """,
                s -> s.path("pipelines/flows.py")));
    }

    @Test
    void relativeImportsAndAModuleAliasReachTheTasks() {
        rewriteRun(
            python("", s -> s.path("src/pipelines/__init__.py")),
            python(TASKS, s -> s.path("src/pipelines/tasks.py")),
            python(
                """
                from prefect import flow
                from .. import tasks as t
                from ..tasks import extract

                @flow
                def etl(xs):
                    first = extract.submit(1)
                    rest = t.load.map(xs)
                    t.helper(xs)
                    return "done"
                """,
                """
                from prefect import flow
                from prefect.futures import wait
                from .. import tasks as t
                from ..tasks import extract

                @flow
                def etl(xs):
                    first = extract.submit(1)
                    rest = t.load.map(xs)
                    t.helper(xs)
                    wait([first, *rest])
                    return "done"
                """,
                s -> s.path("src/pipelines/flows/etl.py")));
    }

    @Test
    void aPackageThatReExportsItsTasksAndAWholeModuleImportReachThem() {
        rewriteRun(
            python("from .tasks import load\n", s -> s.path("src/pipelines/__init__.py")),
            python(TASKS, s -> s.path("src/pipelines/tasks.py")),
            python(
                """
                import pipelines.tasks
                from prefect import flow
                from pipelines import load

                @flow
                def etl(xs):
                    rest = load.map(xs)
                    first = pipelines.tasks.extract.submit(1)
                    return "done"
                """,
                """
                import pipelines.tasks
                from prefect import flow
                from prefect.futures import wait
                from pipelines import load

                @flow
                def etl(xs):
                    rest = load.map(xs)
                    first = pipelines.tasks.extract.submit(1)
                    wait([*rest, first])
                    return "done"
                """,
                s -> s.path("flows/etl.py")));
    }

    @Test
    void namesShadowedLocallyAndOtherSubmitsAreNotTasks() {
        rewriteRun(
            python(TASKS, s -> s.path("pipelines/tasks.py")),
            python(
                """
                from concurrent.futures import ThreadPoolExecutor

                from prefect import flow
                from pipelines import tasks
                from pipelines.tasks import extract, helper, load
                from warehouse.tasks import publish

                def extract(x):
                    return x

                @flow
                def etl(xs, load):
                    pool = ThreadPoolExecutor()
                    done = pool.submit(print, xs)
                    first = extract.submit(1)
                    rest = load.map(xs)
                    other = helper.submit(1)
                    gone = publish.submit(1)
                    return "done"

                @flow
                def report(xs):
                    tasks = ThreadPoolExecutor()
                    later = tasks.load.submit(xs)
                    return "done"
                """,
                s -> s.path("pipelines/flows.py")));
    }
}
