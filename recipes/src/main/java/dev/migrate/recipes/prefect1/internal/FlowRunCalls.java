package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1's {@code create_flow_run(...)} and {@code wait_for_flow_run(...)} task calls inside (converted) flow
 * functions, as {@code run_deployment} calls. The deployment is the one the flow conversion writes for the child
 * flow (named after it), so the target is {@code "<flow>/<flow>"}. A create whose id only feeds one
 * {@code wait_for_flow_run} becomes one waiting call ({@code timeout=None}) where the run was created, and the
 * wait hands over the run (raising when {@code raise_final_state=True} and the run did not complete); a create
 * on its own starts the run and returns its id ({@code timeout=0}).
 */
public final class FlowRunCalls {
    static final Set<String> CREATE = Set.of("prefect.tasks.prefect.create_flow_run",
            "prefect.tasks.prefect.flow_run.create_flow_run");
    static final Set<String> WAIT = Set.of("prefect.tasks.prefect.wait_for_flow_run",
            "prefect.tasks.prefect.flow_run.wait_for_flow_run");
    /** create_flow_run keyword -> run_deployment keyword. */
    private static final Map<String, String> CREATE_ARGS = Map.of("parameters", "parameters", "run_name", "flow_run_name",
            "scheduled_start_time", "scheduled_time", "idempotency_key", "idempotency_key");
    /** Keywords dropped with a note: ordering is the statement order in a Prefect 3 flow, projects are gone. */
    private static final Set<String> CREATE_DROPPED = Set.of("project_name", "wait_for", "task_args");
    static final Set<String> GET_RESULT = Set.of("prefect.tasks.prefect.get_task_run_result",
            "prefect.tasks.prefect.flow_run.get_task_run_result");
    private static final Set<String> WAIT_ARGS = Set.of("flow_run_id", "stream_states", "stream_logs",
            "raise_final_state", "max_duration", "wait_for");

    private FlowRunCalls() {
    }

    /** The result of one edit: the new tree and what to tell the user. */
    public record Edit(Node root, Node at, String message) {
    }

    /**
     * The next create_flow_run inside a function turned into run_deployment, or null when none is left. A call
     * whose flow gets no deployment from the migration ({@code flows}) is left for {@link #manualMessage}.
     */
    public static Edit next(Node root, Imports imports, PythonStyle style, ProjectFlows flows, String sourcePath) {
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            if (!imports.qualifiedName(call).filter(CREATE::contains).isPresent()) {
                continue;
            }
            List<Node> path = TreeEdits.path(root, call);
            Node function = null;
            for (Node n : path) {
                if (n.kind() == NodeKind.FUNCTION_DEF) {
                    function = n;
                }
            }
            if (function == null) {
                continue; // still a Prefect 1 graph: it would run at build time
            }
            Optional<String> flow = new CallView(call).keyword("flow_name")
                    .flatMap(a -> flows.flowName(a.value(), imports, sourcePath));
            Optional<String> deployment = flow.flatMap(flows::deploymentOf);
            Optional<List<String>> args = deployment.flatMap(d -> arguments(new CallView(call), d));
            if (args.isEmpty()) {
                continue;
            }
            Node clean = Todos.remove(root, call, "PF110", FlowRunCalls::settled);
            Optional<Edit> pair = pair(clean, function, call, args.get(), imports, style);
            if (pair.isPresent()) {
                return pair.get();
            }
            String code = "run_deployment(" + String.join(", ", args.get()) + ", timeout=0).id";
            return new Edit(TreeEdits.replace(clean, call, Snippets.expression(code, style)), call,
                    "create_flow_run starts deployment '" + deployment.get() + "' (the deployment the flow conversion "
                            + "writes for flow '" + flow.get() + "') without waiting; the result is the flow run id");
        }
        return null;
    }

    /**
     * run_deployment arguments without timeout, targeting {@code deployment} ("flow/deployment"), or empty when an
     * argument has no run_deployment form.
     */
    private static Optional<List<String>> arguments(CallView create, String deployment) {
        return unsupported(create).isEmpty() ? Optional.of(runDeploymentArguments(create, deployment)) : Optional.empty();
    }

    private static List<String> runDeploymentArguments(CallView create, String deployment) {
        List<String> out = new ArrayList<>();
        out.add("name=" + PyValues.quoted(deployment));
        for (Argument a : create.arguments()) {
            if (a.keyword() != null && CREATE_ARGS.containsKey(a.keyword())) {
                out.add(CREATE_ARGS.get(a.keyword()) + "=" + a.value().print().strip());
            }
        }
        return out;
    }

    /** The arguments of a create_flow_run call that run_deployment has no form for, as written. */
    private static List<String> unsupported(CallView create) {
        List<String> out = new ArrayList<>();
        for (Argument a : create.arguments()) {
            String k = a.keyword();
            if (k == null || !CREATE_ARGS.containsKey(k) && !k.equals("flow_name") && !CREATE_DROPPED.contains(k)) {
                out.add(Todos.oneLine(a.node().print().strip()));
            }
        }
        return out;
    }

    /**
     * What a person has to write for a Prefect 1 flow-run task call left in place (a create_flow_run whose
     * deployment is unknown or whose arguments have no run_deployment form, a wait_for_flow_run not paired with
     * one, get_task_run_result), or empty for other calls.
     */
    public static Optional<String> manualMessage(Node call, Imports imports, ProjectFlows flows, String path) {
        String q = imports.qualifiedName(call).orElse("");
        CallView view = new CallView(call);
        if (CREATE.contains(q)) {
            Optional<String> flow = view.keyword("flow_name").flatMap(a -> flows.flowName(a.value(), imports, path));
            List<String> unsupported = unsupported(view);
            String target = flow.flatMap(flows::deploymentOf).or(() -> flow.map(f -> f + "/<deployment>"))
                    .orElse("<flow>/<deployment>");
            String suggestion = "run_deployment(" + String.join(", ", runDeploymentArguments(view, target))
                    + ", timeout=None) (from prefect.deployments), which waits for the run as create_flow_run + "
                    + "wait_for_flow_run did (timeout=0 starts it and returns at once, as create_flow_run alone did)";
            if (!unsupported.isEmpty()) {
                return Optional.of("create_flow_run passes " + String.join(", ", unsupported) + ", which run_deployment "
                        + "has no form for (labels and run_config chose the agent and its settings: they belong to the "
                        + "deployment's work pool, or job_variables=; flow_id: name the flow's deployment); write "
                        + suggestion);
            }
            if (flow.isEmpty()) {
                return Optional.of("create_flow_run's flow_name is not a string the migration can read (a literal, a "
                        + "module constant or a project flow's .name), so the deployment it targets "
                        + "cannot be named; write " + suggestion);
            }
            return Optional.of("create_flow_run starts flow '" + flow.get() + "', whose deployment name the migration "
                    + "cannot know: " + flows.whyNone(flow.get()) + "; write " + suggestion);
        }
        if (WAIT.contains(q)) {
            return Optional.of("wait_for_flow_run waits for a run create_flow_run started: start it with "
                    + "run_deployment(name=\"<flow>/<deployment>\", timeout=None), which waits and returns the run "
                    + "(check run.state.is_completed() for raise_final_state=True), or await "
                    + "prefect.flow_runs.wait_for_flow_run(run_id) (async in Prefect 3)");
        }
        if (GET_RESULT.contains(q)) {
            return Optional.of("get_task_run_result read one task's result of another flow run; Prefect 3 cannot: "
                    + "return the value from the child flow and read run_deployment(...).state.result() (the child "
                    + "flow must persist its result: @flow(persist_result=True))");
        }
        return Optional.empty();
    }

    /** {@code x = create_flow_run(...)} whose only reader is {@code wait_for_flow_run(x, ...)} in one statement. */
    private static Optional<Edit> pair(Node root, Node function, Node create, List<String> args, Imports imports,
                                       PythonStyle style) {
        Node createStmt = TreeEdits.parentOf(root, create);
        Optional<Statements.Assignment> a = createStmt == null ? Optional.empty() : Statements.assignment(createStmt);
        if (a.isEmpty() || a.get().targets().size() != 1 || a.get().targets().get(0).kind() != NodeKind.NAME
                || Expressions.unwrap(a.get().value()) != create) {
            return Optional.empty();
        }
        String id = Expressions.name(a.get().targets().get(0));
        List<Node> uses = Nodes.find(function, n -> n.kind() == NodeKind.NAME && Expressions.name(n).equals(id)
                && n != a.get().targets().get(0));
        if (uses.size() != 1) {
            return Optional.empty();
        }
        Node wait = TreeEdits.parentOf(root, TreeEdits.parentOf(root, TreeEdits.parentOf(root, uses.get(0))));
        if (wait == null || wait.kind() != NodeKind.CALL || !imports.qualifiedName(wait).filter(WAIT::contains).isPresent()
                || new CallView(wait).argument("flow_run_id", 0).map(x -> Expressions.unwrap(x.value()) != uses.get(0))
                .orElse(true)) {
            return Optional.empty();
        }
        CallView w = new CallView(wait);
        if (w.arguments().stream().anyMatch(x -> x.keyword() != null && !WAIT_ARGS.contains(x.keyword()))) {
            return Optional.empty();
        }
        boolean raise = w.keyword("raise_final_state").map(x -> x.value().print().strip().equals("True")).orElse(false);
        Node waitStmt = TreeEdits.parentOf(root, wait);
        boolean exprStmt = waitStmt.kind() == NodeKind.EXPR_STMT && Expressions.unwrap(waitStmt.nodes().get(0)) == wait;
        Optional<Statements.Assignment> bound = Statements.assignment(waitStmt)
                .filter(x -> x.value() != null && Expressions.unwrap(x.value()) == wait);
        if (!exprStmt && bound.isEmpty()) {
            return Optional.empty();
        }
        if (bound.isPresent() && bound.get().targets().size() == 1 && bound.get().targets().get(0).kind() == NodeKind.NAME) {
            // `wait_a = wait_for_flow_run(a)` read by nothing else (its edge went with the flow conversion): no alias
            String waited = Expressions.name(bound.get().targets().get(0));
            exprStmt = Nodes.find(function, n -> n.kind() == NodeKind.NAME && Expressions.name(n).equals(waited)).size() == 1;
        }
        String check = "if not " + id + ".state.is_completed():\n    raise RuntimeError(f\"flow run {" + id
                + ".name} ended in state {" + id + ".state.name}\")";
        Node out = Todos.remove(root, wait, "PF110", FlowRunCalls::settled);
        if (exprStmt && raise) {
            out = StatementEdits.replace(out, waitStmt, check, style);
        } else if (exprStmt) {
            out = StatementEdits.remove(out, waitStmt, style);
        } else {
            out = TreeEdits.replace(out, wait, Snippets.expression(id, style));
            if (raise) {
                out = StatementEdits.insertAfter(out, sameStatement(out, root, waitStmt), check, style);
            }
        }
        out = TreeEdits.replace(out, create, Snippets.expression("run_deployment(" + String.join(", ", args)
                + ", timeout=None)", style));
        return Optional.of(new Edit(out, create, "create_flow_run + wait_for_flow_run run deployment '"
                + args.get(0).substring("name=\"".length(), args.get(0).length() - 1) + "' and wait for it (timeout=None)"
                + (raise ? "; the flow fails when the child run does not complete" : "")
                + "; stream_logs/max_duration have no run_deployment form"));
    }

    /** Whether a PF110 TODO is one this class's messages (or an earlier release's) wrote for a flow-run call. */
    private static boolean settled(String message) {
        return message.startsWith("use run_deployment(") || message.startsWith("create_flow_run ")
                || message.startsWith("create_flow_run's ") || message.startsWith("wait_for_flow_run ");
    }

    /** The statement at the same place after an edit inside it (statements keep their order). */
    private static Node sameStatement(Node edited, Node original, Node stmt) {
        List<Node> before = Nodes.find(original, n -> n.kind() == stmt.kind());
        List<Node> after = Nodes.find(edited, n -> n.kind() == stmt.kind());
        return after.get(before.indexOf(stmt));
    }
}
