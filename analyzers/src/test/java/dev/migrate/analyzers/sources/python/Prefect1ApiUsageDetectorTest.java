package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class Prefect1ApiUsageDetectorTest {
    private static RecordingSink scan(String text) {
        return HostEstate.scan(List.of(new ScanFile("flows/etl.py", text)), new Prefect1ApiUsageDetector());
    }

    private static List<String> codes(RecordingSink sink) {
        return sink.findings.stream().map(f -> f.code() + " " + f.where().line() + ":" + f.where().column()).toList();
    }

    private static String message(RecordingSink sink, String code) {
        return sink.findings.stream().filter(f -> f.code().equals(code)).map(Finding::message).findFirst().orElseThrow();
    }

    @Test
    void taskLibraryAndClientImportsAreReportedWithTheirPrefect3Replacement() {
        RecordingSink sink = scan("""
                from prefect import Flow, Client
                from prefect.tasks.secrets import PrefectSecret
                from prefect.tasks.shell import ShellTask
                from prefect.tasks.aws.s3 import S3Download
                from prefect.backend import kv_store

                shell = ShellTask(return_all=True)
                with Flow("etl") as flow:
                    token = PrefectSecret("API_TOKEN")
                    last = kv_store.get_key_value("last")
                """);
        assertThat(codes(sink)).containsExactly("PF110 1:27", "PF110 2:35", "PF110 3:33", "PF110 4:34", "PF110 5:29");
        assertThat(sink.findings.get(1).message()).contains("prefect.tasks.secrets.PrefectSecret is Prefect 1's task library")
                .contains("Secret.load").contains("--unsafe-fixes converts it");
        assertThat(sink.findings.get(3).message()).contains("prefect-aws");
        assertThat(sink.findings.get(3).message()).doesNotContain("converts it");
        assertThat(sink.findings.get(0).message()).contains("get_client()");
    }

    // the rewrite's TODO on such an import says PF216 too; names with a rule of their own are reported where used
    @Test
    void otherPrefect1NamesPrefect3LacksArePf216AtTheirImport() {
        RecordingSink sink = scan("""
                from prefect import Flow, Parameter, task
                from prefect.utilities.notifications import slack_notifier
                from prefect.engine.results import LocalResult
                from prefect.run_configs import LocalRun
                from prefect.engine.state import Failed
                """);
        assertThat(codes(sink)).containsExactly("PF216 2:45", "PF216 3:36");
        assertThat(sink.findings.get(0).message()).isEqualTo("prefect.utilities.notifications.slack_notifier is Prefect 1's "
                + "and does not exist in Prefect 3: the import fails; replace its uses");
        assertThat(Prefect1ImportCodes.of("prefect.run_configs.LocalRun")).isEqualTo("PF112");
        assertThat(Prefect1ImportCodes.of("prefect.schedules.filters.is_weekday")).isEqualTo("PF107");
        assertThat(Prefect1ImportCodes.of("prefect.schedules.clocks.CronClock")).isEqualTo("PF102");
        assertThat(Prefect1ImportCodes.of("prefect.tasks.shell.ShellTask")).isEqualTo("PF110");
        assertThat(Prefect1ImportCodes.of("prefect.tasks.control_flow.merge")).isEqualTo("PF106");
        assertThat(Prefect1ImportCodes.of("prefect.engine.results.LocalResult")).isEqualTo("PF216");
    }

    @Test
    void theTaskLibraryReachedThroughThePackageIsReportedOnce() {
        RecordingSink sink = scan("""
                import prefect

                shell = prefect.tasks.shell.ShellTask()
                other = prefect.tasks.shell.ShellTask(command="ls")
                client = prefect.Client()
                """);
        assertThat(codes(sink)).containsExactly("PF110 3:9", "PF110 5:10");
        assertThat(sink.findings.get(0).message()).startsWith("prefect.tasks.shell.ShellTask is Prefect 1's task library");
    }

    @Test
    void prefect1TaskOptionsAndTaskSubclassesWithRun() {
        RecordingSink sink = scan("""
                from datetime import timedelta
                from prefect import task, Task, Flow

                @task(max_retries=3, retry_delay=timedelta(minutes=1), log_stdout=True, tags=["x"])
                def extract():
                    return 1

                class Load(Task):
                    def run(self, rows):
                        return rows

                class LoadTwice(Load):
                    pass

                load = LoadTwice(max_retries=2, trigger=None)
                fetch = task(extract, checkpoint=False, cache_for=timedelta(hours=1))
                """);
        assertThat(codes(sink)).containsExactly("PF103 8:1", "PF103 4:7", "PF103 4:22", "PF103 4:56",
                "PF103 15:18", "PF103 15:33", "PF103 16:23", "PF103 16:41");
        assertThat(sink.findings.get(0).message()).isEqualTo("class Load subclasses Prefect 1's Task and defines run(); "
                + "Prefect 3 tasks are @task functions");
        assertThat(sink.findings.get(1).message()).isEqualTo("task option max_retries= of task is Prefect 1's: "
                + "Prefect 3's @task takes retries=");
        assertThat(sink.findings.get(2).message()).contains("retry_delay_seconds= (in seconds)");
        assertThat(sink.findings.get(5).message()).startsWith("task option trigger= of LoadTwice is Prefect 1's: Prefect 3 has no triggers");
        assertThat(sink.findings.get(7).message()).contains("cache_expiration=");
    }

    @Test
    void contextLookupsSignalsAndPredicates() {
        RecordingSink sink = scan("""
                import prefect
                from prefect import task, Flow
                from prefect.engine import signals
                from prefect.engine.signals import SKIP

                @task
                def check(rows):
                    logger = prefect.context.get("logger")
                    day = prefect.context.today
                    key = prefect.context["today"]
                    own = prefect.context.batch_id
                    if not rows:
                        raise signals.FAIL("no rows")
                    raise SKIP

                def handler(task, old, new):
                    if new.is_successful():
                        return new
                """);
        assertThat(codes(sink)).containsExactly("PF104 8:14", "PF105 17:8", "PF104 9:11", "PF104 10:11",
                "PF104 11:11", "PF105 13:9", "PF105 14:5");
        // FAIL becomes an exception in the rewrite; SKIP has no Prefect 3 form, so the rewrite only marks it: manual
        assertThat(sink.findings).filteredOn(f -> f.message().startsWith("raise of")).extracting(f -> f.applicability() + " "
                + f.message().substring(f.message().indexOf('(') + 1)).containsExactly(
                "UNSAFE_FIX raise an exception instead)",
                "MANUAL Prefect 3 has no Skipped state and downstream tasks would still run: return early and make the "
                        + "downstream code handle the missing value)");
        assertThat(message(sink, "PF104")).isEqualTo("prefect.context.get(\"logger\") reads Prefect 1's run context, which "
                + "Prefect 3 does not have: use get_run_logger() (from prefect import get_run_logger)");
        assertThat(sink.findings.get(2).message()).endsWith("use runtime.flow_run.scheduled_start_time.strftime(\"%Y-%m-%d\") "
                + "(from prefect import runtime)");
        assertThat(sink.findings.get(3).message()).startsWith("prefect.context[\"today\"] reads");
        assertThat(sink.findings.get(1).message()).isEqualTo("state predicate is_successful() is Prefect 1's; Prefect 3 "
                + "states have is_completed()");
        assertThat(sink.findings.get(4).message()).endsWith("Prefect 3 has no batch_id in its run context: pass the value "
                + "as a flow parameter");
        assertThat(sink.findings.get(5).message()).contains("signal FAIL").contains("raise an exception");
        assertThat(sink.findings.get(6).message()).contains("signal SKIP").contains("return early");
    }

    @Test
    void controlFlowTasks() {
        RecordingSink sink = scan("""
                from prefect import Flow, case
                from prefect.tasks.control_flow import merge, ifelse

                with Flow("etl") as flow:
                    pass
                """);
        assertThat(codes(sink)).containsExactly("PF106 1:27", "PF106 2:40", "PF106 2:47");
        assertThat(sink.findings.get(0).message()).startsWith("prefect.case is a Prefect 1 control-flow task");
    }

    @Test
    void prefect2And3CodeIsNotReported() {
        RecordingSink sink = scan("""
                import prefect
                from prefect import flow, task, get_client, Task
                from prefect.tasks import task as t2
                from prefect.context import get_run_context, FlowRunContext
                from prefect.client.orchestration import PrefectClient

                @task(retries=3, retry_delay_seconds=10, log_prints=True, timeout_seconds=5)
                def extract():
                    ctx = prefect.context.get_run_context()
                    run = FlowRunContext.get()
                    return ctx

                @flow
                def etl():
                    state = extract(return_state=True)
                    if state.is_successful():
                        return state
                """);
        assertThat(sink.findings).isEmpty();
    }

    @Test
    void earlyPrefect2NamesAreNotCalledPrefect1s() {
        // prefect.orion is Prefect 2.0-2.9's server package: PrefectApiUsageDetector reports it, as early Prefect 2
        RecordingSink sink = scan("""
                from prefect.orion.schemas.schedules import CronSchedule
                from prefect.orion.schemas.states import Completed

                schedule = CronSchedule(cron="0 0 * * *")
                state = Completed()
                state.is_completed()
                """);
        assertThat(sink.findings).isEmpty();
    }
}
