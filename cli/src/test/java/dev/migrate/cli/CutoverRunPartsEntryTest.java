package dev.migrate.cli;

import static dev.migrate.cli.CutoverK2PlatformTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An anacrontab entry that runs a run-parts directory ({@code cron.daily run-parts --report /etc/cron.daily}) stays on
 * the host: the legacy recipe moves the scripts of its directory one by one. Before, its readiness stopped at
 * "scanned" whatever became of its scripts (the entry has no deployment of its own); now its gates, as a scheduler
 * service's, are those of the scripts run-parts runs, and an unmet one names the scripts still missing.
 */
class CutoverRunPartsEntryTest {
    private static final String RECIPE = "dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3";

    @TempDir
    Path tmp;

    private Path host() throws IOException {
        Path host = tmp.resolve("host");
        Files.createDirectories(host.resolve("etc/cron.daily"));
        Files.writeString(host.resolve("etc/timezone"), "Europe/Berlin\n");
        Files.writeString(host.resolve("etc/anacrontab"), """
                SHELL=/bin/sh
                PATH=/sbin:/bin:/usr/sbin:/usr/bin
                START_HOURS_RANGE=3-22

                # period  delay  job-identifier  command
                1	5	cron.daily	run-parts --report /etc/cron.daily
                """);
        Files.writeString(host.resolve("etc/cron.daily/0anacron"), """
                #! /bin/sh
                # anacron's cron script: updates anacron's time stamps when run-parts runs the directory
                test -x /usr/sbin/anacron || exit 0
                anacron -u cron.daily
                """);
        Files.writeString(host.resolve("etc/cron.daily/backup-db"), """
                #!/bin/sh
                pg_dump --format=custom --file=/backup/app-$(date +%F).dump app
                """);
        Files.writeString(host.resolve("etc/cron.daily/rotate-exports"), """
                #!/bin/bash
                find /srv/exports -name '*.csv' -mtime +14 -delete
                """);
        // run-parts skips a name with a dot: it never runs, so it is no script the entry waits for
        Files.writeString(host.resolve("etc/cron.daily/cleanup.sh"), "#!/bin/sh\nrm -rf /tmp/app-*\n");
        return host;
    }

    @Test
    void theEntrysGatesAreThoseOfTheScriptsRunPartsRuns() throws IOException {
        Path host = host();
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");
        CliRun before = status(host, store, "--job", "cron.daily");
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains("[ ] rewritten        run-parts runs scripts of /etc/cron.daily not yet rewritten: "
                + "backup-db (scanned, no Prefect 3 deployment), rotate-exports (scanned, no Prefect 3 deployment)")
                .doesNotContain("0anacron").doesNotContain("cleanup-sh");

        CliRun dual = CliRun.of("rewrite", host.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--option", "asOf=2026-11-20");
        assertThat(dual.exitCode()).as(dual.err()).isZero();
        assertThat(status(host, store, "--job", "cron.daily").out())
                .contains("[x] rewritten        every script run-parts runs from /etc/cron.daily is rewritten: backup-db, "
                        + "rotate-exports")
                .contains("[x] deployed         every script run-parts runs from /etc/cron.daily is deployed: backup-db, "
                        + "rotate-exports")
                .contains("[ ] dual-running     run-parts runs scripts of /etc/cron.daily not yet dual-running: "
                        + "backup-db (deployed), rotate-exports (deployed)");
        assertThat(status(host, store).out()).containsPattern("(?m)^cron-daily +deployed ");
        // the plan keeps the entry (switching it off would stop what stays in the directory) and points at the scripts;
        // before, it said to deploy a flow for the entry, disable it and delete its line
        CliRun plan = CliRun.of("cutover", "plan", host.toString(), "--job", "cron.daily", "--store", store);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("**Cut over the scripts this entry runs from /etc/cron.daily, each in its own section**",
                        "--job backup-db --job rotate-exports --require cut-over", "**Keep the entry on the host**",
                        "# keep etc/anacrontab:6 as it is")
                .doesNotContain("cutover disable").doesNotContain("prefect deploy --name cron-daily")
                .doesNotContain("delete the legacy definition");

        // a package drops a script into the directory after the migration: run-parts runs it, no deployment does
        Files.writeString(host.resolve("etc/cron.daily/man-db"), "#!/bin/sh\nexec /usr/bin/mandb --quiet\n");
        assertThat(status(host, store, "--job", "cron.daily").out())
                .contains("[ ] rewritten        run-parts runs scripts of /etc/cron.daily not yet rewritten: "
                        + "man-db (scanned, no Prefect 3 deployment)");
    }

    /** A crontab's run-parts line whose directory the dump does not hold: nothing shows what it runs, so no gate passes. */
    @Test
    void anEntryWhoseDirectoryHoldsNoScriptPassesNoGate() throws IOException {
        Path host = tmp.resolve("host");
        Files.createDirectories(host.resolve("etc"));
        Files.writeString(host.resolve("etc/crontab"), "SHELL=/bin/sh\n17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly\n");
        CliRun run = status(host, "jdbc:sqlite:" + tmp.resolve("evidence.db"), "--job", "cron.hourly");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ ] rewritten        the scan found no script of /etc/cron.hourly that run-parts "
                + "runs as a job");
    }

    /** Must not change: a scheduler service's gates keep their wording. */
    @Test
    void aSchedulerServicesGatesKeepTheirWording() throws IOException {
        Path host = tmp.resolve("host");
        Files.createDirectories(host.resolve("etc/systemd/system"));
        Files.createDirectories(host.resolve("opt/app"));
        Files.writeString(host.resolve("etc/systemd/system/beat.service"), """
                [Service]
                User=app
                ExecStart=/usr/bin/python3 /opt/app/sched.py
                Restart=always
                """);
        Files.writeString(host.resolve("opt/app/sched.py"), """
                import time

                import schedule


                def report():
                    print("report")


                schedule.every().day.at("02:00").do(report)
                while True:
                    schedule.run_pending()
                    time.sleep(60)
                """);
        CliRun run = status(host, "jdbc:sqlite:" + tmp.resolve("evidence.db"), "--job", "beat");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[ ] rewritten        the service runs jobs not yet rewritten: report (scanned)");
    }
}
