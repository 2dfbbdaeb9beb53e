package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What whole-tree queries derive from one tree (its nodes by kind, its imports, the names it uses, its
 * text), computed once per tree and shared by every caller. Trees are immutable, so what is derived from a
 * root never goes stale: an edit makes a new root, which gets its own facts. OpenRewrite runs each recipe
 * over every file in turn, and each recipe asks the same questions several times; without this every
 * question walked (or printed) the whole tree again.
 *
 * <p>The facts are kept in a weak map keyed by the root (nodes compare by identity), and they never
 * refer to the root itself, so they go away with the tree.
 */
public final class TreeIndex {
    private static final int KINDS = NodeKind.values().length;
    private static final Map<Node, Facts> FACTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Node root;
    private final Facts facts;

    private TreeIndex(Node root, Facts facts) {
        this.root = root;
        this.facts = facts;
    }

    /** The index of {@code root} (each part is derived on first use). */
    public static TreeIndex of(Node root) {
        return new TreeIndex(root, FACTS.computeIfAbsent(root, r -> new Facts()));
    }

    /** The nodes of one kind, the root included, in source (pre-)order. */
    public List<Node> find(NodeKind kind) {
        List<Node> below = facts.byKind(root)[kind.ordinal()];
        if (root.kind() != kind) {
            return below == null ? List.of() : Collections.unmodifiableList(below);
        }
        List<Node> out = new ArrayList<>(below == null ? 1 : below.size() + 1);
        out.add(root);
        if (below != null) {
            out.addAll(below);
        }
        return out;
    }

    /** The names the import statements bind. */
    public Imports imports() {
        Facts f = facts;
        if (f.imports == null) {
            f.imports = Imports.build(importStatements(root));
        }
        return f.imports;
    }

    /** Identifiers used as expressions (import statements bind names with tokens, so they do not count). */
    public Set<String> usedNames() {
        Facts f = facts;
        if (f.names == null) {
            Set<String> out = new HashSet<>();
            for (Node n : find(NodeKind.NAME)) {
                out.add(n.tokens().get(0).text());
            }
            f.names = Collections.unmodifiableSet(out);
        }
        return f.names;
    }

    /** How many NAME nodes read or write {@code name}. */
    public int nameCount(String name) {
        if (!usedNames().contains(name)) {
            return 0;
        }
        int count = 0;
        for (Node n : find(NodeKind.NAME)) {
            if (n.tokens().get(0).text().equals(name)) {
                count++;
            }
        }
        return count;
    }

    /** The printed tree. */
    public String text() {
        Facts f = facts;
        if (f.text == null) {
            f.text = root.print();
        }
        return f.text;
    }

    /**
     * The 1-based line holding a character offset of the printed tree ("\n", "\r\n" and a lone "\r" end a
     * line), from line starts computed once per tree.
     */
    public int lineAt(int offset) {
        Facts f = facts;
        int[] starts = f.lineStarts;
        if (starts == null) {
            String t = text();
            int[] s = new int[16];
            int n = 1;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= t.length() || t.charAt(i + 1) != '\n')) {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(s, n);
            f.lineStarts = starts;
        }
        int at = Arrays.binarySearch(starts, offset);
        return at >= 0 ? at + 1 : -at - 1;
    }

    /**
     * The import statements in source order (a later import of a name wins). Imports are statements, so
     * only statement containers are entered, never expressions (which hold most of a tree's nodes).
     */
    private static List<Node> importStatements(Node root) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.kind() == NodeKind.IMPORT || n.kind() == NodeKind.IMPORT_FROM) {
                out.add(n);
                continue;
            }
            for (int i = n.childCount() - 1; i >= 0; i--) {
                if (n.child(i) instanceof Node c && (c == root || holdsStatements(c.kind()))) {
                    stack.push(c);
                }
            }
        }
        return out;
    }

    private static boolean holdsStatements(NodeKind k) {
        return switch (k) {
            case SIMPLE_LINE, SUITE, IMPORT, IMPORT_FROM, IF, WHILE, FOR, WITH, TRY, FUNCTION_DEF, CLASS_DEF, MATCH,
                    ELIF_CLAUSE, ELSE_CLAUSE, EXCEPT_CLAUSE, FINALLY_CLAUSE, CASE_CLAUSE, ERROR -> true;
            default -> false;
        };
    }

    /** What is derived from one root; nothing in here may refer to the root (the weak key). */
    private static final class Facts {
        private volatile List<Node>[] byKind;
        private volatile Imports imports;
        private volatile Set<String> names;
        private volatile String text;
        private volatile int[] lineStarts;

        /** The nodes below the root (the root excluded) by kind ordinal, in source order; null for none. */
        @SuppressWarnings("unchecked")
        List<Node>[] byKind(Node root) {
            List<Node>[] m = byKind;
            if (m == null) {
                m = new List[KINDS];
                // pre-order over an array stack (no per-node list views): this walk is most of the index's cost
                Node[] stack = new Node[64];
                int top = 0;
                for (int i = root.childCount() - 1; i >= 0; i--) {
                    if (root.child(i) instanceof Node c) {
                        stack = push(stack, top++, c);
                    }
                }
                while (top > 0) {
                    Node n = stack[--top];
                    stack[top] = null;
                    int k = n.kind().ordinal();
                    if (m[k] == null) {
                        m[k] = new ArrayList<>();
                    }
                    m[k].add(n);
                    for (int i = n.childCount() - 1; i >= 0; i--) {
                        if (n.child(i) instanceof Node c) {
                            stack = push(stack, top++, c);
                        }
                    }
                }
                byKind = m;
            }
            return m;
        }

        private static Node[] push(Node[] stack, int at, Node n) {
            Node[] s = at < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
            s[at] = n;
            return s;
        }
    }
}
