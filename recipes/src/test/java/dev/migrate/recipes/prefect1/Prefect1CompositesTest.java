package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Both composites on one Prefect 1 module: the Prefect 3 output uses 3.8.3 names, the Prefect 2 output 2.20.25 names. */
class Prefect1CompositesTest implements PythonRewriteTest {
    private static final String BEFORE = """
            from datetime import timedelta

            import prefect
            from prefect import Flow, Parameter, task
            from prefect.engine.cache_validators import all_inputs
            from prefect.executors import LocalDaskExecutor


            @task(max_retries=2, retry_delay=timedelta(seconds=30), cache_for=timedelta(hours=1), cache_validator=all_inputs)
            def fetch(day):
                prefect.context.logger.info("fetching %s", day)
                return [day]


            with Flow("fetch-all", executor=LocalDaskExecutor(num_workers=2)) as flow:
                day = Parameter("day", default="2024-01-01")
                fetch(day)
            """;

    @Test
    void prefect3Composite() {
        rewriteRun(spec -> spec.recipeFromResources("dev.migrate.prefect.MigrateToPrefect3FromPrefect1"),
                python(BEFORE, """
                        from datetime import timedelta

                        from prefect import task, flow, get_run_logger
                        from prefect.task_runners import ThreadPoolTaskRunner
                        from prefect.cache_policies import INPUTS


                        @task(retries=2, retry_delay_seconds=30, cache_expiration=timedelta(hours=1), cache_policy=INPUTS)
                        def fetch(day):
                            get_run_logger().info("fetching %s", day)
                            return [day]


                        @flow(name="fetch-all", task_runner=ThreadPoolTaskRunner(max_workers=2))
                        def fetch_all(day="2024-01-01"):
                            fetch(day)
                        """, s -> s.afterRecipe(f -> assertImportsExist(f.printAll(), PrefectApi.get()::existsIn3))));
    }

    @Test
    void prefect2Composite() {
        rewriteRun(spec -> spec.recipeFromResources("dev.migrate.prefect.MigrateToPrefect2FromPrefect1"),
                python(BEFORE, """
                        from datetime import timedelta

                        from prefect import task, flow, get_run_logger
                        from prefect.task_runners import ConcurrentTaskRunner
                        from prefect.tasks import task_input_hash


                        @task(retries=2, retry_delay_seconds=30, cache_expiration=timedelta(hours=1), cache_key_fn=task_input_hash)
                        def fetch(day):
                            get_run_logger().info("fetching %s", day)
                            return [day]


                        @flow(name="fetch-all", task_runner=ConcurrentTaskRunner())
                        def fetch_all(day="2024-01-01"):
                            fetch(day)
                        """, s -> s.afterRecipe(f -> assertImportsExist(f.printAll(), PrefectApi.get()::existsIn2))));
    }

    private static void assertImportsExist(String code, Predicate<String> exists) {
        for (ImportBinding b : Imports.of(PythonParser.parse(code).module()).all()) {
            if (b.qualifiedName().startsWith("prefect.")) {
                assertThat(exists.test(b.qualifiedName())).as(b.qualifiedName()).isTrue();
            }
        }
    }
}
