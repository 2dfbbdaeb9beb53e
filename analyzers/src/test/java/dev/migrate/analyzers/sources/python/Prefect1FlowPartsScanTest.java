package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the scan reads of a Prefect 1 flow's settings however they are passed, and of the imports they need. */
class Prefect1FlowPartsScanTest {
    private static RecordingSink scan(ScanFile... files) {
        return HostEstate.scan(List.of(files), new Prefect1FlowDetector(), new Prefect1ApiUsageDetector());
    }

    private static List<String> findings(RecordingSink sink) {
        return sink.findings.stream().map(f -> f.code() + " " + f.message()).sorted().toList();
    }

    @Test
    void aScheduleGivenByPositionIsTheFlowsSchedule() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow
                from prefect.schedules import CronSchedule

                with Flow("etl", CronSchedule("0 4 * * *")) as flow:
                    pass
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102")).extracting(Finding::message)
                .containsExactly("Prefect 1 flow etl scheduled 0 4 * * *");
    }

    @Test
    void aScheduleVariableGivenByPositionIsReadThroughItsName() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from datetime import timedelta
                from prefect import Flow
                from prefect.engine.results import LocalResult
                from prefect.schedules import IntervalSchedule

                result = LocalResult(dir="/tmp")
                sched = IntervalSchedule(interval=timedelta(hours=1))

                with Flow("etl", sched, result=result) as flow:
                    pass
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102")).extracting(Finding::message)
                .singleElement().asString().startsWith("Prefect 1 flow etl scheduled ").doesNotContain("no schedule");
    }

    @Test
    void aProjectFlowSubclassIsReadByKeywordOnly() {
        // the subclass may take other arguments first: its second argument is not known to be a schedule
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow
                from prefect.schedules import CronSchedule

                class MyFlow(Flow):
                    pass

                with MyFlow("etl", CronSchedule("0 4 * * *")) as flow:
                    pass
                """));
        // (the CronSchedule import, which the flow left as Prefect 1 code keeps, is reported at the import, as the rewrite
        // marks it)
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102") && f.message().startsWith("Prefect 1 flow "))
                .extracting(Finding::message).singleElement().asString().endsWith("(no schedule)");
    }

    @Test
    void anExecutorImportUsedOutsideTheFlowsSettingsIsReportedAtTheImport() {
        RecordingSink sink = scan(new ScanFile("flows/dask.py", """
                from prefect import Flow
                from prefect.engine.executors import LocalDaskExecutor
                from prefect.environments import LocalEnvironment

                with Flow("dask") as flow:
                    pass

                flow.environment = LocalEnvironment(executor=LocalDaskExecutor(scheduler="threads"))
                """));
        assertThat(findings(sink)).contains("PF109 prefect.engine.executors.LocalDaskExecutor is Prefect 1's executor and "
                + "does not exist in Prefect 3: the import fails; replace its uses");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF109")).extracting(f -> f.where().line())
                .containsExactly(2);
    }

    @Test
    void anExecutorTheFlowSetsIsReportedOnceWhereItIsSet() {
        RecordingSink sink = scan(new ScanFile("flows/dask.py", """
                from prefect import Flow
                from prefect.executors import LocalDaskExecutor

                with Flow("dask", executor=LocalDaskExecutor()) as flow:
                    pass
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF109")).extracting(f -> f.where().line())
                .containsExactly(4);
    }

    @Test
    void aRegistrationScriptReportsItsStorageImportAndItsRegisterCall() {
        RecordingSink sink = scan(new ScanFile("register.py", """
                import importlib

                from prefect.environments.storage import Docker

                for m in ["flows.a", "flows.b"]:
                    f = importlib.import_module(m)
                    f.flow.storage = Docker()
                    f.flow.register(project_name="p")
                """));
        assertThat(findings(sink)).containsExactly(
                "PF108 a flow is registered with the Prefect 1 API: f.flow.register(); Prefect 3 deploys flows with "
                        + "prefect.yaml (prefect deploy) instead",
                "PF113 prefect.environments.storage.Docker is Prefect 1's storage and does not exist in Prefect 3: the "
                        + "import fails; replace its uses");
    }

    @Test
    void aFlowOfTheModuleIsRegisteredWithItsJobOnly() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow

                with Flow("etl") as flow:
                    pass

                flow.register(project_name="p")
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108")).extracting(Finding::jobId)
                .singleElement().isNotNull();
    }

    @Test
    void aRegisterCallInAModuleWithoutPrefect1NamesIsNotPrefects() {
        RecordingSink sink = scan(new ScanFile("app.py", """
                from prefect import flow

                registry.register(project_name="p")
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108")).isEmpty();
    }

    // the rewrite marked these imports PF102 (the module fails to import on Prefect 3) and the scan said nothing of them
    @Test
    void aSchedulesModulesPrefect1ImportsAreReportedWhereTheRewriteMarksThem() {
        RecordingSink sink = scan(new ScanFile("flows/schedules.py", """
                from datetime import timedelta

                import pendulum
                from prefect.schedules import IntervalSchedule, Schedule
                from prefect.schedules.clocks import IntervalClock

                every_hour = IntervalSchedule(start_date=pendulum.datetime(2022, 1, 1, tz="UTC"), interval=timedelta(hours=1))
                daily = Schedule(clocks=[IntervalClock(timedelta(days=1))])
                """), new ScanFile("flows/etl.py", """
                from prefect import Flow

                from flows.schedules import every_hour

                with Flow("etl", schedule=every_hour) as flow:
                    pass
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102"))
                .extracting(f -> f.where().path() + ":" + f.where().line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "flows/etl.py:5 Prefect 1 flow etl scheduled R/2022-01-01T00:00Z/PT1H",
                        "flows/schedules.py:4 prefect.schedules.IntervalSchedule is Prefect 1's schedule and does not exist "
                                + "in Prefect 3: the import fails; replace its uses",
                        "flows/schedules.py:5 prefect.schedules.clocks.IntervalClock is Prefect 1's clock and does not "
                                + "exist in Prefect 3: the import fails; replace its uses");
    }

    // must not change: the classes a flow's schedule is made with are the flow's finding, not one each
    @Test
    void theClassesOfAFlowsOwnScheduleAreReportedWithTheFlow() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from datetime import timedelta

                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                schedule = Schedule(clocks=[IntervalClock(timedelta(hours=1))])

                with Flow("etl", schedule=schedule) as flow:
                    pass
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF102")).extracting(f -> f.where().line())
                .containsExactly(7);
    }

    // a name bound to another module's flow (not to a call that makes one) passed for the module's own flow, so the
    // script's register() went unreported while the rewrite, reading the same calls, marks it
    @Test
    void aRegisterCallOnAFlowTakenFromAnotherModuleIsReported() {
        RecordingSink sink = scan(new ScanFile("register.py", """
                import importlib
                import sys

                from prefect.environments.storage import Docker

                flow_module = importlib.import_module(sys.argv[1])
                flow = flow_module.flow
                flow.storage = Docker()
                flow.register()
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108"))
                .extracting(f -> f.where().line() + " " + f.message() + " " + f.jobId())
                .containsExactly("9 a flow is registered with the Prefect 1 API: flow.register(); Prefect 3 deploys flows "
                        + "with prefect.yaml (prefect deploy) instead null");
    }
    // the rewrite marks Prefect 1's Schedule(clocks=[...]) outside a flow with a PF108 TODO (Prefect 3 has a Schedule
    // too, so the import works and no import finding spoke of it), and the scan reported nothing for the call
    @Test
    void aPrefect1ScheduleOutsideAFlowIsReportedWhereTheRewriteMarksIt() {
        RecordingSink sink = scan(new ScanFile("scripts/register.py", """
                import importlib

                from prefect.schedules import Schedule
                from prefect.schedules.clocks import CronClock

                for name in ["flows.etl"]:
                    module = importlib.import_module(name)
                    module.flow.schedule = Schedule(clocks=[CronClock("0 6 * * *")])
                    module.flow.register(project_name="etl")
                """), new ScanFile("flows/schedules.py", """
                from datetime import timedelta

                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                every_hour = Schedule([IntervalClock(timedelta(hours=1))])
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108") && f.message().startsWith("Prefect 1's Schedule"))
                .extracting(f -> f.where().path() + ":" + f.where().line() + " " + f.jobId())
                .containsExactlyInAnyOrder("scripts/register.py:8 null", "flows/schedules.py:6 null");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108")).extracting(Finding::message)
                .contains("Prefect 1's Schedule(clocks=[...]) is not Prefect 3's prefect.schedules.Schedule (interval=, "
                        + "cron= or rrule=, one schedule per object), and this call fails: write the deployment's "
                        + "`schedules:` in prefect.yaml, or use Cron(...)/Interval(...) from prefect.schedules where the "
                        + "flow is deployed");
    }

    // must not change: a flow's own Schedule(clocks=[...]) is the flow's finding, and Prefect 3's Schedule is not Prefect 1's
    @Test
    void aFlowsOwnScheduleAndAPrefect3ScheduleGetNoScheduleFinding() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from datetime import timedelta

                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                with Flow("etl", schedule=Schedule(clocks=[IntervalClock(timedelta(hours=1))])) as flow:
                    pass
                """), new ScanFile("flows/report.py", """
                from datetime import timedelta

                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                flow = Flow("report")
                flow.schedule = Schedule(clocks=[IntervalClock(timedelta(hours=2))])
                """), new ScanFile("flows/p3.py", """
                from datetime import timedelta

                from prefect.schedules import Schedule

                hourly = Schedule(timedelta(hours=1), timezone="UTC")
                nightly = Schedule(cron="0 2 * * *")
                """));
        assertThat(sink.findings).filteredOn(f -> f.message().startsWith("Prefect 1's Schedule")).isEmpty();
    }
    // the rewrite marks register() on a flow imported from a module it converts (PF108: the Prefect 3 flow has no
    // register()), and the scan read only modules importing a Prefect 1 name, so it reported nothing here
    @Test
    void aRegisterCallOnAFlowImportedFromAFlowModuleIsReportedWhateverTheScriptImports() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow

                with Flow("etl") as flow:
                    pass
                """), new ScanFile("scripts/deploy_one.py", """
                from flows.etl import flow

                flow.register(project_name="etl")
                """), new ScanFile("scripts/deploy_all.py", """
                from flows import etl
                from prefect.run_configs import LocalRun

                for f in [etl.flow]:
                    f.run_config = LocalRun()
                    f.register(project_name="etl")
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108"))
                .extracting(f -> f.where().path() + ":" + f.where().line() + " " + f.message())
                .containsExactlyInAnyOrder(
                        "scripts/deploy_one.py:3 a flow is registered with the Prefect 1 API: flow.register(); Prefect 3 "
                                + "deploys flows with prefect.yaml (prefect deploy) instead",
                        "scripts/deploy_all.py:6 a flow is registered with the Prefect 1 API: f.register(); Prefect 3 "
                                + "deploys flows with prefect.yaml (prefect deploy) instead");
    }

    // must not change: register() of anything but another module's Prefect 1 flow
    @Test
    void otherRegisterCallsAreNotPrefectRegistrations() {
        RecordingSink sink = scan(new ScanFile("flows/etl.py", """
                from prefect import Flow

                with Flow("etl") as flow:
                    pass
                """), new ScanFile("app/admin.py", """
                import atexit

                from django.contrib import admin

                from app.models import flow

                admin.site.register(flow)
                atexit.register(print)
                """));
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF108")).isEmpty();
    }
}
