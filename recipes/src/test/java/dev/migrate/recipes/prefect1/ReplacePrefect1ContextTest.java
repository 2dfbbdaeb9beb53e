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
                from prefect import get_run_logger, runtime, task
                from datetime import timedelta


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
    void otherContextsAreLeftAlone() {
        rewriteRun(python(
                """
                import contextvars
                context = {"logger": 1}
                print(context.get("logger"))
                """));
    }
}
