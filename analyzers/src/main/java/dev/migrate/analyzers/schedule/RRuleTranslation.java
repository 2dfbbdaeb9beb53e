package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.util.List;

/**
 * The Prefect 3 schedule for an RRULE (a Prefect 2 {@code RRuleSchedule}, a prefect.yaml {@code rrule:}): the cron it
 * is, when the proof finds the same fire times for both ({@link RRuleCron}), else the rule itself, which Prefect 3
 * evaluates as Prefect 2 did. Either way the translator then proves it against the evaluated rule.
 */
final class RRuleTranslation {
    private RRuleTranslation() {
    }

    /** @param reasons gets why the rule cannot be proven, when it cannot */
    static PrefectSchedule target(Schedule.RRule r, Instant reference, List<String> reasons) {
        PrefectSchedule same = PrefectSchedule.rrule(r.rule(), r.zone().getId());
        RRuleParser.Reading reading;
        try {
            reading = RRuleParser.read(r.rule());
        } catch (ScheduleSyntaxException e) {
            reasons.add(e.getMessage());
            return same;
        }
        if (reading.notEvaluated() != null) {
            reasons.add("the RRULE is passed through unchanged, but " + reading.notEvaluated() + ", so it is not proven");
            return same;
        }
        if (RRuleFireTimes.prefect(reading.rule(), r.zone(), reference, 1) == null) {
            reasons.add("the RRULE is passed through unchanged, but evaluating it from DTSTART " + reading.rule().start()
                    + " takes more than " + RecurrenceWalk.MAX_STEPS + " steps, so it is not proven");
            return same;
        }
        PrefectSchedule cron = RRuleCron.candidate(reading.rule(), r.zone(), reference);
        if (cron != null) {
            ScheduleProof p = ScheduleProver.prove(r, cron, reference, ScheduleProver.DEFAULT_FIRE_TIMES);
            if (p != null && p.equal() && p.compared() > 0) {
                return cron;
            }
        }
        return same;
    }
}
