package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Before, a timer whose service runs {@code prefect deployment run NAME} was one more timer job (SYD001); now the job
 * names the deployment ({@code prefect.deploymentRun}) and SYD012 says to give the deployment the timer's schedule
 * and remove the timer at cutover, as K8S006 says of a CronJob.
 */
class TimerDeploymentRunsTest {
    private static String scan(String service) {
        return DetectorHarness.run(new SystemdDetector(new ScheduleCheck(ZoneId.of("UTC"),
                        Instant.parse("2026-11-21T12:00:00Z"))),
                new ScanFile("etc/systemd/system/nightly-trigger.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00 Europe/Berlin\n"),
                new ScanFile("etc/systemd/system/nightly-trigger.service", service));
    }

    /** SYD005 of the timer's 02:00 in Berlin, which systemd skips on the spring-forward day. */
    private static final String DST = "etc/systemd/system/nightly-trigger.timer:2:12 SYD005 '*-*-* 02:00:00 Europe/Berlin' "
            + "has no exact Prefect 3 equivalent: fire time #26 differs: legacy 2027-03-29T02:00+02:00[Europe/Berlin], "
            + "Prefect 2027-03-28T03:00+02:00[Europe/Berlin] around the spring-forward change on 2027-03-28 "
            + "(Europe/Berlin): systemd skips calendar times that do not exist on that day, Prefect moves them one "
            + "offset later [systemd-timer-nightly-trigger-556df4d1]\n";

    @Test
    void aTimerStartingADeploymentIsThatDeploymentsSchedule() {
        assertThat(scan("[Service]\nType=oneshot\nWorkingDirectory=/opt/etl\n"
                + "ExecStart=/opt/venv/bin/prefect deployment run --watch etl/nightly\n")).isEqualTo("""
                job systemd-timer-nightly-trigger-556df4d1 systemd-timer 'nightly-trigger' at etc/systemd/system/nightly-trigger.timer
                  schedule SYSTEMD_CALENDAR '*-*-* 02:00:00 Europe/Berlin' tz=Europe/Berlin at etc/systemd/system/nightly-trigger.timer:2:12
                  command /opt/venv/bin/prefect deployment run --watch etl/nightly
                  workingDir /opt/etl
                  overlap SKIP
                  attrs {Type=oneshot, Unit=nightly-trigger.service, prefect.deploymentRun=etl/nightly, service=etc/systemd/system/nightly-trigger.service}
                etc/systemd/system/nightly-trigger.service:4:11 SYD012 timer nightly-trigger.timer (through nightly-trigger.service) starts Prefect deployment 'etl/nightly' (`prefect deployment run`) on systemd calendar *-*-* 02:00:00 Europe/Berlin: in Prefect 3 the deployment runs on a schedule of its own; give it this one (translated to the cron and zone the job's schedule shows) and disable and remove the timer at cutover, or both start it [systemd-timer-nightly-trigger-556df4d1]
                etc/systemd/system/nightly-trigger.timer:2:12 SYD001 timer nightly-trigger.timer starts nightly-trigger.service outside any orchestrator: systemd calendar *-*-* 02:00:00 Europe/Berlin [systemd-timer-nightly-trigger-556df4d1]
                """ + DST);
    }

    @Test
    void aServiceWithoutADeploymentRunIsAPlainTimerJob() {
        for (String exec : new String[] {"/opt/venv/bin/prefect deployment ls", "/bin/echo prefect deployment run x",
                "/bin/sh -c 'echo prefect deployment run x'", "/opt/etl/run.sh # prefect deployment run x"}) {
            assertThat(scan("[Service]\nExecStart=" + exec + "\n")).contains("SYD001").doesNotContain("SYD012")
                    .doesNotContain("prefect.deploymentRun");
        }
    }

    @Test
    void aDisabledTimerStartsNoDeployment() {
        String out = DetectorHarness.run(new SystemdDetector(new ScheduleCheck(ZoneId.of("UTC"),
                        Instant.parse("2026-11-21T12:00:00Z"))),
                new ScanFile("etc/systemd/system/nightly-trigger.timer",
                        "[Timer]\nOnCalendar=*-*-* 02:00:00\n[Install]\nWantedBy=timers.target\n"),
                new ScanFile("etc/systemd/system/nightly-trigger.service", "[Service]\nExecStart=prefect deployment run a/b\n"),
                new ScanFile("etc/systemd/system/timers.target.wants/other.timer", "[Timer]\nOnCalendar=daily\n"));
        assertThat(out).contains("SYD011").doesNotContain("SYD012").doesNotContain("prefect.deploymentRun");
    }
}
