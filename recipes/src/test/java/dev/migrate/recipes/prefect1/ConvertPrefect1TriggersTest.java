package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
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

    // a trigger left in place got a decision here and a manual note from RewritePrefect1TaskArguments: one note now,
    // manual, with the reason and what to write; the TODO stays
    @Test
    void aTriggerLeftGetsOneNote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx)
                        .recipes(new ConvertPrefect1Triggers(), new RewritePrefect1TaskArguments())
                        .dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                            assertThat(r.manual()).isTrue();
                            assertThat(r.line()).isEqualTo(10);
                            assertThat(r.text()).startsWith("PF103: task 'report': trigger=all_finished: "
                                    + "unsafe fix not applied (rerun with --unsafe-fixes): allow_failure(...)")
                                    .contains("by hand: Prefect 3 has no triggers");
                        })),
                python(
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
                    report(write(rows))
                """,
                """
                import prefect
                from prefect import flow, task


                @task
                def write(rows):
                    return len(rows)


                # TODO(migrate PF103): trigger: Prefect 3 has no triggers: call the upstream tasks with return_state=True and pass their results wrapped in allow_failure(...) (from prefect import allow_failure)
                @task(trigger=prefect.triggers.all_finished)
                def report(count):
                    print(count)


                @flow(name="etl")
                def etl(rows=()):
                    report(write(rows))
                """));
    }
}
