package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.CronExpression;
import dev.migrate.analyzers.schedule.DayRule;
import dev.migrate.analyzers.schedule.PrefectSchedule;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The schedule the new deployment runs on during the dual run: the legacy one shifted by an offset, so
 * both sides never run at once and the new run reads what the legacy run just wrote. The offset is the
 * validate config's (new run time minus legacy run time) when it gives one; otherwise half the legacy
 * period, at most 30 minutes, in whole minutes. A cron with a fixed minute and hour is shifted as a cron (it
 * keeps its wall-clock meaning across DST); other evenly spaced schedules become an anchored interval. An
 * interval that counts from whenever the legacy job last started (systemd's OnUnitActiveSec, a sleep loop) has
 * no phase in its source: it is anchored on the last run the host's logs show, when the scan read them.
 *
 * @param offset      null for a trigger no Prefect schedule can express (boot, an event): nothing to shift
 * @param prefectYaml the {@code schedules:} item for prefect.yaml, or null when it must be written by hand
 */
public record OffsetSchedule(Duration offset, String legacy, String prefectYaml, String note) {
    private static final Duration MAX_DEFAULT = Duration.ofMinutes(30);
    /** Whether the legacy schedule is a trigger no Prefect schedule can express (boot, an event). */
    public boolean unschedulable() {
        return offset == null;
    }

    /** A fixed start, so that the same schedule always gives the same suggestion. */
    private static final Instant PROBE = Instant.parse("2024-01-01T00:00:00Z");
    /** The forms written as five-field cron, whatever rule combines their day fields. */
    private static final Set<ScheduleSpec.Form> FIVE_FIELD_CRON = EnumSet.of(ScheduleSpec.Form.CRON_UNIX, ScheduleSpec.Form.CRON_PREFECT,
            ScheduleSpec.Form.CRON_APSCHEDULER, ScheduleSpec.Form.CRON_CELERY, ScheduleSpec.Form.CRON_SCHEDULE_LIB);

    /**
     * @param lastRun  the legacy job's last run in the host's logs, or null
     * @param hostZone the zone of schedules that name none (the legacy host's clock): the new deployment must fire in
     *                 it too, or a Paris crontab's dual run would start an hour or two off its legacy run
     */
    public static OffsetSchedule suggest(ScheduleSpec spec, Duration declared, Instant lastRun, ZoneId hostZone) {
        Schedule s;
        try {
            s = Schedules.interpret(spec, hostZone);
        } catch (ScheduleSyntaxException | java.time.DateTimeException e) {
            return manual(declared == null ? MAX_DEFAULT : declared, spec.expression());
        }
        if (s instanceof Schedule.AtBoot || s instanceof Schedule.EventDriven) {
            return new OffsetSchedule(null, s.describe(), null, "no schedule for '" + spec.expression() + "': Prefect 3 "
                    + "schedules are cron, interval or rrule (start the flow from the worker's start-up or trigger the "
                    + "deployment by an event)");
        }
        List<ZonedDateTime> fires = FireTimes.source(s, PROBE, 200);
        if (fires == null || fires.size() < 2) {
            return manual(declared == null ? MAX_DEFAULT : declared, s.describe());
        }
        Duration first = Duration.between(fires.get(0), fires.get(1));
        Duration offset = declared != null ? declared : defaultOffset(first);
        String zone = spec.timezone() != null ? spec.timezone() : hostZone.getId();
        boolean even = true;
        for (int i = 2; i < fires.size(); i++) {
            even &= Duration.between(fires.get(i - 1), fires.get(i)).equals(first);
        }
        String shifted = FIVE_FIELD_CRON.contains(spec.form()) ? shiftCron(spec.expression(), offset) : null;
        if (shifted != null) {
            return new OffsetSchedule(offset, s.describe(), "{cron: \"" + shifted + "\"" + dayRule(s, shifted)
                    + ", timezone: \"" + zone + "\"}", "the legacy cron shifted " + human(offset) + " later");
        }
        if (even && offset.compareTo(first) < 0) {
            boolean noPhase = s instanceof Schedule.Interval iv && iv.anchor() == null;
            ZonedDateTime start = noPhase && lastRun != null ? lastRun.atZone(ZoneId.of(zone)) : fires.get(0);
            ZonedDateTime anchor = start.plus(offset);
            String why = !noPhase ? "anchored " + human(offset) + " later"
                    : lastRun != null ? "anchored " + human(offset) + " after its last run in the host's logs (" + lastRun
                            + "), since it counts from whenever it last started"
                    : "anchored at an arbitrary time: it counts from whenever it last started, so set anchor_date to "
                            + human(offset) + " after a time it ran (scan --logs reads that from the host's logs)";
            return new OffsetSchedule(offset, s.describe(), "{interval: " + first.toSeconds() + ", anchor_date: \""
                    + anchorText(first, anchor, zone) + "\", timezone: \"" + zone + "\"}",
                    "every " + human(first) + " like the legacy job, " + why);
        }
        return manual(offset, s.describe());
    }

    /**
     * Whether the legacy schedule is an interval that counts from whenever the job last started (systemd's
     * OnUnitActiveSec, a sleep loop): its source gives it no phase, so any anchor_date keeps its spacing only.
     */
    public static boolean countsFromLastStart(ScheduleSpec spec, ZoneId hostZone) {
        try {
            return Schedules.interpret(spec, hostZone) instanceof Schedule.Interval iv && iv.anchor() == null;
        } catch (ScheduleSyntaxException | java.time.DateTimeException e) {
            return false;
        }
    }

    /**
     * The anchor as the translations write it: the instant in UTC for a timezone other than UTC (Prefect 3 versions read
     * a naive anchor_date as UTC or as local time), the naive time with seconds in UTC.
     */
    private static String anchorText(Duration every, ZonedDateTime anchor, String zone) {
        PrefectSchedule p = PrefectSchedule.interval(every, anchor, zone);
        return p.anchorOffset() != null ? p.anchorText()
                : p.anchorDate().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /**
     * {@code , day_or: false} when the source needs a day in both day fields (APScheduler, Celery) and Prefect would
     * take either: a shift moves the minute and hour, never the days, so the day rule must go along. The shifted cron
     * is Prefect's (croniter's), read as croniter reads it: APScheduler's {@code day='last'} arrives as {@code L}.
     */
    private static String dayRule(Schedule legacy, String shifted) {
        return legacy instanceof Schedule.Cron c && c.dayRule() == DayRule.CRONITER_AND
                && DayRule.CRONITER_OR.combinesWithOr(CronExpression.parseCroniter(shifted)) ? ", day_or: false" : "";
    }

    private static OffsetSchedule manual(Duration offset, String legacy) {
        return new OffsetSchedule(offset, legacy, null, "shift the legacy schedule " + human(offset)
                + " later by hand (migrate cannot shift this expression)");
    }

    static Duration defaultOffset(Duration period) {
        Duration half = period.dividedBy(2);
        Duration d = half.compareTo(MAX_DEFAULT) > 0 ? MAX_DEFAULT : half;
        long minutes = Math.max(1, d.toMinutes());
        return Duration.ofMinutes(minutes);
    }

    /** Shifts a five-field cron whose minute and hour are single numbers; null otherwise or across midnight. */
    static String shiftCron(String cron, Duration offset) {
        String[] f = cron.strip().split("\\s+");
        if (f.length != 5 || !f[0].matches("\\d{1,2}") || !f[1].matches("\\d{1,2}") || offset.toSeconds() % 60 != 0) {
            return null;
        }
        long total = Integer.parseInt(f[1]) * 60L + Integer.parseInt(f[0]) + offset.toMinutes();
        if (total < 0 || total >= 24 * 60) {
            return null;
        }
        return (total % 60) + " " + (total / 60) + " " + f[2] + " " + f[3] + " " + f[4];
    }

    public static String human(Duration d) {
        if (d.toSeconds() % 86_400 == 0 && d.toDays() > 3) {
            return d.toDays() + " d";
        }
        if (d.toSeconds() % 3600 == 0 && !d.isZero()) {
            return d.toHours() + " h";
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
