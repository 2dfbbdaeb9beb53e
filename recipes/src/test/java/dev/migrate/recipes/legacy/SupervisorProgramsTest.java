package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.engine.FileChange;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sleep loop or a scheduler process that supervisord keeps running ({@code [program:x]} in
 * {@code /etc/supervisor/conf.d/x.conf}). Before, no phase switched it off: after the cutover the legacy loop ran next to
 * its deployment, supervisord restarted it whenever it was stopped by hand, and the scan still listed it as active. Now
 * the cutover stops it (cutover.sh) and keeps it off in its file, the dual-run phase (the rollback) puts the file back
 * byte for byte, and the cleanup removes the program's section.
 */
class SupervisorProgramsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static final String CONF = """
            ; managed by ops
            [program:sync]
            command=/usr/bin/python3 /opt/sync/sync_loop.py --verbose
            directory=/opt/sync
            user=etl
            autostart=true
            autorestart=true
            stdout_logfile=/var/log/sync.log

            [program:web]
            command=/usr/bin/gunicorn app:app
            """;

    private void syncLoop() throws Exception {
        write("etc/supervisor/conf.d/sync.conf", CONF);
        write("opt/sync/sync_loop.py", """
                import time


                def sync_once():
                    print("syncing")


                def main():
                    while True:
                        sync_once()
                        time.sleep(300)


                if __name__ == "__main__":
                    main()
                """);
    }

    private Job scannedLoop() throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(dir, "host", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PYTHON_SLEEP_LOOP).findFirst().orElseThrow();
    }

    private static List<String> deleted(RewriteResult r) {
        return r.changes().stream().filter(c -> c.kind() == FileChange.Kind.DELETED)
                .map(c -> c.path().toString().replace('\\', '/')).toList();
    }

    @Test
    void theCutoverStopsTheProgramAndKeepsItOffTheRollbackRestoresItTheCleanupRemovesIt() throws Exception {
        syncLoop();
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isEqualTo(CONF);
        assertThat(read(dir, "prefect/prefect.yaml")).as("the program's user= runs the worker").contains("legacy-host-etl");

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isEqualTo("""
                ; managed by ops
                [program:sync]
                # migrate: disabled py-loop-sync-loop-2f8b9111 2026-03-02 (2 lines)
                autostart=false
                autorestart=false
                command=/usr/bin/python3 /opt/sync/sync_loop.py --verbose
                directory=/opt/sync
                user=etl
                # migrate: was py-loop-sync-loop-2f8b9111: autostart=true
                # migrate: was py-loop-sync-loop-2f8b9111: autorestart=true
                stdout_logfile=/var/log/sync.log

                [program:web]
                command=/usr/bin/gunicorn app:app
                """);
        assertThat(read(dir, "prefect/cutover.sh")).contains("ROOT=\"$(cd \"$(dirname \"$0\")/.\" && pwd)\"".replace("/.\"", "/..\""),
                "supervisorctl stop 'sync:*'\n"
                        + "install -m 644 \"$ROOT/etc/supervisor/conf.d/sync.conf\" /etc/supervisor/conf.d/sync.conf\n"
                        + "supervisorctl update sync\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("install -m 644 'etc/supervisor/conf.d/sync.conf' "
                + "/etc/supervisor/conf.d/sync.conf\nsupervisorctl update sync && supervisorctl start 'sync:*'\n");
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("supervisor.program: etc/supervisor/conf.d/sync.conf#sync");
        assertThat(scannedLoop().attributes()).containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml "
                + "(cutover phase), supervisor program sync of etc/supervisor/conf.d/sync.conf");
        assertThat(run(dir, "cutover").changes()).as("a second cutover changes nothing").isEmpty();

        RewriteResult cleanup = run(dir, "cleanup");
        assertThat(deleted(cleanup)).contains("opt/sync/sync_loop.py").doesNotContain("etc/supervisor/conf.d/sync.conf");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isEqualTo("""
                ; managed by ops
                [program:web]
                command=/usr/bin/gunicorn app:app
                """);
        assertThat(read(dir, "prefect/cleanup.sh")).contains("supervisorctl stop 'sync:*' || true\n"
                + "install -m 644 \"$ROOT/etc/supervisor/conf.d/sync.conf\" /etc/supervisor/conf.d/sync.conf\n"
                + "supervisorctl reread\nsupervisorctl update\n");
        assertThat(run(dir, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
    }

    @Test
    void theDualRunPhaseOnACutOverTreePutsTheFileBackByteForByte() throws Exception {
        syncLoop();
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isNotEqualTo(CONF);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isEqualTo(CONF);
        assertThat(scannedLoop().attributes()).doesNotContainKey("disabled");
    }

    @Test
    void aSchedulerProgramWhoseOnlyFileItHeldIsDeletedAtTheCleanup() throws Exception {
        write("etc/supervisor/conf.d/reports.conf", """
                [program:reports]
                command=python /opt/reports/report_scheduler.py
                """);
        write("opt/reports/report_scheduler.py", """
                import time

                import schedule


                def nightly_report():
                    print("report")


                schedule.every().day.at("02:30").do(nightly_report)

                while True:
                    schedule.run_pending()
                    time.sleep(30)
                """);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/supervisor/conf.d/reports.conf")).isEqualTo("""
                [program:reports]
                # migrate: disabled py-schedule-nightly-report-c8a6e7c3 2026-03-02 (2 lines)
                autostart=false
                autorestart=false
                command=python /opt/reports/report_scheduler.py
                """);
        assertThat(read(dir, "prefect/cutover.sh")).contains("supervisorctl stop 'reports:*'\n");
        assertThat(read(dir, "prefect/MIGRATION.md")).doesNotContain("keeps running until the cleanup");
        String cutOver = read(dir, "etc/supervisor/conf.d/reports.conf");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "etc/supervisor/conf.d/reports.conf")).as("the rollback")
                .isEqualTo("[program:reports]\ncommand=python /opt/reports/report_scheduler.py\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/supervisor/conf.d/reports.conf")).isEqualTo(cutOver);
        RewriteResult cleanup = run(dir, "cleanup");
        assertThat(deleted(cleanup)).contains("etc/supervisor/conf.d/reports.conf", "opt/reports/report_scheduler.py");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f /etc/supervisor/conf.d/reports.conf\n");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /**
     * A scheduler process that still runs a registration the cutover could not comment out (it shares its line with
     * another) keeps running: it is restarted with the edited script, as a systemd service is, and its file is not
     * touched.
     */
    @Test
    void aSchedulerProgramWithARegistrationLeftIsRestartedNotStopped() throws Exception {
        String conf = "[program:reports]\ncommand=python /opt/reports/report_scheduler.py\n";
        write("etc/supervisor/conf.d/reports.conf", conf);
        write("opt/reports/report_scheduler.py", """
                import time

                import schedule


                def nightly_report():
                    print("report")


                def hourly_ping():
                    print("ping")


                schedule.every().day.at("02:30").do(nightly_report); schedule.every().hour.do(hourly_ping)

                while True:
                    schedule.run_pending()
                    time.sleep(30)
                """);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/supervisor/conf.d/reports.conf")).isEqualTo(conf);
        assertThat(read(dir, "prefect/cutover.sh")).contains("supervisorctl restart 'reports:*'\n")
                .doesNotContain("supervisorctl stop");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("supervisorctl restart 'reports:*'\n");
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(read(dir, "etc/supervisor/conf.d/reports.conf")).isEqualTo(conf);
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("supervisorctl");
    }

    @Test
    void aProgramAGroupNamesIsKeptSwitchedOffByTheCleanupWithANote() throws Exception {
        syncLoop();
        write("etc/supervisor/conf.d/sync.conf", CONF + "\n[group:workers]\nprograms=sync,web\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        String cutOver = read(dir, "etc/supervisor/conf.d/sync.conf");
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(read(dir, "etc/supervisor/conf.d/sync.conf")).isEqualTo(cutOver);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("cleanup keeps [program:sync] in etc/supervisor/conf.d/sync.conf, "
                + "switched off: the group(s) workers name it in programs=");
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("supervisorctl");
    }

    /** Must not change: a program that runs no moved script (gunicorn) and its file stay as written in every phase. */
    @Test
    void aProgramRunningNoMovedJobIsLeftAlone() throws Exception {
        write("etc/supervisor/conf.d/web.conf", "[program:web]\ncommand=/usr/bin/gunicorn app:app\nautostart=true\n");
        write("etc/cron.d/report", "30 2 * * * etl /opt/report/run.sh\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            RewriteEngine.apply(dir, run(dir, phase));
            assertThat(read(dir, "etc/supervisor/conf.d/web.conf")).as(phase)
                    .isEqualTo("[program:web]\ncommand=/usr/bin/gunicorn app:app\nautostart=true\n");
        }
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("supervisorctl");
    }
}
