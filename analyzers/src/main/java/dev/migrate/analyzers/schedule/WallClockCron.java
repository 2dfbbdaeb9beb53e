package dev.migrate.analyzers.schedule;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Finds matches of a cron expression on the wall clock, ignoring time zones: the step both cron and
 * croniter take before deciding what a local time means on a DST day.
 */
final class WallClockCron {
    /** Far enough for {@code 0 0 29 2 1} style rarities; beyond it the expression is treated as never firing. */
    private static final int MAX_YEARS = 30;

    private WallClockCron() {
    }

    /** The first matching minute strictly after {@code after}, or null when there is none within 30 years. */
    static LocalDateTime next(CronExpression e, DayRule rule, LocalDateTime after) {
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = after.plusYears(MAX_YEARS);
        while (t.isBefore(limit)) {
            if (!e.matches(CronField.MONTH, t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!rule.matches(e, t.toLocalDate())) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!e.matches(CronField.HOUR, t.getHour())) {
                // Jump straight to the next matching hour of the day (or the next day): proofs walk months of
                // fire times for thousands of schedules, and one hour or minute at a time dominated scan time.
                int h = nextMatch(e, CronField.HOUR, t.getHour() + 1, 24);
                t = h < 24 ? t.truncatedTo(ChronoUnit.HOURS).withHour(h) : t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!e.matches(CronField.MINUTE, t.getMinute())) {
                int m = nextMatch(e, CronField.MINUTE, t.getMinute() + 1, 60);
                t = m < 60 ? t.withMinute(m) : t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else {
                return t;
            }
        }
        return null;
    }

    /** The first value from {@code from} below {@code end} that the field matches, or {@code end}. */
    private static int nextMatch(CronExpression e, CronField field, int from, int end) {
        int v = from;
        while (v < end && !e.matches(field, v)) {
            v++;
        }
        return v;
    }
}
