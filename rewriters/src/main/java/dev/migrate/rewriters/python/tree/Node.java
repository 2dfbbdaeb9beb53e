package dev.migrate.rewriters.python.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An interior node: a kind, the whitespace before it, and its children in source order. Immutable;
 * every {@code with...} method returns a new node (or {@code this} when nothing changes) and leaves
 * the old tree valid.
 *
 * <p>Ownership rule: the whitespace before a node belongs to the outermost node that starts there, so
 * a node's first child always has an empty prefix. {@link #of} enforces this by lifting the first
 * child's prefix.
 */
public final class Node implements PyElement {
    private final NodeKind kind;
    private final Space prefix;
    private final List<PyElement> children;
    private final int length;

    private Node(NodeKind kind, Space prefix, List<PyElement> children) {
        this.kind = kind;
        this.prefix = prefix;
        this.children = children;
        int len = prefix.text().length();
        for (PyElement c : children) {
            len += c.length();
        }
        this.length = len;
    }

    /** Builds a node, moving its first child's prefix onto the node. */
    public static Node of(NodeKind kind, List<? extends PyElement> children) {
        List<PyElement> copy = new ArrayList<>(children);
        Space prefix = Space.EMPTY;
        if (!copy.isEmpty()) {
            PyElement first = copy.get(0);
            if (!first.prefix().isEmpty()) {
                prefix = first.prefix();
                copy.set(0, first.withPrefix(Space.EMPTY));
            }
        }
        return new Node(Objects.requireNonNull(kind), prefix, Collections.unmodifiableList(copy));
    }

    public static Node of(NodeKind kind, PyElement... children) {
        return of(kind, List.of(children));
    }

    public NodeKind kind() {
        return kind;
    }

    @Override
    public Space prefix() {
        return prefix;
    }

    public List<PyElement> children() {
        return children;
    }

    @Override
    public Node withPrefix(Space newPrefix) {
        return newPrefix.equals(prefix) ? this : new Node(kind, newPrefix, children);
    }

    /** Replaces the children; the first child's prefix is lifted onto this node when not empty. */
    public Node withChildren(List<? extends PyElement> newChildren) {
        if (newChildren == children) {
            return this;
        }
        Node n = of(kind, newChildren);
        if (n.prefix.isEmpty()) {
            return new Node(kind, prefix, n.children);
        }
        return n;
    }

    public Node withChild(int index, PyElement child) {
        if (children.get(index) == child) {
            return this;
        }
        List<PyElement> copy = new ArrayList<>(children);
        copy.set(index, child);
        return new Node(kind, prefix, Collections.unmodifiableList(copy));
    }

    public Node withKind(NodeKind newKind) {
        return newKind == kind ? this : new Node(newKind, prefix, children);
    }

    /** Child nodes (tokens skipped). */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        for (PyElement c : children) {
            if (c instanceof Node n) {
                out.add(n);
            }
        }
        return out;
    }

    public List<Node> nodes(NodeKind k) {
        List<Node> out = new ArrayList<>();
        for (PyElement c : children) {
            if (c instanceof Node n && n.kind == k) {
                out.add(n);
            }
        }
        return out;
    }

    public Node firstNode(Predicate<Node> test) {
        for (PyElement c : children) {
            if (c instanceof Node n && test.test(n)) {
                return n;
            }
        }
        return null;
    }

    public Node firstNode(NodeKind k) {
        return firstNode(n -> n.kind == k);
    }

    /** The first child token with this text (keywords and operators), or null. */
    public Token token(String text) {
        for (PyElement c : children) {
            if (c instanceof Token t && t.is(text)) {
                return t;
            }
        }
        return null;
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        for (PyElement c : children) {
            if (c instanceof Token t) {
                out.add(t);
            }
        }
        return out;
    }

    public boolean hasToken(String text) {
        return token(text) != null;
    }

    @Override
    public void printTo(StringBuilder out) {
        // Iterative: a 100,000-term expression on one line nests that deep.
        ArrayDeque<PyElement> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            PyElement e = stack.pop();
            if (e instanceof Token t) {
                t.printTo(out);
            } else {
                Node n = (Node) e;
                out.append(n.prefix.text());
                for (int i = n.children.size() - 1; i >= 0; i--) {
                    stack.push(n.children.get(i));
                }
            }
        }
    }

    @Override
    public int length() {
        return length;
    }

    /** Source text without the prefix. */
    public String text() {
        StringBuilder sb = new StringBuilder(length);
        printTo(sb);
        return sb.substring(prefix.text().length());
    }

    @Override
    public String toString() {
        return kind + "[" + text() + "]";
    }
}
