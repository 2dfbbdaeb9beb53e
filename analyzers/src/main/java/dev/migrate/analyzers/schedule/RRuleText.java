package dev.migrate.analyzers.schedule;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The RFC 5545 rules we write for systemd calendars that cron cannot say (seconds, {@code ~} days from the end of
 * the month) and for every n days at a wall-clock time: always {@code FREQ=DAILY} with every {@code BY} part spelled
 * out, so that no part is filled in from {@code DTSTART}; an {@code INTERVAL} counts days from Prefect's DTSTART,
 * 2020-01-01 ({@code RRuleSchedule.to_rrule}). {@link #parse} reads back exactly this subset, so that an end can
 * be added ({@link PrefectTranslator}); {@link RecurrenceWalk} evaluates them, as it does any rule.
 * An {@code UNTIL} is written without a zone: {@code to_rrule} reads it as a local time of the schedule's timezone
 * (a zone-less DTSTART with a UTC {@code UNTIL} would make dateutil refuse the rule), and the time itself still fires.
 *
 * @param until the last local time that may fire, or null for a rule without end
 */
record RRuleText(BitSet months, List<Integer> monthDays, int weekdays, BitSet hours, BitSet minutes, BitSet seconds,
                 int intervalDays, LocalDateTime until) {
    private static final DateTimeFormatter UNTIL_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    /** Every {@code days} days from 2020-01-01 at {@code at} on the wall clock. */
    static RRuleText everyDays(int days, LocalTime at) {
        return new RRuleText(full(1, 12), List.of(), 0x7f, one(at.getHour()), one(at.getMinute()), one(at.getSecond()), days,
                null);
    }

    /**
     * The same days and times as a five-field cron whose day-of-month and month are every value (so no day rule is at
     * play), at second 0; null for any other cron.
     */
    static RRuleText fromCron(CronExpression e) {
        if (!e.full(CronField.DAY_OF_MONTH) || !e.full(CronField.MONTH) || e.hasSpecialDays()) {
            return null;
        }
        int weekdays = 0;
        for (int d = 0; d < 7; d++) {
            // cron counts from Sunday = 0, RFC 5545's list here from Monday
            if (e.matches(CronField.DAY_OF_WEEK, (d + 1) % 7)) {
                weekdays |= 1 << d;
            }
        }
        BitSet hours = new BitSet();
        BitSet minutes = new BitSet();
        for (int v = 0; v < 60; v++) {
            hours.set(v, v < 24 && e.matches(CronField.HOUR, v));
            minutes.set(v, e.matches(CronField.MINUTE, v));
        }
        return new RRuleText(full(1, 12), List.of(), weekdays, hours, minutes, one(0), 1, null);
    }

    /** This rule ending at {@code last} (inclusive, a local time of the schedule's zone). */
    RRuleText until(LocalDateTime last) {
        return new RRuleText(months, monthDays, weekdays, hours, minutes, seconds, intervalDays, last);
    }

    /** Null when the calendar restricts years or uses fractional seconds, which an RRULE here cannot say. */
    static RRuleText fromCalendar(CalendarSpec s) {
        if (!s.year().any() || s.second().chains().stream().anyMatch(c -> c.start() % 1_000_000 != 0
                || c.repeat() % 1_000_000 != 0 || c.stop() >= 0 && c.stop() % 1_000_000 != 0)) {
            return null;
        }
        List<Integer> monthDays = new ArrayList<>();
        if (s.endOfMonth()) {
            for (CalendarComponent.Chain c : s.day().chains()) {
                for (int fromEnd = c.start(); fromEnd >= 1; fromEnd -= c.repeat() > 0 ? c.repeat() : Integer.MAX_VALUE) {
                    monthDays.add(-fromEnd);
                }
            }
        } else if (!s.day().any()) {
            s.day().values(1, 31).stream().forEach(monthDays::add);
        }
        BitSet seconds = new BitSet();
        if (s.second().any()) {
            seconds.set(0, 60);
        } else {
            s.second().values(0, 59_999_999).stream().forEach(v -> seconds.set(v / 1_000_000));
        }
        return new RRuleText(s.month().values(1, 12), monthDays.stream().distinct().sorted().toList(), s.weekdays(),
                s.hour().values(0, 23), s.minute().values(0, 59), seconds, 1, null);
    }

    String text() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("FREQ", "DAILY");
        if (intervalDays > 1) {
            parts.put("INTERVAL", Integer.toString(intervalDays));
        }
        if (months.cardinality() < 12) {
            parts.put("BYMONTH", join(months));
        }
        if (!monthDays.isEmpty()) {
            parts.put("BYMONTHDAY", monthDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (weekdays != 0x7f) {
            List<String> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                if ((weekdays & (1 << d)) != 0) {
                    days.add(DAYS[d]);
                }
            }
            parts.put("BYDAY", String.join(",", days));
        }
        parts.put("BYHOUR", join(hours));
        parts.put("BYMINUTE", join(minutes));
        parts.put("BYSECOND", join(seconds));
        if (until != null) {
            parts.put("UNTIL", UNTIL_FORMAT.format(until));
        }
        return parts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Reads a rule written by {@link #text()}; null for anything else. */
    static RRuleText parse(String rule) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : rule.strip().replaceFirst("^RRULE:", "").split(";")) {
            int eq = p.indexOf('=');
            if (eq < 0) {
                return null;
            }
            parts.put(p.substring(0, eq), p.substring(eq + 1));
        }
        if (!"DAILY".equals(parts.remove("FREQ"))) {
            return null;
        }
        try {
            int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.remove("INTERVAL")) : 1;
            LocalDateTime until = parts.containsKey("UNTIL") ? LocalDateTime.parse(parts.remove("UNTIL"), UNTIL_FORMAT) : null;
            if (interval < 1 || !parts.keySet().stream().allMatch(k -> k.startsWith("BY"))) {
                return null;
            }
            BitSet months = parts.containsKey("BYMONTH") ? bits(parts.remove("BYMONTH")) : full(1, 12);
            List<Integer> days = parts.containsKey("BYMONTHDAY")
                    ? java.util.Arrays.stream(parts.remove("BYMONTHDAY").split(",")).map(Integer::parseInt).toList() : List.of();
            int weekdays = 0x7f;
            if (parts.containsKey("BYDAY")) {
                weekdays = 0;
                for (String d : parts.remove("BYDAY").split(",")) {
                    weekdays |= 1 << List.of(DAYS).indexOf(d);
                }
            }
            RRuleText r = new RRuleText(months, days, weekdays, bits(parts.remove("BYHOUR")), bits(parts.remove("BYMINUTE")),
                    bits(parts.remove("BYSECOND")), interval, until);
            return parts.isEmpty() ? r : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String join(BitSet b) {
        return b.stream().mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private static BitSet bits(String csv) {
        BitSet b = new BitSet();
        for (String v : csv.split(",")) {
            b.set(Integer.parseInt(v));
        }
        return b;
    }

    private static BitSet one(int value) {
        BitSet b = new BitSet();
        b.set(value);
        return b;
    }

    private static BitSet full(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return b;
    }
}
