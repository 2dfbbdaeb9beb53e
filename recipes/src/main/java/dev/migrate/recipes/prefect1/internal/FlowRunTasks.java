package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 {@code StartFlowRun(flow_name=, project_name=, parameters=, wait=)} instances as {@code @task}
 * functions that call {@code run_deployment}. The deployment is the one the flow conversion writes (named after
 * the flow), so the target is {@code "<flow>/<flow>"}. With {@code wait=True} the task fails when the child run
 * does not complete, as StartFlowRun did.
 */
public final class FlowRunTasks {
    private static final Set<String> OWN = Set.of("flow_name", "project_name", "parameters", "wait", "run_name",
            "scheduled_start_time", "idempotency_key");
    private static final Set<String> UNSUPPORTED = Set.of("flow_id", "run_config", "labels", "new_flow_context",
            "poll_interval");

    private FlowRunTasks() {
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** StartFlowRun.run keywords a call may pass, in the order of the generated task's parameters. */
    private static final List<String> RUN_TIME = List.of("flow_name", "project_name", "parameters", "run_name",
            "scheduled_start_time", "idempotency_key");
    /** StartFlowRun.run keyword -> run_deployment keyword, in the order run_deployment is written. */
    private static final Map<String, String> RUN_DEPLOYMENT = orderedMap("parameters", "parameters", "run_name",
            "flow_run_name", "scheduled_start_time", "scheduled_time", "idempotency_key", "idempotency_key");

    /**
     * The run-time keywords the calls of the instance pass (ordering, {@code upstream_tasks=}/{@code wait_for=}, left
     * out), or empty when a call passes something the generated task cannot take (positional arguments, run_config).
     */
    public static Optional<Set<String>> runTimeKeywords(Node module, String name) {
        Set<String> out = new java.util.TreeSet<>();
        for (Node c : Nodes.find(module, NodeKind.CALL)) {
            CallView call = new CallView(c);
            if (call.callee().kind() != NodeKind.NAME || !Expressions.name(call.callee()).equals(name)) {
                continue;
            }
            for (Argument a : call.arguments()) {
                String k = a.keyword();
                if (k == null || !RUN_TIME.contains(k) && !k.equals("upstream_tasks") && !k.equals("wait_for")) {
                    return Optional.empty();
                }
                if (RUN_TIME.contains(k)) {
                    out.add(k);
                }
            }
        }
        return Optional.of(out);
    }

    /**
     * Why the deployment of a flow the instance starts (its own flow_name, or one a call passes) cannot be named:
     * the flow gets no deployment from the migration, or flow_name is not a string literal; empty when each has one.
     */
    public static Optional<String> undeployedFlow(Node module, String name, CallView ctor, ProjectFlows flows,
                                                  String path) {
        Imports imports = Imports.of(module);
        List<Node> flowNames = new ArrayList<>();
        ctor.keyword("flow_name").ifPresent(a -> flowNames.add(a.value()));
        for (Node c : Nodes.find(module, NodeKind.CALL)) {
            CallView call = new CallView(c);
            if (call.callee().kind() == NodeKind.NAME && Expressions.name(call.callee()).equals(name)) {
                call.keyword("flow_name").ifPresent(a -> flowNames.add(a.value()));
            }
        }
        for (Node n : flowNames) {
            Optional<String> flow = flows.flowName(n, imports, path);
            if (flow.isEmpty()) {
                return Optional.of("its flow_name `" + Expressions.unwrap(n).print().strip() + "` is not a string the "
                        + "migration can read (a literal, a module constant or a project flow's .name)");
            }
            if (flows.deploymentOf(flow.get()).isEmpty()) {
                return Optional.of("it starts flow '" + flow.get() + "', whose deployment name the migration cannot know: "
                        + flows.whyNone(flow.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Empty when the instance uses options with no run_deployment form. When calls pass run-time arguments
     * ({@code runTime}), the task takes them as parameters whose defaults are the instance's options, as
     * StartFlowRun.run did; {@code project_name} is taken and ignored (Prefect 3 has no projects).
     */
    public static Optional<String> function(String name, CallView ctor, Set<String> runTime, Optional<String> flow) {
        if (runTime.isEmpty() && flow.isEmpty()) {
            return Optional.empty();
        }
        List<String> taskOptions = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>(); // StartFlowRun.run keyword -> the instance's value
        boolean wait = false;
        for (Argument a : ctor.arguments()) {
            String k = a.keyword();
            String value = a.value().print().strip();
            if (k == null || UNSUPPORTED.contains(k)) {
                return Optional.empty();
            }
            if (k.equals("wait")) {
                wait = value.equals("True");
            } else if (RUN_TIME.contains(k)) {
                given.put(k, value);
            } else if (!OWN.contains(k)) {
                taskOptions.add(k + "=" + value);
            }
        }
        List<String> params = new ArrayList<>();
        List<String> args = new ArrayList<>();
        if (runTime.isEmpty()) {
            args.add("name=" + PyValues.quoted(flow.get() + "/" + flow.get()));
            given.forEach((k, v) -> {
                if (RUN_DEPLOYMENT.containsKey(k)) {
                    args.add(RUN_DEPLOYMENT.get(k) + "=" + v);
                }
            });
        } else {
            RUN_TIME.forEach(k -> params.add(k + "=" + (k.equals("project_name") ? "None" : given.getOrDefault(k, "None"))));
            args.add("name=f\"{flow_name}/{flow_name}\"");
            RUN_DEPLOYMENT.forEach((k, v) -> args.add(v + "=" + k));
        }
        args.add(wait ? "timeout=None" : "timeout=0");
        StringBuilder sb = new StringBuilder();
        sb.append(TaskDefinitions.decorator(taskOptions)).append("\n");
        sb.append("def ").append(name).append("(").append(String.join(", ", params)).append("):\n");
        sb.append("    flow_run = run_deployment(").append(String.join(", ", args)).append(")\n");
        if (wait) {
            sb.append("    if flow_run.state is None or not flow_run.state.is_completed():\n");
            sb.append("        raise RuntimeError(f\"flow run {flow_run.name} ended in state {flow_run.state}\")\n");
        }
        sb.append("    return flow_run.id\n");
        return Optional.of(sb.toString());
    }
}
