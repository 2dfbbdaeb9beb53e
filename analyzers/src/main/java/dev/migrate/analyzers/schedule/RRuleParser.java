package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.schedule.RecurrenceRule.Frequency;
import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RRULE the way Prefect's {@code RRuleSchedule} hands it to dateutil's {@code rrulestr}: the text upper-cased
 * and split at whitespace into lines, an optional {@code DTSTART} line ({@code DTSTART:20240101T090000},
 * {@code DTSTART;TZID=Europe/Paris:...}) and one {@code RRULE:} line or bare rule. A rule dateutil (and so Prefect)
 * refuses, or one that would never fire, is malformed: a {@link ScheduleSyntaxException} saying which part is wrong. A
 * valid rule with a part that is not evaluated here (BYWEEKNO, BYYEARDAY, BYEASTER, FREQ=SECONDLY, RDATE, EXDATE,
 * EXRULE, several RRULE lines) is read with {@link Reading#notEvaluated} naming that part.
 */
final class RRuleParser {
    private static final Set<String> NOT_EVALUATED = Set.of("BYWEEKNO", "BYYEARDAY", "BYEASTER");
    private static final Set<String> INT_LISTS = Set.of("BYSETPOS", "BYMONTH", "BYMONTHDAY", "BYHOUR", "BYMINUTE",
            "BYSECOND");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    private static final Pattern BASIC = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})?)?(Z)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?(Z)?");
    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,9}");
    /** {@code MO}, {@code +1MO}, {@code -1FR}, or dateutil's own {@code MO(+1)}. */
    private static final Pattern WEEKDAY = Pattern.compile("([+-]?\\d{1,2})?([A-Z]{2})|([A-Z]{2})\\(([+-]?\\d{1,2})\\)");

    /** A rule read; {@code notEvaluated} names what keeps it from being evaluated, or is null. */
    record Reading(RecurrenceRule rule, String notEvaluated) {
    }

    private RRuleParser() {
    }

    /** @throws ScheduleSyntaxException when dateutil refuses the rule or it could never fire */
    static Reading read(String text) {
        try {
            return lines(text);
        } catch (NotRead e) {
            return new Reading(null, e.getMessage());
        }
    }

    private static Reading lines(String text) {
        String original = text.strip();
        if (original.isEmpty()) {
            throw malformed(text, "it is empty");
        }
        String upper = original.toUpperCase(Locale.ROOT);
        String[] lines = upper.split("\\s+");
        String[] originalLines = original.split("\\s+");
        if (lines.length == 1 && (!upper.contains(":") || upper.startsWith("RRULE:"))) {
            return rule(text, lines[0], null, null, false);
        }
        List<String> rules = new ArrayList<>();
        Stamp dtstart = null;
        String other = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon < 0) {
                rules.add(line);
                continue;
            }
            String[] parms = line.substring(0, colon).split(";", -1);
            String value = line.substring(colon + 1);
            switch (parms[0]) {
                case "RRULE" -> {
                    if (parms.length > 1) {
                        throw malformed(text, "the RRULE line has parameters (" + line.substring(0, colon) + ")");
                    }
                    rules.add(value);
                }
                case "DTSTART" -> dtstart = dtstart(text, originalLines[i], parms, value);
                case "RDATE", "EXRULE", "EXDATE" -> other = other != null ? other : parms[0];
                default -> throw malformed(text, "'" + parms[0] + "' is not a property rrulestr reads (DTSTART, RRULE, "
                        + "RDATE, EXRULE, EXDATE)");
            }
        }
        if (rules.isEmpty()) {
            throw malformed(text, "there is no RRULE line, only " + String.join(" ", lines));
        }
        if (other != null || rules.size() > 1) {
            // dateutil reads these as an rruleset: keep the first rule's check for syntax, but do not evaluate the set
            Reading first = rule(text, rules.get(0), dtstart == null ? null : dtstart.time, dtstart == null ? null
                    : dtstart.zone, dtstart != null);
            return new Reading(first.rule(), other != null ? "its " + other + " line is not evaluated"
                    : "its " + rules.size() + " RRULE lines make a set that is not evaluated");
        }
        return rule(text, rules.get(0), dtstart == null ? null : dtstart.time, dtstart == null ? null : dtstart.zone,
                dtstart != null);
    }

    /** A DTSTART value and the zone it names (TZID, or UTC for a trailing Z), null when naive. */
    private record Stamp(LocalDateTime time, String zone) {
    }

    private static Stamp dtstart(String text, String originalLine, String[] parms, String value) {
        String zone = null;
        boolean valueSeen = false;
        for (int p = 1; p < parms.length; p++) {
            if (parms[p].startsWith("TZID=")) {
                // the zone name keeps its case (rrulestr reads it from the text before upper-casing it)
                Matcher m = Pattern.compile("(?i)TZID=([^:;]+)").matcher(originalLine);
                String name = m.find() ? m.group(1) : parms[p].substring(5);
                try {
                    zone = ZoneId.of(name).getId();
                } catch (DateTimeException e) {
                    zone = null; // dateutil's gettz finds no such zone and leaves DTSTART without one
                }
            } else if (parms[p].equals("VALUE=DATE") || parms[p].equals("VALUE=DATE-TIME")) {
                if (valueSeen) {
                    throw malformed(text, "DTSTART has two VALUE parameters");
                }
                valueSeen = true;
            } else {
                throw malformed(text, "DTSTART has the parameter " + parms[p] + ", which rrulestr does not read");
            }
        }
        if (value.contains(",")) {
            throw malformed(text, "DTSTART has several values (" + value + ")");
        }
        Stamp s = stamp(text, "DTSTART", value);
        if (s.zone != null && zone != null) {
            throw malformed(text, "DTSTART names a zone twice (TZID and a trailing Z)");
        }
        return new Stamp(s.time, zone != null ? zone : s.zone);
    }

    private static Stamp stamp(String text, String part, String value) {
        Matcher m = BASIC.matcher(value);
        if (!m.matches()) {
            m = ISO.matcher(value);
        }
        if (!m.matches()) {
            throw new NotRead(part + "=" + value + " is a date form not read here (write 20240131T090000)");
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return new Stamp(d.atTime(t), m.group(7) == null ? null : "UTC");
        } catch (DateTimeException e) {
            throw malformed(text, part + "=" + value + " is not a date and time");
        }
    }

    /** A date form dateutil's parser may read but we do not: the rule is not evaluated, not malformed. */
    private static final class NotRead extends RuntimeException {
        NotRead(String message) {
            super(message, null, false, false);
        }
    }

    private static Reading rule(String text, String line, LocalDateTime dtstart, String tzid, boolean hasDtstart) {
        String value = line;
        if (line.contains(":")) {
            String[] halves = line.split(":", -1);
            if (halves.length != 2 || !halves[0].equals("RRULE")) {
                throw malformed(text, "'" + line + "' is not RRULE:FREQ=...");
            }
            value = halves[1];
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String pair : value.split(";", -1)) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2) {
                throw malformed(text, pair.isEmpty() ? "it has an empty part (a ';' too many)"
                        : "'" + pair + "' is not NAME=VALUE");
            }
            parts.put(kv[0], kv[1]); // a part given twice: dateutil keeps the last
        }
        String notEvaluated = null;
        for (String name : parts.keySet()) {
            if (NOT_EVALUATED.contains(name)) {
                notEvaluated = notEvaluated != null ? notEvaluated : name + "=" + parts.get(name) + " is not evaluated";
            } else if (!Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYWEEKDAY").contains(name)
                    && !INT_LISTS.contains(name)) {
                throw malformed(text, "'" + name + "' is not an RRULE part");
            }
        }
        String freqText = parts.get("FREQ");
        if (freqText == null) {
            throw malformed(text, "it has no FREQ");
        }
        Frequency freq;
        boolean secondly = freqText.equals("SECONDLY");
        if (secondly) {
            notEvaluated = notEvaluated != null ? notEvaluated : "FREQ=SECONDLY is not evaluated";
            freq = Frequency.MINUTELY; // only to check the other parts; no rule is returned
        } else {
            try {
                freq = Frequency.valueOf(freqText);
            } catch (IllegalArgumentException e) {
                throw malformed(text, "FREQ=" + freqText + " is not a frequency (YEARLY, MONTHLY, WEEKLY, DAILY, "
                        + "HOURLY, MINUTELY, SECONDLY)");
            }
        }
        int interval = parts.containsKey("INTERVAL") ? integer(text, "INTERVAL", parts.get("INTERVAL")) : 1;
        if (interval < 1) {
            throw malformed(text, "INTERVAL=" + parts.get("INTERVAL") + " must be 1 or more");
        }
        Integer count = parts.containsKey("COUNT") ? integer(text, "COUNT", parts.get("COUNT")) : null;
        if (count != null && count < 1) {
            throw malformed(text, "COUNT=" + parts.get("COUNT") + " never fires (it must be 1 or more)");
        }
        DayOfWeek wkst = DayOfWeek.MONDAY;
        if (parts.containsKey("WKST")) {
            wkst = DAYS.get(parts.get("WKST"));
            if (wkst == null) {
                throw malformed(text, "WKST=" + parts.get("WKST") + " is not a day (MO to SU)");
            }
        }
        List<Integer> byMonth = ints(text, parts, "BYMONTH", 1, 12, false);
        List<Integer> byMonthDay = ints(text, parts, "BYMONTHDAY", -31, 31, true);
        List<Integer> byHour = ints(text, parts, "BYHOUR", 0, 23, false);
        List<Integer> byMinute = ints(text, parts, "BYMINUTE", 0, 59, false);
        List<Integer> bySecond = ints(text, parts, "BYSECOND", 0, 59, false);
        List<Integer> bySetPos = ints(text, parts, "BYSETPOS", -366, 366, true);
        String days = parts.containsKey("BYDAY") ? parts.get("BYDAY") : parts.get("BYWEEKDAY");
        List<WeekdayNum> byDay = days == null ? null : weekdays(text, days, freq);
        LocalDateTime until = null;
        if (parts.containsKey("UNTIL")) {
            Stamp u = stamp(text, "UNTIL", parts.get("UNTIL"));
            boolean dtstartAware = tzid != null;
            if ((u.zone != null) != dtstartAware) {
                throw malformed(text, u.zone != null
                        ? "UNTIL=" + parts.get("UNTIL") + " is in UTC but " + (hasDtstart ? "DTSTART has no zone"
                        : "the rule has no DTSTART with a zone (Prefect gives it 2020-01-01 without one)")
                        + ", which dateutil refuses; write UNTIL without the Z"
                        : "UNTIL=" + parts.get("UNTIL") + " has no Z but DTSTART names a zone, which dateutil refuses; "
                        + "write it in UTC with a trailing Z");
            }
            until = u.time;
        }
        RecurrenceRule r = new RecurrenceRule(freq, interval, count, until, wkst, dtstart, tzid, byMonth, byMonthDay,
                byDay, byHour, byMinute, bySecond, bySetPos);
        if (secondly) {
            return new Reading(null, notEvaluated);
        }
        reachable(text, r);
        return new Reading(r, notEvaluated);
    }

    /**
     * dateutil keeps only the BYHOUR (HOURLY) or BYMINUTE (MINUTELY) values that counting by INTERVAL from DTSTART can
     * reach, and refuses a rule that keeps none.
     */
    private static void reachable(String text, RecurrenceRule r) {
        if (r.freq() == Frequency.MINUTELY && r.byHour() != null && !RecurrenceWalk.reachesAnHour(r)) {
            // dateutil accepts it, then raises "Invalid combination of interval and byhour" when Prefect asks for runs
            throw malformed(text, "no BYHOUR value is reached counting every " + r.interval() + " minutes from DTSTART's "
                    + r.start().toLocalTime());
        }
        List<Integer> by = r.freq() == Frequency.HOURLY ? r.byHour() : r.freq() == Frequency.MINUTELY ? r.byMinute() : null;
        if (by == null) {
            return;
        }
        int base = r.freq() == Frequency.HOURLY ? 24 : 60;
        int from = r.freq() == Frequency.HOURLY ? r.start().getHour() : r.start().getMinute();
        if (RecurrenceWalk.reachable(by, from, r.interval(), base).isEmpty()) {
            String part = r.freq() == Frequency.HOURLY ? "BYHOUR" : "BYMINUTE";
            throw malformed(text, "no " + part + " value is reached counting every " + r.interval() + " from DTSTART's "
                    + (base == 24 ? "hour " : "minute ") + from);
        }
    }

    private static List<WeekdayNum> weekdays(String text, String value, Frequency freq) {
        List<WeekdayNum> out = new ArrayList<>();
        for (String w : value.split(",", -1)) {
            Matcher m = WEEKDAY.matcher(w);
            if (!m.matches()) {
                throw malformed(text, "BYDAY=" + value + ": '" + w + "' is not a day (MO, 1MO, -1FR)");
            }
            String day = m.group(2) != null ? m.group(2) : m.group(3);
            String n = m.group(2) != null ? m.group(1) : m.group(4);
            DayOfWeek d = DAYS.get(day);
            if (d == null) {
                throw malformed(text, "BYDAY=" + value + ": '" + day + "' is not a day (MO to SU)");
            }
            int ordinal = n == null ? 0 : Integer.parseInt(n);
            if (n != null && ordinal == 0) {
                throw malformed(text, "BYDAY=" + value + ": the ordinal of '" + w + "' is 0");
            }
            int limit = freq == Frequency.YEARLY ? 53 : 5;
            if (Math.abs(ordinal) > limit && freq.compareTo(Frequency.MONTHLY) <= 0) {
                throw malformed(text, "BYDAY=" + value + ": '" + w + "' never fires (a " + (limit == 5 ? "month" : "year")
                        + " has at most " + limit + " of each day)");
            }
            out.add(new WeekdayNum(d, ordinal));
        }
        return out;
    }

    private static List<Integer> ints(String text, Map<String, String> parts, String name, int min, int max,
            boolean noZero) {
        String value = parts.get(name);
        if (value == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String v : value.split(",", -1)) {
            int n = integer(text, name, v);
            if (n < min || n > max || noZero && n == 0) {
                throw malformed(text, name + "=" + value + ": " + v + " is out of range (" + min + " to " + max
                        + (noZero ? ", not 0" : "") + ")");
            }
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private static int integer(String text, String name, String v) {
        if (!INT.matcher(v).matches()) {
            throw malformed(text, name + ": '" + v + "' is not a whole number");
        }
        return Integer.parseInt(v);
    }

    private static ScheduleSyntaxException malformed(String text, String what) {
        return new ScheduleSyntaxException("malformed RRULE '" + text.strip().replaceAll("\\s+", " ") + "': " + what, 0);
    }
}
