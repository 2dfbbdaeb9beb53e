package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * APScheduler jobs: {@code scheduler.add_job(func, "cron"|"interval"|"date", ...)}, {@code add_job} with a
 * {@code CronTrigger}/{@code IntervalTrigger} object or {@code CronTrigger.from_crontab(...)}, and
 * {@code @scheduler.scheduled_job(...)} decorators (APScheduler 3). A trigger named by a string ({@code "cron"}) is read
 * in the job's {@code timezone=}, else the scheduler's: 3.x's {@code BaseScheduler._create_trigger} passes the
 * scheduler's zone into the arguments of string triggers only. A trigger object ({@code CronTrigger(hour=9)},
 * {@code IntervalTrigger(...)}, {@code CronTrigger.from_crontab(...)}) is built before the scheduler sees it: without a
 * {@code timezone=} of its own (or an aware start_date or end_date datetime) it takes {@code get_localzone()}, the zone
 * of the machine that runs it, whatever the scheduler says (3.9.1's {@code triggers/cron/__init__.py} and
 * {@code triggers/interval.py}), and is read in the host's zone, as crontabs are.
 * APScheduler 4's {@code scheduler.add_schedule(func, trigger, id=...)} too ({@link Apscheduler4}), whose triggers
 * name their arguments and defaults differently.
 */
public final class ApschedulerDetector extends PythonDetector {
    /** APScheduler's cron fields, most significant first, and the cron position of the five we can write. */
    private static final List<String> CRON_FIELDS = List.of("year", "month", "week", "day", "day_of_week", "hour",
            "minute", "second");
    private static final Map<String, String> WEEKDAY_NUMBERS = Map.of("mon", "1", "tue", "2", "wed", "3", "thu", "4",
            "fri", "5", "sat", "6", "sun", "0");
    /** Arguments of add_job and scheduled_job that are not trigger fields (trigger= names the trigger itself). */
    private static final List<String> NOT_TRIGGER_ARGS = List.of("trigger", "func", "id", "name", "args", "kwargs", "replace_existing",
            "misfire_grace_time", "coalesce", "max_instances", "next_run_time", "jobstore", "executor", "timezone",
            "jitter", "start_date", "end_date", "start_time", "end_time");

    /** The zone a naive start date is read in when nothing else zones it: the scan's host zone ({@link #hostZone}). */
    private java.time.ZoneId hostZone = java.time.ZoneId.of("UTC");

    public ApschedulerDetector() {
        super("apscheduler", "apscheduler", "apscheduler");
    }

    @Override
    public void hostZone(java.time.ZoneId zone) {
        hostZone = zone;
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        SchedulerZones zones = SchedulerZones.of(m);
        Map<String, AddJobHelpers.Helper> helpers = AddJobHelpers.of(m);
        for (Node call : m.nodes(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() == NodeKind.ATTRIBUTE && lastName(callee).equals(Apscheduler4.ADD_SCHEDULE)) {
                if (Apscheduler4.triggerOf(m, call).isPresent()) {
                    version4Job(m, call, sink);
                }
                continue;
            }
            if (callee.kind() == NodeKind.ATTRIBUTE && lastName(callee).equals("add_job")) {
                if (helpers.values().stream().anyMatch(h -> h.addJob() == call && h.called())) {
                    continue; // its jobs are the helper's calls, below
                }
                job(m, call, call, zones.of(call), zones.computed(call), sink);
                continue;
            }
            Optional<String> called = Expressions.dottedName(callee).map(n -> n.substring(n.lastIndexOf('.') + 1));
            AddJobHelpers.Helper helper = called.map(helpers::get).orElse(null);
            if (helper != null) {
                // the add_job the helper makes is written (and names its scheduler) in the helper's body
                String zone = zones.of(helper.addJob());
                String computed = zones.computed(helper.addJob());
                helper.addJobFor(call, callee.kind() == NodeKind.ATTRIBUTE).ifPresent(addJob -> job(m, addJob, call,
                        zone, computed, sink));
            }
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            for (Node deco : d.decorators()) {
                Node call = Expressions.unwrap(deco);
                if (call.kind() == NodeKind.CALL && Expressions.unwrap(call.nodes().get(0)).kind() == NodeKind.ATTRIBUTE
                        && lastName(Expressions.unwrap(call.nodes().get(0))).equals("scheduled_job")) {
                    job(m, call, 0, d.name(), m.at(deco), zones.of(call), zones.computed(call), sink);
                }
            }
        }
    }

    private static String lastName(Node attribute) {
        return attribute.tokens().get(attribute.tokens().size() - 1).text();
    }


    /** Zone objects that are UTC, by their import-resolved names. */
    private static final List<String> UTC_OBJECTS = List.of("datetime.timezone.utc", "pytz.utc", "pytz.UTC",
            "dateutil.tz.UTC", "dateutil.tz.tzutc", "zoneinfo.ZoneInfo.utc");
    /** Calls that make a zone object from its name. */
    private static final List<String> ZONE_FACTORIES = List.of("pytz.timezone", "zoneinfo.ZoneInfo", "dateutil.tz.gettz",
            "backports.zoneinfo.ZoneInfo");

    /**
     * The zone an APScheduler {@code timezone} argument names: a zone name ({@code "Asia/Seoul"}), or a zone object
     * ({@code datetime.timezone.utc}, {@code pytz.timezone("Asia/Seoul")}, {@code ZoneInfo("Asia/Seoul")}); APScheduler
     * takes both. Empty when it is computed at run time.
     */
    static Optional<String> zone(PythonModule m, Node expr) {
        Node named = m.resolve(expr);
        // tz = ZoneInfo("Asia/Seoul") in the function, then timezone=tz
        Node e = named.kind() == NodeKind.NAME
                ? assignedInFunction(m, expr, Expressions.name(named)).map(m::resolve).orElse(named) : named;
        Optional<String> name = m.string(e);
        if (name.isPresent()) {
            return name;
        }
        String q = m.nameOf(e);
        if (e.kind() == NodeKind.CALL) {
            if (UTC_OBJECTS.contains(q)) {
                return Optional.of("UTC"); // tzutc()
            }
            if (ZONE_FACTORIES.contains(q)) {
                return new CallView(e).positional(0).flatMap(a -> m.string(a.value()));
            }
            return Optional.empty();
        }
        return UTC_OBJECTS.contains(q) ? Optional.of("UTC") : Optional.empty();
    }

    /** The job of an {@code add_job} call (written, or standing for a helper's call {@code at}). */
    private void job(PythonModule m, Node addJob, Node at, String schedulerZone, String computedZone, InventorySink sink) {
        Optional<Node> func = PythonModule.arg(addJob, "func", 0);
        String fallback = func.flatMap(Expressions::dottedName).orElse("job");
        job(m, addJob, 1, fallback, m.at(at), schedulerZone, computedZone, sink);
    }

    /**
     * The job of APScheduler 4's {@code add_schedule(func_or_task_id, trigger, *, id=..., max_jitter=...)}: its
     * schedules have no scheduler zone (4.x schedulers take none), and its jitter is the schedule's max_jitter.
     */
    private void version4Job(PythonModule m, Node call, InventorySink sink) {
        String fallback = PythonModule.arg(call, Apscheduler4.FUNCTION, 0)
                .flatMap(f -> m.string(f).or(() -> Expressions.dottedName(f))).orElse("job");
        job(m, call, 1, fallback, m.at(call), new Reading(null, null, true, false, hostZone), sink);
    }

    private void job(PythonModule m, Node call, int triggerPosition, String fallbackName, SourceRef where,
                     String schedulerZone, String computedZone, InventorySink sink) {
        job(m, call, triggerPosition, fallbackName, where, new Reading(schedulerZone, computedZone, false, false, hostZone), sink);
    }

    /**
     * How a job's trigger is read: the zone its scheduler names (APScheduler 3), the scheduler's computed
     * {@code timezone=} expression, whether it is APScheduler 4's, and whether the trigger is an object (whose own zone
     * then stands in {@code schedulerZone}), and the scan's host zone, in which a naive start no zone reaches is read.
     */
    record Reading(String schedulerZone, String computedZone, boolean version4, boolean object, java.time.ZoneId hostZone) {
        /**
         * How a trigger object of this job is read: APScheduler 3 gives trigger objects no scheduler zone, so only the
         * zone the object itself carries ({@code objectZone}, or null for the local one) counts.
         */
        Reading forObject(String objectZone) {
            return new Reading(objectZone, null, version4, true, hostZone);
        }
    }

    private void job(PythonModule m, Node call, int triggerPosition, String fallbackName, SourceRef where,
                     Reading reading, InventorySink sink) {
        String schedulerZone = reading.schedulerZone();
        String computedZone = reading.computedZone();
        String name = PythonModule.arg(call, "id", -1).flatMap(m::string)
                .or(() -> PythonModule.arg(call, "name", -1).flatMap(m::string)).orElse(fallbackName);
        ScheduleSpec spec = trigger(m, call, triggerPosition, where, reading);
        boolean object = triggerNode(m, call, triggerPosition).filter(t -> t.kind() == NodeKind.CALL).isPresent();
        if (!object && schedulerZone == null && computedZone != null && spec.timezone() == null
                && spec.form() == Form.CRON_APSCHEDULER) {
            // BackgroundScheduler(timezone=Config.TZ): the cron fires in a zone the code reads when it runs, not
            // (as without timezone=) in the host's
            spec = spec.withUnproven("zone not read: the scheduler's timezone=" + computedZone
                    + " is computed when it runs; read in the host's zone here");
        }
        // The function tells a job apart in its file; a second job of one function (another trigger) gets an id of
        // its own from the file's JobIdRegistry, like any job a file repeats.
        JobBuilder job = new JobBuilder(m.file(), JobKind.APSCHEDULER, name, where, fallbackName)
                .command(m.file().path() + ":" + fallbackName);
        int maxInstances = PythonModule.arg(call, reading.version4() ? "max_running_jobs" : "max_instances", -1)
                .flatMap(m::number).map(Double::intValue).orElse(1);
        job.overlap(maxInstances > 1 ? Overlap.ALLOW : Overlap.SKIP);
        Optional<Node> jitter = reading.version4() ? PythonModule.arg(call, "max_jitter", -1) : jitter(m, call, triggerPosition);
        // seconds as written, fractions kept (jitter=1.5); APScheduler 4's max_jitter may be a timedelta
        Optional<Double> jitterSeconds = jitter.flatMap(j -> Durations.seconds(m, j)).filter(j -> j > 0);
        jitterSeconds.ifPresent(j -> job.attr("apscheduler.jitterSeconds", number(j)));
        job.schedule(spec);
        sink.job(job.build());
        String schedulersZone = schedulerZone != null ? schedulerZone : computedZone;
        // the scheduler's timezone= is what a reader takes the job's zone to be; for a trigger object it is not
        String localZone = object && !reading.version4() && schedulersZone != null && spec.timezone() == null
                && spec.dependsOnZone()
                ? "; its trigger object names no timezone, so it fires in the local zone of the machine that runs the "
                        + "scheduler (read in the host's zone), not in the scheduler's timezone=" + schedulersZone
                        + ": APScheduler 3 passes the scheduler's zone only to triggers named by a string ('cron', "
                        + "'interval')"
                : "";
        sink.finding(Findings.of("PYS002", "APScheduler job " + name + " " + ShownSchedules.of(spec)
                + " runs inside a Python process, not an orchestrator" + localZone, where, job.id()));
        if (jitterSeconds.isPresent()) {
            // as systemd's RandomizedDelaySec= (SYD002): the random delay spread load, and Prefect has no such delay
            sink.finding(Findings.of("PYS012", "APScheduler job " + name + " has " + (reading.version4() ? "max_jitter=" : "jitter=")
                    + jitter.get().text().strip()
                    + ": each run starts up to " + seconds(jitterSeconds.get()) + " late at random; Prefect starts runs at the "
                    + "scheduled time", m.at(jitter.get()), job.id()));
        }
        if (spec.form() != Form.CRON_APSCHEDULER && spec.form() != Form.INTERVAL) {
            sink.finding(Findings.of("PYS005", "APScheduler trigger of " + name + " has no cron, interval or RRULE form: "
                    + spec.expression(), where, job.id()));
        }
    }

    /**
     * The value of {@code name} when the function holding {@code call} assigns it once, above the call ({@code trigger =
     * CronTrigger(...)} then {@code add_job(f, trigger)}); empty when it assigns it more than once (which one runs is
     * not known here) or not at all.
     */
    static Optional<Node> assignedInFunction(PythonModule m, Node call, String name) {
        Node function = null;
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            if (def.encloses(call) && (function == null || function.encloses(def))) {
                function = def;
            }
        }
        if (function == null) {
            return Optional.empty();
        }
        List<Node> values = new ArrayList<>();
        collectAssignments(function, name, values);
        int callLine = m.at(call).line();
        List<Node> above = values.stream().filter(v -> m.at(v).line() < callLine).toList();
        return values.size() == 1 && above.size() == 1 ? Optional.of(above.get(0)) : Optional.empty();
    }

    private static void collectAssignments(Node n, String name, List<Node> values) {
        Statements.assignment(n).ifPresent(a -> {
            if (a.value() != null && a.targets().stream().anyMatch(t -> t.kind() == NodeKind.NAME && Expressions.name(t).equals(name))) {
                values.add(a.value());
            }
        });
        for (Node c : n.nodes()) {
            if (c.kind() != NodeKind.FUNCTION_DEF && c.kind() != NodeKind.CLASS_DEF) {
                collectAssignments(c, name, values);
            }
        }
    }

    private static String seconds(double s) {
        return number(s) + (s == 1 ? " second" : " seconds");
    }

    /** A number of seconds as written: whole ones without a fraction, others with theirs (1.5, 0.25). */
    static String number(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    /**
     * The {@code jitter=} of a job: a trigger object's own ({@code CronTrigger(hour=2, jitter=120)}), else add_job's or
     * the decorator's. APScheduler 3 builds a trigger from add_job's keywords only when the trigger is named by a string
     * ({@code _create_trigger} returns a trigger object as it is), so add_job's {@code jitter=} beside a trigger object
     * never reaches it and the job runs on time.
     */
    private static Optional<Node> jitter(PythonModule m, Node call, int triggerPosition) {
        Optional<Node> trigger = triggerNode(m, call, triggerPosition);
        if (trigger.isPresent() && trigger.get().kind() == NodeKind.CALL) {
            return PythonModule.arg(trigger.get(), "jitter", -1);
        }
        return PythonModule.arg(call, "jitter", -1);
    }

    /** The trigger argument, followed to the value its name holds ({@code trigger = CronTrigger(...)}). */
    private static Optional<Node> triggerNode(PythonModule m, Node call, int position) {
        return PythonModule.arg(call, "trigger", position).map(trigger -> {
            Node named = m.resolve(trigger);
            return named.kind() == NodeKind.NAME
                    ? assignedInFunction(m, call, Expressions.name(named)).map(m::resolve).orElse(named) : named;
        });
    }

    private static ScheduleSpec trigger(PythonModule m, Node call, int position, SourceRef where, Reading reading) {
        String schedulerZone = reading.schedulerZone();
        Optional<Node> trigger = triggerNode(m, call, position);
        if (trigger.isEmpty()) {
            return new ScheduleSpec(Form.AT_BOOT, "no trigger: once, when the scheduler starts", null, where);
        }
        Node t = trigger.get();
        Optional<String> kind = m.string(t);
        if (kind.isPresent()) {
            return fromKwargs(m, kind.get(), call, where, reading);
        }
        if (t.kind() == NodeKind.CALL) {
            String callee = m.nameOf(t);
            // a trigger object: the scheduler's zone does not reach it (3.x), nor is there one (4.x)
            Reading object = reading.forObject(reading.version4() ? null : awareBoundZone(m, t).orElse(null));
            if (callee.endsWith("CronTrigger.from_crontab")) {
                // from_crontab(expr, timezone=None) in 3.x, timezone="local" in 4.x: the local zone, the host's here
                String tz = PythonModule.arg(t, "timezone", 1).flatMap(z -> zone(m, z)).filter(z -> !z.equals("local"))
                        .orElse(null);
                // from_crontab hands the five words to CronTrigger as its fields: in 3.x day_of_week numbers count
                // from Monday (from_crontab("0 7 * * 1") fires on Tuesdays, checked on 3.9.1), in 4.x from Sunday
                return PythonModule.arg(t, "expr", 0).flatMap(m::string).flatMap(e -> crontabFields(e, object.version4()))
                        .map(e -> new ScheduleSpec(Form.CRON_APSCHEDULER, e, tz, where))
                        .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, t.text().strip(), tz, where));
            }
            if (callee.endsWith("CronTrigger")) {
                return fromKwargs(m, "cron", t, where, object);
            }
            if (callee.endsWith("IntervalTrigger")) {
                return fromKwargs(m, "interval", t, where, object);
            }
            if (callee.endsWith("DateTrigger")) {
                return fromKwargs(m, "date", t, where, object);
            }
        }
        return new ScheduleSpec(Form.UNKNOWN, t.text().strip(), schedulerZone, where);
    }

    /**
     * The zone of an APScheduler 3 trigger object's aware {@code start_date} (else {@code end_date}): a
     * {@code datetime(..., tzinfo=...)} naming one. 3.x's CronTrigger and IntervalTrigger take it when they have no
     * {@code timezone=}; a string start (even with an offset) leaves them in the local zone.
     */
    private static Optional<String> awareBoundZone(PythonModule m, Node trigger) {
        for (String bound : List.of("start_date", "end_date")) {
            Optional<Node> tzinfo = PythonModule.arg(trigger, bound, -1).map(m::resolve)
                    .filter(v -> v.kind() == NodeKind.CALL && List.of("datetime.datetime", "datetime").contains(m.nameOf(v)))
                    .flatMap(v -> new CallView(v).keyword("tzinfo")).map(Argument::value)
                    .filter(z -> !z.text().strip().equals("None"));
            if (tzinfo.isPresent()) {
                return zone(m, tzinfo.get());
            }
        }
        return Optional.empty();
    }

    private static ScheduleSpec fromKwargs(PythonModule m, String kind, Node call, SourceRef where, Reading reading) {
        String schedulerZone = reading.schedulerZone();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Argument a : new CallView(call).arguments()) {
            if (a.keyword() != null && !NOT_TRIGGER_ARGS.contains(a.keyword())) {
                Node v = m.resolve(a.value());
                fields.put(a.keyword(), m.string(v).orElseGet(() -> m.number(v)
                        .map(d -> d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d)).orElse(v.text().strip())));
            }
        }
        String tz = PythonModule.arg(call, "timezone", -1).flatMap(z -> zone(m, z)).filter(z -> !z.equals("local")).orElse(null);
        String written = kind + "(" + String.join(", ", fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")";
        switch (kind) {
            case "interval" -> {
                double seconds = 0;
                for (Map.Entry<String, String> e : fields.entrySet()) {
                    // 4.x's IntervalTrigger also takes microseconds
                    double unit = e.getKey().equals("microseconds") && reading.version4() ? 1e-6
                            : Optional.ofNullable(Durations.unitSeconds(e.getKey())).map(Long::doubleValue).orElse(-1.0);
                    if (unit < 0 || !e.getValue().matches("\\d+(\\.\\d+)?")) {
                        return new ScheduleSpec(Form.UNKNOWN, written, tz, where);
                    }
                    seconds += Double.parseDouble(e.getValue()) * unit;
                }
                if (seconds <= 0) {
                    return new ScheduleSpec(Form.UNKNOWN, written, tz, where);
                }
                String every = Durations.iso(seconds);
                Optional<ApschedulerStart> start = PythonModule.arg(call, reading.version4() ? "start_time" : "start_date", -1)
                        .flatMap(v -> ApschedulerStart.read(m, v, tz != null ? tz : schedulerZone,
                                tz != null ? null : reading.computedZone(), reading.version4(), reading.object(),
                                reading.hostZone()));
                ScheduleSpec spec = new ScheduleSpec(Form.INTERVAL, start.map(s -> "R/" + s.instant() + "/" + every)
                        .orElse(every), tz, where);
                return start.map(ApschedulerStart::unproven).map(spec::withUnproven).orElse(spec);
            }
            case "cron" -> {
                String zone = tz != null ? tz : schedulerZone;
                Optional<String> everySeconds = everyNthSecond(fields);
                if (everySeconds.isPresent()) {
                    return new ScheduleSpec(Form.INTERVAL, everySeconds.get(), zone, where);
                }
                return cron(fields, reading.version4()).map(c -> new ScheduleSpec(Form.CRON_APSCHEDULER, c, zone, where))
                        .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, written, zone, where));
            }
            case "date" -> {
                // a date trigger fires once: at its run_date, or when the scheduler starts without one
                // 4.x's DateTrigger(run_time)
                Optional<Node> runDate = PythonModule.arg(call, reading.version4() ? "run_time" : "run_date",
                        "date".equals(kind) && call != null && m.nameOf(call).endsWith("DateTrigger") ? 0 : -1);
                if (runDate.isEmpty()) {
                    return new ScheduleSpec(Form.AT_BOOT, "date trigger without run_date: once, when the scheduler starts",
                            null, where);
                }
                Optional<String> at = m.string(runDate.get());
                return new ScheduleSpec(Form.EVENT, at.map(d -> "once, at " + d + " (a date trigger)")
                        .orElse("once, at a time the code computes (a date trigger: " + runDate.get().text().strip() + ")"),
                        null, where);
            }
            default -> {
                return new ScheduleSpec(Form.UNKNOWN, written, tz, where);
            }
        }
    }

    /** A crontab expression as from_crontab reads it: its five words as CronTrigger's fields. */
    private static Optional<String> crontabFields(String expr, boolean version4) {
        String[] words = expr.strip().split("\\s+");
        if (words.length != 5) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String[] names = {"minute", "hour", "day", "month", "day_of_week"};
        for (int i = 0; i < 5; i++) {
            fields.put(names[i], words[i]);
        }
        return cron(fields, version4);
    }

    /**
     * APScheduler cron fields as five-field cron. Fields less significant than the most significant one given
     * default to their minimum, the others to '*' (APScheduler's rule); years, weeks, seconds other than 0 and
     * APScheduler-only expressions ({@code last}, {@code 2nd mon}) have no five-field form.
     */
    static Optional<String> cron(Map<String, String> fields) {
        return cron(fields, false);
    }

    /**
     * @param cronWeekdays whether numeric weekdays count as in cron, from Sunday = 0 (7 too): APScheduler 4's
     *                     {@code DayOfWeekField} reads them so; 3.x counts from Monday = 0
     */
    static Optional<String> cron(Map<String, String> fields, boolean cronWeekdays) {
        for (String k : fields.keySet()) {
            if (!CRON_FIELDS.contains(k) || k.equals("year") || k.equals("week")
                    || k.equals("second") && !fields.get(k).equals("0")) {
                return Optional.empty();
            }
        }
        int mostSignificant = CRON_FIELDS.size();
        for (int i = 0; i < CRON_FIELDS.size(); i++) {
            if (fields.containsKey(CRON_FIELDS.get(i))) {
                mostSignificant = Math.min(mostSignificant, i);
            }
        }
        String[] out = new String[5];
        String[] names = {"minute", "hour", "day", "month", "day_of_week"};
        Optional<String[]> special = specialDay(fields.get("day"), fields.get("day_of_week"));
        if (fields.containsKey("day") && special.isEmpty() && !fields.get("day").replace(" ", "").matches("[0-9*/,-]+")) {
            return Optional.empty();
        }
        for (int i = 0; i < 5; i++) {
            if (special.isPresent() && (i == 2 || i == 4)) {
                out[i] = special.get()[i == 2 ? 0 : 1];
                continue;
            }
            String v = fields.get(names[i]);
            int significance = CRON_FIELDS.indexOf(names[i]);
            String dflt = significance > mostSignificant && (names[i].equals("minute") || names[i].equals("hour")) ? "0" : "*";
            out[i] = v == null ? dflt : v.replace(" ", "");
            if (!out[i].matches("[0-9*/,-]+") && !(i == 4 && out[i].matches("[a-zA-Z0-9,-]+"))) {
                return Optional.empty();
            }
            if (i < 4) {
                out[i] = startWithStep(out[i], FIELD_MAX[i]);
            }
        }
        Optional<String> dow = special.isPresent() ? Optional.of(out[4]) : weekdays(out[4].toLowerCase(java.util.Locale.ROOT),
                cronWeekdays);
        if (dow.isEmpty()) {
            return Optional.empty();
        }
        out[4] = dow.get();
        return Optional.of(String.join(" ", out));
    }

    /**
     * APScheduler's day expressions that croniter (Prefect's cron) reads the same way, as the day-of-month and
     * day-of-week fields: {@code last} (the month's last day) is {@code L}, and {@code 2nd mon} (the second Monday of
     * the month) is {@code 1#2} and {@code last fri} is {@code L5}, with any day of the month. Only with no
     * day_of_week of their own: APScheduler requires every field to match, and croniter would read two restricted day
     * fields differently. Empty for any other day (lists, ranges of these), which stays without a five-field form.
     */
    private static Optional<String[]> specialDay(String day, String dayOfWeek) {
        if (day == null || dayOfWeek != null && !dayOfWeek.strip().equals("*")) {
            return Optional.empty();
        }
        String d = day.strip().toLowerCase(java.util.Locale.ROOT);
        if (d.equals("last")) {
            return Optional.of(new String[] {"L", "*"});
        }
        java.util.regex.Matcher lastWeekday = LAST_WEEKDAY.matcher(d);
        if (lastWeekday.matches()) {
            return Optional.of(new String[] {"*", "L" + WEEKDAY_NUMBERS.get(lastWeekday.group(1))});
        }
        java.util.regex.Matcher nth = NTH_WEEKDAY.matcher(d);
        if (nth.matches()) {
            return Optional.of(new String[] {"*", WEEKDAY_NUMBERS.get(nth.group(2)) + "#" + nth.group(1).charAt(0)});
        }
        return Optional.empty();
    }

    /** APScheduler's {@code last y} day: the last weekday y of the month. */
    private static final java.util.regex.Pattern LAST_WEEKDAY =
            java.util.regex.Pattern.compile("last\\s+(mon|tue|wed|thu|fri|sat|sun)");

    /** APScheduler's {@code xth y} day: the x-th weekday y of the month (1st to 5th). */
    private static final java.util.regex.Pattern NTH_WEEKDAY =
            java.util.regex.Pattern.compile("(1st|2nd|3rd|4th|5th)\\s+(mon|tue|wed|thu|fri|sat|sun)");

    /**
     * A cron trigger given only {@code second="*}{@code /n"} (or {@code "0/n"}, {@code "*"}), n dividing 60: every field
     * above it defaults to '*', so it fires every n seconds of every minute, the instants of an interval of n seconds
     * from any whole minute ({@code PT10S}); empty for any other trigger.
     */
    private static Optional<String> everyNthSecond(Map<String, String> fields) {
        String second = fields.get("second");
        if (fields.size() != 1 || second == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*|(?:\\*|0)/([0-9]{1,2})").matcher(second.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        return n > 0 && 60 % n == 0 ? Optional.of(Durations.iso(n)) : Optional.empty();
    }

    /** The largest value of minute, hour, day and month. */
    private static final int[] FIELD_MAX = {59, 23, 31, 12};

    /**
     * APScheduler reads {@code 0/15} as "from 0 to the field's end, every 15"; five-field cron needs the range
     * written ({@code 0-59/15}), and Vixie cron and croniter reject the short form.
     */
    private static String startWithStep(String field, int max) {
        StringBuilder sb = new StringBuilder();
        for (String part : field.split(",", -1)) {
            sb.append(sb.length() == 0 ? "" : ",").append(part.matches("[0-9]+/[0-9]+")
                    ? part.replace("/", "-" + max + "/") : part);
        }
        return sb.toString();
    }

    /**
     * APScheduler 3 counts weekdays from Monday = 0; cron (and APScheduler 4) from Sunday = 0. Names are mapped,
     * 3.x's numbers shifted.
     */
    private static Optional<String> weekdays(String dow, boolean cronNumbers) {
        if (dow.equals("*")) {
            return Optional.of(dow);
        }
        StringBuilder sb = new StringBuilder();
        for (String part : dow.split(",")) {
            String[] range = part.split("-");
            if (range.length > 2 || part.contains("/")) {
                return Optional.empty();
            }
            int[] days = new int[range.length];
            for (int i = 0; i < range.length; i++) {
                String d = WEEKDAY_NUMBERS.get(range[i]);
                if (d == null && !cronNumbers && range[i].matches("[0-6]")) {
                    d = String.valueOf((Integer.parseInt(range[i]) + 1) % 7);
                }
                if (d == null && cronNumbers && range[i].matches("[0-7]")) {
                    d = String.valueOf(Integer.parseInt(range[i]) % 7);
                }
                if (d == null) {
                    return Optional.empty();
                }
                days[i] = Integer.parseInt(d);
            }
            if (range.length == 2 && days[1] < days[0]) {
                if (days[1] != 0) {
                    return Optional.empty();
                }
                days[1] = 7;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(days[0]).append(range.length == 2 ? "-" + days[1] : "");
        }
        return Optional.of(sb.toString());
    }
}
