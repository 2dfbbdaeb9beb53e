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
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Optional;

/**
 * Jobs of the {@code schedule} library: {@code schedule.every(n)[.to(m)].unit[.at(time[, tz])][.until(t)].do(job)}, on
 * the module or on a {@code schedule.Scheduler()} instance. {@link ScheduleLibReading} says what the chain means:
 * jobs at a time of day, hour or minute become cron, the rest intervals; what Prefect cannot say the same way is a
 * decision, reported as a finding and kept in the {@link #DECISIONS} attribute for the legacy recipe's notes.
 */
public final class ScheduleLibDetector extends PythonDetector {
    /** Attribute: the decisions the translation made, one sentence a line, which the legacy recipe notes. */
    public static final String DECISIONS = "schedule.decisions";
    /** Attribute: {@code until()}'s argument as written; the job stopped after it. */
    public static final String UNTIL = "schedule.until";
    /** Attribute: the last local time (ISO, scheduler host's clock) at which an absolute {@code until()} lets the job run. */
    public static final String DEADLINE = "schedule.deadline";

    public ScheduleLibDetector() {
        super("py-schedule", "schedule", "schedule");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        for (Node call : m.nodes(NodeKind.CALL)) {
            CallChain chain = unitByName(m, importedEvery(m, CallChain.of(call)));
            if (chain.links().size() < 3 || !chain.links().get(chain.links().size() - 1).name().equals("do")
                    || call != chain.links().get(chain.links().size() - 1).call() || chain.find("every") == null
                    || chain.find("every").call() == null || !isScheduleRoot(m, chain.root())) {
                continue;
            }
            job(m, chain, call, sink);
        }
    }

    /**
     * {@code from schedule import every} then {@code every().monday.do(job)}: the chain starts at the imported
     * {@code every()} call, read as the module's {@code schedule.every()} link so the rest of the reading is the same.
     */
    private static CallChain importedEvery(PythonModule m, CallChain chain) {
        Node root = chain.root();
        if (root.kind() != NodeKind.CALL || !m.nameOf(root).equals("schedule.every")
                || Expressions.unwrap(root.nodes().get(0)).kind() != NodeKind.NAME) {
            return chain;
        }
        java.util.List<CallChain.Link> links = new java.util.ArrayList<>();
        links.add(new CallChain.Link("every", root));
        links.addAll(chain.links());
        return new CallChain(Expressions.unwrap(root.nodes().get(0)), links);
    }

    /**
     * {@code getattr(schedule.every(), SEND_DAY).at(SEND_TIME).do(job)}: a unit or weekday named by a setting. The
     * chain is read through the getattr, with a unit link no reading knows, so the job is listed with its schedule
     * unknown rather than missed.
     */
    private static CallChain unitByName(PythonModule m, CallChain chain) {
        Node root = chain.root();
        if (root.kind() != NodeKind.CALL || !m.nameOf(root).equals("getattr")) {
            return chain;
        }
        Optional<Node> target = PythonModule.arg(root, "", 0);
        Optional<Node> attribute = PythonModule.arg(root, "", 1);
        if (target.isEmpty() || attribute.isEmpty()) {
            return chain;
        }
        CallChain inner = importedEvery(m, CallChain.of(target.get()));
        if (inner.find("every") == null || inner.find("every").call() == null || !isScheduleRoot(m, inner.root())) {
            return chain;
        }
        java.util.List<CallChain.Link> links = new java.util.ArrayList<>(inner.links());
        links.add(new CallChain.Link("getattr(" + attribute.get().text().strip() + ")", null));
        links.addAll(chain.links());
        return new CallChain(inner.root(), links);
    }

    private static boolean isScheduleRoot(PythonModule m, Node root) {
        String n = m.nameOf(root);
        return n.equals("schedule") || n.startsWith("schedule.") || root.kind() == NodeKind.NAME;
    }

    /**
     * The job a {@code .do(runner, job)} hands to a function of the module that starts its first parameter in a thread
     * ({@code threading.Thread(target=job_func).start()}); empty for any other {@code do()}.
     */
    private static Optional<String> threadedJob(PythonModule m, Node target, Node doCall) {
        Optional<String> runnerName = Expressions.dottedName(target).filter(n -> !n.contains("."));
        Optional<Node> jobArg = PythonModule.arg(doCall, "", 1).flatMap(a -> Expressions.dottedName(a).map(n -> a));
        if (runnerName.isEmpty() || jobArg.isEmpty()) {
            return Optional.empty();
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (!d.name().equals(runnerName.get()) || d.parameterNames().isEmpty()) {
                continue;
            }
            String param = d.parameterNames().get(0);
            boolean startsThread = m.nodes(NodeKind.CALL).stream()
                    .filter(c -> m.nameOf(c).equals("threading.Thread") && inside(def, c))
                    .anyMatch(c -> PythonModule.arg(c, "target", -1).map(Expressions::unwrap)
                            .filter(t -> t.kind() == NodeKind.NAME && Expressions.name(t).equals(param)).isPresent());
            if (startsThread) {
                return Expressions.dottedName(jobArg.get());
            }
        }
        return Optional.empty();
    }

    private static boolean inside(Node outer, Node inner) {
        for (Node c : outer.nodes()) {
            if (c == inner || inside(c, inner)) {
                return true;
            }
        }
        return false;
    }

    private void job(PythonModule m, CallChain chain, Node doCall, InventorySink sink) {
        Node target = PythonModule.arg(doCall, "job_func", 0).orElse(null);
        String written = target == null ? "job" : Expressions.dottedName(target).orElse(target.text().strip());
        // .do(run_threaded, job): the schedule library's recipe for running a job in a thread of its own; the job is the
        // argument, and runs may overlap (each start is a new thread)
        Optional<String> threaded = target == null ? Optional.empty() : threadedJob(m, target, doCall);
        String runner = threaded.isPresent() ? written : null;
        String jobName = threaded.orElse(written);
        SourceRef where = m.at(target != null ? target : doCall);
        JobBuilder job = new JobBuilder(m.file(), JobKind.PYTHON_SCHEDULE_LIB, jobName, where, chainText(chain))
                .command(m.file().path() + ":" + jobName).overlap(runner != null ? Overlap.ALLOW : Overlap.SKIP);
        if (runner != null) {
            job.attr("schedule.runner", runner + " (starts each run in a new thread)");
        }
        ScheduleLibReading reading = ScheduleLibReading.of(m, chain, chainText(chain), where);
        ScheduleSpec spec = reading.spec();
        job.schedule(spec);
        CallChain.Link tag = chain.find("tag");
        if (tag != null && tag.call() != null) {
            PythonModule.arg(tag.call(), "tag", 0).flatMap(m::string).ifPresent(t -> job.attr("schedule.tag", t));
        }
        if (!reading.decisions().isEmpty()) {
            job.attr(DECISIONS, String.join("\n", reading.decisions().stream().map(d -> d.text()).toList()));
        }
        if (reading.until() != null) {
            job.attr(UNTIL, reading.until().written());
            // Only a deadline on the same clock as the schedule: with an at() zone the library still read it on the host's.
            if (reading.until().deadline() != null && spec.timezone() == null) {
                job.attr(DEADLINE, reading.until().deadline().toString());
            }
        }
        sink.job(job.build());
        sink.finding(Findings.of("PYS001", "schedule library job " + jobName + " " + ShownSchedules.of(spec)
                + " runs inside a Python process, not an orchestrator", where, job.id()));
        reading.decisions().forEach(d -> sink.finding(Findings.of(d.code(), "schedule library job " + jobName + ": "
                + d.text(), where, job.id())));
        // A random interval's decision already is the PYS005 that says why there is no schedule.
        if (spec.form() == Form.UNKNOWN && reading.decisions().stream().noneMatch(d -> d.code().equals("PYS005"))) {
            sink.finding(Findings.of("PYS005", "cannot read the schedule of " + jobName + " statically: "
                    + spec.expression(), where, job.id()));
        }
    }

    /** A stable discriminator: the chain's unit and time words, never a line number. */
    private static String chainText(CallChain chain) {
        StringBuilder sb = new StringBuilder();
        chain.links().forEach(l -> sb.append('.').append(l.name()).append(l.call() == null ? ""
                : l.call().nodes().size() > 1 ? l.call().nodes().get(1).text().strip() : "()"));
        return sb.toString();
    }
}
