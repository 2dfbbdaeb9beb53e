package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.cron.CronCommands;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cron jobs that a Python script installs with python-crontab: {@code job = tab.new(command=..., comment=...)},
 * then {@code job.setall("30 6 * * 1")}, or the fields one by one ({@code job.minute.on(0)},
 * {@code job.hour.every(4)}, {@code job.dow.during("MON", "FRI")}), or {@code job.every_reboot()}. The job runs
 * under cron; the script only writes it into the crontab, so moving it means a deployment plus removing the
 * {@code tab.new(...)} call, by hand.
 */
public final class PythonCrontabDetector extends PythonDetector {
    /** python-crontab's field attributes, in crontab order. */
    private static final List<String> FIELDS = List.of("minute", "hour", "day", "month", "dow");
    private static final Map<String, Integer> FIELD_ALIASES = Map.of("minutes", 0, "hours", 1, "dom", 2, "day", 2,
            "months", 3, "dows", 4);

    public PythonCrontabDetector() {
        super("python-crontab", "crontab", "CronTab");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        if (m.callsTo("crontab.CronTab").isEmpty()) {
            return;
        }
        for (Node stmt : m.nodes(NodeKind.ASSIGN)) {
            Optional<Statements.Assignment> a = Statements.assignment(stmt);
            if (a.isEmpty() || a.get().targets().size() != 1 || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            Node value = Expressions.unwrap(a.get().value());
            CallChain chain = CallChain.of(value);
            if (value.kind() != NodeKind.CALL || chain.links().size() != 1 || !chain.links().get(0).name().equals("new")) {
                continue;
            }
            Optional<String> command = PythonModule.arg(value, "command", 0).flatMap(m::string);
            if (command.isEmpty()) {
                continue;
            }
            job(m, Expressions.name(a.get().targets().get(0)), value, command.get(), sink);
        }
    }

    private void job(PythonModule m, String variable, Node newCall, String command, InventorySink sink) {
        String comment = PythonModule.arg(newCall, "comment", 1).flatMap(m::string).orElse(null);
        // CronTab(user="etl") writes etl's crontab; user=True (or nothing) the crontab of whoever runs the script
        String user = m.callsTo("crontab.CronTab").stream().map(c -> PythonModule.arg(c, "user", 0).flatMap(m::string))
                .flatMap(Optional::stream).findFirst().orElse(null);
        String name = comment != null && !comment.isBlank() ? comment : CronCommands.name(command);
        SourceRef where = m.at(newCall);
        ScheduleSpec spec = schedule(m, variable, where);
        JobBuilder job = new JobBuilder(m.file(), JobKind.CRON, name, where, command + "\n" + spec.expression())
                .command(command).schedule(spec).user(user)
                .attr("crontab.embeddedIn", "python-crontab script " + m.file().path())
                .attr("crontab.format", "user");
        sink.job(job.build());
        sink.finding(Findings.of("PYS006", "the script installs cron job " + name + " (" + spec.expression()
                + ") with python-crontab; once a Prefect deployment runs it, remove the " + variable
                + " = ....new(...) call so that the next install does not put it back", where, job.id()));
        if (spec.form() == Form.UNKNOWN) {
            sink.finding(Findings.of("PYS005", "cannot read the schedule of " + name + " statically: "
                    + spec.expression(), where, job.id()));
        }
    }

    /** The schedule the statements on {@code variable} give the job; python-crontab starts a new job at "* * * * *". */
    private static ScheduleSpec schedule(PythonModule m, String variable, SourceRef where) {
        String[] fields = {"*", "*", "*", "*", "*"};
        List<String> unread = new ArrayList<>();
        Set<Node> inner = Collections.newSetFromMap(new IdentityHashMap<>()); // job.every(5) inside job.every(5).hours()
        for (Node call : m.nodes(NodeKind.CALL)) {
            CallChain chain = CallChain.of(call);
            if (inner.contains(call) || chain.root().kind() != NodeKind.NAME
                    || !Expressions.name(chain.root()).equals(variable)
                    || chain.links().isEmpty() || chain.links().get(chain.links().size() - 1).call() != call) {
                continue;
            }
            chain.links().forEach(l -> {
                if (l.call() != null && l.call() != call) {
                    inner.add(l.call());
                }
            });
            List<String> names = chain.links().stream().map(CallChain.Link::name).toList();
            if (names.equals(List.of("setall"))) {
                Optional<String> all = PythonModule.arg(call, "args", 0).flatMap(m::string);
                if (all.isPresent() && all.get().strip().split("\\s+").length == 5) {
                    fields = all.get().strip().split("\\s+");
                } else {
                    unread.add(call.text().strip());
                }
            } else if (names.equals(List.of("every_reboot"))) {
                return new ScheduleSpec(Form.AT_BOOT, "@reboot", null, where);
            } else if (names.size() == 2 && field(names.get(0)) >= 0) {
                Optional<String> value = fieldValue(m, names.get(1), call);
                if (value.isPresent()) {
                    fields[field(names.get(0))] = value.get();
                } else {
                    unread.add(call.text().strip());
                }
            } else if (!names.equals(List.of("enable")) && !names.equals(List.of("set_comment"))) {
                unread.add(call.text().strip()); // every(n).hours(), clear(), ... : not read here
            }
        }
        String cron = String.join(" ", fields);
        return unread.isEmpty() ? new ScheduleSpec(Form.CRON_UNIX, cron, null, where)
                : new ScheduleSpec(Form.UNKNOWN, cron + " with " + String.join("; ", unread), null, where);
    }

    private static int field(String name) {
        int i = FIELDS.indexOf(name);
        return i >= 0 ? i : FIELD_ALIASES.getOrDefault(name, -1);
    }

    /** {@code on(a, b)} as "a,b", {@code every(n)} as "*}{@code /n", {@code during(a, b)} as "a-b"; numbers or names. */
    private static Optional<String> fieldValue(PythonModule m, String method, Node call) {
        List<String> args = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Node> arg = PythonModule.arg(call, "arg" + i, i);
            if (arg.isEmpty()) {
                break;
            }
            Optional<String> v = m.number(arg.get()).filter(d -> d == Math.rint(d)).map(d -> String.valueOf(d.longValue()))
                    .or(() -> m.string(arg.get()).filter(s -> s.matches("[A-Za-z0-9]+")));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            args.add(v.get());
        }
        return switch (method) {
            case "on" -> args.isEmpty() ? Optional.empty() : Optional.of(String.join(",", args));
            case "every" -> args.size() == 1 ? Optional.of("*/" + args.get(0)) : Optional.empty();
            case "during" -> args.size() == 2 ? Optional.of(args.get(0) + "-" + args.get(1)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
