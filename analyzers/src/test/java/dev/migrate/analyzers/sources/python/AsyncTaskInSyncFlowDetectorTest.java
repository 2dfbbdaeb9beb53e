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
}
