package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class MovePrefect1ImportsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MovePrefect1Imports());
    }

    @Test
    void aNameThatMovedUnchangedIsImportedFromItsNewModule() {
        rewriteRun(python(
                """
                from prefect import task
                from prefect.utilities.edges import unmapped

                pairs = unmapped([1, 2])
                """,
                """
                from prefect import task, unmapped

                pairs = unmapped([1, 2])
                """));
    }

    // the file's only import was removed and added again at the top, and the blank lines below it went with it
    @Test
    void aStatementOfOneMovedNameChangesInPlace() {
        rewriteRun(python(
                """
                from prefect.utilities.edges import unmapped


                def pairs(xs):
                    return unmapped(xs)
                """,
                """
                from prefect import unmapped


                def pairs(xs):
                    return unmapped(xs)
                """));
    }

    @Test
    void aNameThatMovedButChangedStaysWithATodo() {
        // Prefect 1's wait_for_flow_run task took stream_logs=; Prefect 3's is an async function without it: the
        // moved import would hide a call that fails
        rewriteRun(python(
                """
                from prefect.tasks.prefect import wait_for_flow_run

                done = wait_for_flow_run(run_id, stream_logs=True, raise_final_state=True)
                """,
                """
                # TODO(migrate PF105): `prefect.tasks.prefect.wait_for_flow_run` is `prefect.flow_runs.wait_for_flow_run` in Prefect 3, which is not a drop-in; rewrite the uses of wait_for_flow_run
                from prefect.tasks.prefect import wait_for_flow_run

                done = wait_for_flow_run(run_id, stream_logs=True, raise_final_state=True)
                """));
    }

    @Test
    void importsFromOtherPackagesStay() {
        rewriteRun(python(
                """
                from pipelines.utils import wait_for_flow_run, unmapped
                """));
    }
}
