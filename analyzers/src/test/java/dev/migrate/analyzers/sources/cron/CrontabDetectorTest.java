package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.ExactOutput;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrontabDetectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    private static CrontabDetector detector() {
        return new CrontabDetector(new ScheduleCheck(ZoneId.of("UTC"), CLOCK.instant()));
    }

    @Test
    void inventoriesTheHost() throws Exception {
        RecordingSink sink = HostEstate.scan(detector());
        ExactOutput.assertMatches(getClass(), "cron-jobs.txt", sink.jobsText());
        ExactOutput.assertMatches(getClass(), "cron-findings.txt", sink.findingsText());
    }

    /** Alpine's busybox crond reads /etc/crontabs/USER: a user crontab (no user column) owned by the file's name. */
    @Test
    void alpinesCrontabsFolderHoldsUserCrontabs() {
        RecordingSink sink = new RecordingSink();
        CrontabDetector d = detector();
        ScanFile table = new ScanFile("etc/crontabs/root", """
                # min   hour    day     month   weekday command
                */15    *       *       *       *       run-parts /etc/periodic/15min
                0       2       *       *       *       /app/nightly.sh
                """);
        assertThat(d.accepts(table)).isTrue();
        d.detect(table, sink);
        assertThat(sink.jobs).extracting(j -> j.user() + " " + j.command() + " @" + j.source().line())
                .containsExactly("root run-parts /etc/periodic/15min @2", "root /app/nightly.sh @3");
        // must not change: a file in another crontabs folder is not named by its path
        assertThat(d.accepts(new ScanFile("docs/crontabs/root", "0 2 * * * /app/nightly.sh\n"))).isFalse();
    }

    @Test
    void idsDoNotDependOnLinePositions() {
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/x", "0 1 * * * root /opt/a.sh\n"), a);
        detector().detect(new ScanFile("etc/cron.d/x", "# moved down\nSHELL=/bin/sh\n\n0 1 * * * root /opt/a.sh\n"), b);
        assertThat(b.jobs.get(0).id()).isEqualTo(a.jobs.get(0).id());
    }

    @Test
    void anEntryMigratesCutoverCommentedOutIsAMovedJobNotAForgottenOne() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/etl", """
                # migrate: disabled cron-load-1a2b3c4d 2026-03-02
                # 30 2 * * * etl /opt/etl/bin/load.sh
                # 0 4 * * * etl /opt/etl/bin/old.sh
                """), sink);
        assertThat(sink.jobs).hasSize(2);
        assertThat(sink.jobs.get(0).attributes()).containsEntry("disabled", "true")
                .containsEntry("disabled.byMigrate", "2026-03-02 (cron-load-1a2b3c4d)");
        // the entry someone else commented out is still a disabled job to decide about
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line()).containsExactly("CRN004 3");
    }

    /**
     * Debian's cron, systemd-cron and busybox crond, the crons that keep crontabs in /var/spool/cron/crontabs, ignore
     * CRON_TZ; the job said only "Debian's cron ignores it" beside a reading in the CRON_TZ zone, with no finding.
     */
    @Test
    void cronTzInADebianSpoolCrontabIsReported() {
        String crontab = "MAILTO=\"\"\nCRON_TZ=Europe/Berlin\n35 17 * * 1-5 /opt/etl/bin/snapshot-prices.sh\n";
        RecordingSink debian = new RecordingSink();
        detector().detect(new ScanFile("var/spool/cron/crontabs/etl", crontab), debian);
        assertThat(debian.findings).filteredOn(f -> f.code().equals("CRN010")).singleElement().satisfies(f -> {
            assertThat(f.where().line()).isEqualTo(2);
            assertThat(f.message()).contains("CRON_TZ=Europe/Berlin", "host's zone");
        });
        assertThat(debian.jobs.get(0).schedules().get(0).timezone()).isEqualTo("Europe/Berlin");
        assertThat(debian.jobs.get(0).attributes().get("timezone.note")).contains("/var/spool/cron/crontabs", "ignore it");
        // must not fire: cronie's spools (Red Hat, SUSE) and system crontabs, which cronie reads with CRON_TZ
        for (String path : List.of("var/spool/cron/etl", "var/spool/cron/tabs/etl", "etc/cron.d/etl")) {
            RecordingSink other = new RecordingSink();
            String text = path.startsWith("etc/") ? crontab.replace("* 1-5 /opt", "* 1-5 etl /opt") : crontab;
            detector().detect(new ScanFile(path, text), other);
            assertThat(other.findings).as(path).noneMatch(f -> f.code().equals("CRN010"));
            assertThat(other.jobs.get(0).schedules().get(0).timezone()).as(path).isEqualTo("Europe/Berlin");
        }
    }

    /** A weekday schedule split over lines is one job: one command, several schedules, the first line's id. */
    @Test
    void linesRunningOneCommandTheSameWayAreOneJobWithSeveralSchedules() {
        RecordingSink alone = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/rep", "0 6 * * 1-5 etl /opt/rep.sh --all\n"), alone);
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/rep", """
                0 6 * * 1-5 etl /opt/rep.sh --all
                30 9 * * 6 etl /opt/rep.sh --all
                0 12 * * 0 etl /opt/rep.sh --all
                0 12 * * 0 reports /opt/rep.sh --all
                @reboot etl /opt/rep.sh --all
                MAILTO=ops@example.org
                15 7 * * 1 etl /opt/rep.sh --all
                """), sink);
        assertThat(sink.jobs).hasSize(4);
        assertThat(sink.jobs.get(0).id()).as("the first line's id").isEqualTo(alone.jobs.get(0).id());
        assertThat(sink.jobs.get(0).schedules()).extracting(s -> s.expression() + " @" + s.where().line())
                .containsExactly("0 6 * * 1-5 @1", "30 9 * * 6 @2", "0 12 * * 0 @3");
        // another user, a boot line and a line with other variables stay jobs of their own
        assertThat(sink.jobs.subList(1, 4)).extracting(j -> j.user() + " " + j.schedules().get(0).expression())
                .containsExactly("reports 0 12 * * 0", "etl @reboot", "etl 15 7 * * 1");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("CRN001") && f.where().line() <= 3)
                .extracting(f -> f.jobId()).containsExactly(sink.jobs.get(0).id(), sink.jobs.get(0).id(), sink.jobs.get(0).id());
    }

    @Test
    void acceptsOnlyCronInputs() {
        CrontabDetector d = detector();
        assertThat(d.accepts(new ScanFile("etc/cron.d/backup", "x"))).isTrue();
        assertThat(d.accepts(new ScanFile("var/spool/cron/crontabs/bob", "x"))).isTrue();
        assertThat(d.accepts(new ScanFile("etc/cron.weekly/report", "#!/bin/sh"))).isTrue();
        assertThat(d.accepts(new ScanFile("scripts/deploy.sh", "#!/bin/sh\ncrontab <<EOF\nEOF\n"))).isTrue();
        assertThat(d.accepts(new ScanFile("scripts/deploy.sh", "#!/bin/sh\necho crontab\n"))).isFalse();
        assertThat(d.accepts(new ScanFile("etc/cron.d/.placeholder", "x"))).isFalse();
        assertThat(d.accepts(new ScanFile("src/app.py", "crontab"))).isFalse();
        assertThat(d.accepts(new ScanFile("Dockerfile", "FROM python:3.12\nRUN echo '0 1 * * * /a' | crontab -\n"))).isTrue();
        assertThat(d.accepts(new ScanFile("docker/Dockerfile.cron", "RUN echo '0 1 * * * root /a' > /etc/cron.d/a\n")))
                .isTrue();
        assertThat(d.accepts(new ScanFile("Dockerfile", "FROM python:3.12\nRUN apt-get install -y cron\n"))).isFalse();
    }

    @Test
    void aSavedCrontabWhoseLinesNameRootIsASystemCrontab() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("crontab", "# copied to /etc/cron.d by the Dockerfile\n"
                + "15 3 * * * root cd /app && python etl/load.py\n"), sink);
        assertThat(sink.jobs).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("load");
            assertThat(j.user()).isEqualTo("root");
            assertThat(j.command()).isEqualTo("cd /app && python etl/load.py");
            assertThat(j.attributes()).containsEntry("crontab.format", "system");
        });
    }

    @Test
    void aUserCrontabRunningACommandNamedLikeAnAccountStaysAUserCrontab() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("jobs.cron", "0 3 * * * backup /srv/data\n0 4 * * * root /srv/x\n"), sink);
        assertThat(sink.jobs).extracting(j -> j.command()).containsExactly("backup /srv/data", "root /srv/x");
    }

    @Test
    void linesAScriptEchoesIntoCrontabAreJobsAtTheirPlaceInTheScript() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("deploy/setup_cron.sh", "#!/bin/bash\nset -e\n"
                + "(crontab -l 2>/dev/null; echo \"0 2 * * * /srv/etl/run_etl.sh >> /srv/etl/etl.log 2>&1\") | crontab -\n"),
                sink);
        assertThat(sink.jobs).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("run_etl");
            assertThat(j.source().line()).isEqualTo(3);
            assertThat(j.source().column()).isEqualTo(32);
            assertThat(j.attributes()).containsEntry("crontab.embeddedIn", "shell echo");
        });
    }

    @Test
    void aScheduleFilledInByTheScriptSaysWhereItComesFrom() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("entrypoint.sh", "#!/bin/sh\ncat > /etc/cron.d/etl <<CRON\n"
                + "${CLEANUP_SCHEDULE} root python /app/cleanup.py\nCRON\n"), sink);
        assertThat(sink.findingsText()).isEqualTo("entrypoint.sh:3:1 CRN005 BREAKING MANUAL the schedule is the shell"
                + " variable ${CLEANUP_SCHEDULE}, which the script expands when it runs: find its value (environment,"
                + " .env file, deployment config) and migrate this job by hand");
    }

    @Test
    void dottedCronDFileIsFlagged() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/backup.cron", "0 1 * * * root /opt/b\n"), sink);
        assertThat(sink.findings).extracting(f -> f.code()).containsExactlyInAnyOrder("CRN008", "CRN001");
    }

    @Test
    void malformedInputIsAFindingNotACrash() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("crontab", "*/0 * * * * x\n@fortnightly y\n\u0000\u0001 garbage\n"), sink);
        assertThat(sink.findingsText()).isEqualTo("""
                crontab:1:3 CRN002 BREAKING MANUAL bad step '0' in the minute field: it must be a positive number [cron-x-777b49db]
                crontab:2:1 CRN002 BREAKING MANUAL unknown cron macro @fortnightly; use @yearly, @monthly, @weekly, @daily, @hourly or @reboot [cron-y-0bf3f540]
                crontab:3:1 CRN005 BREAKING MANUAL expected 5 time fields (or an @ macro) and a command, found only 2 words""");
    }

    /**
     * anacron's own run-parts script (Debian's cron.daily/0anacron, cronie's cron.hourly/0anacron) is marked: it is the
     * scheduler of the directory, so the cutover does not wait for it to move as it waits for the directory's jobs.
     */
    @Test
    void anacronsOwnRunPartsScriptIsMarkedAndAJobOfTheDirectoryIsNot() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.daily/0anacron", "#! /bin/sh\ntest -x /usr/sbin/anacron || exit 0\n"
                + "anacron -u cron.daily\n"), sink);
        detector().detect(new ScanFile("etc/cron.hourly/0anacron", "#!/bin/sh\n# runs anacron once a day\n/usr/sbin/anacron -s\n"), sink);
        // a script that only mentions anacron in a comment, or reads its spool, is a job of its own
        detector().detect(new ScanFile("etc/cron.daily/spool-report", "#!/bin/sh\n# not anacron -s\nls /var/spool/anacron\n"), sink);
        assertThat(sink.jobs).extracting(j -> j.source().path() + " " + j.attributes().get("runParts.anacron")).containsExactly(
                "etc/cron.daily/0anacron true", "etc/cron.hourly/0anacron true", "etc/cron.daily/spool-report null");
    }

    /**
     * A line copied from a user crontab into /etc/cron.d keeps no user column: cron looks the script up as an account
     * and skips the line. It was a job run by a user named "/opt/backup/run.sh" with the command "--full".
     */
    @Test
    void aCronDLineWithoutItsUserColumnIsAFindingNotAJobRunByTheScript() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/backup", """
                SHELL=/bin/sh
                PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

                30 2 * * * /opt/backup/run.sh --full
                # 45 3 * * 0 /opt/backup/prune.sh --keep 4
                0 */12 * * * root test -x /usr/bin/certbot && certbot -q renew
                """), sink);
        assertThat(sink.jobs).extracting(j -> j.user() + " | " + j.command())
                .containsExactly("root | test -x /usr/bin/certbot && certbot -q renew");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("CRN005"))
                .extracting(f -> f.where().line() + ":" + f.where().column() + " " + f.message()).containsExactly(
                        "4:12 the user column seems missing: /opt/backup/run.sh is read as the user, and no account can "
                                + "have that name, so cron skips the line; a system crontab (/etc/crontab, /etc/cron.d) "
                                + "names the user that runs the job after the schedule: write it before the command, as in "
                                + "`30 2 * * * root /opt/backup/run.sh --full`",
                        "5:14 commented-out line: the user column seems missing: /opt/backup/prune.sh is read as the "
                                + "user, and no account can have that name, so cron skips the line; a system crontab "
                                + "(/etc/crontab, /etc/cron.d) names the user that runs the job after the schedule: write "
                                + "it before the command, as in `45 3 * * 0 root /opt/backup/prune.sh --keep 4`");
        // must not change: account names (a service account, a directory account, a templated user) stay users
        RecordingSink users = new RecordingSink();
        detector().detect(new ScanFile("etc/cron.d/app", """
                * * * * * www-data cd /var/www/html && php artisan schedule:run >> /dev/null 2>&1
                0 4 * * * svc.backup@corp /usr/local/bin/backup
                0 3 * * * ${CRON_USER} /app/nightly.sh
                """), users);
        assertThat(users.jobs).extracting(j -> j.user()).containsExactly("www-data", "svc.backup@corp", "${CRON_USER}");
        assertThat(users.findings).extracting(f -> f.code()).doesNotContain("CRN005");
    }

    /** @reboot runs when cron starts, at no time of day: the CRON_TZ above it is the zone of the lines that have times. */
    @Test
    void cronTzIsNotAttachedToARebootJob() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("var/spool/cron/deploy", """
                CRON_TZ=America/New_York
                @reboot /home/deploy/app/bin/start-workers.sh
                0 6 * * 1-5 /home/deploy/app/bin/morning-report.sh
                """), sink);
        assertThat(sink.jobs).extracting(j -> j.schedules().get(0).expression() + " " + j.schedules().get(0).timezone()
                + " " + j.attributes().containsKey("timezone.note"))
                .containsExactly("@reboot null false", "0 6 * * 1-5 America/New_York true");
    }

    /** A crontab laid out with tabs (or aligned with runs of blanks) shows its schedules with single spaces. */
    @Test
    void aScheduleWrittenWithTabsIsShownWithSingleSpaces() {
        RecordingSink sink = new RecordingSink();
        String table = "# m\th\tdom\tmon\tdow\tcommand\n0\t3\t*\t*\t*\t/opt/app/nightly.sh\n"
                + "*/15  *  *  *  *    /opt/app/poll.sh\n";
        detector().detect(new ScanFile("var/spool/cron/crontabs/app", table), sink);
        assertThat(sink.jobs).extracting(j -> j.schedules().get(0).expression()).containsExactly("0 3 * * *", "*/15 * * * *");
        assertThat(sink.findings).extracting(f -> f.message()).noneMatch(m -> m.contains("\t") || m.contains("  "));
        // the file itself is read losslessly: its bytes print back as they were
        assertThat(dev.migrate.rewriters.crontab.CrontabFile.parse(table, dev.migrate.rewriters.crontab.CrontabFormat.USER)
                .print()).isEqualTo(table);
    }

    /**
     * An entrypoint that writes its crontab with a default for the schedule ({@code ${ETL_SCHEDULE:-0 3 * * *}}): the
     * default is the likely schedule, read and reported as not proven; the job keeps the id it had.
     */
    @Test
    void aScheduleParameterWithADefaultIsReadAsItsDefaultNotProven() {
        RecordingSink sink = new RecordingSink();
        detector().detect(new ScanFile("docker/entrypoint.sh", """
                #!/bin/sh
                set -e
                cat > /etc/cron.d/etl <<CRON
                SHELL=/bin/sh
                ${ETL_SCHEDULE:-0 3 * * *} root cd /app && python -m etl.run >> /proc/1/fd/1 2>&1
                ${SYNC_SCHEDULE-@hourly} root /app/bin/sync.sh
                CRON
                exec cron -f
                """), sink);
        assertThat(sink.jobs).extracting(j -> j.user() + " | " + j.schedules().get(0).expression() + " | "
                + j.schedules().get(0).unproven()).containsExactly(
                "root | 0 3 * * * | the line's schedule is the shell variable ${ETL_SCHEDULE}, filled in where the "
                        + "crontab is written; read as its default '0 3 * * *'",
                "root | @hourly | the line's schedule is the shell variable ${SYNC_SCHEDULE}, filled in where the "
                        + "crontab is written; read as its default '@hourly'");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("CRN005")).extracting(f -> f.where().line() + " "
                + f.message()).containsExactly(
                "5 the schedule is the shell variable ${ETL_SCHEDULE}, which the script expands when it runs; its "
                        + "default, '0 3 * * *', is the likely schedule (not proven: the variable may be set where the "
                        + "crontab is written): confirm its value (environment, .env file, deployment config) before "
                        + "migrating this job",
                "6 the schedule is the shell variable ${SYNC_SCHEDULE}, which the script expands when it runs; its "
                        + "default, '@hourly', is the likely schedule (not proven: the variable may be set where the "
                        + "crontab is written): confirm its value (environment, .env file, deployment config) before "
                        + "migrating this job");
        assertThat(sink.findings).extracting(f -> f.code()).doesNotContain("CRN002");
        // its id is the one the line had when its schedule was read as written (a malformed one)
        RecordingSink same = new RecordingSink();
        detector().detect(new ScanFile("docker/entrypoint.sh", "#!/bin/sh\ncat > /etc/cron.d/etl <<CRON\n"
                + "${ETL_SCHEDULE:-0 3 * * *} root cd /app && python -m etl.run >> /proc/1/fd/1 2>&1\nCRON\n"), same);
        assertThat(same.jobs.get(0).id()).isEqualTo(sink.jobs.get(0).id());
    }
}
