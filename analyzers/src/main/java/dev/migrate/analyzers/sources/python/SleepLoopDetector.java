package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SleepLoopCycle;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Home-made schedulers: a {@code while True:} (or {@code while not stopping:}) loop that works and then calls
 * {@code time.sleep(N)}. The interval is N seconds, or the constant a compensated sleep subtracts the elapsed
 * time from ({@code time.sleep(max(0, INTERVAL - elapsed))}). Loops that only drive another scheduler
 * ({@code schedule.run_pending()}) are that scheduler's, not jobs of their own; loops that sleep less than a
 * second, and loops that leave ({@code break}, {@code return}) after sleeping a computed time (a backoff while
 * waiting for something), are no schedules at all. The loop's interval is its last sleep outside an {@code except}
 * clause (a handler's shorter sleep is the back-off before a retry). A loop that does nothing but sleep and test when
 * to leave ({@code while True: time.sleep(5)} keeping the main thread of an APScheduler BackgroundScheduler alive,
 * {@code while True: if client.ready(): break; time.sleep(1)} waiting for a service) runs no job: no schedule either.
 * A loop never overlaps itself.
 */
public final class SleepLoopDetector extends PythonDetector {
    /** Shorter sleeps pace a screen or a busy poll, not a scheduled job. */
    private static final double MIN_SCHEDULE_SECONDS = 1.0;

    @Override
    public boolean accepts(ScanFile file) {
        return super.accepts(file) && file.text().contains("while");
    }

    public SleepLoopDetector() {
        super("py-loop", null, "sleep(");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        List<Node[]> paced = new ArrayList<>();
        for (Node loop : m.nodes(NodeKind.WHILE)) {
            if (!endless(loop)) {
                continue;
            }
            List<Node> calls = callsIn(loop);
            if (calls.stream().anyMatch(c -> m.nameOf(c).endsWith("run_pending"))) {
                continue;
            }
            // The last sleep paces the loop, unless it is an exception handler's back-off before a retry.
            Set<Node> handling = handlerCalls(loop);
            Node sleep = null;
            Node backOff = null;
            for (Node c : calls) {
                String n = m.nameOf(c);
                if (n.equals("time.sleep") || n.equals("asyncio.sleep")) {
                    if (handling.contains(c)) {
                        backOff = c;
                    } else {
                        sleep = c;
                    }
                }
            }
            if ((sleep != null || backOff != null) && works(m, loop, calls, handling)) {
                paced.add(new Node[] {loop, sleep != null ? sleep : backOff});
            }
        }
        // in the order of their sleeps, as the legacy recipe takes a script's loops (it moves the first it can)
        paced.sort(java.util.Comparator.comparingInt(p -> m.at(p[1]).line()));
        int[] moved = {0};
        for (Node[] p : paced) {
            job(m, p[0], p[1], moved, sink);
        }
    }

    private static boolean isSleep(PythonModule m, Node call) {
        String n = m.nameOf(call);
        return n.equals("time.sleep") || n.equals("asyncio.sleep");
    }

    /**
     * Whether a cycle of the loop does some work: a call that is no sleep (nor inside one's arguments), no exception
     * handler's, and no part of the test of an {@code if} that leaves the loop ({@code if client.ready(): break}).
     */
    private static boolean works(PythonModule m, Node loop, List<Node> calls, Set<Node> handling) {
        Set<Node> idle = Collections.newSetFromMap(new IdentityHashMap<>());
        idle.addAll(handling);
        for (Node c : calls) {
            if (isSleep(m, c)) {
                idle.add(c);
                idle.addAll(callsIn(c));
            }
        }
        leavingTests(loop, idle);
        return calls.stream().anyMatch(c -> !idle.contains(c));
    }

    /** Adds the calls in the tests of the loop's {@code if}/{@code elif} statements whose bodies leave the loop. */
    private static void leavingTests(Node n, Set<Node> out) {
        for (Node c : n.nodes()) {
            NodeKind k = c.kind();
            if (k == NodeKind.FUNCTION_DEF || k == NodeKind.CLASS_DEF || k == NodeKind.LAMBDA
                    || k == NodeKind.FOR || k == NodeKind.WHILE) {
                continue; // an inner loop's break leaves that loop, not this one
            }
            if ((k == NodeKind.IF || k == NodeKind.ELIF_CLAUSE) && !c.nodes().isEmpty() && leavesBody(c)) {
                Node test = c.nodes().get(0);
                if (test.kind() == NodeKind.CALL) {
                    out.add(test);
                }
                out.addAll(callsIn(test));
            }
            leavingTests(c, out);
        }
    }

    /** Whether the statements after an {@code if}'s test (not its elif/else clauses) break out or return. */
    private static boolean leavesBody(Node ifNode) {
        for (Node c : ifNode.nodes().subList(1, ifNode.nodes().size())) {
            if (c.kind() == NodeKind.ELIF_CLAUSE || c.kind() == NodeKind.ELSE_CLAUSE) {
                continue;
            }
            if (c.kind() == NodeKind.BREAK || c.kind() == NodeKind.RETURN || leaves(c, false)) {
                return true;
            }
        }
        return false;
    }

    /** The calls inside the {@code except} clauses of the loop (the same identity as {@link #callsIn}'s). */
    private static Set<Node> handlerCalls(Node n) {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF) {
                continue;
            }
            out.addAll(c.kind() == NodeKind.EXCEPT_CLAUSE ? callsIn(c) : handlerCalls(c));
        }
        return out;
    }

    /** {@code while True}, {@code while 1} or {@code while not <name>}: runs until the process stops. */
    private static boolean endless(Node loop) {
        Node cond = loop.nodes().get(0);
        String t = cond.text().strip();
        return t.equals("True") || t.equals("1") || cond.kind() == NodeKind.UNARY && t.startsWith("not ")
                && cond.nodes().get(0).kind() != NodeKind.CALL;
    }

    /** Whether the loop can end by itself: a {@code break} of its own, or a {@code return}. */
    private static boolean leaves(Node loop) {
        return leaves(loop, false);
    }

    private static boolean leaves(Node n, boolean innerLoop) {
        for (Node c : n.nodes()) {
            NodeKind k = c.kind();
            if (k == NodeKind.FUNCTION_DEF || k == NodeKind.CLASS_DEF || k == NodeKind.LAMBDA) {
                continue;
            }
            if (k == NodeKind.RETURN || k == NodeKind.BREAK && !innerLoop
                    || leaves(c, innerLoop || k == NodeKind.FOR || k == NodeKind.WHILE)) {
                return true;
            }
        }
        return false;
    }

    /** Calls in the loop body, not inside nested function or class definitions (those run elsewhere). */
    private static List<Node> callsIn(Node n) {
        List<Node> out = new ArrayList<>();
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF) {
                continue;
            }
            if (c.kind() == NodeKind.CALL) {
                out.add(c);
            }
            out.addAll(callsIn(c));
        }
        return out;
    }

    /**
     * Reports the loop paced by {@code sleep}; {@code moved} holds the line of the loop of this script the legacy
     * recipe moves, 0 while none is.
     */
    private void job(PythonModule m, Node loop, Node sleep, int[] moved, InventorySink sink) {
        SourceRef where = m.at(sleep);
        String name = m.file().fileName();
        Node arg = PythonModule.arg(sleep, "secs", 0).orElse(null);
        Optional<Double> seconds = arg == null ? Optional.empty() : m.number(arg);
        boolean compensated = false;
        if (seconds.isEmpty() && arg != null) {
            seconds = compensatedInterval(m, arg);
            compensated = seconds.isPresent();
        }
        if (seconds.isPresent() && seconds.get() > 0 && seconds.get() < MIN_SCHEDULE_SECONDS) {
            return; // redraws and busy polls (rich's progress bars sleep 0.01 s): no schedule a deployment could take
        }
        if (seconds.isEmpty() && leaves(loop)) {
            return; // waits for something with a growing delay, then leaves (subprocess.wait's backoff): no schedule
        }
        JobBuilder job = new JobBuilder(m.file(), JobKind.PYTHON_SLEEP_LOOP, name, where, "while@" + enclosing(m, loop))
                .command(m.file().path()).overlap(Overlap.SKIP)
                .attr("loop.sleep", sleep.text().strip());
        if (compensated) {
            job.attr("loop.compensated", "true");
        }
        // what one cycle is, read here once: the cutover's backfill runs one per missed window without reading the script
        LoopCycles.record(m, loop, job);
        Optional<String> gate = clockGate(loop);
        ScheduleSpec spec = gate.isPresent()
                // the sleep only paces the checks: the job runs when the clock test holds, which no interval says
                ? new ScheduleSpec(Form.UNKNOWN, "when " + gate.get() + " holds, checked after each "
                        + seconds.filter(s -> s > 0).map(Durations::iso).orElse(sleep.text().strip()), null, where)
                : seconds.filter(s -> s > 0)
                .map(s -> new ScheduleSpec(Form.INTERVAL, Durations.iso(s), null, where))
                .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, sleep.text().strip(), null, where));
        if (gate.isPresent()) {
            job.attr("loop.clockTest", gate.get());
        }
        job.schedule(spec);
        sink.job(job.build());
        String found = "endless loop in " + name + " sleeps " + (gate.isPresent()
                ? "between checks of the clock (" + gate.get() + ")"
                : compensated
                ? "what is left of " + spec.expression() + " after each cycle"
                : spec.form() == Form.INTERVAL ? spec.expression() + " after each cycle, so start times drift" : "a computed time")
                + ": a home-made scheduler";
        String left = leftToAPerson(m, spec, where, moved);
        sink.finding(left == null ? Findings.of("PYS003", found, where, job.id())
                : Findings.manual("PYS003", found + "; the legacy recipe does not move it: " + left, where, job.id()));
        if (spec.form() == Form.UNKNOWN) {
            sink.finding(Findings.of("PYS005", gate.isPresent()
                    ? "the loop works only when " + gate.get() + " holds, a time of day its sleep does not say: write the"
                            + " deployment's cron from that test"
                    : "cannot read the loop's interval statically: " + spec.expression(), where, job.id()));
        }
    }

    /**
     * Why the legacy recipe leaves this loop to a person, or null when it moves it (the finding's fix is then made):
     * the conditions are the recipe's own, read from {@link SleepLoopCycle}, so the scan claims no fix the recipe does
     * not make.
     */
    private static String leftToAPerson(PythonModule m, ScheduleSpec spec, SourceRef where, int[] moved) {
        if (spec.form() != Form.INTERVAL) {
            return "it has no interval read statically, which the deployment's schedule needs";
        }
        if (!m.syntaxErrors().isEmpty()) {
            return "the script does not parse";
        }
        Optional<SleepLoopCycle> cycle = SleepLoopCycle.around(m.root(), m.file().text(), where.line());
        if (cycle.isEmpty()) {
            return SleepLoopCycle.NO_CYCLE;
        }
        if (moved[0] != 0) {
            return "it moves one loop per script, the one at line " + moved[0] + " of this one";
        }
        moved[0] = cycle.get().line();
        return null;
    }

    /** A test of the time of day or week: {@code now.hour == 2}, {@code time.strftime("%H:%M") == "02:00"}. */
    private static final java.util.regex.Pattern CLOCK_TEST = java.util.regex.Pattern.compile(
            "\\.(hour|minute|tm_hour|tm_min|tm_wday)\\b|\\.(weekday|isoweekday)\\(\\)|strftime\\(");

    /**
     * The test of an {@code if} in the loop's own body that reads the clock and guards work (a call), as written:
     * such a loop runs its job at a time of day, not every time it wakes.
     */
    private static Optional<String> clockGate(Node loop) {
        for (Node c : loop.nodes()) {
            NodeKind k = c.kind();
            if (k == NodeKind.FUNCTION_DEF || k == NodeKind.CLASS_DEF || k == NodeKind.FOR || k == NodeKind.WHILE) {
                continue;
            }
            if ((k == NodeKind.IF || k == NodeKind.ELIF_CLAUSE) && !c.nodes().isEmpty()
                    && CLOCK_TEST.matcher(c.nodes().get(0).text()).find()
                    && c.nodes().subList(1, c.nodes().size()).stream().anyMatch(b -> b.kind() == NodeKind.CALL || !callsIn(b).isEmpty())) {
                return Optional.of(c.nodes().get(0).text().strip());
            }
            Optional<String> inner = clockGate(c);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** The name of the function holding the loop, or "module": a discriminator that survives edits. */
    private static String enclosing(PythonModule m, Node loop) {
        String name = "module";
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            if (def.encloses(loop)) {
                name = new dev.migrate.rewriters.python.query.Definitions(def).name();
            }
        }
        return name;
    }

    /** {@code max(0, INTERVAL - elapsed)} or {@code INTERVAL - elapsed}: the constant INTERVAL. */
    private static Optional<Double> compensatedInterval(PythonModule m, Node arg) {
        Node e = arg;
        if (e.kind() == NodeKind.CALL && m.nameOf(e).equals("max")) {
            Optional<Node> second = PythonModule.arg(e, "", 1);
            if (second.isEmpty()) {
                return Optional.empty();
            }
            e = second.get();
        }
        if (e.kind() == NodeKind.BINARY && e.nodes().size() == 2 && e.tokens().stream().anyMatch(t -> t.text().equals("-"))) {
            return m.number(e.nodes().get(0));
        }
        return Optional.empty();
    }
}
