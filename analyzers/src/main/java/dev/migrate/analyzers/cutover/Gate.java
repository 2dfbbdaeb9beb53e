package dev.migrate.analyzers.cutover;

/**
 * Whether the gate into {@code state} holds, and what says so (a file and line, validation run ids, who
 * recorded it and when) or what is missing.
 */
public record Gate(ReadinessState state, boolean met, String evidence) {
}
