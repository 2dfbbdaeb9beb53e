package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.AnchoredInterval;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 flows: {@code with Flow("name", ...) as flow:} and {@code flow = Flow("name", ...)}, with the schedule
 * (a schedule or {@code Schedule(clocks=[...])}, zone from the clocks' {@code start_date}), run config, storage and
 * executor given to the constructor or assigned later ({@code flow.run_config = ...}), and {@code flow.register}.
 * The job sits where its schedule is written, else at the {@code Flow(...)} call. A schedule imported from another
 * module of the project ({@code from schedules import every_hour}) is read there, once every file has been seen.
 */
public final class Prefect1FlowDetector extends PythonDetector {
    private static final Map<String, String> PARTS = Map.of("run_config", "PF112", "storage", "PF113", "executor", "PF109");
    /** The arguments of Prefect 1's {@code Schedule(...)} that Prefect 3 schedules cannot hold (PF107). */
    /** The first parameters of Prefect 1.4.1's {@code Flow.__init__}, in order, for arguments passed by position. */
    private static final List<String> POSITIONS = List.of("name", "schedule", "executor");
    /** The job attribute that names the schedules the one in force replaced ({@link #scheduleInForce}). */
    static final String OVERRIDDEN = "schedule.overridden";
    private static final List<String> SCHEDULE_FILTERS = List.of("filters", "or_filters", "not_filters", "adjustments");

    /** Modules that assign a Prefect 1 schedule at their top level, by path (guarded by this detector). */
    private final Map<String, PythonModule> scheduleModules = new HashMap<>();
    /** The project's own subclasses of Prefect 1's Flow, by the path of the module defining them (guarded). */
    private final Map<String, Set<String>> flowClassModules = new HashMap<>();
    /** Flows whose schedule or Flow class is imported from a project module, read in {@link #finish}. */
    private final List<Runnable> waiting = new ArrayList<>();
    /** register() on another module's flow, known once every module's flows are. */
    private final Prefect1Registrations.OfImportedFlows importedRegistrations = new Prefect1Registrations.OfImportedFlows();

    public Prefect1FlowDetector() {
        // a script that registers another module's flow may itself import nothing of Prefect
        super("prefect1-flows", null, "prefect", ".register(");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        // a registration script may load its flows by a name it gets when it runs, with or without a Prefect import
        Prefect1RunTimeModules.report(m, sink);
        if (!m.imports().uses("prefect")) {
            importedRegistrations.offer(m);
            return;
        }
        if (ProjectImports.assignsPrefectSchedule(m.root(), m.imports())) {
            synchronized (this) {
                scheduleModules.put(m.file().path(), m);
            }
        }
        Set<String> subclasses = Prefect1FlowClasses.subclasses(m.root(), m.imports(), Set.of());
        if (!subclasses.isEmpty()) {
            synchronized (this) {
                flowClassModules.put(m.file().path(), subclasses);
            }
        }
        Map<Node, String> bound = boundCalls(m);
        List<Node> reportedParts = new ArrayList<>();
        for (Node call : m.nodes(NodeKind.CALL)) {
            String callee = m.nameOf(call);
            boolean imported = m.qualifiedName(call).isPresent();
            if (Prefect1FlowClasses.FLOW.contains(callee) || !imported && subclasses.contains(callee)
                    || imported && !callee.startsWith("prefect.") && bound.containsKey(call)) {
                // what a flow (or maybe one, of a subclass imported from the project) reports as its settings
                parts(m, call, bound.get(call)).forEach((k, v) -> {
                    // the flow's own finding (PF102) speaks for the classes its schedule is made with
                    if (PARTS.containsKey(k) || k.equals("schedule")) {
                        reportedParts.add(v);
                        reportedParts.add(m.resolve(v));
                    }
                });
            }
            if (Prefect1FlowClasses.FLOW.contains(callee) || !imported && subclasses.contains(callee)) {
                flowCall(m, call, bound.get(call), Prefect1FlowClasses.FLOW.contains(callee) ? null : callee, sink);
            } else if (imported && !callee.startsWith("prefect.") && bound.containsKey(call)) {
                // maybe a Flow subclass of another module of the project: known once every file is seen
                ModulePaths.split(callee).ifPresent(c -> {
                    synchronized (this) {
                        waiting.add(() -> {
                            Optional<String> home = ModulePaths.resolve(m.file().path(), c.module(), flowClassModules.keySet());
                            if (home.isPresent() && flowClassModules.get(home.get()).contains(c.name())) {
                                String variable = bound.get(call);
                                flow(m, call, variable, c.name(),
                                        importedSchedule(m, schedulePart(m, call, variable)).orElse(null), sink);
                            }
                        });
                    }
                });
            }
        }
        Prefect1PartImports.report(m, reportedParts, sink);
        Prefect1Registrations.report(m, sink);
        importedRegistrations.offer(m);
    }

    /** A flow of this module; its schedule, when imported from a project module, is read in {@link #finish}. */
    private void flowCall(PythonModule m, Node call, String variable, String flowClass, InventorySink sink) {
        Optional<ModulePaths.ModuleName> schedule = importedSchedule(m, schedulePart(m, call, variable));
        if (schedule.isPresent()) {
            synchronized (this) {
                waiting.add(() -> flow(m, call, variable, flowClass, schedule.get(), sink));
            }
        } else {
            flow(m, call, variable, flowClass, null, sink);
        }
    }

    @Override
    public void finish(InventorySink sink) {
        waiting.forEach(Runnable::run);
        importedRegistrations.finish(sink);
    }

    /** The schedule the flow runs on, as {@link #flow} reads it. */
    private static Node schedulePart(PythonModule m, Node call, String variable) {
        Map<String, Node> parts = parts(m, call, variable);
        scheduleInForce(m, call, variable, parts);
        return parts.get("schedule");
    }

    /** The module and name a schedule given as an imported name comes from (not Prefect's own names). */
    private static Optional<ModulePaths.ModuleName> importedSchedule(PythonModule m, Node schedule) {
        return schedule == null ? Optional.empty() : ProjectImports.importedName(m.resolve(schedule), m.imports());
    }

    /**
     * The names calls are bound to, by call (identity): {@code with Flow(...) as flow} and {@code flow = Flow(...)};
     * the {@code with} form wins, as it did when each call was looked up on its own.
     */
    private static Map<Node, String> boundCalls(PythonModule m) {
        Map<Node, String> out = new IdentityHashMap<>();
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && a.get().targets().size() == 1) {
                Expressions.dottedName(a.get().targets().get(0)).ifPresent(t -> out.putIfAbsent(Expressions.unwrap(a.get().value()), t));
            }
        }
        for (Node with : m.nodes(NodeKind.WITH)) {
            for (Statements.WithItem item : Statements.withItems(with)) {
                if (item.target() != null) {
                    Expressions.dottedName(item.target()).ifPresent(t -> out.put(Expressions.unwrap(item.context()), t));
                }
            }
        }
        return out;
    }

    /** {@code flow.<attr> = value} assignments after construction. */
    private static Map<String, Node> assignedParts(PythonModule m, String variable) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (variable == null) {
            return out;
        }
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && a.get().targets().size() == 1) {
                String t = Expressions.dottedName(a.get().targets().get(0)).orElse("");
                if (t.startsWith(variable + ".")) {
                    out.put(t.substring(variable.length() + 1), a.get().value());
                }
            }
        }
        return out;
    }

    /** The schedule, run config, storage and executor given to {@code Flow(...)} or assigned to the flow later. */
    private static Map<String, Node> parts(PythonModule m, Node call, String variable) {
        Map<String, Node> parts = new LinkedHashMap<>();
        // Prefect's own Flow also takes them by position: Flow(name, schedule=None, executor=None, ...) (1.4.1 flow.py);
        // a project subclass may define its own __init__, so there only keywords are read
        boolean ownFlow = Prefect1FlowClasses.FLOW.contains(m.nameOf(call));
        for (String key : List.of("schedule", "run_config", "storage", "executor")) {
            int position = ownFlow ? POSITIONS.indexOf(key) : -1;
            PythonModule.arg(call, key, position).ifPresent(v -> parts.put(key, v));
        }
        assignedParts(m, variable).forEach((k, v) -> {
            if (k.equals("schedule") || PARTS.containsKey(k)) {
                parts.put(k, v);
            }
        });
        return parts;
    }

    /**
     * @param flowClass the project's Flow subclass the flow is made with, or null for Prefect's own Flow
     * @param imported  where the schedule is defined when it is imported from another module, else null
     */
    private void flow(PythonModule m, Node call, String variable, String flowClass, ModulePaths.ModuleName imported,
                      InventorySink sink) {
        Map<String, Node> parts = parts(m, call, variable);
        String name = PythonModule.arg(call, "name", 0).flatMap(m::string).orElse(variable == null ? "flow" : variable);
        String overridden = scheduleInForce(m, call, variable, parts);
        // the module that defines the schedule reads it with its own imports and constants
        PythonModule home = m;
        Node schedule = parts.containsKey("schedule") ? m.resolve(parts.get("schedule")) : null;
        if (imported != null) {
            Optional<PythonModule> there = ModulePaths.resolve(m.file().path(), imported.module(), scheduleModules.keySet())
                    .map(scheduleModules::get);
            Optional<Node> value = there.flatMap(t -> t.constant(imported.name()));
            if (value.isPresent()) {
                home = there.get();
                schedule = home.resolve(value.get());
            }
        }
        SourceRef where = home == m && schedule != null ? m.at(schedule) : m.at(call);
        JobBuilder job = new JobBuilder(m.file(), JobKind.PREFECT1_FLOW, name, where, name)
                .command(m.file().path() + (variable == null ? "" : ":" + variable)).overlap(Overlap.ALLOW);
        List<Prefect1EndDate> ends = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<ScheduleSpec> specs = schedule == null ? List.of() : schedules(home, schedule, job, ends, refusals);
        if (!ends.isEmpty()) {
            job.attr(Prefect1EndDate.ATTRIBUTE, String.join(" ; ", ends.stream().map(Prefect1EndDate::when).toList()));
        }
        if (schedule != null && specs.isEmpty()) {
            // a schedule is given but not written as Prefect 1 schedule literals: the job runs on it all the same
            specs = List.of(new ScheduleSpec(Form.UNKNOWN, schedule.text().strip(), null, home.at(schedule)));
        }
        specs.forEach(job::schedule);
        for (String k : PARTS.keySet()) {
            if (parts.containsKey(k)) {
                Node v = m.resolve(parts.get(k));
                String n = m.nameOf(v);
                job.attr(k, n.isEmpty() ? v.text().strip() : n.substring(n.lastIndexOf('.') + 1));
            }
        }
        if (flowClass != null) {
            job.attr("flow_class", flowClass);
        }
        if (overridden != null) {
            job.attr(OVERRIDDEN, overridden);
        }
        // the project a backfill's `prefect run --project` needs, when the registrations name it as a literal
        Prefect1Registrations.project(m, variable).ifPresent(p -> job.attr(Prefect1Registrations.PROJECT, p));
        sink.job(job.build());
        sink.finding(Findings.of("PF102", "Prefect 1 flow " + name + (flowClass == null ? ""
                : " (made with " + flowClass + ", a subclass of Prefect 1's Flow)") + (specs.isEmpty() ? " (no schedule)"
                : " scheduled " + String.join(" ; ", specs.stream().map(ScheduleSpec::expression).toList()))
                + (overridden == null ? "" : "; " + overridden), where, job.id()));
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(PARTS).entrySet()) {
            if (parts.containsKey(e.getKey())) {
                Node v = parts.get(e.getKey());
                sink.finding(Findings.of(e.getValue(), "flow " + name + " sets " + e.getKey() + " " + job.build().attributes()
                        .get(e.getKey()) + ", which Prefect 2 and 3 do not have", m.at(v), job.id()));
            }
        }
        Map<String, String> attributes = job.build().attributes();
        for (String key : SCHEDULE_FILTERS) {
            String value = attributes.get("schedule." + key);
            if (value != null) {
                sink.finding(Findings.of("PF107", "flow " + name + "'s schedule has " + key + "=" + value + ": Prefect 3 "
                        + "schedules have no " + key + ", so the converted schedule also fires at times Prefect 1 "
                        + (key.equals("adjustments") ? "moved" : "skipped") + "; encode it in the cron or RRULE by hand "
                        + "(for Prefect 1's own filters migrate rewrite names the first such time)", where, job.id()));
            }
        }
        for (Prefect1EndDate end : ends) {
            sink.finding(Findings.of("PF107", "flow " + name + "'s schedule has an " + end.note(), where, job.id()));
        }
        for (String refusal : refusals) {
            sink.finding(Findings.of("PF115", "flow " + name + "'s schedule could not have run as written: " + refusal,
                    where, job.id()));
        }
        if (variable != null) {
            for (Node c : m.nodes(NodeKind.CALL)) {
                Node t = Expressions.unwrap(c.nodes().get(0));
                String d = Expressions.dottedName(t).orElse("");
                if (d.equals(variable + ".register") || d.equals(variable + ".run")) {
                    sink.finding(Findings.of("PF108", "flow " + name + " is " + (d.endsWith("register") ? "registered" : "run")
                            + " with the Prefect 1 API: " + d + "()", m.at(c), job.id()));
                }
            }
        }
    }

    /**
     * A schedule given to {@code Flow(...)} and set again with {@code flow.schedule = ...}: the one the flow runs on is
     * {@link Prefect1ScheduleAssignments#inForce} (the last set before the registration), put in {@code parts}; what it
     * replaced, or what comes too late for the registration, is returned as a note, else null.
     */
    private static String scheduleInForce(PythonModule m, Node call, String variable, Map<String, Node> parts) {
        Node statement = null;
        for (Node s : Statements.of(m.root())) {
            boolean made = s.kind() == NodeKind.WITH ? Statements.withItems(s).stream()
                    .anyMatch(i -> Expressions.unwrap(i.context()) == call)
                    : Statements.assignment(s).filter(a -> a.value() != null && Expressions.unwrap(a.value()) == call).isPresent();
            if (made) {
                statement = s;
            }
        }
        if (statement == null || variable == null || variable.contains(".")) {
            return null; // a flow made in a function: its settings are read as they are written (parts)
        }
        int position = Prefect1FlowClasses.FLOW.contains(m.nameOf(call)) ? POSITIONS.indexOf("schedule") : -1;
        Prefect1ScheduleAssignments a = Prefect1ScheduleAssignments.of(m.root(), statement,
                PythonModule.arg(call, "schedule", position).orElse(null), variable);
        if (a.assigned().isEmpty()) {
            return null;
        }
        parts.put("schedule", a.inForce());
        List<String> notes = new ArrayList<>();
        if (!a.overridden().isEmpty()) {
            notes.add("it replaces the schedule " + String.join(", ", a.overridden().stream().map(v -> "`"
                    + v.text().strip() + "` (line " + m.at(v).line() + ")").toList()) + " set before it, as Prefect 1 "
                    + "kept only the last one set");
        }
        for (Node late : a.afterRegistration()) {
            notes.add("`" + late.text().strip() + "` (line " + m.at(late).line() + ") comes after " + variable
                    + ".register(), so the registered flow does not have it (it changes only a later " + variable + ".run())");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** A Prefect 1 schedule: one {@code CronSchedule}/{@code IntervalSchedule}, or {@code Schedule(clocks=[...])}. */
    /** @param refusals where a clock whose start_date raises says why ({@link Prefect1StartDate#refusal}) */
    private static List<ScheduleSpec> schedules(PythonModule m, Node s, JobBuilder job, List<Prefect1EndDate> ends,
                                                List<String> refusals) {
        List<ScheduleSpec> out = new ArrayList<>();
        String simple = simpleName(m, s);
        if (simple.equals("Schedule")) {
            for (String key : SCHEDULE_FILTERS) {
                PythonModule.arg(s, key, -1).ifPresent(f -> job.attr("schedule." + key, f.text().strip()));
            }
            PythonModule.arg(s, "clocks", 0).map(m::resolve).ifPresent(list -> {
                if (list.kind() != NodeKind.LIST && list.kind() != NodeKind.TUPLE) {
                    // clocks built by a comprehension or a helper: as many as a run makes, each at its own time
                    out.add(new ScheduleSpec(Form.UNKNOWN, s.text().strip(), null, m.at(s)));
                    return;
                }
                for (Node clock : list.nodes()) {
                    Node c = m.resolve(clock);
                    out.add(clock(m, c, m.at(s), job, ends, refusals).orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, c.text().strip(), null,
                            m.at(s))));
                }
            });
        } else {
            clock(m, s, m.at(s), job, ends, refusals).ifPresent(out::add);
        }
        return out;
    }

    private static String simpleName(PythonModule m, Node call) {
        String n = call.kind() == NodeKind.CALL ? m.nameOf(call) : "";
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** @param ends where the clock's end_date goes, when it has one */
    private static Optional<ScheduleSpec> clock(PythonModule m, Node c, SourceRef where, JobBuilder job,
                                                List<Prefect1EndDate> ends, List<String> refusals) {
        if (c.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        // the start date's position: IntervalSchedule(start_date, interval), the others (value, start_date) (1.4.1)
        int startAt = simpleName(m, c).equals("IntervalSchedule") ? 0 : 1;
        Prefect1StartDate start = Prefect1StartDate.read(PythonModule.arg(c, "start_date", startAt), source(m));
        Optional<String> refused = start.refusal();
        if (refused.isPresent()) {
            // the module raised where it made this clock: no fire times to read, and no zone to invent for them
            refusals.add(refused.get());
            return Optional.of(new ScheduleSpec(Form.UNKNOWN, c.text().strip(), null, where));
        }
        if (start.kind() == Prefect1StartDate.Kind.RUN_TIME || start.kind() == Prefect1StartDate.Kind.UNREAD
                || start.unnamedOffset()) {
            job.attr("schedule.start_date", startNote(job, start));
        }
        // the clock stops by itself after its end_date (the third argument of every 1.4.1 clock and schedule)
        Prefect1EndDate.read(PythonModule.arg(c, "end_date", 2), source(m)).ifPresent(ends::add);
        // a zone the source names; without one the schedule is UTC, as platform schedules that name none are read
        String tz = start.stated() ? start.zone() : null;
        return clockSpec(m, c, where, start, tz).map(spec -> spec.form() == Form.UNKNOWN ? spec
                : start.unproven(spec.form() == Form.INTERVAL).map(spec::withUnproven).orElse(spec));
    }

    /** The clock's schedule as its source states it; {@link #clock} adds what a start known only at run time leaves open. */
    private static Optional<ScheduleSpec> clockSpec(PythonModule m, Node c, SourceRef where, Prefect1StartDate start,
                                                    String tz) {
        return switch (simpleName(m, c)) {
            case "CronSchedule", "CronClock" -> PythonModule.arg(c, "cron", 0).flatMap(m::string)
                    .map(e -> new ScheduleSpec(Form.CRON_PREFECT, e, tz, where));
            // IntervalSchedule(start_date, interval, ...) but IntervalClock(interval, start_date, ...) (1.4.1 clocks.py)
            case "IntervalSchedule", "IntervalClock" -> PythonModule.arg(c, "interval", -1)
                    .or(() -> PythonModule.arg(c, "interval", simpleName(m, c).equals("IntervalClock") ? 0 : 1))
                    .flatMap(v -> Durations.seconds(m, v))
                    // an interval clock fires at start_date + k * interval, from 2019-01-01 00:00 UTC without one:
                    // that instant is the deployment's anchor; a registration-time start is known only at run time
                    .map(sec -> new ScheduleSpec(Form.INTERVAL, start.intervalStart()
                            .flatMap(s -> intervalExpression(Durations.iso(sec), sec, s, start.zone()))
                            .orElse(Durations.iso(sec)), tz, where));
            case "RRuleClock" -> Optional.of(new ScheduleSpec(Form.UNKNOWN, c.text().strip(), tz, where));
            default -> Optional.empty();
        };
    }

    /**
     * The interval from its start: one instant, from which the clock counts elapsed time, except where 1.4.1's calendar
     * days keep wall-clock times ({@link Prefect1StartDate#keepsWallClock}): the local form {@code R/2022-07-04T06:30/P1D},
     * stepped on the wall clock in the zone.
     */
    private static Optional<String> intervalExpression(String period, double seconds, java.time.LocalDateTime start,
                                                       String zone) {
        if (Prefect1StartDate.keepsWallClock(seconds, zone)) {
            return Optional.of("R/" + start + "/" + period);
        }
        try {
            // pendulum places a start in the repeated fall-back hour at its second occurrence (POST_TRANSITION), as the
            // proof does (IntervalFireTimes.prefect1); java.time's atZone would take the first, an hour earlier
            return Optional.of(AnchoredInterval.expression(period, start.atZone(java.time.ZoneId.of(zone))
                    .withLaterOffsetAtOverlap()));
        } catch (java.time.DateTimeException unknownZone) {
            return Optional.empty();
        }
    }

    /** What a start date that no reading of the source can fix is, added to the notes of the job's other clocks. */
    private static String startNote(JobBuilder job, Prefect1StartDate start) {
        String note = start.unnamedOffset() ? start.offsetNote() : start.text() + (start.kind() == Prefect1StartDate.Kind.RUN_TIME
                ? " (a run-time value: the time the flow was registered" + (start.zone() == null ? ", in that machine's zone" : "")
                        + ", which only running the code tells)"
                : " (not a literal datetime: its value and zone are known only when the code runs)");
        String before = job.build().attributes().get("schedule.start_date");
        return before == null ? note : before + " ; " + note;
    }

    /** The module's names, strings and numbers, for {@link Prefect1StartDate}. */
    private static Prefect1StartDate.Source source(PythonModule m) {
        return new Prefect1StartDate.Source() {
            @Override
            public Node resolve(Node expr) {
                return m.resolve(expr);
            }

            @Override
            public Optional<String> qualifiedName(Node expr) {
                return m.qualifiedName(expr);
            }

            @Override
            public Optional<String> string(Node expr) {
                return m.string(expr);
            }

            @Override
            public Optional<Double> number(Node expr) {
                return m.number(expr);
            }
        };
    }
}
