package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prefect 3's {@code RRuleSchedule.get_dates} for the rules {@link RRuleText} writes: dateutil walks the local
 * wall clock from DTSTART (2020-01-01), each time carries the zone as dateutil reads it (see
 * {@link #dateutilInstant}), and the first {@code n} distinct times at or after the start are kept.
 */
final class RRuleFireTimes {
    private static final int MAX_DAYS = 366 * 30;

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

    static List<ZonedDateTime> prefect(RRuleText rule, ZoneId zone, Instant start, int n) {
        ZoneRules rules = zone.getRules();
        Set<Instant> dates = new LinkedHashSet<>();
        LocalDate day = LocalDateTime.ofInstant(start, zone).toLocalDate().minusDays(1);
        // to_rrule gives UNTIL the rule's own tzinfo, and Python compares two datetimes sharing a tzinfo by their local
        // times: the last local time that fires, whatever the offsets
        LocalDate lastDay = rule.until() == null ? LocalDate.MAX : rule.until().toLocalDate().plusDays(1);
        for (int i = 0; i < MAX_DAYS && dates.size() < n && !day.isAfter(lastDay); i++, day = day.plusDays(1)) {
            if (!rule.matchesDay(day)) {
                continue;
            }
            for (int h = rule.hours().nextSetBit(0); h >= 0 && dates.size() < n; h = rule.hours().nextSetBit(h + 1)) {
                for (int m = rule.minutes().nextSetBit(0); m >= 0 && dates.size() < n; m = rule.minutes().nextSetBit(m + 1)) {
                    for (int s = rule.seconds().nextSetBit(0); s >= 0 && dates.size() < n; s = rule.seconds().nextSetBit(s + 1)) {
                        LocalDateTime local = day.atTime(LocalTime.of(h, m, s));
                        Instant at = dateutilInstant(rules, local);
                        if (!at.isBefore(start) && (rule.until() == null || !local.isAfter(rule.until()))) {
                            dates.add(at);
                        }
                    }
                }
            }
        }
        return dates.stream().sorted().map(x -> x.atZone(zone)).toList();
    }
}
