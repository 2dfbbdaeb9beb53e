package dev.migrate.validators.paths;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A timestamp that may appear in an output path, and how to read the instant it stands for (to pair
 * files with scheduled runs). User patterns have no reader: they are only stripped.
 */
public record TimestampPattern(String name, Pattern regex, Function<String, Instant> reader) {
    private static final String NOT_DIGIT_BEFORE = "(?<![0-9])";
    private static final String NOT_DIGIT_AFTER = "(?![0-9])";

    /**
     * The built-in defaults, longest first so that a datetime is not half-eaten by a date pattern.
     * Timestamps without a zone are read as UTC.
     */
    public static final List<TimestampPattern> BUILTIN = List.of(
            builtin("iso-datetime",
                    "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:?\\d{2}:?\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?",
                    TimestampPattern::readIsoDateTime),
            builtin("compact-datetime", "(?:19|20)\\d{6}[T_-]?\\d{6}Z?", TimestampPattern::readCompactDateTime),
            builtin("iso-date", "(?:19|20)\\d{2}-\\d{2}-\\d{2}", s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)),
            builtin("yyyymmdd", "(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])",
                    s -> LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay().toInstant(ZoneOffset.UTC)),
            builtin("epoch-millis", "1\\d{12}", s -> Instant.ofEpochMilli(Long.parseLong(s))),
            builtin("epoch-seconds", "1\\d{9}", s -> Instant.ofEpochSecond(Long.parseLong(s))));

    private static TimestampPattern builtin(String name, String regex, Function<String, Instant> reader) {
        return new TimestampPattern(name, Pattern.compile(NOT_DIGIT_BEFORE + regex + NOT_DIGIT_AFTER), reader);
    }

    /** A user pattern from the config; it is stripped like the built-ins but carries no instant. */
    public static TimestampPattern custom(String regex) {
        return new TimestampPattern("custom:" + regex, Pattern.compile(regex), s -> null);
    }

    public Optional<Instant> read(String matched) {
        try {
            return Optional.ofNullable(reader.apply(matched));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Instant readIsoDateTime(String s) {
        String t = s.replace(' ', 'T');
        if (!t.contains(":")) {
            // 2024-03-01T020000: put the colons back so java.time can read it.
            int at = t.indexOf('T') + 1;
            t = t.substring(0, at) + t.substring(at, at + 2) + ":" + t.substring(at + 2, at + 4) + ":" + t.substring(at + 4);
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
            return OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    private static Instant readCompactDateTime(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        return LocalDateTime.parse(digits, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
    }
}
