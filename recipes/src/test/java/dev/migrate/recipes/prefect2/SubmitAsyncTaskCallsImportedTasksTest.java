package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** Async tasks another module of the project defines, called directly in a sync flow. */
class SubmitAsyncTaskCallsImportedTasksTest implements PythonRewriteTest {
    private static final String TASKS = """
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

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new SubmitAsyncTaskCallsInSyncFlows());
    }

    @Test
    void anImportedAsyncTaskIsSubmittedByItsNameAndThroughItsModule() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual() + " "
                        + r.message().substring(0, r.message().indexOf(" is called")))
                .containsExactly("crawler/flows.py:7 BHV008 false async task 'fetch'",
                        "crawler/flows.py:8 BHV008 false async task 't.fetch'")),
            python(TASKS, s -> s.path("crawler/tasks.py")),
            python(
                """
                from prefect import flow
                from . import tasks as t
                from .tasks import fetch, parse, download

                @flow
                def crawl(urls):
                    first = fetch(urls[0])
                    pages = [parse(t.fetch(u)) for u in urls]
                    download(urls[0])
                    return first, pages
                """,
                """
                from prefect import flow
                from . import tasks as t
                from .tasks import fetch, parse, download

                @flow
                def crawl(urls):
                    first = fetch.submit(urls[0]).result()
                    pages = [parse(t.fetch.submit(u).result()) for u in urls]
                    download(urls[0])
                    return first, pages
                """,
                s -> s.path("crawler/flows.py")));
    }

    @Test
    void aShadowedOrUnknownNameAndAnAsyncFlowAreLeftAlone() {
        rewriteRun(
            python(TASKS, s -> s.path("crawler/tasks.py")),
            python(
                """
                from prefect import flow
                from crawler import tasks
                from crawler.tasks import fetch
                from vendor.http import get

                @flow
                def crawl(urls, fetch):
                    return fetch(urls[0]), get(urls[0])

                @flow
                def again(urls):
                    tasks = load_plugins()
                    return tasks.fetch(urls[0])

                @flow
                async def nightly(urls):
                    return await fetch(urls[0])
                """,
                s -> s.path("crawler/flows.py")));
    }
}
