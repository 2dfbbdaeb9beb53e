package dev.migrate.analyzers.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The value sets of a Spring cron (six fields, seconds first: second, minute, hour, day-of-month, month, day-of-week),
 * read as Spring's {@code CronExpression} reads them: lists, ranges, {@code *}, steps after a range, a value or
 * {@code *} ({@code 0/15} is 0 to the end of the field, every 15), month names, and {@code ?} as {@code *} in the two
 * day fields. Only what {@link ZoneFreeSchedules} asks is kept: the seconds, minutes, hours and months, and whether each
 * day field is left open ({@code *} or {@code ?}). Quartz's and Spring's special days ({@code L}, {@code W},
 * {@code #}), weekday names and macros ({@code @hourly}) do not parse here: a schedule that has them restricts its
 * days, or is one of the macros, none of which fires every minute of every hour.
 */
final class SpringCronFields {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    final BitSet seconds;
    final BitSet minutes;
    final BitSet hours;
    final BitSet months;
    /** Both day fields {@code *} or {@code ?}: every day of every week. */
    final boolean everyDay;

    private SpringCronFields(BitSet seconds, BitSet minutes, BitSet hours, BitSet months, boolean everyDay) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.everyDay = everyDay;
    }

    /** The fields of a six-field Spring cron; empty for any other text, or one with a value out of its field's range. */
    static Optional<SpringCronFields> parse(String expression) {
        String[] f = expression.strip().split("\\s+");
        if (f.length != 6) {
            return Optional.empty();
        }
        BitSet seconds = values(f[0], 0, 59, List.of());
        BitSet minutes = values(f[1], 0, 59, List.of());
        BitSet hours = values(f[2], 0, 23, List.of());
        BitSet months = values(f[4], 1, 12, MONTHS);
        if (seconds == null || minutes == null || hours == null || months == null) {
            return Optional.empty();
        }
        return Optional.of(new SpringCronFields(seconds, minutes, hours, months, open(f[3]) && open(f[5])));
    }

    /** Whether it fires in every hour of every day of every month (at its seconds of its minutes). */
    boolean everyHourOfEveryDay() {
        return everyDay && hours.cardinality() == 24 && months.cardinality() == 12;
    }

    private static boolean open(String dayField) {
        return dayField.equals("*") || dayField.equals("?");
    }

    /** The values a field names, or null when it does not read as a plain field of {@code min}..{@code max}. */
    private static BitSet values(String field, int min, int max, List<String> names) {
        BitSet out = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            int slash = part.indexOf('/');
            String range = slash < 0 ? part : part.substring(0, slash);
            int step = slash < 0 ? 1 : number(part.substring(slash + 1));
            int dash = range.indexOf('-');
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (dash > 0) {
                lo = value(range.substring(0, dash), names, min);
                hi = value(range.substring(dash + 1), names, min);
            } else {
                lo = value(range, names, min);
                // Spring (as Quartz) reads a value with a step as "from it to the end of the field"
                hi = slash < 0 ? lo : max;
            }
            if (step < 1 || lo < min || hi > max || lo > hi) {
                return null;
            }
            for (int v = lo; v <= hi; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    /** A number, or a name counted from {@code first}; {@code Integer.MIN_VALUE} for anything else. */
    private static int value(String text, List<String> names, int first) {
        int n = number(text);
        if (n >= 0) {
            return n;
        }
        int i = names.indexOf(text.toLowerCase(Locale.ROOT));
        return i < 0 ? Integer.MIN_VALUE : i + first;
    }

    /** A non-negative decimal number of at most four digits, else -1. */
    private static int number(String text) {
        return text.matches("[0-9]{1,4}") ? Integer.parseInt(text) : -1;
    }
}
