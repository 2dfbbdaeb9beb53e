package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncTaskInSyncFlowDetectorTest {
    private static RecordingSink scan(String text) {
        return HostEstate.scan(List.of(new ScanFile("flows/etl.py", text)), new AsyncTaskInSyncFlowDetector());
    }

    @Test
    void directCallsOfAsyncTasksInSyncFlowsAreFlagged() {
        RecordingSink sink = scan("""
                import prefect
                from prefect import flow, task as ptask

                @ptask(retries=2)
                async def fetch(url):
                    return url

                @prefect.flow
                def etl(urls):
                    pages = [fetch(u) for u in urls]
                    first = fetch.submit(urls[0])
                    print(fetch(urls[1]))
                    return pages, first
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line() + ":" + f.where().column())
                .containsExactly("BHV008 10:14", "BHV008 12:11");
        assertThat(sink.findings.get(0).message()).startsWith("sync flow etl calls async task fetch directly");
    }

    // a run of the task's copy given options in place is a call of the task too
    @Test
    void callsOfAnAsyncTaskGivenOptionsInPlaceAreFlagged() {
        RecordingSink sink = scan("""
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @flow
                def etl(urls):
                    first = fetch.with_options(name="first").with_options(retries=2)(urls[0])
                    return first, fetch.with_options(retries=1).submit(urls[1]), other.with_options(a=1)(urls)
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line() + " " + f.message())
                .containsExactly("BHV008 9 sync flow etl calls async task fetch directly; Prefect 3 returns a coroutine "
                        + "there and never runs it");
    }

    @Test
    void asyncFlowsSubmitsSyncTasksAndNestedFunctionsAreNot() {
        RecordingSink sink = scan("""
                import asyncio
                from prefect import flow, task

                @task
                async def fetch(url):
                    return url

                @task
                def parse(x):
                    return x

                @flow
                async def crawl(urls):
                    return [await fetch(u) for u in urls]

                @flow
                def etl(urls):
                    futures = fetch.map(urls)
                    parse("x")
                    async def later():
                        return await fetch("y")
                    return asyncio.run(later()), futures

                def not_a_flow():
                    return fetch("z")
                """);
        assertThat(sink.findings).isEmpty();
    }

    @Test
    void asyncTasksOfTheProjectsOtherModulesCountAsTheModulesOwn() {
        String tasks = """
                from prefect import task

                @task
                async def fetch(url):
                    return url

                @task
                def parse(page):
                    return page

                async def download(url):
                    return url
                """;
        RecordingSink sink = HostEstate.scan(List.of(
                new ScanFile("crawler/__init__.py", "from .tasks import fetch\n"),
                new ScanFile("crawler/tasks.py", tasks),
                new ScanFile("crawler/flows.py", """
                        from prefect import flow
                        from . import tasks as t
                        from .tasks import fetch, parse, download
                        from crawler import fetch as get
                        from vendor.http import fetch_all

                        @flow
                        def crawl(urls):
                            first = fetch(urls[0])
                            pages = [parse(t.fetch(u)) for u in urls]
                            download(urls[0])
                            fetch_all(urls)
                            return first, pages, get(urls[1]), t.parse(first)

                        @flow
                        async def crawl_async(urls):
                            return await fetch(urls[0])

                        @flow
                        def shadowed(fetch, t):
                            return fetch("x"), t.fetch("y")
                        """)), new AsyncTaskInSyncFlowDetector());
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line() + ":" + f.where().column())
                .containsExactly("BHV008 9:13", "BHV008 10:20", "BHV008 13:26");
        assertThat(sink.findings.get(1).message())
                .startsWith("sync flow crawl calls async task t.fetch (crawler/tasks.py) directly");
        // the same flow module alone: where fetch comes from is unknown, so nothing is a task
        assertThat(HostEstate.scan(List.of(new ScanFile("crawler/flows.py", """
                from prefect import flow
                from .tasks import fetch

                @flow
                def crawl(urls):
                    return fetch(urls[0])
                """)), new AsyncTaskInSyncFlowDetector()).findings).isEmpty();
    }
}
