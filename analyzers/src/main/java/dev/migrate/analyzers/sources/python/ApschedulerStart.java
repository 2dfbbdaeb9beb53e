package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start an APScheduler interval trigger counts from, as one instant ({@code 2024-01-01T02:00+01:00}): APScheduler
 * steps an interval in elapsed time from it (3.x {@code IntervalTrigger.get_next_fire_time}, 4.x
 * {@code IntervalTrigger.next}), so the deployment's anchor is that instant. {@code start_date} in APScheduler 3,
 * {@code start_time} in APScheduler 4; a string or a {@code datetime(...)} of literal numbers.
 * <p>
 * A start without a zone of its own is read in the trigger's zone: the {@code timezone=} of the job (or the trigger),
 * else the scheduler's (APScheduler 3, for triggers named by a string only: a trigger object never sees the
 * scheduler's zone), else the local zone of the machine that runs the scheduler (3.x's
 * {@code get_localzone()}, 4.x's {@code as_aware_datetime}), which the scan cannot see: the start is then placed in
 * the host's zone and the schedule says its zone is not proven.
 *
 * @param instant  the start with its UTC offset, as {@code R/start/period} takes it
 * @param unproven what the source leaves unknown about it (its zone, a string APScheduler 3 refuses), or null
 */
record ApschedulerStart(String instant, String unproven) {
    /**
     * The date strings APScheduler 3 accepts ({@code apscheduler.util._DATE_REGEX}, 3.5 to 3.11): a date, or a date
     * and a time with seconds, optional microseconds and an optional offset. Anything else raises "Invalid date
     * string" in {@code add_job}.
     */
    private static final Pattern APS3_DATE = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}(?:[ T]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d{1,6})?(?:Z|[+-]\\d\\d:\\d\\d)?)?");
    private static final Pattern LOOSE_DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,6}))?)?)?(Z|[+-]\\d\\d:\\d\\d)?");
    private static final List<String> DATETIME_CALLS = List.of("datetime.datetime", "datetime");
    /** How the reason for a start without any zone goes on: a later reading that knows the local zone looks for it. */
    static final String NO_ZONE = " names no zone, nor does the ";
    /** How the reason for a date string APScheduler 3 refuses begins, after "; ". */
    static final String REFUSED = "APScheduler 3 refuses";

    /**
     * @param value     the start_date/start_time argument
     * @param zone      the zone the trigger reads a naive start in, when the source names one; null otherwise
     * @param computed  the scheduler's {@code timezone=} expression when the code computes it, else null
     * @param version4  whether it is APScheduler 4's {@code start_time} (ISO strings as {@code datetime.fromisoformat})
     * @param object    whether the start is a trigger object's ({@code IntervalTrigger(..., start_date=...)}), which
     *                  APScheduler 3 reads without the scheduler's zone
     * @param host      the scan's host zone, in which a start nothing zones is read (and said to be not proven)
     * @return empty when the start is not a value the scan can read (the interval then counts from the scheduler's start)
     */
    static Optional<ApschedulerStart> read(PythonModule m, Node value, String zone, String computed, boolean version4,
                                           boolean object, ZoneId host) {
        String written = value.text().strip();
        Optional<String> text = m.string(value);
        Optional<Parts> parts = text.isPresent() ? parse(text.get()) : datetimeCall(m, value);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String refused = text.isPresent() && !version4 && !APS3_DATE.matcher(text.get().strip()).matches()
                ? REFUSED + " start_date " + written + " (its date strings are YYYY-MM-DD or YYYY-MM-DD "
                        + "HH:MM:SS, apscheduler.util._DATE_REGEX): add_job raises ValueError, so the job is not "
                        + "scheduled as written; read as the time it names"
                : null;
        Parts p = parts.get();
        if (p.offset() != null) {
            return Optional.of(new ApschedulerStart(p.local().atOffset(p.offset()).toString(), refused));
        }
        String tz = p.zone() != null ? p.zone() : zone;
        if (tz != null) {
            try {
                return Optional.of(new ApschedulerStart(p.local().atZone(ZoneId.of(tz)).toOffsetDateTime().toString(),
                        refused));
            } catch (DateTimeException unknownZone) {
                return Optional.empty();
            }
        }
        String arg = version4 ? "start_time" : "start_date";
        String why = computed != null
                ? "zone not read: the scheduler's timezone=" + computed + " is computed when it runs, and the naive "
                        + arg + " " + written + " is read in it; read in the host's zone here"
                : ScheduleSpec.ZONE_NOT_PROVEN + " not proven (" + arg + " " + written + NO_ZONE
                        + (version4 ? "trigger: APScheduler 4" : object ? "trigger object, which the scheduler's "
                                + "timezone= does not reach: APScheduler 3" : "job or its scheduler: APScheduler 3")
                        + " reads it in the local zone of the machine that runs the scheduler; read in the host's zone here)";
        return Optional.of(new ApschedulerStart(p.local().atZone(host).toOffsetDateTime().toString(),
                refused == null ? why : why + "; " + refused));
    }

    /** A local date and time, with the offset or zone the value itself carries (either may be null). */
    private record Parts(LocalDateTime local, java.time.ZoneOffset offset, String zone) {
    }

    /** An ISO date string, with or without seconds and offset (the form APScheduler 3 refuses is read, and said so). */
    private static Optional<Parts> parse(String text) {
        Matcher d = LOOSE_DATE.matcher(text.strip());
        if (!d.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
                    Integer.parseInt(d.group(3)));
            LocalDateTime local = d.group(4) == null ? date.atStartOfDay() : date.atTime(Integer.parseInt(d.group(4)),
                    Integer.parseInt(d.group(5)), d.group(6) == null ? 0 : Integer.parseInt(d.group(6)),
                    d.group(7) == null ? 0 : Integer.parseInt((d.group(7) + "00000").substring(0, 6)) * 1000);
            String offset = d.group(8);
            return Optional.of(new Parts(local, offset == null ? null
                    : java.time.ZoneOffset.of(offset.equals("Z") ? "Z" : offset), null));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code datetime(2024, 1, 1, 2, 0)}, with literal numbers, and its {@code tzinfo=} when it names a zone. */
    private static Optional<Parts> datetimeCall(PythonModule m, Node value) {
        Node e = m.resolve(value);
        if (e.kind() != NodeKind.CALL || !DATETIME_CALLS.contains(m.nameOf(e))) {
            return Optional.empty();
        }
        CallView call = new CallView(e);
        List<Integer> numbers = new ArrayList<>();
        String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
        for (int i = 0; i < names.length; i++) {
            Optional<Node> arg = PythonModule.arg(e, names[i], i);
            if (arg.isEmpty()) {
                if (i < 3) {
                    return Optional.empty();
                }
                numbers.add(0);
                continue;
            }
            Optional<Double> n = m.number(arg.get());
            if (n.isEmpty() || n.get() != Math.rint(n.get())) {
                return Optional.empty();
            }
            numbers.add(n.get().intValue());
        }
        Optional<Node> tzinfo = call.keyword("tzinfo").map(a -> a.value());
        String zone = null;
        if (tzinfo.isPresent() && !tzinfo.get().text().strip().equals("None")) {
            Optional<String> z = ApschedulerDetector.zone(m, tzinfo.get());
            if (z.isEmpty()) {
                return Optional.empty(); // an aware start in a zone the code computes: no instant to name
            }
            zone = z.get();
        }
        try {
            return Optional.of(new Parts(LocalDateTime.of(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3),
                    numbers.get(4), numbers.get(5), numbers.get(6) * 1000), null, zone));
        } catch (DateTimeException e2) {
            return Optional.empty();
        }
    }
}
