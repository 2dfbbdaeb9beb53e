package dev.migrate.analyzers.schedule;

import java.time.LocalDate;

/**
 * How a cron dialect combines day-of-month and day-of-week. The dialects disagree in a way that silently
 * changes schedules: Vixie cron ANDs the fields as soon as either starts with {@code *} (so {@code *}{@code /2}
 * counts as a star), while croniter with {@code day_or=True} ORs them unless either covers every value.
 */
public enum DayRule {
    /** Vixie/ISC cron, cronie, Debian cron. */
    VIXIE,
    /** croniter (Prefect) with {@code day_or=True}, the default. */
    CRONITER_OR,
    /** croniter (Prefect) with {@code day_or=False}: both fields must match. */
    CRONITER_AND;

    public boolean matches(CronExpression e, LocalDate d) {
        if (e.sourceDays() != null) {
            return e.sourceDays().test(d); // a Quartz or Spring L or #: the dialect's own reading decides
        }
        boolean dom = e.matchesDayOfMonth(d);
        boolean dow = e.matchesDayOfWeek(d);
        return combinesWithOr(e) ? dom || dow : dom && dow;
    }

    /**
     * croniter (checked against 6.2.4) reads a day field as '*' when it is written {@code *}, or when it covers
     * every value and the other day field's text contains a '*'; so {@code *}{@code /1 * 1} ORs (every day).
     */
    private static boolean croniterStar(CronExpression e, CronField field, CronField other) {
        return e.field(field).equals("*") || e.full(field) && e.field(other).contains("*");
    }

    /** Whether this dialect ORs the two day fields of {@code e}. */
    public boolean combinesWithOr(CronExpression e) {
        return switch (this) {
            case VIXIE -> !e.starred(CronField.DAY_OF_MONTH) && !e.starred(CronField.DAY_OF_WEEK);
            case CRONITER_OR -> !croniterStar(e, CronField.DAY_OF_MONTH, CronField.DAY_OF_WEEK)
                    && !croniterStar(e, CronField.DAY_OF_WEEK, CronField.DAY_OF_MONTH);
            case CRONITER_AND -> false;
        };
    }
}
