package dev.migrate.analyzers.model;

import java.util.Objects;

/**
 * A file handed to detectors: its path relative to the scan root (with '/' separators) and its text,
 * decoded once by the scanner. Detectors never open files themselves, so the scanner alone decides
 * what is read (no symlinks out of the root, no binaries, no huge files).
 *
 * @param jobIds where every detector that reads this file takes its jobs' ids, so they are unique in the file;
 *               the scanner makes one ScanFile per file and scan, shared by the file's detectors
 */
public record ScanFile(String path, String text, JobIdRegistry jobIds) {
    public ScanFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(jobIds, "jobIds");
    }

    /** A file as one scan first reads it: no job id claimed yet. */
    public ScanFile(String path, String text) {
        this(path, text, new JobIdRegistry());
    }

    /** The same file with other text (a Helm template rendered with its values): ids stay unique across both. */
    public ScanFile withText(String other) {
        return new ScanFile(path, other, jobIds);
    }

    /** The file name without its directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * Where each line of {@link #text()} starts: element {@code n - 1} is the offset of line {@code n} (computed on each
     * call, for callers that look up many lines of one file).
     */
    public int[] lineStarts() {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, n);
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
