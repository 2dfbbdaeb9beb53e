package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class KeepPersistedTasksUncachedTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new KeepPersistedTasksUncached());
    }

    // found by the Prefect 2 Python sweep on public result-persistence examples (@task(persist_result=True,
    // result_storage=...) without a cache key): Prefect 3 caches such a task by default within a flow run, so a second
    // call with the same inputs returned the first result without running; nothing said so
    @DocumentExample
    @Test
    void persistedTasksWithoutACacheStayUncached() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.code() + " " + r.manual())
                .containsExactly("5 BHV010 false", "10 BHV010 false")),
            python(
                """
                from prefect import flow, task
                from prefect.serializers import JSONSerializer


                @task(persist_result=True, retries=2)  # loads rows into the warehouse
                def load(rows):
                    return len(rows)


                @task(result_serializer=JSONSerializer())
                def notify(n):
                    return n


                @flow
                def etl(rows):
                    notify(load(rows))
                    return notify(load(rows))
                """,
                """
                from prefect import flow, task
                from prefect.cache_policies import NO_CACHE
                from prefect.serializers import JSONSerializer


                @task(persist_result=True, retries=2, cache_policy=NO_CACHE)  # loads rows into the warehouse
                def load(rows):
                    return len(rows)


                @task(result_serializer=JSONSerializer(), cache_policy=NO_CACHE)
                def notify(n):
                    return n


                @flow
                def etl(rows):
                    notify(load(rows))
                    return notify(load(rows))
                """));
    }

    // Prefect 3's task engine takes a task's persist_result, else its flow run's (should_persist_result()): a task a
    // @flow(persist_result=True) runs persists, and is cached by default, though it says nothing of persistence
    @Test
    void tasksOfAFlowPersistingResultsStayUncached() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.code() + " " + r.manual() + " "
                        + r.message().substring(0, r.message().indexOf(';')))
                .containsExactly("4 BHV010 false task extract persists its results (a flow run that persists results "
                                + "runs it), which Prefect 3 caches by default within a flow run",
                        "9 BHV010 false task load persists its results (a flow run that persists results runs it), "
                                + "which Prefect 3 caches by default within a flow run")),
            python(
                """
                from prefect import flow, task


                @task
                def extract(day):
                    return [day]


                @task(retries=2)  # writes to the warehouse
                def load(rows):
                    return len(rows)


                @flow(persist_result=True)
                def nightly(days):
                    batches = extract.map(days)
                    return [load.submit(b) for b in batches]
                """,
                """
                from prefect import flow, task
                from prefect.cache_policies import NO_CACHE


                @task(cache_policy=NO_CACHE)
                def extract(day):
                    return [day]


                @task(retries=2, cache_policy=NO_CACHE)  # writes to the warehouse
                def load(rows):
                    return len(rows)


                @flow(persist_result=True)
                def nightly(days):
                    batches = extract.map(days)
                    return [load.submit(b) for b in batches]
                """));
    }

    // in a flow persisting results: a task saying persist_result=False, stating a cache, taking its options from a
    // dict or run through with_options (which may set its own) stays, as does a task only a plain flow runs
    @Test
    void tasksAPersistingFlowDoesNotCacheStay() {
        rewriteRun(
            python(
                """
                from prefect import flow, task
                from prefect.tasks import task_input_hash

                OPTIONS = dict(persist_result=False)


                @task(persist_result=False)
                def a(x):
                    return x


                @task(cache_key_fn=task_input_hash)
                def b(x):
                    return x


                @task(**OPTIONS)
                def c(x):
                    return x


                @task
                def d(x):
                    return x


                @task
                def e(x):
                    return x


                @flow(persist_result=True)
                def persisting(x):
                    return a(b(c(d.with_options(persist_result=False)(x))))


                @flow(persist_result=False)
                def plain(x):
                    return e(x)
                """));
    }

    // Prefect 3.0 named the policy NONE
    @Test
    void onPrefect30ThePolicyIsNone() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.0").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            python(
                "from prefect import task\n\n@task(persist_result=True)\ndef load(rows):\n    return rows\n",
                "from prefect import task\nfrom prefect.cache_policies import NONE\n\n"
                        + "@task(persist_result=True, cache_policy=NONE)\ndef load(rows):\n    return rows\n"));
    }

    // a cache stated (key function, policy), a result_storage_key (no default policy), results not persisted,
    // options unpacked from a dict, a bare @task and another library's task decorator stay
    @Test
    void tasksPrefect3DoesNotCacheByDefaultStay() {
        rewriteRun(
            python(
                """
                from celery import shared_task
                from prefect import task
                from prefect.tasks import task_input_hash

                OPTIONS = dict(persist_result=True)


                @task(persist_result=True, cache_key_fn=task_input_hash)
                def a(x):
                    return x


                @task(persist_result=True, result_storage_key="{parameters[x]}.json")
                def b(x):
                    return x


                @task(persist_result=False, result_storage="s3-bucket/results")
                def c(x):
                    return x


                @task(**OPTIONS)
                def d(x):
                    return x


                @task
                def e(x):
                    return x


                @shared_task(persist_result=True)
                def f(x):
                    return x
                """));
    }

    @Test
    void withoutUnsafeFixesItIsANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.message())
                        .isEqualTo("unsafe fix not applied (rerun with --unsafe-fixes): cache_policy=NO_CACHE on task load"))),
            python("from prefect import task\n\n@task(persist_result=True)\ndef load(rows):\n    return rows\n"));
    }
}
