package dev.migrate.recipes.internal;

/** A span {@code [start, end)} of a file's text that holds shell commands (a RUN body, an ExecStart value). */
public record Segment(int start, int end) {
}
