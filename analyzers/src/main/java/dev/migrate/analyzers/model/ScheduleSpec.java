package dev.migrate.analyzers.model;

import java.util.Objects;

/**
 * A schedule exactly as the source states it, before interpretation. The schedule model
 * ({@code dev.migrate.analyzers.schedule}) parses it, describes it and proves its Prefect 3 translation.
 *
 * @param form       how the source expresses it
 * @param expression the text as written, for example {@code "*&#47;15 * * * *"}, {@code "Mon..Fri 02:00"},
 *                   {@code "PT15M"} or {@code "@reboot"}
 * @param timezone   the IANA zone in force (CRON_TZ, {@code timezone=}, zone attribute), or null for the host's
 * @param where      where the expression is written
 * @param paused     the schedule is written but switched off on its own: a Prefect deployment's schedule with
 *                   {@code active: false} ({@code active=False} in Python), beside others that run; a whole deployment's
 *                   pause is its job's {@code paused} attribute
 * @param unproven   what the source leaves unknown that the fire times depend on, so that no proof of them can be
 *                   exact: a Prefect 1 clock whose start_date only running the code tells (an imported name, a helper's
 *                   result, {@code pendulum.now()} in the registering machine's zone) has an unknown zone or phase, and
 *                   the expression is the schedule read without it (UTC, no anchor); null when the source states it all
 */
public record ScheduleSpec(Form form, String expression, String timezone, SourceRef where, boolean paused,
                           String unproven) {
    /**
     * How {@link #unproven} begins when what is unknown includes the zone: {@link #timezone} is then only the zone the
     * schedule was read in (UTC, as a platform schedule naming none is), not one the source states.
     */
    public static final String ZONE_NOT_PROVEN = "start unknown: zone";
    /**
     * How {@link #unproven} begins when the zone a wall-clock schedule (a cron line, an {@code OnCalendar=}, a trigger
     * without a start) fires in is unknown: such a schedule has no start to be unknown, only a zone. {@link #timezone}
     * is then, as for {@link #ZONE_NOT_PROVEN}, only the zone it was read in.
     */
    public static final String CLOCK_ZONE_NOT_PROVEN = "zone not proven";

    public ScheduleSpec {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(where, "where");
    }

    /** A schedule the source states in full, paused or not. */
    public ScheduleSpec(Form form, String expression, String timezone, SourceRef where, boolean paused) {
        this(form, expression, timezone, where, paused, null);
    }

    /** A schedule that runs. */
    public ScheduleSpec(Form form, String expression, String timezone, SourceRef where) {
        this(form, expression, timezone, where, false);
    }

    /** The same schedule, switched off on its own ({@code active: false}). */
    public ScheduleSpec asPaused() {
        return new ScheduleSpec(form, expression, timezone, where, true, unproven);
    }

    /** The same schedule read in another zone (a platform's UTC, a JVM's default), paused or not as it was. */
    public ScheduleSpec withTimezone(String zone) {
        return new ScheduleSpec(form, expression, zone, where, paused, unproven);
    }

    /** The same schedule with its expression rewritten (redacted), paused or not as it was. */
    public ScheduleSpec withExpression(String text) {
        return new ScheduleSpec(form, text, timezone, where, paused, unproven);
    }

    /** The same schedule, with what the source leaves unknown about its fire times ({@link #unproven()}). */
    public ScheduleSpec withUnproven(String why) {
        return new ScheduleSpec(form, expression, timezone, where, paused, why);
    }

    /**
     * Whether the source leaves the zone unknown ({@link #ZONE_NOT_PROVEN}, {@link #CLOCK_ZONE_NOT_PROVEN}): reports must
     * not show the zone as its.
     */
    public boolean zoneUnproven() {
        return unproven != null && (unproven.startsWith(ZONE_NOT_PROVEN) || unproven.startsWith(CLOCK_ZONE_NOT_PROVEN));
    }

    /**
     * The zone as reports show it after the expression: " (Europe/Paris)", nothing without one, and for a zone the source
     * leaves unknown the zone it was read in, said to be only that: " (zone not proven, read as UTC)".
     */
    public String zoneLabel() {
        if (timezone == null) {
            return zoneUnproven() ? " (zone not proven)" : "";
        }
        return zoneUnproven() ? " (zone not proven, read as " + timezone + ")" : " (" + timezone + ")";
    }

    /**
     * Whether the fire times depend on the zone the schedule is read in: wall-clock forms (cron, calendars, RRULEs)
     * and intervals counted from a local start ({@code R/2024-01-01T00:30/PT6H}); not a bare interval ({@code PT5M}),
     * monotonic timers, boot or event triggers.
     */
    public boolean dependsOnZone() {
        return switch (form) {
            case INTERVAL -> expression.startsWith("R/");
            case CRON_UNIX -> !expression.strip().startsWith("@reboot");
            case AT_BOOT, EVENT, UNKNOWN, SYSTEMD_MONOTONIC -> false;
            default -> true;
        };
    }

    public enum Form {
        /** Five-field Vixie/POSIX cron, including {@code @} macros. */
        CRON_UNIX,
        /** Six-field cron with seconds (Spring). */
        CRON_SPRING,
        /** Quartz cron (seconds, optional year, {@code ?}, {@code L}, {@code W}, {@code #}). */
        CRON_QUARTZ,
        /**
         * Five-field cron read as APScheduler's {@code CronTrigger} reads its fields: a day must match both the
         * day-of-month and the day-of-week field (Vixie cron runs on either when both are restricted).
         */
        CRON_APSCHEDULER,
        /**
         * Five-field cron from Celery's {@code crontab()}, read as Celery reads it: a day must be in both
         * day_of_month and day_of_week (its crontab.remaining_delta and _delta_to_next), as for APScheduler.
         */
        CRON_CELERY,
        /**
         * Five-field cron from the {@code schedule} library's {@code every().unit.at(time, tz)}: with a zone, schedule 1.2
         * puts a local time that a spring-forward change skips one offset later (02:30 runs at 03:30) and a repeated
         * one at its first occurrence ({@code Job._correct_utc_offset}), which is how Prefect's croniter reads it, not
         * Vixie cron's "right at the change". Without a zone the library compares naive local clock readings: a
         * skipped time runs right at the change and a repeated one once, whatever the fields; a time of day is then
         * {@link #CRON_UNIX} (Vixie cron's fixed-time rule is the same), an hourly or minutely {@code at()} this form
         * without a zone (Vixie cron would read it as a wildcard job).
         */
        CRON_SCHEDULE_LIB,
        /**
         * Five-field cron of a Prefect 1, 2 or 3 deployment (a {@code CronSchedule}/{@code CronClock}, a prefect.yaml
         * or deployment.yaml {@code cron:}, {@code --cron}), read as Prefect reads it: croniter with
         * {@code day_or=True} (so {@code L} and {@code D#N} too) and Prefect's own DST rule. Moving such a schedule to
         * Prefect 3 keeps its fire times; read as Vixie cron, a 02:30 job would show a DST difference no run ever had.
         */
        CRON_PREFECT,
        /** systemd OnCalendar. */
        SYSTEMD_CALENDAR,
        /** systemd monotonic timers: OnBootSec, OnStartupSec, OnUnitActiveSec, OnUnitInactiveSec. */
        SYSTEMD_MONOTONIC,
        /**
         * A fixed interval, expression is an ISO-8601 duration such as {@code PT15M}, or an ISO-8601 repeating
         * interval {@code R/2020-01-01T10:30/P2D}: every period from that local time, on the wall clock of the zone;
         * a start with a UTC offset ({@code R/2024-01-01T00:30+01:00/PT6H}, a Prefect anchor_date) is an instant from
         * which the period counts in elapsed time.
         */
        INTERVAL,
        /** An RFC 5545 RRULE. */
        RRULE,
        /** Runs once at boot or start-up. */
        AT_BOOT,
        /** Triggered by an event, not a clock. */
        EVENT,
        /** Present but not statically knowable (for example a {@code ${...}} placeholder). */
        UNKNOWN
    }
}
