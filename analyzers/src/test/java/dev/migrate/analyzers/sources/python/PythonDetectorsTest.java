package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each Python detector on small sources written in the styles found in the wild, and on look-alikes it must skip. */
class PythonDetectorsTest {
    private static RecordingSink run(Detector d, String path, String text) {
        return HostEstate.scan(List.of(new ScanFile(path, text)), d);
    }

    private static RecordingSink run(Detector d, ScanFile... files) {
        return HostEstate.scan(List.of(files), d);
    }

    /** "name | schedule [tz] ; ... @ line" per job, in source order. */
    private static List<String> jobs(RecordingSink sink) {
        return sink.jobs.stream().sorted(java.util.Comparator.comparing(Job::source)).map(j -> j.name() + " | "
                + j.schedules().stream().map(PythonDetectorsTest::spec).collect(Collectors.joining(" ; "))
                + " @" + j.source().line()).toList();
    }

    private static String spec(ScheduleSpec s) {
        return s.form() + " " + s.expression() + (s.timezone() == null ? "" : " [" + s.timezone() + "]");
    }

    private static List<String> codes(RecordingSink sink) {
        return sink.findings.stream().map(Finding::code).sorted().toList();
    }

    @Test
    void scheduleLibrary() {
        RecordingSink sink = run(new ScheduleLibDetector(), "jobs.py", """
                import schedule as sch
                from tasks import nightly, ping

                sch.every(5).to(10).minutes.do(ping)
                sch.every().day.at("23:05:00").do(nightly)
                sch.every(2).hours.do(ping)
                sch.every().friday.at("17:45", "Europe/London").do(nightly)
                """);
        assertThat(jobs(sink)).containsExactly(
                "ping | UNKNOWN a random interval of PT5M to PT10M, drawn anew after each run (.every(5).to(10).minutes.do(ping)) @4",
                "nightly | CRON_UNIX 5 23 * * * @5",
                "ping | INTERVAL PT2H @6",
                "nightly | CRON_SCHEDULE_LIB 45 17 * * 5 [Europe/London] @7");
        assertThat(codes(sink)).containsExactly("PYS001", "PYS001", "PYS001", "PYS001", "PYS005");
        assertThat(run(new ScheduleLibDetector(), "other.py", "from mylib import every\nevery(3).do(x)\n").jobs).isEmpty();
    }

    /**
     * Found by the sweep (a chat bot): {@code .do(run_threaded, analise_sender)}, the schedule library's recipe for
     * running a job in a thread, made four jobs named after the wrapper, run_threaded, each said not to overlap.
     */
    @Test
    void aJobHandedToAThreadStartingWrapperIsNamedAfterItselfAndMayOverlap() {
        RecordingSink sink = run(new ScheduleLibDetector(), "bot.py", """
                import threading
                import schedule

                def run_threaded(job_func):
                    job_thread = threading.Thread(target=job_func)
                    job_thread.start()

                def log_call(fn, label):
                    print(label)

                schedule.every().hour.at(":01").do(run_threaded, analise_sender)
                schedule.every().hour.at(":31").do(run_threaded, reports.send)
                schedule.every().day.at("06:00").do(log_call, nightly, "x")
                """);
        assertThat(jobs(sink)).containsExactly("analise_sender | CRON_SCHEDULE_LIB 1 * * * * @11",
                "reports.send | CRON_SCHEDULE_LIB 31 * * * * @12", "log_call | CRON_UNIX 0 6 * * * @13");
        assertThat(sink.jobs.get(0).overlap()).isEqualTo(dev.migrate.analyzers.model.Overlap.ALLOW);
        assertThat(sink.jobs.get(0).attributes()).containsEntry("schedule.runner", "run_threaded (starts each run in a new thread)");
        // must not change: a wrapper that does not start its argument in a thread is the job
        assertThat(sink.jobs.get(2).overlap()).isEqualTo(dev.migrate.analyzers.model.Overlap.SKIP);
        assertThat(sink.jobs.get(2).attributes()).doesNotContainKey("schedule.runner");
    }

    @Test
    void pythonCrontabInstalls() {
        RecordingSink sink = run(new PythonCrontabDetector(), "ops/install_cron.py", """
                from crontab import CronTab

                REPORT = "/opt/venv/bin/python /opt/reports/build_report.py"
                tab = CronTab(user="reports")
                weekly = tab.new(command=REPORT, comment="weekly-report")
                weekly.setall("30 6 * * 1")
                refresh = tab.new(command="/opt/venv/bin/python /opt/reports/refresh.py")
                refresh.minute.on(0)
                refresh.hour.every(4)
                refresh.dow.during("MON", "FRI")
                boot = tab.new("/opt/warm_cache.sh")
                boot.every_reboot()
                odd = tab.new(command="/opt/odd.sh")
                odd.every(5).hours()
                tab.write()
                """);
        assertThat(jobs(sink)).containsExactly(
                "weekly-report | CRON_UNIX 30 6 * * 1 @5",
                "refresh | CRON_UNIX 0 */4 * * MON-FRI @7",
                "warm_cache | AT_BOOT @reboot @11",
                "odd | UNKNOWN * * * * * with odd.every(5).hours() @13");
        assertThat(sink.jobs).allSatisfy(j -> {
            assertThat(j.user()).isEqualTo("reports");
            assertThat(j.attributes()).containsEntry("crontab.embeddedIn", "python-crontab script ops/install_cron.py");
        });
        assertThat(codes(sink)).containsExactly("PYS005", "PYS006", "PYS006", "PYS006", "PYS006");
        // a .new() in a file that never makes a CronTab is something else
        assertThat(run(new PythonCrontabDetector(), "other.py", "import crontab\nx = registry.new(command='a')\n").jobs)
                .isEmpty();
    }

    /**
     * Before: the CronTrigger object was read in the scheduler's configure(timezone=...) zone. APScheduler 3 gives the
     * scheduler's zone only to string triggers (add_job's _create_trigger sets it into their arguments); an object
     * without a timezone= of its own fires in the local zone (get_localzone(), checked on 3.9.1), the host's here,
     * and PYS002 says why.
     */
    @Test
    void apschedulerTriggersAndDecorators() {
        RecordingSink sink = run(new ApschedulerDetector(), "aps.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.interval import IntervalTrigger
                from apscheduler.triggers.cron import CronTrigger
                sched = BackgroundScheduler()
                sched.configure(timezone="America/Chicago")
                sched.add_job(sync, IntervalTrigger(hours=1, minutes=30))
                sched.add_job(report, CronTrigger(day_of_week=0, hour=6), id="monday_report", max_instances=3)
                sched.add_job(once, "date", run_date="2030-01-01")

                @sched.scheduled_job("interval", seconds=45)
                def poll():
                    pass
                """);
        assertThat(jobs(sink)).containsExactly(
                "sync | INTERVAL PT1H30M @6",
                "monday_report | CRON_APSCHEDULER 0 6 * * 1 @7",
                "once | EVENT once, at 2030-01-01 (a date trigger) @8",
                "poll | INTERVAL PT45S @10");
        assertThat(sink.jobs.get(1).overlap()).isEqualTo(dev.migrate.analyzers.model.Overlap.ALLOW);
        assertThat(codes(sink)).containsExactly("PYS002", "PYS002", "PYS002", "PYS002", "PYS005");
        assertThat(sink.findings).filteredOn(f -> f.message().contains("trigger object")).extracting(Finding::message)
                .containsExactly("APScheduler job monday_report (0 6 * * 1) runs inside a Python process, not an "
                        + "orchestrator; its trigger object names no timezone, so it fires in the local zone of the "
                        + "machine that runs the scheduler (read in the host's zone), not in the scheduler's "
                        + "timezone=America/Chicago: APScheduler 3 passes the scheduler's zone only to triggers named "
                        + "by a string ('cron', 'interval')");
        // must not change: a trigger object with its own zone, or an aware start_date's, keeps it; an interval
        // without a start does not depend on a zone, so nothing is said about it
        RecordingSink own = run(new ApschedulerDetector(), "own.py", """
                from datetime import datetime
                from zoneinfo import ZoneInfo
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger
                sched = BackgroundScheduler(timezone="America/Chicago")
                sched.add_job(a, CronTrigger(hour=6, timezone="Europe/Paris"))
                sched.add_job(b, CronTrigger(hour=7, start_date=datetime(2024, 1, 1, tzinfo=ZoneInfo("Asia/Tokyo"))))
                sched.add_job(c, CronTrigger.from_crontab("0 8 * * *"))
                """);
        assertThat(jobs(own)).containsExactly("a | CRON_APSCHEDULER 0 6 * * * [Europe/Paris] @6",
                "b | CRON_APSCHEDULER 0 7 * * * [Asia/Tokyo] @7", "c | CRON_APSCHEDULER 0 8 * * * @8");
        assertThat(own.findings).filteredOn(f -> f.message().contains("trigger object")).extracting(f -> f.where().line())
                .containsExactly(8);
        assertThat(sink.findings).filteredOn(f -> f.message().contains("trigger object"))
                .noneMatch(f -> f.message().contains("job sync"));
    }

    /** jitter= on add_job, on the decorator and on a trigger object: PYS012 at the value, as RandomizedDelaySec= is SYD002. */
    @Test
    void apschedulerJitterIsReported() {
        RecordingSink sink = run(new ApschedulerDetector(), "jit.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger
                sched = BackgroundScheduler()
                sched.add_job(sync, "cron", hour=2, jitter=300)
                nightly = CronTrigger(hour=3, jitter=90)
                sched.add_job(report, nightly)
                sched.add_job(ping, "interval", minutes=5, jitter=None)
                sched.add_job(tick, "interval", minutes=5, jitter=0)

                @sched.scheduled_job("interval", minutes=10, jitter=1.5)
                def poll():
                    pass
                """);
        List<Finding> jitter = sink.findings.stream().filter(f -> f.code().equals("PYS012")).toList();
        assertThat(jitter).extracting(f -> f.where().line() + ": " + f.message()).containsExactly(
                "4: APScheduler job sync has jitter=300: each run starts up to 300 seconds late at random; Prefect starts "
                        + "runs at the scheduled time",
                "5: APScheduler job report has jitter=90: each run starts up to 90 seconds late at random; Prefect starts "
                        + "runs at the scheduled time",
                "10: APScheduler job poll has jitter=1.5: each run starts up to 1.5 seconds late at random; Prefect "
                        + "starts runs at the scheduled time");
        assertThat(sink.jobs.stream().filter(j -> j.attributes().containsKey("apscheduler.jitterSeconds"))
                .map(j -> j.name() + " " + j.attributes().get("apscheduler.jitterSeconds")))
                .containsExactly("sync 300", "report 90", "poll 1.5");
        // the trigger's jitter is no cron field
        assertThat(jobs(sink)).contains("report | CRON_APSCHEDULER 0 3 * * * @6");
    }

    /**
     * add_job's jitter= beside a trigger object is never used (APScheduler 3 builds a trigger from add_job's keywords
     * only for a trigger named by a string), so the job runs on time: no PYS012 for it, the trigger's own jitter wins.
     */
    @Test
    void addJobJitterBesideATriggerObjectIsNotTheJobsJitter() {
        RecordingSink sink = run(new ApschedulerDetector(), "jit.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger
                sched = BackgroundScheduler()
                sched.add_job(sync, CronTrigger(hour=2), jitter=300)
                sched.add_job(report, CronTrigger(hour=3, jitter=90), jitter=600)
                sched.add_job(ping, "cron", hour=4, jitter=30)
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PYS012"))
                .extracting(f -> f.where().line() + ": " + f.message().substring(0, f.message().indexOf(':')))
                .containsExactly("5: APScheduler job report has jitter=90", "6: APScheduler job ping has jitter=30");
        assertThat(sink.jobs.stream().filter(j -> j.attributes().containsKey("apscheduler.jitterSeconds"))
                .map(j -> j.name() + " " + j.attributes().get("apscheduler.jitterSeconds")))
                .containsExactly("report 90", "ping 30");
    }

    /** trigger= written as a keyword, in add_job and in the decorator, and an interval counted from its start_date. */
    @Test
    void apschedulerTriggerByKeywordAndIntervalStart() {
        RecordingSink sink = run(new ApschedulerDetector(), "kw.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                sched = BlockingScheduler(timezone="Europe/Oslo")
                sched.add_job(func=export, trigger="interval", days=1, start_date="2025-01-06 03:15:00")
                sched.add_job(digest, trigger="cron", day_of_week="sun", hour=8, timezone="UTC")
                sched.add_job(ping, trigger="interval", minutes=10)

                @sched.scheduled_job(trigger="interval", hours=1, minutes=30)
                def poll():
                    pass
                """);
        assertThat(jobs(sink)).containsExactly(
                "export | INTERVAL R/2025-01-06T03:15+01:00/P1D @3",
                "digest | CRON_APSCHEDULER 0 8 * * 0 [UTC] @4",
                "ping | INTERVAL PT10M @5",
                "poll | INTERVAL PT1H30M @7");
        assertThat(codes(sink)).containsOnly("PYS002");
        // no zone: the start is the anchor in the local zone of the scheduler's machine, read in the host's (UTC
        // here) and not proven (ApschedulerStartAndVersion4Test has the cases)
        RecordingSink noZone = run(new ApschedulerDetector(), "nozone.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                s = BlockingScheduler()
                s.add_job(export, "interval", hours=6, start_date="2025-01-06 03:15:00")
                """);
        assertThat(jobs(noZone)).containsExactly("export | INTERVAL R/2025-01-06T03:15Z/PT6H @3");
        assertThat(noZone.jobs.get(0).schedules().get(0).zoneUnproven()).isTrue();
    }

    @Test
    void oneFunctionWithTwoTriggersIsTwoJobsWithIdsOfTheirOwn() {
        String single = "from apscheduler.schedulers.blocking import BlockingScheduler\ns = BlockingScheduler()\n"
                + "s.add_job(load, 'cron', hour=2)\n";
        RecordingSink one = run(new ApschedulerDetector(), "aps.py", single);
        RecordingSink two = run(new ApschedulerDetector(), "aps.py", single + "s.add_job(load, 'interval', minutes=30)\n"
                + "s.add_job(load, 'interval', minutes=30)\n");
        assertThat(two.jobs).extracting(j -> j.id()).doesNotHaveDuplicates().hasSize(3)
                .startsWith(one.jobs.get(0).id()); // the first keeps the id a single registration has
    }

    @Test
    void apschedulerMonthEndAndNthWeekdayJobsHaveCronForms() {
        RecordingSink sink = run(new ApschedulerDetector(), "aps.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler

                sched = BlockingScheduler(timezone="Europe/Berlin")

                def close_books():
                    pass

                sched.add_job(close_books, "cron", day="last", hour=23, minute=30)
                sched.add_job(close_books, "cron", day="1st mon", hour=6)
                """);
        assertThat(sink.jobs).extracting(j -> j.schedules().get(0).expression()).containsExactly("30 23 L * *", "0 6 * * 1#1");
    }

    /**
     * A scheduler whose timezone= is a setting read at run time fires its string crons in a zone the scan cannot prove;
     * its trigger objects never see that zone (before, the CronTrigger was not proven too), so they run in the host's.
     */
    @Test
    void apschedulerZoneFromASettingIsNotProven() {
        RecordingSink sink = run(new ApschedulerDetector(), "service.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger
                from config import Config

                class SchedulerService:
                    def __init__(self):
                        self.scheduler = BackgroundScheduler(timezone=Config.SCHEDULER_TIMEZONE)

                    def start(self, func):
                        self.scheduler.add_job(func, CronTrigger(day_of_week="mon", hour=9), id="weekly")
                        self.scheduler.add_job(func, "cron", hour=4, timezone="Europe/Oslo", id="oslo")
                """);
        assertThat(sink.jobs).extracting(j -> j.name() + " " + j.schedules().get(0).timezone() + " "
                + j.schedules().get(0).unproven())
                .containsExactly("weekly null null", "oslo Europe/Oslo null");
        assertThat(sink.findings.get(0).message()).contains("not in the scheduler's timezone=Config.SCHEDULER_TIMEZONE");
        RecordingSink string = run(new ApschedulerDetector(), "service.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from config import Config
                scheduler = BackgroundScheduler(timezone=Config.SCHEDULER_TIMEZONE)
                scheduler.add_job(func, "cron", day_of_week="mon", hour=9, id="weekly")
                """);
        assertThat(string.jobs.get(0).schedules().get(0).unproven()).isEqualTo("zone not read: the scheduler's "
                + "timezone=Config.SCHEDULER_TIMEZONE is computed when it runs; read in the host's zone here");
        // must not change: a named zone, tzlocal's (the host's) or none at all leave the reading proven
        for (String tz : List.of("\"Asia/Seoul\"", "tzlocal.get_localzone()")) {
            assertThat(run(new ApschedulerDetector(), "s.py", "import tzlocal\nfrom apscheduler.schedulers.blocking import "
                    + "BlockingScheduler\ns = BlockingScheduler(timezone=" + tz + ")\ns.add_job(f, 'cron', hour=2)\n")
                    .jobs.get(0).schedules().get(0).unproven()).isNull();
        }
    }

    @Test
    void apschedulerCronFieldsFollowItsDefaults() {
        assertThat(ApschedulerDetector.cron(java.util.Map.of("minute", "*/5"))).contains("*/5 * * * *");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "1"))).contains("0 0 1 * *");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day_of_week", "sat-sun", "hour", "8"))).contains("0 8 * * 6-7");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("second", "30"))).isEmpty();
        // APScheduler's last day and x-th weekday of the month are croniter's L and D#N (found by session 19's check)
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "last", "hour", "23"))).contains("0 23 L * *");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "2nd mon", "hour", "8"))).contains("0 8 * * 1#2");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "5th SUN"))).contains("0 0 * * 0#5");
        // forms croniter cannot say the same way stay without a five-field form
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "last fri", "hour", "18"))).contains("0 18 * * L5");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "1st mon,3rd mon"))).isEmpty();
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "last", "day_of_week", "fri"))).isEmpty();
        assertThat(ApschedulerDetector.cron(java.util.Map.of("day", "6th mon"))).isEmpty();
        // APScheduler's "start/step" runs from start to the field's end
        assertThat(ApschedulerDetector.cron(java.util.Map.of("minute", "0/15"))).contains("0-59/15 * * * *");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("hour", "6/4", "minute", "5"))).contains("5 6-23/4 * * *");
        assertThat(ApschedulerDetector.cron(java.util.Map.of("minute", "10-40/10,55"))).contains("10-40/10,55 * * * *");
    }

    @Test
    void sleepLoops() {
        RecordingSink sink = run(new SleepLoopDetector(), "poller.py", """
                from time import sleep
                PERIOD = 2 * 60

                def forever():
                    while True:
                        work()
                        sleep(PERIOD)

                def driver():
                    while True:
                        schedule.run_pending()
                        sleep(1)

                for i in range(3):
                    sleep(5)
                """);
        assertThat(jobs(sink)).containsExactly("poller.py | INTERVAL PT2M @7");
        assertThat(sink.jobs.get(0).overlap()).isEqualTo(dev.migrate.analyzers.model.Overlap.SKIP);
        assertThat(run(new SleepLoopDetector(), "x.py", "import time\nwhile queue:\n    time.sleep(1)\n").jobs).isEmpty();
        // a spinner's redraw loop is no schedule; a one-second poll still is a loop worth moving
        assertThat(jobs(run(new SleepLoopDetector(), "live.py", """
                import time
                while True:
                    redraw()
                    time.sleep(0.1)
                while not done:
                    poll()
                    time.sleep(1)
                """))).containsExactly("live.py | INTERVAL PT1S @7");
        // waiting with a growing delay, then leaving, is no schedule; a computed sleep in a loop that never
        // leaves still is one (its interval unknown), and so is a fixed sleep in a loop with a way out
        assertThat(jobs(run(new SleepLoopDetector(), "wait.py", """
                import time
                def wait(proc):
                    delay = 0.001
                    while True:
                        if proc.poll() is not None:
                            break
                        delay = min(delay * 2, 0.05)
                        time.sleep(delay)
                def serve(period):
                    while True:
                        for job in jobs():
                            if job.done:
                                break
                        time.sleep(period)
                def until_stopped():
                    while True:
                        if stopping():
                            return
                        sync()
                        time.sleep(600)
                """))).containsExactly("wait.py | UNKNOWN time.sleep(period) @14", "wait.py | INTERVAL PT10M @20");
    }

    /**
     * Loops that only keep a process alive or wait for something are no schedules (seen after an APScheduler
     * BackgroundScheduler's start() and in a client waiting for its server); one more call of work makes a job again.
     */
    @Test
    void loopsThatOnlySleepOrWaitToLeaveAreNoJobs() {
        assertThat(run(new SleepLoopDetector(), "keepalive.py", """
                import time
                scheduler.start()
                while True:
                    time.sleep(5)
                """).jobs).isEmpty();
        assertThat(run(new SleepLoopDetector(), "waiter.py", """
                import time
                def wait_ready(client):
                    while True:
                        if client.ready():
                            break
                        time.sleep(1)
                def wait_up(conn):
                    while True:
                        try:
                            if not conn.ping(timeout=2):
                                return
                            time.sleep(3)
                        except KeyboardInterrupt:
                            scheduler.shutdown()
                            break
                """).jobs).isEmpty();
        // must not change: the same loops with work in them stay home-made schedulers
        assertThat(jobs(run(new SleepLoopDetector(), "worker.py", """
                import time
                while True:
                    refresh()
                    time.sleep(5)
                def until_ready(client):
                    while True:
                        if client.ready():
                            break
                        client.nudge()
                        time.sleep(60)
                """))).containsExactly("worker.py | INTERVAL PT5S @4", "worker.py | INTERVAL PT1M @10");
    }

    /** A loop that wakes every minute and works when the clock says 02:00 runs daily, not every minute. */
    @Test
    void loopGatedByAClockTestHasNoInterval() {
        RecordingSink sink = run(new SleepLoopDetector(), "nightly.py", """
                import time
                from datetime import datetime
                while True:
                    now = datetime.now()
                    if now.hour == 2 and now.minute == 0:
                        sync()
                    time.sleep(60)
                """);
        assertThat(jobs(sink)).containsExactly(
                "nightly.py | UNKNOWN when now.hour == 2 and now.minute == 0 holds, checked after each PT1M @7");
        assertThat(sink.findings).extracting(f -> f.code()).containsExactly("PYS003", "PYS005");
        // must not change: a test of something else than the clock leaves the interval as it was
        assertThat(jobs(run(new SleepLoopDetector(), "queue.py", """
                import time
                while True:
                    if queue.size() > 0:
                        drain()
                    time.sleep(60)
                """))).containsExactly("queue.py | INTERVAL PT1M @5");
    }

    /** A worker that sleeps its period in the try block and backs off for a shorter time when a cycle fails. */
    @Test
    void sleepLoopIntervalIsNotTheErrorBackOff() {
        assertThat(jobs(run(new SleepLoopDetector(), "worker.py", """
                import time
                def main():
                    while True:
                        try:
                            sync()
                            time.sleep(300)
                        except Exception:
                            log.exception("sync failed")
                            time.sleep(10)
                """))).containsExactly("worker.py | INTERVAL PT5M @6");
        // the sleep after the try statement paces the loop as before; only a handler's own sleep is a back-off
        assertThat(jobs(run(new SleepLoopDetector(), "worker2.py", """
                import time
                def main():
                    while True:
                        try:
                            sync()
                        except Exception:
                            time.sleep(10)
                        time.sleep(120)
                """))).containsExactly("worker2.py | INTERVAL PT2M @8");
        // a loop whose only sleep is in a handler still sleeps between cycles when they fail: it stays a job
        assertThat(jobs(run(new SleepLoopDetector(), "worker3.py", """
                import time
                while True:
                    try:
                        sync()
                    except Exception:
                        time.sleep(30)
                """))).containsExactly("worker3.py | INTERVAL PT30S @6");
    }

    @Test
    void celeryBeatInModuleSettingsAndConfUpdate() {
        RecordingSink sink = run(new CeleryBeatDetector(), "celeryconfig.py", """
                from celery.schedules import crontab
                timezone = "Asia/Tokyo"
                CELERYBEAT_SCHEDULE = {
                    "weekly": {"task": "t.weekly", "schedule": crontab(hour=0, minute=0, day_of_week="sunday")},
                    "fast": {"task": "t.fast", "schedule": 10},
                    "solar": {"task": "t.sun", "schedule": solar("sunset", 35.6, 139.6)},
                }
                """);
        assertThat(jobs(sink)).containsExactly("weekly | CRON_CELERY 0 0 * * 0 [Asia/Tokyo] @4", "fast | INTERVAL PT10S @5",
                "solar | UNKNOWN solar(\"sunset\", 35.6, 139.6) [Asia/Tokyo] @6");
        RecordingSink update = run(new CeleryBeatDetector(), "app.py", """
                app.conf.update(beat_schedule={"every-minute": {"task": "t.m", "schedule": crontab()}})
                """);
        assertThat(jobs(update)).containsExactly("every-minute | CRON_CELERY * * * * * @1");
    }

    /** Before: nothing (the entries of a schedule a function builds for its caller were missed). */
    @Test
    void celeryBeatScheduleReturnedByAFunction() {
        RecordingSink sink = run(new CeleryBeatDetector(), "beat.py", """
                from datetime import timedelta
                from celery.schedules import crontab

                def get_beat_schedule():
                    return {
                        "refresh": {"task": "app.refresh", "schedule": timedelta(hours=2)},
                        "digest": {"task": "app.digest", "schedule": crontab(minute=15, hour="*/4")},
                    }

                def not_a_schedule():
                    return {"refresh": {"task": "app.refresh"}, "limits": {"max": 3}}
                """);
        assertThat(jobs(sink)).containsExactly("refresh | INTERVAL PT2H @6", "digest | CRON_CELERY 15 */4 * * * @7");
        assertThat(codes(sink)).containsExactly("PYS004", "PYS004", "PYS010");
        assertThat(sink.findings).anySatisfy(f -> assertThat(f.message())
                .startsWith("the beat schedule a function returns is written inside a function"));
    }

    /** celery.schedules.schedule() wraps an interval; a function of the project that happens to be named so does not. */
    @Test
    void celeryScheduleObjectIsItsInterval() {
        RecordingSink sink = run(new CeleryBeatDetector(), "beat.py", """
                from datetime import timedelta
                from celery.schedules import schedule
                from myapp.timing import schedule as plan
                beat_schedule = {
                    "ping": {"task": "t.ping", "schedule": schedule(run_every=timedelta(seconds=90))},
                    "sync": {"task": "t.sync", "schedule": schedule(timedelta(minutes=5))},
                    "odd": {"task": "t.odd", "schedule": plan(60)},
                }
                """);
        assertThat(jobs(sink)).containsExactly("ping | INTERVAL PT1M30S @5", "sync | INTERVAL PT5M @6", "odd | UNKNOWN plan(60) @7");
    }

    /**
     * Celery's crontab runs on a day only when it is in day_of_month AND in day_of_week (celery/schedules.py,
     * crontab.remaining_delta and _delta_to_next; celery/celery#4307), unlike Vixie cron, which runs on either.
     */
    @Test
    void celeryCrontabDayFieldsMustBothMatch() {
        RecordingSink sink = run(new CeleryBeatDetector(), "beat.py", """
                from celery.schedules import crontab
                beat_schedule = {
                    "first-monday": {"task": "t.report", "schedule": crontab(hour=7, minute=30, day_of_week=1, day_of_month='1-7')},
                }
                """);
        assertThat(jobs(sink)).containsExactly("first-monday | CRON_CELERY 30 7 1-7 * 1 @3");
        dev.migrate.analyzers.schedule.Schedule read = dev.migrate.analyzers.schedule.Schedules.interpret(
                sink.jobs.get(0).schedules().get(0), java.time.ZoneOffset.UTC);
        assertThat(dev.migrate.analyzers.schedule.FireTimes.source(read, java.time.Instant.parse("2026-11-21T00:00:00Z"), 4))
                .extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-12-07T07:30", "2027-01-04T07:30", "2027-02-01T07:30", "2027-03-01T07:30");
    }

    @Test
    void aBeatEntryWrittenTwiceInOneDictIsItsLastValue() {
        RecordingSink sink = run(new CeleryBeatDetector(), "beat.py", """
                from celery.schedules import crontab
                beat_schedule = {
                    "nightly": {"task": "t.nightly", "schedule": crontab(hour=2, minute=0)},
                    "hourly": {"task": "t.hourly", "schedule": 3600.0},
                    "nightly": {"task": "t.nightly", "schedule": crontab(hour=3, minute=0)},
                }
                """);
        assertThat(jobs(sink)).containsExactlyInAnyOrder("nightly | CRON_CELERY 0 3 * * * @5", "hourly | INTERVAL PT1H @4");
    }

    /**
     * Python runs a module's statements in order: a second {@code beat_schedule = {...}} replaces the dict (Celery reads
     * the setting once the module ran), {@code update()} and item assignment add to what is there, {@code del} removes.
     */
    @Test
    void aBeatScheduleAssignedTwiceIsTheLastOnePlusWhatIsAddedAfterIt() {
        RecordingSink sink = run(new CeleryBeatDetector(), "celeryconfig.py", """
                from celery import Celery
                from celery.schedules import crontab
                app = Celery("etl")
                app.conf.beat_schedule = {
                    "nightly": {"task": "t.nightly", "schedule": crontab(hour=2, minute=0)},
                    "old-report": {"task": "t.report", "schedule": 600.0},
                }
                app.conf.beat_schedule = {
                    "nightly": {"task": "t.nightly", "schedule": crontab(hour=3, minute=0)},
                    "gone": {"task": "t.gone", "schedule": 60},
                }
                app.conf.beat_schedule.update({"hourly": {"task": "t.hourly", "schedule": 3600}})
                app.conf.beat_schedule["weekly"] = {"task": "t.weekly", "schedule": crontab(minute=0, hour=6, day_of_week=1)}
                del app.conf.beat_schedule["gone"]
                """);
        assertThat(jobs(sink)).containsExactly("nightly | CRON_CELERY 0 3 * * * @9", "hourly | INTERVAL PT1H @12",
                "weekly | CRON_CELERY 0 6 * * 1 @13");
        assertThat(codes(sink)).containsOnly("PYS004");
        // conf.update(beat_schedule=...) replaces the setting as an assignment does; a module setting is read the same way
        RecordingSink update = run(new CeleryBeatDetector(), "app.py", """
                app.conf.beat_schedule = {"a": {"task": "t.a", "schedule": 60}}
                app.conf.update(beat_schedule={"b": {"task": "t.b", "schedule": 120}})
                """);
        assertThat(jobs(update)).containsExactly("b | INTERVAL PT2M @2");
        // the timezone crontab() is read in follows the same order: the last setting wins
        RecordingSink zone = run(new CeleryBeatDetector(), "app.py", """
                from celery import Celery
                app = Celery("etl", timezone="UTC")
                app.conf.timezone = "Europe/Paris"
                app.conf.update(timezone="America/Chicago")
                app.conf.beat_schedule = {"a": {"task": "t.a", "schedule": crontab(minute=0, hour=6)}}
                """);
        assertThat(jobs(zone)).containsExactly("a | CRON_CELERY 0 6 * * * [America/Chicago] @5");
        assertThat(jobs(run(new CeleryBeatDetector(), "app.py", """
                app = Celery("etl", timezone="Asia/Tokyo")
                app.conf.beat_schedule = {"a": {"task": "t.a", "schedule": crontab(minute=0, hour=6)}}
                """))).containsExactly("a | CRON_CELERY 0 6 * * * [Asia/Tokyo] @2");
        RecordingSink module = run(new CeleryBeatDetector(), "celeryconfig.py", """
                BASE = {"a": {"task": "t.a", "schedule": 60}}
                CELERYBEAT_SCHEDULE = {"old": {"task": "t.old", "schedule": 30}}
                CELERYBEAT_SCHEDULE = BASE
                CELERYBEAT_SCHEDULE.update(b={"task": "t.b", "schedule": 90})
                CELERYBEAT_SCHEDULE |= {"c": {"task": "t.c", "schedule": 45}}
                """);
        assertThat(jobs(module)).containsExactly("a | INTERVAL PT1M @1", "b | INTERVAL PT1M30S @4", "c | INTERVAL PT45S @5");
    }

    /** Where the order is not known from the text, every entry is kept and PYS010 says the set is not certain. */
    @Test
    void aBeatScheduleWrittenInsideAnIfOrFunctionIsKeptAndReported() {
        RecordingSink sink = run(new CeleryBeatDetector(), "celeryconfig.py", """
                import os
                app.conf.beat_schedule = {"nightly": {"task": "t.nightly", "schedule": 86400}}
                if os.environ.get("DEBUG"):
                    app.conf.beat_schedule = {"smoke": {"task": "t.smoke", "schedule": 300}}

                def add_extra():
                    app.conf.beat_schedule["extra"] = {"task": "t.extra", "schedule": 60}
                """);
        assertThat(jobs(sink)).containsExactly("nightly | INTERVAL P1D @2", "smoke | INTERVAL PT5M @4",
                "extra | INTERVAL PT1M @7");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PYS010")).extracting(f -> f.where().line() + " " + f.message())
                .containsExactly("4 app.conf.beat_schedule is written inside an if, so which beat entries are in effect depends "
                        + "on what runs: its entries are all listed, check them against the schedule the running beat loaded "
                        + "(beat -l debug logs it as \"Current schedule\")",
                        "7 app.conf.beat_schedule is written inside a function, so which beat entries are in effect depends "
                        + "on what runs: its entries are all listed, check them against the schedule the running beat loaded "
                        + "(beat -l debug logs it as \"Current schedule\")");
        // a module-level assignment after the conditional one replaces whatever it did: nothing is uncertain then
        RecordingSink replaced = run(new CeleryBeatDetector(), "celeryconfig.py", """
                try:
                    beat_schedule = {"a": {"task": "t.a", "schedule": 60}}
                except ImportError:
                    pass
                beat_schedule = {"b": {"task": "t.b", "schedule": 60}}
                """);
        assertThat(jobs(replaced)).containsExactly("b | INTERVAL PT1M @5");
        assertThat(codes(replaced)).containsOnly("PYS004");
    }

    /** Django settings read with namespace="CELERY" name the schedule CELERY_BEAT_SCHEDULE (before: not found at all). */
    @Test
    void djangoStyleCeleryBeatSchedule() {
        RecordingSink sink = run(new CeleryBeatDetector(), "proj/settings.py", """
                from celery.schedules import crontab
                CELERY_TIMEZONE = "Europe/Madrid"
                CELERY_BEAT_SCHEDULE = {"report": {"task": "proj.tasks.report", "schedule": crontab(minute=0, hour=8)}}
                """);
        assertThat(jobs(sink)).containsExactly("report | CRON_CELERY 0 8 * * * [Europe/Madrid] @3");
        // a look-alike name is not a beat setting
        assertThat(run(new CeleryBeatDetector(), "x.py", "MY_BEAT_SCHEDULE = {\"a\": {\"task\": \"t\", \"schedule\": 5}}\n").jobs)
                .isEmpty();
    }

    /** A config class runs its body in order, so it is read like a module and needs no PYS010. */
    @Test
    void aBeatScheduleInAConfigClassIsReadInOrderWithoutFinding() {
        RecordingSink sink = run(new CeleryBeatDetector(), "config.py", """
                class CeleryConfig:
                    timezone = "Europe/Berlin"
                    beat_schedule = {"x": {"task": "t.x", "schedule": 10}}
                    beat_schedule = {"y": {"task": "t.y", "schedule": crontab(minute=5)}}
                """);
        assertThat(jobs(sink)).containsExactly("y | CRON_CELERY 5 * * * * [Europe/Berlin] @4");
        assertThat(codes(sink)).containsExactly("PYS004");
        assertThat(jobs(run(new CeleryBeatDetector(), "config.py",
                "class C: beat_schedule = {\"z\": {\"task\": \"t.z\", \"schedule\": 30}}\n"))).containsExactly("z | INTERVAL PT30S @1");
    }

    @Test
    void prefect1FlowsInBothStyles() {
        RecordingSink sink = run(new Prefect1FlowDetector(), "flows/etl.py", """
                from prefect import Flow, task
                from prefect.schedules import Schedule, clocks, filters
                from prefect.run_configs import LocalRun
                import pendulum

                sched = Schedule(clocks=[clocks.CronClock("0 6 * * *", start_date=pendulum.datetime(2021, 1, 1, tz="US/Eastern"))],
                                 filters=[filters.is_weekday])
                flow = Flow("etl", schedule=sched)
                flow.run_config = LocalRun(labels=["dev"])
                flow.register(project_name="p")

                with Flow("adhoc") as f2:
                    pass
                """);
        assertThat(jobs(sink)).containsExactly("etl | CRON_PREFECT 0 6 * * * [US/Eastern] @6", "adhoc |  @12");
        assertThat(sink.jobs.get(0).attributes()).containsEntry("run_config", "LocalRun")
                .containsEntry("schedule.filters", "[filters.is_weekday]");
        assertThat(codes(sink)).containsExactly("PF102", "PF102", "PF107", "PF108", "PF112");
        assertThat(sink.findings.stream().filter(f -> f.code().equals("PF107")).findFirst().orElseThrow().message())
                .startsWith("flow etl's schedule has filters=[filters.is_weekday]: Prefect 3 schedules have no filters, so "
                        + "the converted schedule also fires at times Prefect 1 skipped");
        assertThat(run(new Prefect1FlowDetector(), "x.py", "from tensorflow import Flow\nFlow('a')\n").jobs).isEmpty();
    }

    @Test
    void prefect1SchedulesImportedFromAProjectModuleAreReadThere() {
        ScanFile schedules = new ScanFile("jobs/schedules.py", """
                from datetime import timedelta
                from prefect.schedules import CronSchedule, IntervalSchedule

                EVERY = timedelta(hours=2)
                every_two_hours = IntervalSchedule(interval=EVERY)
                nightly = CronSchedule("0 3 * * *")
                """);
        ScanFile flows = new ScanFile("jobs/flows.py", """
                from prefect import Flow
                from .schedules import nightly
                import schedules
                from vendor.calendars import business_days

                with Flow("nightly", schedule=nightly) as a:
                    pass

                b = Flow("often", schedule=schedules.every_two_hours)
                c = Flow("vendored", schedule=business_days)
                """);
        RecordingSink sink = run(new Prefect1FlowDetector(), flows, schedules);
        assertThat(jobs(sink)).containsExactly("nightly | CRON_PREFECT 0 3 * * * @6", "often | INTERVAL R/2019-01-01T00:00Z/PT2H @9",
                "vendored | UNKNOWN business_days @10");
        assertThat(sink.jobs.stream().filter(j -> j.name().equals("nightly")).findFirst().orElseThrow().schedules().get(0).where().toString()).startsWith("jobs/schedules.py:6");
        assertThat(sink.findings.stream().map(f -> f.message()).filter(m -> m.contains("vendored")).toList())
                .containsExactly("Prefect 1 flow vendored scheduled business_days");
    }

    @Test
    void prefect1FlowsMadeWithTheProjectsFlowSubclassesAreFlows() {
        ScanFile base = new ScanFile("common/flows.py", """
                import prefect


                class TeamFlow(prefect.Flow):
                    pass


                class AuditedFlow(TeamFlow):
                    pass
                """);
        ScanFile local = new ScanFile("etl/local.py", """
                from prefect import Flow, task
                from prefect.schedules import CronSchedule


                class LocalFlow(Flow):
                    pass


                with LocalFlow("local", schedule=CronSchedule("0 4 * * *")) as flow:
                    pass
                """);
        ScanFile shared = new ScanFile("etl/shared.py", """
                from prefect import task
                from common.flows import AuditedFlow
                from pandas import DataFrame

                frame = DataFrame()
                with AuditedFlow("audited") as flow:
                    pass
                """);
        RecordingSink sink = run(new Prefect1FlowDetector(), shared, base, local);
        assertThat(jobs(sink)).containsExactly("local | CRON_PREFECT 0 4 * * * @9", "audited |  @6");
        assertThat(sink.jobs).extracting(j -> j.attributes().get("flow_class")).containsExactlyInAnyOrder("LocalFlow", "AuditedFlow");
        assertThat(sink.findings).extracting(f -> f.message()).contains(
                "Prefect 1 flow audited (made with AuditedFlow, a subclass of Prefect 1's Flow) (no schedule)");
    }

    // the rewrite notes a Deployment without a pool as PF211 and pins enforce_parameter_schema under BHV004: scan
    // reports the same constructs under the same codes, as it does for deployment.yaml and prefect.yaml
    @Test
    void aDeploymentWithoutPoolOrSchemaSettingIsReportedAsTheRewriteNotesIt() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "deploy.py", """
                from prefect.deployments import Deployment
                from flows import etl

                Deployment.build_from_flow(etl, "queue-only", work_queue_name="ml", parameters={"day": 1}, apply=True)
                Deployment.build_from_flow(etl, "pooled", work_pool_name="etl-pool", parameters={}, apply=True)
                Deployment.build_from_flow(etl, "stated", work_pool_name="etl-pool", parameters={"day": 1},
                                           enforce_parameter_schema=False, apply=True)
                Deployment.build_from_flow(etl, "unpacked", **settings, apply=True)

                def build(env):
                    return Deployment.build_from_flow(etl, "per-env", work_queue_name=env, apply=True)
                """);
        // found by the Prefect 2 Python sweep: a deployment script's function building one deployment per environment
        // takes the queue as a parameter, which the finding called 'default'
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF211")).extracting(Finding::message)
                .containsExactly("deployment etl/queue-only uses work queue 'ml' without a work pool (agent model)",
                        "deployment etl/per-env uses the work queue env names without a work pool (agent model)");
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV004")).extracting(Finding::message)
                .containsExactly("deployment etl/queue-only has parameters but no enforce_parameter_schema; Prefect 3 "
                        + "enforces the schema by default");
        assertThat(sink.jobs).allMatch(j -> j.attributes().keySet().stream().noneMatch(k -> k.startsWith("finding.")));
    }

    @Test
    void prefect2DeploymentsGetTheirFlowNameFromAnotherFile() {
        ScanFile flowFile = new ScanFile("pipelines/etl.py", """
                from prefect import flow

                @flow(name="Nightly ETL")
                def etl():
                    pass

                @flow
                def refresh_marts():
                    pass
                """);
        ScanFile deploy = new ScanFile("deploy/build.py", """
                from prefect.deployments import Deployment
                from prefect.server.schemas.schedules import RRuleSchedule
                from prefect.filesystems import S3
                from pipelines.etl import etl, refresh_marts as marts

                d = Deployment(name="prod", flow_name="Nightly ETL", schedule=RRuleSchedule(rrule="FREQ=DAILY"))
                d.apply()
                Deployment.build_from_flow(marts, "marts", storage=S3.load("code"), is_schedule_active=False)
                """);
        RecordingSink sink = run(new PrefectDeploymentDetector(), flowFile, deploy);
        assertThat(jobs(sink)).containsExactly("Nightly ETL/prod | RRULE FREQ=DAILY @6", "refresh-marts/marts |  @8");
        assertThat(sink.jobs).allMatch(j -> j.kind() == dev.migrate.analyzers.model.JobKind.PREFECT2_DEPLOYMENT);
        assertThat(sink.jobs.get(0).attributes()).containsEntry("deployment.applied", "true");
        assertThat(sink.jobs.get(1).attributes()).containsEntry("paused", "true").containsEntry("deployment.applied", "false");
        assertThat(codes(sink)).containsExactly("PF206", "PF211", "PF211", "PF214", "PF214");
        // a loaded block is named by its class and saved name (the message said "storage block load")
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF206")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("storage block S3 'code';"));
    }

    @Test
    void prefect3ServeAndDeployAreMigrated() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "flows/main.py", """
                from datetime import timedelta
                from prefect import flow, serve
                from prefect.schedules import Cron

                @flow(log_prints=True)
                def hello_world():
                    pass

                if __name__ == "__main__":
                    a = hello_world.to_deployment(name="a", interval=timedelta(minutes=10))
                    hello_world.deploy(name="b", work_pool_name="k8s", schedules=[Cron("0 1 * * *", timezone="Asia/Kolkata")])
                    serve(a)
                """);
        assertThat(jobs(sink)).containsExactly("hello-world/a | INTERVAL PT10M @10",
                "hello-world/b | CRON_PREFECT 0 1 * * * [Asia/Kolkata] @11");
        assertThat(sink.jobs).allMatch(j -> j.kind() == dev.migrate.analyzers.model.JobKind.PREFECT3_DEPLOYMENT);
        assertThat(codes(sink)).containsExactly("PF290", "PF290");
    }

    /**
     * {@code active=False} on a 3.x schedule object, on a {@code DeploymentScheduleCreate}, or as the wrapped dict's
     * {@code "active": False} keeps the schedule, paused, beside the ones that run.
     */
    @Test
    void aPrefectScheduleObjectWithActiveFalseIsPaused() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "flows/main.py", """
                from prefect import flow
                from prefect.schedules import Cron, Interval

                @flow
                def etl():
                    pass

                if __name__ == "__main__":
                    etl.deploy(name="a", work_pool_name="p", schedules=[Cron("0 6 * * *"), Interval(3600, active=False)])
                    etl.deploy(name="b", work_pool_name="p", schedules=[{"schedule": Cron("0 7 * * *"), "active": False}])
                """);
        assertThat(sink.jobs).hasSize(2);
        assertThat(sink.jobs.get(0).schedules()).extracting(s -> s.expression() + (s.paused() ? " paused" : ""))
                .containsExactly("0 6 * * *", "PT1H paused");
        assertThat(sink.jobs.get(1).schedules()).extracting(s -> s.expression() + (s.paused() ? " paused" : ""))
                .containsExactly("0 7 * * * paused");
        assertThat(sink.jobs).allMatch(j -> !j.attributes().containsKey("paused"));
    }

    /**
     * An Interval's anchor_date (a string or a naive datetime of literals) is carried as the instant it counts from: a
     * naive one as UTC, marked in a zone other than UTC for the job's Prefect version (NaiveAnchorResolver reads it).
     */
    @Test
    void prefectIntervalAnchorIsCarried() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "flows/main.py", """
                from datetime import datetime, timedelta
                from prefect import flow
                from prefect.schedules import Interval

                @flow
                def etl():
                    pass

                if __name__ == "__main__":
                    etl.deploy(name="a", work_pool_name="p", schedules=[Interval(3600, "2024-05-01T02:00:00", timezone="America/New_York")])
                    etl.deploy(name="b", work_pool_name="p", schedules=[Interval(timedelta(days=1), anchor_date=datetime(2024, 5, 1, 6, 30))])
                    etl.deploy(name="c", work_pool_name="p", schedules=[Interval(3600, anchor_date=start_of_shift())])
                """);
        assertThat(jobs(sink)).containsExactly("etl/a | INTERVAL R/2024-05-01T02:00Z/PT1H [America/New_York] @10",
                "etl/b | INTERVAL R/2024-05-01T06:30Z/P1D @11", "etl/c | INTERVAL PT1H @12");
        assertThat(sink.jobs).extracting(j -> dev.migrate.analyzers.schedule.NaiveAnchors.pending(j.schedules().get(0)))
                .containsExactly(true, false, false);
        assertThat(sink.jobs.get(2).attributes()).containsEntry("schedule.anchor_date", "start_of_shift()");
    }

    @Test
    void aFlowDeployedFromSourceIsNamedByItsOwnDecorator() {
        ScanFile flow = new ScanFile("pipelines/collect/main.py", """
                from prefect import flow

                @flow(name="Collect tweets")
                def collect(keywords):
                    return keywords
                """);
        ScanFile deploy = new ScanFile("deploy.py", """
                from pathlib import Path
                from prefect.schedules import Cron
                from pipelines.collect.main import collect

                collect.from_source(source=str(Path(__file__).parent), entrypoint="pipelines/collect/main.py:collect")\
                    .deploy(name="hourly", schedules=[Cron("0 * * * *")])
                """);
        assertThat(run(new PrefectDeploymentDetector(), flow, deploy).jobs).extracting(Job::name)
                .containsExactly("Collect tweets/hourly");
        // an entrypoint whose file was not scanned keeps Prefect's default name
        assertThat(run(new PrefectDeploymentDetector(), deploy).jobs).extracting(Job::name)
                .containsExactly("collect/hourly");
    }

    // `entrypoint = f"flows/etl.py:main"`, an f-string without a field, was no constant: the deployment's flow was
    // named "flow" and its file never looked up
    @Test
    void anFStringWithoutFieldsIsAConstantEntrypoint() {
        ScanFile flow = new ScanFile("flows/etl.py", """
                from prefect import flow

                @flow(name="Nightly ETL")
                def main():
                    pass
                """);
        ScanFile deploy = new ScanFile("deploy.py", """
                from prefect import flow

                ENTRYPOINT = f"flows/etl.py:main"
                flow.from_source(source=".", entrypoint=ENTRYPOINT).deploy(name="nightly", cron="0 3 * * *")
                flow.from_source(source=".", entrypoint=rf'flows/etl.py:' f"main").deploy(name="joined", cron="0 4 * * *")
                """);
        assertThat(run(new PrefectDeploymentDetector(), flow, deploy).jobs).extracting(Job::name)
                .containsExactly("Nightly ETL/nightly", "Nightly ETL/joined");
        // a field makes the value known only at run time, unless it names a module constant holding a literal;
        // doubled braces are literal braces
        ScanFile computed = new ScanFile("deploy.py", """
                import os
                from prefect import flow

                NAME = "etl"
                flow.from_source(source=".", entrypoint=f"flows/{NAME}.py:main").deploy(name="constant", cron="0 3 * * *")
                flow.from_source(source=".", entrypoint=f"flows/{os.environ['NAME']}.py:main").deploy(name="computed")
                """);
        assertThat(run(new PrefectDeploymentDetector(), flow, computed).jobs).extracting(Job::name)
                .containsExactly("Nightly ETL/constant", "flow/computed");
        PythonModule m = PythonModule.parse(new ScanFile("x.py", "A = f'{{a}}\\\\t:b'\nB = f'{A}'\n"));
        assertThat(m.string(m.constant("A").orElseThrow())).contains("{a}\\t:b");
        assertThat(m.string(m.constant("B").orElseThrow())).isEmpty();
    }

    // a supervisor script kept a Prefect 2 agent up through subprocess: scan read only shell scripts' commands, so
    // the agent Prefect 3 no longer has was missing from the inventory
    @Test
    void prefectCommandsRunThroughSubprocessAreReportedAsInScripts() {
        RecordingSink sink = run(new PrefectCliInPythonDetector(), "ops/keep_agent.py", """
                import os
                import shlex
                import subprocess as sp
                import sys
                from subprocess import run

                QUEUE = "etl"
                AGENT = ["prefect", "agent", "start", "-q", QUEUE]

                def main(pool):
                    sp.check_call([sys.executable, "-m", "prefect", "agent", "start", "--work-queue", pool])
                    run(AGENT, check=True)
                    os.system("prefect deployment build flows/etl.py:etl -n nightly -q etl --cron '0 3 * * *' -a")
                    sp.Popen(shlex.split("/opt/venv/bin/prefect agent start -q reports"))
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line() + ":" + f.where().column())
                .containsExactlyInAnyOrder("PF203 11:19", "PF203 12:9", "PF201 13:15", "PF211 13:15", "PF203 14:14");
        assertThat(sink.jobs).extracting(j -> j.kind().slug() + " " + j.name() + " | " + j.command())
                .containsExactlyInAnyOrder(
                        "prefect-agent agent {pool} | prefect agent start --work-queue {pool}",
                        "prefect-agent agent etl | prefect agent start -q etl",
                        "prefect2 nightly | prefect deployment build flows/etl.py:etl -n nightly -q etl --cron '0 3 * * *' -a",
                        "prefect-agent agent reports | /opt/venv/bin/prefect agent start -q reports");
        assertThat(sink.jobs).filteredOn(j -> j.name().equals("nightly")).singleElement()
                .satisfies(j -> assertThat(j.schedules()).extracting(s -> s.expression()).containsExactly("0 3 * * *"));
    }

    @Test
    void subprocessCallsThatRunNoPrefectCommandAreNotReported() {
        RecordingSink sink = run(new PrefectCliInPythonDetector(), "ops/tools.py", """
                import subprocess

                subprocess.run(["prefect", "version"])
                subprocess.run(["echo", "prefect agent start"])
                subprocess.run(["prefect", "worker", "start", "--pool", "etl"])
                subprocess.run([*BASE, "agent", "start"])
                print("prefect agent start -q etl")
                """);
        assertThat(sink.findings).extracting(f -> f.code()).containsExactly("PF291");
        assertThat(sink.jobs).extracting(j -> j.kind().slug()).containsExactly("prefect-worker");
    }

    // a scheduler class registers its jobs through a helper that applies common options: scan reported the helper's
    // add_job as one job "func (trigger)" and none of the jobs it registers
    @Test
    void jobsRegisteredThroughAnAddJobHelperAreTheHelpersCalls() {
        RecordingSink sink = run(new ApschedulerDetector(), "app/scheduler.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger
                from apscheduler.triggers.interval import IntervalTrigger

                class Jobs:
                    def __init__(self):
                        self.scheduler = BackgroundScheduler(timezone="Asia/Seoul")
                        self._add_job(self.collect, CronTrigger(hour=6, minute=0), "collect", "Collect")
                        self._add_job(self.refresh, IntervalTrigger(hours=6), job_id="refresh", name="Refresh")

                    def _add_job(self, func, trigger, job_id, name, jitter=None):
                        self.scheduler.add_job(func, trigger, id=job_id, name=name, jitter=jitter, max_instances=1)

                def every_five_minutes(fn):
                    sched.add_job(fn, "interval", minutes=5)

                every_five_minutes(ping)
                """);
        // the CronTrigger object is built without a zone: the local one, not the scheduler's Asia/Seoul
        assertThat(jobs(sink)).containsExactly("collect | CRON_APSCHEDULER 0 6 * * * @8",
                "refresh | INTERVAL PT6H @9", "ping | INTERVAL PT5M @17");
        // a helper nobody in the file calls keeps its add_job, which is all the file shows
        RecordingSink uncalled = run(new ApschedulerDetector(), "app/helpers.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                sched = BackgroundScheduler()
                def register(fn, trigger):
                    sched.add_job(fn, trigger)
                """);
        assertThat(jobs(uncalled)).containsExactly("fn | UNKNOWN trigger @4");
    }

    /**
     * Found by the sweep (a Django management command polling a button): a CronTrigger given only an every-10-seconds
     * second field was an unknown schedule, though it fires at the instants of an interval of 10 seconds.
     */
    @Test
    void aCronTriggerOfEveryNthSecondIsAnInterval() {
        RecordingSink sink = run(new ApschedulerDetector(), "poll.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger
                s = BlockingScheduler()
                s.add_job(read_btn, trigger=CronTrigger(second="*/10"))
                s.add_job(tick, "cron", second="*")
                s.add_job(odd, "cron", second="*/7")
                s.add_job(late, "cron", minute="*/5", second="*/10")
                """);
        assertThat(jobs(sink)).containsExactly("read_btn | INTERVAL PT10S @4", "tick | INTERVAL PT1S @5",
                "odd | UNKNOWN cron(second=*/7) @6", "late | UNKNOWN cron(minute=*/5, second=*/10) @7");
    }

    /**
     * Before: the first scheduler's timezone= was every job's, so the jobs of a second scheduler without a zone (which
     * run in the host's) were read in the first one's zone.
     */
    @Test
    void aSchedulersZoneIsOnlyItsOwnJobs() {
        RecordingSink sink = run(new ApschedulerDetector(), "two.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.schedulers.blocking import BlockingScheduler

                reports = BackgroundScheduler(timezone="America/New_York")
                local = BlockingScheduler()
                reports.add_job(daily_report, "cron", hour=7)
                local.add_job(rotate_logs, "cron", hour=1)

                @reports.scheduled_job("cron", day_of_week="mon", hour=8)
                def weekly():
                    pass

                @local.scheduled_job("cron", minute=15)
                def tick():
                    pass
                """);
        assertThat(jobs(sink)).containsExactly("daily_report | CRON_APSCHEDULER 0 7 * * * [America/New_York] @6",
                "rotate_logs | CRON_APSCHEDULER 0 1 * * * @7", "weekly | CRON_APSCHEDULER 0 8 * * 1 [America/New_York] @9",
                "tick | CRON_APSCHEDULER 15 * * * * @13");
        // configure(timezone=...) on one object is that scheduler's zone, not the other's
        RecordingSink configured = run(new ApschedulerDetector(), "conf.py", """
                from apscheduler.schedulers.background import BackgroundScheduler
                a = BackgroundScheduler()
                b = BackgroundScheduler()
                b.configure(timezone="Asia/Tokyo")
                a.add_job(one, "cron", hour=2)
                b.add_job(two, "cron", hour=3)
                """);
        assertThat(jobs(configured)).containsExactly("one | CRON_APSCHEDULER 0 2 * * * @5",
                "two | CRON_APSCHEDULER 0 3 * * * [Asia/Tokyo] @6");
        // must not change: the module's only scheduler still reaches a job added through a parameter
        RecordingSink only = run(new ApschedulerDetector(), "only.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler

                def register(s):
                    s.add_job(nightly, "cron", hour=4)

                scheduler = BlockingScheduler(timezone="Europe/Paris")
                register(scheduler)
                """);
        assertThat(jobs(only)).containsExactly("nightly | CRON_APSCHEDULER 0 4 * * * [Europe/Paris] @4");
    }

    // `BackgroundScheduler(timezone=timezone.utc)`: APScheduler takes zone objects as well as names; only names were
    // read, so the crons were read in the host's zone
    @Test
    void apschedulerZonesGivenAsObjectsAreRead() {
        RecordingSink sink = run(new ApschedulerDetector(), "worker.py", """
                from datetime import timezone
                import pytz
                from zoneinfo import ZoneInfo
                from apscheduler.schedulers.background import BackgroundScheduler
                from apscheduler.triggers.cron import CronTrigger

                s = BackgroundScheduler(daemon=True, timezone=timezone.utc)
                s.add_job(a, "cron", hour=1)
                s.add_job(b, CronTrigger(hour=2, timezone=pytz.timezone("America/Chicago")))
                s.add_job(c, CronTrigger.from_crontab("0 3 * * *", timezone=ZoneInfo("Asia/Tokyo")))
                s.add_job(d, "cron", hour=4, timezone=get_zone())
                """);
        assertThat(jobs(sink)).containsExactly("a | CRON_APSCHEDULER 0 1 * * * [UTC] @8",
                "b | CRON_APSCHEDULER 0 2 * * * [America/Chicago] @9", "c | CRON_APSCHEDULER 0 3 * * * [Asia/Tokyo] @10",
                "d | CRON_APSCHEDULER 0 4 * * * [UTC] @11");
    }

    /** Found by the sweep (a public market-close job): the trigger built into a local name was an unknown schedule. */
    @Test
    void aTriggerAFunctionBuildsIntoALocalNameIsRead() {
        RecordingSink sink = run(new ApschedulerDetector(), "scheduler.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger
                from zoneinfo import ZoneInfo

                import main


                def start():
                    tz = ZoneInfo("Asia/Seoul")
                    scheduler = BlockingScheduler(timezone=tz)
                    trigger = CronTrigger(day_of_week="mon-fri", hour=16, minute=5, timezone=tz)
                    scheduler.add_job(main.main, trigger)
                    scheduler.start()
                """);
        assertThat(jobs(sink)).containsExactly("main.main | CRON_APSCHEDULER 5 16 * * 1-5 [Asia/Seoul] @12");
        RecordingSink twice = run(new ApschedulerDetector(), "twice.py", """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger

                def start(flag):
                    trigger = CronTrigger(hour=1)
                    if flag:
                        trigger = CronTrigger(hour=2)
                    s = BlockingScheduler()
                    s.add_job(other, trigger)
                """);
        assertThat(jobs(twice)).containsExactly("other | UNKNOWN trigger @9"); // which assignment runs is not in the source
    }

    // a date trigger fires once; it was an unknown schedule, as if it repeated in a way scan could not read
    @Test
    void apschedulerDateTriggersFireOnce() {
        RecordingSink sink = run(new ApschedulerDetector(), "bot.py", """
                import datetime
                from apscheduler.schedulers.asyncio import AsyncIOScheduler
                from apscheduler.triggers.date import DateTrigger

                scheduler = AsyncIOScheduler()
                scheduler.add_job(warm_cache, "date")
                scheduler.add_job(launch, "date", run_date="2026-12-01 09:00:00")
                scheduler.add_job(remind, DateTrigger(datetime.datetime.now() + datetime.timedelta(minutes=55)))
                scheduler.add_job(refresh)
                """);
        assertThat(jobs(sink)).containsExactly(
                "warm_cache | AT_BOOT date trigger without run_date: once, when the scheduler starts @6",
                "launch | EVENT once, at 2026-12-01 09:00:00 (a date trigger) @7",
                "remind | EVENT once, at a time the code computes (a date trigger: datetime.datetime.now() + "
                        + "datetime.timedelta(minutes=55)) @8",
                "refresh | AT_BOOT no trigger: once, when the scheduler starts @9");
    }

    @Test
    void deployingToPrefect2sDefaultAgentPoolIsBhv005() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "deploy.py", """
                from prefect import flow

                if __name__ == "__main__":
                    flow.from_source(source=".", entrypoint="flow.py:main_flow").deploy(
                        name="weather", work_pool_name="default-agent-pool", cron="*/5 * * * *")
                    flow.from_source(source=".", entrypoint="flow.py:other").deploy(
                        name="other", work_pool_name="process-pool", cron="0 * * * *")
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV005")).extracting(f -> f.where().line() + " " + f.message())
                .containsExactly("4 deployment main-flow/weather targets default-agent-pool, a prefect-agent pool that "
                        + "Prefect 3 workers refuse");
    }

    @Test
    void isScheduleActiveOnServeOrDeployIsATypeErrorInPrefect3() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "flows/etl.py", """
                from prefect import flow

                @flow
                def etl():
                    pass

                if __name__ == "__main__":
                    etl.serve(name="nightly", cron="0 2 * * *", is_schedule_active=False)
                    etl.deploy(name="prod", work_pool_name="k8s", paused=True)
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF220")).extracting(f -> f.where().line() + " " + f.message())
                .containsExactly("8 serve(is_schedule_active=...) raises TypeError in Prefect 3, whose serve takes paused= (the inverse)");
    }

    @Test
    void importsFromEarlyPrefect2PackagesAreReportedThough220LackedThem() {
        // 2.0-2.9 code: prefect.orion and prefect.infrastructure.docker were gone before 2.20, and are in no 3.x
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect.orion.schemas.states import Completed
                from prefect.infrastructure.docker import DockerContainer
                from prefect.orionette import nothing
                from prefect.settings import PREFECT_ORION_API_URL, PREFECT_API_URL
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message() + " @" + f.where().line()).containsExactly(
                "PF216 prefect.orion.schemas.states.Completed does not exist in Prefect 3 (prefect.orion was the early 2.x "
                        + "name of prefect.server) @1",
                "PF205 prefect.infrastructure.docker.DockerContainer does not exist in Prefect 3: infrastructure blocks "
                        + "became work pools; create one of type docker (prefect work-pool create NAME --type docker) and "
                        + "pass the block's fields as the deployments' job variables (prefect.infrastructure.docker was the "
                        + "early 2.x name of prefect.infrastructure.container) @2",
                "PF216 prefect.settings.PREFECT_ORION_API_URL does not exist in Prefect 3 (prefect.settings.PREFECT_ORION_* "
                        + "was how Prefect 2.0-2.8.0 named the PREFECT_SERVER_* and PREFECT_API_* settings) @4");
    }

    /** Before: PF216 for all four, while the rewrite notes the blocks a script builds as PF205 and PF206. */
    @Test
    void blockClassesAScriptBuildsAreReportedAsTheRewriteNotesThem() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "blocks/save_blocks.py", """
                from prefect.filesystems import S3, LocalFileSystem
                from prefect.infrastructure import KubernetesJob
                from prefect.agent import PrefectAgent

                S3(bucket_path="lake/flows").save("code")
                KubernetesJob(image="etl:2", namespace="data").save("k8s")
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message() + " @" + f.where().line()).containsExactly(
                "PF206 prefect.filesystems.S3 does not exist in Prefect 3: its integration's block prefect_aws.S3Bucket "
                        + "replaces it (fields renamed, and code that loads the block by name loads that type) @1",
                "PF205 prefect.infrastructure.KubernetesJob does not exist in Prefect 3: infrastructure blocks became work "
                        + "pools; create one of type kubernetes (prefect work-pool create NAME --type kubernetes) and pass "
                        + "the block's fields as the deployments' job variables @2",
                "PF216 prefect.agent.PrefectAgent does not exist in Prefect 3 @3");
    }

    /**
     * The integrations' infrastructure blocks, by module path or from the package's top, are PF205 with the pool
     * type that replaces each; a script that only saves one (no prefect import) is read too. Their other names stay.
     */
    @Test
    void integrationInfrastructureBlocksAreReportedWithTheirPoolType() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "infra/save_blocks.py", """
                from prefect_aws.ecs import ECSTask
                from prefect_aws import AwsCredentials, S3Bucket
                from prefect_gcp import CloudRunJob
                from prefect_gcp.aiplatform import VertexAICustomTrainingJob
                from prefect_azure.container_instance import AzureContainerInstanceJob as Aci

                ECSTask(cluster="etl", cpu=512).save("ecs-etl")
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message() + " @" + f.where().line()).containsExactly(
                "PF205 prefect_aws.ecs.ECSTask does not exist in the prefect-aws releases for Prefect 3: infrastructure "
                        + "blocks became work pools; create one of type ecs (prefect work-pool create NAME --type ecs) and "
                        + "pass the block's fields as the deployments' job variables @1",
                "PF205 prefect_gcp.CloudRunJob does not exist in the prefect-gcp releases for Prefect 3: infrastructure "
                        + "blocks became work pools; create one of type cloud-run (prefect work-pool create NAME --type "
                        + "cloud-run) and pass the block's fields as the deployments' job variables @3",
                "PF205 prefect_gcp.aiplatform.VertexAICustomTrainingJob does not exist in the prefect-gcp releases for "
                        + "Prefect 3: infrastructure blocks became work pools; create one of type vertex-ai (prefect "
                        + "work-pool create NAME --type vertex-ai) and pass the block's fields as the deployments' job "
                        + "variables @4",
                "PF205 prefect_azure.container_instance.AzureContainerInstanceJob does not exist in the prefect-azure "
                        + "releases for Prefect 3: infrastructure blocks became work pools; create one of type "
                        + "azure-container-instance (prefect work-pool create NAME --type azure-container-instance) and "
                        + "pass the block's fields as the deployments' job variables @5");
    }

    /** A deployment on an integration's block loaded by name: PF205 says which pool type takes its place. */
    @Test
    void aDeploymentOnALoadedIntegrationBlockNamesThePoolType() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), "deploy_aci.py", """
                from prefect.deployments import Deployment
                from prefect_azure.container_instance import AzureContainerInstanceJob

                from flows.main import main

                aci = AzureContainerInstanceJob.load("aci")
                Deployment.build_from_flow(flow=main, name="nightly", infrastructure=aci, work_queue_name="armaci").apply()
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF205")).extracting(f -> f.message() + " @" + f.where().line())
                .containsExactly("deployment main/nightly runs on infrastructure block AzureContainerInstanceJob 'aci'; "
                        + "Prefect 3 uses a work pool of type azure-container-instance and its job variables @7");
    }

    /** Found by the sweep (2022 course homework): Prefect 2.0 beta imports were no finding at all. */
    @Test
    void prefect2BetaDeploymentSpecsAndFlowRunnersAreReported() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "homework_deploy.py", """
                from prefect.deployments import DeploymentSpec
                from prefect.flow_runners import SubprocessFlowRunner
                from prefect.deployments import run_deployment
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message() + " @" + f.where().line()).containsExactly(
                "PF216 prefect.deployments.DeploymentSpec does not exist in Prefect 3 (prefect.deployments.DeploymentSpec "
                        + "was the Prefect 2.0 beta deployment class (removed in 2.0b9); declare the deployment in prefect.yaml "
                        + "or with flow.deploy()) @1",
                "PF216 prefect.flow_runners.SubprocessFlowRunner does not exist in Prefect 3 (prefect.flow_runners was the "
                        + "Prefect 2.0 beta module of flow runners, which infrastructure blocks replaced in 2.0 and work pools "
                        + "in Prefect 3) @2");
    }

    /**
     * Early 2.x exported the Deployment class at the package's top ({@code from prefect import Deployment}); neither
     * 1.4.1 nor 2.20 has it, and it was called Prefect 1's, which made the file a Prefect 1 module.
     */
    @Test
    void earlyPrefect2TopLevelDeploymentIsNotPrefect1s() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "deploy.py", """
                from prefect import Deployment
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message()).singleElement().asString()
                .startsWith("PF216 prefect.Deployment does not exist in Prefect 3 (prefect.Deployment was early 2.x's");
        assertThat(run(new Prefect1ApiUsageDetector(), "deploy.py", "from prefect import Deployment\n").findings)
                .isEmpty();
    }

    /** Before: a Prefect 2.0 beta DeploymentSpec(...) was no job at all, so its schedule was never migrated. */
    @Test
    void prefect2BetaDeploymentSpecsAreDeploymentsWithTheirSchedules() {
        RecordingSink sink = run(new PrefectDeploymentDetector(), new ScanFile("score.py", """
                from prefect import flow

                @flow(name="batch scoring")
                def score():
                    pass
                """), new ScanFile("deployments.py", """
                from datetime import timedelta
                from prefect.deployments import DeploymentSpec
                from prefect.orion.schemas.schedules import CronSchedule, IntervalSchedule
                from prefect.flow_runners import SubprocessFlowRunner
                from score import score

                DeploymentSpec(
                    flow_location="score.py",
                    name="monthly",
                    schedule=CronSchedule(cron="0 3 2 * *", timezone="Europe/Berlin"),
                    flow_runner=SubprocessFlowRunner(),
                    tags=["ml"],
                )
                DeploymentSpec(flow=score, name="often", schedule=IntervalSchedule(interval=timedelta(minutes=15)))
                DeploymentSpec(flow_location="./other.py", flow_name="Ad hoc", name="manual")
                """));
        assertThat(jobs(sink)).containsExactly("batch scoring/monthly | CRON_PREFECT 0 3 2 * * [Europe/Berlin] @7",
                "batch scoring/often | INTERVAL PT15M @14", "Ad hoc/manual |  @15");
        assertThat(sink.jobs).allMatch(j -> j.kind() == dev.migrate.analyzers.model.JobKind.PREFECT2_DEPLOYMENT);
        assertThat(sink.jobs.get(0).attributes()).containsEntry("flow_runner", "SubprocessFlowRunner")
                .containsEntry("deployment.class", "DeploymentSpec");
        assertThat(codes(sink)).as("the import is PF216; no Deployment-class finding").isEmpty();
        // must not fire: a Kubernetes client's DeploymentSpec is no Prefect deployment
        RecordingSink k8s = run(new PrefectDeploymentDetector(), "infra.py", """
                from kubernetes.client import V1DeploymentSpec as DeploymentSpec
                from imports import k8s
                spec = DeploymentSpec(replicas=3, selector=None, template=None)
                other = k8s.DeploymentSpec(replicas=2)
                """);
        assertThat(k8s.jobs).isEmpty();
    }

    @Test
    void aPrefect2ImportThatIsTheFallbackOfAPrefect3OneIsNoFinding() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "compat.py", """
                try:
                    from prefect.workers.base import BaseWorker as Runner
                except ImportError:  # Prefect 2
                    from prefect.agent import PrefectAgent as Runner

                try:
                    from prefect.orion.schemas.states import StateType
                except (ModuleNotFoundError, AttributeError):
                    from prefect.client.schemas.objects import StateType

                try:
                    from prefect.deployments import Deployment
                except ImportError:
                    from prefect.agent import PrefectAgent
                    from prefect.infrastructure import Process as Deployment

                try:
                    from prefect.infrastructure import DockerContainer
                except ValueError:
                    from prefect_docker.containers import DockerContainer
                """);
        // the fallback of another name, a fallback of a name 3.x lacks too, and a handler that does not catch a
        // failed import are still findings
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line()).containsExactly(
                "PF216 12", "PF216 14", "PF205 15", "PF205 18");
    }

    @Test
    void modulesUnderPrefect3sStubClientPackageAreThere() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "client.py", """
                import prefect.client.orchestration as orch
                from prefect.client import schemas
                from prefect.client.orchestration import get_client
                from prefect.client import get_client as old_get_client
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line()).containsExactly("PF215 4");
    }

    @Test
    void aModuleImportOfAModulePrefect3LacksIsReported() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "infra.py", """
                import prefect.infrastructure.kubernetes
                import prefect.agent
                import prefect.client
                import prefect.client.schemas
                import prefect.orion.api
                try:
                    import prefect.workers.base as runner
                except ImportError:
                    import prefect.infrastructure.process as runner
                try:
                    import prefect.workers.process
                except ImportError:  # Prefect 2
                    import prefect.infrastructure.process
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message() + " @" + f.where().line()).containsExactly(
                "PF216 prefect.infrastructure.kubernetes does not exist in Prefect 3 @1",
                "PF216 prefect.agent does not exist in Prefect 3 @2",
                "PF216 prefect.orion.api does not exist in Prefect 3 (prefect.orion was the early 2.x name of prefect.server) @5");
    }

    @Test
    void prefectApiUsage() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task
                from prefect.infrastructure import DockerContainer
                from prefect.variables import Variable

                @task
                def load(x):
                    return x

                @flow
                def etl():
                    load.submit(1)
                    threshold = Variable.get("limit")
                    print(threshold.value)
                """);
        assertThat(codes(sink)).containsExactly("BHV001", "BHV002", "BHV003", "PF205");
        RecordingSink clean = run(new PrefectApiUsageDetector(), "ok.py", """
                from prefect import flow, task

                @task
                def load(x):
                    return x

                @flow
                def etl():
                    f = load.submit(1)
                    return f.result()
                """);
        assertThat(clean.findings).isEmpty();
        // a name the module neither defines nor imports from a module of the project is no task (the rewrite does
        // not wait for it either)
        assertThat(run(new PrefectApiUsageDetector(), "unknown.py", """
                from prefect import flow
                from jobs_lib import *

                @flow
                def etl():
                    load.submit(1)
                """).findings).isEmpty();
    }

    // found by session 19's helper on a project of its own: an executor's submit inside a flow was reported as a
    // task future never waited for (BHV001) and as a run whose failure no longer fails the flow (BHV002)
    @Test
    void anExecutorsSubmitInAFlowIsNoTaskRun() {
        assertThat(run(new PrefectApiUsageDetector(), "pool.py", """
                from concurrent.futures import ThreadPoolExecutor
                from prefect import flow, task

                shared = ThreadPoolExecutor(2)

                @flow
                def etl(paths):
                    with ThreadPoolExecutor(4) as pool:
                        pool.submit(print, paths)
                    shared.submit(print, 1)
                """).findings).isEmpty();
        // tasks given options or made by calling task() are tasks still
        assertThat(codes(run(new PrefectApiUsageDetector(), "tasks.py", """
                from prefect import flow, task

                def rows():
                    return 1

                load = task(rows)

                @flow
                def etl():
                    fast = load.with_options(retries=0)
                    fast.submit()
                    load.submit()
                """))).containsExactly("BHV001", "BHV001", "BHV002");
    }

    /** Tasks the BHV002 examples run, defined at the end of their module: names nobody defines are no tasks. */
    private static final String TASKS = """

            from prefect import task

            @task
            def extract(days):
                return days

            @task
            def load(rows):
                return rows

            @task
            def check(day):
                return day

            @task
            def stage(rows):
                return rows

            @task
            def transform(rows):
                return rows

            @task
            def audit(days):
                return days

            @task
            def publish(rows):
                return rows
            """;

    // a flow that reads every run's .result() still fails with its tasks on Prefect 3 (result() raises their error);
    // only a run whose failure never reaches the flow changes meaning
    @Test
    void failedTasksThatTheFlowObservesAreNoBehaviourChange() {
        assertThat(run(new PrefectApiUsageDetector(), "observed.py", """
                from prefect import flow

                @flow
                def etl(days):
                    rows = extract.submit(days)
                    print(load.submit(rows.result()).result())
                    for d in days:
                        f = check.submit(d)
                        f.result()
                    staged = stage.submit(transform.submit(rows), wait_for=[audit.submit(days)])
                    publish.submit(staged).result()
                """ + TASKS).findings).isEmpty();
        // a run told to ignore its input's failure does not fail with it
        assertThat(run(new PrefectApiUsageDetector(), "allowed.py", """
                from prefect import allow_failure, flow

                @flow
                def etl(days):
                    rows = extract.submit(days)
                    load.submit(allow_failure(rows)).result()
                """ + TASKS).findings).extracting(f -> f.code() + " @" + f.where().line()).containsExactly("BHV002 @5");
        RecordingSink quiet = run(new PrefectApiUsageDetector(), "quiet.py", """
                from prefect import flow

                @flow
                def etl(days):
                    rows = extract.submit(days)
                    print(rows.result())
                    report = publish.submit(rows)
                    report.result(raise_on_failure=False)

                    def helper():
                        return audit.submit(1).result()
                """ + TASKS);
        // the second run's failure is swallowed (raise_on_failure=False); the nested function's return is its own
        assertThat(quiet.findings).extracting(f -> f.code() + " @" + f.where().line()).containsExactly("BHV002 @7");
    }

    @Test
    void flowsAndTasksImportedWithAStarAreFlowsAndTasks() {
        String source = """
                from prefect import *
                from prefect.deployments import Deployment

                @task
                def load(x):
                    return x

                @flow(name="nightly-etl")
                def etl():
                    load.submit(1)

                if __name__ == "__main__":
                    Deployment.build_from_flow(etl, name="nightly", schedule={"cron": "0 3 * * *"}).apply()
                """;
        assertThat(codes(run(new PrefectApiUsageDetector(), "flows.py", source))).containsExactly("BHV001", "BHV002", "PF216");
        assertThat(run(new PrefectDeploymentDetector(), "flows.py", source).jobs).extracting(Job::name)
                .containsExactly("nightly-etl/nightly");
        // a star import from elsewhere, or a flow decorator the module defines itself, is no Prefect flow
        assertThat(run(new PrefectApiUsageDetector(), "other.py", """
                from prefect import *
                from mylib import *

                def flow(f):
                    return f

                @flow
                def etl():
                    load.submit(1)
                """).findings).isEmpty();
    }

    @Test
    void awaitedTaskFuturesInAsyncFlows() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task

                @task
                async def download(url):
                    return url

                @flow
                async def etl(urls, client):
                    page = await download.submit(urls[0])
                    rows = await page.result()
                    await (await download.map(urls)).result()
                    state = await run_deployment("x")
                    data = await state.result()
                    fast = download.with_options(retries=0)
                    await fast.submit(urls[1])
                    return rows, data
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV007"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(';')))
                .containsExactly("9 flow etl awaits download.submit(urls[0])", "10 flow etl awaits page.result()",
                        "11 flow etl awaits (await download.map(urls)).result()", "11 flow etl awaits download.map(urls)",
                        "15 flow etl awaits fast.submit(urls[1])");
    }

    // DropAwaitOnTaskFutures drops these awaits in every async function but a task: an async helper a flow runs
    // awaited its task futures as the flow did, and raises TypeError on Prefect 3 as the flow would, so the scan
    // reports them there too (it reported flows only, while the rewrite edited helpers)
    @Test
    void awaitedTaskFuturesInAsyncHelpersButNotInTasks() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task

                @task
                async def download(url):
                    return url

                @task
                async def fetch_one(url):
                    return await download.submit(url)

                async def fetch_all(urls):
                    futures = [await download.submit(u) for u in urls]
                    first = download.submit(urls[0])
                    await first.wait()
                    return [await f.result() for f in futures], await first

                @flow
                async def etl(urls):
                    return await fetch_all(urls)
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV007"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(';')))
                .containsExactly("12 function fetch_all awaits download.submit(u)", "14 function fetch_all awaits first.wait()",
                        "15 function fetch_all awaits f.result()", "15 function fetch_all awaits the task future first");
        // `await first.wait()` on a line of its own discards the value: no BHV009
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV009")).isEmpty();
    }

    // a task given options in place (step.with_options(name=...).submit(j), Prefect's idiom for naming each run) is a
    // task run for every rule that reads runs: BHV007 for its await, BHV002 for the flow that returns nothing
    @Test
    void aTaskGivenOptionsInPlaceIsATaskRun() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task

                @task
                async def step(j):
                    return j

                @flow
                async def batch(i, n):
                    for j in range(n):
                        await step.with_options(name=f"step-{i}-{j}").submit(j)
                """);
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.where().line()).containsExactly("BHV007 10",
                "BHV002 10");
        assertThat(sink.findings.get(0).message()).startsWith(
                "flow batch awaits step.with_options(name=f\"step-{i}-{j}\").submit(j); Prefect 3 futures");
    }

    // asyncio.gather over the futures' results (or over submits) gathered coroutines in Prefect 2 and raises TypeError
    // in Prefect 3; futures kept in a list filled by append count, a list also given other awaitables does not
    @Test
    void aGatherOfTaskFuturesIsReported() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                import asyncio
                from prefect import flow, task

                @task
                async def render(part):
                    return part

                @flow
                async def build(parts):
                    pending = []
                    for part in parts:
                        pending.append(render.submit(part))
                    named = await asyncio.gather(*[render.submit(p) for p in parts])
                    mixed = [asyncio.sleep(0)]
                    mixed.append(render.submit(parts[0]))
                    await asyncio.gather(*[m.result() for m in mixed])
                    await asyncio.gather(*[render(p) for p in parts])
                    return await asyncio.gather(*[f.result() for f in pending], return_exceptions=True)
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV007"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(';')))
                .containsExactly("13 flow build gathers task futures' coroutines with asyncio.gather(*[render.submit(p) "
                        + "for p in parts])", "18 flow build gathers task futures' coroutines with asyncio.gather(*[f"
                        + ".result() for f in pending], return_exceptions=True)");
    }

    // a removed storage block named by its "slug/name" reference fails to load on Prefect 3, whose block types lack it:
    // the generic Block.load and result_storage= (flows, tasks, with_options, option dicts); kept blocks' slugs,
    // the integrations' own and computed references are fine
    @Test
    void removedStorageBlocksNamedBySlug() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task
                from prefect.blocks.core import Block

                @task(result_storage="s3/qa")
                def compute():
                    return 1

                @flow(result_storage="local-file-system/dev")
                def main(env):
                    compute.with_options(result_storage="gcs/results")()
                    return Block.load("github/code"), Block.load("s3-bucket/prod"), Block.load(f"s3/{env}")
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF206"))
                .extracting(f -> f.where().line() + " " + f.message())
                .containsExactly("4 \"s3/qa\" names a prefect.filesystems.S3 block, whose type Prefect 3 no longer has: "
                                + "save a prefect_aws.S3Bucket block under that name and name it \"s3-bucket/qa\"",
                        "10 \"gcs/results\" names a prefect.filesystems.GCS block, whose type Prefect 3 no longer has: "
                                + "save a prefect_gcp.GcsBucket block under that name and name it \"gcs-bucket/results\"",
                        "11 \"github/code\" names a prefect.filesystems.GitHub block, whose type Prefect 3 no longer "
                                + "has: save a prefect_github.GitHubRepository block under that name and name it "
                                + "\"github-repository/code\"");
    }

    // the futures of a list read one by one (a for loop, a comprehension) gave their state the 2.x way too; a loop
    // variable also bound to something else is no future
    @Test
    void theStateOfEachFutureOfAList() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task

                @task
                def load(x):
                    return x

                @flow
                def check(n, jobs):
                    futures = [load.submit(i) for i in range(n)]
                    states = [f.wait() for f in futures]
                    for j in jobs:
                        print(j.wait().ok)
                    for m in load.map(range(n)):
                        state = m.wait()
                        print(state, m.get_state())
                    return states
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV009"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, 20))
                .containsExactly("10 the value of f.wait(", "14 the value of m.wait(", "15 m.get_state() raises");
    }

    // Prefect 3 caches a task whose results persist by default (same inputs in one flow run): reported where the task
    // states neither a cache nor a result_storage_key, and persists by persist_result=True or a storage/serializer
    @Test
    void persistedTasksCachedByDefault() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import task
                from prefect.tasks import task_input_hash

                @task(persist_result=True)
                def a(x):
                    return x

                @task(result_storage="s3-bucket/results")
                def b(x):
                    return x

                @task(persist_result=True, cache_key_fn=task_input_hash)
                def c(x):
                    return x

                @task(persist_result=False, result_storage="s3-bucket/results")
                def d(x):
                    return x
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV010"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(':')))
                .containsExactly("4 task a persists its results and states no cache",
                        "8 task b persists its results and states no cache");
    }

    // Prefect 3's task engine takes a task's persist_result, else its flow run's: the tasks a
    // @flow(persist_result=True) runs persist, and are cached by default, without saying so themselves; a task that
    // says persist_result=False, states a cache, takes its options from a dict or runs only in other flows is not
    @Test
    void tasksOfAFlowPersistingResultsAreCachedByDefault() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task
                from prefect.tasks import task_input_hash

                OPTS = {"cache_key_fn": task_input_hash}

                @task
                def a(x):
                    return x

                @task(retries=2)
                def b(x):
                    return x

                @task(persist_result=False)
                def c(x):
                    return x

                @task(cache_key_fn=task_input_hash)
                def d(x):
                    return x

                @task(**OPTS)
                def e(x):
                    return x

                @task
                def f(x):
                    return x

                @flow(persist_result=True)
                def persisting(xs):
                    b.map(xs)
                    c(d(e(1)))
                    return a.submit(1)

                @flow
                def plain():
                    return f(1)
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV010"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(':')))
                .containsExactly("6 task a persists its results, as flow persisting (persist_result=True) runs it, and "
                                + "states no cache",
                        "10 task b persists its results, as flow persisting (persist_result=True) runs it, and states "
                                + "no cache");
    }

    // ReadFutureStateFromProperty converts these uses of a future an async flow awaited its submit for, as reported
    @Test
    void theStateOfAFutureWhoseSubmitWasAwaited() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                from prefect import flow, task

                @task
                async def load(x):
                    return x

                @flow
                async def check():
                    f = await load.submit(1)
                    state = await f.wait()
                    if state.is_failed() or (await f.get_state()).is_crashed():
                        raise RuntimeError("load failed")
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV009"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, 20))
                .containsExactly("10 the value of f.wait(", "11 f.get_state() raises");
    }

    @Test
    void awaitedSubmitsOfExecutorsClientsAndUnknownNamesAreNoTaskFutures() {
        // a dask client's, an executor's, a name from outside the project, a parameter shadowing the task
        assertThat(run(new PrefectApiUsageDetector(), "flow.py", """
                from concurrent.futures import ThreadPoolExecutor
                from prefect import flow, task
                from vendor.jobs import queue

                @task
                async def download(url):
                    return url

                @flow
                async def etl(urls, client, download):
                    f = await client.submit(len, urls)
                    rows = await f.result()
                    await queue.map(urls)
                    await download.submit(urls[0])
                    await helper.submit(urls[1])
                    with ThreadPoolExecutor() as pool:
                        await pool.submit(print, urls)
                    return rows
                """).findings).filteredOn(f -> f.code().equals("BHV007")).isEmpty();
    }

    @Test
    void aTaskFuturesStateReadThePrefect2Way() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "flow.py", """
                import threading
                from prefect import flow, task

                @task
                def load(n):
                    return n

                @flow
                def check(job):
                    f = load.submit(1)
                    state = f.wait()
                    if state.is_failed() or f.get_state().is_crashed():
                        raise RuntimeError("load failed")
                    f.wait()
                    print(f.wait(5).is_completed(), f.state)
                    g = job.runner()
                    done = threading.Event().wait(5)
                    h = pool.executor.submit(work)
                    return g.get_state(), h.wait(), done

                @flow
                async def later():
                    f = await load.submit(2)
                    return f.get_state()
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV009"))
                .extracting(f -> f.where().line() + ":" + f.where().column() + " " + f.message())
                .containsExactly(
                        "11:13 the value of f.wait() is None in Prefect 3, not the future's state: call f.wait(), then read f.state",
                        "12:29 f.get_state() raises AttributeError in Prefect 3, whose task futures have a state property: "
                                + "read f.state",
                        "15:11 the value of f.wait(5) is None in Prefect 3, not the future's state: call f.wait(), then read "
                                + "f.state",
                        "24:12 f.get_state() raises AttributeError in Prefect 3, whose task futures have a state property: "
                                + "read f.state");
        // Prefect 3 code reads the property; nothing to report
        assertThat(run(new PrefectApiUsageDetector(), "ok.py", """
                from prefect import flow, task

                @task
                def load(n):
                    return n

                @flow
                def check():
                    f = load.submit(1)
                    f.wait()
                    return f.state.is_failed()
                """).findings).isEmpty();
    }

    @Test
    void theStateOfAnExecutorsQueuesOrUnknownNamesFutureIsNotATaskFutures() {
        assertThat(run(new PrefectApiUsageDetector(), "jobs.py", """
                from concurrent.futures import ThreadPoolExecutor
                from prefect import flow, task
                from rq import Queue

                @task
                def load(n):
                    return n

                @flow
                def check(load):
                    queue = Queue()
                    job = queue.submit(1)
                    done = job.wait()
                    f = load.submit(1)
                    with ThreadPoolExecutor() as pool:
                        g = pool.submit(print, 1)
                    h = extract.submit(2)
                    return done, f.get_state(), g.wait(), h.get_state(), queue.submit(3).wait()
                """).findings).filteredOn(f -> f.code().equals("BHV009")).isEmpty();
    }

    @Test
    void theValueOfAChainedSubmitWaitIsNoneInPrefect3() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "chain.py", """
                from prefect import flow, task

                @task
                def extract(day):
                    return day

                publish = extract.with_options(name="publish")
                archive = task(print)
                load = extract

                @flow
                def nightly(day):
                    state = extract.submit(day).wait()
                    extract.submit(day).wait()
                    if publish.submit(day).wait().is_failed():
                        raise RuntimeError(day)
                    done = extract.submit(day, return_state=True)
                    pool.executor.submit(day).wait()
                    return report(load.submit(day).wait(10)), done

                last = archive.submit(1).wait()
                """);
        // load = extract is an alias nobody can tell from a queue's: only with_options and task(...) make tasks
        assertThat(sink.findings).filteredOn(f -> f.code().equals("BHV009"))
                .extracting(f -> f.where().line() + ":" + f.where().column() + " " + f.message())
                .containsExactly(
                        "13:13 the value of extract.submit(day).wait() is None in Prefect 3, not the future's state: "
                                + "extract.submit(..., return_state=True) waits and returns the state",
                        "15:8 the value of publish.submit(day).wait() is None in Prefect 3, not the future's state: "
                                + "publish.submit(..., return_state=True) waits and returns the state",
                        "21:8 the value of archive.submit(1).wait() is None in Prefect 3, not the future's state: "
                                + "archive.submit(..., return_state=True) waits and returns the state");
        // without a prefect import, .submit(...).wait() is someone else's API
        assertThat(run(new PrefectApiUsageDetector(), "pool.py", """
                from concurrent.futures import ThreadPoolExecutor
                done = jobs.submit(1).wait()
                """).findings).isEmpty();
    }

    @Test
    void valuesKeptInSystemBlocks() {
        RecordingSink sink = run(new PrefectApiUsageDetector(), "setup.py", """
                from prefect.blocks.system import JSON, String, Secret

                cfg = JSON.load("cfg").value
                String(value="x").save("bucket", overwrite=True)
                token = Secret.load("token").get()
                """);
        assertThat(sink.findings).filteredOn(f -> f.code().equals("PF219"))
                .extracting(f -> f.where().line() + " " + f.message().substring(0, f.message().indexOf(" uses")))
                .containsExactly("3 JSON.load(...)", "4 String(...).save(...)");
    }

    @Test
    void aPythonFileWithASyntaxErrorIsReportedOnce() {
        RecordingSink sink = run(new PythonSyntaxDetector(), "flows/etl.py", """
                import schedule

                schedule.every(10).minutes.do(job
                """);
        assertThat(sink.findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("CFG003");
            assertThat(f.where().line()).isEqualTo(4);
            assertThat(f.message()).startsWith("Python syntax error: ");
        });
        assertThat(run(new PythonSyntaxDetector(), "ok.py", "import schedule\nschedule.every().day.do(job)\n").findings)
                .isEmpty();
    }
}
