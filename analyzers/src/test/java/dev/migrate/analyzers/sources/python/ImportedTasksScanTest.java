package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BHV001, BHV002, BHV007, BHV008 and BHV009 on projects whose flows import their tasks from other modules, scanned
 * as a whole tree
 * (every file seen, then related), as the rewrite's futures recipes read the same projects.
 */
class ImportedTasksScanTest {
    private static final Set<String> CODES = Set.of("BHV001", "BHV002", "BHV007", "BHV008", "BHV009");

    /** A package that defines its tasks in one module and re-exports two of them from its __init__.py. */
    private static final String TASKS = """
            from prefect import task

            @task(retries=2)
            def load(rows):
                return len(rows)

            @task
            async def fetch_page(url):
                return url

            async def download(url):
                return url

            def helper(rows):
                return rows
            """;

    /** Not tasks, but a submit of their own: a job queue of the project. */
    private static final String QUEUE = """
            class Jobs:
                def submit(self, name, *args):
                    return name

            jobs = Jobs()
            """;

    @TempDir
    Path tmp;

    private List<String> scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        return inv.findings().stream().filter(f -> CODES.contains(f.code()))
                .map(f -> f.where().path() + ":" + f.where().line() + " " + f.code()).toList();
    }

    @Test
    void tasksImportedByNameThroughTheirModuleOrAPackageReExportAreTasks() throws IOException {
        List<String> found = scan(
                "pipelines/__init__.py", "from .tasks import load, fetch_page\n",
                "pipelines/tasks.py", TASKS,
                "pipelines/flows/etl.py", """
                        from prefect import flow
                        from pipelines.tasks import load, fetch_page
                        from .. import tasks as t

                        @flow
                        def etl(rows, urls):
                            load.submit(rows)
                            page = fetch_page(urls[0])
                            t.load.map(rows)
                            print(t.fetch_page(urls[1]), page)
                        """,
                "jobs/nightly.py", """
                        from prefect import flow
                        from pipelines import load

                        @flow(name="nightly")
                        def nightly(rows):
                            load.submit(rows)
                        """);
        assertThat(found).containsExactly(
                "jobs/nightly.py:6 BHV001",
                "jobs/nightly.py:6 BHV002",
                "pipelines/flows/etl.py:7 BHV001",
                "pipelines/flows/etl.py:7 BHV002",
                "pipelines/flows/etl.py:8 BHV008",
                "pipelines/flows/etl.py:9 BHV001",
                "pipelines/flows/etl.py:10 BHV008");
    }

    @Test
    void anImportedTaskGivenOptionsAtTheModulesTopIsATaskStill() throws IOException {
        List<String> found = scan(
                "pipelines/tasks.py", TASKS,
                "pipelines/flows/etl.py", """
                        from prefect import flow
                        from pipelines.tasks import load, helper

                        load_fast = load.with_options(retries=0)
                        helper_fast = helper.with_options(retries=0)

                        @flow
                        def etl(rows):
                            load_fast.submit(rows)
                            helper_fast.submit(rows)
                        """);
        assertThat(found).containsExactly("pipelines/flows/etl.py:9 BHV001", "pipelines/flows/etl.py:9 BHV002");
    }

    @Test
    void aProjectNonTaskWithASubmitAndNamesFromOutsideTheProjectAreNoTaskRuns() throws IOException {
        List<String> found = scan(
                "pipelines/tasks.py", TASKS,
                "pipelines/queue.py", QUEUE,
                "pipelines/flows/etl.py", """
                        from concurrent.futures import ThreadPoolExecutor
                        from prefect import flow
                        from pipelines.queue import jobs
                        from pipelines.tasks import helper, download, fetch_page
                        from vendor.pool import executor

                        @flow
                        def etl(rows):
                            jobs.submit("reindex", rows)
                            executor.submit(print, rows)
                            helper(rows)
                            download("u")
                            fetch_page.submit("v").result()
                            with ThreadPoolExecutor(2) as pool:
                                pool.submit(print, rows)
                        """);
        assertThat(found).isEmpty();
    }

    @Test
    void namesTheModuleOrTheFlowRebindAreNotTheImportedTasks() throws IOException {
        List<String> found = scan(
                "pipelines/tasks.py", TASKS,
                "pipelines/queue.py", QUEUE,
                "pipelines/flows/etl.py", """
                        from prefect import flow
                        from pipelines.queue import Jobs
                        from pipelines.tasks import load, fetch_page

                        load = Jobs()

                        @flow
                        def etl(rows, fetch_page):
                            load.submit("x")
                            fetch_page("u")
                        """);
        assertThat(found).isEmpty();
    }

    @Test
    void anAmbiguousModuleNameIsNoTaskModuleUnlessItIsTheImportersSibling() throws IOException {
        String flowTasks = """
                from prefect import task

                @task
                def send(report):
                    return report
                """;
        String flow = """
                from prefect import flow
                from tasks import send

                @flow
                def report(r):
                    send.submit(r)
                """;
        // a Celery app's tasks.py names nothing of Prefect: the scan still knows it is there
        List<String> found = scan(
                "celery_app/tasks.py", """
                        from celery import shared_task

                        @shared_task
                        def send(report):
                            return report
                        """,
                "flows/daily/tasks.py", flowTasks,
                "flows/daily/flow.py", flow,
                "flows/weekly/flow.py", flow);
        assertThat(found).containsExactly("flows/daily/flow.py:6 BHV001", "flows/daily/flow.py:6 BHV002");
    }

    @Test
    void aFlowThatReturnsItsFuturesOrReadsTheirResultsObservesTheirFailures() throws IOException {
        List<String> found = scan(
                "pipelines/tasks.py", TASKS,
                "pipelines/flows/etl.py", """
                        from prefect import flow
                        from prefect.futures import wait
                        from pipelines import tasks

                        @flow
                        def returned(rows):
                            return tasks.load.submit(rows)

                        @flow
                        def read(rows):
                            tasks.load.submit(rows).result()

                        @flow
                        def waited(rows):
                            f = tasks.load.submit(rows)
                            wait([f])

                        @flow
                        def returns_none(rows):
                            f = tasks.load.submit(rows)
                            f.wait()
                            return None
                        """);
        // waiting lets the runs finish but does not fail the flow with them
        assertThat(found).containsExactly("pipelines/flows/etl.py:15 BHV002", "pipelines/flows/etl.py:20 BHV002");
    }

    @Test
    void importedTaskFuturesAwaitedOrAskedForTheirStateAreReportedAndAQueuesAreNot() throws IOException {
        List<String> found = scan(
                "pipelines/tasks.py", TASKS,
                "pipelines/queue.py", QUEUE,
                "pipelines/flows/etl.py", """
                        from prefect import flow
                        from pipelines import tasks as t
                        from pipelines.queue import jobs
                        from pipelines.tasks import load, fetch_page

                        slow = load.with_options(retries=5)

                        @flow
                        async def crawl(urls):
                            page = await fetch_page.submit(urls[0])
                            job = await jobs.submit("reindex", urls)
                            return page, await job.result(), await t.fetch_page.map(urls)

                        @flow
                        def etl(rows):
                            f = slow.submit(rows)
                            j = jobs.submit("reindex", rows)
                            done = t.load.submit(rows).wait()
                            return f.get_state(), j.get_state(), jobs.submit("x").wait(), done
                        """);
        assertThat(found).containsExactly(
                "pipelines/flows/etl.py:10 BHV007",
                "pipelines/flows/etl.py:12 BHV007",
                "pipelines/flows/etl.py:18 BHV009",
                "pipelines/flows/etl.py:19 BHV009");
    }

    @Test
    void aTaskAPackageReExportsUnderAnotherNameIsATask() throws IOException {
        List<String> found = scan(
                "pipelines/__init__.py", "from .tasks import load as load_rows\nfrom .queue import jobs as load_later\n",
                "pipelines/tasks.py", TASKS,
                "pipelines/queue.py", QUEUE,
                "jobs/nightly.py", """
                        from prefect import flow
                        from pipelines import load_rows, load_later

                        @flow
                        def nightly(rows):
                            load_rows.submit(rows)
                            load_later.submit("reindex", rows)
                        """);
        assertThat(found).containsExactly("jobs/nightly.py:6 BHV001", "jobs/nightly.py:6 BHV002");
    }

    // an ordinary module that names no Prefect (the scan hands it to no detector) re-exports tasks, under another name
    // or the same; it is read when a flow's import goes through it: BHV001 and BHV008 as for the package's re-export
    @Test
    void aTaskAModuleWithoutPrefectReExportsIsATask() throws IOException {
        List<String> found = scan(
                "pipelines/__init__.py", "",
                "pipelines/tasks.py", TASKS,
                "pipelines/helpers.py", """
                        \"\"\"Shared helpers of the flows.\"\"\"
                        import logging

                        from .tasks import load as store
                        from pipelines.tasks import fetch_page

                        log = logging.getLogger(__name__)
                        """,
                "pipelines/config.py", "BATCH = 100\n",
                "jobs/nightly.py", """
                        from prefect import flow
                        from pipelines.config import BATCH
                        from pipelines.helpers import store, fetch_page, log

                        @flow
                        def nightly(rows, urls):
                            page = fetch_page(urls[0])
                            store.submit(rows[:BATCH])
                            log.info(page)
                        """);
        assertThat(found).containsExactly("jobs/nightly.py:7 BHV008", "jobs/nightly.py:8 BHV001", "jobs/nightly.py:8 BHV002");
    }

    // a module without Prefect that defines the name itself (wrapping the task) gives no task: nothing is reported
    @Test
    void aNameAModuleWithoutPrefectDefinesItselfIsNoTask() throws IOException {
        List<String> found = scan(
                "pipelines/__init__.py", "",
                "pipelines/tasks.py", TASKS,
                "pipelines/helpers.py", """
                        from .tasks import load as _load


                        def load(rows):
                            return _load(rows)
                        """,
                "jobs/nightly.py", """
                        from prefect import flow
                        from pipelines.helpers import load

                        @flow
                        def nightly(rows):
                            load.submit(rows)
                        """);
        assertThat(found).isEmpty();
    }
}
