package dev.migrate.analyzers.baseline;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding as a baseline records it. Every field is redacted text, so the file can be committed; two entries are
 * the same finding when every field is equal (see {@link Fingerprints} for why these fields and no others).
 *
 * @param code       the rule code ({@code CRN001})
 * @param path       the file, relative to the scanned root, with '/' separators
 * @param job        the id of the job the finding belongs to, or "" for a finding about the estate as a whole
 * @param text       the finding's line, trimmed, blank runs made one space, redacted ("" for a whole-file finding)
 * @param occurrence 1 for the first finding with these four fields in the file, 2 for the next, ...
 */
public record BaselineEntry(String code, String path, String job, String text, int occurrence)
        implements Comparable<BaselineEntry> {
    /** Path first, so that a file's entries stand together in the baseline and a diff reads file by file. */
    private static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::path)
            .thenComparing(BaselineEntry::code).thenComparing(BaselineEntry::job).thenComparing(BaselineEntry::text)
            .thenComparingInt(BaselineEntry::occurrence);

    public BaselineEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(text, "text");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence must be at least 1: " + occurrence);
        }
    }

    @Override
    public int compareTo(BaselineEntry o) {
        return ORDER.compare(this, o);
    }

    /** {@code path: CODE "text"}, how a person finds the entry again. */
    @Override
    public String toString() {
        return path + ": " + code + (text.isEmpty() ? "" : " \"" + text + "\"")
                + (occurrence == 1 ? "" : " (occurrence " + occurrence + ")");
    }
}
