package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class ConvertPrefect1TriggersTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1Triggers());
    }

    @Test
    void allFinishedTaskGetsItsUpstreamResultsAsAllowFailure() {
        rewriteRun(python(
                """
                import prefect
                from prefect import flow, task
                from prefect.triggers import all_successful, always_run


                @task
                def extract(day):
                    return [day]


                @task
                def write(rows):
                    return len(rows)


                @task(trigger=prefect.triggers.all_finished)
                def report(count, rows):
                    print(count, rows)


                @task(trigger=always_run, retries=1)
                def cleanup():
                    pass


                @task(trigger=all_successful)
                def publish(rows):
                    pass


                @flow(name="etl")
                def etl(day="today"):
                    rows = extract(day)
                    count = write(rows)
                    report(count, rows=extract(day))  # the report runs even when write fails
                    publish(rows)
                    cleanup(wait_for=[count])
                """,
                """
                from prefect import allow_failure, flow, task


                @task
                def extract(day):
                    return [day]


                @task
                def write(rows):
                    return len(rows)


                @task
                def report(count, rows):
                    print(count, rows)


                @task(retries=1)
                def cleanup():
                    pass


                @task
                def publish(rows):
                    pass


                @flow(name="etl")
                def etl(day="today"):
                    rows = extract(day)
                    count = write(rows, return_state=True)
                    report(allow_failure(count), rows=allow_failure(extract(day, return_state=True)))  # the report runs even when write fails
                    publish(rows)
                    cleanup(wait_for=[allow_failure(count)])
                """));
    }

    @Test
    void upstreamReadByAnotherTaskKeepsTheTrigger() {
        rewriteRun(python(
                """
                import prefect
                from prefect import flow, task


                @task
                def write(rows):
                    return len(rows)


                @task(trigger=prefect.triggers.all_finished)
                def report(count):
                    print(count)


                @flow(name="etl")
                def etl(rows=()):
                    count = write(rows)
                    report(count)
                    print(count + 1)
                """));
    }
}
