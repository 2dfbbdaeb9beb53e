package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.schedule.Schedules;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy fire times that fell between switching the legacy job off and switching it back on: the
 * windows a rollback must backfill. Computed with the schedule model, in the schedule's own zone.
 */
public final class MissedWindows {
    /** At most this many are listed; the count says how many there were in all. */
    public static final int LIST_LIMIT = 50;
    private static final int SCAN_LIMIT = 100_000;

    private MissedWindows() {
    }

    /**
     * @param times up to {@link #LIST_LIMIT} fire times in [from, to)
     * @param total how many there are; -1 when the schedule is not clock-based or exceeds the scan limit
     */
    public record Result(List<ZonedDateTime> times, int total, String schedule) {
    }

    public static Result between(ScheduleSpec spec, Instant from, Instant to) {
        Schedule s;
        try {
            s = Schedules.interpret(spec, ScheduleCheck.fromSystemProperties().hostZone()); // the legacy host's clock
        } catch (ScheduleSyntaxException | java.time.DateTimeException e) {
            return new Result(List.of(), -1, spec.expression());
        }
        List<ZonedDateTime> out = new ArrayList<>();
        int total = 0;
        Instant cursor = from;
        while (cursor.isBefore(to) && total < SCAN_LIMIT) {
            List<ZonedDateTime> batch = FireTimes.source(s, cursor, 500);
            if (batch == null || batch.isEmpty()) {
                return batch == null ? new Result(List.of(), -1, s.describe()) : new Result(out, total, s.describe());
            }
            for (ZonedDateTime t : batch) {
                if (!t.toInstant().isBefore(to)) {
                    return new Result(out, total, s.describe());
                }
                if (out.size() < LIST_LIMIT) {
                    out.add(t);
                }
                total++;
            }
            cursor = batch.get(batch.size() - 1).toInstant().plusSeconds(1);
        }
        return new Result(out, total >= SCAN_LIMIT ? -1 : total, s.describe());
    }
}
