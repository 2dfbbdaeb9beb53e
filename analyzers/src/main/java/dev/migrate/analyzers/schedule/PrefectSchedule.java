package dev.migrate.analyzers.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prefect 3 deployment schedule: exactly one of {@code cron}, {@code interval} or {@code rrule}, with the
 * keys a {@code prefect.yaml} {@code schedules:} entry takes ({@code day_or} for cron only,
 * {@code anchor_date} for intervals only).
 *
 * <p>An interval's anchor in a timezone other than UTC is written as its instant in UTC ({@code
 * 2024-01-01T14:00:00+00:00} for 09:00 in America/New_York in winter), never naive: Prefect versions disagree on a
 * naive anchor_date (Prefect 2 and 3.x before 3.3.0 read it as UTC, pendulum's default; from 3.3 the Python versions
 * of the client and the server decide between UTC and the schedule's timezone, see {@link NaiveAnchors}), while an
 * anchor at {@code +00:00} is the same instant to all of them.
 *
 * @param anchorDate   an interval's anchor: a local time when {@code anchorOffset} is null (only with a UTC timezone
 *                     or none, where every reading agrees), else a time at that offset
 * @param anchorOffset null for an anchor written naive; UTC for an anchor written as one instant
 */
public record PrefectSchedule(String cron, Boolean dayOr, Duration interval, LocalDateTime anchorDate,
                              ZoneOffset anchorOffset, String rrule, String timezone) {
    /** An aware anchor as written: seconds and a numeric offset, which every Python Prefect 3 runs on parses. */
    private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    public static PrefectSchedule cron(String cron, boolean dayOr, String timezone) {
        return new PrefectSchedule(cron, dayOr, null, null, null, null, timezone);
    }

    /**
     * An interval from a local anchor in {@code timezone} (or none: Prefect then counts from the deployment's creation);
     * in a timezone other than UTC the anchor is written as its instant in UTC (a repeated local time at its first
     * occurrence, java.time's rule).
     */
    public static PrefectSchedule interval(Duration every, LocalDateTime anchor, String timezone) {
        ZoneId zone = anchor == null ? null : zoneOf(timezone);
        return zone == null || isUtc(zone) ? new PrefectSchedule(null, null, every, anchor, null, null, timezone)
                : interval(every, anchor.atZone(zone), timezone);
    }

    /**
     * An interval from one instant, written as that instant in UTC ({@code 2022-11-06T06:30:00+00:00}) unless the
     * timezone is UTC (or none), where the naive UTC time is that instant to every reading. Prefect 3 reads an aware
     * anchor as its instant and moves it into the timezone, and a UTC offset is the one every parser it uses (pydantic,
     * pendulum, whenever's tzinfo lookup by name, zoneinfo) reads the same way; a naive one is UTC to some 3.x
     * clients and servers and local time to others, and in a repeated or skipped local hour ambiguous even then.
     */
    public static PrefectSchedule interval(Duration every, ZonedDateTime anchor, String timezone) {
        LocalDateTime utc = LocalDateTime.ofInstant(anchor.toInstant(), ZoneOffset.UTC);
        ZoneId zone = zoneOf(timezone);
        return zone != null && isUtc(zone) ? new PrefectSchedule(null, null, every, utc, null, null, timezone)
                : new PrefectSchedule(null, null, every, utc, ZoneOffset.UTC, null, timezone);
    }

    /** UTC by any name ({@code UTC}, {@code Etc/UTC}, {@code GMT}, {@code Z}...): a naive anchor there is one instant. */
    private static boolean isUtc(ZoneId zone) {
        return zone.getRules().isFixedOffset() && zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() == 0;
    }

    /** Null for no timezone or one java.time does not know (then the anchor stays as given: there is no instant to write). */
    private static ZoneId zoneOf(String timezone) {
        try {
            return timezone == null ? null : ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static PrefectSchedule rrule(String rule, String timezone) {
        return new PrefectSchedule(null, null, null, null, null, rule, timezone);
    }

    /** The anchor as Prefect 3 places it: a local one read in {@code zone} as java.time reads it, an aware one as is. */
    public ZonedDateTime anchorIn(ZoneId zone) {
        return anchorOffset == null ? anchorDate.atZone(zone) : anchorDate.atOffset(anchorOffset).atZoneSameInstant(zone);
    }

    /** The same schedule with its anchor moved by {@code minutes}, written as before (local, or at its offset). */
    public PrefectSchedule anchorMovedBy(long minutes) {
        return new PrefectSchedule(cron, dayOr, interval, anchorDate.plusMinutes(minutes), anchorOffset, rrule, timezone);
    }

    /** The anchor_date text a schedules: entry or {@code Interval(anchor_date=...)} carries; null without one. */
    public String anchorText() {
        return anchorDate == null ? null : anchorOffset == null ? anchorDate.toString()
                : AWARE.format(anchorDate.atOffset(anchorOffset));
    }

    /** The {@code schedules:} entry for prefect.yaml, keys in a stable order; {@code day_or} only when false. */
    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (cron != null) {
            m.put("cron", cron);
            if (Boolean.FALSE.equals(dayOr)) {
                m.put("day_or", false);
            }
        } else if (interval != null) {
            BigDecimal seconds = BigDecimal.valueOf(interval.toNanos()).movePointLeft(9).stripTrailingZeros();
            m.put("interval", seconds.scale() <= 0 ? (Object) seconds.longValueExact() : seconds);
            if (anchorDate != null) {
                m.put("anchor_date", anchorText());
            }
        } else {
            m.put("rrule", rrule);
        }
        m.put("timezone", timezone);
        return m;
    }

    @Override
    public String toString() {
        return toYaml().toString();
    }
}
