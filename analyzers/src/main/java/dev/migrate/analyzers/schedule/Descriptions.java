package dev.migrate.analyzers.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Human sentences for schedules; cron text is described by cron-utils, reworded by {@code cron-phrases.yaml}. */
final class Descriptions {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** One describer for all: it holds only its (read-only) resource bundle, which each instance() looks up again. */
    private static final CronDescriptor DESCRIBER = CronDescriptor.instance(Locale.UK);
    private static final List<Map.Entry<Pattern, String>> PHRASES = phrases();

    private Descriptions() {
    }

    /**
     * Described texts by day rule and cron text: an estate repeats its schedules (a scan of 3,000 jobs describes
     * about 1,400 distinct ones), and a description costs a cron-utils parse and a dozen pattern replacements.
     */
    private static final Map<String, String> DESCRIBED = new ConcurrentHashMap<>();

    static String cron(CronExpression e, DayRule rule) {
        return DESCRIBED.computeIfAbsent(rule.name() + ' ' + e.text(), k -> describe(e, rule));
    }

    private static String describe(CronExpression e, DayRule rule) {
        if (e.hasSpecialDays()) {
            // cron-utils' Unix reading has no L or #: the times of the day, then the day in words
            return describe(e.withDayFields("*", "*"), rule) + ", " + e.specialDays();
        }
        String text;
        try {
            text = reworded(DESCRIBER.describe(UNIX.parse(describable(withoutWholeRanges(e, rule)).text())));
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

    /**
     * The expression with fields that restrict nothing written as {@code *}, and whole-range steps as {@code *}{@code /n}:
     * cron-utils names the range it is given ({@code 0-59/10} came out as "every 10 minutes between 0 and 59", {@code
     * 0-23} as "every hour between 0 and 23", {@code 0-7} as "every day between Sunday and Sunday"). A day field that
     * covers every day makes the schedule run every day when the dialect ORs the two day fields ({@code 1-31} beside
     * {@code 1-5} in a crontab), and drops out when it ANDs them. A stepped day range over the whole field ({@code
     * 1-31/2}) reads as {@code *}{@code /2}: the day rule is decided on the source's own text, not on this one.
     */
    private static CronExpression withoutWholeRanges(CronExpression e, DayRule rule) {
        String dom = e.field(CronField.DAY_OF_MONTH);
        String dow = e.field(CronField.DAY_OF_WEEK);
        boolean domAll = e.full(CronField.DAY_OF_MONTH);
        boolean dowAll = e.full(CronField.DAY_OF_WEEK);
        if ((domAll || dowAll) && rule.combinesWithOr(e)) {
            dom = "*";
            dow = "*";
        } else {
            // the day rule is decided on the source's text (the suffix below), so a stepped whole range may read as */n
            dom = domAll ? "*" : shortest(e, CronField.DAY_OF_MONTH);
            dow = dowAll ? "*" : shortest(e, CronField.DAY_OF_WEEK);
        }
        String text = String.join(" ", shortest(e, CronField.MINUTE), shortest(e, CronField.HOUR), dom,
                shortest(e, CronField.MONTH), dow);
        return text.equals(e.text()) ? e : CronExpression.parse(text);
    }

    /**
     * {@code *} for a field matching every value, {@code *}{@code /n} for a stepped range that is every n-th value from the
     * first ({@code 0-59/10}), else the field as written (a list keeps its values: "in January, April, July and October").
     */
    private static String shortest(CronExpression e, CronField f) {
        if (e.full(f)) {
            return "*";
        }
        if (!e.field(f).contains("/")) {
            return e.field(f);
        }
        for (int step = 2; step <= f.max() - f.min(); step++) {
            boolean same = true;
            for (int v = f.min(); v <= f.max() && same; v++) {
                same = e.matches(f, v) == ((v - f.min()) % step == 0);
            }
            if (same) {
                return "*/" + step;
            }
        }
        return e.field(f);
    }

    /**
     * cron-utils reads the step of a stepped weekday range as a weekday ({@code mon-fri/2} came out as "every Tuesday
     * days between Monday and Friday"): such a field is described as the list of days it stands for.
     */
    private static CronExpression describable(CronExpression e) {
        CronExpression out = e;
        String hour = e.field(CronField.HOUR);
        if (hour.startsWith("*/") && !e.field(CronField.MINUTE).matches("[0-9]+")) {
            // cron-utils says "every minute every 12 hours" for * */12: runs every minute of hours 0 and 12, said so
            out = CronExpression.parse(e.field(CronField.MINUTE) + " " + values(e, CronField.HOUR, 0, 23) + " "
                    + e.field(CronField.DAY_OF_MONTH) + " " + e.field(CronField.MONTH) + " " + e.field(CronField.DAY_OF_WEEK));
        } else if (hour.contains("/") && hour.contains("-")) {
            // and it drops the range of a stepped hour range: `9-17/4` came out as "every 4 hours"; one that is
            // `*/n` in all but name (`0-23/2`) is described as that
            String step = hour.substring(hour.indexOf('/') + 1);
            boolean whole = step.matches("[0-9]+") && values(CronExpression.parse("0 */" + step + " * * *"), CronField.HOUR, 0, 23)
                    .equals(values(e, CronField.HOUR, 0, 23));
            out = CronExpression.parse(e.field(CronField.MINUTE) + " " + (whole ? "*/" + step : values(e, CronField.HOUR, 0, 23))
                    + " " + e.field(CronField.DAY_OF_MONTH) + " " + e.field(CronField.MONTH) + " " + e.field(CronField.DAY_OF_WEEK));
        }
        if (!e.field(CronField.DAY_OF_WEEK).contains("/")) {
            return out;
        }
        return out.withDayFields(e.field(CronField.DAY_OF_MONTH), values(e, CronField.DAY_OF_WEEK, 0, 6));
    }

    /** The values a field matches from {@code from} to {@code to}, as a cron list. */
    private static String values(CronExpression e, CronField f, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int v = from; v <= to; v++) {
            if (e.matches(f, v)) {
                out.add(String.valueOf(v));
            }
        }
        return String.join(",", out);
    }

    static String reworded(String description) {
        String out = description;
        for (Map.Entry<Pattern, String> p : PHRASES) {
            out = p.getKey().matcher(out).replaceAll(p.getValue());
        }
        return out;
    }

    private static List<Map.Entry<Pattern, String>> phrases() {
        String resource = "cron-phrases.yaml";
        try (InputStream in = Descriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<Map<String, String>> rows = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Map.Entry<Pattern, String>> out = new ArrayList<>();
            for (Map<String, String> row : rows) {
                out.add(Map.entry(Pattern.compile(row.get("pattern")), row.get("replacement")));
            }
            return List.copyOf(out);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
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
