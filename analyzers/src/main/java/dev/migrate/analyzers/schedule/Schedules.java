package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a {@link ScheduleSpec} (the text a detector found) into the {@link Schedule} model. */
public final class Schedules {
    /** Files whose crons croniter reads (YAML and Python): compiled once, it is asked of every cron a scan reads. */
    private static final Pattern CRONITER_FILES = Pattern.compile("(?i).*\\.(ya?ml|py)");

    private Schedules() {
    }

    /**
     * @param hostZone the zone assumed when the source names none
     * @throws ScheduleSyntaxException when the expression is malformed
     */
    public static Schedule interpret(ScheduleSpec spec, ZoneId hostZone) {
        ZoneId zone = zone(spec.timezone(), hostZone);
        String text = spec.expression().strip();
        return switch (spec.form()) {
            case CRON_UNIX -> text.equalsIgnoreCase("@reboot")
                    ? new Schedule.AtBoot("@reboot", Duration.ZERO)
                    : unix(text, zone, croniterDays(spec));
            case CRON_SPRING -> CronDialects.everySeconds(text, false)
                    .<Schedule>map(every -> new Schedule.SecondsCron(text, false, every, zone))
                    .orElseGet(() -> new Schedule.Cron(dialect(CronDialects.springToUnix(text), text, false), DayRule.CRONITER_AND,
                            zone, DstRule.SPRING));
            case CRON_QUARTZ -> CronDialects.everySeconds(text, true)
                    .<Schedule>map(every -> new Schedule.SecondsCron(text, true, every, zone))
                    .orElseGet(() -> new Schedule.Cron(dialect(CronDialects.quartzToUnix(text), text, true), DayRule.CRONITER_AND,
                            zone, DstRule.QUARTZ));
            // APScheduler's `last` and `2nd mon` days are written as croniter's L and D#N, which read the same days
            case CRON_APSCHEDULER -> new Schedule.Cron(CronExpression.parseCroniter(text), DayRule.CRONITER_AND, zone);
            case CRON_CELERY -> new Schedule.Cron(CronExpression.parse(text), DayRule.CRONITER_AND, zone);
            // only one day field is ever restricted, so the day rule plays no part; the DST rule is croniter's with
            // at()'s zone, and without one the library compares naive local clock readings
            case CRON_SCHEDULE_LIB -> spec.timezone() == null
                    ? new Schedule.Cron(CronExpression.parse(text), DayRule.VIXIE, zone, DstRule.NAIVE_CLOCK)
                    : new Schedule.Cron(CronExpression.parse(text), DayRule.CRONITER_OR, zone);
            case CRON_PREFECT -> new Schedule.Cron(CronExpression.parseCroniter(text), DayRule.CRONITER_OR, zone);
            case SYSTEMD_CALENDAR -> new Schedule.Calendar(CalendarSpec.parse(text), hostZone);
            case SYSTEMD_MONOTONIC -> monotonic(text, zone);
            case INTERVAL -> interval(text, zone);
            case RRULE -> rrule(text, zone);
            case AT_BOOT -> new Schedule.AtBoot(text, Duration.ZERO);
            case EVENT -> new Schedule.EventDriven(text);
            case UNKNOWN -> new Schedule.Unknown(text);
        };
    }

    /**
     * Five-field cron as Vixie cron reads it; one with croniter's {@code L} or {@code D#N} in a YAML or Python file is a
     * Prefect deployment's (a prefect.yaml, {@code cron=} of a deployment, as migrate writes Quartz's last day of the
     * month) and is read as croniter reads it. A crontab line or a script's command keeps Vixie cron's reading, which
     * has neither: cron refuses the line.
     */
    private static Schedule unix(String text, ZoneId zone, boolean croniterDays) {
        try {
            return new Schedule.Cron(CronExpression.parse(text), DayRule.VIXIE, zone);
        } catch (ScheduleSyntaxException vixie) {
            if (!croniterDays) {
                throw vixie;
            }
            CronExpression croniter;
            try {
                croniter = CronExpression.parseCroniter(text);
            } catch (ScheduleSyntaxException e) {
                throw vixie;
            }
            if (!croniter.hasSpecialDays()) {
                throw vixie;
            }
            return new Schedule.Cron(croniter, DayRule.CRONITER_OR, zone);
        }
    }

    /**
     * Whether a five-field cron of this spec may hold croniter's L and D#N (one in a YAML or Python file): the same text
     * means two things, so a cache of readings keys on this too.
     */
    public static boolean croniterDays(ScheduleSpec spec) {
        return spec.form() == ScheduleSpec.Form.CRON_UNIX && spec.where() != null
                && CRONITER_FILES.matcher(spec.where().path()).matches();
    }

    /**
     * The Unix (croniter) reading of a Quartz or Spring expression; one with {@code L} or {@code D#N} takes its days
     * from the dialect's own reading ({@link CronDialects#specialSourceDays}), so its proof is not circular.
     */
    private static CronExpression dialect(String unix, String text, boolean quartz) {
        CronExpression e = CronExpression.parseCroniter(unix);
        return CronDialects.specialSourceDays(text, quartz).map(e::withSourceDays).orElse(e);
    }

    /**
     * {@code PT15M}, or an ISO-8601 repeating interval {@code R/2020-01-01T10:30/P2D}: every two days from that local
     * time in the schedule's zone (the schedule library's {@code every(2).days.at("10:30")}). A start with a UTC offset,
     * {@code R/2024-01-01T00:30+01:00/PT6H}, is one instant: the period counts in elapsed time from it (a Prefect
     * interval's anchor_date, see {@link AnchoredInterval}).
     */
    private static Schedule interval(String text, ZoneId zone) {
        if (!text.startsWith("R/")) {
            return new Schedule.Interval(positive(isoDuration(text), text), null, zone, false);
        }
        int slash = text.indexOf('/', 2);
        if (slash < 0) {
            throw new ScheduleSyntaxException("expected R/start/duration, for example R/2020-01-01T10:30/P2D", 0);
        }
        String every = text.substring(slash + 1);
        try {
            java.time.Instant instant = java.time.OffsetDateTime.parse(text.substring(2, slash)).toInstant();
            return new Schedule.Interval(positive(isoDuration(every), every), instant, zone, false);
        } catch (DateTimeParseException notAnInstant) {
            // a local start: the wall-clock form below
        }
        LocalDateTime anchor;
        try {
            anchor = LocalDateTime.parse(text.substring(2, slash));
        } catch (DateTimeParseException e) {
            throw new ScheduleSyntaxException("bad start '" + text.substring(2, slash) + "' in '" + text
                    + "', expected a local date and time such as 2020-01-01T10:30", 2);
        }
        return new Schedule.WallClockInterval(positive(isoDuration(every), every), anchor, zone);
    }

    /** An RRULE dateutil would refuse, or one that could never fire, is malformed here, as a malformed cron is. */
    private static Schedule rrule(String text, ZoneId zone) {
        RRuleParser.read(text);
        return new Schedule.RRule(text, zone);
    }

    /** {@code OnUnitActiveSec=15min}, {@code OnBootSec=5min} and friends. */
    private static Schedule monotonic(String text, ZoneId zone) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new ScheduleSyntaxException("expected Setting=timespan, for example OnUnitActiveSec=15min", 0);
        }
        String key = text.substring(0, eq).strip();
        Duration span = TimeSpans.parse(text.substring(eq + 1));
        return switch (key) {
            case "OnBootSec", "OnStartupSec" -> new Schedule.AtBoot(key, span);
            case "OnUnitActiveSec" -> new Schedule.Interval(positive(span, text), null, zone, false);
            case "OnUnitInactiveSec" -> new Schedule.Interval(positive(span, text), null, zone, true);
            case "OnActiveSec" -> new Schedule.AtBoot(key + " (after the timer starts)", span);
            default -> throw new ScheduleSyntaxException("unknown monotonic timer setting " + key, 0);
        };
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new ScheduleSyntaxException("the interval in '" + text + "' must be longer than zero", 0);
        }
        if (d.compareTo(Duration.ofDays(36_525)) > 0) {
            throw new ScheduleSyntaxException("the interval in '" + text + "' is longer than 100 years", 0);
        }
        return d;
    }

    private static Duration isoDuration(String text) {
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ScheduleSyntaxException("bad ISO-8601 duration '" + text + "', expected something like PT15M", 0);
        }
    }

    private static ZoneId zone(String name, ZoneId fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new ScheduleSyntaxException("unknown time zone '" + name + "'", 0);
        }
    }
}
