package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of in-process and JVM schedulers show a schedule's expression without a zone ("APScheduler job x
 * (30 2 * * 1-5)"); when that schedule is read in a zone only assumed, the assumed zone is written after it, as the
 * cron and systemd findings say "(UTC, assumed: ...)".
 */
class AssumedZoneExpressionsTest {
    private static final HostZoneUsed ASSUMED = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);
    private static final HostZoneUsed NAMED = new HostZoneUsed("UTC", HostZoneUsed.From.OPTION, "--host-zone");
    private static final String MARK = " (UTC, assumed: no --host-zone or zone file)";

    private static final Map<String, String> TREE = Map.of(
            "opt/etl/aps_jobs.py", """
                    from apscheduler.schedulers.blocking import BlockingScheduler

                    from etl import dunning, usage, tokyo

                    scheduler = BlockingScheduler()
                    scheduler.add_job(dunning, "cron", day_of_week="mon-fri", hour=2, minute=30, id="dunning")
                    scheduler.add_job(usage, "interval", minutes=20, id="usage")
                    scheduler.add_job(tokyo, "cron", hour=9, timezone="Asia/Tokyo", id="tokyo")
                    scheduler.start()
                    """,
            "opt/etl/report_schedule.py", """
                    import time

                    import schedule

                    from etl import kpis, london

                    schedule.every().day.at("07:30").do(kpis)
                    schedule.every().day.at("08:00", "Europe/London").do(london)

                    while True:
                        schedule.run_pending()
                        time.sleep(1)
                    """,
            "billing/src/main/java/com/acme/Jobs.java", """
                    package com.acme;

                    import org.springframework.scheduling.annotation.Scheduled;

                    public class Jobs {
                        @Scheduled(cron = "0 0 2 * * *")
                        public void nightly() {
                        }

                        @Scheduled(cron = "0 0 6 * * *", zone = "Asia/Tokyo")
                        public void tokyo() {
                        }

                        @Scheduled(fixedRate = 60000)
                        public void poll() {
                        }
                    }
                    """,
            "billing/src/main/resources/quartz_jobs.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <job-scheduling-data xmlns="http://www.quartz-scheduler.org/xml/JobSchedulingData" version="2.0">
                      <schedule>
                        <job>
                          <name>archive</name>
                          <job-class>com.acme.ArchiveJob</job-class>
                        </job>
                        <trigger>
                          <cron>
                            <name>archive-nightly</name>
                            <job-name>archive</job-name>
                            <cron-expression>0 15 3 ? * MON-FRI</cron-expression>
                          </cron>
                        </trigger>
                        <trigger>
                          <cron>
                            <name>archive-paris</name>
                            <job-name>archive</job-name>
                            <cron-expression>0 0 5 * * ?</cron-expression>
                            <time-zone>Europe/Paris</time-zone>
                          </cron>
                        </trigger>
                      </schedule>
                    </job-scheduling-data>
                    """);

    @TempDir
    Path tree;

    private Inventory scan(HostZoneUsed zone) throws IOException {
        for (Map.Entry<String, String> f : TREE.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, zone)).scan(tree, "t",
                ScanListener.NONE);
    }

    /** Each finding of the codes below as its message, by "code path:line". */
    private static Map<String, String> messages(Inventory inv) {
        Map<String, String> out = new TreeMap<>();
        inv.findings().stream().filter(f -> List.of("PYS001", "PYS002", "JAV001", "JAV002", "JAV010").contains(f.code()))
                .forEach(f -> out.put(f.code() + " " + f.where().path() + ":" + f.where().line(), f.message()));
        return out;
    }

    @Test
    void theAssumedZoneIsWrittenAfterTheExpressionOfEachScheduleReadInIt() throws IOException {
        Map<String, String> seen = messages(scan(ASSUMED));
        assertThat(seen.get("PYS002 opt/etl/aps_jobs.py:6"))
                .startsWith("APScheduler job dunning (30 2 * * 1-5)" + MARK + " runs inside a Python process");
        assertThat(seen.get("PYS001 opt/etl/report_schedule.py:7"))
                .startsWith("schedule library job kpis (30 7 * * *)" + MARK + " runs inside");
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:6"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.nightly (0 0 2 * * *)" + MARK);
        assertThat(seen.get("JAV010 billing/src/main/resources/quartz_jobs.xml:12"))
                .isEqualTo("Quartz cron trigger DEFAULT.archive-nightly (0 15 3 ? * MON-FRI)" + MARK);
        // must not change: a zone the source names, and an interval, which no zone moves
        assertThat(seen.entrySet()).filteredOn(e -> e.getValue().contains("tokyo") || e.getValue().contains("london")
                        || e.getValue().contains("paris") || e.getValue().contains("usage") || e.getKey().startsWith("JAV002"))
                .hasSize(6).allSatisfy(e -> assertThat(e.getValue()).doesNotContain("assumed").doesNotContain("(UTC"));
    }

    @Test
    void aNamedZoneLeavesTheMessagesAsWritten() throws IOException {
        // must not change: the machine's zone is named, so nothing is assumed
        assertThat(messages(scan(NAMED)).values()).isNotEmpty().noneMatch(m -> m.contains("assumed"));
    }

    @Test
    void onlyAnExpressionShownAsWrittenGetsTheZone() {
        SourceRef at = SourceRef.at("Jobs.java", 6, 5);
        ScheduleSpec resolved = new ScheduleSpec(ScheduleSpec.Form.CRON_SPRING, "0 0 4 * * *", null, at);
        // must not change: a placeholder the scan resolved is not the expression, so nothing is written after it
        assertThat(AssumedLocalZones.zonedExpressions("Spring @Scheduled(cron) method J.m (${jobs.cron})",
                List.of(resolved), "UTC")).isEqualTo("Spring @Scheduled(cron) method J.m (${jobs.cron})");
        // two schedules with one expression: each occurrence once, in order
        assertThat(AssumedLocalZones.zonedExpressions("x (0 0 4 * * *) and (0 0 4 * * *)", List.of(resolved, resolved),
                "UTC")).isEqualTo("x (0 0 4 * * *)" + MARK + " and (0 0 4 * * *)" + MARK);
    }
}
