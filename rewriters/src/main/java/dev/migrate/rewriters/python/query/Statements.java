package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement-level queries: with-statements, assignments, the main guard, and the statements of a block. */
public final class Statements {
    private Statements() {
    }

    /** One {@code expr as target} item of a with-statement. */
    public record WithItem(Node context, Node target) {
    }

    /** The items of a WITH node ({@code with a as b, c:}). Target is null when there is no 'as'. */
    public static List<WithItem> withItems(Node with) {
        List<WithItem> out = new ArrayList<>();
        for (Node item : with.nodes(NodeKind.WITH_ITEM)) {
            List<Node> parts = item.nodes();
            out.add(new WithItem(parts.get(0), parts.size() > 1 ? parts.get(1) : null));
        }
        return out;
    }

    /** An assignment {@code t1 = t2 = value}, {@code t += value} or {@code t: ann = value}. */
    public record Assignment(Node node, List<Node> targets, Node value, Node annotation, String operator) {
    }

    public static Optional<Assignment> assignment(Node stmt) {
        List<Node> parts = stmt.nodes();
        switch (stmt.kind()) {
            case ASSIGN:
                return Optional.of(new Assignment(stmt, parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1),
                        null, "="));
            case AUG_ASSIGN: {
                String op = "";
                for (Token t : stmt.tokens()) {
                    op = t.text();
                }
                return Optional.of(new Assignment(stmt, List.of(parts.get(0)), parts.get(1), null, op));
            }
            case ANN_ASSIGN:
                return Optional.of(new Assignment(stmt, List.of(parts.get(0)), parts.size() > 2 ? parts.get(2) : null,
                        parts.get(1), stmt.hasToken("=") ? "=" : ":"));
            default:
                return Optional.empty();
        }
    }

    /** Every {@code if __name__ == "__main__":} block (either operand order, any quote style). */
    public static List<Node> mainGuards(Node module) {
        List<Node> out = new ArrayList<>();
        for (Node n : Nodes.find(module, NodeKind.IF)) {
            Node test = Expressions.unwrap(n.nodes().get(0));
            if (test.kind() == NodeKind.COMPARE && test.hasToken("==") && test.nodes().size() == 2) {
                Node a = Expressions.unwrap(test.nodes().get(0));
                Node b = Expressions.unwrap(test.nodes().get(1));
                if (isDunderName(a) && isMainString(b) || isDunderName(b) && isMainString(a)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static boolean isDunderName(Node n) {
        return n.kind() == NodeKind.NAME && Expressions.name(n).equals("__name__");
    }

    private static boolean isMainString(Node n) {
        return n.kind() == NodeKind.STRING && StringLiterals.value(n).filter("__main__"::equals).isPresent();
    }

    /**
     * The statements directly inside a MODULE or SUITE (or a compound statement's SUITE), flattening
     * SIMPLE_LINEs: {@code a; b} yields two statements.
     */
    public static List<Node> of(Node block) {
        List<Node> out = new ArrayList<>();
        for (PyElement c : block.children()) {
            if (c instanceof Node n) {
                if (n.kind() == NodeKind.SIMPLE_LINE) {
                    for (Node s : n.nodes()) {
                        if (s.kind().isStatement()) {
                            out.add(s);
                        }
                    }
                } else if (n.kind().isStatement()) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
