package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class RewritePrefect1TaskArgumentsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefect1TaskArguments());
    }

    @Test
    void renamesRetriesTimeoutsAndFlags() {
        rewriteRun(python(
                """
                from datetime import timedelta

                from prefect import task


                @task(max_retries=3, retry_delay=timedelta(minutes=2), timeout=timedelta(hours=1), slug="x")
                def extract(window):  # keep me
                    return window


                @task(log_stdout=True, checkpoint=False, nout=2, timeout=3 * 60)
                def split(x):
                    return x, x
                """,
                """
                from prefect import task


                @task(retries=3, retry_delay_seconds=120, timeout_seconds=3600)
                def extract(window):  # keep me
                    return window


                @task(log_prints=True, persist_result=False, timeout_seconds=180)
                def split(x):
                    return x, x
                """));
    }

    // @task(result_handler=...) (Prefect 0.x) was left as it was, with no note: Prefect 3's decorator raises TypeError
    // at import (found by the session 14 sweep)
    @Test
    void aKeywordPrefect3sTaskDoesNotTakeGetsATodo() {
        rewriteRun(python(
                """
                from prefect import Task, task


                @task(result_handler=handler, tags=["t"])
                def add(x):
                    return x


                class Fetch(Task):
                    def __init__(self, url, **kwargs):
                        self.url = url
                        super().__init__(**kwargs)


                fetch = Fetch(url="https://x", name="fetch")
                """,
                """
                from prefect import Task, task


                # TODO(migrate PF103): result_handler: not an option of Prefect 3's @task (the decorator raises TypeError): remove it, or move what it did into the task's code
                @task(result_handler=handler, tags=["t"])
                def add(x):
                    return x


                class Fetch(Task):
                    def __init__(self, url, **kwargs):
                        self.url = url
                        super().__init__(**kwargs)


                fetch = Fetch(url="https://x", name="fetch")
                """));
    }

    @Test
    void everyPrefect3TaskOptionIsLeftAlone() {
        rewriteRun(python(
                """
                from prefect import task


                @task(name="a", description="d", tags=["t"], version="1", cache_key_fn=k, cache_expiration=e,
                      task_run_name="r", retries=1, retry_delay_seconds=2, retry_jitter_factor=0.1, persist_result=True,
                      result_storage=s, result_serializer="json", result_storage_key="k", cache_result_in_memory=False,
                      timeout_seconds=3, log_prints=True, refresh_cache=True, on_completion=[h], on_failure=[h],
                      retry_condition_fn=f, viz_return_value=1, cache_policy=p, on_rollback=[h], on_commit=[h])
                def add(x):
                    return x
                """));
    }

    // @task(nout=2) lost its only option and stayed @task(); a Task subclass instance keeps its call (session 13 sweep)
    @Test
    void aDecoratorLeftWithoutOptionsIsBare() {
        rewriteRun(python(
                """
                from prefect import Task, task


                @task(nout=2)
                def split(x):
                    return x, x


                class Load(Task):
                    def run(self, x):
                        return x


                load = Load(slug="load")
                """,
                """
                from prefect import Task, task


                @task
                def split(x):
                    return x, x


                class Load(Task):
                    def run(self, x):
                        return x


                load = Load()
                """));
    }

    @Test
    void skipOnUpstreamSkipFalseIsWhatPrefect3DoesAndGoes() {
        rewriteRun(python(
                """
                from prefect import task


                @task(name="cleanup", skip_on_upstream_skip=False)
                def cleanup():
                    pass


                @task(skip_on_upstream_skip=True)
                def report():
                    pass
                """,
                """
                from prefect import task


                @task(name="cleanup")
                def cleanup():
                    pass


                # TODO(migrate PF103): skip_on_upstream_skip: Prefect 3 has no Skipped state; return early from the upstream task instead
                @task(skip_on_upstream_skip=True)
                def report():
                    pass
                """));
    }

    @Test
    void cacheForBecomesAConstantKeyWithExpiration() {
        rewriteRun(python(
                """
                from datetime import timedelta
                import prefect
                from prefect.engine.cache_validators import all_inputs


                @prefect.task(cache_for=timedelta(hours=1), max_retries=3)
                def fetch_rate(currency):
                    return currency


                @prefect.task(cache_for=timedelta(days=1), cache_validator=all_inputs)
                def fetch_all(currency):
                    return currency
                """,
                """
                from datetime import timedelta
                import prefect
                from prefect.cache_policies import INPUTS


                @prefect.task(cache_expiration=timedelta(hours=1), retries=3, cache_key_fn=lambda context, parameters: "fetch_rate")
                def fetch_rate(currency):
                    return currency


                @prefect.task(cache_expiration=timedelta(days=1), cache_policy=INPUTS)
                def fetch_all(currency):
                    return currency
                """));
    }

    // without --unsafe-fixes the default validator's constant key is not written: the TODO and the note say what to
    // write, on the line of the task (not line 0), and a partial validator gets its key function spelled out
    @Test
    void cacheForLeftSaysExactlyWhatToWrite() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.message().substring(0, r.message().indexOf(": write")))
                        .containsExactly("6 PF103 task 'fetch_rate': cache_for", "11 PF103 task 'fetch_day': cache_for")),
                python(
                """
                from datetime import timedelta
                import prefect
                from prefect.engine.cache_validators import partial_inputs_only


                @prefect.task(max_retries=3, cache_for=timedelta(hours=1))
                def fetch_rate(currency):
                    return currency


                @prefect.task(cache_for=timedelta(days=1), cache_validator=partial_inputs_only(validate_on=["day"]),
                              checkpoint=False)
                def fetch_day(day, currency):
                    return currency
                """,
                """
                from datetime import timedelta
                import prefect
                from prefect.engine.cache_validators import partial_inputs_only


                # TODO(migrate PF103): cache_for: write `cache_expiration=timedelta(hours=1), cache_key_fn=lambda context, parameters: "fetch_rate"` instead: Prefect 1's default validator, duration_only, reused the cached result whatever the inputs until it expired (--unsafe-fixes writes it)
                @prefect.task(retries=3, cache_for=timedelta(hours=1))
                def fetch_rate(currency):
                    return currency


                # TODO(migrate PF103): cache_for: write `cache_expiration=timedelta(days=1), cache_key_fn=lambda context, parameters: hash_objects(*[parameters.get(k) for k in ["day"]])` instead (from prefect.utilities.hashing import hash_objects): partial_inputs_only compared only the inputs ["day"]; and drop persist_result=False (was checkpoint=False): Prefect 3 caches only results it persists
                @prefect.task(cache_for=timedelta(days=1), cache_validator=partial_inputs_only(validate_on=["day"]),
                              persist_result=False)
                def fetch_day(day, currency):
                    return currency
                """));
    }

    @Test
    void cacheOfATaskThatDoesNotPersistGetsANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.message())
                        .contains("5 true task 'fetch': its cache has no effect: drop persist_result=False (was "
                                + "checkpoint=False): Prefect 3 caches only results it persists")),
                python(
                """
                from datetime import timedelta
                from prefect import task


                @task(checkpoint=False, cache_for=timedelta(hours=1))
                def fetch(day):
                    return day
                """,
                """
                from datetime import timedelta
                from prefect import task


                @task(persist_result=False, cache_expiration=timedelta(hours=1), cache_key_fn=lambda context, parameters: "fetch")
                def fetch(day):
                    return day
                """));
    }

    @Test
    void taskSubclassInstancesAndTriggersGetTodo() {
        rewriteRun(python(
                """
                from datetime import timedelta
                import prefect
                from prefect import Task, task


                class Fetch(Task):
                    def run(self, token):
                        return token


                fetch = Fetch(name="fetch", max_retries=3, retry_delay=timedelta(minutes=1))


                @task(trigger=prefect.triggers.all_finished)
                def report(paths):
                    print(paths)
                """,
                """
                import prefect
                from prefect import Task, task


                class Fetch(Task):
                    def run(self, token):
                        return token


                fetch = Fetch(name="fetch", retries=3, retry_delay_seconds=60)


                # TODO(migrate PF103): trigger: Prefect 3 has no triggers: call the upstream tasks with return_state=True and pass their results wrapped in allow_failure(...) (from prefect import allow_failure)
                @task(trigger=prefect.triggers.all_finished)
                def report(paths):
                    print(paths)
                """));
    }

    @Test
    void stateHandlersBecomeHooks() {
        rewriteRun(python(
                """
                from prefect import task


                def alert(task, old, new):
                    return new


                @task(state_handlers=[alert])
                def work():
                    pass
                """,
                """
                from prefect import task


                def alert(task, old, new):
                    return new


                # TODO(migrate PF103): state handlers became hooks: change their signature to fn(task, task_run, state); a hook cannot replace the state
                @task(on_failure=[alert], on_completion=[alert])
                def work():
                    pass
                """));
    }

    // the hooks' TODO is written first; the cache instruction got lost under it (one PF103 TODO per statement)
    @Test
    void aTaskWithHooksAndAPartialCacheGetsBothTodos() {
        rewriteRun(python(
                """
                from datetime import timedelta
                from prefect import task
                from prefect.engine.cache_validators import partial_parameters_only


                def alert(task, old, new):
                    return new


                @task(state_handlers=[alert], cache_for=timedelta(hours=2),
                      cache_validator=partial_parameters_only(["day"]))
                def work(day):
                    pass
                """,
                """
                from datetime import timedelta
                from prefect import task
                from prefect.engine.cache_validators import partial_parameters_only


                def alert(task, old, new):
                    return new


                # TODO(migrate PF103): state handlers became hooks: change their signature to fn(task, task_run, state); a hook cannot replace the state
                # TODO(migrate PF103): cache_for: write `cache_expiration=timedelta(hours=2), cache_key_fn=lambda context, parameters: hash_objects(*[flow_run.parameters.get(k) for k in ["day"]])` instead (from prefect.utilities.hashing import hash_objects; from prefect.runtime import flow_run): partial_parameters_only compared only the flow parameters ["day"]
                @task(on_failure=[alert], cache_for=timedelta(hours=2),
                      cache_validator=partial_parameters_only(["day"]), on_completion=[alert])
                def work(day):
                    pass
                """));
    }

    // Prefect 2 has no cache policies: never_use means no cache option at all, all_parameters a key function
    @Test
    void prefect2CacheValidatorsWithoutAPolicySayWhatToDo() {
        rewriteRun(spec -> spec.recipe(new RewritePrefect1TaskArguments("2")), python(
                """
                from datetime import timedelta
                from prefect import task
                from prefect.engine.cache_validators import all_parameters, never_use


                @task(cache_for=timedelta(hours=1), cache_validator=never_use)
                def fresh(day):
                    return day


                @task(cache_for=timedelta(hours=1), cache_validator=all_parameters)
                def per_run(day):
                    return day
                """,
                """
                from datetime import timedelta
                from prefect import task
                from prefect.engine.cache_validators import all_parameters, never_use


                # TODO(migrate PF103): cache_for: delete cache_for and cache_validator: Prefect 2 caches only tasks that set cache_key_fn (never_use turned the cache off)
                @task(cache_for=timedelta(hours=1), cache_validator=never_use)
                def fresh(day):
                    return day


                # TODO(migrate PF103): cache_for: write `cache_expiration=timedelta(hours=1), cache_key_fn=lambda context, parameters: hash_objects(flow_run.parameters)` instead (from prefect.utilities.hashing import hash_objects; from prefect.runtime import flow_run): all_parameters reused the result for the same flow parameters
                @task(cache_for=timedelta(hours=1), cache_validator=all_parameters)
                def per_run(day):
                    return day
                """));
    }

    @Test
    void leavesOtherLibrariesAlone() {
        rewriteRun(python(
                """
                from celery import task


                @task(max_retries=3, timeout=10)
                def work():
                    pass
                """));
    }

    // Root(checkpoint=False) in a flow left as Prefect 1 code became Root(persist_result=False), which Prefect 1's
    // Task rejects and Prefect 3 never runs (shakedown on public Prefect 1 code)
    @Test
    void aTaskCallInAFlowLeftAsPrefect1CodeKeepsItsPrefect1Options() {
        rewriteRun(python(
                """
                from prefect import Flow, Task
                from prefect.environments import LocalEnvironment


                class Root(Task):
                    def run(self):
                        return 1


                with Flow("kept") as flow:
                    Root(checkpoint=False, max_retries=2)()

                flow.environment = LocalEnvironment()
                """));
    }

    @Test
    void aTaskCallInAFlowThatIsConvertedGetsPrefect3Options() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                def load():
                    return 1


                with Flow("converted") as flow:
                    task(load, checkpoint=False)()
                """,
                """
                from prefect import Flow, task


                def load():
                    return 1


                with Flow("converted") as flow:
                    task(load, persist_result=False)()
                """));
    }

    @Test
    void withoutUnsafeFixesNoFlowIsConvertedSoItsTaskCallsStayPrefect1() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext(t -> {
        });
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx), python(
                """
                from prefect import Flow, task


                def load():
                    return 1


                with Flow("converted") as flow:
                    task(load, checkpoint=False)()
                """));
    }

    // a flow made with the project's Flow subclass from another module (from myproj.flows import MyFlow) was not seen as
    // a flow left as Prefect 1 code, so its task calls got Prefect 3 options that its Prefect 1 tasks reject
    @Test
    void aTaskCallInAFlowMadeWithAnotherModulesFlowSubclassKeepsItsPrefect1Options() {
        rewriteRun(python(
                """
                from prefect import Flow


                class MyFlow(Flow):
                    pass
                """, s -> s.path("myproj/flows.py")),
                python(
                """
                from prefect import task

                from myproj.flows import MyFlow


                def load():
                    return 1


                fast = task(load, checkpoint=False)

                with MyFlow("kept") as flow:
                    task(load, checkpoint=False)()
                """,
                """
                from prefect import task

                from myproj.flows import MyFlow


                def load():
                    return 1


                fast = task(load, persist_result=False)

                with MyFlow("kept") as flow:
                    task(load, checkpoint=False)()
                """, s -> s.path("myproj/etl.py")));
    }
}
