package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.PrefectSchedule;
import dev.migrate.rewriters.python.tree.Node;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code schedule} chain means, read as schedule 1.2 reads it ({@code schedule/__init__.py}):
 * <ul>
 * <li>{@code Job.at} takes "HH:MM(:SS)" for days and weekdays, "MM:SS" or ":MM" for hours, ":SS" for minutes, and
 * nothing for seconds or plain weeks; anything else raises, so the job never ran and nothing is guessed;</li>
 * <li>{@code _schedule_next_run} moves the next run to that time and, when {@code every(n)} has n &gt; 1, adds n units
 * to the previous run: such a job keeps its time of day (or minute, or second) but the days (hours, minutes) it
 * runs on were set by the moment the process started;</li>
 * <li>{@code to(m)} draws every interval anew, {@code random.randint(n, m)} units, and {@code until()} cancels the
 * job once its next run would be after the deadline.</li>
 * </ul>
 *
 * @param decisions what the translation chose where Prefect cannot say the same, each with its finding code
 * @param until     the job's deadline, or null
 */
record ScheduleLibReading(ScheduleSpec spec, List<Decision> decisions, Until until) {
    /** A choice made for the user: the finding code and the sentence the report and the recipe's note show. */
    record Decision(String code, String text) {
    }

    /**
     * {@code until()}'s argument as written, when that deadline falls ("after 18:00 on the day ..."), and the last
     * local time of the scheduler host at which the job may run when the deadline is absolute, else null.
     */
    record Until(String written, String meaning, LocalDateTime deadline) {
    }

    static final String SECONDS_DROPPED = "PYS007";
    static final String PHASE_FROM_START = "PYS008";
    static final String RANDOM_INTERVAL = "PYS005";
    static final String UNTIL = "PYS009";
    static final String DST_GAP = "PYS011";

    private static final Map<String, String> UNITS = Map.of("second", "seconds", "minute", "minutes", "hour", "hours",
            "day", "days", "week", "weeks");
    private static final Map<String, Long> UNIT_SECONDS = Map.of("seconds", 1L, "minutes", 60L, "hours", 3600L,
            "days", 86400L, "weeks", 604800L);
    /** Cron's day-of-week numbers. */
    private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday");
    /** Job.at's formats per unit (schedule 1.2): groups hour, minute, second; a weekday reads as days do. */
    private static final Map<String, Pattern> AT_FORMATS = Map.of(
            "days", Pattern.compile("(?<h>[0-2]\\d):(?<m>[0-5]\\d)(?::(?<s>[0-5]\\d))?"),
            // "MM:SS", or ":MM" (a minute, not a second: at() reads a lone number after the colon by the unit)
            "hours", Pattern.compile("(?<m>[0-5]\\d):(?<s>[0-5]\\d)|:(?<m2>[0-5]\\d)"),
            "minutes", Pattern.compile(":(?<s>[0-5]\\d)"));

    /**
     * at()'s zone: a name, or the pytz zone object schedule 1.2 also takes ({@code pytz.timezone("Asia/Kolkata")},
     * {@code pytz.utc}, or a name bound to one); any other object makes at() raise, so it names no zone here.
     */
    private static Optional<String> atZone(PythonModule m, Node tz) {
        Node e = m.resolve(tz);
        if (m.string(e).isPresent() || m.nameOf(e).startsWith("pytz.")) {
            return ApschedulerDetector.zone(m, tz);
        }
        return Optional.empty();
    }

    static ScheduleLibReading of(PythonModule m, CallChain chain, String chainText, SourceRef where) {
        CallChain.Link at = chain.find("at");
        String tz = at == null || at.call() == null ? null
                : PythonModule.arg(at.call(), "tz", 1).flatMap(z -> atZone(m, z)).orElse(null);
        ScheduleLibReading r = known(m, chain, chainText, at, tz, where)
                .orElseGet(() -> plain(new ScheduleSpec(Form.UNKNOWN, chainText, tz, where)));
        Until until = until(m, chain);
        if (until == null) {
            return r;
        }
        List<Decision> decisions = new ArrayList<>(r.decisions);
        String stopped = "the schedule library stopped it " + until.meaning() + " (.until()); ";
        decisions.add(new Decision(UNTIL, stopped + (until.deadline() == null
                ? Prefect1EndDate.NO_END
                : tz != null ? "it read that time on the scheduler host's clock, not in " + tz + ", so the deployment's "
                        + "schedule gets no end: pause or delete it then"
                : "the deployment's schedule ends there (RRULE UNTIL) where it can be written as an RRULE; Prefect 3 cron "
                        + "and interval schedules have no end date: pause or delete those then")));
        return new ScheduleLibReading(r.spec, List.copyOf(decisions), until);
    }

    private static Optional<ScheduleLibReading> known(PythonModule m, CallChain chain, String chainText, CallChain.Link at,
                                                      String tz, SourceRef where) {
        Node every = chain.find("every").call();
        Optional<Node> nArg = PythonModule.arg(every, "interval", 0);
        Optional<Double> n = nArg.isPresent() ? nArg.flatMap(m::number) : Optional.of(1.0);
        String written = unitWritten(chain);
        // The singular units and the weekdays raise IntervalError unless n is 1.
        if (n.isEmpty() || n.get() <= 0 || written == null || !UNITS.containsValue(written) && n.get() != 1) {
            return Optional.empty();
        }
        String unit = WEEKDAYS.contains(written) ? "weeks" : UNITS.getOrDefault(written, written);
        double seconds = n.get() * UNIT_SECONDS.get(unit);
        CallChain.Link to = chain.find("to");
        if (to != null) {
            return random(m, to, n.get(), unit, chainText, tz, where);
        }
        if (at == null) {
            // A weekday without .at() runs on that weekday, at a time of day the process start set: the weekday is
            // kept, the time of day is a decision (as for days without .at()).
            if (WEEKDAYS.contains(written)) {
                ScheduleSpec spec = new ScheduleSpec(tz == null ? Form.CRON_UNIX : Form.CRON_SCHEDULE_LIB,
                        "0 0 * * " + WEEKDAYS.indexOf(written), tz, where);
                return Optional.of(new ScheduleLibReading(spec, List.of(new Decision(PHASE_FROM_START, "every()." + written
                        + " without .at() ran on " + capitalized(written) + "s at the time of day the scheduler process "
                        + "started, moved later by the length of each run; the deployment runs at 00:00: set the cron's "
                        + "hour and minute to when it should run")), null));
            }
            ScheduleSpec spec = new ScheduleSpec(Form.INTERVAL, Durations.iso(seconds), tz, where);
            return Optional.of(unit.equals("days") || unit.equals("weeks")
                    ? new ScheduleLibReading(spec, List.of(new Decision(PHASE_FROM_START, noTimeOfDay(n.get(), unit, written, tz))), null)
                    : plain(spec));
        }
        Optional<String> timeText = at.call() == null ? Optional.empty()
                : PythonModule.arg(at.call(), "time_str", 0).flatMap(m::string);
        Matcher t = timeText.map(s -> AT_FORMATS.getOrDefault(WEEKDAYS.contains(written) ? "days" : unit, null))
                .map(p -> p.matcher(timeText.get())).filter(Matcher::matches).orElse(null);
        if (t == null) {
            return Optional.empty();
        }
        int hour = group(t, "h");
        int minute = group(t, "m") + group(t, "m2");
        int second = group(t, "s");
        if (hour > 23) {
            return Optional.empty();
        }
        String atText = "at(\"" + timeText.get() + "\")";
        if (n.get() != 1) {
            LocalDateTime anchor = FireTimes.DEFAULT_ANCHOR.withHour(hour).withMinute(minute).withSecond(second);
            String shape = "every(" + count(n.get()) + ")." + unit + "." + atText;
            String text = shape + " counted each run from the previous one, so the " + unit + " it ran on were set by "
                    + "when the scheduler process started; the deployment counts every " + count(n.get()) + " " + unit
                    + " from " + anchor + ": to keep the same " + unit + ", start the count at a time it ran (anchor_date, "
                    + "or a DTSTART in the RRULE that whole days get in a zone with DST)";
            return Optional.of(new ScheduleLibReading(new ScheduleSpec(Form.INTERVAL,
                    "R/" + anchor + "/" + Durations.iso(seconds), tz, where),
                    List.of(new Decision(PHASE_FROM_START, text)), null));
        }
        String cron = switch (written) {
            case "minute", "minutes" -> "* * * * *";
            case "hour", "hours" -> minute + " * * * *";
            case "day", "days" -> minute + " " + hour + " * * *";
            default -> minute + " " + hour + " * * " + WEEKDAYS.indexOf(written);
        };
        // With a zone the library places skipped and repeated local times as croniter does. Without one it waits until
        // the naive local clock reads the time: a skipped time runs at the change, a repeated one once. For a time of
        // day that is Vixie cron's rule for fixed-time jobs (cron_unix); an hourly or minutely job, which Vixie cron
        // would treat as a wildcard job, is cron_schedule_lib without a zone, read with that rule.
        boolean wildcardInVixie = unit.equals("hours") || unit.equals("minutes");
        ScheduleSpec spec = new ScheduleSpec(tz == null && !wildcardInVixie ? Form.CRON_UNIX : Form.CRON_SCHEDULE_LIB,
                cron, tz, where);
        List<Decision> decisions = new ArrayList<>();
        if (second != 0) {
            decisions.add(new Decision(SECONDS_DROPPED, "the schedule library ran it " + second + " s after the minute (."
                    + atText + "); Prefect cron has whole minutes, so the deployment starts " + second + " s earlier, at the minute"));
        }
        if (unit.equals("days") || WEEKDAYS.contains(written)) {
            DstGap.of(tz, LocalTime.of(hour, minute, second))
                    .ifPresent(gap -> decisions.add(new Decision(DST_GAP, gap.sentence(atText))));
        }
        return Optional.of(new ScheduleLibReading(spec, List.copyOf(decisions), null));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Why an every(n).days or .weeks without .at() has no time of day that the deployment could copy. */
    private static String noTimeOfDay(double n, String unit, String written, String tz) {
        String period = n == 1 ? "a " + unit.substring(0, unit.length() - 1) : count(n) + " " + unit;
        return "every(" + (n == 1 ? "" : count(n)) + ")." + written + " without .at() ran " + period + " after its previous "
                + "run ended, the first " + period + " after the scheduler process started, so the time of day (and weekday) "
                + "it ran at was set by that start and moved later by the length of each run; the deployment runs at the "
                + "time of day of its anchor_date (" + anchorWritten(tz) + "): set anchor_date to when it should run";
    }

    /**
     * The anchor the translation writes, as it writes it: {@link FireTimes#DEFAULT_ANCHOR}'s time of day in the job's
     * timezone, which outside UTC is written as that instant in UTC ({@link PrefectSchedule#interval}).
     */
    private static String anchorWritten(String tz) {
        String local = FireTimes.DEFAULT_ANCHOR.toLocalTime().toString();
        if (tz == null) {
            return local + " in the job's timezone, as migrate writes it (outside UTC as that instant in UTC)";
        }
        PrefectSchedule written = PrefectSchedule.interval(java.time.Duration.ofDays(1), FireTimes.DEFAULT_ANCHOR, tz);
        return local + " in " + tz + ", as migrate writes it: " + written.anchorText()
                + (written.anchorOffset() == null ? "" : ", that instant in UTC");
    }

    /** {@code every(n).to(m).unit}: each interval drawn at random from n to m units, both included. */
    private static Optional<ScheduleLibReading> random(PythonModule m, CallChain.Link to, double n, String unit,
                                                       String chainText, String tz, SourceRef where) {
        Optional<Double> latest = to.call() == null ? Optional.empty()
                : PythonModule.arg(to.call(), "latest", 0).flatMap(m::number);
        if (latest.isEmpty() || latest.get() < n) {
            return Optional.empty();
        }
        String range = Durations.iso(n * UNIT_SECONDS.get(unit)) + " to " + Durations.iso(latest.get() * UNIT_SECONDS.get(unit));
        String text = "a random interval of " + range + ", drawn anew after each run (" + chainText + ")";
        return Optional.of(new ScheduleLibReading(new ScheduleSpec(Form.UNKNOWN, text, tz, where),
                List.of(new Decision(RANDOM_INTERVAL, "runs after " + text + "; Prefect schedules are fixed: choose an "
                        + "interval in that range, or keep the job on the host")), null));
    }

    /** A named group's number, 0 when the pattern has no such group or it did not match. */
    private static int group(Matcher t, String name) {
        try {
            return t.group(name) == null ? 0 : Integer.parseInt(t.group(name));
        } catch (IllegalArgumentException noSuchGroup) {
            return 0;
        }
    }

    /** The last unit or weekday of the chain, as written ({@code hour}, {@code hours}, {@code monday}), or null. */
    private static String unitWritten(CallChain chain) {
        String written = null;
        for (CallChain.Link l : chain.links()) {
            if (UNITS.containsKey(l.name()) || UNITS.containsValue(l.name()) || WEEKDAYS.contains(l.name())) {
                written = l.name();
            }
        }
        return written;
    }

    private static ScheduleLibReading plain(ScheduleSpec spec) {
        return new ScheduleLibReading(spec, List.of(), null);
    }

    /** 2 for 2.0, as the source would write it. */
    private static String count(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }

    /** The deadline of {@code until()}, or null without one. */
    private static Until until(PythonModule m, CallChain chain) {
        CallChain.Link u = chain.find("until");
        Node arg = u == null || u.call() == null ? null : PythonModule.arg(u.call(), "until_time", 0).orElse(null);
        if (arg == null) {
            return null;
        }
        LocalDateTime deadline = DateTimeLiterals.of(m, arg).orElse(null);
        Optional<String> literal = m.string(arg);
        if (literal.isPresent()) {
            // until() puts a string without a date on the day it is called.
            return new Until(literal.get(), literal.get().contains("-") ? "after " + literal.get()
                    : "after " + literal.get() + " on the day the scheduler process started", deadline);
        }
        String text = arg.text().strip();
        if (deadline != null) {
            return new Until(text, "after " + deadline, deadline);
        }
        // A timedelta is added to now(), a datetime.time is put on today's date.
        boolean relative = text.contains("timedelta") || text.matches("(?s).*\\btime\\(.*");
        return new Until(text, "after " + text + (relative ? ", counted from when the scheduler process started"
                : ", as evaluated when the scheduler process started"), null);
    }
}
