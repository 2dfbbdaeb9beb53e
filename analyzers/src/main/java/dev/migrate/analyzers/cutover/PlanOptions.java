package dev.migrate.analyzers.cutover;

import java.time.Duration;
import java.time.Instant;

/**
 * @param greenRuns      consecutive green validations that prove parity
 * @param monitorWindow  how long to watch the new deployment after cutover
 * @param at             "now" for the plan: the end of the missed windows and the date in markers
 * @param rootLabel      the estate as the user named it, used in commands
 * @param validateConfig the validate config as the user would pass it, or null
 */
public record PlanOptions(int greenRuns, Duration monitorWindow, Instant at, String rootLabel, String validateConfig) {
}
