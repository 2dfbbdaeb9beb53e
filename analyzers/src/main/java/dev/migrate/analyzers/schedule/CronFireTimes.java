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
 *
 * <p>Spring and Quartz: see {@link DstRule#SPRING} and {@link DstRule#QUARTZ}; {@link #placed} walks them.
 */
public final class CronFireTimes {
    private CronFireTimes() {
    }

    /** The first {@code n} fire times at or after {@code start}, as Vixie cron would run them. */
    public static List<ZonedDateTime> vixie(CronExpression e, ZoneId zone, Instant start, int n) {
        return placed(e, DayRule.VIXIE, DstRule.VIXIE.placement(e), zone, start, n);
    }

    /**
     * The first {@code n} fire times at or after {@code start} of a loop that waits until the naive local clock reads
     * each matching time ({@link DstRule#NAIVE_CLOCK}): Vixie cron's fixed-time rule for every job, wildcard or not.
     */
    public static List<ZonedDateTime> naiveClock(CronExpression e, ZoneId zone, Instant start, int n) {
        return placed(e, DayRule.VIXIE, DstRule.NAIVE_CLOCK.placement(e), zone, start, n);
    }

    /**
     * The first {@code n} fire times at or after {@code start} of the local times {@code e} matches on {@code days},
     * each placed by {@code placement}: Vixie cron, the naive clock, Spring and Quartz. Not croniter's placement (a
     * skipped time one offset later can come after the next matching times), which {@link #prefect} walks.
     */
    static List<ZonedDateTime> placed(CronExpression e, DayRule days, DstRule.Placement placement, ZoneId zone,
                                      Instant start, int n) {
        if (placement.skipped() == DstRule.Skipped.ONE_OFFSET_LATER) {
            throw new IllegalArgumentException("croniter's placement is walked by CronFireTimes.prefect");
        }
        ZoneRules rules = zone.getRules();
        // A set: the skipped times of a fixed-time job run at the change, which can be the instant of the next matching
        // time too (02:00 skipped and 03:00 both at 03:00), and that is one run.
        Set<Instant> out = new LinkedHashSet<>();
        // How many fire times collected so far are at or after start, kept as they are added (counting anew each time was
        // quadratic, and proofs run for every schedule of large trees).
        int atOrAfter = 0;
        LocalDateTime t = LocalDateTime.ofInstant(start.minusSeconds(1), zone).minusHours(3);
        while (true) {
            t = WallClockCron.next(e, days, t);
            if (t == null) {
                break;
            }
            List<ZoneOffset> offsets = rules.getValidOffsets(t);
            // Both passes of a repeated hour come out of order, so only stop outside one (a single pass keeps the
            // order: the first pass ends where the next hour begins, the second pass begins where the first ended).
            if (atOrAfter >= n && offsets.size() < 2) {
                break;
            }
            List<Instant> found = new ArrayList<>(2);
            if (offsets.isEmpty()) {
                if (placement.skipped() == DstRule.Skipped.AT_THE_CHANGE) {
                    found.add(rules.getTransition(t).getInstant());
                }
            } else if (offsets.size() == 1) {
                found.add(t.toInstant(offsets.get(0)));
            } else {
                // getValidOffsets lists an overlap's offset before the change first: the first pass
                if (placement.repeated() != DstRule.Repeated.SECOND_PASS) {
                    found.add(t.toInstant(offsets.get(0)));
                }
                if (placement.repeated() != DstRule.Repeated.FIRST_PASS) {
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

    /**
     * Whether a scheduler with {@code placement} fires at {@code instant} when its local time matches: not at the pass
     * of a repeated local time the placement leaves out. For fire times computed on every matching instant (cron-utils'
     * reading of a cron on seconds), to keep the passes the scheduler keeps.
     */
    static boolean keepsPass(DstRule.Placement placement, Instant instant, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(LocalDateTime.ofInstant(instant, zone));
        if (offsets.size() < 2) {
            return true;
        }
        boolean firstPass = rules.getOffset(instant).equals(offsets.get(0));
        return switch (placement.repeated()) {
            case FIRST_PASS -> firstPass;
            case SECOND_PASS -> !firstPass;
            case BOTH_PASSES -> true;
        };
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
