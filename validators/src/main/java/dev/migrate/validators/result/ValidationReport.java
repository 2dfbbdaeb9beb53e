package dev.migrate.validators.result;

import java.util.List;

/** The whole outcome of one {@code migrate validate} invocation. Its JSON form is versioned by {@link #SCHEMA_VERSION}. */
public record ValidationReport(int schemaVersion, String configFile, String startedAt, String finishedAt,
        List<JobResult> jobs) {
    public static final int SCHEMA_VERSION = 1;

    public Status status() {
        return jobs.stream().anyMatch(j -> j.status() == Status.FAIL) ? Status.FAIL : Status.PASS;
    }
}
