package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cron expression as a platform that takes only standard five-field cron reads it: a Kubernetes CronJob (the API
 * server and the controller parse {@code spec.schedule} with robfig/cron's standard parser) and a GitHub Actions
 * {@code on: schedule} entry (POSIX cron). Neither takes Quartz's {@code L}, {@code W} or {@code #}, which croniter
 * (and so a YAML file read as a Prefect deployment's) would accept: such a schedule never runs on its platform, and is
 * reported as refused instead of being translated as if it did.
 */
public final class PlatformCron {
    /** A platform and what it takes. */
    public enum Platform {
        KUBERNETES("Kubernetes", "the API server refuses the CronJob (robfig/cron's standard five-field syntax: * ? , - /, "
                + "month and weekday names, @hourly to @yearly and @every), so the job never runs as written"),
        GITHUB_ACTIONS("GitHub Actions", "GitHub reports the workflow file as invalid and never starts the schedule (POSIX "
                + "cron: * , - /, JAN-DEC and SUN-SAT, no @ macros)");

        private final String label;
        private final String consequence;

        Platform(String label, String consequence) {
            this.label = label;
            this.consequence = consequence;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the platform runs: {@code form} and {@code expression} (a five-field cron written so that Vixie cron's
     * reading is the platform's, or a Kubernetes {@code @every} interval), or, when it refuses the text, {@code
     * refusal}: why, what follows and what to do.
     */
    public record Reading(ScheduleSpec.Form form, String expression, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** robfig/cron's descriptors, matched as written (it does not lower-case them). */
    private static final Set<String> ROBFIG_MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private static final Pattern GO_DURATION_PART = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");
    private static final String[] LABELS = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    /** robfig/cron's day-of-week stops at 6 (Vixie cron also takes 7 for Sunday). */
    private static final int[] MAX = {59, 23, 31, 12, 6};

    private PlatformCron() {
    }

    public static Reading read(String text, Platform platform) {
        String t = text.strip();
        String quartz = quartzOnly(t);
        if (quartz != null) {
            return refused(t, platform, quartz);
        }
        return platform == Platform.KUBERNETES ? kubernetes(t) : github(t);
    }

    private static Reading refused(String text, Platform platform, String why) {
        return new Reading(ScheduleSpec.Form.UNKNOWN, text, platform.label + " does not take the schedule '" + text
                + "': " + why + "; " + platform.consequence);
    }

    /** Why a Quartz or croniter construct is there, and what to write instead; null when there is none. */
    private static String quartzOnly(String text) {
        List<Token> fields = Token.split(text);
        if (fields.size() != 5 || text.startsWith("@")) {
            return null;
        }
        String dom = fields.get(2).text().toUpperCase(Locale.ROOT);
        String dow = fields.get(4).text().toUpperCase(Locale.ROOT);
        if (dom.contains("W")) {
            return "W (the weekday nearest a day of the month) is Quartz syntax: list the days it can fall on and test "
                    + "the weekday in the command, or schedule the job in Prefect (an RRULE with BYSETPOS)";
        }
        if (dom.contains("L") || dow.contains("L")) {
            return "L (the last day, or the last such weekday, of the month) is Quartz and croniter syntax: write the days "
                    + "it can fall on (28-31) and test for the last one in the command, or schedule the job in Prefect, "
                    + "whose cron takes L";
        }
        if (dow.contains("#")) {
            return "D#N (the N-th such weekday of the month) is Quartz and croniter syntax: write the weekday and test the "
                    + "day of the month in the command (a day range beside a weekday runs on either, not both), or "
                    + "schedule the job in Prefect, whose cron takes D#N";
        }
        return null;
    }

    private static Reading github(String text) {
        if (text.startsWith("@")) {
            String expanded = CronExpression.MACROS.get(text.toLowerCase(Locale.ROOT));
            return refused(text, Platform.GITHUB_ACTIONS, "GitHub does not take @ macros"
                    + (expanded == null ? "" : ": write " + expanded));
        }
        if (Token.split(text).stream().anyMatch(f -> f.text().contains("?"))) {
            return refused(text, Platform.GITHUB_ACTIONS, "? is Quartz's 'no value'; POSIX cron has no such thing: write *");
        }
        try {
            CronExpression.parse(text);
        } catch (ScheduleSyntaxException e) {
            return refused(text, Platform.GITHUB_ACTIONS, e.getMessage());
        }
        return new Reading(ScheduleSpec.Form.CRON_UNIX, text, null);
    }

    /**
     * robfig/cron's standard parser: {@code ?} is {@code *}, {@code N/s} runs from N to the field's end, and a day field
     * counts as '*' (the two day fields then AND) only when an item of it is {@code *} or {@code ?} with no step above 1
     * ({@code *}{@code /2} ORs, where Vixie cron ANDs). The expression returned says the same in Vixie cron's terms.
     */
    private static Reading kubernetes(String text) {
        if (text.startsWith("@")) {
            if (ROBFIG_MACROS.contains(text)) {
                return new Reading(ScheduleSpec.Form.CRON_UNIX, text, null);
            }
            if (text.startsWith("@every ")) {
                Long seconds = goDurationSeconds(text.substring("@every ".length()).strip());
                return seconds == null
                        ? refused(text, Platform.KUBERNETES, "'" + text.substring(7).strip() + "' is not a Go duration such as 1h30m")
                        : new Reading(ScheduleSpec.Form.INTERVAL, "PT" + Math.max(1, seconds) + "S", null);
            }
            return refused(text, Platform.KUBERNETES, "unknown descriptor " + text
                    + ": use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every DURATION");
        }
        List<Token> fields = Token.split(text);
        if (fields.size() != 5) {
            return refused(text, Platform.KUBERNETES, "expected exactly 5 fields (minute hour day-of-month month "
                    + "day-of-week), found " + fields.size());
        }
        List<String> out = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            String field = fields.get(f).text();
            List<String> items = new ArrayList<>();
            boolean star = false;
            for (String item : field.split(",")) {
                if (item.isEmpty()) {
                    continue; // robfig splits with FieldsFunc, which drops empty items
                }
                String problem = robfigItem(f, item);
                if (problem != null) {
                    return refused(text, Platform.KUBERNETES, problem);
                }
                String[] rangeAndStep = item.split("/", -1);
                String range = rangeAndStep[0].equals("?") ? "*" : rangeAndStep[0];
                int step = rangeAndStep.length == 2 ? Integer.parseInt(rangeAndStep[1]) : 1;
                star |= range.equals("*") && step <= 1;
                if (range.equals("*") && step > 1 && (f == 2 || f == 4)) {
                    range = MIN[f] + "-" + MAX[f]; // no star: robfig ORs the day fields, as Vixie does without a leading *
                } else if (!range.equals("*") && !range.contains("-") && rangeAndStep.length == 2) {
                    range = range + "-" + MAX[f]; // N/s is N-max/s
                }
                items.add(rangeAndStep.length == 2 ? range + "/" + step : range);
            }
            if (items.isEmpty()) {
                return refused(text, Platform.KUBERNETES, "the " + LABELS[f] + " field is empty");
            }
            out.add(star ? "*" : String.join(",", items));
        }
        String vixie = String.join(" ", out);
        try {
            CronExpression.parse(vixie);
        } catch (ScheduleSyntaxException e) {
            return refused(text, Platform.KUBERNETES, e.getMessage());
        }
        return new Reading(ScheduleSpec.Form.CRON_UNIX, vixie, null);
    }

    /** Why robfig/cron refuses one comma-separated item of field {@code f}, or null. */
    private static String robfigItem(int f, String item) {
        String[] rangeAndStep = item.split("/", -1);
        if (rangeAndStep.length > 2) {
            return "too many slashes in '" + item + "' (" + LABELS[f] + " field)";
        }
        if (rangeAndStep.length == 2 && (!rangeAndStep[1].matches("[0-9]{1,4}") || Integer.parseInt(rangeAndStep[1]) == 0)) {
            return "the step in '" + item + "' (" + LABELS[f] + " field) must be a positive number";
        }
        String range = rangeAndStep[0];
        if (range.equals("*") || range.equals("?")) {
            return null;
        }
        String[] ends = range.split("-", -1);
        if (ends.length > 2) {
            return "too many hyphens in '" + item + "' (" + LABELS[f] + " field)";
        }
        int lo = value(f, ends[0]);
        int hi = ends.length == 2 ? value(f, ends[1]) : lo;
        if (lo < 0 || hi < 0) {
            return "'" + (lo < 0 ? ends[0] : ends[1]) + "' is not a " + LABELS[f] + " value"
                    + (f == 3 ? " (1-12 or JAN-DEC)" : f == 4 ? " (0-6 or SUN-SAT)" : "");
        }
        if (lo < MIN[f] || hi > MAX[f]) {
            return "'" + item + "' is out of range for the " + LABELS[f] + " field (" + MIN[f] + "-" + MAX[f]
                    + (f == 4 ? ", Sunday is 0: robfig/cron has no 7" : "") + ")";
        }
        if (lo > hi) {
            return "the range '" + range + "' (" + LABELS[f] + " field) runs backwards";
        }
        return null;
    }

    /** A number or a month or weekday name as robfig/cron reads it; -1 when it is neither. */
    private static int value(int f, String word) {
        if (word.matches("[0-9]{1,4}")) {
            return Integer.parseInt(word);
        }
        List<String> names = f == 3 ? List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                : f == 4 ? List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat") : List.of();
        int i = names.indexOf(word.toLowerCase(Locale.ROOT));
        return i < 0 ? -1 : i + (f == 3 ? 1 : 0);
    }

    /** Whole seconds of a Go duration ({@code 1h30m}, {@code 90s}, {@code 1.5h}) as robfig's @every truncates it, or null. */
    static Long goDurationSeconds(String text) {
        Matcher m = GO_DURATION_PART.matcher(text);
        int end = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find() && m.start() == end) {
            BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            return null;
        }
        return nanos.divide(BigDecimal.valueOf(1_000_000_000L), 0, RoundingMode.DOWN).longValueExact();
    }
}
