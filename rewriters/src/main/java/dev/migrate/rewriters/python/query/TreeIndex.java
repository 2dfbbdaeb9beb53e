package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What whole-tree queries derive from one tree (its nodes in pre-order with parents and offsets, nodes by
 * kind, its imports, the names it uses, its text), computed once per tree and shared by every caller.
 * Trees are immutable, so what is derived from a root never goes stale: an edit makes a new root, which
 * gets its own facts. OpenRewrite runs each recipe over every file in turn, and each recipe asks the same
 * questions several times; without this every question walked (or printed) the whole tree again.
 *
 * <p>Edits made through {@link dev.migrate.rewriters.python.edit.TreeEdits} tell the index which tree the
 * new one was made from ({@link #derivedFrom}); the new tree's node table is then derived from the old
 * one, walking only the rebuilt nodes, its imports are reused when no import statement changed, and its words are
 * counted over the text the edits changed only.
 *
 * <p>The facts are kept on the root node itself ({@link Node#derived()}), so they go away with the tree. (They
 * were kept in a weak map keyed by the root: with a new root per edit, its lookups and insertions cost more
 * than several of the queries they served.)
 */
public final class TreeIndex {
    private static final int KINDS = NodeKind.values().length;

    private final Node root;
    private final Facts facts;

    private TreeIndex(Node root, Facts facts) {
        this.root = root;
        this.facts = facts;
    }

    private static Facts facts(Node root) {
        Facts f = factsIfAny(root);
        return f != null ? f : (Facts) root.deriveOnce(new Facts());
    }

    private static Facts factsIfAny(Node root) {
        return root.derived() instanceof Facts f ? f : null;
    }

    /** The index of {@code root} (each part is derived on first use). */
    public static TreeIndex of(Node root) {
        return new TreeIndex(root, facts(root));
    }

    /**
     * Records that {@code newRoot} was made by editing {@code oldRoot} (it shares the old tree's untouched
     * subtrees), so that its facts can be derived from the old tree's instead of walking it again.
     */
    public static void derivedFrom(Node newRoot, Node oldRoot) {
        if (newRoot == oldRoot) {
            return;
        }
        Facts old = factsIfAny(oldRoot);
        if (old == null) {
            return;
        }
        // derive from the newest version that has (or can derive) a table; intermediate versions nobody
        // queried are skipped, since a table is derived by node identity, not from one edit's details
        Node base = old.table != null ? oldRoot : old.base;
        // the newest imports known along the edits, whether or not a table was ever built: most edits leave every
        // import statement as it was, and the new tree's imports are then the same (a table used to be the only way
        // they were handed on, and the recipes that edit before any table exists rebuilt them for every version)
        Imports imports = old.imports != null ? old.imports : old.inheritedImports;
        List<Node> importNodes = old.imports != null ? old.importNodes : old.inheritedImportNodes;
        // the newest version whose words were counted: its counts and text give this one's words by comparing texts
        Found words = old.found != null ? old.found : old.wordsBefore;
        if (base == null && imports == null && words == null) {
            return;
        }
        Facts fresh = facts(newRoot);
        if (base != null && fresh.table == null) {
            fresh.base = base;
        }
        if (imports != null && fresh.imports == null) {
            fresh.inheritedImports = imports;
            fresh.inheritedImportNodes = importNodes;
        }
        if (words != null && fresh.found == null) {
            fresh.wordsBefore = words;
        }
    }

    /**
     * The printed text of {@code root} when its index already holds it (a copy), else null: lets a caller that
     * needs the text once skip a print without making the index build it.
     */
    public static char[] knownText(Node root) {
        Facts f = factsIfAny(root);
        NodeTable t = f == null ? null : f.table;
        return t == null || !t.hasText() ? null : t.text().clone();
    }

    /**
     * Hands the index the text {@code root} was just printed to (by a caller that had to print it anyway), so
     * that building the index later does not print the tree again. The array must not change afterwards.
     */
    public static void printedAs(Node root, char[] printed) {
        if (printed.length != root.length()) {
            throw new IllegalArgumentException("not the printed text of this tree");
        }
        Facts f = facts(root);
        if (f.table == null) {
            f.printed = printed;
        }
    }

    /** The nodes of one kind, the root included, in source (pre-)order. */
    public List<Node> find(NodeKind kind) {
        List<Node>[] byKind = facts.byKind;
        // what is kept holds the nodes below the root only, as the table does (its slot 0 is null)
        List<Node> below = byKind[kind.ordinal()];
        if (below == null) {
            NodeTable t = table();
            int k = kind.ordinal();
            int count = t.count();
            int found = 0;
            for (int i = 1; i < count; i++) {
                if (t.kind(i) == k) {
                    found++;
                }
            }
            Node[] out = new Node[found];
            for (int i = 1, at = 0; at < found; i++) {
                if (t.kind(i) == k) {
                    out[at++] = t.node(i);
                }
            }
            below = Collections.unmodifiableList(Arrays.asList(out));
            byKind[k] = below;
        }
        if (root.kind() != kind) {
            return below;
        }
        List<Node> withRoot = new ArrayList<>(below.size() + 1);
        withRoot.add(root);
        withRoot.addAll(below);
        return Collections.unmodifiableList(withRoot);
    }

    /** The names the import statements bind. */
    public Imports imports() {
        Facts f = facts;
        if (f.imports == null) {
            List<Node> statements = importStatements(root);
            Imports inherited = f.inheritedImports;
            // an import statement an edit left alone binds the same names: only the rebuilt ones are read again
            f.imports = inherited != null && sameNodes(statements, f.inheritedImportNodes) ? inherited
                    : Imports.build(statements, inherited);
            f.importNodes = statements;
            f.inheritedImports = null;
            f.inheritedImportNodes = null;
        }
        return f.imports;
    }

    /** Identifiers used as expressions (import statements bind names with tokens, so they do not count). */
    public Set<String> usedNames() {
        Facts f = facts;
        if (f.names == null) {
            Set<String> out = new HashSet<>();
            for (Node n : find(NodeKind.NAME)) {
                out.add(nameOf(n));
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
            if (nameOf(n).equals(name)) {
                count++;
            }
        }
        return count;
    }

    /** A NAME node's identifier: its first token (no list of its tokens is built). */
    private static String nameOf(Node name) {
        for (int i = 0; i < name.childCount(); i++) {
            if (name.child(i) instanceof Token t) {
                return t.text();
            }
        }
        return "";
    }

    /** The printed tree. */
    public String text() {
        Facts f = facts;
        if (f.text == null) {
            char[] t = table().text();
            f.text = t != null ? new String(t) : root.print();
        }
        return f.text;
    }

    /**
     * Whether the printed tree contains one of the words of {@code set} whose bits {@code wanted} holds. The first
     * question about a set counts all its words in the text, and the answer is kept for the tree: every later
     * question about the same set (each recipe of a run asks about its own words) is a mask test. An edited
     * version counts its words from the counts of the version it was edited from, reading only the text the edits
     * changed ({@link WordSet#recount}): most versions of a file a run makes are edits of a counted one.
     */
    public boolean mentions(WordSet set, long wanted) {
        Found known = facts.found;
        if (known == null || known.set != set) {
            known = countWords(set);
            facts.found = known;
            facts.wordsBefore = null;
        }
        return (known.present & wanted) != 0;
    }

    private Found countWords(WordSet set) {
        char[] t = printedChars(); // the table's text once a table exists: no copy of the text's string
        if (t == null) {
            t = text().toCharArray();
        }
        Found before = facts.wordsBefore;
        NodeTable table = facts.table;
        // what the edits left alone is known when this version's table was derived (through versions whose words
        // nobody asked about) from the counted version's table; otherwise the whole text is counted
        boolean recount = before != null && before.set == set && table != null && table.derivedFromText() == before.text;
        int[] counts;
        if (recount) {
            counts = set.recount(before.counts, before.text, t, table.kept(), table.keptCount());
            // tests run with assertions on: every recount is checked against counting the whole text
            assert Arrays.equals(counts, set.count(t)) : "words counted from an earlier version differ from a full count";
        } else {
            counts = set.count(t);
        }
        if (facts.table != null) {
            facts.table.forgetDerivation();
        }
        return new Found(set, WordSet.present(counts), counts, t, recount);
    }

    /** Whether this tree's words (of its newest set) were counted from an earlier version's: for tests. */
    boolean wordsRecounted() {
        Found known = facts.found;
        return known != null && known.recounted;
    }

    /**
     * The words of one set in one version's text: how often each occurs, and which do (bits); {@code recounted} when
     * they were counted from an earlier version's.
     */
    private record Found(WordSet set, long present, int[] counts, char[] text, boolean recounted) {
    }

    /**
     * The printed tree's characters when they are at hand, or null: the parse's own print when no table exists yet
     * (a file no recipe looks further into, as most of a repository's Python files are, never gets one), else the
     * table's text.
     */
    private char[] printedChars() {
        char[] printed = facts.table == null ? facts.printed : null;
        return printed != null ? printed : table().text();
    }

    /** Whether the printed tree contains {@code word}: searched in the index's text, with no string made of it. */
    public boolean contains(String word) {
        String known = facts.text;
        if (known != null) {
            return known.contains(word);
        }
        char[] t = printedChars();
        if (t == null) {
            return text().contains(word);
        }
        int n = word.length();
        if (n == 0) {
            return true;
        }
        char first = word.charAt(0);
        for (int i = 0, last = t.length - n; i <= last; i++) {
            if (t[i] != first) {
                continue;
            }
            int k = 1;
            while (k < n && t[i + k] == word.charAt(k)) {
                k++;
            }
            if (k == n) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ancestors of {@code target} from the root down to its parent: empty when target is the root,
     * null when it is not in this tree.
     */
    public List<Node> path(PyElement target) {
        if (target == root) {
            return new ArrayList<>();
        }
        NodeTable t = table();
        int at = target instanceof Node n ? t.indexOf(root, n) : parentSlot(t, target);
        if (at < 0) {
            return null;
        }
        int depth = 0;
        for (int i = target instanceof Node ? t.parent(at) : at; i >= 0; i = t.parent(i)) {
            depth++;
        }
        Node[] chain = new Node[depth];
        for (int i = target instanceof Node ? t.parent(at) : at; i >= 0; i = t.parent(i)) {
            chain[--depth] = i == 0 ? root : t.node(i);
        }
        return new ArrayList<>(Arrays.asList(chain));
    }

    /** Where {@code e} starts (after its prefix) in the printed tree, or -1 when it is not in this tree. */
    public int offsetOf(PyElement e) {
        NodeTable t = table();
        if (e instanceof Node n) {
            int i = t.indexOf(root, n);
            return i < 0 ? -1 : t.start(i) + n.prefix().length();
        }
        int p = parentSlot(t, e);
        if (p < 0) {
            return -1;
        }
        Node parent = p == 0 ? root : t.node(p);
        int offset = t.start(p) + parent.prefix().length();
        for (int k = 0; parent.child(k) != e; k++) {
            offset += parent.child(k).length();
        }
        return offset + e.prefix().length();
    }

    /**
     * The 1-based line holding a character offset of the printed tree ("\n", "\r\n" and a lone "\r" end a
     * line), from line starts computed once per tree.
     */
    public int lineAt(int offset) {
        Facts f = facts;
        int[] starts = f.lineStarts;
        if (starts == null) {
            char[] t = table().text();
            if (t == null) {
                t = text().toCharArray();
            }
            int[] s = new int[16];
            int n = 1;
            for (int i = 0; i < t.length; i++) {
                char c = t[i];
                if (c == '\n' || c == '\r' && (i + 1 >= t.length || t[i + 1] != '\n')) {
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

    /** This tree's node table: derived from an earlier version's when there is one, else walked. */
    private NodeTable table() {
        Facts f = facts;
        NodeTable t = f.table;
        if (t != null) {
            return t;
        }
        Node base = f.base;
        if (base != null) {
            TreeIndex old = of(base);
            t = NodeTable.derive(old.table(), base, root);
            // tests run with assertions on: every derived table is checked against a fresh walk
            assert t == null || t.sameAs(NodeTable.build(root, t.hasText())) : "derived node table differs from a fresh walk";
            if (t != null && f.imports == null && f.inheritedImports == null && old.facts.imports != null) {
                f.inheritedImports = old.facts.imports;
                f.inheritedImportNodes = old.facts.importNodes;
            }
        }
        if (t == null) {
            char[] printed = f.printed;
            // a module's text is asked for by nearly every recipe (and copied into its edits' tables); a
            // subtree's index is wanted for its nodes, so it is walked without printing
            t = printed != null ? NodeTable.build(root, printed) : NodeTable.build(root, root.kind() == NodeKind.MODULE);
            assert printed == null || t.sameAs(NodeTable.build(root, true)) : "text handed to the index is not the tree's";
        }
        f.table = t;
        f.base = null;
        f.printed = null;
        return t;
    }

    /** The slot of the node whose child is the token {@code e}, or -1. */
    private int parentSlot(NodeTable t, PyElement e) {
        for (int i = 0; i < t.count(); i++) {
            Node n = i == 0 ? root : t.node(i);
            for (int k = 0; k < n.childCount(); k++) {
                if (n.child(k) == e) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The import statements in source order (a later import of a name wins). Imports are statements, so
     * only statement containers are entered, never expressions (which hold most of a tree's nodes): this
     * walk is cheaper than reading the node table, and needs none (a scanning recipe asks for every file's
     * imports before any edit).
     */
    private static List<Node> importStatements(Node root) {
        List<Node> out = new ArrayList<>();
        collectImports(root, out, 0);
        return out;
    }

    /** Depth-first in source order; deeper than a few hundred levels (generated code) goes on with a stack. */
    private static void collectImports(Node n, List<Node> out, int depth) {
        NodeKind k = n.kind();
        if (k == NodeKind.IMPORT || k == NodeKind.IMPORT_FROM) {
            out.add(n);
            return;
        }
        if (depth > 200) {
            collectImportsIteratively(n, out);
            return;
        }
        for (int i = 0, count = n.childCount(); i < count; i++) {
            if (n.child(i) instanceof Node c && HOLDS_STATEMENTS[c.kind().ordinal()]) {
                collectImports(c, out, depth + 1);
            }
        }
    }

    private static void collectImportsIteratively(Node root, List<Node> out) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.kind() == NodeKind.IMPORT || n.kind() == NodeKind.IMPORT_FROM) {
                out.add(n);
                continue;
            }
            for (int i = n.childCount() - 1; i >= 0; i--) {
                if (n.child(i) instanceof Node c && HOLDS_STATEMENTS[c.kind().ordinal()]) {
                    stack.push(c);
                }
            }
        }
    }

    private static boolean sameNodes(List<Node> a, List<Node> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #holdsStatements} by kind ordinal: asked of every statement container of every file. */
    private static final boolean[] HOLDS_STATEMENTS = new boolean[KINDS];

    static {
        for (NodeKind k : NodeKind.values()) {
            HOLDS_STATEMENTS[k.ordinal()] = holdsStatements(k);
        }
    }

    private static boolean holdsStatements(NodeKind k) {
        return switch (k) {
            case SIMPLE_LINE, SUITE, IMPORT, IMPORT_FROM, IF, WHILE, FOR, WITH, TRY, FUNCTION_DEF, CLASS_DEF, MATCH,
                    ELIF_CLAUSE, ELSE_CLAUSE, EXCEPT_CLAUSE, FINALLY_CLAUSE, CASE_CLAUSE, ERROR -> true;
            default -> false;
        };
    }

    /** What is derived from one root. */
    private static final class Facts {
        @SuppressWarnings("unchecked")
        private final List<Node>[] byKind = new List[KINDS];
        private volatile NodeTable table;
        /** The tree's printed text, when a caller printed it before the table was built (dropped then). */
        private volatile char[] printed;
        /** An earlier version of this tree to derive the table from (dropped once the table exists). */
        private volatile Node base;
        private volatile Imports imports;
        private volatile List<Node> importNodes;
        private volatile Imports inheritedImports;
        private volatile List<Node> inheritedImportNodes;
        private volatile Set<String> names;
        private volatile String text;
        private volatile int[] lineStarts;
        private volatile Found found;
        /** The words of an earlier version this one was edited from (dropped once this one's are counted). */
        private volatile Found wordsBefore;
    }
}
