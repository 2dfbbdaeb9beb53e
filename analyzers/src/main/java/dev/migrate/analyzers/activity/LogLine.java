package dev.migrate.analyzers.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a syslog-style log: when, which program ({@code CRON}, {@code systemd}, {@code anacron}) and its
 * message. Three forms are read: the traditional {@code Nov 21 03:00:01} of rsyslog's default and
 * {@code journalctl}'s short format, the ISO 8601 one of rsyslog's high-precision format and
 * {@code journalctl -o short-iso}, and {@code journalctl -o json}'s one object per line.
 *
 * @param at      when the line was written; a traditional timestamp has no year and no zone: it is read in the host's
 *                zone, in the latest year that does not put it after the reference time
 * @param program the tag before the pid ({@code CRON} in {@code CRON[1234]:})
 */
record LogLine(ZonedDateTime at, String program, String message) {
    private static final Pattern TRADITIONAL = Pattern.compile(
            "^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)? \\S+ ([^\\s:\\[]+)(?:\\[\\d+\\])?: ?(.*)$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?) \\S+ ([^\\s:\\[]+)(?:\\[\\d+\\])?: ?(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    /** The line read, or empty when it is not a syslog-style line. */
    static Optional<LogLine> parse(String line, ZoneId hostZone, ZonedDateTime reference) {
        if (line.startsWith("{")) {
            return journalJson(line, hostZone);
        }
        Matcher t = TRADITIONAL.matcher(line);
        if (t.matches()) {
            try {
                MonthDay md = MonthDay.parse(t.group(1) + " " + t.group(2), MONTH_DAY);
                LocalDateTime local = LocalDateTime.of(md.atYear(reference.getYear()), java.time.LocalTime.parse(t.group(3)));
                ZonedDateTime at = local.atZone(hostZone);
                if (at.isAfter(reference.plusDays(1))) {
                    at = local.minusYears(1).atZone(hostZone); // December's lines read in January
                }
                return Optional.of(new LogLine(at, t.group(4), t.group(5)));
            } catch (DateTimeParseException e) {
                return Optional.empty(); // Feb 30 and the like: not a timestamp
            }
        }
        Matcher i = ISO.matcher(line);
        if (i.matches()) {
            String stamp = i.group(1).replace(' ', 'T').replace(',', '.');
            try {
                ZonedDateTime at = stamp.matches(".*(Z|[+-]\\d{2}:?\\d{2})$")
                        ? OffsetDateTime.parse(normalizeOffset(stamp)).atZoneSameInstant(hostZone)
                        : LocalDateTime.parse(stamp).atZone(hostZone);
                return Optional.of(new LogLine(at, i.group(2), i.group(3)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * One entry of {@code journalctl -o json}: {@code __REALTIME_TIMESTAMP} (microseconds since the epoch),
     * {@code SYSLOG_IDENTIFIER} and {@code MESSAGE} (a string; binary messages, written as byte arrays, are skipped).
     */
    private static Optional<LogLine> journalJson(String line, ZoneId hostZone) {
        try {
            JsonNode entry = JSON.readTree(line);
            JsonNode micros = entry.path("__REALTIME_TIMESTAMP");
            JsonNode program = entry.path("SYSLOG_IDENTIFIER");
            JsonNode message = entry.path("MESSAGE");
            if (!micros.isValueNode() || !program.isTextual() || !message.isTextual()) {
                return Optional.empty();
            }
            long us = Long.parseLong(micros.asText());
            ZonedDateTime at = Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000).atZone(hostZone);
            return Optional.of(new LogLine(at, program.asText(), message.asText()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code +0100} (journalctl's short-iso) as {@code +01:00}, which the ISO parser wants. */
    private static String normalizeOffset(String stamp) {
        return stamp.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    }
}
