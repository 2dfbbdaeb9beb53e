package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schedule read in the machine's local zone gets the same per-schedule mark when that zone is only assumed:
 * crontab lines without CRON_TZ, OnCalendar= without a zone, schedule-library at() times without one (APScheduler's
 * are in ApschedulerLocalZoneTest). A zone the source writes is proven; a named host zone proves them all.
 */
class AssumedLocalZonesTest {
    private static final HostZoneUsed ASSUMED = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);
    private static final HostZoneUsed NAMED = new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone");
    private static final HostZoneUsed FILES = new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.HOST_FILES,
            "etc/timezone:1");

    /** A host dump shaped like a real one: root's crontab, a zoned cronie crontab, cron.d, anacron, two timers. */
    private static final Map<String, String> HOST = Map.of(
            "etc/crontab", """
                    SHELL=/bin/sh
                    PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

                    17 *\t* * *\troot    cd / && run-parts --report /etc/cron.hourly
                    30 2 * * * root /opt/etl/bin/nightly.sh
                    @reboot root /opt/etl/bin/warm-cache.sh
                    """,
            "var/spool/cron/etl", """
                    CRON_TZ=America/New_York
                    0 6 * * 1-5 /opt/etl/bin/market-open.sh
                    """,
            "var/spool/cron/poll", """
                    */15 * * * * /opt/poll/bin/queue.sh
                    */10 * * * * /opt/poll/bin/ping.sh
                    """,
            "etc/cron.d/reports", """
                    TZ=Europe/Paris
                    MAILTO=ops@example.com
                    45 4 * * * reports /opt/reports/bin/daily.sh
                    """,
            "etc/anacrontab", """
                    SHELL=/bin/sh
                    START_HOURS_RANGE=3-22
                    1\t5\tcron.daily\trun-parts --report /etc/cron.daily
                    @monthly\t45\tcron.monthly\trun-parts --report /etc/cron.monthly
                    """,
            "etc/systemd/system/backup.timer", """
                    [Unit]
                    Description=nightly backup

                    [Timer]
                    OnCalendar=Mon..Fri 01:15
                    Persistent=true

                    [Install]
                    WantedBy=timers.target
                    """,
            "etc/systemd/system/backup.service", """
                    [Service]
                    Type=oneshot
                    ExecStart=/usr/local/bin/backup.sh
                    """,
            "etc/systemd/system/tokyo-sync.timer", """
                    [Timer]
                    OnCalendar=*-*-* 09:00 Asia/Tokyo
                    OnBootSec=15min

                    [Install]
                    WantedBy=timers.target
                    """,
            "etc/systemd/system/tokyo-sync.service", """
                    [Service]
                    Type=oneshot
                    ExecStart=/usr/local/bin/tokyo-sync.sh
                    """,
            "opt/jobs/run.py", """
                    import time

                    import schedule

                    from jobs import cleanup, heartbeat, report

                    schedule.every().day.at("02:30").do(report)
                    schedule.every().monday.at("08:00", "Europe/London").do(cleanup)
                    schedule.every(10).minutes.do(heartbeat)

                    while True:
                        schedule.run_pending()
                        time.sleep(1)
                    """);

    @TempDir
    Path tree;

    private Inventory scan(HostZoneUsed zone) throws IOException {
        for (Map.Entry<String, String> f : HOST.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, zone)).scan(tree, "t",
                ScanListener.NONE);
    }

    /** Every schedule as "kind expression [zone] proven | zone not proven | unproven", by where it is written. */
    private static Map<String, String> schedules(Inventory inv) {
        Map<String, String> out = new TreeMap<>();
        for (Job j : inv.jobs()) {
            for (ScheduleSpec s : j.schedules()) {
                out.put(s.where().path() + ":" + s.where().line() + " " + s.expression(), j.kind().slug() + " ["
                        + s.timezone() + "] " + (s.unproven() == null ? "proven"
                        : s.zoneUnproven() ? "zone not proven" : "unproven"));
            }
        }
        return out;
    }

    private static ScheduleSpec spec(Inventory inv, JobKind kind, String expression) {
        return inv.jobs().stream().filter(j -> j.kind() == kind).flatMap(j -> j.schedules().stream())
                .filter(s -> s.expression().equals(expression)).findFirst().orElseThrow();
    }

    @Test
    void withAnAssumedZoneEveryScheduleOnTheHostsClockIsMarkedAndAZoneWrittenInTheSourceIsNot() throws IOException {
        Map<String, String> seen = schedules(scan(ASSUMED));
        assertThat(seen).containsEntry("etc/crontab:5 30 2 * * *", "cron [null] zone not proven")
                // TZ= only reaches the job's environment: cron still fires the line on the host's clock
                .containsEntry("etc/cron.d/reports:3 45 4 * * *", "cron [null] zone not proven")
                .containsEntry("var/spool/cron/etl:2 0 6 * * 1-5", "cron [America/New_York] proven")
                // at boot there is no time of day to be in a zone
                .containsEntry("etc/crontab:6 @reboot", "cron [null] proven")
                .containsEntry("etc/anacrontab:4 @monthly", "anacron [null] zone not proven")
                // a number of days counts elapsed days, the same in every zone
                .containsEntry("etc/anacrontab:3 P1D", "anacron [null] proven")
                .containsEntry("etc/systemd/system/backup.timer:5 Mon..Fri 01:15", "systemd-timer [null] zone not proven")
                .containsEntry("etc/systemd/system/tokyo-sync.timer:2 *-*-* 09:00 Asia/Tokyo",
                        "systemd-timer [Asia/Tokyo] proven");
        assertThat(seen.entrySet()).filteredOn(e -> e.getKey().startsWith("etc/systemd/system/tokyo-sync.timer:3"))
                .allSatisfy(e -> assertThat(e.getValue()).endsWith("proven").doesNotContain("not"));
        assertThat(seen.entrySet()).filteredOn(e -> e.getValue().startsWith("py-schedule"))
                .extracting(Map.Entry::getValue).containsExactlyInAnyOrder("py-schedule [null] zone not proven",
                        "py-schedule [Europe/London] proven", "py-schedule [null] proven");
    }

    @Test
    void theReasonFitsTheScheduleAndSaysWhatToDo() throws IOException {
        Inventory inv = scan(ASSUMED);
        String cron = spec(inv, JobKind.CRON, "30 2 * * *").unproven();
        // a cron line has no start: only its zone is unknown
        assertThat(cron).startsWith(ScheduleSpec.CLOCK_ZONE_NOT_PROVEN + " (cron fires a crontab line that no CRON_TZ=")
                .doesNotContain("start unknown")
                .contains("read in UTC; pass --host-zone ZONE, or put CRON_TZ=ZONE above the line");
        assertThat(spec(inv, JobKind.SYSTEMD_TIMER, "Mon..Fri 01:15").unproven())
                .startsWith("zone not proven (systemd fires an OnCalendar= that names no zone in the host's zone")
                .endsWith("pass --host-zone ZONE, or write the zone at the end of OnCalendar= "
                        + "(OnCalendar=Mon..Fri 02:00 Europe/Berlin))");
        ScheduleSpec atHalfTwo = inv.jobs().stream().filter(j -> j.kind() == JobKind.PYTHON_SCHEDULE_LIB)
                .flatMap(j -> j.schedules().stream()).filter(ScheduleSpec::zoneUnproven).findFirst().orElseThrow();
        assertThat(atHalfTwo.unproven()).startsWith("zone not proven (the schedule library compares at() times")
                .contains("give at() its zone");
        assertThat(atHalfTwo.zoneLabel()).isEqualTo(" (zone not proven)");
    }

    /** A schedule rebuilt outside a scan (a disabled line read back from its marker) is marked as the scan marks it. */
    @Test
    void aScheduleRebuiltOutsideAScanIsMarkedAsTheScanMarksIt() {
        ScheduleSpec line = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "15 2 * * *", null,
                dev.migrate.analyzers.model.SourceRef.at("etc/cron.d/etl", 3, 1));
        assertThat(AssumedLocalZones.marked(JobKind.CRON, line, ASSUMED).unproven())
                .startsWith("zone not proven (cron fires a crontab line");
        // must not change: a named zone, a zone the line has, a platform's schedule, a trigger with no time of day
        assertThat(AssumedLocalZones.marked(JobKind.CRON, line, NAMED)).isEqualTo(line);
        assertThat(AssumedLocalZones.marked(JobKind.CRON, line.withTimezone("Europe/Paris"), ASSUMED).unproven()).isNull();
        assertThat(AssumedLocalZones.marked(JobKind.PREFECT2_DEPLOYMENT, line, ASSUMED)).isEqualTo(line);
        ScheduleSpec reboot = new ScheduleSpec(ScheduleSpec.Form.AT_BOOT, "@reboot", null, line.where());
        assertThat(AssumedLocalZones.marked(JobKind.CRON, reboot, ASSUMED)).isEqualTo(reboot);
        // an interval counted from a local start: what is unknown is the start's zone, and the reason says so
        ScheduleSpec fromLocalStart = new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2024-01-01T01:30/PT6H", null,
                line.where());
        assertThat(AssumedLocalZones.marked(JobKind.APSCHEDULER, fromLocalStart, ASSUMED).unproven())
                .startsWith(ScheduleSpec.ZONE_NOT_PROVEN + " not proven (APScheduler fires");
    }

    @Test
    void aHostZoneNamedByTheOptionOrTheTreesFilesProvesThemAll() throws IOException {
        // must not change: the machine's zone is named, so what is read in it is proven
        for (HostZoneUsed named : new HostZoneUsed[] {NAMED, FILES}) {
            assertThat(schedules(scan(named)).values()).as(named.from().label())
                    .noneMatch(v -> v.endsWith("not proven"));
        }
    }

    /** Each finding with {@code code} as "path:line message", so a test reads what the reports print. */
    private static Map<String, String> messages(Inventory inv, String code) {
        Map<String, String> out = new TreeMap<>();
        inv.findings().stream().filter(f -> f.code().equals(code))
                .forEach(f -> out.put(f.where().path() + ":" + f.where().line(), f.message()));
        return out;
    }

    @Test
    void findingsThatStateAScheduleReadInTheAssumedZoneSayItIsAssumed() throws IOException {
        Inventory inv = scan(ASSUMED);
        Map<String, String> cron = messages(inv, "CRN001");
        assertThat(cron.get("etc/crontab:5")).endsWith("at 02:30 (UTC, assumed: no --host-zone or zone file)");
        // TZ= does not zone the line: cron still fires it on the host's clock, so its zone is the assumed one
        assertThat(cron.get("etc/cron.d/reports:3")).endsWith("at 04:45 (UTC, assumed: no --host-zone or zone file)");
        // must not change: CRON_TZ= names the zone
        assertThat(cron.get("var/spool/cron/etl:2")).endsWith("(America/New_York)").doesNotContain("assumed");
        assertThat(messages(inv, "SYD001").get("etc/systemd/system/backup.timer:5"))
                .endsWith("(UTC, assumed: no --host-zone or zone file)");
        // must not change: the zone is written in OnCalendar=
        assertThat(messages(inv, "SYD001").get("etc/systemd/system/tokyo-sync.timer:2"))
                .contains("09:00:00 Asia/Tokyo").doesNotContain("assumed");
    }

    /**
     * With the zone named in the scan's options alone (a scan started in code: no {@link HostZoneUsed#PROPERTY}), the
     * detectors read and word the schedules in that zone, and nothing says it is assumed.
     */
    @Test
    void findingsStateTheZoneTheScanOptionsNameWithoutAnySystemProperty() throws IOException {
        String saved = System.getProperty(HostZoneUsed.PROPERTY);
        System.clearProperty(HostZoneUsed.PROPERTY);
        try {
            for (HostZoneUsed named : new HostZoneUsed[] {NAMED, FILES}) {
                Inventory inv = scan(named);
                assertThat(messages(inv, "CRN001").get("etc/crontab:5")).as(named.from().label())
                        .endsWith("at 02:30 (Europe/Berlin)");
                assertThat(messages(inv, "SYD001").get("etc/systemd/system/backup.timer:5")).as(named.from().label())
                        .endsWith("(Europe/Berlin)");
                // must not change: a zone the source writes is its own
                assertThat(messages(inv, "CRN001").get("var/spool/cron/etl:2")).endsWith("(America/New_York)");
                assertThat(inv.findings()).as(named.from().label()).noneMatch(f -> f.message().contains("(UTC")
                        || f.message().contains("assumed: no"));
            }
        } finally {
            if (saved != null) {
                System.setProperty(HostZoneUsed.PROPERTY, saved);
            }
        }
    }

    /**
     * A line that fires every hour at minutes no zone's offset moves ({@code *}/15) fires at the same instants in every
     * zone: nothing is unproven, and its finding claims no zone. {@code *}/10 is not one (Nepal's +05:45).
     */
    @Test
    void aLineThatFiresAlikeInEveryZoneIsNotMarked() throws IOException {
        Inventory inv = scan(ASSUMED);
        assertThat(schedules(inv)).containsEntry("var/spool/cron/poll:1 */15 * * * *", "cron [null] proven")
                .containsEntry("var/spool/cron/poll:2 */10 * * * *", "cron [null] zone not proven");
        Map<String, String> cron = messages(inv, "CRN001");
        assertThat(cron.get("var/spool/cron/poll:1")).doesNotContain("assumed");
        assertThat(cron.get("var/spool/cron/poll:2")).endsWith("(UTC, assumed: no --host-zone or zone file)");
    }

    /** The n-th "(UTC)" is the n-th schedule in UTC: one that names UTC itself keeps its message. */
    @Test
    void aScheduleThatNamesTheAssumedZoneItselfKeepsItsDescription() {
        dev.migrate.analyzers.model.SourceRef at = dev.migrate.analyzers.model.SourceRef.at("etc/systemd/system/x.timer", 3, 1);
        ScheduleSpec named = new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*-*-* 01:00 UTC", "UTC", at);
        ScheduleSpec local = new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*-*-* 02:00", null, at);
        assertThat(AssumedLocalZones.amended("starts x: at 01:00 (UTC); at 02:00 (UTC)", java.util.List.of(named, local), "UTC"))
                .isEqualTo("starts x: at 01:00 (UTC); at 02:00 (UTC, assumed: no --host-zone or zone file)");
        // must not change: the descriptions do not match the schedules one to one
        assertThat(AssumedLocalZones.amended("starts x: at 02:00 (UTC) (UTC)", java.util.List.of(local), "UTC"))
                .isEqualTo("starts x: at 02:00 (UTC) (UTC)");
    }
}
