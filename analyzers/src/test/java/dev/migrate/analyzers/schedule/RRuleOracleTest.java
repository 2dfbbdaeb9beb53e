package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The RRULEs we write for calendars cron cannot say, evaluated by us and by dateutil as Prefect does. */
class RRuleOracleTest {
    private static final List<String> CALENDARS = List.of("*-*~1 23:00", "*-*~3/1 12:00", "Thu *-*~7/1 18:00", "*-02~3",
            "*-*-* 0/6:00:30", "12:00:30", "*-*-* 02:30:15", "Mon *-05~07/1", "*-*-* 02:00:00/20", "*-*~1 02:30", "Sat,Sun *-*~10/4 06:45");

    @Test
    void writesRulesCronCannot() {
        assertThat(DailyRRules.fromCalendar(CalendarSpec.parse("Thu *-*~7/1 18:00")).text()).isEqualTo(
                "FREQ=DAILY;BYMONTHDAY=-7,-6,-5,-4,-3,-2,-1;BYDAY=TH;BYHOUR=18;BYMINUTE=0;BYSECOND=0");
        assertThat(DailyRRules.fromCalendar(CalendarSpec.parse("*-02~3 00:00:10/25")).text()).isEqualTo(
                "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=-3;BYHOUR=0;BYMINUTE=0;BYSECOND=10,35");
        assertThat(DailyRRules.fromCalendar(CalendarSpec.parse("2027-*-* 00:00"))).isNull();
        String everyTwo = DailyRRules.everyDays(2, java.time.LocalTime.of(10, 30)).text();
        assertThat(everyTwo).isEqualTo("FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=30;BYSECOND=0");
        assertThat(RRuleParser.read(everyTwo).rule()).isEqualTo(DailyRRules.everyDays(2, java.time.LocalTime.of(10, 30)));
        assertThat(DailyRRules.fromCalendar(CalendarSpec.parse("*:*:00.5"))).isNull();
        // a cron of every day of the month, and an end read back as written
        RecurrenceRule weekdays = DailyRRules.fromCron(CronExpression.parse("15 7,19 * * 1-5"))
                .endingBy(java.time.LocalDateTime.parse("2030-01-31T18:00"));
        assertThat(weekdays.text()).isEqualTo(
                "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=7,19;BYMINUTE=15;BYSECOND=0;UNTIL=20300131T180000");
        assertThat(RRuleParser.read(weekdays.text()).rule()).isEqualTo(weekdays);
        assertThat(DailyRRules.fromCron(CronExpression.parse("0 6 1 * *"))).isNull();
        assertThat(DailyRRules.fromCron(CronExpression.parse("0 6 * 1-6 *"))).isNull();
    }

    @Test
    void ourEvaluationMatchesDateutil() throws Exception {
        Assumptions.assumeTrue(dateutilAvailable(), "SKIPPED: python3 with dateutil not found; it is the RRULE oracle");
        List<String> labels = new ArrayList<>(CALENDARS);
        List<String> rules = new ArrayList<>(CALENDARS.stream().map(c -> DailyRRules.fromCalendar(CalendarSpec.parse(c)).text()).toList());
        // every n days at a time, counted from Prefect's DTSTART (the schedule library's every(n).days.at())
        for (String[] every : new String[][] {{"2", "02:30:00"}, {"3", "10:30:15"}, {"7", "00:00:00"}}) {
            labels.add("every " + every[0] + " days at " + every[1]);
            rules.add(DailyRRules.everyDays(Integer.parseInt(every[0]), java.time.LocalTime.parse(every[1])).text());
        }
        // an UNTIL inside each window, at a time that fires (inclusive) and at one skipped or repeated by DST
        for (String until : List.of("2027-03-29T02:30", "2027-03-28T02:30", "2027-10-31T02:30", "2027-11-08T01:30")) {
            labels.add("daily at 02:30 until " + until);
            rules.add(DailyRRules.fromCron(CronExpression.parse("30 2 * * *")).endingBy(java.time.LocalDateTime.parse(until)).text());
            rules.add(DailyRRules.everyDays(2, java.time.LocalTime.of(1, 30)).endingBy(java.time.LocalDateTime.parse(until)).text());
            labels.add("every 2 days at 01:30 until " + until);
        }
        for (String zone : List.of("Europe/Berlin", "America/New_York")) {
            for (String start : List.of("2027-03-27T20:00:00", "2027-10-30T20:00:00", "2027-03-13T12:00:00",
                    "2027-11-06T12:00:00")) {
                List<String> expected = run(start, zone, rules);
                for (int i = 0; i < rules.size(); i++) {
                    Instant from = LocalDateTime.parse(start).toInstant(ZoneOffset.UTC);
                    String ours = FireTimes.prefect(PrefectSchedule.rrule(rules.get(i), zone), from, 30).stream()
                            .map(z -> z.toInstant().toString()).filter(RRuleOracleTest::before2037)
                            .collect(Collectors.joining(" "));
                    String theirs = java.util.Arrays.stream(expected.get(i).split(" "))
                            .filter(RRuleOracleTest::before2037).collect(Collectors.joining(" "));
                    assertThat(ours).as("%s (%s) in %s from %s", labels.get(i), rules.get(i), zone, start)
                            .isEqualTo(theirs);
                }
            }
        }
    }

    /** dateutil's tzfile knows no DST rule past 2037 (the 32-bit table end), so later times are not comparable. */
    private static boolean before2037(String instant) {
        return instant.compareTo("2037") < 0;
    }

    private static boolean dateutilAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import dateutil.rrule").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private List<String> run(String start, String zone, List<String> rules) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3",
                Path.of(getClass().getResource("prefect_rrule_dates.py").toURI()).toString(), start, "30", zone));
        cmd.addAll(rules);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        return out.lines().toList();
    }
}
