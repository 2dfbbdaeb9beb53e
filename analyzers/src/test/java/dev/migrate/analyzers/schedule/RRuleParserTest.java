package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.analyzers.schedule.RecurrenceRule.Frequency;
import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RRULE forms rrulestr reads, and what is wrong with the ones it refuses. */
class RRuleParserTest {
    @Test
    void readsThePartsAsWritten() {
        RecurrenceRule r = RRuleParser.read("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,-1FR,WE;BYMONTHDAY=-1,15;"
                + "BYHOUR=6,18;BYMINUTE=30;BYSETPOS=-1;WKST=SU;COUNT=12").rule();
        assertThat(r.freq()).isEqualTo(Frequency.MONTHLY);
        assertThat(r.interval()).isEqualTo(2);
        assertThat(r.byDay()).containsExactly(new WeekdayNum(DayOfWeek.MONDAY, 1), new WeekdayNum(DayOfWeek.FRIDAY, -1),
                new WeekdayNum(DayOfWeek.WEDNESDAY, 0));
        assertThat(r.byMonthDay()).containsExactly(-1, 15);
        assertThat(r.byHour()).containsExactly(6, 18);
        assertThat(r.bySetPos()).containsExactly(-1);
        assertThat(r.wkst()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(r.count()).isEqualTo(12);
        assertThat(r.dtstart()).isNull();
        assertThat(r.start()).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
        // rrulestr upper-cases the text and also reads dateutil's own MO(+2)
        assertThat(RRuleParser.read("freq=monthly;byday=mo(+2)").rule().byDay())
                .containsExactly(new WeekdayNum(DayOfWeek.MONDAY, 2));
    }

    @Test
    void readsDtstartLines() {
        RecurrenceRule zoned = RRuleParser.read("DTSTART;TZID=America/New_York:20240101T090000\n"
                + "RRULE:FREQ=DAILY;UNTIL=20241231T235959Z").rule();
        assertThat(zoned.dtstart()).isEqualTo(LocalDateTime.of(2024, 1, 1, 9, 0));
        assertThat(zoned.tzid()).isEqualTo("America/New_York");
        // Prefect gives UNTIL the schedule's zone with its digits kept, as it does DTSTART
        assertThat(zoned.until()).isEqualTo(LocalDateTime.of(2024, 12, 31, 23, 59, 59));
        RecurrenceRule plain = RRuleParser.read("DTSTART:20240105T083000 FREQ=WEEKLY;UNTIL=20250101").rule();
        assertThat(plain.dtstart()).isEqualTo(LocalDateTime.of(2024, 1, 5, 8, 30));
        assertThat(plain.tzid()).isNull();
        assertThat(plain.until()).isEqualTo(LocalDateTime.of(2025, 1, 1, 0, 0));
        assertThat(RRuleParser.read("DTSTART;VALUE=DATE:20240105\nRRULE:FREQ=DAILY").rule().dtstart())
                .isEqualTo(LocalDateTime.of(2024, 1, 5, 0, 0));
    }

    @Test
    void malformedRulesSayWhichPartIsWrong() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("FREQ=DAILY;", "it has an empty part (a ';' too many)"),
                Map.entry("FREQ=DAILY; BYHOUR=6", "it has an empty part (a ';' too many)"),
                Map.entry("BYHOUR=6", "it has no FREQ"),
                Map.entry("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency (YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, "
                        + "MINUTELY, SECONDLY)"),
                Map.entry("FREQ=DAILY;BYHOUR=25", "BYHOUR=25: 25 is out of range (0 to 23)"),
                Map.entry("FREQ=DAILY;BYMINUTE=5,x", "BYMINUTE: 'X' is not a whole number"),
                Map.entry("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 must be 1 or more"),
                Map.entry("FREQ=DAILY;COUNT=0", "COUNT=0 never fires (it must be 1 or more)"),
                Map.entry("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0: 0 is out of range (-31 to 31, not 0)"),
                Map.entry("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO: the ordinal of '0MO' is 0"),
                Map.entry("FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO: '6MO' never fires (a month has at most 5 of each day)"),
                Map.entry("FREQ=WEEKLY;BYDAY=MON", "BYDAY=MON: 'MON' is not a day (MO, 1MO, -1FR)"),
                Map.entry("FREQ=DAILY;BYFOO=1", "'BYFOO' is not an RRULE part"),
                Map.entry("FREQ=DAILY;WKST=XX", "WKST=XX is not a day (MO to SU)"),
                Map.entry("FREQ=DAILY;BYSETPOS=0", "BYSETPOS=0: 0 is out of range (-366 to 366, not 0)"),
                Map.entry("FREQ=DAILY;UNTIL=20251301", "UNTIL=20251301 is not a date and time"),
                Map.entry("FREQ=DAILY;UNTIL=20250101T000000Z", "UNTIL=20250101T000000Z is in UTC but the rule has no DTSTART "
                        + "with a zone (Prefect gives it 2020-01-01 without one), which dateutil refuses; write UNTIL without the Z"),
                Map.entry("DTSTART;TZID=Europe/Paris:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20250101T000000",
                        "UNTIL=20250101T000000 has no Z but DTSTART names a zone, which dateutil refuses; write it in UTC with a "
                        + "trailing Z"),
                Map.entry("DTSTART:20240101T090000", "there is no RRULE line, only DTSTART:20240101T090000"),
                Map.entry("DTSTART;FOO=1:20240101T090000\nRRULE:FREQ=DAILY", "DTSTART has the parameter FOO=1, which rrulestr "
                        + "does not read"),
                Map.entry("SUMMARY:x\nRRULE:FREQ=DAILY", "'SUMMARY' is not a property rrulestr reads (DTSTART, RRULE, RDATE, "
                        + "EXRULE, EXDATE)"),
                Map.entry("FREQ=HOURLY;INTERVAL=2;BYHOUR=3", "no BYHOUR value is reached counting every 2 from DTSTART's hour 0"),
                Map.entry("FREQ=MINUTELY;INTERVAL=90;BYHOUR=2", "no BYHOUR value is reached counting every 90 minutes from "
                        + "DTSTART's 00:00"),
                Map.entry("  ", "it is empty"));
        expected.forEach((rule, why) -> assertThatThrownBy(() -> RRuleParser.read(rule)).as(rule)
                .isInstanceOf(ScheduleSyntaxException.class)
                .hasMessage("malformed RRULE '" + rule.strip().replaceAll("\\s+", " ") + "': " + why));
    }

    @Test
    void aDateFormNotReadHereIsNotEvaluatedRatherThanMalformed() {
        RRuleParser.Reading r = RRuleParser.read("FREQ=DAILY;UNTIL=Dec-31-2025");
        assertThat(r.notEvaluated()).isEqualTo("UNTIL=DEC-31-2025 is a date form not read here (write 20240131T090000)");
    }

    /**
     * Rules of random parts, values in and out of range and stray characters: each is read or refused with a
     * {@link ScheduleSyntaxException}, and whatever is read is described and translated without an exception, as a
     * scan of a user's tree needs.
     */
    @Test
    void noRuleMakesTheScanThrow() {
        java.util.Random rnd = new java.util.Random(5545);
        String[] names = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTH", "BYMONTHDAY", "BYHOUR",
                "BYMINUTE", "BYSECOND", "BYSETPOS", "BYWEEKNO", "X"};
        String[] values = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY", "0", "1", "-1", "2",
                "7", "13", "24", "31", "-31", "60", "367", "MO", "1MO", "-1FR", "5SU", "+2TU", "MO,TU", "20270101",
                "20270101T000000Z", "1,,2", "", "=", "x"};
        java.time.Instant now = java.time.Instant.parse("2026-11-21T12:00:00Z");
        int read = 0;
        for (int i = 0; i < 300; i++) {
            List<String> parts = new java.util.ArrayList<>();
            parts.add("FREQ=" + values[rnd.nextInt(7)]);
            for (int k = rnd.nextInt(5); k > 0; k--) {
                parts.add(names[rnd.nextInt(names.length)] + "=" + values[rnd.nextInt(values.length)]);
            }
            java.util.Collections.shuffle(parts, rnd);
            String rule = (rnd.nextInt(4) == 0 ? "DTSTART:2026" + (10 + rnd.nextInt(3)) + "01T0" + rnd.nextInt(10) + "3000\n" : "")
                    + String.join(";", parts);
            Schedule s;
            try {
                s = Schedules.interpret(new dev.migrate.analyzers.model.ScheduleSpec(
                        dev.migrate.analyzers.model.ScheduleSpec.Form.RRULE, rule, "Europe/London",
                        dev.migrate.analyzers.model.SourceRef.file("prefect.yaml")), java.time.ZoneId.of("UTC"));
            } catch (ScheduleSyntaxException e) {
                assertThat(e.getMessage()).as(rule).startsWith("malformed RRULE ");
                continue;
            }
            read++;
            assertThat(s.describe()).as(rule).isNotBlank();
            Translation t = PrefectTranslator.translate(s, TimerOptions.NONE, now);
            assertThat(t.target()).as(rule).isNotNull();
        }
        assertThat(read).as("rules read").isGreaterThan(30);
    }

    /** The ones dateutil itself refuses (the others above it accepts, but they never fire or loop forever). */
    @Test
    void dateutilRefusesTheRulesItShould() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(RRuleEvaluationOracleTest.dateutilAvailable(),
                "SKIPPED: python3 with dateutil not found; it is the RRULE oracle");
        List<String> refused = List.of("FREQ=DAILY;", "FREQ=DAILY; BYHOUR=6", "BYHOUR=6", "FREQ=FORTNIGHTLY",
                "FREQ=DAILY;BYHOUR=25", "FREQ=DAILY;BYMINUTE=5,x", "FREQ=MONTHLY;BYDAY=0MO", "FREQ=WEEKLY;BYDAY=MON",
                "FREQ=DAILY;BYFOO=1", "FREQ=DAILY;WKST=XX", "FREQ=DAILY;BYSETPOS=0", "FREQ=DAILY;UNTIL=20251301",
                "FREQ=DAILY;UNTIL=20250101T000000Z", "DTSTART;TZID=Europe/Paris:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20250101T000000",
                "DTSTART:20240101T090000", "DTSTART;FOO=1:20240101T090000\nRRULE:FREQ=DAILY", "SUMMARY:x\nRRULE:FREQ=DAILY",
                "FREQ=HOURLY;INTERVAL=2;BYHOUR=3", "FREQ=MINUTELY;INTERVAL=90;BYHOUR=2");
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", java.nio.file.Path.of(getClass()
                .getResource("prefect_rrule_oracle.py").toURI()).toString(), "2027-01-01T00:00:00", "3", "UTC"));
        cmd.addAll(refused);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        assertThat(lines).hasSize(refused.size());
        for (int i = 0; i < refused.size(); i++) {
            assertThat(lines.get(i)).as(refused.get(i)).startsWith("ERROR");
        }
    }
}
