package dev.migrate.analyzers.cutover;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * @param greenRuns      consecutive green validations that prove parity
 * @param monitorWindow  how long to watch the new deployment after cutover
 * @param at             "now" for the plan: the end of the missed windows and the date in markers
 * @param rootLabel      the estate as the user named it, used in commands
 * @param validateConfig the validate config as the user would pass it, or null
 * @param planned        the deployments the legacy recipe will write for jobs that have none yet, by the legacy job's
 *                       scan id (and a sleep loop's also by its key, since the recipe gives the loop an id of its own)
 */
public record PlanOptions(int greenRuns, Duration monitorWindow, Instant at, String rootLabel, String validateConfig,
        Map<String, PlannedDeployment> planned) {
    public PlanOptions {
        planned = Map.copyOf(planned);
    }

    /** Options without the legacy recipe's deployments: every job without one gets the explicit placeholder. */
    public PlanOptions(int greenRuns, Duration monitorWindow, Instant at, String rootLabel, String validateConfig) {
        this(greenRuns, monitorWindow, at, rootLabel, validateConfig, Map.of());
    }

    /** What the legacy recipe will write for {@code job}, or null. */
    PlannedDeployment plannedFor(CutoverJob job) {
        if (job.legacy() == null) {
            return null;
        }
        PlannedDeployment p = planned.get(job.legacy().id());
        return p != null ? p : job.legacy().kind() == dev.migrate.analyzers.model.JobKind.PYTHON_SLEEP_LOOP
                ? planned.get(job.key()) : null;
    }
}
