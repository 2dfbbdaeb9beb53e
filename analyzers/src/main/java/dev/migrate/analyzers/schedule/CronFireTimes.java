package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fire times of a cron expression in a time zone, under the DST rules of the two sides we compare.
 *
 * <p>Vixie cron (Debian cron, cronie): a local time skipped by a spring-forward change runs a fixed-time
 * job once, right at the change; "wildcard" jobs (minute or hour starting with {@code *}) just miss the
 * skipped times. A local time that happens twice in the autumn runs a fixed-time job once (the first time)
 * and a wildcard job both times.
 *
 * <p>Prefect 3 ({@code CronSchedule.get_dates}): croniter walks the naive wall clock, and each match is
 * given the zone with Python's {@code fold=0}; a skipped local time therefore lands one offset later
 * (02:30 becomes 03:30), a repeated local time fires only at its first occurrence, and duplicates are
 * dropped. The first {@code n} distinct dates are then sorted.
 */
public final class CronFireTimes {
    private CronFireTimes() {
    }

    /** The first {@code n} fire times at or after {@code start}, as Vixie cron would run them. */
    public static List<ZonedDateTime> vixie(CronExpression e, ZoneId zone, Instant start, int n) {
        return walk(e, zone, start, n, e.wildcardTime());
    }

    /**
     * The first {@code n} fire times at or after {@code start} of a loop that waits until the naive local clock reads
     * each matching time ({@link DstRule#NAIVE_CLOCK}): Vixie cron's fixed-time rule for every job, wildcard or not.
     */
    public static List<ZonedDateTime> naiveClock(CronExpression e, ZoneId zone, Instant start, int n) {
        return walk(e, zone, start, n, false);
    }

    /**
     * @param wildcard whether skipped local times are missed and repeated ones run twice (else a skipped one runs at the
     *                 change and a repeated one at its first occurrence)
     */
    private static List<ZonedDateTime> walk(CronExpression e, ZoneId zone, Instant start, int n, boolean wildcard) {
        ZoneRules rules = zone.getRules();
        // A set: the skipped times of a fixed-time job run at the change, which can be the instant of the next matching
        // time too (02:00 skipped and 03:00 both at 03:00), and that is one run.
        Set<Instant> out = new LinkedHashSet<>();
        // How many fire times collected so far are at or after start, kept as they are added (counting anew each time was
        // quadratic, and proofs run for every schedule of large trees).
        int atOrAfter = 0;
        LocalDateTime t = LocalDateTime.ofInstant(start.minusSeconds(1), zone).minusHours(3);
        while (true) {
            t = WallClockCron.next(e, DayRule.VIXIE, t);
            if (t == null) {
                break;
            }
            List<ZoneOffset> offsets = rules.getValidOffsets(t);
            // Autumn duplicates can come out of order, so only stop outside a repeated hour.
            if (atOrAfter >= n && offsets.size() < 2) {
                break;
            }
            List<Instant> found = new ArrayList<>(2);
            if (offsets.isEmpty()) {
                if (!wildcard) {
                    found.add(rules.getTransition(t).getInstant());
                }
            } else {
                found.add(t.toInstant(offsets.get(0)));
                if (offsets.size() == 2 && wildcard) {
                    found.add(t.toInstant(offsets.get(1)));
                }
            }
            for (Instant i : found) {
                if (out.add(i) && !i.isBefore(start)) {
                    atOrAfter++;
                }
            }
        }
        return firstN(List.copyOf(out), start, zone, n);
    }

    /** The first {@code n} fire times at or after {@code start}, as Prefect 3's CronSchedule computes them. */
    public static List<ZonedDateTime> prefect(CronExpression e, boolean dayOr, ZoneId zone, Instant start, int n) {
        DayRule rule = dayOr ? DayRule.CRONITER_OR : DayRule.CRONITER_AND;
        ZoneRules rules = zone.getRules();
        Set<Instant> dates = new LinkedHashSet<>();
        LocalDateTime t = LocalDateTime.ofInstant(start.minusSeconds(1), zone);
        // Prefect gives up after this many candidates (MAX_ITERATIONS).
        for (int counter = 0; dates.size() < n && counter <= 1000; counter++) {
            t = WallClockCron.next(e, rule, t);
            if (t == null) {
                break;
            }
            dates.add(foldZero(rules, t));
        }
        return dates.stream().sorted().map(i -> i.atZone(zone)).toList();
    }

    /** Python's reading of a naive local time with {@code fold=0}: the offset in force before any transition. */
    static Instant foldZero(ZoneRules rules, LocalDateTime t) {
        List<ZoneOffset> offsets = rules.getValidOffsets(t);
        if (!offsets.isEmpty()) {
            return t.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition gap = rules.getTransition(t);
        return t.toInstant(gap.getOffsetBefore());
    }

    static List<ZonedDateTime> firstN(List<Instant> instants, Instant start, ZoneId zone, int n) {
        return instants.stream().filter(i -> !i.isBefore(start)).distinct().sorted().limit(n)
                .map(i -> i.atZone(zone)).toList();
    }
}
