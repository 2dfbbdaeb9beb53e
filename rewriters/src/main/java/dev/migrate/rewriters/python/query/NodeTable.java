package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.Arrays;

/**
 * The nodes of one tree in pre-order as parallel arrays (each node's parent, the end of its subtree and
 * its offset in the printed tree), and optionally the printed text. Paths, offsets and nodes by kind are
 * then array lookups instead of tree walks.
 *
 * <p>An edited tree shares every untouched subtree with the tree it was made from, so its table is
 * derived from the old one ({@link #derive}): identical subtrees are copied as array ranges (and text
 * ranges), and only the rebuilt nodes are walked.
 *
 * <p>Slot 0 is the root and holds {@code null}: whoever asks knows the root (a table is asked through its
 * root's index).
 */
final class NodeTable {
    /** Deeper rebuilt chains than this are rare (a deeply nested edit): they get a fresh table instead of recursion. */
    private static final int MAX_DERIVE_DEPTH = 300;

    static {
        if (NodeKind.values().length > Byte.MAX_VALUE + 1) {
            throw new ExceptionInInitializerError("node kinds no longer fit the table's byte per slot");
        }
    }

    private Node[] nodes;
    /**
     * Each slot's node kind (ordinal), the root's included: nodes of one kind are found by scanning this compact
     * array instead of reading every node object of the tree.
     */
    private byte[] kinds;
    private int[] parent;
    private int[] end;
    private int[] start;
    private int count;
    private final char[] text;
    /** Whether walking copies the tree's characters into {@link #text} (false when the text came printed). */
    private final boolean printing;
    private int at;
    /** Lookups by identity answered by scanning, before {@link #slots} is built. */
    private int lookups;
    private int[] slots;
    private static final int SCANNED_LOOKUPS = 4;
    /**
     * For a table derived with text: the text of the table it was derived from (or, when that version's words were
     * never counted, the text the ranges were first told of), and the ranges of it copied here unchanged (triples of
     * start there, start here, length; in increasing order in both texts), which is what the edits left alone. Lets
     * the words of the text be counted from the old text's over the rest only.
     */
    private char[] derivedFromText;
    private int[] kept;
    private int keptCount;

    private NodeTable(int capacity, char[] text, boolean printing) {
        nodes = new Node[capacity];
        kinds = new byte[capacity];
        parent = new int[capacity];
        end = new int[capacity];
        start = new int[capacity];
        this.text = text;
        this.printing = printing;
    }

    /** A table walked from scratch; {@code withText} also prints the tree into it in the same walk. */
    static NodeTable build(Node root, boolean withText) {
        NodeTable t = new NodeTable(Math.max(16, root.length() / 3), withText ? new char[root.length()] : null, withText);
        t.fresh(root, -1);
        return t;
    }

    /** A table walked from scratch for a tree whose printed text is already at hand (it is kept, never changed). */
    static NodeTable build(Node root, char[] printed) {
        NodeTable t = new NodeTable(Math.max(16, root.length() / 3), printed, false);
        t.fresh(root, -1);
        return t;
    }

    /**
     * The table of {@code newRoot}, an edit of the tree {@code old} belongs to (or of any earlier version of
     * it): walks only the nodes that are not shared with the old tree. Null when the rebuilt chain is too deep.
     */
    static NodeTable derive(NodeTable old, Node oldRoot, Node newRoot) {
        NodeTable t = new NodeTable(Math.max(16, old.count + 16), old.text == null ? null : new char[newRoot.length()],
                old.text != null);
        if (t.text != null) {
            t.kept = new int[3 * 8];
        }
        try {
            t.merge(old, oldRoot, 0, newRoot, -1, 0);
        } catch (TooDeep e) {
            return null;
        }
        if (t.text != null && old.derivedFromText != null) {
            // the old version's words were never counted: what is kept is told of the text they were counted in
            t.kept = compose(old.kept, old.keptCount, t.kept, t.keptCount);
            t.keptCount = t.kept.length / 3;
            t.derivedFromText = old.derivedFromText;
        } else {
            t.derivedFromText = old.text;
        }
        return t;
    }

    int count() {
        return count;
    }

    /** The node at {@code i}, or null for the root (slot 0). */
    Node node(int i) {
        return nodes[i];
    }

    int parent(int i) {
        return parent[i];
    }

    /** The ordinal of the kind of the node at {@code i} (the root's at 0). */
    int kind(int i) {
        return kinds[i];
    }

    int end(int i) {
        return end[i];
    }

    int start(int i) {
        return start[i];
    }

    boolean hasText() {
        return text != null;
    }

    char[] text() {
        return text;
    }

    /** The text this table was derived from ({@link #kept}), or null when it was not derived with text. */
    char[] derivedFromText() {
        return derivedFromText;
    }

    /** The ranges of {@link #derivedFromText} this text holds unchanged: triples, {@link #keptCount} of them. */
    int[] kept() {
        return kept;
    }

    int keptCount() {
        return keptCount;
    }

    /**
     * The ranges of text X kept in text Z, from those of X kept in Y ({@code first}) and of Y kept in Z
     * ({@code second}): their overlaps in Y, in order.
     */
    private static int[] compose(int[] first, int firstCount, int[] second, int secondCount) {
        int[] out = new int[3 * Math.max(1, firstCount + secondCount)];
        int n = 0;
        for (int a = 0, b = 0; a < firstCount && b < secondCount; ) {
            int aStart = first[3 * a + 1];
            int aEnd = aStart + first[3 * a + 2];
            int bStart = second[3 * b];
            int bEnd = bStart + second[3 * b + 2];
            int from = Math.max(aStart, bStart);
            int to = Math.min(aEnd, bEnd);
            if (from < to) {
                out[3 * n] = first[3 * a] + from - aStart;
                out[3 * n + 1] = second[3 * b + 1] + from - bStart;
                out[3 * n + 2] = to - from;
                n++;
            }
            if (aEnd <= bEnd) {
                a++;
            } else {
                b++;
            }
        }
        return Arrays.copyOf(out, 3 * n);
    }

    /** Lets the old text go once nothing will ask what was kept of it. */
    void forgetDerivation() {
        derivedFromText = null;
        kept = null;
        keptCount = 0;
    }

    /** Whether two tables hold the same nodes (by identity), parents, ends, offsets and text. */
    boolean sameAs(NodeTable o) {
        if (count != o.count || (text == null) != (o.text == null) || text != null && !Arrays.equals(text, o.text)) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (nodes[i] != o.nodes[i] || kinds[i] != o.kinds[i] || parent[i] != o.parent[i] || end[i] != o.end[i]
                    || start[i] != o.start[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The slot of {@code n} (identity), or -1; the root is slot 0. The first few lookups scan the table (most
     * tree versions are asked once or twice); after that an identity hash of the slots answers, because a
     * recipe that asks for the path of every name in a file would otherwise scan the table once per name.
     */
    int indexOf(Node root, Node n) {
        if (n == root) {
            return 0;
        }
        int[] hashed = slots;
        if (hashed == null && ++lookups > SCANNED_LOOKUPS) {
            hashed = hashSlots();
        }
        if (hashed != null) {
            int mask = hashed.length - 1;
            for (int h = System.identityHashCode(n) & mask; ; h = (h + 1) & mask) {
                int i = hashed[h];
                if (i == 0) {
                    return -1;
                }
                if (nodes[i] == n) {
                    return i;
                }
            }
        }
        Node[] ns = nodes;
        for (int i = 1; i < count; i++) {
            if (ns[i] == n) {
                return i;
            }
        }
        return -1;
    }

    /** Open addressing on identity hash codes, slot numbers stored (0, the root's slot, marks a free cell). */
    private int[] hashSlots() {
        int[] table = new int[Integer.highestOneBit(Math.max(4, count) * 2) * 2];
        int mask = table.length - 1;
        for (int i = 1; i < count; i++) {
            int h = System.identityHashCode(nodes[i]) & mask;
            while (table[h] != 0) {
                h = (h + 1) & mask;
            }
            table[h] = i;
        }
        slots = table;
        return table;
    }

    /** Emits {@code n} and everything below it, walking it (iteratively: some trees nest thousands deep). */
    private void fresh(Node n, int parentIndex) {
        Node[] stackNode = new Node[32];
        int[] stackIndex = new int[32];
        int[] stackNext = new int[32];
        int depth = 0;
        stackNode[0] = n;
        stackIndex[0] = open(n, parentIndex);
        while (depth >= 0) {
            Node top = stackNode[depth];
            int k = stackNext[depth];
            if (k == top.childCount()) {
                end[stackIndex[depth]] = count;
                stackNode[depth] = null;
                depth--;
                continue;
            }
            stackNext[depth] = k + 1;
            PyElement c = top.child(k);
            if (c instanceof Token tok) {
                token(tok);
                continue;
            }
            Node child = (Node) c;
            int index = open(child, stackIndex[depth]);
            depth++;
            if (depth == stackNode.length) {
                stackNode = Arrays.copyOf(stackNode, depth * 2);
                stackIndex = Arrays.copyOf(stackIndex, depth * 2);
                stackNext = Arrays.copyOf(stackNext, depth * 2);
            }
            stackNode[depth] = child;
            stackIndex[depth] = index;
            stackNext[depth] = 0;
        }
    }

    /** Takes a slot for {@code n} and emits its prefix. */
    private int open(Node n, int parentIndex) {
        int i = count++;
        if (i == nodes.length) {
            grow(i + 1);
        }
        nodes[i] = parentIndex < 0 ? null : n;
        kinds[i] = (byte) n.kind().ordinal();
        parent[i] = parentIndex;
        start[i] = at;
        at = printing ? n.prefix().copyTo(text, at) : at + n.prefix().length();
        return i;
    }

    private void token(Token t) {
        at = printing ? t.copyTo(text, at) : at + t.length();
    }

    /**
     * Emits new node {@code r}, whose counterpart in the old tree (the node at the same place) is old slot
     * {@code o}, or -1 when it has none: old subtrees that {@code r} still holds are copied.
     */
    private void merge(NodeTable old, Node oldRoot, int o, Node r, int parentIndex, int depth) {
        if (depth > MAX_DERIVE_DEPTH) {
            throw new TooDeep();
        }
        Node counterpart = o < 0 ? null : o == 0 ? oldRoot : old.nodes[o];
        if (counterpart == r && parentIndex >= 0) {
            copy(old, o, parentIndex);
            return;
        }
        int i = open(r, parentIndex);
        int[] oldKids = counterpart == null ? null : old.kidSlots(o, counterpart);
        int hint = 0;
        for (int p = 0; p < r.childCount(); p++) {
            PyElement c = r.child(p);
            if (c instanceof Token tok) {
                token(tok);
                continue;
            }
            Node child = (Node) c;
            int same = oldKids == null ? -1 : find(counterpart, oldKids, child, hint);
            if (same >= 0) {
                copy(old, oldKids[same], i);
                hint = same + 1;
            } else if (oldKids != null && p < oldKids.length && oldKids[p] >= 0) {
                merge(old, oldRoot, oldKids[p], child, i, depth + 1);
            } else {
                fresh(child, i);
            }
        }
        end[i] = count;
    }

    /** The position among {@code n}'s children (slot {@code o}) of each child node's slot; -1 for tokens. */
    private int[] kidSlots(int o, Node n) {
        int[] out = new int[n.childCount()];
        int next = o + 1;
        for (int p = 0; p < out.length; p++) {
            if (n.child(p) instanceof Node) {
                out[p] = next;
                next = end[next];
            } else {
                out[p] = -1;
            }
        }
        return out;
    }

    /** Which child position of {@code old} holds {@code child} (identity), looking at {@code hint} first. */
    private static int find(Node old, int[] oldKids, Node child, int hint) {
        if (hint < oldKids.length && old.child(hint) == child) {
            return hint;
        }
        for (int p = 0; p < oldKids.length; p++) {
            if (old.child(p) == child) {
                return p;
            }
        }
        return -1;
    }

    /** Copies old slot {@code o} and its subtree, shifted to the current slot and text offset. */
    private void copy(NodeTable old, int o, int parentIndex) {
        int len = old.end[o] - o;
        int need = count + len;
        if (need > nodes.length) {
            grow(need);
        }
        int slotShift = count - o;
        int textShift = at - old.start[o];
        System.arraycopy(old.nodes, o, nodes, count, len);
        System.arraycopy(old.kinds, o, kinds, count, len);
        for (int k = 0; k < len; k++) {
            int from = o + k;
            int to = count + k;
            parent[to] = old.parent[from] + slotShift;
            end[to] = old.end[from] + slotShift;
            start[to] = old.start[from] + textShift;
        }
        parent[count] = parentIndex;
        Node n = old.nodes[o];
        if (text != null) {
            System.arraycopy(old.text, old.start[o], text, at, n.length());
            keep(old.start[o], at, n.length());
        }
        at += n.length();
        count = need;
    }

    /**
     * Records that old text from {@code from} is copied unchanged to {@code to}: joined to the range before when
     * it continues it in both texts, dropped when it lies before that range in the old text (a moved subtree; what
     * is not recorded only counts as changed).
     */
    private void keep(int from, int to, int length) {
        if (length == 0) {
            return;
        }
        int k = 3 * (keptCount - 1);
        if (keptCount > 0) {
            int oldEnd = kept[k] + kept[k + 2];
            if (oldEnd == from && kept[k + 1] + kept[k + 2] == to) {
                kept[k + 2] += length;
                return;
            }
            if (from < oldEnd) {
                return;
            }
        }
        if (k + 5 >= kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[k + 3] = from;
        kept[k + 4] = to;
        kept[k + 5] = length;
        keptCount++;
    }

    private void grow(int min) {
        int cap = Math.max(min, nodes.length * 2);
        nodes = Arrays.copyOf(nodes, cap);
        kinds = Arrays.copyOf(kinds, cap);
        parent = Arrays.copyOf(parent, cap);
        end = Arrays.copyOf(end, cap);
        start = Arrays.copyOf(start, cap);
    }

    /** Raised when the rebuilt part of a tree nests too deep to merge recursively. */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }
}
