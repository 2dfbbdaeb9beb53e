package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Prefect 1 clock's {@code start_date} as Prefect 1.4.1 reads it, shared by the scan's Prefect 1 detector and the
 * Prefect 1 to 3 recipe so that both move a schedule to the same fire times. {@code Clock.__init__} passes the start
 * through {@code pendulum.instance}: a naive datetime is UTC, a pytz zone keeps its name, any other tzinfo
 * ({@code timezone.utc}, {@code ZoneInfo}, {@code gettz}) becomes its fixed UTC offset at that date. A
 * {@code CronClock} reads its cron in the start's zone (UTC without one); an {@code IntervalClock} fires at
 * start + k * interval, from 2019-01-01 00:00 UTC when it has no start ({@code clocks.py}).
 *
 * @param kind   how the start is written
 * @param local  the wall-clock start in {@code zone}, for a literal only
 * @param zone   the zone the clock's times are in; null when only running the code tells it
 * @param stated whether the source names the zone (a naive or missing start is UTC without saying so)
 * @param text   the start as written, "" when there is none
 * @param named  the zone a ZoneInfo or gettz start names, of which pendulum kept only the offset at the start; for a
 *               {@link Kind#REFUSED} start, the call that raises ({@code pendulum.datetime}, {@code datetime.datetime},
 *               {@code pytz.timezone}, {@code pendulum.timezone});
 *               else null
 */
public record Prefect1StartDate(Kind kind, LocalDateTime local, String zone, boolean stated, String text, String named) {
    /** How a start date is written. */
    public enum Kind {
        /** No start_date, or {@code None}. */
        ABSENT,
        /** A datetime of literals. */
        LITERAL,
        /** The time the flow was registered ({@code datetime.utcnow()}, {@code pendulum.now("UTC").add(...)}). */
        RUN_TIME,
        /** Anything else: a name from elsewhere, a helper's result. */
        UNREAD,
        /**
         * A datetime that raises when Prefect 1 builds it ({@link #refusal()}): a zone string pendulum 2 cannot load, or a
         * string where datetime takes a tzinfo. The clock was never made, so the schedule never ran as written.
         */
        REFUSED
    }

    /** The words of every {@link #refusal()}, by which the rewrite's manual item gets its code (PF115). */
    public static final String RAISES = "raises when the clock is made";

    /** Where an interval clock without a start counts from, in UTC ({@code pendulum.datetime(2019, 1, 1)}). */
    public static final LocalDateTime DEFAULT_INTERVAL_START = LocalDateTime.of(2019, 1, 1, 0, 0);

    /** How the caller reads names, strings and numbers (the scan through its module, the recipe through its imports). */
    public interface Source {
        /** The expression a plain name stands for (a module constant), else the expression. */
        Node resolve(Node expr);

        Optional<String> qualifiedName(Node expr);

        Optional<String> string(Node expr);

        Optional<Double> number(Node expr);
    }

    /** Calls whose value is the moment they run, and the zone of that value when called without one (null: the machine's). */
    private static final Map<String, String> NOW_CALLS = Map.of(
            "datetime.datetime.utcnow", "UTC", "datetime.datetime.now", "UTC", "datetime.datetime.today", "UTC",
            "pendulum.now", "", "pendulum.today", "", "pendulum.yesterday", "", "pendulum.tomorrow", "");
    /** Methods of a datetime that keep it a run-time value (the zone changing ones are read on their own). */
    private static final Set<String> SHIFTS = Set.of("add", "subtract", "replace", "start_of", "end_of", "set",
            "in_tz", "in_timezone", "astimezone");
    private static final Set<String> UTC_NAMES = Set.of("datetime.timezone.utc", "pytz.utc", "pytz.UTC",
            "dateutil.tz.UTC", "pendulum.UTC", "pendulum.tz.UTC");
    /** Zone objects pendulum keeps by name: pytz's (it has localize) and pendulum's own. */
    private static final Set<String> NAMED_ZONES = Set.of("pytz.timezone", "pendulum.timezone", "pendulum.tz.timezone");
    /** Zone objects pendulum cannot name: it keeps their UTC offset at the date. */
    private static final Set<String> OFFSET_ZONES = Set.of("zoneinfo.ZoneInfo", "backports.zoneinfo.ZoneInfo",
            "dateutil.tz.gettz", "dateutil.tz.tzutc");
    /** A zone written as its UTC offset ({@code +05:30}), which {@link #fixedOffset} gives for part-hour offsets. */
    private static final java.util.regex.Pattern UNNAMED_OFFSET = java.util.regex.Pattern.compile("[+-]\\d{2}:\\d{2}(:\\d{2})?");
    private static final List<String> FIELDS = List.of("year", "month", "day", "hour", "minute", "second", "microsecond");

    public static Prefect1StartDate read(Optional<Node> given, Source src) {
        if (given.isEmpty() || given.get().text().strip().equals("None")) {
            return new Prefect1StartDate(Kind.ABSENT, null, "UTC", false, "", null);
        }
        String text = given.get().text().strip();
        Node e = src.resolve(given.get());
        Optional<Prefect1StartDate> literal = literal(e, src, text);
        if (literal.isPresent()) {
            return literal.get();
        }
        Optional<Prefect1StartDate> refused = refusedRunTime(e, src, text);
        if (refused.isPresent()) {
            return refused.get();
        }
        return runTimeZone(e, src).map(z -> new Prefect1StartDate(Kind.RUN_TIME, null, z.isEmpty() ? null : z, true, text,
                        null))
                .orElseGet(() -> new Prefect1StartDate(Kind.UNREAD, null, null, false, text, null));
    }

    /** The local time an interval clock counts from, in {@link #zone()}; empty when only running the code tells it. */
    public Optional<LocalDateTime> intervalStart() {
        return switch (kind) {
            case ABSENT -> Optional.of(DEFAULT_INTERVAL_START);
            case LITERAL -> Optional.of(local);
            default -> Optional.empty();
        };
    }

    /**
     * What a start only running the code tells leaves unproven about the clock's fire times
     * ({@link dev.migrate.analyzers.model.ScheduleSpec#unproven}), empty for a stated start (or none): its zone, when
     * the source does not fix it (an imported name, a helper's result, {@code pendulum.now()} in the registering
     * machine's zone), decides when a cron fires; and an interval counts from the start, so its phase (the minute of
     * each run) is unknown too, even in a known zone.
     *
     * @param interval whether the clock is an IntervalClock (a cron's times do not depend on the start's moment)
     */
    public Optional<String> unproven(boolean interval) {
        if (kind == Kind.LITERAL && zone == null) {
            // pendulum.datetime(..., tz="local"): the time is stated, its zone is the registering machine's
            return Optional.of(dev.migrate.analyzers.model.ScheduleSpec.ZONE_NOT_PROVEN + " not proven (start_date `" + text
                    + "` is in the zone of the machine that registered the flow)");
        }
        if (kind != Kind.RUN_TIME && kind != Kind.UNREAD) {
            return Optional.empty();
        }
        // the zone's words begin with ScheduleSpec.ZONE_NOT_PROVEN, by which reports know the zone shown is only a reading
        String what = zone == null ? (interval ? "zone and phase" : "zone") : interval ? "phase" : null;
        return what == null ? Optional.empty() : Optional.of("start unknown: " + what + " not proven (start_date `" + text
                + "` is " + (kind == Kind.RUN_TIME ? "the time the flow was registered" + (zone == null
                ? ", in that machine's zone" : "") : "a value only running the code tells") + ")");
    }

    /**
     * Whether the clock's zone is a fixed UTC offset of part of an hour ({@code +05:30}, {@code +05:45}): the IANA
     * names of fixed offsets (Etc/GMT-N) are whole hours, and Prefect 3's timezone takes IANA names only.
     */
    public boolean unnamedOffset() {
        return kind != Kind.REFUSED && zone != null && UNNAMED_OFFSET.matcher(zone).matches();
    }

    /**
     * What a start at an offset with no IANA name means and what to choose instead, for the scan and the recipe alike:
     * keeping Prefect 1's times needs a zone that stays at that offset; the zone the source named, when its offset does
     * not change after the start, is one, and else following it changes the times for part of the year.
     */
    public String offsetNote() {
        String why = "start_date `" + text + "` is at the fixed UTC offset " + zone + ", pendulum having kept "
                + (named == null ? "its tzinfo" : "its tzinfo for " + named) + " only as its offset at that "
                + "date, so Prefect 1 ran this clock at " + zone + " all year; Prefect 3's timezone takes IANA names only, "
                + "and the fixed-offset ones (Etc/GMT-N) are whole hours: ";
        if (named == null) {
            return why + "choose an IANA zone whose offset stays " + zone + " for as long as the flow runs, which keeps "
                    + "Prefect 1's times";
        }
        boolean steady;
        try {
            ZoneId z = ZoneId.of(named);
            steady = z.getRules().nextTransition(local.atZone(z).toInstant()) == null;
        } catch (DateTimeException unknown) {
            steady = false;
        }
        return why + (steady ? "timezone: " + named + ", the zone the start names, has stayed at " + zone + " since "
                + "the start (tzdata knows no later change), so it keeps Prefect 1's times"
                : "choose an IANA zone whose offset stays " + zone + " for as long as the flow runs to keep Prefect 1's "
                + "times, or " + named + ", the zone the start names, to follow its clock changes (the runs then move by "
                + "its DST offset for part of the year)");
    }

    /**
     * Whether an interval clock of this length in this zone keeps times of day that elapsed time moves: once
     * {@code k * interval} has a whole day, 1.4.1's {@code start_date.add(days=..., seconds=...)} adds it on the naive
     * local clock (pendulum), so across a DST change its runs keep the start's local times, which elapsed time (and
     * Prefect 3's elapsed jump from anchor_date) moves by the DST offset for part of the year. An interval that divides
     * the hour the clocks move by (PT15M, PT1H) lands on the same times of day either way; it still parts from elapsed
     * time in the repeated fall-back hour, which it runs once (the proof's {@code IntervalFireTimes.prefect1} shows
     * where), not for half the year.
     */
    public static boolean keepsWallClock(double intervalSeconds, String zone) {
        if (zone == null || intervalSeconds <= 0 || 3600 % intervalSeconds == 0) {
            return false;
        }
        try {
            return !ZoneId.of(zone).getRules().isFixedOffset();
        } catch (DateTimeException unknownZone) {
            return false;
        }
    }

    /** A {@code datetime.datetime(...)} or {@code pendulum.datetime(...)} of literals. */
    private static Optional<Prefect1StartDate> literal(Node e, Source src, String text) {
        if (e.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        String callee = src.qualifiedName(e).orElse("");
        boolean pendulum = callee.equals("pendulum.datetime");
        if (!pendulum && !callee.equals("datetime.datetime")) {
            return Optional.empty();
        }
        int[] values = {0, 0, 0, 0, 0, 0, 0};
        CallView call = new CallView(e);
        for (int i = 0; i < FIELDS.size(); i++) {
            Optional<Argument> a = call.argument(FIELDS.get(i), i);
            if (a.isEmpty()) {
                if (i < 3) {
                    return Optional.empty();
                }
                continue;
            }
            Optional<Double> v = src.number(a.get().value());
            if (v.isEmpty() || v.get() != Math.rint(v.get())) {
                return Optional.empty();
            }
            values[i] = v.get().intValue();
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(values[0], values[1], values[2], values[3], values[4], values[5], values[6] * 1000);
        } catch (DateTimeException e2) {
            return Optional.empty();
        }
        Optional<Argument> tz = call.argument(pendulum ? "tz" : "tzinfo", FIELDS.size());
        if (tz.isEmpty() || tz.get().value().text().strip().equals("None")) {
            // pendulum.datetime defaults to UTC; pendulum.instance reads a naive datetime as UTC
            return Optional.of(new Prefect1StartDate(Kind.LITERAL, local, "UTC", pendulum && tz.isPresent(), text, null));
        }
        Optional<String> written = src.string(src.resolve(tz.get().value()));
        if (written.isPresent()) {
            return Optional.of(zoneString(written.get(), pendulum, local, text));
        }
        Optional<String> unloadable = namedZoneRefused(src.resolve(tz.get().value()), src);
        if (unloadable.isPresent()) {
            return Optional.of(new Prefect1StartDate(Kind.REFUSED, local, unloadable.get(), true, text,
                    src.qualifiedName(src.resolve(tz.get().value())).orElse("")));
        }
        String named = offsetZoneName(tz.get().value(), src).orElse(null);
        return zone(tz.get().value(), local, src).map(z -> new Prefect1StartDate(Kind.LITERAL, local, z, true, text, named));
    }

    /**
     * A zone given as a string, read as pendulum 2 (Prefect 1.4.1's) reads it: {@code _safe_timezone} sends "local" to the
     * machine's zone, {@code tz.timezone} any casing of "utc" to UTC and every other string to
     * {@code Timezone(name)}, which loads the tzdata file of that name (pytzdata's {@code tz_path}) and raises
     * {@code InvalidTimezone} when there is none: a UTC offset ({@code "+05:30"}) or a misspelt name is not a zone to it.
     * {@code datetime.datetime} takes no string at all (its tzinfo must be a tzinfo: TypeError).
     */
    private static Prefect1StartDate zoneString(String zone, boolean pendulum, LocalDateTime local, String text) {
        if (!pendulum) {
            return new Prefect1StartDate(Kind.REFUSED, local, zone, true, text, "datetime.datetime");
        }
        if (zone.equals("local")) {
            return new Prefect1StartDate(Kind.LITERAL, local, null, true, text, null);
        }
        if (zone.equalsIgnoreCase("utc")) {
            return new Prefect1StartDate(Kind.LITERAL, local, "UTC", true, text, null);
        }
        boolean loads = ZoneId.getAvailableZoneIds().contains(zone);
        return new Prefect1StartDate(loads ? Kind.LITERAL : Kind.REFUSED, local, zone, true, text,
                loads ? null : "pendulum.datetime");
    }

    /**
     * The name a zone call ({@code pytz.timezone("+05:30")}, {@code pendulum.timezone(...)}) raises for, empty when it
     * loads or the call is no such call: pendulum 2 loads the tzdata file of exactly that name (any casing of "utc" being
     * UTC), pytz a tzdata name in any casing, and neither reads a UTC offset.
     */
    private static Optional<String> namedZoneRefused(Node e, Source src) {
        String callee = e.kind() == NodeKind.CALL ? src.qualifiedName(e).orElse("") : "";
        if (!NAMED_ZONES.contains(callee)) {
            return Optional.empty();
        }
        Optional<String> name = new CallView(e).positional(0).flatMap(a -> src.string(a.value()));
        boolean pytz = callee.startsWith("pytz");
        return name.filter(n -> !n.equalsIgnoreCase("utc") && (pytz
                ? ZoneId.getAvailableZoneIds().stream().noneMatch(n::equalsIgnoreCase)
                : !ZoneId.getAvailableZoneIds().contains(n)));
    }

    /**
     * Why Prefect 1 could not build this start, for a {@link Kind#REFUSED} one (empty for any other): the module raised
     * where it made the clock, so the flow was never registered with this schedule, and no schedule of it can be moved.
     */
    public Optional<String> refusal() {
        if (kind != Kind.REFUSED) {
            return Optional.empty();
        }
        String what = UNNAMED_OFFSET.matcher(zone).matches() || zone.matches("[+-]\\d{1,2}(:?\\d{2})?")
                ? ", a UTC offset, not a zone name" : ", which names no zone";
        String raised = named.equals("datetime.datetime")
                ? "datetime's tzinfo must be a tzinfo object, not the string '" + zone + "' (TypeError)"
                : named.startsWith("pytz") ? "pytz.timezone raises UnknownTimeZoneError for '" + zone + "'" + what
                : "pendulum 2 (Prefect 1.4.1's) reads a tz string as a tzdata zone name and raises InvalidTimezone for '"
                + zone + "'" + what;
        return Optional.of("start_date `" + text + "` " + RAISES + ": " + raised + "; Prefect 1 never ran "
                + "this schedule as written, so there is no schedule to keep: choose the zone the flow should run in "
                + "(an IANA name) and write the Prefect 3 schedule by hand");
    }

    /**
     * The zone a tz/tzinfo value gives the start, as pendulum.instance keeps it.
     *
     * @param local the start, or null for a run-time one (whose offset in a zone pendulum cannot name is unknown)
     */
    private static Optional<String> zone(Node expr, LocalDateTime local, Source src) {
        Node e = src.resolve(expr);
        Optional<String> literal = src.string(e);
        if (literal.isPresent()) {
            return literal;
        }
        String name = src.qualifiedName(e).orElse("");
        if (UTC_NAMES.contains(name)) {
            return Optional.of("UTC");
        }
        if (e.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        Optional<String> arg = new CallView(e).positional(0).flatMap(a -> src.string(a.value()));
        if (NAMED_ZONES.contains(name)) {
            // pytz finds a zone name in any casing and keeps tzdata's own ("asia/kolkata" is Asia/Kolkata)
            return name.startsWith("pytz") ? arg.map(a -> a.equalsIgnoreCase("utc") ? "UTC" : ZoneId.getAvailableZoneIds()
                    .stream().filter(a::equalsIgnoreCase).findFirst().orElse(a)) : arg;
        }
        if (OFFSET_ZONES.contains(name)) {
            Optional<String> named = name.endsWith("tzutc") ? Optional.of("UTC") : arg;
            return local == null ? named.filter(z -> fixedOffset(z, DEFAULT_INTERVAL_START).filter("UTC"::equals)
                    .isPresent() && fixedOffset(z, DEFAULT_INTERVAL_START.plusMonths(6)).filter("UTC"::equals).isPresent())
                    : named.flatMap(z -> fixedOffset(z, local));
        }
        return Optional.empty();
    }

    /** The zone named by a ZoneInfo or gettz tz/tzinfo, of which pendulum keeps only the offset. */
    private static Optional<String> offsetZoneName(Node expr, Source src) {
        Node e = src.resolve(expr);
        String name = src.qualifiedName(e).orElse("");
        return e.kind() == NodeKind.CALL && OFFSET_ZONES.contains(name) && !name.endsWith("tzutc")
                ? new CallView(e).positional(0).flatMap(a -> src.string(a.value())) : Optional.empty();
    }

    /**
     * The zone's offset at {@code local} as a fixed zone: UTC, or Etc/GMT-N for whole hours (the IANA names count the
     * other way), which Prefect 3 accepts; a part-hour offset has no IANA name and is kept as the offset itself
     * ({@code +05:30}, see {@link #unnamedOffset}); empty for an unknown zone.
     */
    private static Optional<String> fixedOffset(String zone, LocalDateTime local) {
        try {
            ZoneOffset offset = ZoneId.of(zone).getRules().getOffset(local);
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return Optional.of("UTC");
            }
            return seconds % 3600 != 0 ? Optional.of(offset.getId())
                    : Optional.of("Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A run-time start whose zone raises when it is built, as a literal's does ({@link #zoneString}):
     * {@code pendulum.now("+05:30")} (and today/yesterday/tomorrow, and {@code .in_tz("+05:30")}) hands the string to
     * pendulum 2's {@code _safe_timezone}, which loads it as a tzdata name and raises InvalidTimezone; {@code
     * datetime.datetime.now("+05:30")} and {@code .astimezone("+05:30")} take no string (TypeError); a {@code
     * pytz.timezone}/{@code pendulum.timezone} call of a name that is no zone raises as it does for a literal.
     */
    private static Optional<Prefect1StartDate> refusedRunTime(Node expr, Source src, String text) {
        Node e = shiftedValue(expr);
        if (e.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        Node callee = Expressions.unwrap(e.nodes().get(0));
        boolean pendulum;
        if (callee.kind() == NodeKind.ATTRIBUTE && !callee.tokens().isEmpty()
                && Expressions.unwrap(callee.nodes().get(0)).kind() == NodeKind.CALL) {
            String method = callee.tokens().get(callee.tokens().size() - 1).text();
            if (!SHIFTS.contains(method) || runTimeZone(callee.nodes().get(0), src).isEmpty()) {
                return Optional.empty();
            }
            Optional<Prefect1StartDate> inner = refusedRunTime(callee.nodes().get(0), src, text);
            if (inner.isPresent() || !List.of("in_tz", "in_timezone", "astimezone").contains(method)) {
                return inner;
            }
            // a pendulum value's astimezone is datetime's: it takes a tzinfo, never a string
            pendulum = !method.equals("astimezone");
        } else {
            String name = src.qualifiedName(e).orElse("");
            if (!NOW_CALLS.containsKey(name)) {
                return Optional.empty();
            }
            pendulum = name.startsWith("pendulum.");
        }
        Optional<Node> tz = new CallView(e).argument("tz", 0).map(Argument::value);
        if (tz.isEmpty() || tz.get().text().strip().equals("None")) {
            return Optional.empty();
        }
        Node zone = src.resolve(tz.get());
        Optional<String> written = src.string(zone);
        if (written.isPresent()) {
            Prefect1StartDate read = zoneString(written.get(), pendulum, null, text);
            return read.kind() == Kind.REFUSED ? Optional.of(read) : Optional.empty();
        }
        return namedZoneRefused(zone, src).map(z -> new Prefect1StartDate(Kind.REFUSED, null, z, true, text,
                src.qualifiedName(zone).orElse("")));
    }

    /** The value a start shifts by {@code + timedelta(...)}/{@code - ...} (the expression itself when it shifts none). */
    private static Node shiftedValue(Node expr) {
        Node e = Expressions.unwrap(expr);
        while (e.kind() == NodeKind.BINARY && e.nodes().size() == 2 && !e.tokens().isEmpty()
                && List.of("+", "-").contains(e.tokens().get(0).text())) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        return e;
    }

    /**
     * The zone of a run-time start ({@code datetime.utcnow() + timedelta(...)}, {@code pendulum.now("UTC").add(...)}):
     * "" when it is the registering machine's own zone, empty when the start is not a run-time value at all.
     */
    private static Optional<String> runTimeZone(Node expr, Source src) {
        Node e = shiftedValue(expr);
        if (e.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        Node callee = Expressions.unwrap(e.nodes().get(0));
        if (callee.kind() == NodeKind.ATTRIBUTE && !callee.tokens().isEmpty()
                && Expressions.unwrap(callee.nodes().get(0)).kind() == NodeKind.CALL) {
            String method = callee.tokens().get(callee.tokens().size() - 1).text();
            if (!SHIFTS.contains(method)) {
                return Optional.empty();
            }
            Optional<String> inner = runTimeZone(callee.nodes().get(0), src);
            if (inner.isPresent() && List.of("in_tz", "in_timezone", "astimezone").contains(method)) {
                Optional<Node> to = new CallView(e).argument("tz", 0).map(Argument::value);
                return Optional.of(to.flatMap(t -> zone(t, null, src)).orElse(""));
            }
            return inner;
        }
        String name = src.qualifiedName(e).orElse("");
        String fallback = NOW_CALLS.get(name);
        if (fallback == null) {
            return Optional.empty();
        }
        Optional<Node> tz = new CallView(e).argument("tz", 0).map(Argument::value);
        if (tz.isEmpty() || tz.get().text().strip().equals("None")) {
            return Optional.of(fallback);
        }
        return Optional.of(zone(tz.get(), null, src).orElse(""));
    }
}
