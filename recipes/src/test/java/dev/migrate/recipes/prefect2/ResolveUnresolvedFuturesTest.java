package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.recipes.FixSafety;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class ResolveUnresolvedFuturesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ResolveUnresolvedFutures());
    }

    @DocumentExample
    @Test
    void storedButUnreadFuturesAreWaitedForWhereTheFlowEnds() {
        rewriteRun(python(
            """
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl(xs):
                first = load.submit(1)
                rest = load.map(xs)
                return "done"
            """,
            """
            from prefect import flow, task
            from prefect.futures import wait

            @task
            def load(x):
                return x

            @flow
            def etl(xs):
                first = load.submit(1)
                rest = load.map(xs)
                wait([first, *rest])
                return "done"
            """));
    }

    @Test
    void flowsAndTasksFromAStarImportAreRecognised() {
        rewriteRun(python(
            """
            from prefect import *

            @task(retries=1)
            def load(x):
                return x

            @flow
            def etl():
                first = load.submit(1)
                return "done"
            """,
            """
            from prefect import *
            from prefect.futures import wait

            @task(retries=1)
            def load(x):
                return x

            @flow
            def etl():
                first = load.submit(1)
                wait([first])
                return "done"
            """));
    }

    @Test
    void discardedFutureGetsWaitOnlyAsAnUnsafeFixAndATodoInLoops() {
        rewriteRun(python(
            """
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl(xs):
                for x in xs:
                    load.submit(x)
                load.map(xs)
            """,
            """
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl(xs):
                for x in xs:
                    # TODO(migrate BHV001): this task future is never waited for; return it, call .result() or pass it to prefect.futures.wait
                    load.submit(x)
                load.map(xs).wait()
            """));
    }

    @Test
    void withoutUnsafeFixesADiscardedFutureOnlyGetsATodo() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx), python(
            """
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl():
                load.submit(1)
            """,
            """
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl():
                # TODO(migrate BHV001): this task future is never waited for; return it, call .result() or pass it to prefect.futures.wait
                load.submit(1)
            """));
    }

    @Test
    void futuresThatAreReadAreLeftAlone() {
        rewriteRun(python(
            """
            from concurrent.futures import ThreadPoolExecutor
            from prefect import flow, task

            @task
            def load(x):
                return x

            @flow
            def etl(xs, pool: ThreadPoolExecutor):
                futures = {x: load.submit(x) for x in xs}
                f = load.submit(1)
                pool.submit(print, 1)
                return {k: v.result() for k, v in futures.items()}, f.result()
            """));
    }
}
