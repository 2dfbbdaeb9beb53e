package dev.migrate.recipes.python;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.recipes.prefect2.ResolveUnresolvedFutures;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * A task a package's {@code __init__.py} re-exports under another name ({@code from .tasks import load as
 * load_rows}) is the same task to the rewrite as to the scan: both read the one project task index. A futures recipe
 * stands for the rest, which all read tasks through {@link ProjectTasks}.
 */
class ReExportedTasksRewriteTest implements PythonRewriteTest {
    private static final String TASKS = """
            from prefect import task

            @task(retries=2)
            def load(rows):
                return len(rows)
            """;

    /** Not a task, but a submit of its own: a job queue of the project, re-exported the same way. */
    private static final String QUEUE = """
            class Jobs:
                def submit(self, name, *args):
                    return name

            jobs = Jobs()
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ResolveUnresolvedFutures());
    }

    @Test
    void aTaskReExportedUnderAnotherNameIsWaitedFor() {
        rewriteRun(
            python("from .tasks import load as load_rows\nfrom .queue import jobs as load_later\n",
                    s -> s.path("pipelines/__init__.py")),
            python(TASKS, s -> s.path("pipelines/tasks.py")),
            python(QUEUE, s -> s.path("pipelines/queue.py")),
            python(
                """
                from prefect import flow
                from pipelines import load_rows, load_later

                @flow
                def nightly(rows):
                    load_rows.submit(rows)
                    load_later.submit("reindex", rows)
                    return "done"
                """,
                """
                from prefect import flow
                from pipelines import load_rows, load_later

                @flow
                def nightly(rows):
                    load_rows.submit(rows).wait()
                    load_later.submit("reindex", rows)
                    return "done"
                """,
                s -> s.path("jobs/nightly.py")));
    }

    @Test
    void aNameThePackageDefinesItselfIsNoReExportedTask() {
        rewriteRun(
            python("""
                    from .tasks import load as load_rows


                    def load_rows(rows):
                        return rows
                    """, s -> s.path("pipelines/__init__.py")),
            python(TASKS, s -> s.path("pipelines/tasks.py")),
            python(
                """
                from prefect import flow
                from pipelines import load_rows

                @flow
                def nightly(rows):
                    load_rows.submit(rows)
                    return "done"
                """,
                s -> s.path("jobs/nightly.py")));
    }

    // an ordinary module re-exports too (the scan reads it when a flow's import goes through it, as here)
    @Test
    void aTaskAnOrdinaryModuleReExportsUnderAnotherNameIsWaitedFor() {
        rewriteRun(
            python("", s -> s.path("pipelines/__init__.py")),
            python(TASKS, s -> s.path("pipelines/tasks.py")),
            python(QUEUE, s -> s.path("pipelines/queue.py")),
            python("import logging\n\nfrom .tasks import load as store\nfrom .queue import jobs as later\n",
                    s -> s.path("pipelines/helpers.py")),
            python(
                """
                from prefect import flow
                from pipelines.helpers import store, later

                @flow
                def nightly(rows):
                    store.submit(rows)
                    later.submit("reindex", rows)
                    return "done"
                """,
                """
                from prefect import flow
                from pipelines.helpers import store, later

                @flow
                def nightly(rows):
                    store.submit(rows).wait()
                    later.submit("reindex", rows)
                    return "done"
                """,
                s -> s.path("jobs/nightly.py")));
    }
}
