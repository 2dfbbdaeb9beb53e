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
        boolean dom = e.matches(CronField.DAY_OF_MONTH, d.getDayOfMonth());
        boolean dow = e.matches(CronField.DAY_OF_WEEK, d.getDayOfWeek().getValue() % 7);
        boolean or = switch (this) {
            case VIXIE -> !e.starred(CronField.DAY_OF_MONTH) && !e.starred(CronField.DAY_OF_WEEK);
            case CRONITER_OR -> !e.full(CronField.DAY_OF_MONTH) && !e.full(CronField.DAY_OF_WEEK);
            case CRONITER_AND -> false;
        };
        return or ? dom || dow : dom && dow;
    }
}
