package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.sources.python.ScheduleLibDetector;
import dev.migrate.analyzers.schedule.PrefectSchedule;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.PrefectTranslator;
import dev.migrate.analyzers.schedule.TimeSpans;
import dev.migrate.analyzers.schedule.TimerOptions;
import dev.migrate.analyzers.schedule.Translation;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One legacy schedule of a job with its proven Prefect translation and, for the dual-run phase, the schedule
 * moved N minutes later. {@code translation} is null when the legacy schedule has no clock (boot, event, invalid).
 */
public record PlannedSchedule(ScheduleSpec spec, Schedule legacy, Translation translation,
                              Optional<ScheduleOffset.Shifted> shifted) {

    static PlannedSchedule of(ScheduleSpec spec, Map<String, String> attributes, ScheduleCheck check, Instant reference,
                              int offsetMinutes) {
        Schedule legacy = check.interpret(spec);
        if (legacy instanceof Schedule.Unknown || legacy instanceof Schedule.AtBoot || legacy instanceof Schedule.EventDriven) {
            return new PlannedSchedule(spec, legacy, null, Optional.empty());
        }
        String deadline = attributes.get(ScheduleLibDetector.DEADLINE);
        if (deadline != null) {
            // the schedule library's until(): the deployment's schedule ends there where Prefect can say so
            legacy = new Schedule.Until(legacy, LocalDateTime.parse(deadline));
        }
        Translation t = PrefectTranslator.translate(legacy, timerOptions(attributes), reference);
        if (t.target() == null) {
            return new PlannedSchedule(spec, legacy, t, Optional.empty());
        }
        return new PlannedSchedule(spec, legacy, t, ScheduleOffset.shift(t.target(), offsetMinutes, reference));
    }

    /** The schedule the deployment gets in a phase: shifted in dual-run when the shift holds, else the original. */
    public PrefectSchedule target(Phase phase) {
        if (translation == null || translation.target() == null) {
            return null;
        }
        return phase == Phase.DUAL_RUN && shifted.isPresent() ? shifted.get().schedule() : translation.target();
    }

    private static TimerOptions timerOptions(Map<String, String> a) {
        return new TimerOptions(span(a.get("RandomizedDelaySec")).orElse(Duration.ZERO),
                "true".equalsIgnoreCase(a.get("Persistent")) || "yes".equalsIgnoreCase(a.get("Persistent")),
                span(a.get("AccuracySec")).orElse(null));
    }

    static Optional<Duration> span(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeSpans.parse(text));
        } catch (ScheduleSyntaxException e) {
            return Optional.empty();
        }
    }
}
