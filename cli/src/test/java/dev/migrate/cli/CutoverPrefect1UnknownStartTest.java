package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prefect 1 clock whose start_date only running the code tells (pendulum.now() in the registering machine's zone): the
 * scan cannot prove the zone the cron ran in, so the plan's move step says so before the new schedule is resumed, where
 * it said nothing and the schedule read in UTC stood as the legacy times. A stated start adds no such line.
 */
class CutoverPrefect1UnknownStartTest {
    @TempDir
    Path tmp;

    private String plan(String start) throws IOException {
        Path estate = estate(start, "flow.register(project_name=\"reports\")");
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("e.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private Path estate(String start, String register) throws IOException {
        Path estate = tmp.resolve("reports");
        Files.createDirectories(estate.resolve("flows"));
        Files.writeString(estate.resolve("flows/daily.py"), """
                import pendulum
                from prefect import Flow, task
                from prefect.schedules import CronSchedule


                @task
                def build():
                    pass


                schedule = CronSchedule("0 6 * * *", start_date=%s)

                with Flow("daily-report", schedule=schedule) as flow:
                    build()

                %s
                """.formatted(start, register));
        return estate;
    }

    @Test
    void aStartKnownOnlyAtRunTimeIsCheckedBeforeResuming() throws IOException {
        assertThat(plan("pendulum.now()"))
                .contains("# '0 6 * * *': start unknown: zone not proven (start_date `pendulum.now()` is the time the flow "
                        + "was registered, in that machine's zone): before resuming, compare the next runs")
                .contains("prefect deployment schedule resume 'daily-report/daily-report' SCHEDULE_ID");
    }

    @Test
    void aStatedStartAddsNothing() throws IOException {
        assertThat(plan("pendulum.datetime(2022, 3, 1, tz=\"Europe/Paris\")")).doesNotContain("start unknown");
    }

    /**
     * The flow's registration switched off by migrate's marker on 2026-11-19: the missed windows of a schedule read
     * without its unknown start are estimates, and the plan's backfill step and the rollback listing say so instead of
     * listing them as the runs that were missed. A stated start lists the runs as before.
     */
    @Test
    void missedWindowsOfAnUnprovenScheduleAreEstimates() throws IOException {
        Path estate = estate("pendulum.now()", "# migrate: disabled daily-report 2026-11-19T00:00:00Z # "
                + "flow.register(project_name=\"reports\")");
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--at", "2026-11-21T12:00:00Z");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("# '0 6 * * *' read as at 06:00 (UTC): about 3 missed between "
                        + "2026-11-19T00:00:00Z and 2026-11-21T12:00:00Z; not proven: start unknown: zone not proven")
                .contains("so these are estimates, not the legacy runs' times")
                .contains("# estimated, not proven: a window near 2026-11-20T06:00Z[UTC]")
                .doesNotContain("# run the legacy command for the window of");
        CliRun rollback = CliRun.of("cutover", "rollback", estate.toString(), "--job", "daily-report", "--store", store,
                "--at", "2026-11-21T12:00:00Z");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("daily-report: about 3 legacy run(s) missed")
                .contains("  estimated, not proven: near 2026-11-19T06:00Z[UTC]").doesNotContain("  backfill ");
    }

    @Test
    void missedWindowsOfAStatedStartAreTheRuns() throws IOException {
        Path estate = estate("pendulum.datetime(2022, 3, 1, tz=\"UTC\")", "# migrate: disabled daily-report "
                + "2026-11-19T00:00:00Z # flow.register(project_name=\"reports\")");
        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("e.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(plan.out()).contains("# 3 missed between 2026-11-19T00:00:00Z and 2026-11-21T12:00:00Z (at 06:00 (UTC))")
                .contains("# run the legacy command for the window of 2026-11-20T06:00Z[UTC]").doesNotContain("estimated");
    }
}
