package dev.migrate.analyzers.schedule;

import java.util.List;

/** The five fields of a Unix cron expression with their ranges and the names cron accepts. */
public enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    /** 0 and 7 both mean Sunday. */
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    public String label() {
        return label;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The value of a month or weekday name, or -1. */
    int nameValue(String word) {
        int i = names.indexOf(word.toLowerCase(java.util.Locale.ROOT));
        return i < 0 ? -1 : i + (this == MONTH ? 1 : 0);
    }

    /** Number of distinct values once 7 is folded onto 0 for weekdays. */
    int distinctValues() {
        return this == DAY_OF_WEEK ? 7 : max - min + 1;
    }
}
