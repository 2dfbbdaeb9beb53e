package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * APScheduler's interval starts (3.x start_date, 4.x start_time), APScheduler 4's add_schedule and fractional jitter,
 * on sources written the way APScheduler apps write them. The host zone is the tests' default, UTC.
 */
class ApschedulerStartAndVersion4Test {
    private static RecordingSink run(String path, String text) {
        return HostEstate.scan(List.of(new ScanFile(path, text)), new ApschedulerDetector());
    }

    /** "name | form expression [tz] | unproven" per job, in source order. */
    private static List<String> jobs(RecordingSink sink) {
        return sink.jobs.stream().sorted(java.util.Comparator.comparing(Job::source)).map(j -> {
            ScheduleSpec s = j.schedules().get(0);
            return j.name() + " | " + s.form() + " " + s.expression() + (s.timezone() == null ? "" : " [" + s.timezone() + "]")
                    + (s.unproven() == null ? "" : " | " + s.unproven());
        }).toList();
    }

    /**
     * A naive start_date is the interval's anchor in the zone the trigger reads it in: the scheduler's, a datetime's
     * own tzinfo, or, with none, the local zone of the machine that runs the scheduler (the host's here, not proven).
     */
    @Test
    void aNaiveStartDateIsTheIntervalsAnchor() {
        RecordingSink sink = run("app/jobs.py", """
                from datetime import datetime
                from zoneinfo import ZoneInfo
                from apscheduler.schedulers.blocking import BlockingScheduler

                scheduler = BlockingScheduler()
                scheduler.add_job(refresh_cache, "interval", hours=6, start_date="2024-01-01 02:00:00", id="refresh")
                scheduler.add_job(pull_rates, "interval", hours=6, start_date=datetime(2024, 1, 1, 2, 0), id="rates")
                scheduler.add_job(sync_tokyo, "interval", hours=12,
                                  start_date=datetime(2024, 1, 1, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo")), id="tokyo")
                scheduler.add_job(ping, "interval", minutes=30, start_date="2024-01-01T00:15:00+02:00", id="ping")
                scheduler.add_job(heartbeat, "interval", minutes=5, start_date=datetime.now(), id="heartbeat")
                scheduler.start()
                """);
        String local = ScheduleSpec.ZONE_NOT_PROVEN + " not proven (start_date %s names no zone, nor does the job or its "
                + "scheduler: APScheduler 3 reads it in the local zone of the machine that runs the scheduler; read in "
                + "the host's zone here)";
        assertThat(jobs(sink)).containsExactly(
                "refresh | INTERVAL R/2024-01-01T02:00Z/PT6H | " + local.formatted("\"2024-01-01 02:00:00\""),
                "rates | INTERVAL R/2024-01-01T02:00Z/PT6H | " + local.formatted("datetime(2024, 1, 1, 2, 0)"),
                "tokyo | INTERVAL R/2024-01-01T09:30+09:00/PT12H",
                "ping | INTERVAL R/2024-01-01T00:15+02:00/PT30M",
                // must not change: a start the code computes when it runs leaves the interval counting from the start
                "heartbeat | INTERVAL PT5M");
        // in the scheduler's zone, a naive start is proven
        assertThat(jobs(run("app/zoned.py", """
                from datetime import datetime
                from apscheduler.schedulers.background import BackgroundScheduler
                scheduler = BackgroundScheduler(timezone="Europe/Berlin")
                scheduler.add_job(pull_rates, "interval", hours=6, start_date=datetime(2024, 1, 1, 2, 0), id="rates")
                """))).containsExactly("rates | INTERVAL R/2024-01-01T02:00+01:00/PT6H");
    }

    /**
     * An IntervalTrigger object's naive start_date is read in the object's zone: its timezone=, else the local zone
     * (3.9.1's IntervalTrigger.__init__ calls get_localzone()), never the scheduler's, which only string triggers get.
     * Before, it was read in the scheduler's Europe/Berlin.
     */
    @Test
    void anIntervalTriggerObjectsStartIsNotReadInTheSchedulersZone() {
        RecordingSink sink = run("app/rates.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.interval import IntervalTrigger
                scheduler = BackgroundScheduler(timezone="Europe/Berlin")
                scheduler.add_job(pull_rates, IntervalTrigger(hours=6, start_date="2024-01-01 02:00:00"), id="rates")
                scheduler.add_job(pull_fx, IntervalTrigger(hours=6, start_date="2024-01-01 02:00:00",
                                                           timezone="Europe/Berlin"), id="fx")
                """);
        assertThat(jobs(sink)).containsExactly("rates | INTERVAL R/2024-01-01T02:00Z/PT6H | " + ScheduleSpec.ZONE_NOT_PROVEN
                        + " not proven (start_date \"2024-01-01 02:00:00\" names no zone, nor does the trigger object, which "
                        + "the scheduler's timezone= does not reach: APScheduler 3 reads it in the local zone of the machine "
                        + "that runs the scheduler; read in the host's zone here)",
                "fx | INTERVAL R/2024-01-01T02:00+01:00/PT6H [Europe/Berlin]");
    }

    /** APScheduler 3 refuses a start_date string without seconds (its _DATE_REGEX): add_job raises ValueError. */
    @Test
    void aStartDateApscheduler3RefusesIsReadAndSaidSo() {
        RecordingSink sink = run("worker.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                sched = BackgroundScheduler(timezone="UTC")
                sched.add_job(export, "interval", hours=6, start_date="2024-01-01 02:00")
                """);
        assertThat(jobs(sink)).containsExactly("export | INTERVAL R/2024-01-01T02:00Z/PT6H | APScheduler 3 refuses start_date "
                + "\"2024-01-01 02:00\" (its date strings are YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, apscheduler.util._DATE_REGEX): "
                + "add_job raises ValueError, so the job is not scheduled as written; read as the time it names");
    }

    /** A scheduler whose timezone= is a setting reads a naive start in a zone the scan cannot prove. */
    @Test
    void aStartInAComputedSchedulerZoneIsNotProven() {
        RecordingSink sink = run("service.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from config import settings
                scheduler = BackgroundScheduler(timezone=settings.TIMEZONE)
                scheduler.add_job(rebuild, "interval", days=1, start_date="2024-03-01 04:00:00", id="rebuild")
                """);
        assertThat(jobs(sink)).containsExactly("rebuild | INTERVAL R/2024-03-01T04:00Z/P1D | zone not read: the "
                + "scheduler's timezone=settings.TIMEZONE is computed when it runs, and the naive start_date "
                + "\"2024-03-01 04:00:00\" is read in it; read in the host's zone here");
    }

    /** jitter=0.5 and jitter=1.5 keep their fractions, in the job's attribute and in PYS012. */
    @Test
    void fractionalJitterKeepsItsFraction() {
        RecordingSink sink = run("poll.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                sched = BlockingScheduler()
                sched.add_job(poll_queue, "interval", seconds=10, jitter=0.5, id="poll")
                sched.add_job(scrape, "cron", minute="*/5", jitter=1.5, id="scrape")
                sched.add_job(flush, "interval", minutes=1, jitter=2, id="flush")
                """);
        assertThat(sink.jobs).extracting(j -> j.name() + " " + j.attributes().get("apscheduler.jitterSeconds"))
                .containsExactly("poll 0.5", "scrape 1.5", "flush 2");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PYS012")).extracting(Finding::message)
                .extracting(m -> m.substring(m.indexOf("up to"), m.indexOf(" late")))
                .containsExactly("up to 0.5 seconds", "up to 1.5 seconds", "up to 2 seconds");
    }

    /**
     * APScheduler 4: add_schedule with trigger objects; weekday numbers count from Sunday as in cron; the triggers'
     * zone is theirs or the local one (4.x schedulers take none); a naive start_time is the local zone's; max_jitter is
     * the schedule's jitter.
     */
    @Test
    void apscheduler4SchedulesAreJobs() {
        RecordingSink sink = run("app/scheduler.py", """
                import asyncio
                from datetime import datetime, timedelta

                from apscheduler import AsyncScheduler
                from apscheduler.triggers.cron import CronTrigger
                from apscheduler.triggers.interval import IntervalTrigger

                from app.tasks import nightly_load, pull_orders, refresh_views, weekly_report


                async def main():
                    async with AsyncScheduler() as scheduler:
                        await scheduler.add_schedule(pull_orders, IntervalTrigger(minutes=15), id="pull_orders")
                        await scheduler.add_schedule(
                            nightly_load, CronTrigger(day_of_week="1-5", hour=2, minute=30, timezone="Europe/Helsinki"),
                            id="nightly_load",
                        )
                        await scheduler.add_schedule(weekly_report, CronTrigger.from_crontab("0 7 * * 1"),
                                                     id="weekly_report", max_jitter=timedelta(seconds=90))
                        await scheduler.add_schedule(refresh_views,
                                                     IntervalTrigger(hours=6, start_time=datetime(2024, 1, 1, 2, 0)))
                        await scheduler.run_until_stopped()


                asyncio.run(main())
                """);
        assertThat(jobs(sink)).containsExactly(
                "pull_orders | INTERVAL PT15M",
                "nightly_load | CRON_APSCHEDULER 30 2 * * 1-5 [Europe/Helsinki]",
                "weekly_report | CRON_APSCHEDULER 0 7 * * 1",
                "refresh_views | INTERVAL R/2024-01-01T02:00Z/PT6H | " + ScheduleSpec.ZONE_NOT_PROVEN + " not proven "
                        + "(start_time datetime(2024, 1, 1, 2, 0) names no zone, nor does the trigger: APScheduler 4 "
                        + "reads it in the local zone of the machine that runs the scheduler; read in the host's zone here)");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PYS012")).extracting(Finding::message).containsExactly(
                "APScheduler job weekly_report has max_jitter=timedelta(seconds=90): each run starts up to 90 seconds "
                        + "late at random; Prefect starts runs at the scheduled time");
        assertThat(sink.findings).extracting(Finding::code).filteredOn("PYS002"::equals).hasSize(4);
        // APScheduler 3 counts the same day_of_week numbers from Monday: 1-5 is Tuesday to Saturday
        assertThat(jobs(run("v3.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                sched = BlockingScheduler()
                sched.add_job(nightly_load, "cron", day_of_week="1-5", hour=2, minute=30)
                """))).containsExactly("nightly_load | CRON_APSCHEDULER 30 2 * * 2-6");
    }

    /**
     * from_crontab hands its words to CronTrigger as fields: APScheduler 3 counts their weekday numbers from Monday
     * (from_crontab("0 7 * * 1") fires on Tuesdays), APScheduler 4 from Sunday, as cron does.
     */
    @Test
    void fromCrontabWeekdaysAreCountedAsTheVersionCountsThem() {
        assertThat(jobs(run("v3.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger
                sched = BlockingScheduler()
                sched.add_job(report, CronTrigger.from_crontab("0 7 * * 1", timezone="UTC"), id="report")
                sched.add_job(digest, CronTrigger.from_crontab("30 6 * * mon-fri", timezone="UTC"), id="digest")
                sched.add_job(checks, CronTrigger.from_crontab("0 */4 * * *", timezone="UTC"), id="checks")
                """))).containsExactly("report | CRON_APSCHEDULER 0 7 * * 2 [UTC]", "digest | CRON_APSCHEDULER 30 6 * * 1-5 [UTC]",
                "checks | CRON_APSCHEDULER 0 */4 * * * [UTC]");
        assertThat(jobs(run("v4.py", """
                from apscheduler import Scheduler
                from apscheduler.triggers.cron import CronTrigger
                with Scheduler() as scheduler:
                    scheduler.add_schedule(report, CronTrigger.from_crontab("0 7 * * 1", timezone="UTC"), id="report")
                """))).containsExactly("report | CRON_APSCHEDULER 0 7 * * 1 [UTC]");
    }

    /** The synchronous Scheduler of APScheduler 4, and add_schedule of other objects, which are no APScheduler jobs. */
    @Test
    void apscheduler4SyncSchedulerAndLookAlikes() {
        RecordingSink sink = run("worker.py", """
                from apscheduler import Scheduler
                from apscheduler.triggers.cron import CronTrigger
                from apscheduler.triggers.date import DateTrigger

                from .store import schedule_store

                def main():
                    trigger = CronTrigger(hour=23, minute=55, day_of_week="sun")
                    with Scheduler() as scheduler:
                        scheduler.add_schedule(rotate_logs, trigger, id="rotate")
                        scheduler.add_schedule(migrate_once, DateTrigger("2030-01-01T00:00:00"), id="once")
                        schedule_store.add_schedule("reports", "0 8 * * *")
                        scheduler.run_until_stopped()
                """);
        assertThat(jobs(sink)).containsExactly(
                "rotate | CRON_APSCHEDULER 55 23 * * 0",
                "once | EVENT once, at 2030-01-01T00:00:00 (a date trigger)");
    }
}
