package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** The first {@code n} fire times at or after a start, for a legacy schedule and for a Prefect schedule. */
public final class FireTimes {
    /**
     * The anchor_date a translation writes when the source states no start: a whole minute on the date RRuleSchedule
     * starts from. Prefect's own default for an interval without one is the moment the schedule is created (UTC, seconds
     * and all), which no translation can prove, so the written anchor is always explicit.
     */
    public static final LocalDateTime DEFAULT_ANCHOR = LocalDateTime.of(2020, 1, 1, 0, 0);

    private FireTimes() {
    }

    /** Null when the schedule is not clock-based (boot, events, unknown, an RRULE with a part not evaluated). */
    public static List<ZonedDateTime> source(Schedule s, Instant start, int n) {
        return source(s, ScheduleOrigin.LEGACY_JOB, start, n);
    }

    /**
     * The source's fire times as its own scheduler computes them: an interval of a Prefect 2 or 3 deployment is Prefect's
     * IntervalSchedule, evaluated by that version's rule (the same rule as the translation's, for Prefect 3), a Prefect 1
     * flow's is 1.4.1's IntervalClock ({@link IntervalFireTimes#prefect1}), and any other interval counts elapsed seconds.
     */
    public static List<ZonedDateTime> source(Schedule s, ScheduleOrigin origin, Instant start, int n) {
        if (s instanceof Schedule.Interval iv && !iv.fromEnd()
                && (origin == ScheduleOrigin.PREFECT2_DEPLOYMENT || origin == ScheduleOrigin.PREFECT_DEPLOYMENT)) {
            // without anchor_date Prefect counts from the deployment's creation: the proof counts both sides from one anchor
            ZonedDateTime anchor = iv.anchor() != null ? iv.anchor().atZone(iv.zone()) : DEFAULT_ANCHOR.atZone(iv.zone());
            return origin == ScheduleOrigin.PREFECT2_DEPLOYMENT ? IntervalFireTimes.prefect2(iv.every(), anchor, start, n)
                    : IntervalFireTimes.prefect3(iv.every(), anchor, start, n);
        }
        if (origin == ScheduleOrigin.PREFECT1_FLOW) {
            // a Prefect 1 clock's interval, from its start_date (2019-01-01 00:00 UTC without one; a start known only at
            // run time is counted, like a deployment's own, from the anchor the translation compares both sides from)
            if (s instanceof Schedule.Interval iv && !iv.fromEnd()) {
                return IntervalFireTimes.prefect1(iv.every(), iv.anchor() != null ? iv.anchor().atZone(iv.zone())
                        : DEFAULT_ANCHOR.atZone(iv.zone()), start, n);
            }
            if (s instanceof Schedule.WallClockInterval w) {
                return IntervalFireTimes.prefect1(w.every(), w.start().atZone(w.zone()).withLaterOffsetAtOverlap(), start, n);
            }
        }
        if (s instanceof Schedule.Cron c) {
            // croniter's walk has its own limits (Prefect's 1000 candidates); every other scheduler places the local
            // times its days match by its DST rule
            return c.dst() == DstRule.CRONITER
                    ? CronFireTimes.prefect(c.expression(), c.dayRule() == DayRule.CRONITER_OR, c.zone(), start, n)
                    : CronFireTimes.placed(c.expression(), c.dayRule(), c.dst().placement(c.expression()), c.zone(), start, n);
        }
        if (s instanceof Schedule.Calendar cal) {
            return CalendarFireTimes.next(cal.spec(), cal.hostZone(), start.minusNanos(1), n);
        }
        if (s instanceof Schedule.Interval iv) {
            Instant anchor = iv.anchor() != null ? iv.anchor() : DEFAULT_ANCHOR.atZone(iv.zone()).toInstant();
            return IntervalFireTimes.elapsed(iv.every(), anchor, iv.zone(), start, n);
        }
        if (s instanceof Schedule.SecondsCron sc) {
            // cron-utils fires at every instant whose local time matches, both passes of a repeated hour; Quartz fires
            // only the second (DstRule#QUARTZ): its first pass is left out, and cron-utils read on past it to make up n
            DstRule.Placement kept = sc.dst().placement(true);
            List<ZonedDateTime> out = new java.util.ArrayList<>();
            Instant from = start;
            for (int batch = 0; out.size() < n && batch < 16; batch++) {
                int want = n - out.size();
                List<ZonedDateTime> read = CronDialects.secondsFireTimes(sc.text(), sc.quartz(), sc.zone(), from, want);
                read.stream().filter(t -> CronFireTimes.keepsPass(kept, t.toInstant(), sc.zone())).forEach(out::add);
                if (read.size() < want || read.isEmpty()) {
                    break; // cron-utils has no more
                }
                from = read.get(read.size() - 1).toInstant().plusSeconds(1);
            }
            return out;
        }
        if (s instanceof Schedule.WallClockInterval w) {
            return IntervalFireTimes.wallClock(w.every(), w.start(), w.zone(), start, n);
        }
        if (s instanceof Schedule.RRule r) {
            // a Prefect 2 RRuleSchedule, read by dateutil as Prefect 3 reads it
            return RRuleFireTimes.prefect(r.rule(), r.zone(), start, n);
        }
        if (s instanceof Schedule.Until u) {
            List<ZonedDateTime> times = source(u.schedule(), origin, start, n);
            return times == null ? null : times.stream().filter(t -> !t.toLocalDateTime().isAfter(u.last())).toList();
        }
        return null;
    }

    /** Null for RRULEs with a part that is not evaluated ({@link RRuleParser}). */
    public static List<ZonedDateTime> prefect(PrefectSchedule p, Instant start, int n) {
        ZoneId zone = ZoneId.of(p.timezone());
        if (p.cron() != null) {
            return CronFireTimes.prefect(CronExpression.parseCroniter(p.cron()), !Boolean.FALSE.equals(p.dayOr()), zone, start, n);
        }
        if (p.rrule() != null) {
            return RRuleFireTimes.prefect(p.rrule(), zone, start, n);
        }
        if (p.interval() != null) {
            // an aware anchor is its instant, moved into the timezone; a local one is read there
            return IntervalFireTimes.prefect3(p.interval(), p.anchorDate() != null ? p.anchorIn(zone)
                    : DEFAULT_ANCHOR.atZone(zone), start, n);
        }
        return null;
    }
}
