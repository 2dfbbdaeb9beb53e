package dev.migrate.analyzers.schedule;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A Prefect interval schedule's {@code anchor_date} as the INTERVAL expression {@code R/start/period} with a start
 * that carries its UTC offset, so that it names one instant (a start without an offset is a wall-clock time, see
 * {@link Schedules}). A naive anchor is placed at UTC, the instant Prefect 2 (and 3.x before 3.3.0) used whatever the
 * schedule's timezone: the caller marks it for its version ({@link NaiveAnchors#marked}), since from 3.3 the Python
 * versions of the client and the server decide whether it is that instant or the digits in the schedule's timezone.
 */
public final class AnchoredInterval {
    private AnchoredInterval() {
    }

    /**
     * @param period   the ISO-8601 period, {@code PT6H}
     * @param anchor   the anchor as written: ISO with or without an offset or 'Z', a space instead of 'T' allowed
     * @param timezone the schedule's timezone, or null (a naive anchor is read as UTC whatever it is: see
     *                 {@link NaiveAnchors})
     * @return the expression, or empty when the anchor or the zone cannot be read (the caller keeps the plain period)
     */
    public static Optional<String> expression(String period, String anchor, String timezone) {
        String text = anchor.strip().replace(' ', 'T');
        try {
            return Optional.of(expression(period, OffsetDateTime.parse(text)));
        } catch (DateTimeParseException notOffset) {
            try {
                return expression(period, LocalDateTime.parse(text), timezone);
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    /**
     * A naive anchor, read as UTC (the instant Prefect 2 used); empty when {@code timezone} names no zone, which
     * Prefect rejects.
     */
    public static Optional<String> expression(String period, LocalDateTime anchor, String timezone) {
        try {
            if (timezone != null && !timezone.isBlank()) {
                ZoneId.of(timezone.strip());
            }
            return Optional.of(expression(period, anchor.atOffset(ZoneOffset.UTC)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code anchor} is a date and time without an offset (which {@link NaiveAnchors} reads per version). */
    public static boolean naive(String anchor) {
        String text = anchor.strip().replace(' ', 'T');
        try {
            OffsetDateTime.parse(text);
            return false;
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notLocal) {
                return false;
            }
        }
    }

    /**
     * A start already placed in its zone, for a caller that knows which occurrence of a repeated local time it is (a
     * Prefect 1 start, which pendulum puts at the second).
     */
    public static String expression(String period, java.time.ZonedDateTime start) {
        return expression(period, start.toOffsetDateTime());
    }

    private static String expression(String period, OffsetDateTime start) {
        return "R/" + start + "/" + period;
    }
}
