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
    private static final Set<String> WAIT_ARGS = Set.of("flow_run_id", "stream_states", "stream_logs",
            "raise_final_state", "max_duration", "wait_for");

    private FlowRunCalls() {
    }

    /** The result of one edit: the new tree and what to tell the user. */
    public record Edit(Node root, Node at, String message) {
    }

    /** The next create_flow_run inside a function turned into run_deployment, or null when none is left. */
    public static Edit next(Node root, Imports imports, PythonStyle style) {
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
            Optional<List<String>> args = arguments(new CallView(call));
            if (args.isEmpty()) {
                continue;
            }
            String flow = new CallView(call).keyword("flow_name").flatMap(a -> PyValues.string(a.value())).orElseThrow();
            Optional<Edit> pair = pair(root, function, call, args.get(), imports, style);
            if (pair.isPresent()) {
                return pair.get();
            }
            String code = "run_deployment(" + String.join(", ", args.get()) + ", timeout=0).id";
            return new Edit(TreeEdits.replace(root, call, Snippets.expression(code, style)), call,
                    "create_flow_run starts deployment '" + flow + "/" + flow + "' (the deployment the flow conversion "
                            + "names after its flow) without waiting; the result is the flow run id");
        }
        return null;
    }

    /** run_deployment arguments without timeout, or empty when an argument has no run_deployment form. */
    private static Optional<List<String>> arguments(CallView create) {
        Optional<String> flow = create.keyword("flow_name").flatMap(a -> PyValues.string(a.value()));
        if (flow.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        out.add("name=" + PyValues.quoted(flow.get() + "/" + flow.get()));
        for (Argument a : create.arguments()) {
            String k = a.keyword();
            if (k == null) {
                return Optional.empty();
            }
            if (CREATE_ARGS.containsKey(k)) {
                out.add(CREATE_ARGS.get(k) + "=" + a.value().print().strip());
            } else if (!k.equals("flow_name") && !CREATE_DROPPED.contains(k)) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
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
        String check = "if not " + id + ".state.is_completed():\n    raise RuntimeError(f\"flow run {" + id
                + ".name} ended in state {" + id + ".state.name}\")";
        Node out = root;
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

    /** The statement at the same place after an edit inside it (statements keep their order). */
    private static Node sameStatement(Node edited, Node original, Node stmt) {
        List<Node> before = Nodes.find(original, n -> n.kind() == stmt.kind());
        List<Node> after = Nodes.find(edited, n -> n.kind() == stmt.kind());
        return after.get(before.indexOf(stmt));
    }
}
