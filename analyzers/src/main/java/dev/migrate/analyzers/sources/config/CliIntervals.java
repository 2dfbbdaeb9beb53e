package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.AnchoredInterval;
import dev.migrate.analyzers.schedule.NaiveAnchors;

/**
 * The {@code --interval} of {@code prefect deployment build} (2.x) or {@code prefect deploy}, with the
 * {@code --anchor-date} beside it: the anchor fixes when in the period the runs fall, as it does in prefect.yaml
 * ({@link PrefectSchedules}). A naive one is read as UTC and marked for its job's Prefect version ({@link NaiveAnchors});
 * one the shell expands ({@code $START}) or that is no date keeps the plain period.
 */
final class CliIntervals {
    private CliIntervals() {
    }

    static ScheduleSpec of(String interval, String anchor, String timezone, SourceRef where) {
        String period = interval.matches("\\d+") ? "PT" + interval + "S" : interval;
        if (anchor == null || anchor.contains("$")) {
            return new ScheduleSpec(ScheduleSpec.Form.INTERVAL, period, timezone, where);
        }
        ScheduleSpec spec = new ScheduleSpec(ScheduleSpec.Form.INTERVAL,
                AnchoredInterval.expression(period, anchor, timezone).orElse(period), timezone, where);
        return AnchoredInterval.naive(anchor) ? NaiveAnchors.marked(spec) : spec;
    }
}
