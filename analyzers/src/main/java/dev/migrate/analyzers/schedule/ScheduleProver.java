package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the next {@code n} fire times of a legacy schedule and its Prefect translation. Windows are placed
 * so that the next spring-forward and fall-back changes of the zone fall in the middle of the compared times;
 * a zone without DST gets one window from the reference instant.
 */
public final class ScheduleProver {
    public static final int DEFAULT_FIRE_TIMES = 50;
    /** How the explanation of a schedule that never fires on either side begins. */
    public static final String NEVER_FIRES = "neither side ever fires";

    private ScheduleProver() {
    }

    /** A legacy job's schedule; null when either side has no computable fire times. */
    public static ScheduleProof prove(Schedule source, PrefectSchedule target, Instant reference, int n) {
        return prove(source, ScheduleOrigin.LEGACY_JOB, target, reference, n);
    }

    /** @param origin whose schedule the source is, which decides how its interval is evaluated ({@link FireTimes#source}) */
    public static ScheduleProof prove(Schedule source, ScheduleOrigin origin, PrefectSchedule target, Instant reference,
                                      int n) {
        ZoneId zone = ZoneId.of(target.timezone());
        List<ZonedDateTime> probe = FireTimes.source(source, origin, reference, 3);
        if (probe == null || FireTimes.prefect(target, reference, 1) == null) {
            return null;
        }
        Duration period = probe.size() < 3 ? Duration.ofDays(1)
                : Duration.between(probe.get(0), probe.get(2)).dividedBy(2);
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            // a schedule on seconds (every 6 seconds) keeps its window around the DST change: 50 of its fire times
            // span minutes, and a floor of a minute per fire time put them all well before the change
            period = Duration.ofSeconds(1);
        }
        List<Instant> windows = new ArrayList<>();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = zone.getRules().nextTransition(reference);
        while (t != null && transitions.size() < 2) {
            transitions.add(t);
            t = zone.getRules().nextTransition(t.getInstant());
        }
        for (ZoneOffsetTransition tr : transitions) {
            Duration back = period.multipliedBy(n / 2);
            windows.add(tr.getInstant().minus(back.compareTo(Duration.ofDays(3650)) > 0 ? Duration.ofDays(3650) : back));
        }
        if (windows.isEmpty() || endingRule(source)) {
            // an RRULE with COUNT or UNTIL may end before the first DST window: compare its remaining times from now too
            windows.add(0, reference);
        }
        Instant ruleStart = ruleStart(source);
        if (ruleStart != null) {
            // a window of a sparse schedule reaches years back; an RRULE has no times before its DTSTART, and times
            // before it say nothing about the runs to come (a yearly rule from 2020 is the yearly cron from then on)
            windows.replaceAll(w -> w.isBefore(ruleStart) ? ruleStart : w);
        }
        int compared = 0;
        ScheduleProof last = null;
        for (Instant start : windows) {
            List<ZonedDateTime> s = FireTimes.source(source, origin, start, n);
            List<ZonedDateTime> p = FireTimes.prefect(target, start, n);
            int k = firstDifference(s, p);
            compared += Math.min(s.size(), p.size());
            ZonedDateTime windowStart = start.atZone(zone);
            if (k >= 0) {
                ZonedDateTime a = k < s.size() ? s.get(k) : null;
                ZonedDateTime b = k < p.size() ? p.get(k) : null;
                return new ScheduleProof(false, k, windowStart, a, b, DstNotes.explain(source, origin, target, a, b, k, zone), s, p);
            }
            // a schedule with a deadline can end before a later window: keep the last window that had fire times
            if (last == null || !s.isEmpty()) {
                last = new ScheduleProof(true, compared, windowStart, null, null, "", s, p);
            }
        }
        if (compared == 0) {
            return new ScheduleProof(true, 0, last.windowStart(), null, null, source instanceof Schedule.Until
                    || endingRule(source) ? "neither side fires after " + reference.atZone(zone).toLocalDate()
                    + ": the schedule has ended"
                    : NEVER_FIRES + " (the expression names a date that does not exist, such as 30 February)",
                    List.of(), List.of());
        }
        String explanation = "the next " + n + " fire times agree in each of " + windows.size() + " window"
                + (windows.size() == 1 ? "" : "s") + (transitions.isEmpty() ? " (" + zone.getId() + " has no DST changes)"
                : " around the DST changes of " + zone.getId() + " on "
                + String.join(" and ", transitions.stream().map(x -> x.getInstant().atZone(zone).toLocalDate().toString()).toList()));
        return new ScheduleProof(true, compared, last.windowStart(), null, null, explanation, last.sourceTimes(),
                last.prefectTimes());
    }

    /** Where an RRULE's times begin (its DTSTART, as dateutil places it), or null for any other schedule. */
    private static Instant ruleStart(Schedule source) {
        if (!(source instanceof Schedule.RRule r)) {
            return null;
        }
        try {
            RRuleParser.Reading reading = RRuleParser.read(r.rule());
            return reading.rule() == null ? null
                    : RRuleFireTimes.dateutilInstant(r.zone().getRules(), reading.rule().start());
        } catch (ScheduleSyntaxException e) {
            return null;
        }
    }

    /** An RRULE with COUNT or UNTIL. */
    private static boolean endingRule(Schedule source) {
        if (!(source instanceof Schedule.RRule r)) {
            return false;
        }
        try {
            RRuleParser.Reading reading = RRuleParser.read(r.rule());
            return reading.rule() != null && reading.rule().ends();
        } catch (ScheduleSyntaxException e) {
            return false;
        }
    }

    private static int firstDifference(List<ZonedDateTime> a, List<ZonedDateTime> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            if (!a.get(i).toInstant().equals(b.get(i).toInstant())) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : common;
    }
}
