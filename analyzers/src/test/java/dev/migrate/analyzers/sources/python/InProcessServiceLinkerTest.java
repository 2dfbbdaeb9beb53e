package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan records on each in-process Python scheduler job the systemd service that runs its script, as it does the unit
 * running a Spring application's jar: with two hosts' dumps side by side, each host's script names its own host's unit;
 * a script no unit runs, and a sleep loop (whose unit is its switch), get none.
 */
class InProcessServiceLinkerTest {
    private static final String SCHEDULER = """
            import time

            import schedule
            from apscheduler.schedulers.blocking import BlockingScheduler

            from reports import daily, hourly

            schedule.every().day.at("02:30").do(daily)

            sched = BlockingScheduler()
            sched.add_job(hourly, "cron", minute=5)
            sched.start()
            """;
    private static final String LOOP = """
            import time

            from poller import poll

            while True:
                poll()
                time.sleep(300)
            """;
    private static final String UNIT = """
            [Service]
            User=reports
            ExecStart=/usr/bin/python3 /opt/reports/run.py
            Restart=always
            """;

    @TempDir
    Path tree;

    /** Each in-process or loop job, by "path kind", with the unit the scan recorded for it (or "-"). */
    private Map<String, String> services(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tree, pathsAndTexts);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tree, "t", ScanListener.NONE);
        Map<String, String> out = new TreeMap<>();
        for (Job j : inv.jobs()) {
            if (SchedulerServices.IN_PROCESS.contains(j.kind()) || j.kind() == JobKind.PYTHON_SLEEP_LOOP) {
                out.merge(j.source().path() + " " + j.kind().slug(), j.attributes().getOrDefault(SchedulerServices.SERVICE, "-"),
                        (a, b) -> a.equals(b) ? a : a + " | " + b);
            }
        }
        return out;
    }

    @Test
    void eachHostsSchedulerJobsNameTheirHostsUnit() throws IOException {
        assertThat(services(
                "hosts/app-01/opt/reports/run.py", SCHEDULER,
                "hosts/app-01/etc/systemd/system/reports.service", UNIT,
                "hosts/app-02/opt/reports/run.py", SCHEDULER,
                "hosts/app-02/etc/systemd/system/reports.service", UNIT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "hosts/app-01/opt/reports/run.py py-schedule", "hosts/app-01/etc/systemd/system/reports.service",
                        "hosts/app-01/opt/reports/run.py apscheduler", "hosts/app-01/etc/systemd/system/reports.service",
                        "hosts/app-02/opt/reports/run.py py-schedule", "hosts/app-02/etc/systemd/system/reports.service",
                        "hosts/app-02/opt/reports/run.py apscheduler", "hosts/app-02/etc/systemd/system/reports.service"));
    }

    // must not change: a script no unit runs, and a loop kept alive by its unit
    @Test
    void noUnitNoRecordAndLoopsKeepTheirOwnShape() throws IOException {
        assertThat(services(
                "opt/reports/adhoc.py", SCHEDULER,
                "opt/poller/poll.py", LOOP,
                "etc/systemd/system/poller.service", UNIT.replace("/opt/reports/run.py", "/opt/poller/poll.py")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "opt/reports/adhoc.py py-schedule", "-",
                        "opt/reports/adhoc.py apscheduler", "-",
                        "opt/poller/poll.py py-loop", "-"));
    }
}
