package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Fire times of fixed intervals: exact elapsed time (legacy timers and loops) or Prefect 3's IntervalSchedule. */
final class IntervalFireTimes {
    private IntervalFireTimes() {
    }

    /** {@code anchor + k * every} in elapsed time, the first {@code n} at or after {@code start}. */
    static List<ZonedDateTime> elapsed(Duration every, Instant anchor, ZoneId zone, Instant start, int n) {
        long k = Math.max(0, ceilDiv(Duration.between(anchor, start), every));
        List<ZonedDateTime> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(anchor.plus(every.multipliedBy(k + i)).atZone(zone));
        }
        return out;
    }

    /**
     * Prefect 3: whole days are added on the calendar (the wall-clock time stays across DST), the rest as
     * elapsed seconds; the search starts with an elapsed-seconds jump from the anchor, then steps forward.
     */
    static List<ZonedDateTime> prefect(Duration every, LocalDateTime anchorDate, ZoneId zone, Instant start, int n) {
        ZonedDateTime anchor = anchorDate.atZone(zone);
        long days = every.toDays();
        Duration rest = every.minusDays(days);
        double approx = every.toNanos() / 1e9;
        double diff = Duration.between(anchor.toInstant(), start).toNanos() / 1e9;
        long jumps = (long) (diff / approx);
        ZonedDateTime next = anchor.plusNanos((long) (approx * jumps * 1e9));
        while (next.toInstant().isBefore(start)) {
            next = next.plusDays(days).plus(rest);
        }
        List<ZonedDateTime> out = new ArrayList<>();
        while (out.size() < n) {
            if (out.isEmpty() || !out.get(out.size() - 1).toInstant().equals(next.toInstant())) {
                out.add(next);
            }
            next = next.plusDays(days).plus(rest);
        }
        return out;
    }

    /**
     * {@code start + k * every} on the wall clock of {@code zone}, the first {@code n} instants at or after {@code from};
     * a local time in a DST gap happens one gap later, a repeated one at its first occurrence (java.time's rules).
     */
    static List<ZonedDateTime> wallClock(Duration every, LocalDateTime start, ZoneId zone, Instant from, int n) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        // Jump close by elapsed local time, then step back far enough that no offset change can hide a fire time.
        long k = Math.max(0, Math.floorDiv(Duration.between(start, local).toNanos(), every.toNanos())
                - Duration.ofHours(2).toNanos() / every.toNanos() - 1);
        List<ZonedDateTime> out = new ArrayList<>();
        for (LocalDateTime t = start.plus(every.multipliedBy(k)); out.size() < n; t = t.plus(every)) {
            ZonedDateTime z = t.atZone(zone);
            if (!z.toInstant().isBefore(from) && (out.isEmpty() || z.toInstant().isAfter(out.get(out.size() - 1).toInstant()))) {
                out.add(z);
            }
        }
        return out;
    }

    private static long ceilDiv(Duration a, Duration b) {
        long an = a.toNanos();
        long bn = b.toNanos();
        return Math.floorDiv(an + bn - 1, bn);
    }
}
