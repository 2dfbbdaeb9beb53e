package dev.migrate.rewriters.python.tree;

import java.util.ArrayDeque;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final PyElement[] NONE = new PyElement[0];
    private static final VarHandle DERIVED;

    static {
        try {
            DERIVED = MethodHandles.lookup().findVarHandle(Node.class, "derived", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NodeKind kind;
    private final Space prefix;
    private final PyElement[] kids;
    private final int length;
    /**
     * What a query layer derived from this (immutable) subtree, kept with it so that it lives exactly as long
     * as the tree ({@link dev.migrate.rewriters.python.query.TreeIndex} keeps its facts about a root here).
     */
    private volatile Object derived;

    private Node(NodeKind kind, Space prefix, PyElement[] kids, int length) {
        this.kind = kind;
        this.prefix = prefix;
        this.kids = kids;
        this.length = length;
    }

    /** Builds a node, moving its first child's prefix onto the node. */
    public static Node of(NodeKind kind, List<? extends PyElement> children) {
        return adopt(Objects.requireNonNull(kind), children.isEmpty() ? NONE : children.toArray(NONE));
    }

    public static Node of(NodeKind kind, PyElement... children) {
        return adopt(Objects.requireNonNull(kind), children.clone());
    }

    /** Builds a node from the first {@code count} elements of {@code children} (copied). */
    public static Node of(NodeKind kind, PyElement[] children, int count) {
        if (count == 0) {
            return adopt(Objects.requireNonNull(kind), NONE);
        }
        PyElement[] kids = new PyElement[count];
        System.arraycopy(children, 0, kids, 0, count);
        return adopt(Objects.requireNonNull(kind), kids);
    }

    /** Takes ownership of {@code kids} (a fresh array nobody else holds). */
    private static Node adopt(NodeKind kind, PyElement[] kids) {
        Space prefix = Space.EMPTY;
        int len = 0;
        for (PyElement c : kids) {
            // Direct calls rather than through the interface: this runs once per child of every node parsed.
            len += c instanceof Node n ? n.length : ((Token) Objects.requireNonNull(c, "child")).length();
        }
        if (kids.length > 0) {
            PyElement first = kids[0];
            if (!first.prefix().isEmpty()) {
                prefix = first.prefix();
                kids[0] = first.withPrefix(Space.EMPTY);
            }
        }
        return new Node(kind, prefix, kids, len);
    }

    /**
     * A copy of this subtree made of new node objects (tokens, immutable leaves, are shared): what edits that find
     * nodes by identity need when one cached fragment is inserted more than once. Each node is copied with its
     * prefix, children and length as they are, which is what {@link #of} would build from the copied children.
     */
    public Node freshCopy() {
        PyElement[] copied = new PyElement[kids.length];
        for (int i = 0; i < kids.length; i++) {
            copied[i] = kids[i] instanceof Node n ? n.freshCopy() : kids[i];
        }
        if (copied.length > 0 && !copied[0].prefix().isEmpty()) {
            // not a node as {@link #of} leaves them (its first child keeps a prefix): built as of() builds it
            Node fresh = adopt(kind, copied);
            return prefix.isEmpty() ? fresh : fresh.withPrefix(prefix);
        }
        return new Node(kind, prefix, copied, length);
    }

    public NodeKind kind() {
        return kind;
    }

    @Override
    public Space prefix() {
        return prefix;
    }

    /** The children in source order (unmodifiable). */
    public List<PyElement> children() {
        return Collections.unmodifiableList(Arrays.asList(kids));
    }

    /** What a query layer derived from this subtree and kept here, or null. */
    public Object derived() {
        return derived;
    }

    /**
     * Keeps {@code d} as what was derived from this subtree unless something already is; returns what is kept
     * now. Derived data depends on the tree alone, so when two threads race, both may use the winner's.
     */
    public Object deriveOnce(Object d) {
        Object witness = DERIVED.compareAndExchange(this, null, d);
        return witness == null ? d : witness;
    }

    public int childCount() {
        return kids.length;
    }

    public PyElement child(int i) {
        return kids[i];
    }

    @Override
    public Node withPrefix(Space newPrefix) {
        if (newPrefix.equals(prefix)) {
            return this;
        }
        return new Node(kind, newPrefix, kids, length - prefix.length() + newPrefix.length());
    }

    /**
     * Replaces the children. The node keeps its own prefix; a new first child's prefix is dropped when
     * it is plain whitespace (it sat between the node start and a removed sibling) and appended to the
     * node's prefix when it carries comments or line breaks, so no comment is lost.
     */
    public Node withChildren(List<? extends PyElement> newChildren) {
        if (sameAsKids(newChildren)) {
            return this;
        }
        Node n = of(kind, newChildren);
        Space lifted = n.prefix;
        Space kept = lifted.isEmpty() || lifted.comments().isEmpty() && !lifted.containsNewline() ? prefix
                : Space.of(prefix.text() + lifted.text());
        return n.withPrefix(kept);
    }

    private boolean sameAsKids(List<? extends PyElement> list) {
        if (list.size() != kids.length) {
            return false;
        }
        for (int i = 0; i < kids.length; i++) {
            if (list.get(i) != kids[i]) {
                return false;
            }
        }
        return true;
    }

    public Node withChild(int index, PyElement child) {
        if (kids[index] == child) {
            return this;
        }
        if (index == 0 && !child.prefix().isEmpty()) {
            List<PyElement> replaced = new ArrayList<>(children());
            replaced.set(0, child);
            return withChildren(replaced);
        }
        PyElement[] copy = kids.clone();
        copy[index] = child;
        return new Node(kind, prefix, copy, length - kids[index].length() + child.length());
    }

    public Node withKind(NodeKind newKind) {
        return newKind == kind ? this : new Node(newKind, prefix, kids, length);
    }

    /** Child nodes (tokens skipped). */
    public List<Node> nodes() {
        // sized up front: these lists are made by the thousand per file, and growing an empty list costs a copy
        List<Node> out = new ArrayList<>(kids.length);
        for (PyElement c : kids) {
            if (c instanceof Node n) {
                out.add(n);
            }
        }
        return out;
    }

    public List<Node> nodes(NodeKind k) {
        List<Node> out = new ArrayList<>(kids.length);
        for (PyElement c : kids) {
            if (c instanceof Node n && n.kind == k) {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether {@code inner} (this very node, by identity) lies somewhere below this one; a node does not enclose itself. */
    public boolean encloses(Node inner) {
        for (PyElement c : kids) {
            if (c instanceof Node n && (n == inner || n.encloses(inner))) {
                return true;
            }
        }
        return false;
    }

    public Node firstNode(Predicate<Node> test) {
        for (PyElement c : kids) {
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
        for (PyElement c : kids) {
            if (c instanceof Token t && t.is(text)) {
                return t;
            }
        }
        return null;
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>(kids.length);
        for (PyElement c : kids) {
            if (c instanceof Token t) {
                out.add(t);
            }
        }
        return out;
    }

    public boolean hasToken(String text) {
        return token(text) != null;
    }

    /** The text of this node, prefix included, as chars (the fast path for printing whole files). */
    public char[] toChars() {
        char[] out = new char[length];
        fill(this, out, 0, 0);
        return out;
    }

    private static int fill(Node n, char[] out, int at, int depth) {
        if (depth > 400) {
            StringBuilder sb = new StringBuilder(n.length);
            printIteratively(n, sb);
            sb.getChars(0, sb.length(), out, at);
            return at + sb.length();
        }
        at = n.prefix.copyTo(out, at);
        for (PyElement c : n.kids) {
            if (c instanceof Token t) {
                at = t.copyTo(out, at);
            } else {
                at = fill((Node) c, out, at, depth + 1);
            }
        }
        return at;
    }

    @Override
    public String print() {
        return new String(toChars());
    }

    @Override
    public void printTo(StringBuilder out) {
        // Iterative: a 100,000-term expression on one line nests that deep.
        print(this, out, 0);
    }

    /** Recursive (fast) up to a depth, then iterative for whatever is deeper. */
    private static void print(Node n, StringBuilder out, int depth) {
        if (depth > 400) {
            printIteratively(n, out);
            return;
        }
        n.prefix.appendTo(out);
        for (PyElement c : n.kids) {
            if (c instanceof Token t) {
                t.printTo(out);
            } else {
                print((Node) c, out, depth + 1);
            }
        }
    }

    private static void printIteratively(Node root, StringBuilder out) {
        ArrayDeque<PyElement> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PyElement e = stack.pop();
            if (e instanceof Token t) {
                t.printTo(out);
            } else {
                Node n = (Node) e;
                n.prefix.appendTo(out);
                for (int i = n.kids.length - 1; i >= 0; i--) {
                    stack.push(n.kids[i]);
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
        char[] all = toChars();
        int skip = prefix.length();
        return new String(all, skip, all.length - skip);
    }

    @Override
    public String toString() {
        return kind + "[" + text() + "]";
    }
}
