package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class ReadFutureStateFromPropertyTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReadFutureStateFromProperty());
    }

    // found by the session 12 sweep: get_state() is an AttributeError on Prefect 3 futures, and wait() returns
    // None, so `state.is_failed()` after it raised too; neither the rewrite nor scan said a word
    @DocumentExample
    @Test
    void getStateBecomesTheStatePropertyAndWaitNoLongerGivesTheState() {
        rewriteRun(
            python(
                """
                from prefect import flow, task

                @task
                def load(x):
                    return x

                @flow
                def check():
                    f = load.submit(1)
                    state = f.wait()  # block until done
                    if state.is_failed() or f.get_state().is_crashed():
                        raise RuntimeError("load failed")
                """,
                """
                from prefect import flow, task

                @task
                def load(x):
                    return x

                @flow
                def check():
                    f = load.submit(1)
                    f.wait()
                    state = f.state  # block until done
                    if state.is_failed() or f.state.is_crashed():
                        raise RuntimeError("load failed")
                """));
    }

    @Test
    void otherObjectsWaitAndGetStateStay() {
        rewriteRun(
            python(
                """
                import threading
                from prefect import flow

                @flow
                def other(job):
                    event = threading.Event()
                    done = event.wait(5)
                    f = job.runner()
                    return done, f.get_state(), job.get_state()
                """));
    }
}
