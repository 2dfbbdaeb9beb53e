package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before: every RRULE (prefect.yaml {@code rrule:}, {@code RRuleSchedule(rrule=...)}) was "passed through unchanged and
 * was not evaluated, so it is not proven", and the inventory showed the rule text. After: the rule is evaluated as
 * Prefect's dateutil does, becomes the cron it is when the proof agrees, and is otherwise proven as itself.
 */
class RRuleTranslationTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static Translation translate(String rule, String tz) {
        Schedule s = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.RRULE, rule, tz, SourceRef.file("prefect.yaml")),
                ZoneId.of("UTC"));
        return PrefectTranslator.translate(s, TimerOptions.NONE, NOW);
    }

    @Test
    void aWeeklyRuleAtATimeBecomesTheCronItIs() {
        Translation t = translate("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=6;BYMINUTE=0", "America/New_York");
        assertThat(t.target().toYaml()).containsExactly(Map.entry("cron", "0 6 * * 1,3,5"),
                Map.entry("timezone", "America/New_York"));
        assertThat(t.exact()).isTrue();
        assertThat(t.reasons()).isEmpty();
        assertThat(t.proof().compared()).isEqualTo(100);
        assertThat(t.source().describe()).isEqualTo("at 06:00 on Mon, Wed and Fri (America/New_York)");
    }

    @Test
    void commonRulesBecomeCron() {
        Map<String, String> expected = Map.of(
                "RRULE:FREQ=DAILY;BYHOUR=9;BYMINUTE=30", "30 9 * * *",
                "FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=23;BYMINUTE=0", "0 23 L * *",
                "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=8", "0 8 * * 1#1",
                "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17", "0 17 * * L5",
                "FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10,11,12,13,14,15,16,17;BYDAY=MO,TU,WE,TH,FR", "*/15 9-17 * * 1-5",
                "FREQ=HOURLY;INTERVAL=6", "0 */6 * * *",
                // dateutil fills the day from Prefect's DTSTART, 2020-01-01 (a Wednesday) at 00:00
                "FREQ=WEEKLY", "0 0 * * 3",
                "FREQ=YEARLY;BYHOUR=12", "0 12 1 1 *",
                "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;BYHOUR=4", "0 4 15 */3 *");
        expected.forEach((rule, cron) -> {
            Translation t = translate(rule, "Europe/London");
            assertThat(t.target().cron()).as(rule).isEqualTo(cron);
            assertThat(t.exact()).as(rule).isTrue();
        });
        // a month day and a weekday: the rule keeps days that match both, cron with day_or false
        Translation friday13 = translate("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;BYHOUR=9", "UTC");
        assertThat(friday13.target().toYaml()).containsExactly(Map.entry("cron", "0 9 13 * 5"), Map.entry("day_or", false),
                Map.entry("timezone", "UTC"));
        assertThat(friday13.exact()).isTrue();
    }

    /**
     * 02:30 does not exist on the spring-forward day in New York: dateutil places it one offset earlier (01:30 EST),
     * croniter later (03:30 EDT). The cron would move that run, so the RRULE stays, proven as itself.
     */
    @Test
    void aTimeInTheSpringGapKeepsTheRule() {
        Translation t = translate("FREQ=DAILY;BYHOUR=2;BYMINUTE=30", "America/New_York");
        assertThat(t.target().rrule()).isEqualTo("FREQ=DAILY;BYHOUR=2;BYMINUTE=30");
        assertThat(t.exact()).isTrue();
        assertThat(t.proof().compared()).isEqualTo(100);
        ScheduleProof asCron = ScheduleProver.prove(t.source(), PrefectSchedule.cron("30 2 * * *", true, "America/New_York"),
                NOW, ScheduleProver.DEFAULT_FIRE_TIMES);
        assertThat(asCron.equal()).isFalse();
        assertThat(asCron.sourceAt()).hasToString("2027-03-14T01:30-05:00[America/New_York]");
        assertThat(asCron.prefectAt()).hasToString("2027-03-14T03:30-04:00[America/New_York]");
    }

    @Test
    void rulesCronCannotSayStayRulesAndAreProven() {
        for (String rule : List.of("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;BYHOUR=18",
                "FREQ=DAILY;INTERVAL=3;BYHOUR=12", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=MINUTELY;INTERVAL=90",
                "FREQ=DAILY;BYHOUR=6;BYSECOND=30", "DTSTART:20270601T080000\nRRULE:FREQ=DAILY")) {
            Translation t = translate(rule, "Europe/Berlin");
            assertThat(t.target().rrule()).as(rule).isEqualTo(rule);
            assertThat(t.exact()).as(rule).isTrue();
            assertThat(t.reasons()).as(rule).isEmpty();
            assertThat(t.proof().compared()).as(rule).isPositive();
        }
    }

    @Test
    void aRuleThatEndsSaysWhen() {
        Translation count = translate("FREQ=DAILY;COUNT=10;BYHOUR=6", null);
        assertThat(count.target().rrule()).isEqualTo("FREQ=DAILY;COUNT=10;BYHOUR=6");
        assertThat(count.source().describe()).isEqualTo("at 06:00, 10 times, the last at 2020-01-10T06:00 (UTC)");
        assertThat(count.proof().explanation()).isEqualTo("neither side fires after 2026-11-21: the schedule has ended");
        Translation until = translate("DTSTART;TZID=America/New_York:20250301T090000\n"
                + "RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20261231T235959Z", "America/New_York");
        assertThat(until.source().describe()).isEqualTo(
                "at 09:00 every 2 days, from 2025-03-01T09:00, until 2026-12-31T23:59:59 (America/New_York)");
        assertThat(until.exact()).isTrue();
        // compared from now (2026-11-21, an even day from DTSTART) up to the end, before the first DST window
        assertThat(until.proof().compared()).isEqualTo(21);
    }

    @Test
    void aPartNotEvaluatedIsNamed() {
        Map<String, String> expected = Map.of(
                "FREQ=YEARLY;BYWEEKNO=1,20;BYDAY=MO", "BYWEEKNO=1,20 is not evaluated",
                "FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY=100 is not evaluated",
                "FREQ=YEARLY;BYEASTER=0", "BYEASTER=0 is not evaluated",
                "FREQ=SECONDLY;INTERVAL=30", "FREQ=SECONDLY is not evaluated",
                "DTSTART:20240101T090000\nRRULE:FREQ=DAILY\nEXDATE:20240105T090000", "its EXDATE line is not evaluated",
                "RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY", "its 2 RRULE lines make a set that is not evaluated");
        expected.forEach((rule, why) -> {
            Translation t = translate(rule, "UTC");
            assertThat(t.exact()).as(rule).isFalse();
            assertThat(t.target().rrule()).as(rule).isEqualTo(rule);
            assertThat(t.reasons()).as(rule).containsExactly("the RRULE is passed through unchanged, but " + why
                    + ", so it is not proven");
            assertThat(t.source().describe()).as(rule).startsWith("recurrence rule ");
        });
    }

    /** A malformed rule is an unknown schedule that says what is wrong, never an exception out of the scan. */
    @Test
    void aMalformedRuleSaysWhatIsWrong() {
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("UTC"), NOW);
        Schedule s = check.interpret(new ScheduleSpec(ScheduleSpec.Form.RRULE, "FREQ=DAILY;BYHOUR=25", "UTC",
                SourceRef.file("prefect.yaml")));
        assertThat(s).isInstanceOf(Schedule.Unknown.class);
        assertThat(s.describe()).isEqualTo("unknown schedule: malformed RRULE 'FREQ=DAILY;BYHOUR=25': BYHOUR=25: 25 is out "
                + "of range (0 to 23)");
        // built by hand, not through Schedules: the translation says so instead of throwing
        Translation t = PrefectTranslator.translate(new Schedule.RRule("FREQ=DAILY;", ZoneId.of("UTC")), TimerOptions.NONE, NOW);
        assertThat(t.exact()).isFalse();
        assertThat(t.reasons()).containsExactly("malformed RRULE 'FREQ=DAILY;': it has an empty part (a ';' too many)");
    }

    /** Before, FireTimes had no times for an RRULE source: the cutover and activity views could not use one. */
    @Test
    void aPrefect2RuleHasFireTimes() {
        List<ZonedDateTime> times = FireTimes.source(new Schedule.RRule("FREQ=MONTHLY;BYDAY=2TU;BYHOUR=7;BYMINUTE=15",
                ZoneId.of("Europe/Paris")), NOW, 3);
        assertThat(times).extracting(ZonedDateTime::toString).containsExactly("2026-12-08T07:15+01:00[Europe/Paris]",
                "2027-01-12T07:15+01:00[Europe/Paris]", "2027-02-09T07:15+01:00[Europe/Paris]");
    }
}
