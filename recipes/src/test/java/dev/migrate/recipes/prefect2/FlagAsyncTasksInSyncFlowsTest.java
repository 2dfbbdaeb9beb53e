package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class FlagAsyncTasksInSyncFlowsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new FlagAsyncTasksInSyncFlows());
    }

    @Test
    void asyncTaskInSyncFlowIsAManualNote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(9);
                    assertThat(r.message()).contains("async task 'fetch'", "sync flow 'etl'");
                })),
            python(
            """
            from prefect import flow, task

            @task
            async def fetch(url):
                return url

            @flow
            def etl():
                fetch.submit("https://example.org")
            """));
    }

    @Test
    void asyncFlowsAndSyncTasksAreFine() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            python(
            """
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
            def sync_etl():
                parse("x")
            """));
    }
}
