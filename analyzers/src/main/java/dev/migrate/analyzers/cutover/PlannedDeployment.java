package dev.migrate.analyzers.cutover;

import java.util.List;
import java.util.Map;

/**
 * The Prefect 3 deployment {@code migrate rewrite}'s legacy recipe (MoveLegacySchedulersToPrefect3) will write for a
 * legacy job that has none yet: the names the plan's commands use before the rewrite ran, so that they are the ones
 * the rewrite creates rather than a {@code FLOW/NAME} placeholder, and the dual-run schedules it writes, so that the
 * plan states those rather than an offset of its own. The CLI asks the recipe (analyzers does not depend on recipes)
 * and passes them in {@link PlanOptions}.
 *
 * @param flow          the flow's name ({@code @flow(name=...)} of the module the recipe writes)
 * @param deployment    the deployment's name in that prefect.yaml (the legacy job's scan id)
 * @param prefectYaml   the prefect.yaml the recipe writes it to, relative to the estate ({@code prefect/prefect.yaml})
 * @param recipe        the recipe to run, as {@code migrate rewrite --recipe} takes it
 * @param offsetMinutes the recipe's offsetMinutes option: how much later than the legacy runs it moves the dual run's
 * @param schedules     the schedules the recipe writes for the dual run, one per legacy schedule it translates
 */
public record PlannedDeployment(String flow, String deployment, String prefectYaml, String recipe, int offsetMinutes,
                                List<Schedule> schedules) {
    public PlannedDeployment {
        schedules = List.copyOf(schedules);
    }

    /** {@code FLOW/DEPLOYMENT}, as the Prefect CLI names it. */
    public String qualified() {
        return flow + "/" + deployment;
    }

    /**
     * One {@code schedules:} entry the recipe writes.
     *
     * @param legacy  the legacy schedule's expression, as the scan read it
     * @param yaml    the entry in flow style, as the plan prints schedules ({@code {cron: "30 2 * * *", timezone: "UTC"}})
     * @param minutes how many minutes after the legacy runs it fires (the offset, or another one where the schedule
     *                repeats within the hour); 0 when the recipe could not prove a shift and writes the legacy times
     */
    public record Schedule(String legacy, String yaml, int minutes) {
        /** An entry from the recipe's {@code schedules:} item (its keys in the order prefect.yaml writes them). */
        public static Schedule of(String legacy, Map<String, Object> item, int minutes) {
            StringBuilder s = new StringBuilder("{");
            item.forEach((key, value) -> {
                if (s.length() > 1) {
                    s.append(", ");
                }
                s.append(key).append(": ").append(value instanceof String text
                        ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : String.valueOf(value));
            });
            return new Schedule(legacy, s.append('}').toString(), minutes);
        }
    }
}
