package dev.migrate.analyzers.schedule;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A five-field Unix cron expression as Vixie cron reads it: lists, ranges, {@code *}, steps after a range or
 * {@code *}, month and weekday names. Keeps the facts both cron dialects we emulate need: the value sets,
 * and whether each day field "starts with a star" (Vixie's AND rule) or "covers every value" (croniter's).
 *
 * <p>{@link #parseCroniter} also reads the two day forms of croniter (Prefect's cron) whose meaning Quartz and Spring
 * share: {@code L} as the whole day-of-month (the last day of the month) and {@code D#N} as the whole day-of-week (the
 * N-th weekday D of the month), each with the other day field {@code *}. Vixie cron has neither.
 */
public final class CronExpression {
    /** The macros Vixie cron expands; {@code @reboot} is not a time and is handled by the caller. */
    public static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    /** croniter's N-th weekday of the month, {@code 5#3}: a weekday (0-7, or a name) and N from 1 to 5. */
    private static final Pattern NTH_WEEKDAY = Pattern.compile("(?i)([0-7]|sun|mon|tue|wed|thu|fri|sat)#([1-5])");
    /** croniter's last weekday of the month, {@code L5} (the last Friday): L and a weekday number. */
    private static final Pattern LAST_WEEKDAY = Pattern.compile("(?i)L([0-7])");

    private final String text;
    private final String[] fields;
    private final BitSet[] values;
    /** Day-of-month {@code L}. */
    private final boolean lastDayOfMonth;
    /** Day-of-week {@code D#N}: D (0 is Sunday) and N, or -1 and 0; {@code LD} (the last D of the month): D and -1. */
    private final int nthWeekday;
    private final int nth;
    /** The days the source dialect itself picks, when it decides them ({@link #withSourceDays}); else null. */
    private final Predicate<LocalDate> sourceDays;

    private CronExpression(String text, String[] fields, BitSet[] values) {
        this(text, fields, values, false, -1, 0, null);
    }

    private CronExpression(String text, String[] fields, BitSet[] values, boolean lastDayOfMonth, int nthWeekday, int nth,
                           Predicate<LocalDate> sourceDays) {
        this.text = text;
        this.fields = fields;
        this.values = values;
        this.lastDayOfMonth = lastDayOfMonth;
        this.nthWeekday = nthWeekday;
        this.nth = nth;
        this.sourceDays = sourceDays;
    }

    /**
     * As {@link #parse}, also reading croniter's {@code L} (whole day-of-month), and {@code D#N} or {@code LD} (the
     * last weekday D of the month) as the whole day-of-week, when the other day field is {@code *}. croniter reads more
     * ({@code 1,L}, {@code 15W}, lists of these, a {@code #} beside a day of the month, where it keeps only the {@code #}
     * days even with day_or), none of which a translation here writes; those stay syntax errors here.
     */
    public static CronExpression parseCroniter(String text) {
        List<Token> spans = Token.split(text);
        if (spans.size() != 5) {
            return parse(text);
        }
        String dom = spans.get(2).text();
        String dow = spans.get(4).text();
        Matcher nthDay = NTH_WEEKDAY.matcher(dow);
        Matcher lastDay = LAST_WEEKDAY.matcher(dow);
        boolean last = dom.equalsIgnoreCase("L") && dow.equals("*");
        boolean hash = nthDay.matches() && dom.equals("*");
        boolean lastWeekday = lastDay.matches() && dom.equals("*");
        if (!last && !hash && !lastWeekday) {
            return parse(text);
        }
        CronExpression plain = parse(spans.get(0).text() + " " + spans.get(1).text() + " * " + spans.get(3).text() + " *");
        String[] fields = plain.fields.clone();
        BitSet[] values = plain.values.clone();
        int weekday = -1;
        if (last) {
            fields[2] = "L";
            values[2] = new BitSet(); // no plain day: not '*' and not full, as croniter reads 'l'
        } else if (lastWeekday) {
            weekday = Integer.parseInt(lastDay.group(1)) % 7;
            fields[4] = "L" + weekday;
            values[4] = new BitSet();
            return new CronExpression(String.join(" ", fields), fields, values, false, weekday, -1, null);
        } else {
            String d = nthDay.group(1);
            weekday = d.matches("[0-7]") ? Integer.parseInt(d) % 7 : CronField.DAY_OF_WEEK.nameValue(d);
            fields[4] = weekday + "#" + nthDay.group(2);
            values[4] = new BitSet();
        }
        return new CronExpression(String.join(" ", fields), fields, values, last, weekday,
                hash ? Integer.parseInt(nthDay.group(2)) : 0, null);
    }

    /**
     * This expression with the days its source dialect picks decided by {@code days} (cron-utils reading the Quartz
     * or Spring text), so the legacy side of a schedule proof does not take its days from the croniter reading that
     * the Prefect side uses.
     */
    CronExpression withSourceDays(Predicate<LocalDate> days) {
        return new CronExpression(text, fields, values, lastDayOfMonth, nthWeekday, nth, days);
    }

    /** Whether a day field holds {@code L} or {@code D#N}, which only croniter (and Quartz, Spring) read. */
    public boolean hasSpecialDays() {
        return lastDayOfMonth || nth != 0;
    }

    /** The days as the source dialect decides them, when it does ({@link #withSourceDays}); else null. */
    Predicate<LocalDate> sourceDays() {
        return sourceDays;
    }

    /** Whether the day-of-month field matches {@code d} ({@code L}: the last day of its month). */
    boolean matchesDayOfMonth(LocalDate d) {
        return lastDayOfMonth ? d.getDayOfMonth() == d.lengthOfMonth() : values[2].get(d.getDayOfMonth());
    }

    /** Whether the day-of-week field matches {@code d} ({@code D#N}: the N-th such weekday of its month). */
    boolean matchesDayOfWeek(LocalDate d) {
        int weekday = d.getDayOfWeek().getValue() % 7;
        if (nth < 0) {
            return weekday == nthWeekday && d.getDayOfMonth() + 7 > d.lengthOfMonth();
        }
        return nth > 0 ? weekday == nthWeekday && (d.getDayOfMonth() - 1) / 7 + 1 == nth : values[4].get(weekday);
    }

    /** The sentence for a special day field, or null: "on the last day of the month", "on the third Friday of the month". */
    String specialDays() {
        if (lastDayOfMonth) {
            return "on the last day of the month";
        }
        if (nth != 0) {
            return "on the " + (nth < 0 ? "last" : List.of("first", "second", "third", "fourth", "fifth").get(nth - 1)) + " "
                    + List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday").get(nthWeekday)
                    + " of the month";
        }
        return null;
    }

    /** Parses five fields or a time macro; errors carry the 0-based column inside {@code text}. */
    public static CronExpression parse(String text) {
        String trimmed = text.strip();
        String expanded = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
        if (expanded != null) {
            return parse(expanded);
        }
        if (trimmed.startsWith("@")) {
            throw new ScheduleSyntaxException("unknown cron macro " + trimmed
                    + "; use @yearly, @monthly, @weekly, @daily, @hourly or @reboot", text.indexOf('@'));
        }
        List<Token> spans = Token.split(text);
        if (spans.size() != 5) {
            throw new ScheduleSyntaxException("expected 5 cron fields (minute hour day-of-month month day-of-week), found "
                    + spans.size(), 0);
        }
        String[] fields = new String[5];
        BitSet[] values = new BitSet[5];
        for (int f = 0; f < 5; f++) {
            fields[f] = spans.get(f).text();
            values[f] = parseField(CronField.values()[f], fields[f], spans.get(f).column());
        }
        // Vixie folds Sunday=7 onto 0.
        if (values[4].get(7)) {
            values[4].clear(7);
            values[4].set(0);
        }
        return new CronExpression(String.join(" ", fields), fields, values);
    }

    private static BitSet parseField(CronField field, String s, int column) {
        BitSet set = new BitSet();
        int offset = 0;
        for (String item : s.split(",", -1)) {
            if (item.isEmpty()) {
                throw new ScheduleSyntaxException("empty list item in the " + field.label() + " field", column + offset);
            }
            parseItem(field, item, column + offset, set);
            offset += item.length() + 1;
        }
        return set;
    }

    private static void parseItem(CronField field, String item, int column, BitSet set) {
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            String stepText = item.substring(slash + 1);
            if (!stepText.matches("[0-9]{1,4}") || Integer.parseInt(stepText) == 0) {
                throw new ScheduleSyntaxException("bad step '" + stepText + "' in the " + field.label()
                        + " field: it must be a positive number", column + slash + 1);
            }
            step = Integer.parseInt(stepText);
            if (!range.equals("*") && !range.contains("-")) {
                throw new ScheduleSyntaxException("a step (/" + stepText + ") needs a range or * before it in the "
                        + field.label() + " field: write " + range + "-" + field.max() + "/" + stepText, column);
            }
        }
        int lo;
        int hi;
        if (range.equals("*")) {
            lo = field.min();
            hi = field == CronField.DAY_OF_WEEK ? 6 : field.max();
        } else {
            int dash = range.indexOf('-');
            lo = value(field, dash < 0 ? range : range.substring(0, dash), column);
            hi = dash < 0 ? lo : value(field, range.substring(dash + 1), column + dash + 1);
            if (hi < lo) {
                throw new ScheduleSyntaxException("range " + range + " in the " + field.label()
                        + " field runs backwards", column);
            }
        }
        for (int v = lo; v <= hi; v += step) {
            set.set(v);
        }
    }

    private static int value(CronField field, String word, int column) {
        int v;
        if (word.matches("[0-9]+")) {
            v = word.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(word);
        } else {
            v = field.nameValue(word);
            if (v < 0) {
                throw new ScheduleSyntaxException("'" + word + "' is not a valid " + field.label() + " value", column);
            }
        }
        if (v < field.min() || v > field.max()) {
            throw new ScheduleSyntaxException(word + " is out of range for the " + field.label() + " field ("
                    + field.min() + "-" + field.max() + ")", column);
        }
        return v;
    }

    /** The expression with single spaces between fields (macros expanded). */
    public String text() {
        return text;
    }

    public String field(CronField f) {
        return fields[f.ordinal()];
    }

    public boolean matches(CronField f, int value) {
        return values[f.ordinal()].get(value);
    }

    /** Vixie's DOM_STAR/DOW_STAR and MIN_STAR/HR_STAR flags: the field text starts with '*'. */
    public boolean starred(CronField f) {
        return fields[f.ordinal()].startsWith("*");
    }

    /** croniter's test: the field's values cover its whole range (it then treats the field as '*'). */
    public boolean full(CronField f) {
        return values[f.ordinal()].cardinality() == f.distinctValues();
    }

    /** Vixie treats a job whose minute or hour starts with '*' as a "wildcard" job for DST purposes. */
    public boolean wildcardTime() {
        return starred(CronField.MINUTE) || starred(CronField.HOUR);
    }

    /** A copy with the two day fields replaced; used when translating day semantics. */
    public CronExpression withDayFields(String dom, String dow) {
        return parseCroniter(fields[0] + " " + fields[1] + " " + dom + " " + fields[3] + " " + dow);
    }

    @Override
    public String toString() {
        return text;
    }
}
