package dev.migrate.analyzers.cutover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dual-run step says about the schedules of a deployment the legacy recipe is still to write
 * ({@link PlannedDeployment}): the ones the recipe writes, with its offset, rather than an offset the plan would
 * suggest itself, so that the checklist, the prefect.yaml the rewrite writes and the validate config's offset can be
 * compared in one place. Where they disagree (a schedule the recipe cannot shift, a validate config comparing runs
 * another offset apart) the note says so and what to change.
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
     */
    static String note(PlannedDeployment planned, Duration declared) {
        List<String> parts = new ArrayList<>();
        List<String> unshifted = new ArrayList<>();
        for (PlannedDeployment.Schedule s : planned.schedules()) {
            if (s.minutes() == 0) {
                unshifted.add("'" + s.legacy() + "'");
            } else {
                parts.add("'" + s.legacy() + "' " + OffsetSchedule.human(Duration.ofMinutes(s.minutes())) + " later");
            }
        }
        String out = "the deployment the legacy recipe writes runs " + (parts.isEmpty() ? "no shifted schedule"
                : String.join(" and ", parts)) + " (its offsetMinutes option, " + planned.offsetMinutes() + ")";
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
}
