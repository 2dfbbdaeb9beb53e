package dev.migrate.analyzers.model;

import java.util.List;
import java.util.function.Predicate;

/**
 * A detector's cheap pre-parse test, run by the scanner on raw bytes so that most files of a large
 * tree are never decoded. A file passes when its path matches {@code paths} or its bytes contain one of
 * the ASCII {@code keywords} (case-sensitive). A detector that cannot say either uses {@link #EVERY_TEXT_FILE}.
 *
 * @param keywords ASCII substrings of at least two characters, any of which makes the file interesting
 * @param paths    test on the path relative to the scan root ('/' separators)
 */
public record Prefilter(List<String> keywords, Predicate<String> paths) {
    /** Every text file is handed to the detector. */
    public static final Prefilter EVERY_TEXT_FILE = new Prefilter(List.of(), p -> true);

    public Prefilter {
        keywords = List.copyOf(keywords);
        for (String k : keywords) {
            if (k.length() < 2 || !k.chars().allMatch(c -> c < 128)) {
                throw new IllegalArgumentException("prefilter keywords must be ASCII, at least two characters: '" + k + "'");
            }
        }
    }

    public static Prefilter keywords(String... keywords) {
        return new Prefilter(List.of(keywords), p -> false);
    }

    /** Whether a file of this path and text passes, for callers that hold the text already (the rewrite's scans). */
    public boolean passes(String path, String text) {
        return paths.test(path) || keywords.stream().anyMatch(text::contains);
    }

    public Prefilter orPath(Predicate<String> more) {
        Predicate<String> mine = paths;
        return new Prefilter(keywords, p -> mine.test(p) || more.test(p));
    }
}
