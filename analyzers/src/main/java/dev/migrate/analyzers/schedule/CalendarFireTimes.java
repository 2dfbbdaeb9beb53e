package dev.migrate.analyzers.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When a systemd timer with an {@code OnCalendar=} expression elapses, field by field from the year down,
 * as systemd computes it. DST behaviour (checked against {@code systemd-analyze calendar}): a local time
 * that does not exist (spring forward) is skipped, and a local time that happens twice elapses only at its
 * first occurrence.
 */
public final class CalendarFireTimes {
    private static final int MAX_STEPS = 1_000_000;

    private CalendarFireTimes() {
    }

    /** The next elapse strictly after {@code after}, or null when the expression never elapses again. */
    public static ZonedDateTime next(CalendarSpec spec, ZoneId hostZone, Instant after) {
        ZoneId zone = spec.zone() != null ? spec.zone() : hostZone;
        LocalDateTime base = LocalDateTime.ofInstant(after, zone);
        LocalDateTime c = base.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            LocalDateTime match = nextWallClock(spec, c);
            if (match == null) {
                return null;
            }
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(match);
            if (!offsets.isEmpty()) {
                Instant at = match.toInstant(offsets.get(0));
                if (at.isAfter(after)) {
                    return at.atZone(zone);
                }
            }
            c = match.plus(1, ChronoUnit.MICROS);
        }
        return null;
    }

    /** The next {@code n} elapses after {@code after}, each one computed from the previous, as systemd does. */
    public static List<ZonedDateTime> next(CalendarSpec spec, ZoneId hostZone, Instant after, int n) {
        List<ZonedDateTime> out = new ArrayList<>();
        Instant t = after;
        while (out.size() < n) {
            ZonedDateTime z = next(spec, hostZone, t);
            if (z == null) {
                break;
            }
            out.add(z);
            t = z.toInstant();
        }
        return out;
    }

    /** The first local time {@code >= c} that matches every field, ignoring the zone. */
    static LocalDateTime nextWallClock(CalendarSpec s, LocalDateTime c) {
        for (int guard = 0; guard < 100_000; guard++) {
            if (c.getYear() > 2199) {
                return null;
            }
            int y = s.year().next(c.getYear(), null);
            if (y < 0 || y > 2199) {
                return null;
            }
            if (y != c.getYear()) {
                c = LocalDateTime.of(y, 1, 1, 0, 0);
            }
            int m = s.month().next(c.getMonthValue(), null);
            if (m < 0 || m > 12) {
                c = LocalDateTime.of(c.getYear() + 1, 1, 1, 0, 0);
                continue;
            }
            if (m != c.getMonthValue()) {
                c = LocalDateTime.of(c.getYear(), m, 1, 0, 0);
            }
            int length = c.toLocalDate().lengthOfMonth();
            int d = s.day().next(c.getDayOfMonth(), s.endOfMonth() ? fromEnd -> length - fromEnd + 1 : null);
            if (d < 0 || d > length) {
                c = c.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
                continue;
            }
            if (d != c.getDayOfMonth()) {
                c = c.toLocalDate().withDayOfMonth(d).atStartOfDay();
            }
            if ((s.weekdays() & (1 << (c.getDayOfWeek().getValue() - 1))) == 0) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            int h = s.hour().next(c.getHour(), null);
            if (h < 0 || h > 23) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            if (h != c.getHour()) {
                c = c.toLocalDate().atTime(h, 0);
            }
            int min = s.minute().next(c.getMinute(), null);
            if (min < 0 || min > 59) {
                c = c.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (min != c.getMinute()) {
                c = c.toLocalDate().atTime(c.getHour(), min);
            }
            int micros = c.getSecond() * 1_000_000 + c.getNano() / 1000;
            // '*' in the seconds means every whole second, as systemd elapses it.
            int sec = s.second().any() ? (micros + 999_999) / 1_000_000 * 1_000_000 : s.second().next(micros, null);
            if (sec < 0 || sec >= 60_000_000) {
                c = c.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
                continue;
            }
            LocalDate date = c.toLocalDate();
            return date.atTime(c.getHour(), c.getMinute(), sec / 1_000_000, (sec % 1_000_000) * 1000);
        }
        return null;
    }
}
