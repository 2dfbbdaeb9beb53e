package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run-parts dispatch entry is no job of its own: commenting it out stops every script still in its directory (those
 * not cut over yet, anacron's own 0anacron, what a package adds later). Before, {@code cutover disable --apply} commented
 * it out like any anacron entry. Now it refuses, dry run or not, --force or not, and says what to disable instead.
 */
class CutoverDisableRunPartsEntryTest {
    private static final String ANACRONTAB = """
            SHELL=/bin/sh
            START_HOURS_RANGE=3-22

            # period  delay  job-identifier  command
            1	5	cron.daily	run-parts --report /etc/cron.daily
            7	10	backup.weekly	/usr/local/bin/backup-weekly
            """;
    private static final String CRONTAB = "SHELL=/bin/sh\n17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly\n";

    @TempDir
    Path tmp;

    private Path host() throws IOException {
        Path host = tmp.resolve("host");
        Files.createDirectories(host.resolve("etc/cron.daily"));
        Files.writeString(host.resolve("etc/anacrontab"), ANACRONTAB);
        Files.writeString(host.resolve("etc/crontab"), CRONTAB);
        Files.writeString(host.resolve("etc/cron.daily/0anacron"), "#! /bin/sh\ntest -x /usr/sbin/anacron || exit 0\nanacron -u cron.daily\n");
        Files.writeString(host.resolve("etc/cron.daily/backup-db"), "#!/bin/sh\npg_dump --file=/backup/app.dump app\n");
        Files.writeString(host.resolve("etc/cron.daily/rotate-exports"), "#!/bin/bash\nfind /srv/exports -mtime +14 -delete\n");
        // run-parts skips a name with a dot: it never runs, so it is not named as one the entry still runs
        Files.writeString(host.resolve("etc/cron.daily/cleanup.sh"), "#!/bin/sh\nrm -rf /tmp/app-*\n");
        return host;
    }

    @Test
    void anAnacronDispatchEntryIsRefusedWithTheScriptsItStillRuns() throws IOException {
        Path host = host();
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        for (String[] extra : new String[][] {{}, {"--apply"}, {"--apply", "--force"}}) {
            String[] args = new String[] {"cutover", "disable", host.toString(), "--job", "cron.daily", "--store", store};
            CliRun run = CliRun.of(concat(args, extra));
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("job cron-daily is a run-parts dispatch entry (etc/anacrontab:5 runs /etc/cron.daily)",
                            "would stop every script run-parts still runs from /etc/cron.daily: etc/cron.daily/0anacron "
                                    + "(anacron's own), etc/cron.daily/backup-db, etc/cron.daily/rotate-exports, and any a "
                                    + "package adds there later",
                            "Keep the entry; switch off the scripts' own jobs instead",
                            "removes its script's execute bit",
                            "migrate cutover plan " + host + " --job backup-db --job rotate-exports")
                    .doesNotContain("cleanup.sh");
            assertThat(run.out()).doesNotContain("would disable");
            assertThat(host.resolve("etc/anacrontab")).as("nothing edited").hasContent(ANACRONTAB);
        }
    }

    /** Named with another job, the entry is refused before any edit: the other job stays as it was too. */
    @Test
    void aCrontabRunPartsLineIsRefusedAndLeavesTheOtherJobsUntouched() throws IOException {
        Path host = host();
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        CliRun run = CliRun.of("cutover", "disable", host.toString(), "--job", "backup.weekly", "--job", "cron.hourly",
                "--store", store, "--apply");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        // the dump holds no script of /etc/cron.hourly: nothing shows what it runs, which is no reason to stop it
        assertThat(run.err()).contains("job cron-hourly is a run-parts dispatch entry (etc/crontab:2 runs /etc/cron.hourly)",
                "(the scan found none there)", "the scan found no script of /etc/cron.hourly to move: check the directory on the host");
        assertThat(host.resolve("etc/crontab")).hasContent(CRONTAB);
        assertThat(host.resolve("etc/anacrontab")).hasContent(ANACRONTAB);
    }

    /** An entry an earlier version switched off stays refused, with the rollback that brings the directory back. */
    @Test
    void anEntryAlreadyBehindAMarkerIsRefusedWithItsRollback() throws IOException {
        Path host = host();
        String disabled = ANACRONTAB.replace("1\t5\tcron.daily", "# migrate: disabled cron-daily 2026-11-01T10:00Z # 1\t5\tcron.daily");
        Files.writeString(host.resolve("etc/anacrontab"), disabled);
        CliRun run = CliRun.of("cutover", "disable", host.toString(), "--job", "cron.daily", "--store",
                "jdbc:sqlite:" + tmp.resolve("e.db"), "--apply");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("is a run-parts dispatch entry (etc/anacrontab:5 runs /etc/cron.daily)",
                "It is switched off now, behind the marker at etc/anacrontab:5: migrate cutover rollback " + host
                        + " --job cron-daily --apply restores it.");
        assertThat(host.resolve("etc/anacrontab")).hasContent(disabled);
        CliRun rollback = CliRun.of("cutover", "rollback", host.toString(), "--job", "cron-daily", "--store",
                "jdbc:sqlite:" + tmp.resolve("e.db"), "--apply");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(host.resolve("etc/anacrontab")).as("the rollback it names restores the entry").hasContent(ANACRONTAB);
    }

    /** Must not change: an anacron entry that runs one command is disabled as before. */
    @Test
    void anAnacronEntryOfItsOwnIsStillDisabled() throws IOException {
        Path host = host();
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        CliRun dry = CliRun.of("cutover", "disable", host.toString(), "--job", "backup.weekly", "--store", store);
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would disable backup-weekly at etc/anacrontab:6 (pass --apply to edit)");
        CliRun run = CliRun.of("cutover", "disable", host.toString(), "--job", "backup.weekly", "--store", store, "--apply");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(host.resolve("etc/anacrontab"))).contains("1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n")
                .contains("# migrate: disabled backup-weekly ").endsWith(" # 7\t10\tbackup.weekly\t/usr/local/bin/backup-weekly\n");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
