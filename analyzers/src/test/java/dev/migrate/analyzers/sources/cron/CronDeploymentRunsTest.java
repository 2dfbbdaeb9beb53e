package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Before, a crontab line running {@code prefect deployment run NAME} was one more cron job (CRN001) and nothing said
 * that it is a Prefect deployment's schedule; now the job names the deployment ({@code prefect.deploymentRun}) and
 * CRN011 says to give the deployment this schedule and remove the line at cutover, as K8S006 says of a CronJob.
 */
class CronDeploymentRunsTest {
    private static String scan(String crontab) {
        return DetectorHarness.run(new CrontabDetector(new ScheduleCheck(ZoneId.of("UTC"),
                Instant.parse("2026-11-21T12:00:00Z"))), "var/spool/cron/etl", crontab);
    }

    @Test
    void aLineRunningADeploymentIsThatDeploymentsSchedule() {
        assertThat(scan("CRON_TZ=Europe/Berlin\n0 2 * * * cd /opt/etl && /opt/venv/bin/prefect deployment run etl/nightly\n"))
                .isEqualTo("""
                        job cron-prefect-f9578777 cron 'prefect' at var/spool/cron/etl:2:1
                          schedule CRON_UNIX '0 2 * * *' tz=Europe/Berlin at var/spool/cron/etl:2:1
                          command cd /opt/etl && /opt/venv/bin/prefect deployment run etl/nightly
                          user etl
                          workingDir /opt/etl
                          overlap ALLOW
                          env {CRON_TZ=Europe/Berlin}
                          attrs {crontab.format=user, prefect.deploymentRun=etl/nightly, timezone.note=CRON_TZ is honoured by cronie (RHEL, Fedora); Debian's cron ignores it}
                        var/spool/cron/etl:2:1 CRN001 cron job prefect runs outside any orchestrator: at 02:00 (Europe/Berlin) [cron-prefect-f9578777]
                        var/spool/cron/etl:2:1 CRN011 cron job prefect starts Prefect deployment 'etl/nightly' (`prefect deployment run`) on '0 2 * * *' in Europe/Berlin: in Prefect 3 the deployment runs on a schedule of its own; give it this one (schedules: [{cron: "0 2 * * *", timezone: "Europe/Berlin"}]) and remove the crontab line at cutover, or both start it [cron-prefect-f9578777]
                        """);
    }

    @Test
    void inTheHostsZoneWithoutCronTz() {
        assertThat(scan("30 5 * * 1-5 prefect deployment run --id 8b1c-44 >/dev/null 2>&1\n")).contains(
                "prefect.deploymentRun=id 8b1c-44", "CRN011 cron job prefect starts Prefect deployment 'id 8b1c-44' "
                        + "(`prefect deployment run`) on '30 5 * * 1-5' in the host's zone (UTC), no CRON_TZ: in Prefect 3 "
                        + "the deployment runs on a schedule of its own; give it this one (schedules: [{cron: "
                        + "\"30 5 * * 1-5\", timezone: \"UTC\"}]) and remove the crontab line at cutover, or both start it");
    }

    @Test
    void aLineWithoutADeploymentRunIsAPlainCronJob() {
        String out = scan("""
                0 2 * * * prefect deployment ls
                5 2 * * * echo prefect deployment run etl/nightly
                10 2 * * * /opt/etl/run.sh # prefect deployment run etl/nightly
                # 15 2 * * * prefect deployment run etl/nightly
                """);
        assertThat(out).contains("CRN001").doesNotContain("CRN011").doesNotContain("prefect.deploymentRun");
    }
}
