package dev.migrate.analyzers.model;

import java.util.Objects;

/**
 * Where something was found: a path relative to the scan root (always with '/' separators),
 * and a 1-based line and column. Line 0 means "the whole file".
 */
public record SourceRef(String path, int line, int column) implements Comparable<SourceRef> {
    public SourceRef {
        Objects.requireNonNull(path, "path");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    public static SourceRef file(String path) {
        return new SourceRef(path, 0, 0);
    }

    public static SourceRef at(String path, int line, int column) {
        return new SourceRef(path, line, column);
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = path.compareTo(o.path);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** {@code path:line:col}, the form editors and CI annotations understand. */
    @Override
    public String toString() {
        return line == 0 ? path : path + ":" + line + ":" + Math.max(column, 1);
    }
}
