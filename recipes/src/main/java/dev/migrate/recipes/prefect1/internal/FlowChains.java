package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code flow.chain(a, b, c)} in a {@code with Flow(...)} block adds the tasks {@code a}, {@code b}, {@code c} and an
 * edge between each and the next: b runs after a, c after b, no data passed. When each is a task name the block does
 * not bind (a module-level task, called here for the first time) the chain is written as calls in that order, each
 * waiting for the one before it.
 */
public final class FlowChains {
    private FlowChains() {
    }

    /** Whether {@code stmt}, a statement of the block {@code suite}, is a chain this class rewrites. */
    public static boolean convertible(Node stmt, Node suite, String flowVariable) {
        return tasks(stmt, suite, flowVariable).isPresent();
    }

    /** Whether the call {@code call} is the whole of a convertible chain statement of {@code suite}. */
    public static boolean convertibleCall(Node call, Node suite, String flowVariable) {
        for (Node stmt : Statements.of(suite)) {
            if (stmt.kind() == NodeKind.EXPR_STMT && Expressions.unwrap(stmt.nodes().get(0)) == call) {
                return convertible(stmt, suite, flowVariable);
            }
        }
        return false;
    }

    /** The block with each convertible chain statement written as calls. */
    public static Node convert(Node suite, String flowVariable, PythonStyle style) {
        Node out = suite;
        for (Node stmt : Statements.of(suite)) {
            Optional<List<String>> tasks = tasks(stmt, suite, flowVariable);
            if (tasks.isEmpty()) {
                continue;
            }
            StringBuilder code = new StringBuilder();
            List<String> names = tasks.get();
            for (int i = 0; i < names.size(); i++) {
                String task = names.get(i);
                boolean last = i == names.size() - 1;
                code.append(last ? "" : task + "_result = ").append(task).append("(")
                        .append(i == 0 ? "" : "wait_for=[" + names.get(i - 1) + "_result]").append(")\n");
            }
            out = StatementEdits.replace(out, stmt, code.toString(), style);
        }
        return out;
    }

    private static Optional<List<String>> tasks(Node stmt, Node suite, String flowVariable) {
        if (flowVariable == null || stmt.kind() != NodeKind.EXPR_STMT) {
            return Optional.empty();
        }
        Node call = Expressions.unwrap(stmt.nodes().get(0));
        if (call.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        CallView view = new CallView(call);
        if (!Expressions.dottedParts(view.callee()).filter(p -> p.equals(List.of(flowVariable, "chain"))).isPresent()
                || view.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> bound = new ArrayList<>();
        for (Node s : Statements.of(suite)) {
            Statements.assignment(s).ifPresent(a -> a.targets().stream().filter(t -> t.kind() == NodeKind.NAME)
                    .forEach(t -> bound.add(Expressions.name(t))));
        }
        List<String> names = new ArrayList<>();
        for (Argument a : view.arguments()) {
            Node v = Expressions.unwrap(a.value());
            if (!a.isPositional() || v.kind() != NodeKind.NAME || bound.contains(Expressions.name(v))
                    || names.contains(Expressions.name(v))) {
                return Optional.empty();
            }
            names.add(Expressions.name(v));
        }
        return Optional.of(names);
    }
}
