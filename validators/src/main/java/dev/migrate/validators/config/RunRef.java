package dev.migrate.validators.config;

import java.time.Instant;

/** Which run of a pipeline produced the outputs: a scheduled time, an explicit run id, or both. */
public record RunRef(String runId, Instant scheduled) {
    public static final RunRef UNSPECIFIED = new RunRef(null, null);

    /** Accepts an ISO-8601 instant (a scheduled time) or any other text (a run id). */
    public static RunRef parse(String text) {
        try {
            return new RunRef(null, Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return new RunRef(text, null);
        }
    }

    @Override
    public String toString() {
        if (runId == null && scheduled == null) {
            return "unspecified";
        }
        if (runId == null) {
            return "scheduled " + scheduled;
        }
        return scheduled == null ? "run " + runId : "run " + runId + " (scheduled " + scheduled + ")";
    }
}
