package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link RecurrenceRule} as the text {@link RRuleParser} reads back to the same rule: only the parts the rule
 * states, in one order ({@code FREQ}, {@code INTERVAL}, {@code WKST}, the {@code BY} parts from the month down to the
 * second, {@code BYSETPOS}, {@code COUNT}, {@code UNTIL}), with a {@code DTSTART} line before it when the rule names
 * one. Defaults are left out ({@code INTERVAL=1}, {@code WKST=MO}), so a rule read from a user's text may come back
 * shorter, never different.
 */
final class RRuleWriter {
    private RRuleWriter() {
    }

    static String text(RecurrenceRule r) {
        List<String> parts = new ArrayList<>();
        parts.add("FREQ=" + r.freq().name());
        if (r.interval() != 1) {
            parts.add("INTERVAL=" + r.interval());
        }
        if (r.wkst() != DayOfWeek.MONDAY) {
            parts.add("WKST=" + day(r.wkst()));
        }
        ints(parts, "BYMONTH", r.byMonth());
        ints(parts, "BYMONTHDAY", r.byMonthDay());
        if (r.byDay() != null) {
            parts.add("BYDAY=" + r.byDay().stream().map(RRuleWriter::weekday).collect(Collectors.joining(",")));
        }
        ints(parts, "BYHOUR", r.byHour());
        ints(parts, "BYMINUTE", r.byMinute());
        ints(parts, "BYSECOND", r.bySecond());
        ints(parts, "BYSETPOS", r.bySetPos());
        if (r.count() != null) {
            parts.add("COUNT=" + r.count());
        }
        if (r.until() != null) {
            // with a zone on DTSTART dateutil wants UNTIL in UTC; Prefect then keeps its digits in the schedule's zone
            parts.add("UNTIL=" + stamp(r.until()) + (r.tzid() != null ? "Z" : ""));
        }
        String rule = String.join(";", parts);
        if (r.dtstart() == null) {
            return rule;
        }
        String start = "UTC".equals(r.tzid()) ? "DTSTART:" + stamp(r.dtstart()) + "Z"
                : "DTSTART" + (r.tzid() != null ? ";TZID=" + r.tzid() : "") + ":" + stamp(r.dtstart());
        return start + "\nRRULE:" + rule;
    }

    private static void ints(List<String> parts, String name, List<Integer> values) {
        if (values != null) {
            parts.add(name + "=" + values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    private static String weekday(WeekdayNum w) {
        return (w.ordinal() == 0 ? "" : Integer.toString(w.ordinal())) + day(w.day());
    }

    private static String day(DayOfWeek d) {
        return d.name().substring(0, 2);
    }

    /** RFC 5545's basic form, {@code 20270402T180000}. */
    private static String stamp(LocalDateTime t) {
        return String.format("%04d%02d%02dT%02d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond());
    }
}
