package dev.migrate.rewriters.python.tree;

/**
 * An element of the syntax tree: a {@link Token} or a {@link Node}. Every element owns the whitespace
 * and comments before it ({@link #prefix()}); the text of a file is the concatenation of each element's
 * prefix and content, in order, so printing can never lose or duplicate a byte.
 */
public sealed interface PyElement permits Token, Node {
    Space prefix();

    PyElement withPrefix(Space prefix);

    /** Appends this element (prefix included) to {@code out}. */
    void printTo(StringBuilder out);

    /** The number of characters {@link #printTo} appends. */
    int length();

    default String print() {
        StringBuilder sb = new StringBuilder(length());
        printTo(sb);
        return sb.toString();
    }
}
