package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact disable and re-enable commands the plan gives for each legacy kind of samples/legacy-host. */
class CutoverLegacyKindsTest {
    @TempDir
    Path tmp;

    private String plan(String job) {
        Path estate = CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host");
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--job", job, "--store",
                "jdbc:sqlite:" + tmp.resolve("e.db"), "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void kubernetesCronJobIsSuspendedAndResumed() {
        assertThat(plan("etl-partner-exports"))
                .containsPattern("kubectl (-n \\S+ )?patch cronjob partner-exports -p '\\{\"spec\":\\{\"suspend\":true\\}\\}'")
                .containsPattern("kubectl (-n \\S+ )?patch cronjob partner-exports -p '\\{\"spec\":\\{\"suspend\":false\\}\\}'");
    }

    @Test
    void springQuartzRunPartsAndAnacron() {
        assertThat(plan("nightlyinvoicerun"))
                .contains("set the cron expression of 'nightlyInvoiceRun' to \"-\"");
        assertThat(plan("finance-ledgerexport"))
                .contains("scheduler.pauseTrigger(TriggerKey.triggerKey(\"ledgerExportTrigger\"))")
                .contains("scheduler.resumeTrigger(TriggerKey.triggerKey(\"ledgerExportTrigger\"))");
        // under the estate, not the directory the plan happens to be read from
        assertThat(plan("backup-configs")).contains("chmod -x " + CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host")
                        + "/etc/cron.daily/backup-configs")
                .contains("chmod +x " + CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host") + "/etc/cron.daily/backup-configs");
        assertThat(plan("warehouse.stats")).contains("--job warehouse-stats --apply   # etc/anacrontab:17 becomes");
    }

    /** /etc/crontab's `test -x /usr/sbin/anacron || run-parts /etc/cron.daily` runs the scripts anacron runs: one job. */
    @Test
    void theCrontabFallbackOfAnAnacronDirectoryIsShownOnceWithTheAnacronJob() {
        Path estate = CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host");
        CliRun run = CliRun.of("cutover", "status", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("s.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContainPattern("(?m)^cron-cron-(daily|weekly|monthly)-")
                .containsPattern("(?m)^cron-daily +scanned")
                .contains("anacron job anacron-cron-daily-0dba7937 at etc/anacrontab:13; etc/crontab:20:1 runs /etc/cron.daily "
                        + "too, but only where anacron is not installed")
                // cron.hourly has no anacron entry: its crontab line is the only thing that runs it
                .containsPattern("(?m)^cron-hourly +scanned");
        // the line's scan id still finds the job
        CliRun byId = CliRun.of("cutover", "status", estate.toString(), "--job", "cron-cron-weekly-1c7f9081", "--store",
                "jdbc:sqlite:" + tmp.resolve("s.db"), "--at", "2026-11-21T12:00:00Z");
        assertThat(byId.out()).containsPattern("(?m)^cron-weekly +scanned");
    }

    @Test
    void systemdSwitchesTheTimerUnitNotTheServiceOfTheSameName() {
        // `systemctl disable --now cache-warm` means cache-warm.service: the timer would keep firing
        assertThat(plan("cache-warm")).contains("systemctl disable --now cache-warm.timer")
                .contains("systemctl enable --now cache-warm.timer").doesNotContain("--now cache-warm\n")
                .contains("(systemd-timer, etc/systemd/system/cache-warm.timer)").doesNotContain(".timer:0");
        assertThat(plan("etl-scheduler")).contains("systemctl disable --now etl-scheduler.service");
    }

    @Test
    void aHelmAgentOfTwoQueuesGetsAKubernetesPoolHoldingBoth() {
        assertThat(plan("cache-warm"))
                .contains("prefect work-pool create kubernetes-pool --type kubernetes   # for agent k8s-default,k8s-heavy at "
                        + "opt/prefect/helm/values-prefect-agent.yaml:3")
                .contains("prefect work-queue create k8s-heavy --pool kubernetes-pool")
                .contains("prefect worker start --pool kubernetes-pool --work-queue k8s-default --work-queue k8s-heavy   "
                        + "# replaces: agent k8s-default,k8s-heavy at opt/prefect/helm/values-prefect-agent.yaml:3")
                .contains("prefect work-pool create process-pool --type process   # for prefect-agent at "
                        + "etc/systemd/system/prefect-agent.service\n")
                .doesNotContain("replaces: null").doesNotContain("k8s-default,k8s-heavy --type");
    }

    @Test
    void commandsQuoteJobNamesAndPathsTheShellWouldSplit() throws java.io.IOException {
        Path estate = tmp.resolve("my estate");
        java.nio.file.Files.createDirectories(estate.resolve("etc"));
        java.nio.file.Files.writeString(estate.resolve("etc/crontab"), "5 4 * * * etl /opt/etl/refresh.sh\n");
        java.nio.file.Files.writeString(estate.resolve("validate.yaml"), """
                connections: {a: {type: directory, path: out}}
                jobs:
                  - {name: "Refresh (manual)", legacy: {connection: a}, new: {connection: a}, outputs: ["*.csv"]}
                """);
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("q.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--job 'Refresh (manual)'")
                .contains("migrate cutover disable '" + estate + "' --job refresh --apply");
    }

    @Test
    void aTimerOfTwoCalendarsKeepsBothInThePlan() throws java.io.IOException {
        Path estate = tmp.resolve("ledger");
        Path units = java.nio.file.Files.createDirectories(estate.resolve("etc/systemd/system"));
        java.nio.file.Files.writeString(units.resolve("ledger-close.timer"), "[Unit]\nDescription=Ledger close\n\n"
                + "[Timer]\nOnCalendar=*-*-01 04:30:00 Europe/Berlin\nOnCalendar=Mon..Fri 18:00\n\n[Install]\n"
                + "WantedBy=timers.target\n");
        java.nio.file.Files.writeString(units.resolve("ledger-close.service"),
                "[Service]\nType=oneshot\nExecStart=/opt/etl/ledger_close.sh\n");
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--job", "ledger-close", "--store",
                "jdbc:sqlite:" + tmp.resolve("l.db"), "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // every OnCalendar= fires: the new deployment needs both, and a rollback backfills both
        assertThat(run.out()).contains("schedule '*-*-01 04:30:00 Europe/Berlin' and 'Mon..Fri 18:00' without")
                .contains("schedule '*-*-01 04:30:00 Europe/Berlin' at etc/systemd/system/ledger-close.timer:5; "
                        + "schedule 'Mon..Fri 18:00' at etc/systemd/system/ledger-close.timer:6");
    }

    @Test
    void aTemplateTimerIsSwitchedPerInstance() throws java.io.IOException {
        Path estate = tmp.resolve("games");
        Path units = java.nio.file.Files.createDirectories(estate.resolve("etc/systemd/system"));
        java.nio.file.Files.writeString(units.resolve("game-backup@.timer"), "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        java.nio.file.Files.writeString(units.resolve("game-backup@.service"), "[Service]\nExecStart=/usr/bin/backup %i\n");
        CliRun run = CliRun.of("cutover", "plan", estate.toString(), "--store", "jdbc:sqlite:" + tmp.resolve("g.db"),
                "--at", "2026-11-21T12:00:00Z");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // systemd refuses `disable --now game-backup@.timer` and `enable --now game-backup@.timer`: no instance
        assertThat(run.out()).contains("systemctl disable --now game-backup@INSTANCE.timer")
                .contains("systemctl enable --now game-backup@INSTANCE.timer").doesNotContain("--now game-backup@.timer");
    }
}
