package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dual-run step says about the schedules of a deployment the legacy recipe is still to write
 * ({@link PlannedDeployment}): the ones the recipe writes, with its offset, rather than an offset the plan would
 * suggest itself, so that the checklist, the prefect.yaml the rewrite writes and the validate config's offset can be
 * compared in one place. Where they disagree (a schedule the recipe cannot shift, an interval whose anchor the recipe
 * had to choose, a validate config comparing runs another offset apart) the note says so and what to change.
 */
final class RecipeSchedules {
    private RecipeSchedules() {
    }

    /** The {@code schedules:} the recipe writes, as the deploy step's comment shows them. */
    static String yaml(PlannedDeployment planned) {
        return planned.schedules().isEmpty() ? "schedules: none (the legacy schedule has no Prefect equivalent)"
                : "schedules: [" + String.join(", ", planned.schedules().stream().map(PlannedDeployment.Schedule::yaml)
                .toList()) + "]";
    }

    /**
     * How those schedules stand to the legacy runs and to the validate config's offset.
     *
     * @param declared the validate config's offset for the job (new run time minus legacy run time), or null
     * @param legacy   the job's legacy schedules
     * @param lastRun  the legacy job's last run in the host's logs, or null
     * @param hostZone the zone of schedules that name none
     */
    static String note(PlannedDeployment planned, Duration declared, List<ScheduleSpec> legacy, Instant lastRun,
                       ZoneId hostZone) {
        List<String> parts = new ArrayList<>();
        List<String> unshifted = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        for (PlannedDeployment.Schedule s : planned.schedules()) {
            if (s.minutes() == 0) {
                unshifted.add("'" + s.legacy() + "'");
                continue;
            }
            Duration offset = Duration.ofMinutes(s.minutes());
            parts.add("'" + s.legacy() + "' " + OffsetSchedule.human(offset) + " later");
            ScheduleSpec spec = legacy.stream().filter(l -> l.expression().equals(s.legacy())).findFirst().orElse(null);
            if (spec != null && OffsetSchedule.countsFromLastStart(spec, hostZone)) {
                anchors.add(anchor(s, spec, offset, lastRun, hostZone));
            }
        }
        String out = "the deployment the legacy recipe writes runs " + (parts.isEmpty() ? "no shifted schedule"
                : String.join(" and ", parts)) + " (its offsetMinutes option, " + planned.offsetMinutes() + ")";
        for (String a : anchors) {
            out += "; " + a;
        }
        if (!unshifted.isEmpty()) {
            out += "; it writes " + String.join(" and ", unshifted) + " at the legacy times, as it could not prove a shift "
                    + "that keeps every run " + planned.offsetMinutes() + " min later: shift "
                    + (unshifted.size() == 1 ? "it" : "them") + " by hand in " + planned.prefectYaml()
                    + " before the dual run, or both sides run at once";
        }
        if (declared != null) {
            List<String> apart = planned.schedules().stream().filter(s -> s.minutes() != 0
                    && !Duration.ofMinutes(s.minutes()).equals(declared)).map(s -> "'" + s.legacy() + "'").toList();
            if (!apart.isEmpty()) {
                out += "; the validate config compares a new run " + OffsetSchedule.human(declared) + " after the legacy "
                        + "one, but the recipe shifts " + String.join(" and ", apart) + " otherwise: make them agree (the "
                        + "recipe's offsetMinutes option, migrate rewrite --option offsetMinutes=N, or the config's times)";
            }
        }
        return out;
    }

    /**
     * For an interval that counts from whenever the legacy job last started, the recipe's anchor_date is its choice,
     * not the legacy phase: the entry to write instead, the recipe's offset after the last run the host's logs show,
     * or, without logs, what to anchor it on.
     */
    private static String anchor(PlannedDeployment.Schedule s, ScheduleSpec spec, Duration offset, Instant lastRun,
                                 ZoneId hostZone) {
        String why = "'" + s.legacy() + "' counts from whenever it last started, so the anchor_date the recipe writes is "
                + "arbitrary";
        OffsetSchedule logged = lastRun == null ? null : OffsetSchedule.suggest(spec, offset, lastRun, hostZone);
        if (logged != null && logged.prefectYaml() != null) {
            return why + ": write " + logged.prefectYaml() + " in its place, " + OffsetSchedule.human(offset)
                    + " after its last run in the host's logs (" + lastRun + ")";
        }
        return why + ": set it to " + OffsetSchedule.human(offset) + " after a time it ran (scan --logs reads that from "
                + "the host's logs)";
    }
}
