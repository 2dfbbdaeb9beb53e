package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class SubmitAsyncTaskCallsInSyncFlowsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new SubmitAsyncTaskCallsInSyncFlows());
    }

    @DocumentExample
    @Test
    void aDirectCallBecomesASubmitWhoseResultIsAwaitedForByTheRunner() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.code()).isEqualTo("BHV008");
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).contains("async task 'fetch'", "sync flow 'etl'");
                })),
            python(
            """
            from prefect import flow, task

            @task(retries=2)
            async def fetch(url, timeout=10):
                return url

            @flow
            def etl(urls):
                pages = [fetch(u) for u in urls]
                fetch(urls[0],  # the first again
                      timeout=30)
                later = fetch.submit(urls[1])
                return pages, later.result()
            """,
            """
            from prefect import flow, task

            @task(retries=2)
            async def fetch(url, timeout=10):
                return url

            @flow
            def etl(urls):
                pages = [fetch.submit(u).result() for u in urls]
                fetch.submit(urls[0],  # the first again
                      timeout=30).result()
                later = fetch.submit(urls[1])
                return pages, later.result()
            """));
    }

    @Test
    void withoutUnsafeFixesItIsAManualNote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx)
                .dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("BHV008");
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(9);
                    assertThat(r.message()).contains("fetch.submit(\"https://example.org\").result()");
                })),
            python(
            """
            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @flow
            def etl():
                return fetch("https://example.org")
            """));
    }

    @Test
    void aCallAskingForItsStateIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue())),
            python(
            """
            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @flow
            def etl():
                state = fetch("u", return_state=True)
            """));
    }

    // found by the Prefect 2 Python sweep: an async task given options in place and called directly
    // (fetch.with_options(retries=2)(url), as runs are named per call) returned an un-awaited coroutine in Prefect 3's
    // sync flow, and neither the rewrite nor the scan saw a task call there
    @Test
    void aTaskGivenOptionsInPlaceIsSubmittedWithThem() {
        rewriteRun(
            python(
            """
            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @flow
            def etl(urls):
                first = fetch.with_options(name="first", retries=2)(urls[0])
                rest = [fetch.with_options(name=f"page-{i}")(u) for i, u in enumerate(urls)]
                return first, rest, fetch.with_options(retries=1).submit(urls[0]), make_client().with_options(a=1)(urls)
            """,
            """
            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @flow
            def etl(urls):
                first = fetch.with_options(name="first", retries=2).submit(urls[0]).result()
                rest = [fetch.with_options(name=f"page-{i}").submit(u).result() for i, u in enumerate(urls)]
                return first, rest, fetch.with_options(retries=1).submit(urls[0]), make_client().with_options(a=1)(urls)
            """));
    }

    @Test
    void submitsAsyncFlowsSyncTasksAndNestedFunctionsAreFine() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            python(
            """
            import asyncio

            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @task
            def parse(x):
                return x

            @flow
            async def etl():
                await fetch("https://example.org")

            @flow
            def sync_etl(urls):
                futures = fetch.map(urls)
                first = fetch.submit(urls[0])
                parse("x")

                async def later():
                    return await fetch("y")
                return asyncio.run(later()), futures, first
            """));
    }
}
