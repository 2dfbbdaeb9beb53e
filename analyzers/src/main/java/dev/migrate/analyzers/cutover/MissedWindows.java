package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.schedule.Schedules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy fire times that fell between switching the legacy job off and switching it back on: the
 * windows a rollback must backfill. Computed with the schedule model, in the schedule's own zone; for a schedule whose
 * source leaves its zone or phase unknown ({@link ScheduleSpec#unproven}) they are the schedule read without it, which
 * the result says ({@link Result#exact()}) so that no checklist lists them as the runs that were missed.
 */
public final class MissedWindows {
    /** At most this many are listed; the count says how many there were in all. */
    public static final int LIST_LIMIT = 50;
    private static final int SCAN_LIMIT = 100_000;

    private MissedWindows() {
    }

    /**
     * @param times    up to {@link #LIST_LIMIT} fire times in [from, to)
     * @param total    how many there are; -1 when the schedule is not clock-based or exceeds the scan limit
     * @param unproven what the source leaves unknown that the fire times depend on ({@link ScheduleSpec#unproven}), null
     *                 when it states it all: the times are then the schedule's read without it, estimates that a
     *                 checklist must not present as the legacy runs' own
     */
    public record Result(List<ZonedDateTime> times, int total, String schedule, String unproven) {
        /** Whether the times are the legacy runs' own, not an estimate from a schedule read without its unknown start. */
        public boolean exact() {
            return unproven == null;
        }
    }

    /** The windows of a legacy job's schedule (a crontab line, a timer, a loop): its intervals count elapsed time. */
    public static Result between(ScheduleSpec spec, Instant from, Instant to, ZoneId hostZone) {
        return between(spec, ScheduleOrigin.LEGACY_JOB, from, to, hostZone);
    }

    /**
     * The windows of a schedule as the scheduler it comes from computed them ({@link FireTimes#source}): a Prefect 1
     * flow's interval is 1.4.1's IntervalClock, which adds whole days and the rest together on the zone's wall clock once
     * a run is a day or more from start_date (pendulum 2's {@code add}), so around a DST change it runs at other instants
     * than elapsed time would, and a repeated local hour only once.
     *
     * @param hostZone the zone of a schedule naming none: the legacy host's clock, as the scan read it
     *                 ({@link dev.migrate.analyzers.scan.Inventory#hostZone})
     */
    public static Result between(ScheduleSpec spec, ScheduleOrigin origin, Instant from, Instant to, ZoneId hostZone) {
        Schedule s;
        try {
            s = Schedules.interpret(spec, hostZone);
        } catch (ScheduleSyntaxException | java.time.DateTimeException e) {
            return new Result(List.of(), -1, spec.expression(), spec.unproven());
        }
        List<ZonedDateTime> out = new ArrayList<>();
        int total = 0;
        Instant cursor = from;
        while (cursor.isBefore(to) && total < SCAN_LIMIT) {
            List<ZonedDateTime> batch = FireTimes.source(s, origin, cursor, 500);
            if (batch == null || batch.isEmpty()) {
                return batch == null ? new Result(List.of(), -1, s.describe(), spec.unproven())
                        : new Result(out, total, s.describe(), spec.unproven());
            }
            for (ZonedDateTime t : batch) {
                if (!t.toInstant().isBefore(to)) {
                    return new Result(out, total, s.describe(), spec.unproven());
                }
                if (out.size() < LIST_LIMIT) {
                    out.add(t);
                }
                total++;
            }
            cursor = batch.get(batch.size() - 1).toInstant().plusSeconds(1);
        }
        return new Result(out, total >= SCAN_LIMIT ? -1 : total, s.describe(), spec.unproven());
    }
}
