package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class ReplacePrefect1ContextTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplacePrefect1Context());
    }

    @Test
    void contextLookupsBecomeRuntimeAndRunLogger() {
        rewriteRun(python(
                """
                import prefect
                from prefect import task


                @task
                def work():
                    logger = prefect.context.get("logger")
                    params = prefect.context.parameters
                    day = prefect.context.today  # scheduled day
                    prev = prefect.context.yesterday_nodash
                    start = prefect.context.get("scheduled_start_time") or day
                    prefect.context.logger.info("%s %s %s", params, prev, start)
                """,
                """
                from datetime import timedelta

                from prefect import get_run_logger, runtime, task


                @task
                def work():
                    logger = get_run_logger()
                    params = runtime.flow_run.parameters
                    day = runtime.flow_run.scheduled_start_time.strftime("%Y-%m-%d")  # scheduled day
                    prev = (runtime.flow_run.scheduled_start_time - timedelta(days=1)).strftime("%Y%m%d")
                    start = runtime.flow_run.scheduled_start_time or day
                    get_run_logger().info("%s %s %s", params, prev, start)
                """));
    }

    // a module that imports datetime got a second import for timedelta (session 13 sweep)
    @Test
    void anImportedDatetimeModuleGivesTheTimedelta() {
        rewriteRun(python(
                """
                import datetime

                import prefect
                from prefect import task


                @task
                def window():
                    return prefect.context.yesterday, datetime.date.today()
                """,
                """
                import datetime

                from prefect import runtime, task


                @task
                def window():
                    return (runtime.flow_run.scheduled_start_time - datetime.timedelta(days=1)).strftime("%Y-%m-%d"), datetime.date.today()
                """));
    }

    @Test
    void keysWithoutEquivalentGetTodo() {
        rewriteRun(python(
                """
                from prefect import context, task


                @task
                def work():
                    return context.map_index
                """,
                """
                from prefect import context, task


                @task
                def work():
                    # TODO(migrate PF104): prefect.context.map_index has no Prefect 3 equivalent: pass the value as a parameter
                    return context.map_index
                """));
    }

    @Test
    void subscriptsAndLookupsWithADefaultAreLookupsToo() {
        rewriteRun(python(
                """
                import prefect
                from prefect import task


                @task
                def work():
                    params = prefect.context["parameters"]
                    day = prefect.context.get("today", "1970-01-01")
                    return params, day
                """,
                """
                from prefect import runtime, task


                @task
                def work():
                    params = runtime.flow_run.parameters
                    day = runtime.flow_run.scheduled_start_time.strftime("%Y-%m-%d")
                    return params, day
                """));
    }

    @Test
    void contextUsesOtherThanAKeyLookupGetTodo() {
        rewriteRun(python(
                """
                import prefect
                from prefect import task


                @task
                def work(key):
                    with prefect.context(region="eu"):
                        run()
                    prefect.context.update(region="us")
                    return prefect.context.get(key)
                """,
                """
                import prefect
                from prefect import task


                @task
                def work(key):
                    # TODO(migrate PF104): `with prefect.context(region="eu"): ...` uses the Prefect 1 context, which Prefect 3 does not have: pass the value as a parameter, or read prefect.runtime
                    with prefect.context(region="eu"):
                        run()
                    # TODO(migrate PF104): `prefect.context.update(region="us")` uses the Prefect 1 context, which Prefect 3 does not have: pass the value as a parameter, or read prefect.runtime
                    prefect.context.update(region="us")
                    # TODO(migrate PF104): `return prefect.context.get(key)` uses the Prefect 1 context, which Prefect 3 does not have: pass the value as a parameter, or read prefect.runtime
                    return prefect.context.get(key)
                """));
    }

    @Test
    void prefect3ContextFunctionsAreLeftAlone() {
        rewriteRun(python(
                """
                import prefect
                from prefect.context import get_run_context


                def run_id():
                    return prefect.context.get_run_context().flow_run.id, get_run_context()
                """));
    }

    @Test
    void aLoggerReadAtModuleLevelIsThePlainPrefectLogger() {
        rewriteRun(python(
                """
                import prefect
                from prefect import task

                logger = prefect.context.get("logger")


                @task
                def work():
                    logger.info("working")
                    prefect.context.get("logger").info("in a run")
                """,
                """
                from prefect import get_run_logger, task
                from prefect.logging import get_logger

                logger = get_logger()


                @task
                def work():
                    logger.info("working")
                    get_run_logger().info("in a run")
                """));
    }

    @Test
    void otherContextsAreLeftAlone() {
        rewriteRun(python(
                """
                import contextvars
                context = {"logger": 1}
                print(context.get("logger"))
                """));
    }
}
