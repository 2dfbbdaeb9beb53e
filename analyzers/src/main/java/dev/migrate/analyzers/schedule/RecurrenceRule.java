package dev.migrate.analyzers.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An RFC 5545 RRULE as dateutil reads it ({@link RRuleParser}), before dateutil fills the parts it leaves out from
 * DTSTART. A {@code null} list is a part the rule does not state; {@code dtstart} is null when the rule names none, and
 * Prefect then gives it 2020-01-01 00:00 ({@link #start()}). Every date and time is a local time of the schedule's
 * timezone: Prefect's {@code RRuleSchedule.to_rrule} replaces the zone of DTSTART and UNTIL with the schedule's, keeping
 * their digits.
 *
 * @param count    COUNT, or null
 * @param until    UNTIL as a local time (inclusive), or null
 * @param wkst     the week's first day (WKST, Monday unless stated)
 * @param tzid     the zone DTSTART names ({@code TZID=}, or {@code UTC} for a trailing Z), or null
 * @param byDay    BYDAY days with their ordinal (0 for a plain day)
 */
record RecurrenceRule(Frequency freq, int interval, Integer count, LocalDateTime until, DayOfWeek wkst,
                      LocalDateTime dtstart, String tzid, List<Integer> byMonth, List<Integer> byMonthDay,
                      List<WeekdayNum> byDay, List<Integer> byHour, List<Integer> byMinute, List<Integer> bySecond,
                      List<Integer> bySetPos) {
    /** Prefect's DTSTART for a rule that names none ({@code DEFAULT_ANCHOR_DATE}). */
    static final LocalDateTime PREFECT_DTSTART = LocalDateTime.of(2020, 1, 1, 0, 0);

    /** In dateutil's order: a lower value is a longer period ({@code freq < HOURLY} reads "daily or longer"). */
    enum Frequency {
        YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY;

        boolean shorterThanADay() {
            return compareTo(DAILY) > 0;
        }
    }

    /** A BYDAY entry: {@code MO} (ordinal 0), {@code 1MO}, {@code -1FR}. */
    record WeekdayNum(DayOfWeek day, int ordinal) {
    }

    LocalDateTime start() {
        return dtstart != null ? dtstart : PREFECT_DTSTART;
    }

    /**
     * This rule ending at {@code last} (inclusive, a local time of the schedule's zone), or at its own UNTIL when that is
     * earlier; null for a rule that counts its runs (COUNT), which RFC 5545 does not let end at a time as well.
     */
    RecurrenceRule endingBy(LocalDateTime last) {
        if (count != null) {
            return null;
        }
        LocalDateTime end = until != null && until.isBefore(last) ? until : last;
        return new RecurrenceRule(freq, interval, null, end, wkst, dtstart, tzid, byMonth, byMonthDay, byDay, byHour,
                byMinute, bySecond, bySetPos);
    }

    /** The rule's RRULE text ({@link RRuleWriter}), which {@link RRuleParser} reads back to this rule. */
    String text() {
        return RRuleWriter.text(this);
    }

    /** Whether the rule ends (COUNT or UNTIL). */
    boolean ends() {
        return count != null || until != null;
    }
}
