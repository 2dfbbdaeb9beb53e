package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class ReplaceIsScheduleActiveWithPausedTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceIsScheduleActiveWithPaused());
    }

    // found by the session 12 sweep: 2.x code already on flow.deploy/to_deployment kept is_schedule_active,
    // which Prefect 3's signatures reject with TypeError
    @DocumentExample
    @Test
    void isScheduleActiveBecomesTheInversePaused() {
        rewriteRun(
            python(
                """
                import os
                from prefect import flow, serve

                @flow
                def a():
                    pass

                if __name__ == "__main__":
                    a.deploy(name="a", work_pool_name="docker", image="acme/a:1", is_schedule_active=True)
                    b = a.to_deployment(name="b", cron="0 * * * *", is_schedule_active=False)
                    c = a.to_deployment(
                        name="c",
                        is_schedule_active=os.environ.get("ENV") == "prod",  # only prod runs
                    )
                    serve(b, c)
                """,
                """
                import os
                from prefect import flow, serve

                @flow
                def a():
                    pass

                if __name__ == "__main__":
                    a.deploy(name="a", work_pool_name="docker", image="acme/a:1", paused=False)
                    b = a.to_deployment(name="b", cron="0 * * * *", paused=True)
                    c = a.to_deployment(
                        name="c",
                        paused=not (os.environ.get("ENV") == "prod"),  # only prod runs
                    )
                    serve(b, c)
                """));
    }

    @Test
    void otherCallsAndCallsThatSayPausedStay() {
        rewriteRun(
            python(
                """
                from prefect import flow

                @flow
                def a():
                    pass

                a.serve(name="a", paused=False, is_schedule_active=True)
                update_schedule(a, is_schedule_active=False)
                """));
    }

    @Test
    void aFileWithoutPrefectStays() {
        rewriteRun(
            python(
                """
                client.deploy(name="a", is_schedule_active=False)
                """));
    }
}
