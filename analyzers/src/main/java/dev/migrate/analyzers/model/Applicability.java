package dev.migrate.analyzers.model;

/** What `migrate rewrite` can do about a finding. */
public enum Applicability {
    /** A recipe fixes it and the result behaves the same; applied by default. */
    SAFE_FIX,
    /** A recipe fixes it but behaviour may change; applied only with {@code --unsafe-fixes}. */
    UNSAFE_FIX,
    /** A person has to decide; reported, never edited. */
    MANUAL
}
