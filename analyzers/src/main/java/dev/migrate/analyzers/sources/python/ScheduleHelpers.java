package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schedules set on existing deployments through the Prefect 2 client, wrapped in helper functions of the same
 * module: {@code schedule_deployment("etl", "ETL Flow", timedelta(days=1), ...)} where the helper (directly or
 * through other helpers, passing its parameters along) calls {@code client.read_deployment_by_name(f"{flow}/{name}")}
 * and {@code client.update_deployment(..., schedule=IntervalSchedule(interval=interval))}. Each call of the helper
 * with literal arguments is one scheduled deployment. Only names are followed, nothing is evaluated.
 */
final class ScheduleHelpers {
    /** A deployment schedule set by one helper call. */
    record Scheduled(String flowName, String deploymentName, ScheduleSpec schedule, SourceRef where, Node call) {
    }

    /** Which parameters of a helper carry the flow name, the deployment name and the schedule value. */
    private record Binding(String flowParam, String deploymentParam, String scheduleParam, String form) {
        boolean complete() {
            return flowParam != null && deploymentParam != null && scheduleParam != null;
        }
    }

    private static final Pattern FULL_NAME = Pattern.compile("\\{(\\w+)}/\\{(\\w+)}");

    private ScheduleHelpers() {
    }

    static List<Scheduled> find(PythonModule m) {
        Map<String, Node> defs = new HashMap<>();
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            defs.put(new Definitions(def).name(), def);
        }
        Map<String, Binding> bindings = new HashMap<>();
        for (String name : defs.keySet()) {
            binding(m, name, defs, bindings, 0);
        }
        List<Scheduled> out = new ArrayList<>();
        for (Node call : m.nodes(NodeKind.CALL)) {
            String callee = Expressions.dottedName(call.nodes().get(0)).orElse("");
            Binding b = bindings.get(callee);
            if (b == null || !b.complete() || insideHelper(m, call, bindings)) {
                continue;
            }
            List<String> params = new Definitions(defs.get(callee)).parameterNames();
            Optional<Node> flow = argFor(call, params, b.flowParam());
            Optional<Node> deployment = argFor(call, params, b.deploymentParam());
            Optional<Node> schedule = argFor(call, params, b.scheduleParam());
            Optional<String> flowName = flow.flatMap(m::string);
            Optional<String> deploymentName = deployment.flatMap(m::string);
            if (flowName.isEmpty() || deploymentName.isEmpty() || schedule.isEmpty()) {
                continue;
            }
            SourceRef where = m.at(deployment.get());
            ScheduleSpec spec = switch (b.form()) {
                case "interval" -> Durations.seconds(m, schedule.get())
                        .map(s -> new ScheduleSpec(Form.INTERVAL, Durations.iso(s), null, where))
                        .orElse(new ScheduleSpec(Form.UNKNOWN, schedule.get().text().strip(), null, where));
                case "cron" -> m.string(schedule.get()).map(c -> new ScheduleSpec(Form.CRON_PREFECT, c, null, where))
                        .orElse(new ScheduleSpec(Form.UNKNOWN, schedule.get().text().strip(), null, where));
                default -> new ScheduleSpec(Form.UNKNOWN, schedule.get().text().strip(), null, where);
            };
            out.add(new Scheduled(flowName.get(), deploymentName.get(), spec, where, call));
        }
        return out;
    }

    private static boolean insideHelper(PythonModule m, Node call, Map<String, Binding> bindings) {
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Binding b = bindings.get(new Definitions(def).name());
            if (b != null && b.complete() && def.encloses(call)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Node> argFor(Node call, List<String> params, String param) {
        int position = params.indexOf(param);
        return new CallView(call).argument(param, position).map(Argument::value);
    }

    private static Binding binding(PythonModule m, String name, Map<String, Node> defs, Map<String, Binding> memo, int depth) {
        if (memo.containsKey(name) || depth > 6) {
            return memo.get(name);
        }
        memo.put(name, null);
        Node def = defs.get(name);
        List<String> params = new Definitions(def).parameterNames();
        String flow = null;
        String deployment = null;
        String schedule = null;
        String form = null;
        for (Node n : all(def)) {
            if (n.kind() == NodeKind.STRING) {
                Matcher f = FULL_NAME.matcher(n.text());
                if (f.find() && params.contains(f.group(1)) && params.contains(f.group(2))) {
                    flow = f.group(1);
                    deployment = f.group(2);
                }
            }
            if (n.kind() != NodeKind.CALL) {
                continue;
            }
            String callee = m.nameOf(n);
            String simple = callee.substring(callee.lastIndexOf('.') + 1);
            if (simple.equals("IntervalSchedule") || simple.equals("CronSchedule")) {
                String key = simple.equals("IntervalSchedule") ? "interval" : "cron";
                Optional<String> p = PythonModule.arg(n, key, 0).flatMap(Expressions::dottedName).filter(params::contains);
                if (p.isPresent()) {
                    schedule = p.get();
                    form = key;
                }
            }
            String local = Expressions.dottedName(n.nodes().get(0)).orElse("");
            if (defs.containsKey(local) && !local.equals(name)) {
                Binding inner = binding(m, local, defs, memo, depth + 1);
                if (inner != null && inner.complete()) {
                    List<String> innerParams = new Definitions(defs.get(local)).parameterNames();
                    flow = passed(n, innerParams, inner.flowParam(), params).orElse(flow);
                    deployment = passed(n, innerParams, inner.deploymentParam(), params).orElse(deployment);
                    String s = passed(n, innerParams, inner.scheduleParam(), params).orElse(null);
                    if (s != null) {
                        schedule = s;
                        form = inner.form();
                    }
                }
            }
        }
        Binding b = new Binding(flow, deployment, schedule, form);
        memo.put(name, b);
        return b;
    }

    /** The outer parameter passed as {@code innerParam} in a call of an inner helper. */
    private static Optional<String> passed(Node call, List<String> innerParams, String innerParam, List<String> outerParams) {
        return argFor(call, innerParams, innerParam).flatMap(Expressions::dottedName).filter(outerParams::contains);
    }

    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        for (Node c : n.nodes()) {
            out.addAll(all(c));
        }
        return out;
    }
}
