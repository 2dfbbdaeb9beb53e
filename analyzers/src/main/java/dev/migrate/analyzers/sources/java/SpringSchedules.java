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
    /**
     * What JAV005 says of a cron with seconds other than 0. Spring and Quartz write the seconds first; Prefect reads a
     * cron with croniter, minute first, where a sixth field is seconds at the end: copied as written, {@code *}{@code /10
     * * * * * *} is valid in Prefect and means every second of every tenth minute. Every n seconds (n dividing 60) is
     * an interval of n seconds, which the translation writes; the translation writes no cron with seconds.
     */
    static String subMinuteSeconds(String cron, boolean quartz) {
        String seconds = cron.strip().split("\\s+")[0];
        String order = "Prefect reads a cron minute first (croniter: a sixth field is seconds, at the end), so the text "
                + "cannot be copied";
        return dev.migrate.analyzers.schedule.CronDialects.everySeconds(cron, quartz)
                .map(every -> "fires every " + every.getSeconds() + " s (seconds field '" + seconds + "'); " + order
                        + ", and the deployment gets an interval schedule of " + every.getSeconds()
                        + " s, which fires at the same instants")
                .orElse("fires at seconds '" + seconds + "'; " + order + ", and the translation writes a five-field cron, "
                        + "at second 0, or nothing: choose the second 0 time, an interval or a long-running flow");
    }

    static boolean hasSubMinuteSeconds(String cron) {
        String[] f = cron.strip().split("\\s+");
        return f.length >= 6 && !f[0].equals("0") && !f[0].equals("00");
    }
}
