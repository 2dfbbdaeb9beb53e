package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;

/**
 * One argument of a call (an ARG node): positional {@code f(x)}, keyword {@code f(k=x)}, or unpacked
 * {@code f(*xs)} / {@code f(**kw)}.
 */
public record Argument(Node node) {
    /** The keyword, or null for positional and unpacked arguments. */
    public String keyword() {
        PyElement first = node.children().get(0);
        return first instanceof Token t && t.kind() == TokenKind.NAME ? t.text() : null;
    }

    /** "*" or "**" for unpacked arguments, otherwise null. */
    public String unpacking() {
        PyElement first = node.children().get(0);
        return first instanceof Token t && (t.is("*") || t.is("**")) ? t.text() : null;
    }

    public boolean isPositional() {
        return keyword() == null && unpacking() == null;
    }

    /** The argument's value expression. */
    public Node value() {
        return node.nodes().get(0);
    }
}
