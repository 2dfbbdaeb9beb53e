package dev.migrate.analyzers.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Human sentences for schedules; cron text is described by cron-utils. */
final class Descriptions {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private Descriptions() {
    }

    static String cron(CronExpression e, DayRule rule) {
        String text;
        try {
            text = CronDescriptor.instance(Locale.UK).describe(UNIX.parse(e.text()));
        } catch (IllegalArgumentException ex) {
            text = "cron " + e.text();
        }
        boolean domRestricted = !e.full(CronField.DAY_OF_MONTH);
        boolean dowRestricted = !e.full(CronField.DAY_OF_WEEK);
        if (domRestricted && dowRestricted) {
            text += rule.combinesWithOr(e) ? " (day-of-month OR day-of-week)" : " (day-of-month AND day-of-week)";
        }
        return text;
    }

    static String duration(Duration d) {
        if (d.isZero()) {
            return "0 seconds";
        }
        List<String> parts = new ArrayList<>();
        long s = d.getSeconds();
        add(parts, s / 86_400, "day");
        add(parts, s % 86_400 / 3600, "hour");
        add(parts, s % 3600 / 60, "minute");
        add(parts, s % 60, "second");
        if (d.getNano() > 0) {
            add(parts, d.getNano() / 1_000_000, "millisecond");
        }
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, long n, String unit) {
        if (n > 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }
}
