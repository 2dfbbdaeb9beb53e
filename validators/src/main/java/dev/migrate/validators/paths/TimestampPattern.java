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
    private static final String COMPACT_OFFSET = "[+-](?:0\\d|1[0-4])(?:00|30|45)";
    private static final Pattern ISO_DATETIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2})(?::(\\d{2})(?::(\\d{2}))?"
            + "|(\\d{2})(\\d{2})?)(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");

    private static final Pattern DASHED_DATETIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2})-(\\d{2})(?:-(\\d{2}))?"
            + "|_(\\d{2})-(\\d{2})-(\\d{2}))(Z|" + COMPACT_OFFSET + ")?");

    /**
     * The built-in defaults, longest first so that a datetime is not half-eaten by a date pattern.
     * Timestamps without a zone are read as UTC.
     */
    public static final List<TimestampPattern> BUILTIN = List.of(
            // Seconds are optional: schedulers often stamp minutes only (2024-03-01T0300, 2024-03-01T03:00).
            builtin("iso-datetime", ISO_DATETIME.pattern(), TimestampPattern::readIsoDateTime),
            // Filename-safe ISO (no ':' on Windows): 2024-03-01T02-30-00, 2024-03-01_02-30-00 (strftime
            // %Y-%m-%d_%H-%M-%S); minutes only after a 'T' (2024-03-01T02-30), as _02-30 may count parts
            builtin("dashed-datetime", DASHED_DATETIME.pattern(), TimestampPattern::readDashedDateTime),
            // yyyyMMdd then HHmmss; HHmm only after a 'T', since yyyyMMdd_HHmm is too close to a date and a counter.
            // After a 'T', a basic-format offset (+0100, as Python's %Y%m%dT%H%M%S%z writes it) is part of the stamp:
            // a real one (hours up to 14, minutes 00, 30 or 45), as a part counter (-0001) is not.
            builtin("compact-datetime", "(?:19|20)\\d{6}(?:T(?:\\d{6}|\\d{4})(?:Z|" + COMPACT_OFFSET + ")?|[_-]?\\d{6}Z?)",
                    TimestampPattern::readCompactDateTime),
            // 2024_03_01 (strftime %Y_%m_%d), with seconds-precision time after it only (2024_03_01_0001 may count parts)
            builtin("underscored-date", "(?:19|20)\\d{2}_(?:0[1-9]|1[0-2])_(?:0[1-9]|[12]\\d|3[01])(?:_\\d{6})?",
                    TimestampPattern::readCompactDateTime),
            builtin("iso-date", "(?:19|20)\\d{2}-\\d{2}-\\d{2}", s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)),
            builtin("yyyymmdd", "(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])",
                    s -> LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay().toInstant(ZoneOffset.UTC)),
            builtin("epoch-millis", "1\\d{12}", s -> Instant.ofEpochMilli(Long.parseLong(s))),
            builtin("epoch-seconds", "1\\d{9}", s -> Instant.ofEpochSecond(Long.parseLong(s))));

    /** A time of day as HHMM or HH-MM, as it follows a date in a name stamped to the minute. */
    static final String HHMM = "(?:[01]\\d|2[0-3])-?[0-5]\\d";

    /**
     * Shapes that builtin leaves because they are ambiguous, which a job turns on by name in
     * {@code path_rules.timestamps}: they are tried before the built-ins, which would otherwise take the date alone.
     * {@code date-hhmm}: a date, then '_' or '-', then the time of day as HHMM or HH-MM (strftime
     * {@code %Y%m%d_%H%M}); builtin leaves it, as four digits after a date may also count parts.
     */
    public static final java.util.Map<String, TimestampPattern> NAMED = java.util.Map.of(
            "date-hhmm", builtin("date-hhmm", "(?:19|20)\\d{2}(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "|-\\d{2}-\\d{2}|_\\d{2}_\\d{2})[_-]" + HHMM,
                    TimestampPattern::readCompactDateTime));

    private static TimestampPattern builtin(String name, String regex, Function<String, Instant> reader) {
        return new TimestampPattern(name, Pattern.compile(NOT_DIGIT_BEFORE + "(?:" + regex + ")" + NOT_DIGIT_AFTER),
                reader);
    }

    /** A user pattern from the config; it is stripped like the built-ins but carries no instant. */
    public static TimestampPattern custom(String regex) {
        return new TimestampPattern("custom:" + regex, Pattern.compile(regex), s -> null);
    }

    /**
     * Whether {@code matched} (a match of this pattern) names a day rather than a moment ({@code 2024-03-01},
     * {@code 20240301}, {@code 2024_03_01}): its instant is the day's midnight, and the file belongs to the whole day.
     */
    public boolean namesDay(String matched) {
        return switch (name) {
            case "iso-date", "yyyymmdd" -> true;
            case "underscored-date" -> matched.length() == 10;
            default -> false;
        };
    }

    public Optional<Instant> read(String matched) {
        try {
            return Optional.ofNullable(reader.apply(matched));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Instant readIsoDateTime(String s) {
        java.util.regex.Matcher m = ISO_DATETIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        String minute = m.group(3) != null ? m.group(3) : m.group(5);
        String second = m.group(3) != null ? m.group(4) : m.group(6);
        String local = m.group(1) + "T" + m.group(2) + ":" + minute + ":" + (second == null ? "00" : second)
                + (m.group(7) == null ? "" : m.group(7));
        String zone = m.group(8);
        if (zone == null) {
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(local + zone.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
    }

    private static Instant readDashedDateTime(String s) {
        java.util.regex.Matcher m = DASHED_DATETIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        boolean t = m.group(2) != null;
        String second = t ? m.group(4) : m.group(7);
        LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + (t ? m.group(2) : m.group(5)) + ":"
                + (t ? m.group(3) : m.group(6)) + ":" + (second == null ? "00" : second));
        String zone = m.group(8);
        return local.toInstant(zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone));
    }

    private static Instant readCompactDateTime(String s) {
        java.util.regex.Matcher offset = Pattern.compile("T\\d+(" + COMPACT_OFFSET + ")$").matcher(s);
        ZoneOffset zone = ZoneOffset.UTC;
        if (offset.find()) {
            zone = ZoneOffset.of(offset.group(1));
            s = s.substring(0, s.length() - offset.group(1).length());
        }
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() == 8) {
            digits += "000000";
        } else if (digits.length() == 12) {
            digits += "00";
        }
        return LocalDateTime.parse(digits, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(zone);
    }
}
