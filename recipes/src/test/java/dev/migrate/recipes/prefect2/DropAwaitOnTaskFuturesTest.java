package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class DropAwaitOnTaskFuturesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new DropAwaitOnTaskFutures());
    }

    @DocumentExample
    @Test
    void awaitedSubmitsAndResultsLoseTheirAwaitAndAnAwaitedFutureIsReported() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                        .satisfies(r -> {
                            assertThat(r.code()).isEqualTo("BHV007");
                            assertThat(r.manual()).isTrue();
                            assertThat(r.line()).isEqualTo(16);
                            assertThat(r.message()).startsWith("'await d' awaits a task future");
                        })),
            python(
                """
                from prefect import flow, task

                @task
                async def download():
                    return 1

                @task
                async def upsert(x):
                    return x

                @flow
                async def main():
                    d = download.submit()
                    rows = await (await download.submit()).result()
                    many = await upsert.map([1, 2])
                    u = upsert.submit(await d)
                    return await u.result(), rows, many
                """,
                """
                from prefect import flow, task

                @task
                async def download():
                    return 1

                @task
                async def upsert(x):
                    return x

                @flow
                async def main():
                    d = download.submit()
                    rows = (download.submit()).result()
                    many = upsert.map([1, 2])
                    u = upsert.submit(await d)
                    return u.result(), rows, many
                """));
    }

    // found by the session 12 sweep: the futures of a list of submits were awaited in a comprehension, which
    // raises TypeError in Prefect 3 once the submits lose their await
    @Test
    void resultsOfFuturesTakenFromAListOfSubmitsLoseTheirAwait() {
        rewriteRun(
            python(
                """
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                async def etl(urls):
                    futures = [await fetch.submit(u) for u in urls]
                    rows = [await f.result() for f in futures]
                    mapped = await fetch.map(urls)
                    for m in mapped:
                        rows.append(await m.result())
                        state = await m.wait()
                    return rows
                """,
                """
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                async def etl(urls):
                    futures = [fetch.submit(u) for u in urls]
                    rows = [f.result() for f in futures]
                    mapped = fetch.map(urls)
                    for m in mapped:
                        rows.append(m.result())
                        state = m.wait()
                    return rows
                """));
    }

    @Test
    void anAwaitedResultOfALoopOverSomethingElseStays() {
        rewriteRun(
            python(
                """
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                async def etl(clients):
                    return [await c.result() for c in clients]
                """));
    }

    // a real flow imported its tasks with a star import
    @Test
    void inAnAsyncFlowAnImportedTasksSubmitIsATasksToo() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.message().substring(0, r.message().indexOf("' ") + 1))
                .containsExactly("8 'await downloaded'")),
            python(
                """
                from prefect import flow
                from housing.tasks import *

                @flow
                async def refresh(client):
                    downloaded = await download.submit()
                    upserted = upsert.submit(
                        await downloaded, wait_for=[await audit.submit()])
                    rows = await client.submit(upserted)
                    for part in parts:
                        await part.submit()
                    return rows
                """,
                """
                from prefect import flow
                from housing.tasks import *

                @flow
                async def refresh(client):
                    downloaded = download.submit()
                    upserted = upsert.submit(
                        await downloaded, wait_for=[audit.submit()])
                    rows = await client.submit(upserted)
                    for part in parts:
                        await part.submit()
                    return rows
                """));
    }

    @Test
    void otherAwaitsAndSyncCodeAreLeftAlone() {
        rewriteRun(python(
            """
            import asyncio
            from prefect import flow, task
            from prefect.variables import Variable

            @task
            def load(x):
                return x

            @flow
            async def main(client):
                await asyncio.sleep(1)
                table = await Variable.get("table")
                rows = await client.submit(table)
                return load.submit(rows).result()
            """));
    }
}
