package dev.migrate.analyzers.scan;

import java.util.Objects;

/**
 * A file the scanner did not (fully) analyse, and why. Notes are reported next to the inventory so that
 * nobody mistakes a skipped file for a file without jobs.
 */
public record ScanNote(String path, Reason reason, String detail) implements Comparable<ScanNote> {
    public enum Reason {
        /** Contains NUL bytes in its first block: not a text file. */
        BINARY,
        /** Larger than the size limit. */
        TOO_LARGE,
        /** A symbolic link whose target lies outside the scan root; never followed. */
        SYMLINK_OUTSIDE_ROOT,
        /** Could not be read (permissions, vanished, I/O error). */
        UNREADABLE,
        /** A detector failed on the file; other detectors and files were still scanned. */
        DETECTOR_ERROR
    }

    public ScanNote {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    @Override
    public int compareTo(ScanNote o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : reason.compareTo(o.reason);
    }
}
