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
        while (n.kind() == NodeKind.PAREN && n.nodes().size() == 1) {
            n = n.nodes().get(0);
        }
        return n;
    }

    /** The identifier of a NAME node. */
    public static String name(Node nameNode) {
        return nameNode.tokens().get(0).text();
    }

    /** {@code a.b.c} as [a, b, c]; empty if the expression is not a plain dotted name. */
    public static Optional<List<String>> dottedParts(Node expr) {
        List<String> parts = new ArrayList<>();
        Node n = unwrap(expr);
        while (n.kind() == NodeKind.ATTRIBUTE) {
            List<Token> tokens = n.tokens();
            Token last = tokens.get(tokens.size() - 1);
            if (last.kind() != TokenKind.NAME) {
                return Optional.empty();
            }
            parts.add(last.text());
            n = unwrap(n.nodes().get(0));
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

    static Token firstToken(Node n) {
        for (PyElement c : n.children()) {
            if (c instanceof Token t) {
                return t;
            }
        }
        return null;
    }
}
