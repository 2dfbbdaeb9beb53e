package dev.migrate.analyzers.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the systemd.time(7) calendar-event grammar into a {@link CalendarSpec}. */
final class CalendarParser {
    private static final Map<String, String> SHORTHANDS = Map.of(
            "minutely", "*-*-* *:*:00", "hourly", "*-*-* *:00:00", "daily", "*-*-* 00:00:00",
            "monthly", "*-*-01 00:00:00", "weekly", "Mon *-*-* 00:00:00", "yearly", "*-01-01 00:00:00",
            "annually", "*-01-01 00:00:00", "quarterly", "*-01,04,07,10-01 00:00:00",
            "semiannually", "*-01,07-01 00:00:00");
    private static final String[] FULL_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private CalendarParser() {
    }

    static CalendarSpec parse(String original) {
        List<Token> tokens = Token.split(original);
        if (tokens.isEmpty()) {
            throw new ScheduleSyntaxException("empty calendar expression", 0);
        }
        ZoneId zone = null;
        Token last = tokens.get(tokens.size() - 1);
        ZoneId z = zoneOf(last.text());
        if (z != null && tokens.size() > 1) {
            zone = z;
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.size() == 1 && SHORTHANDS.containsKey(tokens.get(0).text().toLowerCase(Locale.ROOT))) {
            CalendarSpec s = parse(SHORTHANDS.get(tokens.get(0).text().toLowerCase(Locale.ROOT)));
            return new CalendarSpec(original, s.weekdays(), s.year(), s.month(), false, s.day(), s.hour(), s.minute(),
                    s.second(), zone);
        }
        int weekdays = 0x7f;
        int i = 0;
        if (i < tokens.size() && Character.isLetter(tokens.get(i).text().charAt(0))) {
            weekdays = weekdays(tokens.get(i));
            i++;
        }
        Token date = null;
        Token time = null;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().contains(":") && time == null) {
                time = t;
            } else if ((t.text().contains("-") || t.text().contains("~")) && date == null && time == null) {
                date = t;
            } else {
                throw new ScheduleSyntaxException("unexpected '" + t.text() + "': expected [weekdays] [date] [time] [time zone]",
                        t.column());
            }
        }
        CalendarComponent year = CalendarComponent.ANY;
        CalendarComponent month = CalendarComponent.ANY;
        CalendarComponent day = CalendarComponent.ANY;
        boolean endOfMonth = false;
        if (date != null) {
            String d = date.text();
            int tilde = d.indexOf('~');
            String[] parts;
            if (tilde >= 0) {
                endOfMonth = true;
                String left = d.substring(0, tilde);
                String[] ym = left.split("-", -1);
                parts = ym.length == 1 ? new String[] {"*", ym[0], d.substring(tilde + 1)}
                        : new String[] {ym[0], ym[1], d.substring(tilde + 1)};
                if (ym.length > 2) {
                    throw new ScheduleSyntaxException("bad date '" + d + "': expected [year-]month~day", date.column());
                }
            } else {
                String[] p = d.split("-", -1);
                if (p.length == 2) {
                    parts = new String[] {"*", p[0], p[1]};
                } else if (p.length == 3) {
                    parts = p;
                } else {
                    throw new ScheduleSyntaxException("bad date '" + d + "': expected [year-]month-day", date.column());
                }
            }
            int col = date.column();
            year = component(parts[0], 1970, 2199, false, col, "year");
            year = twoDigitYears(year, parts[0]);
            month = component(parts[1], 1, 12, false, col, "month");
            day = component(parts[2], 1, 31, false, col, "day");
            if (endOfMonth && day.chains().stream().anyMatch(c -> c.stop() >= 0)) {
                throw new ScheduleSyntaxException("a range cannot be combined with ~ in '" + d + "'", col);
            }
        }
        CalendarComponent hour = component("0", 0, 23, false, 0, "hour");
        CalendarComponent minute = component("0", 0, 59, false, 0, "minute");
        CalendarComponent second = component("0", 0, 59, true, 0, "second");
        if (time != null) {
            String[] p = time.text().split(":", -1);
            if (p.length < 2 || p.length > 3) {
                throw new ScheduleSyntaxException("bad time '" + time.text() + "': expected hour:minute[:second]", time.column());
            }
            hour = component(p[0], 0, 23, false, time.column(), "hour");
            minute = component(p[1], 0, 59, false, time.column(), "minute");
            second = p.length == 3 ? component(p[2], 0, 59, true, time.column(), "second") : second;
        }
        return new CalendarSpec(original, weekdays, year, month, endOfMonth, day, hour, minute, second, zone);
    }

    private static CalendarComponent twoDigitYears(CalendarComponent year, String text) {
        if (year.any() || !text.matches("[0-9]{1,2}([,.][0-9.,/]*)?")) {
            return year;
        }
        return new CalendarComponent(year.chains().stream().map(c -> new CalendarComponent.Chain(
                fullYear(c.start()), c.stop() < 0 ? -1 : fullYear(c.stop()), c.repeat())).toList());
    }

    private static int fullYear(int y) {
        return y < 70 ? 2000 + y : y < 100 ? 1900 + y : y;
    }

    private static CalendarComponent component(String text, int min, int max, boolean micros, int column, String what) {
        if (text.equals("*")) {
            return CalendarComponent.ANY;
        }
        List<CalendarComponent.Chain> chains = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            int slash = item.indexOf('/');
            String range = slash < 0 ? item : item.substring(0, slash);
            int repeat = 0;
            if (slash >= 0) {
                repeat = number(item.substring(slash + 1), micros, column, what);
                if (repeat <= 0) {
                    throw new ScheduleSyntaxException("the repetition in the " + what + " '" + item + "' must be positive", column);
                }
            }
            int dots = range.indexOf("..");
            int start = number(dots < 0 ? range : range.substring(0, dots), micros, column, what);
            int stop = dots < 0 ? -1 : number(range.substring(dots + 2), micros, column, what);
            int scale = micros ? 1_000_000 : 1;
            boolean yearLike = what.equals("year") && start < 100;
            if (!yearLike && (start < min * scale || start > (max + 1) * scale - 1 || stop > (max + 1) * scale - 1)) {
                throw new ScheduleSyntaxException(what + " '" + item + "' is out of range (" + min + "-" + max + ")", column);
            }
            if (stop >= 0 && stop < start) {
                throw new ScheduleSyntaxException("range '" + range + "' in the " + what + " runs backwards", column);
            }
            chains.add(new CalendarComponent.Chain(start, stop, stop >= 0 && repeat == 0 ? scale : repeat));
        }
        return new CalendarComponent(chains);
    }

    private static int number(String s, boolean micros, int column, String what) {
        if (micros ? !s.matches("[0-9]{1,2}(\\.[0-9]{1,6})?") : !s.matches("[0-9]{1,4}")) {
            throw new ScheduleSyntaxException("'" + s + "' is not a valid " + what, column);
        }
        if (!micros) {
            return Integer.parseInt(s);
        }
        int dot = s.indexOf('.');
        int whole = Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        int frac = dot < 0 ? 0 : Integer.parseInt((s.substring(dot + 1) + "000000").substring(0, 6));
        return whole * 1_000_000 + frac;
    }

    private static int weekdays(Token t) {
        int bits = 0;
        for (String item : t.text().split(",", -1)) {
            String[] ends = item.contains("..") ? item.split("\\.\\.", -1) : item.split("-", -1);
            if (ends.length > 2) {
                throw new ScheduleSyntaxException("bad weekday range '" + item + "'", t.column());
            }
            int a = weekday(ends[0], t.column());
            int b = ends.length == 2 ? weekday(ends[1], t.column()) : a;
            if (b < a) {
                throw new ScheduleSyntaxException("weekday range '" + item + "' runs backwards", t.column());
            }
            for (int d = a; d <= b; d++) {
                bits |= 1 << d;
            }
        }
        return bits;
    }

    private static int weekday(String name, int column) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int d = 0; d < 7; d++) {
            if (n.equals(FULL_DAYS[d]) || n.equals(FULL_DAYS[d].substring(0, 3))) {
                return d;
            }
        }
        throw new ScheduleSyntaxException("'" + name + "' is not a weekday (Mon..Sun)", column);
    }

    /** The zone named by a trailing word (any tzdata name: UTC, Europe/Berlin, Japan, Etc/GMT+5), or null. */
    private static ZoneId zoneOf(String word) {
        if (!Character.isLetter(word.charAt(0)) || word.contains(":") || word.contains(",") || word.contains("..")
                || SHORTHANDS.containsKey(word.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            return ZoneId.of(word);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
