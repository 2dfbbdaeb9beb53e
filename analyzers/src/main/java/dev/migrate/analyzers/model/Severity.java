package dev.migrate.analyzers.model;

/** How much a finding matters for the move to Prefect 3. Ordered from most to least severe. */
public enum Severity {
    /** Stops working on the target (removed API, legacy scheduler that must be replaced). */
    BREAKING,
    /** Still works on the target but is deprecated or has changed behaviour. */
    DEPRECATED,
    /** Worth knowing; nothing breaks. */
    INFO;

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
