package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** The state of futures of tasks reached through a module of the project ({@code t.load.submit(x)}). */
class ReadImportedTaskFutureStateTest implements PythonRewriteTest {
    private static final String TASKS = """
            from prefect import task

            @task
            def load(x):
                return x
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReadFutureStateFromProperty());
    }

    @Test
    void aTaskReachedThroughItsModuleGivesItsStateByTheProperty() {
        rewriteRun(
            python(TASKS, s -> s.path("etl/tasks.py")),
            python(
                """
                from prefect import flow
                import etl.tasks as t

                @flow
                def run(x):
                    f = t.load.submit(x)
                    print(f.get_state())
                    s = t.load.submit(x).wait()
                    return s
                """,
                """
                from prefect import flow
                import etl.tasks as t

                @flow
                def run(x):
                    f = t.load.submit(x)
                    print(f.state)
                    s = t.load.submit(x, return_state=True)
                    return s
                """,
                s -> s.path("etl/flows.py")));
    }

    @Test
    void aSubmitThroughSomethingElseThanAProjectTaskStays() {
        rewriteRun(
            python(TASKS, s -> s.path("etl/tasks.py")),
            python(
                """
                from prefect import flow
                import etl.tasks as t
                from vendor import jobs

                @flow
                def run(x):
                    f = jobs.queue.submit(x)
                    print(f.get_state())
                    s = t.helpers.submit(x).wait()
                    return s
                """,
                s -> s.path("etl/flows.py")));
    }
}
