package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class ReplaceTaskRunnersTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceTaskRunners());
    }

    @DocumentExample
    @Test
    void sequentialRunnerBecomesAOneWorkerThreadPool() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.task_runners import SequentialTaskRunner

            @flow(task_runner=SequentialTaskRunner())
            def etl():
                pass
            """,
            """
            from prefect import flow
            from prefect.task_runners import ThreadPoolTaskRunner

            @flow(task_runner=ThreadPoolTaskRunner(max_workers=1))
            def etl():
                pass
            """));
    }

    // a cohort-survival plugin flow: `@flow(..., task_runner=SequentialTaskRunner)`, the class rather than an
    // instance; it was left pointing at a name Prefect 3 removed
    @Test
    void runnerGivenAsAClassIsReplacedToo() {
        rewriteRun(python(
            """
            from prefect import flow, task_runners
            from prefect.task_runners import SequentialTaskRunner

            @flow(log_prints=True, task_runner=SequentialTaskRunner)
            def plugin():
                pass

            RUNNER = task_runners.SequentialTaskRunner
            """,
            """
            from prefect import flow
            from prefect.task_runners import ThreadPoolTaskRunner

            @flow(log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
            def plugin():
                pass

            RUNNER = ThreadPoolTaskRunner(max_workers=1)
            """));
    }

    @Test
    void otherRunnersAreLeftAlone() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.task_runners import ThreadPoolTaskRunner
            from mylib import SequentialTaskRunner

            @flow(task_runner=SequentialTaskRunner())
            def etl():
                pass
            """));
    }

    // found by the session 12 sweep: names from `from prefect.task_runners import *` were not recognised
    @Test
    void aRunnerFromAStarImportIsReplaced() {
        rewriteRun(
            python(
                """
                from prefect import *
                from prefect.task_runners import *

                @flow(task_runner=SequentialTaskRunner())
                def starred():
                    pass
                """,
                """
                from prefect import *
                from prefect.task_runners import *
                from prefect.task_runners import ThreadPoolTaskRunner

                @flow(task_runner=ThreadPoolTaskRunner(max_workers=1))
                def starred():
                    pass
                """));
    }

    @Test
    void aNameTheFileImportsElsewhereIsNotTakenFromTheStarImport() {
        rewriteRun(
            python(
                """
                from prefect.task_runners import *
                from mylib.runners import SequentialTaskRunner

                runner = SequentialTaskRunner()
                """));
    }
}
