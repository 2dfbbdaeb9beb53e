package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;

/**
 * Jobs of the {@code schedule} library: {@code schedule.every(n).unit[.at(time[, tz])].do(job)}, on the
 * module or on a {@code schedule.Scheduler()} instance. Daily, hourly and weekday jobs at a time become
 * cron; the rest are intervals counted from the scheduler's start.
 */
public final class ScheduleLibDetector extends PythonDetector {
    private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday");

    public ScheduleLibDetector() {
        super("py-schedule", "schedule", "schedule");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        for (Node call : m.nodes(NodeKind.CALL)) {
            CallChain chain = CallChain.of(call);
            if (chain.links().size() < 3 || !chain.links().get(chain.links().size() - 1).name().equals("do")
                    || call != chain.links().get(chain.links().size() - 1).call() || chain.find("every") == null
                    || chain.find("every").call() == null || !isScheduleRoot(m, chain.root())) {
                continue;
            }
            job(m, chain, call, sink);
        }
    }

    private static boolean isScheduleRoot(PythonModule m, Node root) {
        String n = m.nameOf(root);
        return n.equals("schedule") || n.startsWith("schedule.") || root.kind() == NodeKind.NAME;
    }

    private void job(PythonModule m, CallChain chain, Node doCall, InventorySink sink) {
        Node target = PythonModule.arg(doCall, "job_func", 0).orElse(null);
        String jobName = target == null ? "job" : Expressions.dottedName(target).orElse(target.text().strip());
        SourceRef where = m.at(target != null ? target : doCall);
        JobBuilder job = new JobBuilder(m.file(), JobKind.PYTHON_SCHEDULE_LIB, jobName, where, chainText(chain))
                .command(m.file().path() + ":" + jobName).overlap(Overlap.SKIP);
        ScheduleSpec spec = spec(m, chain, where);
        job.schedule(spec);
        CallChain.Link tag = chain.find("tag");
        if (tag != null && tag.call() != null) {
            PythonModule.arg(tag.call(), "tag", 0).flatMap(m::string).ifPresent(t -> job.attr("schedule.tag", t));
        }
        sink.job(job.build());
        sink.finding(Findings.of("PYS001", "schedule library job " + jobName + " (" + spec.expression()
                + ") runs inside a Python process, not an orchestrator", where, job.id()));
        if (spec.form() == Form.UNKNOWN) {
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

    private static ScheduleSpec spec(PythonModule m, CallChain chain, SourceRef where) {
        Node every = chain.find("every").call();
        double n = PythonModule.arg(every, "interval", 0).flatMap(m::number).orElse(1.0);
        String unit = null;
        for (CallChain.Link l : chain.links()) {
            if (Durations.unitSeconds(l.name()) != null || WEEKDAYS.contains(l.name())) {
                unit = l.name();
            }
        }
        CallChain.Link at = chain.find("at");
        String time = at == null || at.call() == null ? null
                : PythonModule.arg(at.call(), "time_str", 0).flatMap(m::string).orElse(null);
        String tz = at == null || at.call() == null ? null
                : PythonModule.arg(at.call(), "tz", 1).flatMap(m::string).orElse(null);
        // A weekday without .at() runs on that weekday at the time of day the process started: no fixed clock.
        if (unit == null || chain.find("to") != null || at != null && time == null || time == null && WEEKDAYS.contains(unit)) {
            return new ScheduleSpec(Form.UNKNOWN, chainText(chain), tz, where);
        }
        if (time == null) {
            return new ScheduleSpec(Form.INTERVAL, Durations.iso(n * Durations.unitSeconds(unit)), tz, where);
        }
        Optional<String> cron = cron(unit, n, time);
        return cron.map(c -> new ScheduleSpec(Form.CRON_UNIX, c, tz, where))
                .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, chainText(chain), tz, where));
    }

    /** {@code day} + "HH:MM", {@code hour} + ":MM", weekday + "HH:MM" as five-field cron; seconds must be 0. */
    private static Optional<String> cron(String unit, double n, String time) {
        String[] p = time.split(":");
        if (n != 1 || p.length < 2 || p.length > 3 || p.length == 3 && !p[2].matches("0+")) {
            return Optional.empty();
        }
        if ((unit.equals("hour") || unit.equals("hours")) && p[0].isEmpty() && p.length == 2 && p[1].matches("\\d\\d")) {
            return Optional.of(Integer.parseInt(p[1]) + " * * * *");
        }
        if (!p[0].matches("\\d\\d?") || !p[1].matches("\\d\\d")) {
            return Optional.empty();
        }
        String hm = Integer.parseInt(p[1]) + " " + Integer.parseInt(p[0]) + " * * ";
        if (unit.equals("day") || unit.equals("days")) {
            return Optional.of(hm + "*");
        }
        int dow = WEEKDAYS.indexOf(unit);
        return dow >= 0 ? Optional.of(hm + dow) : Optional.empty();
    }
}
