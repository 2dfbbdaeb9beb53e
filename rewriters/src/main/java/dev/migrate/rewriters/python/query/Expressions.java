package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Small expression helpers shared by the queries. */
public final class Expressions {
    private Expressions() {
    }

    /** Strips redundant parentheses. */
    public static Node unwrap(Node e) {
        Node n = e;
        while (n.kind() == NodeKind.PAREN) {
            Node only = onlyNode(n);
            if (only == null) {
                break;
            }
            n = only;
        }
        return n;
    }

    /**
     * The one child node of {@code n}, or null when it has none or several (asked of every expression a query
     * unwraps: no list of its children is made).
     */
    private static Node onlyNode(Node n) {
        Node only = null;
        for (int i = 0, count = n.childCount(); i < count; i++) {
            if (n.child(i) instanceof Node c) {
                if (only != null) {
                    return null;
                }
                only = c;
            }
        }
        return only;
    }

    /** The identifier of a NAME node (its first token; read in place, as for every name of a file). */
    public static String name(Node nameNode) {
        for (int i = 0, count = nameNode.childCount(); i < count; i++) {
            if (nameNode.child(i) instanceof Token t) {
                return t.text();
            }
        }
        throw new IndexOutOfBoundsException("a NAME node without a token");
    }

    /** {@code a.b.c} as [a, b, c]; empty if the expression is not a plain dotted name. */
    public static Optional<List<String>> dottedParts(Node expr) {
        List<String> parts = new ArrayList<>();
        Node n = unwrap(expr);
        while (n.kind() == NodeKind.ATTRIBUTE) {
            Token last = lastToken(n);
            if (last == null) {
                throw new IndexOutOfBoundsException("an ATTRIBUTE node without a token");
            }
            if (last.kind() != TokenKind.NAME) {
                return Optional.empty();
            }
            parts.add(last.text());
            n = unwrap(firstNode(n));
        }
        if (n.kind() != NodeKind.NAME) {
            return Optional.empty();
        }
        parts.add(name(n));
        Collections.reverse(parts);
        return Optional.of(parts);
    }

    /** {@code a.b.c} as "a.b.c" as written (without import resolution). */
    public static Optional<String> dottedName(Node expr) {
        return dottedParts(expr).map(p -> String.join(".", p));
    }

    private static Token lastToken(Node n) {
        for (int i = n.childCount() - 1; i >= 0; i--) {
            if (n.child(i) instanceof Token t) {
                return t;
            }
        }
        return null;
    }

    /**
     * The name an expression's dotted chain starts with ({@code a} of {@code a.b.c}, parentheses unwrapped), or null
     * when it starts with anything else; unlike {@link #dottedParts} it does not check the rest of the chain.
     */
    static String leftmostName(Node expr) {
        Node n = unwrap(expr);
        while (n.kind() == NodeKind.ATTRIBUTE) {
            n = unwrap(firstNode(n));
        }
        return n.kind() == NodeKind.NAME ? name(n) : null;
    }

    /** The first child node; as {@code n.nodes().get(0)}, it throws when there is none. */
    static Node firstNode(Node n) {
        for (int i = 0, count = n.childCount(); i < count; i++) {
            if (n.child(i) instanceof Node c) {
                return c;
            }
        }
        throw new IndexOutOfBoundsException("a node without a child node");
    }

    static Token firstToken(Node n) {
        for (PyElement c : n.children()) {
            if (c instanceof Token t) {
                return t;
            }
        }
        return null;
    }
}
