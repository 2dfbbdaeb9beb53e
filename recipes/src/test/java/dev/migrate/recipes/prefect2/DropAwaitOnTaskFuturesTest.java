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

    // a real flow imported its tasks with a star import from the project's tasks module
    @Test
    void inAnAsyncFlowAnImportedTasksSubmitIsATasksToo() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.message().substring(0, r.message().indexOf("' ") + 1))
                .containsExactly("8 'await downloaded'")),
            python(
                """
                from prefect import task

                @task
                async def download():
                    return []

                @task
                async def upsert(rows):
                    return rows

                @task
                async def audit():
                    return None
                """, s -> s.path("housing/tasks.py")),
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
                """, s -> s.path("housing/flow.py")));
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

    // the scan's BHV007 counts a task given options as a task: so does the rewrite
    @Test
    void aTaskGivenOptionsIsATaskToo() {
        rewriteRun(
            python(
                """
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                async def crawl(urls):
                    patient = fetch.with_options(retries=3)
                    future = await patient.submit(urls[0])
                    return await future.result()
                """,
                """
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                async def crawl(urls):
                    patient = fetch.with_options(retries=3)
                    future = patient.submit(urls[0])
                    return future.result()
                """));
    }

    // found by the Prefect 2 Python sweep (a public subflow example naming each run): a task given options in place,
    // t.with_options(name=...).submit(x), is a task run too; its await stayed and raised TypeError in Prefect 3
    @Test
    void aTaskGivenOptionsInPlaceIsATaskToo() {
        rewriteRun(
            python(
                """
                from prefect import flow, task

                @task
                async def step(j):
                    return j

                @flow
                async def batch(i, n):
                    first = await step.with_options(name=f"step-{i}").submit(0)
                    for j in range(1, n):
                        await step.with_options(name=f"step-{i}-{j}", retries=2).with_options(tags=["x"]).submit(j)
                    return await first.result()
                """,
                """
                from prefect import flow, task

                @task
                async def step(j):
                    return j

                @flow
                async def batch(i, n):
                    first = step.with_options(name=f"step-{i}").submit(0)
                    for j in range(1, n):
                        step.with_options(name=f"step-{i}-{j}", retries=2).with_options(tags=["x"]).submit(j)
                    return first.result()
                """));
    }

    // found by the Prefect 2 Python sweep (a public async code-generation pipeline): asyncio.gather over the futures'
    // results, which Prefect 2 made coroutines in async code, raises TypeError in Prefect 3, where result() gives the
    // value; the list comprehension gives the same list. The futures were kept in a list filled by append.
    @Test
    void aGatherOfFuturesResultsBecomesTheirList() {
        rewriteRun(
            python(
                """
                import asyncio

                from prefect import flow, task

                @task
                async def render(part):
                    return part

                @flow
                async def build(parts, names):
                    pending = []
                    for part in parts:
                        future = render.submit(part)
                        pending.append(future)
                    # wait for every part
                    rendered = await asyncio.gather(*[f.result() for f in pending])
                    named = await asyncio.gather(*[render.submit(n) for n in names])
                    return rendered, await asyncio.gather(
                        *[n.result() for n in named]
                    )
                """,
                """
                import asyncio

                from prefect import flow, task

                @task
                async def render(part):
                    return part

                @flow
                async def build(parts, names):
                    pending = []
                    for part in parts:
                        future = render.submit(part)
                        pending.append(future)
                    # wait for every part
                    rendered = [f.result() for f in pending]
                    named = [render.submit(n) for n in names]
                    return rendered, [n.result() for n in named]
                """));
    }

    // a gather that does more than collect (return_exceptions=True makes failures values) is a person's to rewrite
    @Test
    void aGatherWithOptionsIsReportedAndKept() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                        .satisfies(r -> {
                            assertThat(r.code()).isEqualTo("BHV007");
                            assertThat(r.manual()).isTrue();
                            assertThat(r.line()).isEqualTo(12);
                            assertThat(r.message()).startsWith("'await asyncio.gather(*[f.result() for f in futures], "
                                    + "return_exceptions=True)' gathers task futures' results");
                        })),
            python(
                """
                import asyncio

                from prefect import flow, task

                @task
                async def render(part):
                    return part

                @flow
                async def build(parts):
                    futures = [render.submit(p) for p in parts]
                    return await asyncio.gather(*[f.result() for f in futures], return_exceptions=True)
                """));
    }

    // gathers of the tasks' own coroutines (called, not submitted), of a list also given other awaitables, or of
    // something else still gather awaitables in Prefect 3
    @Test
    void gathersOfCoroutinesStay() {
        rewriteRun(
            python(
                """
                import asyncio

                from prefect import flow, task

                @task
                async def render(part):
                    return part

                @flow
                async def build(parts, clients):
                    direct = await asyncio.gather(*[render(p) for p in parts])
                    mixed = []
                    for p in parts:
                        mixed.append(render.submit(p))
                        mixed.append(asyncio.sleep(0))
                    rest = await asyncio.gather(*[m.result() for m in mixed])
                    return direct, rest, await asyncio.gather(*[c.result() for c in clients])
                """));
    }

    // options given to something that is no task (a client's, a pool's) keep their await
    @Test
    void optionsGivenInPlaceToSomethingElseKeepTheirAwait() {
        rewriteRun(
            python(
                """
                from prefect import flow
                from vendor.runner import remote

                @flow
                async def run(job):
                    handle = await remote.with_options(timeout=5).submit(job)
                    other = await make_pool().submit(job)
                    return await handle.result(), await other.result()
                """));
    }

    // an asyncio-friendly pool at the module's top is no task: awaiting its submit is its own business
    @Test
    void anExecutorsSubmitKeepsItsAwait() {
        rewriteRun(
            python(
                """
                from prefect import flow
                from aiomultiprocess import Pool

                pool = Pool()

                @flow
                async def crawl(urls):
                    future = await pool.submit(len, urls)
                    return await future.result()
                """));
    }

    // a queue the project defines has an async submit of its own; the scan reports no BHV007 on it
    @Test
    void aProjectQueuesSubmitKeepsItsAwait() {
        rewriteRun(
            python(
                """
                class JobQueue:
                    async def submit(self, job):
                        return job

                queue = JobQueue()
                """, s -> s.path("jobs/queue.py")),
            python(
                """
                from prefect import flow
                from jobs.queue import queue

                @flow
                async def enqueue(job):
                    handle = await queue.submit(job)
                    return await handle.result()
                """, s -> s.path("jobs/flow.py")));
    }

    // a name nobody can trace to a task of the project (a package outside it) is not taken for one
    @Test
    void anUnknownNamesSubmitKeepsItsAwait() {
        rewriteRun(
            python(
                """
                from prefect import flow
                from vendor.runner import remote

                @flow
                async def run(job):
                    handle = await remote.submit(job)
                    return await handle.result()
                """));
    }

    // the scan reports BHV007 where this recipe drops the awaits: in every async function but a task, an async helper
    // the flow runs included (Prefect 2 ran its submits in the flow's run; Prefect 3's futures raise TypeError there too)
    @Test
    void anAsyncHelperTheFlowRunsLosesItsAwaitsToo() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.message().substring(0, r.message().indexOf("' ") + 1))
                .containsExactly("12 'await first'")),
            python(
                """
                from prefect import flow, task

                @task
                async def download(url):
                    return url

                async def fetch_all(urls):
                    futures = [await download.submit(u) for u in urls]
                    first = download.submit(urls[0])
                    await first.wait()
                    rows = [await f.result() for f in futures]
                    return rows, await first

                @flow
                async def etl(urls):
                    return await fetch_all(urls)
                """,
                """
                from prefect import flow, task

                @task
                async def download(url):
                    return url

                async def fetch_all(urls):
                    futures = [download.submit(u) for u in urls]
                    first = download.submit(urls[0])
                    first.wait()
                    rows = [f.result() for f in futures]
                    return rows, await first

                @flow
                async def etl(urls):
                    return await fetch_all(urls)
                """));
    }

    // Prefect 2 refused task runs inside a task, so no task body awaited a future that worked: nothing to keep
    @Test
    void anAsyncTasksBodyIsLeftAlone() {
        rewriteRun(
            python(
                """
                from prefect import task

                @task
                async def download(url):
                    return url

                @task(retries=2)
                async def fetch(url):
                    return await download.submit(url)
                """));
    }
}
