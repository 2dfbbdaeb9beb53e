package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule read in the zone its systemd service's {@code TZ=} sets is shown with that zone after it, as one whose
 * script names its zone is ({@code (30 2 * * *) (Europe/Berlin)}), in the PYS001 and PYS002 findings; the zone is not
 * only named in the words that follow. An interval whose naive start moved into that zone is shown as now read.
 */
class ServiceZoneMarkTest {
    private static final String SCRIPT = """
            import time

            import schedule
            from apscheduler.schedulers.blocking import BlockingScheduler

            from reports import daily, named, sync

            schedule.every().day.at("02:30").do(daily)
            schedule.every().monday.at("08:00", "Europe/London").do(named)

            sched = BlockingScheduler()
            sched.add_job(sync, "interval", hours=6, start_date="2024-01-01 01:30:00")
            sched.add_job(daily, "cron", hour=3, minute=15)
            sched.start()
            """;

    @TempDir
    Path tree;

    private Inventory scan(String unit) throws IOException {
        TreeFiles.write(tree, "opt/reports/run.py", SCRIPT, "etc/systemd/system/reports.service", unit);
        return Scanner.standard(ScanOptions.defaults()).scan(tree, "t", ScanListener.NONE);
    }

    private static String message(Inventory inv, String code, String name, String kind) {
        Job j = inv.jobs().stream().filter(x -> x.name().equals(name) && x.kind().slug().equals(kind)).findFirst().orElseThrow();
        return inv.findings().stream().filter(f -> f.code().equals(code) && j.id().equals(f.jobId())).map(Finding::message)
                .findFirst().orElseThrow();
    }

    @Test
    void theServicesZoneIsShownAfterEachScheduleItMoves() throws IOException {
        Inventory inv = scan("""
                [Service]
                Environment=TZ=Europe/Berlin
                ExecStart=/usr/bin/python3 /opt/reports/run.py
                Restart=always
                """);
        assertThat(message(inv, "PYS001", "daily", "py-schedule")).contains("(30 2 * * *) (Europe/Berlin)")
                .contains("; it runs in Europe/Berlin, the TZ its systemd service sets");
        assertThat(message(inv, "PYS002", "daily", "apscheduler")).contains("(15 3 * * *) (Europe/Berlin)");
        // the naive start is now read in Berlin: the message shows the interval as the job now has it
        assertThat(message(inv, "PYS002", "sync", "apscheduler")).contains("(R/2024-01-01T01:30+01:00/PT6H)")
                .doesNotContain("+00:00/PT6H");
        // must not change: a zone the script names is the job's own
        assertThat(message(inv, "PYS001", "named", "py-schedule")).contains("(0 8 * * 1) (Europe/London)")
                .doesNotContain("Europe/Berlin");
    }

    // must not change: without TZ= in the unit, the schedules show no zone of the service (the host's is added as assumed)
    @Test
    void withoutTzNoServiceZoneIsShown() throws IOException {
        Inventory inv = scan("""
                [Service]
                ExecStart=/usr/bin/python3 /opt/reports/run.py
                Restart=always
                """);
        assertThat(message(inv, "PYS001", "daily", "py-schedule")).contains("(30 2 * * *)").doesNotContain("Berlin")
                .doesNotContain("the TZ its systemd service sets");
    }
}
