package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prefect 3's {@code RRuleSchedule.get_dates}: dateutil walks the local wall clock from DTSTART (2020-01-01 when the
 * rule names none, see {@link RecurrenceWalk}), each time carries the schedule's zone as dateutil reads it (see
 * {@link #dateutilInstant}), {@code xafter(start, inc=True)} keeps those at or after the start, and the first {@code n}
 * distinct ones are sorted. Prefect 2's {@code RRuleSchedule} reads a rule the same way.
 */
final class RRuleFireTimes {
    /** How far past the start a rule that never fires is walked before giving up (dateutil would go on to year 9999). */
    private static final int HORIZON_YEARS = 100;

    private RRuleFireTimes() {
    }

    /**
     * How dateutil places a local time: a repeated one at its first occurrence, and (unlike Python's own fold=0)
     * a skipped one with the offset after the change, so 02:30 on a spring-forward day lands at 01:30 standard time.
     */
    static Instant dateutilInstant(ZoneRules rules, LocalDateTime t) {
        List<java.time.ZoneOffset> offsets = rules.getValidOffsets(t);
        return offsets.isEmpty() ? t.toInstant(rules.getTransition(t).getOffsetAfter()) : t.toInstant(offsets.get(0));
    }

    /** Null when the rule cannot be evaluated (a part not read here, or too long a walk from DTSTART). */
    static List<ZonedDateTime> prefect(String rrule, ZoneId zone, Instant start, int n) {
        RRuleParser.Reading reading;
        try {
            reading = RRuleParser.read(rrule);
        } catch (ScheduleSyntaxException e) {
            return null;
        }
        return reading.notEvaluated() != null ? null : prefect(reading.rule(), zone, start, n);
    }

    static List<ZonedDateTime> prefect(RecurrenceRule rule, ZoneId zone, Instant start, int n) {
        ZoneRules rules = zone.getRules();
        Set<Instant> dates = new LinkedHashSet<>();
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate horizon = (local.isAfter(rule.start()) ? local : rule.start()).toLocalDate().plusYears(HORIZON_YEARS);
        boolean finished;
        try {
            finished = RecurrenceWalk.walk(rule, local, horizon, t -> {
                Instant at = dateutilInstant(rules, t);
                if (!at.isBefore(start)) {
                    dates.add(at);
                }
                return dates.size() < n;
            });
        } catch (RuntimeException e) {
            return null; // a rule the parser let through that the walk cannot follow: not evaluated, never a failed scan
        }
        return finished ? dates.stream().sorted().map(x -> x.atZone(zone)).toList() : null;
    }
}
