package dev.migrate.analyzers.model;

import java.util.Objects;

/**
 * A file handed to detectors: its path relative to the scan root (with '/' separators) and its text,
 * decoded once by the scanner. Detectors never open files themselves, so the scanner alone decides
 * what is read (no symlinks out of the root, no binaries, no huge files).
 */
public record ScanFile(String path, String text) {
    public ScanFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** The file name without its directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** 1-based line number of a character offset in {@link #text()}. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
