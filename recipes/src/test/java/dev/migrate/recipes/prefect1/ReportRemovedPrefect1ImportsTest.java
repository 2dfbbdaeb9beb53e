package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class ReportRemovedPrefect1ImportsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReportRemovedPrefect1Imports());
    }

    @Test
    void importsPrefect3LacksGetOneTodoPerStatement() {
        rewriteRun(python(
                """
                import prefect
                from prefect import task, Parameter
                from prefect.engine.state import Failed, Success  # used by the handler
                import prefect.utilities.notifications
                from prefect.utilities.notifications import *


                days = Parameter("days")


                def alert(obj, old_state, new_state):
                    if isinstance(new_state, (Failed, Success)):
                        prefect.utilities.notifications.slack_notifier(obj, old_state, new_state)
                    return new_state
                """,
                """
                import prefect
                # TODO(migrate PF102): `prefect.Parameter` does not exist in Prefect 3 and the import fails: replace the uses and drop it
                from prefect import task, Parameter
                # TODO(migrate PF105): `prefect.engine.state.Failed`, `prefect.engine.state.Success` do not exist in Prefect 3 and the import fails: replace the uses and drop it
                from prefect.engine.state import Failed, Success  # used by the handler
                # TODO(migrate PF216): `prefect.utilities.notifications` does not exist in Prefect 3 and the import fails: replace the uses and drop it
                import prefect.utilities.notifications
                # TODO(migrate PF216): `prefect.utilities.notifications` does not exist in Prefect 3 and the import fails: replace the uses and drop it
                from prefect.utilities.notifications import *


                days = Parameter("days")


                def alert(obj, old_state, new_state):
                    if isinstance(new_state, (Failed, Success)):
                        prefect.utilities.notifications.slack_notifier(obj, old_state, new_state)
                    return new_state
                """));
    }

    @Test
    void unusedImportsPrefect3LacksAreDropped() {
        // the import alone would make the module fail on Prefect 3, and nothing needs the name
        rewriteRun(python(
                """
                from prefect import task, Parameter
                from prefect.schedules.schedules import Schedule
                from prefect.engine.signals import SKIP, FAIL


                @task
                def check(n):
                    if n < 0:
                        raise FAIL("negative")
                    return n
                """,
                """
                from prefect import task
                # TODO(migrate PF105): `prefect.engine.signals.FAIL` does not exist in Prefect 3 and the import fails: replace the uses and drop it
                from prefect.engine.signals import FAIL


                @task
                def check(n):
                    if n < 0:
                        raise FAIL("negative")
                    return n
                """));
    }

    @Test
    void anUnusedImportGoesWithTheTodoAnotherRecipeWroteOnIt() {
        rewriteRun(python(
                """
                from prefect import flow
                # TODO(migrate PF105): `prefect.engine.state.Success` is `prefect.states.Completed` in Prefect 3, which is not a drop-in
                from prefect.engine.state import Success
                """,
                """
                from prefect import flow
                """));
    }

    @Test
    void aPrefect1ScheduleBuiltWithANameThatPrefect3ReusesGetsATodo() {
        // prefect.schedules.Schedule imports fine on Prefect 3, but takes interval=/cron=/rrule=, not clocks=
        rewriteRun(python(
                """
                from datetime import timedelta

                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                hourly = Schedule(clocks=[IntervalClock(timedelta(hours=1))])
                """,
                """
                from datetime import timedelta

                from prefect.schedules import Schedule
                # TODO(migrate PF102): `prefect.schedules.clocks.IntervalClock` does not exist in Prefect 3 and the import fails: replace the uses (see the other TODOs) and drop it
                from prefect.schedules.clocks import IntervalClock

                # TODO(migrate PF108): Prefect 1's Schedule(clocks=[...]) is not Prefect 3's prefect.schedules.Schedule (interval=, cron= or rrule=, one schedule per object), and this call fails: write the deployment's `schedules:` in prefect.yaml, or use Cron(...)/Interval(...) from prefect.schedules where the flow is deployed
                hourly = Schedule(clocks=[IntervalClock(timedelta(hours=1))])
                """));
    }

    @Test
    void aPrefect3ScheduleIsLeftAlone() {
        rewriteRun(python(
                """
                from prefect.schedules import Schedule

                nightly = Schedule(cron="0 2 * * *", timezone="UTC")
                """));
    }

    // Prefect 3's Schedule takes its interval first: a positional argument is Prefect 1's clocks list only where the
    // module imports a Prefect 1 name (the scan reads the same calls, Prefect1ChangedNames)
    @Test
    void aPrefect3ScheduleGivenItsIntervalByPositionIsLeftAlone() {
        rewriteRun(python(
                """
                from datetime import timedelta

                from prefect.schedules import Schedule

                hourly = Schedule(timedelta(hours=1), timezone="UTC")
                """));
    }

    @Test
    void aPackageInitKeepsItsImports() {
        // __init__.py imports to re-export
        rewriteRun(python(
                """
                # TODO(migrate PF105): `prefect.engine.signals.SKIP` does not exist in Prefect 3 and the import fails: replace the uses (see the other TODOs) and drop it
                from prefect.engine.signals import SKIP
                """,
                s -> s.path("pipelines/__init__.py")));
    }

    @Test
    void prefectAttributesPrefect3LacksGetATodo() {
        rewriteRun(python(
                """
                import prefect as pf


                def settings():
                    url = pf.config.database.url  # from config.toml
                    # TODO(migrate PF110): the Prefect 1 GraphQL client is gone
                    client = pf.Client()
                    return url, client, pf.runtime.flow_run.id, pf.context.get_run_context()
                """,
                """
                import prefect as pf


                def settings():
                    # TODO(migrate PF216): `prefect.config` does not exist in Prefect 3 and this statement fails when it runs: replace it
                    url = pf.config.database.url  # from config.toml
                    # TODO(migrate PF110): the Prefect 1 GraphQL client is gone
                    client = pf.Client()
                    return url, client, pf.runtime.flow_run.id, pf.context.get_run_context()
                """));
    }

    @Test
    void aNameAnotherTodoAlreadyNamesGetsNoSecondOne() {
        rewriteRun(python(
                """
                from prefect import flow
                # TODO(migrate PF105): `prefect.engine.state.Success` is `prefect.states.Completed` in Prefect 3, which is not a drop-in
                from prefect.engine.state import Success


                def done(state):
                    return isinstance(state, Success)
                """));
    }

    @Test
    void importsPrefect3HasAreLeftAlone() {
        rewriteRun(python(
                """
                import prefect
                from prefect import flow, task, unmapped
                from prefect.blocks.system import Secret
                from prefectlib import Flow
                """));
    }

    // a Prefect 2 module through the Prefect 1 recipe: no other TODO explains the uses, so none is pointed to
    @Test
    void aTodoPointsToOtherTodosOnlyWhenThereAreSome() {
        rewriteRun(python(
                """
                from prefect import flow
                from prefect.deployments import Deployment


                @flow
                def etl():
                    pass


                Deployment.build_from_flow(etl, name="x")
                """,
                """
                from prefect import flow
                # TODO(migrate PF216): `prefect.deployments.Deployment` does not exist in Prefect 3 and the import fails: replace the uses and drop it
                from prefect.deployments import Deployment


                @flow
                def etl():
                    pass


                Deployment.build_from_flow(etl, name="x")
                """));
    }
}
