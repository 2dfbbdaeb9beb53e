package dev.migrate.analyzers.cutover;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line marker {@code migrate cutover disable} leaves where it switched a legacy line off:
 * {@code # migrate: disabled <job-key> <when> # <the original line>}, where {@code <when>} is an ISO-8601
 * instant (or a date). The original line is kept byte
 * for byte after the second {@code " # "}, so restoring it is exact.
 *
 * @param file path relative to the estate root, '/'-separated
 * @param line 1-based
 */
public record DisableMarker(String file, int line, String jobKey, String date, String original) {
    static final String PREFIX = "# migrate: disabled ";
    private static final Pattern LINE = Pattern.compile("^# migrate: disabled (\\S+) (\\S+) # (.*)$", Pattern.DOTALL);

    /** The marked form of {@code original}. */
    static String mark(String original, String jobKey, String date) {
        return PREFIX + jobKey + " " + date + " # " + original;
    }

    /** The marker on {@code text} (one line, without its line ending), if it is one. */
    static Optional<DisableMarker> parse(String file, int line, String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(text);
        return m.matches() ? Optional.of(new DisableMarker(file, line, m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** When the line was switched off: the marker's ISO instant, or the start of its date (UTC); null if unreadable. */
    public java.time.Instant disabledAt() {
        try {
            return java.time.Instant.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    public String where() {
        return file + ":" + line;
    }
}
