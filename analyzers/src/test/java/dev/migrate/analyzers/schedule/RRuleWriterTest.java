package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What we write is what we read: a rule read by {@link RRuleParser} and written by {@link RRuleWriter} reads back to the
 * same {@link RecurrenceRule}, writes the same text a second time, and fires at the same times, by our evaluation and by
 * dateutil's (the oracle Prefect's RRuleSchedule is).
 */
class RRuleWriterTest {
    private static final Instant FROM = Instant.parse("2027-03-10T00:00:00Z");

    /** The users' rules of the evaluation oracle and a seeded set of generated ones, each with its written form. */
    private static List<String[]> readAndWritten() {
        List<String> rules = new ArrayList<>(RRuleEvaluationOracleTest.COMMON);
        Random rnd = new Random(20261124);
        for (int i = 0; i < 300; i++) {
            rules.add(RRuleEvaluationOracleTest.generate(rnd, LocalDate.of(2027, 3, 10)));
        }
        List<String[]> out = new ArrayList<>();
        for (String rule : rules) {
            RRuleParser.Reading reading;
            try {
                reading = RRuleParser.read(rule);
            } catch (ScheduleSyntaxException refused) {
                continue; // nothing to write
            }
            if (reading.notEvaluated() == null) {
                out.add(new String[] {rule, reading.rule().text()});
            }
        }
        return out;
    }

    @Test
    void aRuleWrittenReadsBackToTheSameRuleAndFireTimes() {
        List<String[]> pairs = readAndWritten();
        assertThat(pairs).hasSizeGreaterThan(250);
        SoftAssertions soft = new SoftAssertions();
        for (String[] p : pairs) {
            RecurrenceRule read = RRuleParser.read(p[0]).rule();
            RRuleParser.Reading back = RRuleParser.read(p[1]);
            soft.assertThat(back.notEvaluated()).as(p[1]).isNull();
            soft.assertThat(back.rule()).as("%s written as %s", p[0], p[1]).isEqualTo(read);
            soft.assertThat(back.rule().text()).as(p[1]).isEqualTo(p[1]);
            for (String zone : List.of("Europe/London", "Australia/Sydney")) {
                soft.assertThat(RRuleFireTimes.prefect(p[1], ZoneId.of(zone), FROM, 20)).as("%s in %s", p[1], zone)
                        .isEqualTo(RRuleFireTimes.prefect(p[0], ZoneId.of(zone), FROM, 20));
            }
        }
        soft.assertAll();
    }

    @Test
    void dateutilFiresTheWrittenRuleWhereItFiresTheRuleRead() throws Exception {
        Assumptions.assumeTrue(RRuleEvaluationOracleTest.dateutilAvailable(),
                "SKIPPED: python3 with dateutil not found; it is the RRULE oracle");
        List<String[]> pairs = readAndWritten();
        List<String> texts = new ArrayList<>();
        pairs.forEach(p -> texts.addAll(List.of(p[0], p[1])));
        List<String> times = RRuleEvaluationOracleTest.dateutil("2027-03-10T00:00:00", "America/New_York", 20, texts);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < pairs.size(); i++) {
            soft.assertThat(times.get(2 * i)).as(pairs.get(i)[0]).doesNotStartWith("ERROR");
            soft.assertThat(times.get(2 * i + 1)).as("%s written as %s", pairs.get(i)[0], pairs.get(i)[1])
                    .isEqualTo(times.get(2 * i));
        }
        soft.assertAll();
    }

    @Test
    void writesEveryPartInOneOrderAndLeavesDefaultsOut() {
        assertThat(RRuleParser.read("rrule:byminute=0;byhour=9;freq=weekly;interval=1;wkst=mo;byweekday=MO(+1),fr")
                .rule().text()).isEqualTo("FREQ=WEEKLY;BYDAY=1MO,FR;BYHOUR=9;BYMINUTE=0");
        assertThat(RRuleParser.read("DTSTART;TZID=Europe/Paris:20240101T0900\nRRULE:FREQ=MONTHLY;COUNT=3;BYSETPOS=-1;"
                + "BYDAY=MO,TU;WKST=SU;INTERVAL=2").rule().text()).isEqualTo("DTSTART;TZID=Europe/Paris:20240101T090000\n"
                + "RRULE:FREQ=MONTHLY;INTERVAL=2;WKST=SU;BYDAY=MO,TU;BYSETPOS=-1;COUNT=3");
        assertThat(RRuleParser.read("DTSTART:20240101T090000Z RRULE:FREQ=DAILY;UNTIL=20250101T000000Z").rule().text())
                .isEqualTo("DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;UNTIL=20250101T000000Z");
    }

    /**
     * An end keeps what dateutil accepts: the earlier of the rule's own UNTIL and the deadline, in UTC form beside a
     * DTSTART with a zone; a rule that counts its runs gets none (COUNT and UNTIL together are not RFC 5545).
     */
    @Test
    void anEndIsTheEarlierOneAndWrittenAsDateutilWantsIt() {
        LocalDateTime last = LocalDateTime.parse("2027-04-02T18:00");
        assertThat(RRuleParser.read("FREQ=DAILY;BYHOUR=9;UNTIL=20270301T000000").rule().endingBy(last).text())
                .isEqualTo("FREQ=DAILY;BYHOUR=9;UNTIL=20270301T000000");
        assertThat(RRuleParser.read("FREQ=DAILY;BYHOUR=9;UNTIL=20280301T000000").rule().endingBy(last).text())
                .isEqualTo("FREQ=DAILY;BYHOUR=9;UNTIL=20270402T180000");
        String zoned = RRuleParser.read("DTSTART;TZID=America/Chicago:20240101T090000\nRRULE:FREQ=DAILY").rule()
                .endingBy(last).text();
        assertThat(zoned).isEqualTo("DTSTART;TZID=America/Chicago:20240101T090000\nRRULE:FREQ=DAILY;UNTIL=20270402T180000Z");
        assertThat(RRuleParser.read(zoned).rule().until()).isEqualTo(last);
        assertThat(RRuleParser.read("FREQ=DAILY;COUNT=5").rule().endingBy(last)).isNull();
        // the rules we write for calendars and every n days read back as they were (April 25th is a Sunday, the 6th day
        // from the end of its month; May 22nd a Saturday, the 10th from the end; May 30th a Sunday, the 2nd)
        RecurrenceRule everyTwo = DailyRRules.everyDays(2, LocalTime.of(1, 30, 15)).endingBy(last);
        assertThat(RRuleParser.read(everyTwo.text()).rule()).isEqualTo(everyTwo);
        RecurrenceRule calendar = DailyRRules.fromCalendar(CalendarSpec.parse("Sat,Sun *-*~10/4 06:45"));
        assertThat(RRuleParser.read(calendar.text()).rule()).isEqualTo(calendar);
        assertThat(RRuleFireTimes.prefect(calendar.text(), ZoneOffset.UTC, FROM, 3)).extracting(Object::toString)
                .containsExactly("2027-04-25T06:45Z", "2027-05-22T06:45Z", "2027-05-30T06:45Z");
    }
}
