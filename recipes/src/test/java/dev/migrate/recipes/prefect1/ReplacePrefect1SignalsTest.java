package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class ReplacePrefect1SignalsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplacePrefect1Signals());
    }

    @Test
    void failBecomesAnExceptionSuccessAReturnedStateSkipATodo() {
        rewriteRun(python(
                """
                from prefect import task
                from prefect.engine import signals


                @task
                def check(rows):
                    if rows is None:
                        raise signals.FAIL(f"no rows")
                    if not rows:
                        raise signals.SKIP("empty")
                    if len(rows) == 1:
                        raise signals.SUCCESS("just one")
                    return rows


                def finished(state):
                    return state.is_successful() or state.is_finished()
                """,
                """
                from prefect import task
                from prefect.engine import signals
                from prefect.states import Completed


                @task
                def check(rows):
                    if rows is None:
                        raise RuntimeError(f"no rows")
                    if not rows:
                        # TODO(migrate PF105): signals.SKIP: Prefect 3 has no Skipped state and downstream tasks would still run: return early and make the downstream code handle the missing value
                        raise signals.SKIP("empty")
                    if len(rows) == 1:
                        return Completed(message="just one")
                    return rows


                def finished(state):
                    return state.is_completed() or state.is_final()
                """));
    }

    @Test
    void failOnlyRemovesTheImportWhenNothingElseUsesIt() {
        rewriteRun(python(
                """
                from prefect import task
                from prefect.engine.signals import FAIL


                @task
                def check(rows):
                    if not rows:
                        raise FAIL("no rows")
                """,
                """
                from prefect import task


                @task
                def check(rows):
                    if not rows:
                        raise RuntimeError("no rows")
                """));
    }

    @Test
    void otherExceptionsAreLeftAlone() {
        rewriteRun(python(
                """
                from prefect import task


                @task
                def check(rows):
                    raise ValueError("bad")
                """));
    }
    // `raise signals.FAIL` without a call (Python instantiates the class) was left as it was, with no TODO at the raise
    // (session 13 sweep)
    @Test
    void aSignalRaisedWithoutACallIsReplacedToo() {
        rewriteRun(python(
                """
                from prefect import task
                from prefect.engine import signals
                from prefect.engine.signals import SKIP


                @task
                def check(rows):
                    if rows is None:
                        raise signals.FAIL
                    if not rows:
                        raise SKIP
                    return rows
                """,
                """
                from prefect import task
                from prefect.engine.signals import SKIP


                @task
                def check(rows):
                    if rows is None:
                        raise RuntimeError
                    if not rows:
                        # TODO(migrate PF105): signals.SKIP: Prefect 3 has no Skipped state and downstream tasks would still run: return early and make the downstream code handle the missing value
                        raise SKIP
                    return rows
                """));
    }
}
