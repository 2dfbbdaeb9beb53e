package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class ReplaceScheduleArgumentBeforePrefect32Test implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.1").putInto(ctx);
        spec.recipe(new ReplaceScheduleArgumentBeforePrefect32()).executionContext(ctx);
    }

    // found by the Prefect 2 Python sweep (a serve script passing schedule=IntervalSchedule(...) to to_deployment):
    // with --target 3.0 or 3.1 the call was left as it was, and those releases reject schedule= with TypeError
    @DocumentExample
    @Test
    void oneScheduleBecomesAListOfOne() {
        rewriteRun(
            python(
                """
                from datetime import timedelta

                from prefect import serve
                from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule

                from flows.etl import etl

                if __name__ == "__main__":
                    hourly = etl.to_deployment(name="hourly", schedule=IntervalSchedule(interval=timedelta(hours=1)))
                    nightly = etl.to_deployment(
                        name="nightly",
                        schedule=CronSchedule(cron='0 3 * * *', timezone="UTC"),  # after the load
                    )
                    etl.deploy(name="adhoc", work_pool_name="pool", schedule=None)
                    serve(hourly, nightly)
                """,
                """
                from datetime import timedelta

                from prefect import serve
                from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule

                from flows.etl import etl

                if __name__ == "__main__":
                    hourly = etl.to_deployment(name="hourly", schedules=[IntervalSchedule(interval=timedelta(hours=1))])
                    nightly = etl.to_deployment(
                        name="nightly",
                        schedules=[CronSchedule(cron='0 3 * * *', timezone="UTC")],  # after the load
                    )
                    etl.deploy(name="adhoc", work_pool_name="pool")
                    serve(hourly, nightly)
                """));
    }

    // Prefect 3.2 and later take schedule= again; calls with schedules= too, other calls and code without Prefect stay
    @Test
    void fromPrefect32AndOtherCallsItStays() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            python(
                """
                from prefect.client.schemas.schedules import CronSchedule
                from flows.etl import etl

                etl.serve(name="nightly", schedule=CronSchedule(cron="0 3 * * *"))
                """));
        rewriteRun(
            python(
                """
                from prefect.client.schemas.schedules import CronSchedule
                from flows.etl import etl

                etl.serve(name="a", schedule=CronSchedule(cron="0 3 * * *"), schedules=[CronSchedule(cron="0 4 * * *")])
                plan(schedule=CronSchedule(cron="0 5 * * *"))
                """),
            python(
                """
                import sched

                sched.scheduler().deploy(schedule=5)
                """, s -> s.path("other.py")));
    }
}
