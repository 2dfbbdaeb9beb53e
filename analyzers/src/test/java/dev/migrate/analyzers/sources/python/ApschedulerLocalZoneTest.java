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
import dev.migrate.analyzers.sources.systemd.ServiceTz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APScheduler triggers without a zone fire in the local zone of the machine that runs the scheduler. With nothing
 * naming that zone (no --host-zone, no zone files in the tree) their schedules are read in UTC and said to be not
 * proven; the TZ the script's systemd service sets is that local zone, read and proven, with the unit line cited.
 */
class ApschedulerLocalZoneTest {
    /** A scheduler script shaped like the public ones: a trigger object, a string trigger, a zoned trigger, an interval. */
    private static final String SCRIPT = """
            from datetime import datetime

            from apscheduler.schedulers.blocking import BlockingScheduler
            from apscheduler.triggers.cron import CronTrigger
            from apscheduler.triggers.interval import IntervalTrigger

            import reports

            scheduler = BlockingScheduler()

            scheduler.add_job(reports.nightly, CronTrigger(hour=2, minute=30), id="nightly")
            scheduler.add_job(reports.hourly, "cron", minute=5, id="hourly")
            scheduler.add_job(reports.tokyo, CronTrigger(hour=9, timezone="Asia/Tokyo"), id="tokyo")
            scheduler.add_job(reports.poll, "interval", minutes=10, id="poll")
            scheduler.add_job(reports.sync, IntervalTrigger(hours=6, start_date=datetime(2024, 1, 1, 1, 30)), id="sync")

            if __name__ == "__main__":
                scheduler.start()
            """;

    private static final HostZoneUsed ASSUMED = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);
    private static final HostZoneUsed NAMED = new HostZoneUsed("UTC", HostZoneUsed.From.OPTION, "--host-zone");

    @TempDir
    Path tree;

    private Inventory scan(HostZoneUsed zone, Map<String, String> files) throws IOException {
        Files.createDirectories(tree.resolve("opt/reports"));
        Files.writeString(tree.resolve("opt/reports/scheduler.py"), SCRIPT);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, zone)).scan(tree, "t",
                ScanListener.NONE);
    }

    /** Each APScheduler job's schedule as "expression [zone] unproven-or-proven", by job name. */
    private static Map<String, String> schedules(Inventory inv) {
        Map<String, String> out = new TreeMap<>();
        for (Job j : inv.jobs()) {
            if (j.kind() == JobKind.APSCHEDULER) {
                ScheduleSpec s = j.schedules().get(0);
                out.put(j.name(), s.expression() + " [" + s.timezone() + "] "
                        + (s.unproven() == null ? "proven" : s.zoneUnproven() ? "zone not proven" : "unproven"));
            }
        }
        return out;
    }

    @Test
    void withAnAssumedHostZoneTheSchedulesInTheLocalZoneAreNotProven() throws IOException {
        Inventory inv = scan(ASSUMED, Map.of());
        assertThat(schedules(inv)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "nightly", "30 2 * * * [null] zone not proven",
                "hourly", "5 * * * * [null] zone not proven",
                "tokyo", "0 9 * * * [Asia/Tokyo] proven",
                // a bare interval is the same in every zone
                "poll", "PT10M [null] proven",
                // its naive start was already said to be read in the host's zone: that reason stays
                "sync", "R/2024-01-01T01:30Z/PT6H [null] zone not proven")));
        ScheduleSpec nightly = job(inv, "nightly").schedules().get(0);
        // a cron trigger has no start: the reason says its zone is unknown, not a start
        assertThat(nightly.unproven()).startsWith(ScheduleSpec.CLOCK_ZONE_NOT_PROVEN + " (APScheduler fires a trigger "
                + "that names no timezone=").contains("read in UTC; pass --host-zone ZONE, or give the trigger timezone=)");
        assertThat(nightly.zoneLabel()).isEqualTo(" (zone not proven)");
        assertThat(job(inv, "sync").schedules().get(0).unproven()).contains("start_date datetime(2024, 1, 1, 1, 30) names no zone");
    }

    @Test
    void aNamedHostZoneLeavesThemProven() throws IOException {
        // must not change: --host-zone (or the tree's etc/timezone) names the machine's zone
        assertThat(schedules(scan(NAMED, Map.of()))).containsEntry("nightly", "30 2 * * * [null] proven")
                .containsEntry("hourly", "5 * * * * [null] proven");
    }

    @Test
    void theTzTheServiceSetsIsTheScriptsLocalZoneAndIsCited() throws IOException {
        Inventory inv = scan(ASSUMED, Map.of("etc/systemd/system/reports.service", """
                [Unit]
                Description=report scheduler

                [Service]
                User=reports
                Environment=PYTHONUNBUFFERED=1
                Environment="TZ=Europe/Berlin" "DB_PASSWORD=hunter2"
                ExecStart=/opt/reports/venv/bin/python /opt/reports/scheduler.py
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """));
        assertThat(schedules(inv)).containsEntry("nightly", "30 2 * * * [Europe/Berlin] proven")
                .containsEntry("hourly", "5 * * * * [Europe/Berlin] proven")
                .containsEntry("tokyo", "0 9 * * * [Asia/Tokyo] proven")
                // the naive start is 01:30 in Berlin, an instant the interval counts from
                .containsEntry("sync", "R/2024-01-01T01:30+01:00/PT6H [Europe/Berlin] proven");
        Job nightly = job(inv, "nightly");
        assertThat(nightly.attributes()).containsEntry("zone", "Europe/Berlin")
                .containsEntry("zone.from", "Environment=TZ=Europe/Berlin at etc/systemd/system/reports.service:7");
        Finding pys002 = inv.findings().stream().filter(f -> f.code().equals("PYS002") && nightly.id().equals(f.jobId()))
                .findFirst().orElseThrow();
        assertThat(pys002.message()).endsWith("; it runs in Europe/Berlin, the TZ its systemd service sets "
                + "(etc/systemd/system/reports.service:7: Environment=TZ=Europe/Berlin), which is APScheduler's local zone")
                .doesNotContain("hunter2");
    }

    @Test
    void anEnvironmentFileOverridesEnvironmentAndADropInCounts() throws IOException {
        Inventory inv = scan(ASSUMED, Map.of(
                "etc/systemd/system/reports.service", """
                        [Service]
                        Environment=TZ=Europe/Berlin
                        ExecStart=/opt/reports/venv/bin/python /opt/reports/scheduler.py
                        Restart=always
                        """,
                "etc/systemd/system/reports.service.d/env.conf", """
                        [Service]
                        EnvironmentFile=-/etc/default/reports
                        """,
                "etc/default/reports", """
                        # set by the platform team
                        LANG=C.UTF-8
                        TZ="America/Chicago"
                        """));
        assertThat(schedules(inv)).containsEntry("nightly", "30 2 * * * [America/Chicago] proven");
        assertThat(job(inv, "nightly").attributes().get("zone.from")).isEqualTo("EnvironmentFile=-/etc/default/reports "
                + "(etc/systemd/system/reports.service.d/env.conf:2): TZ=\"America/Chicago\" at etc/default/reports:3");
    }

    @Test
    void anEnvironmentFileOfANestedHostDumpIsReadUnderThatHostsRoot() throws IOException {
        // hosts/app-01 is the dump's root: /opt/reports/settings is hosts/app-01/opt/reports/settings, read in the tree
        Path host = tree.resolve("hosts/app-01");
        Files.createDirectories(host.resolve("opt/reports"));
        Files.createDirectories(host.resolve("etc/systemd/system"));
        Files.writeString(host.resolve("opt/reports/runner.py"), SCRIPT);
        Files.writeString(host.resolve("opt/reports/settings"), "TZ=:Asia/Tokyo\n");
        Files.writeString(host.resolve("etc/systemd/system/reports.service"), """
                [Service]
                EnvironmentFile=/opt/reports/settings
                ExecStart=/opt/reports/venv/bin/python /opt/reports/runner.py
                Restart=always
                """);
        Inventory inv = scan(ASSUMED, Map.of());
        Job nightly = inv.jobs().stream().filter(j -> j.name().equals("nightly")
                && j.source().path().startsWith("hosts/")).findFirst().orElseThrow();
        assertThat(nightly.schedules().get(0).timezone()).isEqualTo("Asia/Tokyo");
        assertThat(nightly.attributes().get("zone.from")).isEqualTo("EnvironmentFile=/opt/reports/settings "
                + "(hosts/app-01/etc/systemd/system/reports.service:2): TZ=:Asia/Tokyo at hosts/app-01/opt/reports/settings:1");
        // the script at the tree's root is run by no service: its zone stays not proven
        assertThat(schedules(inv).get("nightly")).isNotNull();
        assertThat(inv.jobs().stream().filter(j -> j.name().equals("nightly") && !j.source().path().startsWith("hosts/"))
                .findFirst().orElseThrow().schedules().get(0).zoneUnproven()).isTrue();
    }

    @Test
    void aTzThatIsNoZoneNameOrAServiceOfAnotherScriptIsNotUsed() throws IOException {
        // must not change: a POSIX rule is no IANA zone, and another script's service says nothing about this one
        Inventory inv = scan(ASSUMED, Map.of(
                "etc/systemd/system/reports.service", """
                        [Service]
                        Environment=TZ=CET-1CEST,M3.5.0,M10.5.0/3
                        ExecStart=/opt/reports/venv/bin/python /opt/reports/scheduler.py
                        Restart=always
                        """,
                "etc/systemd/system/other.service", """
                        [Service]
                        Environment=TZ=Asia/Kolkata
                        ExecStart=/opt/other/venv/bin/python /opt/other/worker.py
                        Restart=always
                        """));
        assertThat(schedules(inv)).containsEntry("nightly", "30 2 * * * [null] zone not proven");
        assertThat(job(inv, "nightly").attributes()).doesNotContainKey("zone.from");
        assertThat(ServiceTz.zoneName(":Europe/Paris")).contains("Europe/Paris");
        assertThat(ServiceTz.zoneName("/usr/share/zoneinfo/Asia/Tokyo")).contains("Asia/Tokyo");
        assertThat(ServiceTz.zoneName("CET-1CEST,M3.5.0,M10.5.0/3")).isEmpty();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }
}
