package dev.migrate.analyzers.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.report.ReportFormat;
import dev.migrate.analyzers.report.Reports;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host dump with its scheduler logs: which jobs ran, which never did, which failed. */
class ActivityResolverTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    @TempDir
    Path host;
    private String savedNow;
    private String savedZone;

    @BeforeEach
    void fixClock() {
        savedNow = System.getProperty("migrate.now");
        savedZone = System.getProperty("migrate.hostZone");
        System.setProperty("migrate.now", "2026-11-21T12:00:00Z");
        // the zone comes from the scan's options alone: no property says it
        System.clearProperty("migrate.hostZone");
    }

    @AfterEach
    void restoreClock() {
        restore("migrate.now", savedNow);
        restore("migrate.hostZone", savedZone);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private void write(String path, String text) throws IOException {
        Path p = host.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults().withHostZone(new HostZoneUsed(BERLIN.getId(), HostZoneUsed.From.OPTION,
                "--host-zone"))).scan(host, "host", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private static java.util.List<String> findings(Inventory inv, String code) {
        return inv.findings().stream().filter(f -> f.code().equals(code)).map(Finding::message).sorted().toList();
    }

    @Test
    void cronAnacronAndSystemdRunsAreJoinedWithTheirJobs() throws IOException {
        write("etc/cron.d/etl", """
                30 2 * * * etl /opt/etl/bin/nightly-load.sh >> /var/log/etl/nightly.out 2>&1
                0 * * * * etl /opt/etl/bin/hourly-sync.sh
                0 9 1 * * etl /opt/etl/bin/monthly-report.sh
                """);
        write("etc/anacrontab", """
                1\t5\tcron.daily\trun-parts --report /etc/cron.daily
                """);
        write("etc/systemd/system/warehouse-load.timer", """
                [Timer]
                OnCalendar=*-*-* 03:10:00

                [Install]
                WantedBy=timers.target
                """);
        write("etc/systemd/system/warehouse-load.service", """
                [Service]
                Type=oneshot
                ExecStart=/opt/etl/bin/warehouse-load.sh
                """);
        // the nightly load ran twice (one line with its spaces squeezed differently); root running the same
        // command is another job; the hourly sync never ran; the monthly report does not fire in these two days
        write("var/log/syslog", """
                Nov 20 02:30:01 etl-host CRON[1001]: (etl) CMD (/opt/etl/bin/nightly-load.sh >> /var/log/etl/nightly.out 2>&1)
                Nov 20 07:35:01 etl-host anacron[1100]: Job `cron.daily' started
                Nov 20 07:36:12 etl-host anacron[1100]: Job `cron.daily' terminated (mailing output)
                Nov 21 02:30:01 etl-host CRON[2001]: (etl) CMD (/opt/etl/bin/nightly-load.sh >>  /var/log/etl/nightly.out 2>&1)
                Nov 21 02:31:00 etl-host CRON[2002]: (root) CMD (/opt/etl/bin/hourly-sync.sh)
                Nov 21 07:35:01 etl-host anacron[2100]: Job `cron.daily' started
                Nov 21 07:35:40 etl-host anacron[2100]: Job `cron.daily' terminated (exit status: 1) (mailing output)
                Nov 21 11:00:00 etl-host kernel: [12345.678] eth0: link up
                """);
        // a journalctl -o short-iso export of the timer's unit
        write("var/log/journal-warehouse.log", """
                2026-11-20T03:10:00+0100 etl-host systemd[1]: Starting warehouse-load.service - Warehouse load...
                2026-11-20T03:12:09+0100 etl-host systemd[1]: warehouse-load.service: Deactivated successfully.
                2026-11-21T03:10:00+0100 etl-host systemd[1]: Starting warehouse-load.service - Warehouse load...
                2026-11-21T03:10:07+0100 etl-host systemd[1]: warehouse-load.service: Main process exited, code=exited, status=1/FAILURE
                2026-11-21T03:10:07+0100 etl-host systemd[1]: warehouse-load.service: Failed with result 'exit-code'.
                """);
        Inventory inv = scan();

        Map<String, String> nightly = job(inv, "nightly-load").attributes();
        assertThat(nightly).containsEntry("activity.runs", "2").containsEntry("activity.logs", "var/log/syslog")
                .containsEntry("activity.lastRun", "2026-11-21T02:30:01+01:00").doesNotContainKey("activity.failures");
        assertThat(job(inv, "hourly-sync").attributes()).containsEntry("activity.runs", "0");
        assertThat(findings(inv, "ACT001")).containsExactly("hourly-sync has no recorded run in var/log/syslog "
                + "(2026-11-20 02:30 to 2026-11-21 11:00), where its schedule fires 33 times; make sure it still runs "
                + "before migrating it");
        assertThat(findings(inv, "ACT002")).containsExactly(
                "cron.daily failed 1 of 2 runs recorded in var/log/syslog (2026-11-20 02:30 to 2026-11-21 11:00), the last "
                        + "at 2026-11-21 07:35 (var/log/syslog:7)",
                "warehouse-load failed 1 of 2 runs recorded in var/log/journal-warehouse.log (2026-11-20 03:10 to "
                        + "2026-11-21 03:10), the last at 2026-11-21 03:10 (var/log/journal-warehouse.log:5)");
        assertThat(job(inv, "warehouse-load").attributes()).containsEntry("activity.runs", "2")
                .containsEntry("activity.failures", "1");
        // the monthly report's schedule did not fire in the span: no evidence either way, no finding
        assertThat(job(inv, "monthly-report").attributes()).containsEntry("activity.runs", "0");
        // the reports show each job's last run when logs were read
        StringWriter terminal = new StringWriter();
        Reports.write(ReportFormat.TERMINAL, inv, RuleRegistry.standard(), terminal);
        assertThat(terminal.toString()).contains("LAST RUN").containsPattern("cron-nightly-load-\\S+ +cron +30 2 \\* \\* \\* +"
                + "2026-11-21 02:30 +etc/cron.d/etl:1:1").containsPattern("warehouse-load\\S* +systemd-timer .* "
                + "2026-11-21 03:10 \\(1 failed\\) ").containsPattern("hourly-sync\\S* +cron +0 \\* \\* \\* \\* +none logged ");
        StringWriter markdown = new StringWriter();
        Reports.write(ReportFormat.MD, inv, RuleRegistry.standard(), markdown);
        assertThat(markdown.toString()).contains("| schedule | last run | source |", "| 30 2 \\* \\* \\* | 2026-11-21 02:30 |");
        StringWriter html = new StringWriter();
        Reports.write(ReportFormat.HTML, inv, RuleRegistry.standard(), html);
        assertThat(html.toString()).contains("<th data-key=\"lastrun\" tabindex=\"0\">Last run</th>")
                .contains("data-value=\"2026-11-21T02:30:01+01:00\">2026-11-21 02:30<");
    }

    @Test
    void aSchedulerThatWroteNothingToTheLogsIsNotJudged() throws IOException {
        write("etc/cron.d/etl", "0 * * * * etl /opt/etl/bin/hourly-sync.sh\n");
        // RHEL logs cron to var/log/cron, which this dump lacks: var/log/messages has no cron line at all
        write("var/log/messages", """
                Nov 20 02:30:01 etl-host systemd[1]: Started Session 1 of user etl.
                Nov 21 11:00:00 etl-host kernel: eth0: link up
                """);
        Inventory inv = scan();
        assertThat(job(inv, "hourly-sync").attributes()).doesNotContainKey("activity.runs");
        assertThat(findings(inv, "ACT001")).isEmpty();
        // and without logs nothing changes
        Files.delete(host.resolve("var/log/messages"));
        Inventory none = scan();
        assertThat(job(none, "hourly-sync").attributes().keySet()).noneMatch(k -> k.startsWith("activity."));
        StringWriter terminal = new StringWriter();
        Reports.write(ReportFormat.TERMINAL, none, RuleRegistry.standard(), terminal);
        assertThat(terminal.toString()).doesNotContain("LAST RUN");
    }

    @Test
    void anacronJobsAreExpectedOnlyAfterTwoOfTheirPeriods() throws IOException {
        write("etc/anacrontab", "1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n"
                + "7\t10\tcron.weekly\trun-parts --report /etc/cron.weekly\n");
        write("var/log/syslog", """
                Nov 17 07:35:01 etl-host anacron[1]: Job `cron.weekly' started
                Nov 17 07:36:01 etl-host anacron[1]: Job `cron.weekly' terminated
                Nov 21 11:00:00 etl-host anacron[2]: Normal exit (0 jobs run)
                """);
        Inventory inv = scan();
        // four days: the daily job should have run at least three times, the weekly one may not be due yet
        assertThat(findings(inv, "ACT001")).containsExactly("cron.daily has no recorded run in var/log/syslog "
                + "(2026-11-17 07:35 to 2026-11-21 11:00), where it should have run at least 3 times; make sure "
                + "it still runs before migrating it");
        assertThat(job(inv, "cron.weekly").attributes()).containsEntry("activity.runs", "1");
    }

    @Test
    void runPartsScriptsAreJudgedWhereRunPartsLogs() throws IOException {
        write("etc/cron.daily/logrotate", "#!/bin/sh\n/usr/sbin/logrotate /etc/logrotate.conf\n");
        write("etc/cron.daily/backup-configs", "#!/bin/sh\ntar czf /backup/etc.tgz /etc\n");
        // cronie's run-parts, as RHEL writes it to var/log/cron, over four days
        StringBuilder log = new StringBuilder();
        for (int day = 17; day <= 21; day++) {
            log.append("Nov ").append(day).append(" 03:05:01 rhel-host run-parts[9").append(day)
                    .append("]: (/etc/cron.daily) starting logrotate\n");
            log.append("Nov ").append(day).append(" 03:05:02 rhel-host run-parts[9").append(day)
                    .append("]: (/etc/cron.daily) finished logrotate\n");
        }
        write("var/log/cron", log.toString());
        Inventory inv = scan();
        assertThat(job(inv, "logrotate").attributes()).containsEntry("activity.runs", "5");
        assertThat(findings(inv, "ACT001")).containsExactly("backup-configs has no recorded run in var/log/cron "
                + "(2026-11-17 03:05 to 2026-11-21 03:05), where it should have run at least 3 times; make sure it "
                + "still runs before migrating it");
    }

    @Test
    void rotatedLogsAreReadCompressedOrNot() throws IOException {
        write("etc/cron.d/etl", "30 2 * * * etl /opt/etl/bin/nightly-load.sh\n");
        write("var/log/syslog.1", "Nov 20 02:30:01 h CRON[1]: (etl) CMD (/opt/etl/bin/nightly-load.sh)\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("Nov 18 02:30:01 h CRON[1]: (etl) CMD (/opt/etl/bin/nightly-load.sh)\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(host.resolve("var/log"));
        Files.write(host.resolve("var/log/syslog.2.gz"), gz.toByteArray());
        Files.write(host.resolve("var/log/syslog.3.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        Inventory inv = scan();
        assertThat(job(inv, "nightly-load").attributes()).containsEntry("activity.runs", "2")
                .containsEntry("activity.logs", "var/log/syslog.1, var/log/syslog.2.gz");
        assertThat(inv.notes()).anySatisfy(n -> assertThat(n.path() + " " + n.detail())
                .startsWith("var/log/syslog.3.gz not a readable gzip file"));
    }

    @Test
    void traditionalTimestampsTakeTheLatestYearNotAfterTheReference() {
        ZonedDateTime january = ZonedDateTime.of(2027, 1, 3, 12, 0, 0, 0, BERLIN);
        assertThat(LogLine.parse("Dec 31 23:59:01 h CRON[1]: (a) CMD (x)", BERLIN, january).orElseThrow().at())
                .isEqualTo(ZonedDateTime.of(2026, 12, 31, 23, 59, 1, 0, BERLIN));
        assertThat(LogLine.parse("Jan  2 00:00:01 h CRON[1]: (a) CMD (x)", BERLIN, january).orElseThrow().at())
                .isEqualTo(ZonedDateTime.of(2027, 1, 2, 0, 0, 1, 0, BERLIN));
        assertThat(LogLine.parse("2026-11-21T03:10:07.123456+00:00 h systemd[1]: x.service: Succeeded.", BERLIN, january)
                .orElseThrow().at()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 4, 10, 7, 123_456_000, BERLIN));
        assertThat(LogLine.parse("Feb 30 10:00:00 h CRON[1]: x", BERLIN, january)).isEmpty();
        LogLine json = LogLine.parse("{\"__REALTIME_TIMESTAMP\":\"1763694607123456\",\"SYSLOG_IDENTIFIER\":\"systemd\","
                + "\"_PID\":\"1\",\"MESSAGE\":\"x.service: Deactivated successfully.\"}", BERLIN, january).orElseThrow();
        assertThat(json.at()).isEqualTo(ZonedDateTime.of(2025, 11, 21, 4, 10, 7, 123_456_000, BERLIN));
        assertThat(json.program()).isEqualTo("systemd");
        assertThat(json.message()).isEqualTo("x.service: Deactivated successfully.");
        assertThat(LogLine.parse("{\"__REALTIME_TIMESTAMP\":\"1\",\"SYSLOG_IDENTIFIER\":\"x\",\"MESSAGE\":[1,2]}", BERLIN,
                january)).isEmpty();
        assertThat(LogLine.parse("{not json", BERLIN, january)).isEmpty();
        assertThat(LogLine.parse("not a log line", BERLIN, january)).isEmpty();
    }
}
