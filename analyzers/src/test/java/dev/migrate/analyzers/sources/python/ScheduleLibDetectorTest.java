package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schedule library's shapes read as schedule 1.2 reads them ({@code Job.at} accepts "HH:MM(:SS)" for days and
 * weekdays, "MM:SS" or ":MM" for hours, ":SS" for minutes; {@code _schedule_next_run} counts every(n) with n > 1
 * from the previous run, so from the process start).
 */
class ScheduleLibDetectorTest {
    private static RecordingSink scan(String registrations) {
        return HostEstate.scan(List.of(new ScanFile("jobs.py", "import schedule\nfrom tasks import job\n\n" + registrations)),
                new ScheduleLibDetector());
    }

    /** "form expression [tz]" of the only job. */
    private static String schedule(RecordingSink sink) {
        Job j = sink.jobs.get(0);
        var s = j.schedules().get(0);
        return s.form() + " " + s.expression() + (s.timezone() == null ? "" : " [" + s.timezone() + "]");
    }

    /** Interprets and proves in UTC as the host zone, from a fixed day. */
    private static final ScheduleCheck CHECK = new ScheduleCheck(ZoneOffset.UTC, Instant.parse("2026-11-21T00:00:00Z"));

    /** The legacy side's next fire times, as offset date-times. */
    private static List<String> fireTimes(ScheduleSpec spec, String from, int n) {
        return FireTimes.source(CHECK.interpret(spec), Instant.parse(from), n).stream()
                .map(t -> t.toOffsetDateTime().toString()).toList();
    }

    private static List<String> findings(RecordingSink sink) {
        return sink.findings.stream().filter(f -> !f.code().equals("PYS001")).map(f -> f.code() + " " + f.message()).toList();
    }

    /** at()'s zone given as a pytz object, not a name, was lost: the job was read on the host's clock. */
    @Test
    void atTakesAPytzZoneObjectToo() {
        RecordingSink sink = HostEstate.scan(List.of(new ScanFile("digest.py", """
                import pytz
                import schedule
                from tasks import job
                IST = pytz.timezone("Asia/Kolkata")
                schedule.every().sunday.at("23:00", pytz.timezone("Asia/Kolkata")).do(job)
                schedule.every().day.at("06:15", IST).do(job)
                schedule.every().day.at("07:00", pytz.utc).do(job)
                """)), new ScheduleLibDetector());
        assertThat(sink.jobs).extracting(j -> j.schedules().get(0).expression() + " [" + j.schedules().get(0).timezone() + "]")
                .containsExactly("0 23 * * 0 [Asia/Kolkata]", "15 6 * * * [Asia/Kolkata]", "0 7 * * * [UTC]");
        // must not change: a zone object schedule refuses (it raises at registration) names no zone
        assertThat(scan("from zoneinfo import ZoneInfo\nschedule.every().day.at(\"06:15\", ZoneInfo(\"Asia/Tokyo\")).do(job)\n")
                .jobs.get(0).schedules().get(0).timezone()).isNull();
    }

    /** A weekday named by a setting (seen in a newsletter sender) was no job at all; now one with its schedule unknown. */
    @Test
    void aUnitNamedBySettingIsAJobWithAnUnknownSchedule() {
        RecordingSink sink = scan("""
                from config import SEND_DAY, SEND_TIME
                def start(job_func):
                    getattr(schedule.every(), SEND_DAY).at(SEND_TIME).do(job_func)
                """);
        assertThat(sink.jobs).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("job_func");
            assertThat(j.schedules().get(0).form()).isEqualTo(ScheduleSpec.Form.UNKNOWN);
            assertThat(j.schedules().get(0).expression()).contains("getattr(SEND_DAY)");
        });
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS005 ");
        // must not change: getattr of anything else is no schedule library job
        assertThat(scan("getattr(reports, SEND_DAY).at(SEND_TIME).do(job)\n").jobs).isEmpty();
    }

    /** {@code from schedule import every}: the imported every() starts the same chains (seen in a weekly-planner repo). */
    @Test
    void everyImportedFromTheModuleStartsAJob() {
        RecordingSink sink = HostEstate.scan(List.of(new ScanFile("planner.py", """
                from schedule import every, run_pending
                from planner.week import fill_week

                every().monday.at("07:30").do(fill_week)
                every(15).minutes.do(fill_week)

                while True:
                    run_pending()
                """)), new ScheduleLibDetector());
        assertThat(sink.jobs).extracting(j -> j.name() + " " + j.schedules().get(0).form() + " "
                + j.schedules().get(0).expression())
                .containsExactly("fill_week CRON_UNIX 30 7 * * 1", "fill_week INTERVAL PT15M");
        // must not change: a function of its own called every() is no schedule library job
        assertThat(HostEstate.scan(List.of(new ScanFile("mine.py", """
                import schedule
                from helpers import every
                every().monday.do(fill_week)
                """)), new ScheduleLibDetector()).jobs).isEmpty();
    }

    @Test
    void hourAtMinutesAndSecondsIsTheCronOfThatMinuteWithTheSecondsReported() {
        RecordingSink sink = scan("schedule.every().hour.at(\"42:15\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB 42 * * * *");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS007 ").contains("15 s", "job");
        assertThat(sink.jobs.get(0).attributes().get("schedule.decisions")).contains("15 s after the minute");
    }

    @Test
    void hourAtWholeMinuteIsExactCronWithoutDecision() {
        RecordingSink sink = scan("schedule.every().hour.at(\"42:00\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB 42 * * * *");
        assertThat(findings(sink)).isEmpty();
        assertThat(sink.jobs.get(0).attributes()).doesNotContainKey("schedule.decisions");
    }

    @Test
    void minuteAtSecondsRunsEveryMinute() {
        assertThat(schedule(scan("schedule.every().minute.at(\":00\").do(job)\n"))).isEqualTo("CRON_SCHEDULE_LIB * * * * *");
        RecordingSink sink = scan("schedule.every().minute.at(\":30\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB * * * * *");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS007 ").contains("30 s");
    }

    /**
     * Before: {@code every().hour.at(":30")} without a zone was read as Vixie cron's wildcard job {@code 30 * * * *},
     * which misses the skipped 02:30 and runs 02:30 twice in the repeated hour. The library compares naive clock
     * readings instead: the skipped 02:30 runs right at the change (03:00) and 03:30 still runs; the repeated 02:30 runs
     * once. Times replayed from the schedule library's own loop against a clock in Europe/Paris.
     */
    @Test
    void anHourlyAtWithoutAZoneRunsASkippedTimeAtTheChangeAndARepeatedOneOnce() {
        ScheduleCheck paris = new ScheduleCheck(java.time.ZoneId.of("Europe/Paris"), Instant.parse("2024-03-01T00:00:00Z"));
        RecordingSink sink = scan("schedule.every().hour.at(\":30\").do(job)\n");
        ScheduleSpec spec = sink.jobs.get(0).schedules().get(0);
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB 30 * * * *");
        assertThat(FireTimes.source(paris.interpret(spec), Instant.parse("2024-03-30T22:00:00Z"), 6).stream()
                .map(t -> t.toOffsetDateTime().toString())).containsExactly("2024-03-30T23:30+01:00",
                "2024-03-31T00:30+01:00", "2024-03-31T01:30+01:00", "2024-03-31T03:00+02:00", "2024-03-31T03:30+02:00",
                "2024-03-31T04:30+02:00");
        assertThat(FireTimes.source(paris.interpret(spec), Instant.parse("2024-10-26T22:00:00Z"), 5).stream()
                .map(t -> t.toOffsetDateTime().toString())).containsExactly("2024-10-27T00:30+02:00",
                "2024-10-27T01:30+02:00", "2024-10-27T02:30+02:00", "2024-10-27T03:30+01:00", "2024-10-27T04:30+01:00");
        // Prefect moves the skipped 02:30 to 03:30 instead: the proof says where and why they part
        assertThat(paris.inexactness(spec)).contains("2024-03-31T03:00+02:00", "schedule library without a zone",
                "right at the change");
        // must not change: a time of day without a zone keeps Vixie cron's (fixed-time) reading, the same instants
        RecordingSink daily = scan("schedule.every().day.at(\"02:30\").do(job)\n");
        assertThat(schedule(daily)).isEqualTo("CRON_UNIX 30 2 * * *");
        assertThat(FireTimes.source(paris.interpret(daily.jobs.get(0).schedules().get(0)), Instant.parse("2024-03-29T22:00:00Z"), 3)
                .stream().map(t -> t.toOffsetDateTime().toString()))
                .containsExactly("2024-03-30T02:30+01:00", "2024-03-31T03:00+02:00", "2024-04-01T02:30+02:00");
        // and with a zone, at() keeps croniter's rule
        assertThat(schedule(scan("schedule.every().hour.at(\":30\", \"Europe/Paris\").do(job)\n")))
                .isEqualTo("CRON_SCHEDULE_LIB 30 * * * * [Europe/Paris]");
    }

    @Test
    void dayAtSecondsKeepsTheMinute() {
        RecordingSink sink = scan("schedule.every().day.at(\"10:30:45\", \"Europe/Berlin\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB 30 10 * * * [Europe/Berlin]");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS007 ");
    }

    @Test
    void everyFewDaysAtATimeIsAnIntervalAnchoredAtThatTimeWithThePhaseReported() {
        RecordingSink sink = scan("schedule.every(2).days.at(\"10:30\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("INTERVAL R/2020-01-01T10:30/P2D");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS008 ").contains("process", "started");
        assertThat(sink.jobs.get(0).attributes().get("schedule.decisions")).contains("anchor_date");
    }

    @Test
    void everyFewHoursOrMinutesAtAnOffsetKeepsTheOffsetInTheAnchor() {
        assertThat(schedule(scan("schedule.every(3).hours.at(\":20\").do(job)\n"))).isEqualTo("INTERVAL R/2020-01-01T00:20/PT3H");
        assertThat(schedule(scan("schedule.every(3).hours.at(\"20:05\").do(job)\n")))
                .isEqualTo("INTERVAL R/2020-01-01T00:20:05/PT3H");
        RecordingSink minutes = scan("schedule.every(5).minutes.at(\":10\").do(job)\n");
        assertThat(schedule(minutes)).isEqualTo("INTERVAL R/2020-01-01T00:00:10/PT5M");
        // an anchored interval keeps its seconds: nothing is dropped, only the phase is a decision
        assertThat(findings(minutes)).extracting(s -> s.substring(0, 6)).containsExactly("PYS008");
    }

    /**
     * {@code every(n).days} without {@code .at()}: schedule 1.2's {@code _schedule_next_run} sets the next run to now +
     * the period when the job was registered and again after each run ended, so the time of day is the process start's.
     * Before: a plain P1D interval, proven "exact" at Prefect's default anchor, midnight. After: PYS008 says the time
     * of day is not known, and the translation is not exact until anchor_date is set.
     */
    @Test
    void everyDayWithoutATimeHasNoKnownTimeOfDay() {
        RecordingSink sink = scan("schedule.every().day.do(job)\n");
        assertThat(schedule(sink)).isEqualTo("INTERVAL P1D");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS008 ")
                .contains("every().day without .at() ran a day after its previous run ended", "set anchor_date")
                // the anchor as the translation writes it: midnight in the job's zone, outside UTC as its UTC instant
                .contains("anchor_date (00:00 in the job's timezone, as migrate writes it (outside UTC as that instant in UTC))")
                .doesNotContain("00:00 as migrate writes it");
        assertThat(schedule(scan("schedule.every(3).weeks.do(job)\n"))).isEqualTo("INTERVAL P21D");
        assertThat(findings(scan("schedule.every(3).weeks.do(job)\n"))).singleElement().asString()
                .startsWith("PYS008 ").contains("every(3).weeks without .at() ran 3 weeks after");
        assertThat(CHECK.inexactness(sink.jobs.get(0).schedules().get(0)))
                .contains("at a time of day the source does not state", "set anchor_date");
        // hours and minutes keep no time of day worth copying: no decision, and their translation stays exact
        RecordingSink hours = scan("schedule.every(6).hours.do(job)\n");
        assertThat(schedule(hours)).isEqualTo("INTERVAL PT6H");
        assertThat(findings(hours)).isEmpty();
        assertThat(CHECK.inexactness(hours.jobs.get(0).schedules().get(0))).isNull();
    }

    /**
     * {@code .at("02:30", "Europe/Berlin")} on the spring-forward day: schedule 1.2's {@code _correct_utc_offset} moves a
     * skipped time one offset later (03:30 CEST), as croniter does, where Vixie cron (the CRON_UNIX reading before)
     * runs it at 03:00. A repeated time runs once, at its first occurrence.
     */
    @Test
    void aTimeInTheDstGapOfTheAtZoneRunsOneOffsetLater() {
        RecordingSink sink = scan("schedule.every().day.at(\"02:30\", \"Europe/Berlin\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_SCHEDULE_LIB 30 2 * * * [Europe/Berlin]");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS011 ")
                .contains("skips", "03:30 on the day of the change", "also once at 01:30 before the regular 02:30");
        var spec = sink.jobs.get(0).schedules().get(0);
        assertThat(fireTimes(spec, "2027-03-26T12:00:00Z", 3))
                .containsExactly("2027-03-27T02:30+01:00", "2027-03-28T03:30+02:00", "2027-03-29T02:30+02:00");
        assertThat(fireTimes(spec, "2027-10-30T12:00:00Z", 2)).containsExactly("2027-10-31T02:30+02:00", "2027-11-01T02:30+01:00");
        assertThat(CHECK.inexactness(spec)).isNull();
        // without a zone the library compares naive local times: Vixie cron's reading, and no gap to report
        RecordingSink naive = scan("schedule.every().day.at(\"02:30\").do(job)\n");
        assertThat(schedule(naive)).isEqualTo("CRON_UNIX 30 2 * * *");
        assertThat(findings(naive)).isEmpty();
        // a time outside the gap, or a zone without DST, is only read in its zone
        assertThat(findings(scan("schedule.every().day.at(\"03:30\", \"Europe/Berlin\").do(job)\n"))).isEmpty();
        assertThat(findings(scan("schedule.every().sunday.at(\"02:30\", \"Asia/Tokyo\").do(job)\n"))).isEmpty();
        assertThat(findings(scan("schedule.every().sunday.at(\"02:30\", \"America/New_York\").do(job)\n")))
                .singleElement().asString().startsWith("PYS011 ").contains("America/New_York");
    }

    @Test
    void untilKeepsTheScheduleAndReportsTheEnd() {
        RecordingSink sink = scan("schedule.every().day.at(\"07:00\").until(\"2030-01-31 18:00\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 0 7 * * *");
        assertThat(sink.jobs.get(0).attributes()).containsEntry("schedule.until", "2030-01-31 18:00");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS009 ").contains("2030-01-31 18:00");
        assertThat(sink.jobs.get(0).attributes().get("schedule.decisions")).contains("after 2030-01-31 18:00",
                "ends there (RRULE UNTIL)", "no end date");
        assertThat(sink.jobs.get(0).attributes()).containsEntry("schedule.deadline", "2030-01-31T18:00");
        // a time of day or a timedelta is counted from the day or moment the process started
        RecordingSink relative = scan("import datetime\nschedule.every(10).minutes.until(datetime.timedelta(hours=8)).do(job)\n");
        assertThat(schedule(relative)).isEqualTo("INTERVAL PT10M");
        assertThat(findings(relative)).singleElement().asString().startsWith("PYS009 ")
                .contains("datetime.timedelta(hours=8)", "process started");
        assertThat(relative.jobs.get(0).attributes()).doesNotContainKey("schedule.deadline");
    }

    /**
     * An absolute until() is a local time of the scheduler host (schedule 1.2 compares it with naive local next-run
     * times): a date string or a naive datetime of literals gives the deadline the recipe ends an RRULE with; with an
     * at() zone the schedule's clock is another one, so there is none, and the finding says why.
     */
    @Test
    void anAbsoluteUntilGivesTheDeadlineOnTheHostClockOnly() {
        RecordingSink literal = scan("from datetime import datetime\n"
                + "schedule.every(2).days.at(\"10:30\").until(datetime(2030, 1, 31, 18)).do(job)\n");
        assertThat(literal.jobs.get(0).attributes()).containsEntry("schedule.deadline", "2030-01-31T18:00")
                .containsEntry("schedule.until", "datetime(2030, 1, 31, 18)");
        assertThat(findings(literal)).filteredOn(f -> f.startsWith("PYS009")).singleElement().asString()
                .contains("after 2030-01-31T18:00");
        assertThat(scan("import datetime\nschedule.every().hour.until(datetime.datetime(2030, 1, 31, minute=5)).do(job)\n")
                .jobs.get(0).attributes()).containsEntry("schedule.deadline", "2030-01-31T00:05");
        assertThat(scan("schedule.every().hour.until(\"2030-01-31\").do(job)\n").jobs.get(0).attributes())
                .containsEntry("schedule.deadline", "2030-01-31T00:00");
        RecordingSink zoned = scan("schedule.every().day.at(\"07:00\", \"Europe/Berlin\").until(\"2030-01-31 18:00\").do(job)\n");
        assertThat(zoned.jobs.get(0).attributes()).doesNotContainKey("schedule.deadline");
        assertThat(findings(zoned)).filteredOn(f -> f.startsWith("PYS009")).singleElement().asString()
                .contains("host's clock, not in Europe/Berlin");
        // a time of day, an aware datetime or a computed value is no deadline
        for (String until : List.of("\"18:00\"", "datetime(2030, 1, 31, tzinfo=UTC)", "end_of_quarter()", "\"2030-02-30\"")) {
            assertThat(scan("from datetime import datetime\nschedule.every().hour.until(" + until + ").do(job)\n")
                    .jobs.get(0).attributes()).as(until).doesNotContainKey("schedule.deadline");
        }
    }

    @Test
    void randomIntervalIsReportedWithItsRangeNotFixed() {
        RecordingSink sink = scan("schedule.every(5).to(10).minutes.do(job)\n");
        assertThat(sink.jobs.get(0).schedules().get(0).form()).hasToString("UNKNOWN");
        assertThat(schedule(sink)).contains("PT5M", "PT10M", "random");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS005 ").contains("PT5M", "PT10M");
    }

    /**
     * Before: an unknown schedule, left by hand although the weekday is written. After: that weekday at 00:00, with
     * PYS008 saying the time of day was the process start's, as for every().day without .at().
     */
    @Test
    void weekdayWithoutATimeKeepsItsWeekdayAndAsksForTheTime() {
        RecordingSink sink = scan("schedule.every().monday.do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 0 0 * * 1");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS008 ")
                .contains("every().monday without .at() ran on Mondays at the time of day the scheduler process started");
        assertThat(schedule(scan("schedule.every().sunday.do(job)\n"))).isEqualTo("CRON_UNIX 0 0 * * 0");
        assertThat(findings(scan("schedule.every().monday.until(\"2030-01-01\").do(job)\n")))
                .extracting(s -> s.substring(0, 6)).containsExactlyInAnyOrder("PYS008", "PYS009");
        // the weekday still takes no count: every(2).monday raises IntervalError in the library
        assertThat(schedule(scan("schedule.every(2).monday.do(job)\n"))).startsWith("UNKNOWN ");
    }

    @Test
    void shapesTheLibraryRejectsAreNotGuessed() {
        // weeks take no .at() without a weekday, minutes only ":SS", hours no "HH:MM:SS"
        for (String bad : List.of("every(2).weeks.at(\"10:00\")", "every().minute.at(\"10:00\")", "every().hour.at(\"1:00:00\")",
                "every().day.at(\"25:00\")")) {
            assertThat(schedule(scan("schedule." + bad + ".do(job)\n"))).as(bad).startsWith("UNKNOWN ");
        }
    }

    @Test
    void plainShapesDoNotChange() {
        RecordingSink sink = scan("schedule.every().day.at(\"07:30\").do(job)\nschedule.every(10).minutes.do(job)\n"
                + "schedule.every().hour.at(\":15\").do(job)\nschedule.every().monday.at(\"06:00\").do(job)\n");
        assertThat(sink.jobs).extracting(j -> j.schedules().get(0).expression())
                .containsExactly("30 7 * * *", "PT10M", "15 * * * *", "0 6 * * 1");
        assertThat(sink.findings).extracting(Finding::code).containsOnly("PYS001");
        assertThat(sink.jobs).allSatisfy(j -> assertThat(j.attributes()).doesNotContainKeys("schedule.decisions", "schedule.until"));
    }
}
