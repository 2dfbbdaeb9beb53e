package dev.migrate.analyzers.schedule;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts Spring and Quartz cron text to Unix cron through cron-utils' mappers. Two of their special day forms mean
 * in croniter (Prefect's cron) what they mean in Quartz and Spring, and are kept: {@code L} as the whole day-of-month
 * (the last day of the month) and {@code D#N} as the whole day-of-week (the N-th weekday D), with the other day field
 * {@code ?} or {@code *}; Quartz's {@code DL} (the last weekday D of the month) is croniter's {@code L(D-1)}.
 * {@code W}, {@code LW}, {@code L-n} and Spring's day-of-week {@code L} have no croniter equal here (croniter's
 * {@code W} arrived in 6.x, after Prefect 3's oldest croniter, and cron-utils' Spring reading has no {@code L} to
 * prove Spring's against), so they stay untranslatable.
 */
public final class CronDialects {
    /** {@code D#N} in Quartz (D 1-7, Sunday first) or Spring (D 0-7, 0 and 7 Sunday) numbering, or a day name. */
    private static final Pattern NTH_WEEKDAY = Pattern.compile("(?i)([0-7]|sun|mon|tue|wed|thu|fri|sat)#([1-5])");
    private static final List<String> DAY_NAMES = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** Quartz's last weekday of the month, {@code 6L} (the last Friday; D 1-7, Sunday first). */
    private static final Pattern QUARTZ_LAST_WEEKDAY = Pattern.compile("([1-7])L");
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    /** Built once: each factory call builds both cron definitions anew; a mapper only reads its final tables. */
    private static final CronMapper SPRING_TO_QUARTZ = CronMapper.fromSpringToQuartz();
    private static final CronMapper QUARTZ_TO_UNIX = CronMapper.fromQuartzToUnix();
    /** Spring's macros (since Spring 5.3), which cron-utils does not read, as the Unix cron they stand for. */
    private static final Map<String, String> SPRING_MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    /** The largest value of each Unix cron field, for the open end of a Quartz step such as {@code 0/5}. */
    private static final int[] UNIX_FIELD_MAX = {59, 23, 31, 12, 6};

    /**
     * Translations by text, errors included: a tree repeats its few Spring and Quartz crons hundreds of times, and each
     * reading costs cron-utils parses (which compile their patterns on every call) and a mapper. Bounded, so that a
     * tree of generated crons cannot grow it without end; past the bound a text is read each time, with the same answer.
     */
    private static final int REMEMBERED_TEXTS = 4096;
    private static final Map<String, Reading> SPRING_READINGS = new ConcurrentHashMap<>();
    private static final Map<String, Reading> QUARTZ_READINGS = new ConcurrentHashMap<>();

    /** A text's Unix translation, or the syntax error reading it gave (its message and column). */
    private record Reading(String unix, String error, int column) {
    }

    private CronDialects() {
    }

    /** {@code read(text)} from the memo, or read and remembered; a remembered error is thrown afresh, the same. */
    private static String remembered(Map<String, Reading> memo, String text, java.util.function.UnaryOperator<String> read) {
        Reading r = memo.get(text);
        if (r == null) {
            try {
                r = new Reading(read.apply(text), null, 0);
            } catch (ScheduleSyntaxException e) {
                r = new Reading(null, e.getMessage(), e.column());
            }
            if (memo.size() < REMEMBERED_TEXTS) {
                memo.putIfAbsent(text, r);
            }
        }
        if (r.error() != null) {
            throw new ScheduleSyntaxException(r.error(), r.column());
        }
        return r.unix();
    }

    /**
     * The Unix equivalent of a Quartz expression; throws {@link ScheduleSyntaxException} when it is invalid or
     * uses something five-field cron cannot say (seconds other than 0, years, L, W, #).
     */
    public static String quartzToUnix(String quartz) {
        return remembered(QUARTZ_READINGS, quartz, CronDialects::readQuartz);
    }

    /** {@link #quartzToUnix} read afresh, without the memo. */
    static String readQuartz(String quartz) {
        Cron cron = parse(QUARTZ, quartz, "Quartz");
        String[] fields = cron.asString().split("\\s+");
        Optional<String> special = specialDays(fields[3], fields[5], true);
        if (special.isPresent()) {
            String plain = String.join(" ", fields[0], fields[1], fields[2], "*", fields[4], "?")
                    + (fields.length > 6 ? " " + fields[6] : "");
            return withSpecialDays(toUnix(parse(QUARTZ, plain, "Quartz"), quartz), special.get());
        }
        return toUnix(cron, quartz);
    }

    /**
     * The days a Quartz or Spring expression with {@code L} or {@code D#N} fires on, as cron-utils computes them from
     * the text itself (any time of the day counts); empty for any other expression. The legacy side of a schedule
     * proof takes its days from here, the Prefect side from croniter's reading of the translation.
     */
    public static Optional<Predicate<LocalDate>> specialSourceDays(String text, boolean quartz) {
        String[] raw = text.strip().split("\\s+");
        if (raw.length < 6 || specialDays(raw[3], raw[5], quartz).isEmpty()) {
            return Optional.empty();
        }
        // cron-utils' Spring definition has no L; Spring's L is Quartz's, and its day-of-week here is ? or *
        boolean asQuartz = quartz || raw[3].equalsIgnoreCase("L");
        String read = quartz ? text : asQuartz ? String.join(" ", raw[0], raw[1], raw[2], raw[3], raw[4], "?") : text;
        ExecutionTime times = ExecutionTime.forCron(parse(asQuartz ? QUARTZ : SPRING, read, quartz ? "Quartz" : "Spring"));
        Map<LocalDate, Boolean> seen = new ConcurrentHashMap<>();
        return Optional.of(day -> seen.computeIfAbsent(day, d -> times.nextExecution(d.atStartOfDay(ZoneOffset.UTC)
                .minusSeconds(1)).map(ZonedDateTime::toLocalDate).filter(d::equals).isPresent()));
    }

    /**
     * The croniter day-of-week of {@code dow} when it is {@code D#N} and the day-of-month is {@code ?} or {@code *}
     * ({@code 5#3}); {@code "L"} when the day-of-month is {@code L} and the day-of-week {@code ?} or {@code *};
     * otherwise empty (no special form, or one croniter does not read as the dialect does).
     */
    private static Optional<String> specialDays(String dom, String dow, boolean quartz) {
        boolean domAny = dom.equals("?") || dom.equals("*");
        boolean dowAny = dow.equals("?") || dow.equals("*");
        if (dom.equalsIgnoreCase("L") && dowAny) {
            return Optional.of("L");
        }
        Matcher lastWeekday = QUARTZ_LAST_WEEKDAY.matcher(dow);
        if (quartz && lastWeekday.matches() && domAny) {
            return Optional.of("L" + (Integer.parseInt(lastWeekday.group(1)) - 1));
        }
        Matcher m = NTH_WEEKDAY.matcher(dow);
        if (m.matches() && domAny) {
            String d = m.group(1).toLowerCase(Locale.ROOT);
            int day = d.matches("[0-7]") ? Integer.parseInt(d) : DAY_NAMES.indexOf(d) + (quartz ? 1 : 0);
            if (quartz && (day < 1 || day > 7)) {
                return Optional.empty();
            }
            int croniter = quartz ? day - 1 : day % 7;
            return Optional.of(croniter + "#" + m.group(2));
        }
        return Optional.empty();
    }

    /** The Unix translation of the expression without its special day, with croniter's form of it put back. */
    private static String withSpecialDays(String unix, String special) {
        String[] f = unix.split(" ");
        if (special.equals("L")) {
            f[2] = "L";
        } else {
            f[4] = special;
        }
        return String.join(" ", f);
    }

    /** A seconds field that is every n-th second from 0: {@code *}{@code /n}, {@code 0/n}, {@code 0-59/n}, or {@code *}. */
    private static final Pattern EVERY_NTH_SECOND = Pattern.compile("\\*|(?:\\*|0|0-59)/([0-9]{1,2})");

    /**
     * The step of a Spring or Quartz cron that fires every n seconds of every minute, hour and day, n dividing 60
     * ({@code *}{@code /6 * * * * *}, Quartz's {@code 0/15 * * * * ?}); empty for any other expression. Five-field cron
     * has no seconds, but those instants are an interval's.
     */
    public static Optional<java.time.Duration> everySeconds(String text, boolean quartz) {
        String[] f = text.strip().split("\\s+");
        if (f.length != 6 && !(quartz && f.length == 7 && f[6].equals("*"))) {
            return Optional.empty();
        }
        Matcher seconds = EVERY_NTH_SECOND.matcher(f[0]);
        boolean everyDay = f[1].equals("*") && f[2].equals("*") && (f[3].equals("*") || f[3].equals("?"))
                && f[4].equals("*") && (f[5].equals("*") || f[5].equals("?"));
        if (!seconds.matches() || !everyDay) {
            return Optional.empty();
        }
        int n = seconds.group(1) == null ? 1 : Integer.parseInt(seconds.group(1));
        return n >= 1 && n < 60 && 60 % n == 0 ? Optional.of(java.time.Duration.ofSeconds(n)) : Optional.empty();
    }

    /**
     * The first {@code n} fire times at or after {@code start} of a Spring or Quartz cron in {@code zone}, as cron-utils'
     * reading of the text gives them: the legacy side of the proof for a cron that fires on seconds.
     */
    static List<ZonedDateTime> secondsFireTimes(String text, boolean quartz, java.time.ZoneId zone, java.time.Instant start, int n) {
        ExecutionTime times = ExecutionTime.forCron(parse(quartz ? QUARTZ : SPRING, text, quartz ? "Quartz" : "Spring"));
        List<ZonedDateTime> out = new java.util.ArrayList<>();
        // from a whole second: cron-utils keeps the fraction of the time it is given (08:40:00.999999999 after
        // 08:39:59.999999999 for a cron of every second)
        java.time.Instant whole = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ZonedDateTime t = (whole.equals(start) ? whole.minusSeconds(1) : whole).atZone(zone);
        while (out.size() < n) {
            Optional<ZonedDateTime> next = times.nextExecution(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            out.add(t);
        }
        return out;
    }

    /**
     * The Unix equivalent of a Spring expression; throws {@link ScheduleSyntaxException} when it is invalid or uses
     * something five-field cron cannot say.
     */
    public static String springToUnix(String spring) {
        return remembered(SPRING_READINGS, spring, CronDialects::readSpring);
    }

    /** {@link #springToUnix} read afresh, without the memo (a special-day form asks the memo for its plain part). */
    static String readSpring(String spring) {
        String macro = SPRING_MACROS.get(spring.strip().toLowerCase(Locale.ROOT));
        if (macro != null) {
            return macro;
        }
        String[] fields = spring.strip().split("\\s+");
        if (fields.length == 6) {
            Optional<String> special = specialDays(fields[3], fields[5], false);
            if (special.isPresent()) {
                return withSpecialDays(springToUnix(String.join(" ", fields[0], fields[1], fields[2], "*", fields[4], "*")),
                        special.get());
            }
            // cron-utils reads some of these and then fails to map them (an IllegalArgumentException it does not
            // document), others it rejects as invalid characters: one message for all, as for Quartz
            rejectSpecialDays(fields[3] + " " + fields[5], spring);
        }
        Cron cron = parse(SPRING, spring, "Spring");
        Cron quartz;
        try {
            quartz = SPRING_TO_QUARTZ.map(cron);
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("cannot express Spring cron '" + spring + "' as Unix cron: " + e.getMessage(), 0);
        }
        return toUnix(quartz, spring);
    }

    private static Cron parse(CronParser parser, String text, String dialect) {
        try {
            return parser.parse(text.strip()).validate();
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("invalid " + dialect + " cron '" + text + "': " + e.getMessage(), 0);
        }
    }

    private static String toUnix(Cron quartz, String original) {
        String[] fields = quartz.asString().split("\\s+");
        if (!fields[0].equals("0")) {
            throw new ScheduleSyntaxException("'" + original + "' fires on seconds (" + fields[0]
                    + "); five-field cron has no seconds field", 0);
        }
        if (fields.length > 6 && !fields[6].equals("*")) {
            throw new ScheduleSyntaxException("'" + original + "' restricts years (" + fields[6]
                    + "); Unix cron cannot", 0);
        }
        rejectSpecialDays(fields[3] + " " + fields[5], original);
        String unix;
        try {
            unix = QUARTZ_TO_UNIX.map(quartz).asString();
        } catch (IllegalArgumentException e) {
            throw new ScheduleSyntaxException("cannot express '" + original + "' as Unix cron: " + e.getMessage(), 0);
        }
        return openEndedSteps(unix.replace('?', '*'));
    }

    private static void rejectSpecialDays(String days, String original) {
        if (days.toUpperCase(Locale.ROOT).matches(".*[LW#].*")) {
            throw new ScheduleSyntaxException("'" + original + "' uses W, LW, L-n, a day-of-week L, or L or # beside the "
                    + "other day field in its day fields; Prefect's cron (croniter) cannot say the same", 0);
        }
    }

    /**
     * Quartz and Spring read {@code 0/5} as "from 0, every 5, to the end of the field"; Vixie cron wants a range
     * before a step, so it becomes {@code 0-59/5} (cron-utils' mapper copies the text unchanged).
     */
    private static String openEndedSteps(String unix) {
        String[] fields = unix.split(" ");
        for (int i = 0; i < fields.length && i < UNIX_FIELD_MAX.length; i++) {
            StringBuilder field = new StringBuilder();
            for (String part : fields[i].split(",", -1)) {
                if (field.length() > 0) {
                    field.append(',');
                }
                field.append(part.matches("\\d+/\\d+") ? part.replace("/", "-" + UNIX_FIELD_MAX[i] + "/") : part);
            }
            fields[i] = field.toString();
        }
        return String.join(" ", fields);
    }
}
