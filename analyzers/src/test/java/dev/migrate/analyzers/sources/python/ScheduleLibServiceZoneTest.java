package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule library compares an at() without a zone with the process's local clock, which the TZ its systemd
 * service sets decides: those schedules are read in that zone and proven, with the unit line cited, as APScheduler's
 * are (ApschedulerLocalZoneTest). With two hosts' dumps side by side, each script takes its own host's unit's TZ.
 */
class ScheduleLibServiceZoneTest {
    private static final String SCRIPT = """
            import time

            import schedule

            from reports import daily, london, heartbeat

            schedule.every().day.at("02:30").do(daily)
            schedule.every().monday.at("08:00", "Europe/London").do(london)
            schedule.every(10).minutes.do(heartbeat)

            while True:
                schedule.run_pending()
                time.sleep(1)
            """;

    private static final HostZoneUsed ASSUMED = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);

    @TempDir
    Path tree;

    private Inventory scan(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, ASSUMED)).scan(tree, "t",
                ScanListener.NONE);
    }

    private static String unit(String tz) {
        return """
                [Service]
                User=reports
                Environment="TZ=%s" "API_TOKEN=s3cret"
                ExecStart=/usr/bin/python3 /opt/reports/run.py
                Restart=always
                """.formatted(tz);
    }

    /** Each schedule library job's schedule as "path job: expression [zone] proven-or-not". */
    private static Map<String, String> schedules(Inventory inv) {
        Map<String, String> out = new TreeMap<>();
        for (Job j : inv.jobs()) {
            if (j.kind() == JobKind.PYTHON_SCHEDULE_LIB) {
                ScheduleSpec s = j.schedules().get(0);
                out.put(j.source().path() + " " + j.name(), s.expression() + " [" + s.timezone() + "] "
                        + (s.unproven() == null ? "proven" : s.zoneUnproven() ? "zone not proven" : "unproven"));
            }
        }
        return out;
    }

    @Test
    void theTzTheServiceSetsIsTheLocalClockOfItsAtTimes() throws IOException {
        Inventory inv = scan(Map.of("opt/reports/run.py", SCRIPT,
                "etc/systemd/system/reports.service", unit("Europe/Berlin")));
        assertThat(schedules(inv)).containsEntry("opt/reports/run.py daily", "30 2 * * * [Europe/Berlin] proven")
                // must not change: an at() zone is the job's own, and an interval has no clock to be in
                .containsEntry("opt/reports/run.py london", "0 8 * * 1 [Europe/London] proven")
                .containsEntry("opt/reports/run.py heartbeat", "PT10M [null] proven");
        Job daily = inv.jobs().stream().filter(j -> j.name().equals("daily")).findFirst().orElseThrow();
        assertThat(daily.attributes()).containsEntry("zone.from",
                "Environment=TZ=Europe/Berlin at etc/systemd/system/reports.service:3");
        Finding pys001 = inv.findings().stream().filter(f -> f.code().equals("PYS001") && daily.id().equals(f.jobId()))
                .findFirst().orElseThrow();
        assertThat(pys001.message()).endsWith("; it runs in Europe/Berlin, the TZ its systemd service sets "
                + "(etc/systemd/system/reports.service:3: Environment=TZ=Europe/Berlin), which is the local clock the "
                + "schedule library reads").doesNotContain("s3cret").doesNotContain("assumed");
    }

    @Test
    void eachHostsScriptTakesItsOwnHostsTz() throws IOException {
        Inventory inv = scan(Map.of(
                "hosts/app-01/opt/reports/run.py", SCRIPT,
                "hosts/app-01/etc/systemd/system/reports.service", unit("Europe/Berlin"),
                "hosts/app-02/opt/reports/run.py", SCRIPT,
                "hosts/app-02/etc/systemd/system/reports.service", unit("Asia/Tokyo")));
        assertThat(schedules(inv))
                .containsEntry("hosts/app-01/opt/reports/run.py daily", "30 2 * * * [Europe/Berlin] proven")
                .containsEntry("hosts/app-02/opt/reports/run.py daily", "30 2 * * * [Asia/Tokyo] proven");
    }

    @Test
    void withoutAServiceThatSetsTzTheAtTimeStaysInTheAssumedZone() throws IOException {
        // must not change: the unit sets no TZ, so the host's clock (here only assumed) is the script's
        Inventory inv = scan(Map.of("opt/reports/run.py", SCRIPT, "etc/systemd/system/reports.service", """
                [Service]
                ExecStart=/usr/bin/python3 /opt/reports/run.py
                Restart=always
                """));
        assertThat(schedules(inv)).containsEntry("opt/reports/run.py daily", "30 2 * * * [null] zone not proven");
    }
}
