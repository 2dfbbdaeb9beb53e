package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
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
}
