package dev.migrate.analyzers.schedule;

import java.util.List;
import java.util.Optional;

/**
 * A daily RRULE at one hour and minute (every n days at a time, for one) moved some minutes later on the same day, for
 * the dual-run phase: read by {@link RRuleParser} as any rule is, written back by {@link RRuleWriter} with only its hour
 * and minute changed.
 */
public final class RRuleShift {
    private RRuleShift() {
    }

    /**
     * The rule {@code minutes} later, or empty when it is not a daily rule at one hour and minute, or when the time would
     * move into another day (and with it an INTERVAL's phase). The caller checks the fire times in any case.
     */
    public static Optional<String> sameDayLater(String rrule, int minutes) {
        RecurrenceRule r;
        try {
            RRuleParser.Reading reading = RRuleParser.read(rrule);
            r = reading.notEvaluated() == null ? reading.rule() : null;
        } catch (ScheduleSyntaxException e) {
            return Optional.empty();
        }
        if (r == null || r.freq() != RecurrenceRule.Frequency.DAILY || r.byHour() == null || r.byHour().size() != 1
                || r.byMinute() == null || r.byMinute().size() != 1) {
            return Optional.empty();
        }
        int at = r.byHour().get(0) * 60 + r.byMinute().get(0) + minutes;
        if (at < 0 || at >= 24 * 60) {
            return Optional.empty();
        }
        return Optional.of(new RecurrenceRule(r.freq(), r.interval(), r.count(), r.until(), r.wkst(), r.dtstart(), r.tzid(),
                r.byMonth(), r.byMonthDay(), r.byDay(), List.of(at / 60), List.of(at % 60), r.bySecond(), r.bySetPos())
                .text());
    }
}
