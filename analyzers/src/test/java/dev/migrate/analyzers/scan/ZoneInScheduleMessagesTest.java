package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of in-process and JVM schedulers say the zone a schedule's source names after its expression
 * ({@code (0 0 2 * * *) (Europe/Paris)}), as a crontab line's finding ends in its CRON_TZ zone; a Spring schedule whose
 * cron or zone comes from application.properties shows the value resolved, so a zone only assumed is written after it
 * as after a literal's.
 */
class ZoneInScheduleMessagesTest {
    private static final HostZoneUsed ASSUMED = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);
    private static final String MARK = " (UTC, assumed: no --host-zone or zone file)";
    private static final String PROPERTIES = "billing/src/main/resources/application.properties";

    private static final Map<String, String> TREE = Map.of(
            "opt/etl/aps_jobs.py", """
                    from apscheduler.schedulers.blocking import BlockingScheduler
                    from apscheduler.triggers.cron import CronTrigger

                    from etl import dunning, usage, tokyo

                    scheduler = BlockingScheduler(timezone="Europe/Berlin")
                    scheduler.add_job(dunning, "cron", day_of_week="mon-fri", hour=2, minute=30, id="dunning")
                    scheduler.add_job(usage, "interval", minutes=20, id="usage")
                    scheduler.add_job(tokyo, CronTrigger(hour=9, timezone="Asia/Tokyo"), id="tokyo")
                    scheduler.start()
                    """,
            "opt/etl/report_schedule.py", """
                    import time

                    import schedule

                    from etl import kpis, london

                    schedule.every().day.at("07:30").do(kpis)
                    schedule.every().day.at("10:00", "Europe/London").do(london)

                    while True:
                        schedule.run_pending()
                        time.sleep(1)
                    """,
            "billing/src/main/java/com/acme/Jobs.java", """
                    package com.acme;

                    import org.springframework.scheduling.annotation.Scheduled;

                    public class Jobs {
                        @Scheduled(cron = "0 0 2 * * *", zone = "Europe/Paris")
                        public void paris() {
                        }

                        @Scheduled(cron = "${jobs.nightly.cron}")
                        public void nightly() {
                        }

                        @Scheduled(cron = "${jobs.reconcile.cron}", zone = "${jobs.reconcile.zone}")
                        public void reconcile() {
                        }

                        @Scheduled(cron = "${jobs.missing.cron}")
                        public void missing() {
                        }

                        @Scheduled(cron = "${jobs.quarterly.cron}")
                        public void quarterly() {
                        }

                        @Scheduled(fixedRate = 60000)
                        public void poll() {
                        }
                    }
                    """,
            PROPERTIES, """
                    jobs.nightly.cron=0 30 1 * * MON-FRI
                    jobs.reconcile.cron=0 0 6 * * *
                    jobs.reconcile.zone=America/New_York
                    jobs.quarterly.cron=0 */15 * * * *
                    """,
            "billing/src/main/java/com/acme/QuartzConfig.java", """
                    package com.acme;

                    import java.util.TimeZone;
                    import org.quartz.CronScheduleBuilder;
                    import org.quartz.Trigger;
                    import org.quartz.TriggerBuilder;

                    public class QuartzConfig {
                        public Trigger ledger() {
                            return TriggerBuilder.newTrigger().withIdentity("ledgerTrigger", "finance")
                                    .withSchedule(CronScheduleBuilder.cronSchedule("0 15 3 ? * MON-FRI")
                                            .inTimeZone(TimeZone.getTimeZone("America/New_York")))
                                    .build();
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

    /** Each finding of the codes that show a schedule, as its message, by "code path:line". */
    private Map<String, String> messages() throws IOException {
        for (Map.Entry<String, String> f : TREE.entrySet()) {
            Path p = tree.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Inventory inv = Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, ASSUMED)).scan(tree, "t",
                ScanListener.NONE);
        Map<String, String> out = new TreeMap<>();
        inv.findings().stream().filter(f -> List.of("PYS001", "PYS002", "JAV001", "JAV002", "JAV010").contains(f.code()))
                .forEach(f -> out.put(f.code() + " " + f.where().path() + ":" + f.where().line(), f.message()));
        return out;
    }

    @Test
    void aZoneTheSourceNamesIsWrittenAfterTheExpression() throws IOException {
        Map<String, String> seen = messages();
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:6"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.paris (0 0 2 * * *) (Europe/Paris)");
        // a string trigger takes the scheduler's timezone=, a trigger object its own
        assertThat(seen.get("PYS002 opt/etl/aps_jobs.py:7"))
                .isEqualTo("APScheduler job dunning (30 2 * * 1-5) (Europe/Berlin) runs inside a Python process, not an "
                        + "orchestrator");
        assertThat(seen.get("PYS002 opt/etl/aps_jobs.py:9")).startsWith("APScheduler job tokyo (0 9 * * *) (Asia/Tokyo) runs");
        assertThat(seen.get("PYS001 opt/etl/report_schedule.py:8"))
                .startsWith("schedule library job london (0 10 * * *) (Europe/London) runs inside");
        assertThat(seen.get("JAV010 billing/src/main/java/com/acme/QuartzConfig.java:11"))
                .isEqualTo("Quartz cron trigger ledgerTrigger (0 15 3 ? * MON-FRI) (America/New_York)");
        assertThat(seen.get("JAV010 billing/src/main/resources/quartz_jobs.xml:12"))
                .isEqualTo("Quartz cron trigger DEFAULT.archive-paris (0 0 5 * * ?) (Europe/Paris)");
        // must not change: an interval shows no zone (none moves it), and a schedule naming none gets the host's after it
        assertThat(seen.get("PYS002 opt/etl/aps_jobs.py:8")).startsWith("APScheduler job usage (PT20M) runs inside");
        assertThat(seen.get("JAV002 billing/src/main/java/com/acme/Jobs.java:26"))
                .isEqualTo("Spring @Scheduled(fixedRate) method Jobs.poll (PT1M)");
        assertThat(seen.get("PYS001 opt/etl/report_schedule.py:7"))
                .startsWith("schedule library job kpis (30 7 * * *)" + MARK + " runs inside");
    }

    @Test
    void aResolvedSpringPlaceholderIsShownAsItsValueAndMarkedLikeALiteral() throws IOException {
        Map<String, String> seen = messages();
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:10"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.nightly (0 30 1 * * MON-FRI)" + MARK
                        + ", resolved from ${jobs.nightly.cron} in " + PROPERTIES);
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:14"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.reconcile (0 0 6 * * *) (America/New_York), resolved from "
                        + "${jobs.reconcile.cron} in " + PROPERTIES);
        // a resolved cron that fires alike in every zone is not marked, as a literal one is not
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:22"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.quarterly (0 */15 * * * *), resolved from "
                        + "${jobs.quarterly.cron} in " + PROPERTIES);
        // must not change: a key no file defines stays shown as written (its JAV004 says so)
        assertThat(seen.get("JAV001 billing/src/main/java/com/acme/Jobs.java:18"))
                .isEqualTo("Spring @Scheduled(cron) method Jobs.missing (${jobs.missing.cron})");
    }
}
