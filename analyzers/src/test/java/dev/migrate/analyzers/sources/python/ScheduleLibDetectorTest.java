package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
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

    private static List<String> findings(RecordingSink sink) {
        return sink.findings.stream().filter(f -> !f.code().equals("PYS001")).map(f -> f.code() + " " + f.message()).toList();
    }

    @Test
    void hourAtMinutesAndSecondsIsTheCronOfThatMinuteWithTheSecondsReported() {
        RecordingSink sink = scan("schedule.every().hour.at(\"42:15\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 42 * * * *");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS007 ").contains("15 s", "job");
        assertThat(sink.jobs.get(0).attributes().get("schedule.decisions")).contains("15 s after the minute");
    }

    @Test
    void hourAtWholeMinuteIsExactCronWithoutDecision() {
        RecordingSink sink = scan("schedule.every().hour.at(\"42:00\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 42 * * * *");
        assertThat(findings(sink)).isEmpty();
        assertThat(sink.jobs.get(0).attributes()).doesNotContainKey("schedule.decisions");
    }

    @Test
    void minuteAtSecondsRunsEveryMinute() {
        assertThat(schedule(scan("schedule.every().minute.at(\":00\").do(job)\n"))).isEqualTo("CRON_UNIX * * * * *");
        RecordingSink sink = scan("schedule.every().minute.at(\":30\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX * * * * *");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS007 ").contains("30 s");
    }

    @Test
    void dayAtSecondsKeepsTheMinute() {
        RecordingSink sink = scan("schedule.every().day.at(\"10:30:45\", \"Europe/Berlin\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 30 10 * * * [Europe/Berlin]");
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

    @Test
    void untilKeepsTheScheduleAndReportsTheEnd() {
        RecordingSink sink = scan("schedule.every().day.at(\"07:00\").until(\"2030-01-31 18:00\").do(job)\n");
        assertThat(schedule(sink)).isEqualTo("CRON_UNIX 0 7 * * *");
        assertThat(sink.jobs.get(0).attributes()).containsEntry("schedule.until", "2030-01-31 18:00");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS009 ").contains("2030-01-31 18:00");
        assertThat(sink.jobs.get(0).attributes().get("schedule.decisions")).contains("after 2030-01-31 18:00", "no end date");
        // a time of day or a timedelta is counted from the day or moment the process started
        RecordingSink relative = scan("import datetime\nschedule.every(10).minutes.until(datetime.timedelta(hours=8)).do(job)\n");
        assertThat(schedule(relative)).isEqualTo("INTERVAL PT10M");
        assertThat(findings(relative)).singleElement().asString().startsWith("PYS009 ")
                .contains("datetime.timedelta(hours=8)", "process started");
    }

    @Test
    void randomIntervalIsReportedWithItsRangeNotFixed() {
        RecordingSink sink = scan("schedule.every(5).to(10).minutes.do(job)\n");
        assertThat(sink.jobs.get(0).schedules().get(0).form()).hasToString("UNKNOWN");
        assertThat(schedule(sink)).contains("PT5M", "PT10M", "random");
        assertThat(findings(sink)).singleElement().asString().startsWith("PYS005 ").contains("PT5M", "PT10M");
    }

    @Test
    void weekdayWithoutATimeStaysReported() {
        RecordingSink sink = scan("schedule.every().monday.do(job)\n");
        assertThat(schedule(sink)).isEqualTo("UNKNOWN .every().monday.do(job)");
        assertThat(findings(sink)).extracting(s -> s.substring(0, 6)).containsExactly("PYS005");
        // a deadline does not hide that there is no schedule
        assertThat(findings(scan("schedule.every().monday.until(\"2030-01-01\").do(job)\n")))
                .extracting(s -> s.substring(0, 6)).containsExactlyInAnyOrder("PYS005", "PYS009");
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
