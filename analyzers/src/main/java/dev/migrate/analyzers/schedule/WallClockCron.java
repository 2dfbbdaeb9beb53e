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
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!e.matches(CronField.MINUTE, t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        return null;
    }
}
