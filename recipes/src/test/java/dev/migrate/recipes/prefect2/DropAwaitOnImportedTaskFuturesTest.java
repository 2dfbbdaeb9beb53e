package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** Awaited futures of tasks another module of the project defines. */
class DropAwaitOnImportedTaskFuturesTest implements PythonRewriteTest {
    private static final String TASKS = """
            from prefect import task

            @task
            async def fetch(url):
                return url
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new DropAwaitOnTaskFutures());
    }

    @Test
    void anImportedTasksSubmitThroughItsModuleLosesItsAwaitInAHelperToo() {
        rewriteRun(
            python(TASKS, s -> s.path("crawler/tasks.py")),
            python(
                """
                from prefect import flow
                from . import tasks as t

                async def first_page(urls):
                    future = await t.fetch.submit(urls[0])
                    return await future.result()

                @flow
                async def crawl(urls):
                    futures = [await t.fetch.submit(u) for u in urls]
                    return [await f.result() for f in futures]
                """,
                """
                from prefect import flow
                from . import tasks as t

                async def first_page(urls):
                    future = t.fetch.submit(urls[0])
                    return future.result()

                @flow
                async def crawl(urls):
                    futures = [t.fetch.submit(u) for u in urls]
                    return [f.result() for f in futures]
                """,
                s -> s.path("crawler/flows.py")));
    }

    @Test
    void aHelperThatShadowsTheModuleAliasIsLeftAlone() {
        rewriteRun(
            python(TASKS, s -> s.path("crawler/tasks.py")),
            python(
                """
                from prefect import flow
                from . import tasks as t
                from .tasks import fetch

                async def first_page(urls, t, fetch):
                    future = await t.fetch.submit(urls[0])
                    other = await fetch.submit(urls[1])
                    return await future.result()
                """,
                s -> s.path("crawler/flows.py")));
    }
}
