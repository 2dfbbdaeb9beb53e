package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts {@code @Scheduled} attribute values to schedule specs: six-field cron with seconds, and fixed
 * rates and delays as ISO-8601 durations in the annotation's {@code timeUnit} (milliseconds by default).
 */
final class SpringSchedules {
    static final String ATTRIBUTE = "spring.attribute";
    static final String TIME_UNIT = "spring.timeUnit";

    private SpringSchedules() {
    }

    static boolean isPlaceholder(String v) {
        return v != null && v.contains("${");
    }

    static ScheduleSpec of(String attribute, String value, String zone, String timeUnit, SourceRef where) {
        if (isPlaceholder(value)) {
            return new ScheduleSpec(Form.UNKNOWN, value, zone, where);
        }
        if (attribute.equals("cron")) {
            return new ScheduleSpec(Form.CRON_SPRING, value.strip(), zone, where);
        }
        return interval(value, timeUnit).map(d -> new ScheduleSpec(Form.INTERVAL, d.toString(), zone, where))
                .orElse(new ScheduleSpec(Form.UNKNOWN, value, zone, where));
    }

    /** A number in the time unit, or (String variants) an ISO-8601 duration such as {@code PT5M}. */
    static Optional<Duration> interval(String value, String timeUnit) {
        String v = value.strip();
        if (v.matches("-?\\d+")) {
            return Optional.of(Duration.of(Long.parseLong(v), unit(timeUnit)));
        }
        try {
            return Optional.of(Duration.parse(v.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ChronoUnit unit(String timeUnit) {
        if (timeUnit == null) {
            return ChronoUnit.MILLIS;
        }
        return switch (timeUnit.substring(timeUnit.lastIndexOf('.') + 1)) {
            case "NANOSECONDS" -> ChronoUnit.NANOS;
            case "MICROSECONDS" -> ChronoUnit.MICROS;
            case "SECONDS" -> ChronoUnit.SECONDS;
            case "MINUTES" -> ChronoUnit.MINUTES;
            case "HOURS" -> ChronoUnit.HOURS;
            case "DAYS" -> ChronoUnit.DAYS;
            default -> ChronoUnit.MILLIS;
        };
    }

    /** True for a six-field (or Quartz seven-field) cron whose seconds field is not a plain 0. */
    static boolean hasSubMinuteSeconds(String cron) {
        String[] f = cron.strip().split("\\s+");
        return f.length >= 6 && !f[0].equals("0") && !f[0].equals("00");
    }
}
