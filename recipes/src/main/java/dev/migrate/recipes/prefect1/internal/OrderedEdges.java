package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;

/**
 * {@code b.set_upstream(a)} (or {@code a.set_downstream(b)}) in a {@code with Flow(...)} block adds an edge without
 * data: b runs after a. Prefect 1's flow-of-flows idiom writes it after the calls
 * ({@code flow_b.set_upstream(wait_for_flow_a)}). When the block already binds a before b, each once, the
 * converted flow, which runs its task calls one after the other, runs them in that order: the statement goes. An
 * edge the order does not show, or one from a mapped result (Prefect 3's {@code .map()} returns futures, which
 * the next call does not wait for), keeps the flow for a person.
 */
public final class OrderedEdges {
    private OrderedEdges() {
    }

    /** Whether {@code stmt}, a top-level statement of the Flow block {@code block}, is an edge the order shows. */
    public static boolean satisfied(Node stmt, Node block) {
        if (stmt.kind() != NodeKind.EXPR_STMT || Expressions.unwrap(stmt.nodes().get(0)).kind() != NodeKind.CALL) {
            return false;
        }
        CallView call = new CallView(Expressions.unwrap(stmt.nodes().get(0)));
        Optional<List<String>> parts = Expressions.dottedParts(call.callee());
        if (parts.isEmpty() || parts.get().size() != 2 || call.arguments().size() != 1) {
            return false;
        }
        Argument arg = call.arguments().get(0);
        Node other = Expressions.unwrap(arg.value());
        if (!(arg.isPositional() || "task".equals(arg.keyword())) || other.kind() != NodeKind.NAME) {
            return false;
        }
        String self = parts.get().get(0);
        String upstream;
        String downstream;
        switch (parts.get().get(1)) {
            case "set_upstream" -> {
                upstream = Expressions.name(other);
                downstream = self;
            }
            case "set_downstream" -> {
                upstream = self;
                downstream = Expressions.name(other);
            }
            default -> {
                return false;
            }
        }
        List<Node> statements = Statements.of(block);
        int up = soleBinding(statements, upstream);
        int down = soleBinding(statements, downstream);
        return up >= 0 && down > up && statements.indexOf(stmt) > down && !mapped(statements.get(up));
    }

    /** {@code block} without the edge statements {@link #satisfied} accepts. */
    public static Node drop(Node block, PythonStyle style) {
        Node out = block;
        for (Node stmt : Statements.of(block)) {
            if (satisfied(stmt, block)) {
                out = StatementEdits.remove(out, stmt, style);
            }
        }
        return out;
    }

    /** The index of the one top-level statement binding {@code name} ({@code name = ...}), or -1. */
    private static int soleBinding(List<Node> statements, String name) {
        int found = -1;
        for (int i = 0; i < statements.size(); i++) {
            Optional<Statements.Assignment> a = Statements.assignment(statements.get(i));
            if (a.isPresent() && a.get().targets().stream().anyMatch(t -> t.kind() == NodeKind.NAME
                    && Expressions.name(t).equals(name))) {
                if (found >= 0 || a.get().targets().size() != 1 || !a.get().operator().equals("=")) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean mapped(Node binding) {
        Node value = Statements.assignment(binding).map(Statements.Assignment::value).orElse(null);
        if (value == null || Expressions.unwrap(value).kind() != NodeKind.CALL) {
            return value == null;
        }
        Optional<List<String>> callee = Expressions.dottedParts(new CallView(Expressions.unwrap(value)).callee());
        return callee.map(p -> p.get(p.size() - 1).equals("map") || p.get(p.size() - 1).equals("submit")).orElse(true);
    }
}
