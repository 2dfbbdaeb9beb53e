package dev.migrate.validators.result;

/** The kinds of check, in the order they run for a job. */
public enum Check {
    PATHS, ROW_COUNT, SCHEMA, AGGREGATE, ROW_DIFF, ORDER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
