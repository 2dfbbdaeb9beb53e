package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.assertCompiles;
import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static dev.migrate.recipes.legacy.LegacyTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APScheduler 4's {@code add_schedule(func, trigger, id=...)} jobs move like 3.x's add_job ones. Before, the recipe
 * looked only for add_job and scheduled_job, so each was a manual item ("not a plain function name; write its flow by
 * hand"). The schedules are the scan's reading of the 4.x triggers; a trigger without a zone of its own runs in the
 * local zone (4.x's CronTrigger defaults its timezone to get_localzone()), the host's: Europe/Berlin here (as
 * {@code --host-zone} gives it).
 */
class Apscheduler4SchedulesTest {
    private static final String BEFORE = """
            from apscheduler import Scheduler
            from apscheduler.triggers.cron import CronTrigger
            from apscheduler.triggers.interval import IntervalTrigger

            from warehouse import loads


            def refresh_views(schema):
                loads.refresh(schema)


            with Scheduler() as scheduler:
                scheduler.add_schedule(loads.nightly, CronTrigger(hour=2, minute=15), id="nightly_load")
                scheduler.add_schedule(refresh_views, IntervalTrigger(minutes=30), id="refresh_views",
                                       kwargs={"schema": "mart"})
                scheduler.add_schedule(loads.weekly, CronTrigger.from_crontab("0 6 * * 1", timezone="UTC"), id="weekly")
                scheduler.run_until_stopped()
            """;
    private static final String AFTER_CUTOVER = """
            from apscheduler import Scheduler
            from apscheduler.triggers.cron import CronTrigger
            from apscheduler.triggers.interval import IntervalTrigger

            from warehouse import loads


            def refresh_views(schema):
                loads.refresh(schema)


            with Scheduler() as scheduler:
                # migrate: disabled apscheduler-nightly-load-ID 2026-03-02 (1 line)
                # scheduler.add_schedule(loads.nightly, CronTrigger(hour=2, minute=15), id="nightly_load")
                # migrate: disabled apscheduler-refresh-views-ID 2026-03-02 (2 lines)
                # scheduler.add_schedule(refresh_views, IntervalTrigger(minutes=30), id="refresh_views",
                                       # kwargs={"schema": "mart"})
                # migrate: disabled apscheduler-weekly-ID 2026-03-02 (1 line)
                # scheduler.add_schedule(loads.weekly, CronTrigger.from_crontab("0 6 * * 1", timezone="UTC"), id="weekly")
                scheduler.run_until_stopped()
            """;

    @TempDir
    Path dir;

    private static RewriteResult run(Path root, String phase) {
        return LegacyTestSupport.run(root, new MoveLegacySchedulersToPrefect3(phase, 15, null, null, LegacyTestSupport.AS_OF,
                "Europe/Berlin"));
    }

    private Path estate(String script) throws Exception {
        Path p = dir.resolve("warehouse-host");
        Files.createDirectories(p.resolve("opt/etl"));
        Files.createDirectories(p.resolve("etc/systemd/system"));
        Files.writeString(p.resolve("opt/etl/jobs.py"), script);
        Files.writeString(p.resolve("etc/systemd/system/etl.service"), """
                [Service]
                User=etl
                WorkingDirectory=/opt/etl
                ExecStart=/opt/etl/venv/bin/python /opt/etl/jobs.py
                Restart=always
                """);
        return p;
    }

    @Test
    void addScheduleJobsMoveThroughDualRunCutoverAndCleanup() throws Exception {
        Path p = estate(BEFORE);

        RewriteResult dual = run(p, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("write its flow by hand"));
        assertThat(dual.changes()).allSatisfy(c -> assertThat(c.path().toString()).startsWith("prefect/"));
        RewriteEngine.apply(p, dual);
        String yaml = read(p, "prefect/prefect.yaml");
        // dual run: 15 minutes later; the zone-less CronTrigger in the host's zone, from_crontab in its own
        assertThat(yaml).contains("cron: 30 2 * * *", "timezone: Europe/Berlin", "cron: 15 6 * * 1", "timezone: UTC",
                "interval: 1800");
        String flows = String.join("\n", snapshot(p).entrySet().stream()
                .filter(e -> e.getKey().startsWith("prefect/flows/")).map(Map.Entry::getValue).toList());
        assertThat(flows).contains("from warehouse import loads  # noqa: E402\n", "    return loads.nightly()\n",
                "def refresh_views(schema):\n    loads.refresh(schema)\n", "    return refresh_views(**{\"schema\": \"mart\"})\n",
                "    return loads.weekly()\n").doesNotContain("add_schedule", "Scheduler()");
        assertCompiles(p);
        assertThat(read(p, "opt/etl/jobs.py")).isEqualTo(BEFORE);
        assertThat(run(p, "dual-run").changes()).as("a second dual run changes nothing").isEmpty();

        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(read(p, "prefect/prefect.yaml")).contains("cron: 15 2 * * *", "cron: 0 6 * * 1");
        assertThat(read(p, "opt/etl/jobs.py").replaceAll("(apscheduler-[a-z-]+)-[0-9a-f]{8}", "$1-ID")).isEqualTo(AFTER_CUTOVER);
        assertCompiles(p);
        assertThat(run(p, "cutover").changes()).as("a second cutover changes nothing").isEmpty();

        // rollback: the dual run puts the registrations back byte for byte
        RewriteEngine.apply(p, run(p, "dual-run"));
        assertThat(read(p, "opt/etl/jobs.py")).isEqualTo(BEFORE);

        RewriteEngine.apply(p, run(p, "cutover"));
        RewriteEngine.apply(p, run(p, "cleanup"));
        assertThat(p.resolve("opt/etl/jobs.py")).doesNotExist();
        assertThat(p.resolve("etc/systemd/system/etl.service")).doesNotExist();
        assertThat(run(p, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(p);
    }

    /** Must not change: a one-argument add_schedule is a project's own method, not APScheduler 4's (it needs a trigger). */
    @Test
    void aOneArgumentAddScheduleIsNotChanged() throws Exception {
        Path p = estate("""
                from reports import calendar


                def book(slot):
                    calendar.add_schedule(slot)
                """);
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }
}
