package dev.migrate.rewriters.python.tree;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Character offsets of every node and token under a root, computed in one iterative walk (nodes store
 * no offsets, so edited trees never carry stale ones). A node's range starts after its prefix and ends
 * after its last significant token: NEWLINE, INDENT, DEDENT and ENDMARKER tokens are layout, not
 * content, so a compound statement ends where its last body statement ends, as in CPython.
 */
public final class SourceRanges {
    private final Map<PyElement, long[]> ranges = new IdentityHashMap<>();

    private SourceRanges() {
    }

    public static SourceRanges of(Node root) {
        SourceRanges r = new SourceRanges();
        r.walk(root);
        return r;
    }

    /** Start offset (after the prefix), or -1 if the element is not under the root. */
    public int start(PyElement e) {
        long[] v = ranges.get(e);
        return v == null ? -1 : (int) v[0];
    }

    /** End offset (exclusive) of the last significant token. */
    public int end(PyElement e) {
        long[] v = ranges.get(e);
        return v == null ? -1 : (int) v[1];
    }

    private static boolean layout(Token t) {
        TokenKind k = t.kind();
        return k == TokenKind.NEWLINE || k == TokenKind.INDENT || k == TokenKind.DEDENT || k == TokenKind.ENDMARKER;
    }

    private void walk(Node root) {
        // Frames: element, next child index, offset; ends are filled in on the way out.
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        int offset = 0;
        stack.push(new Object[] {root, 0});
        long[] rootRange = {offset + root.prefix().text().length(), -1};
        ranges.put(root, rootRange);
        offset += root.prefix().text().length();
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node n = (Node) frame[0];
            int i = (Integer) frame[1];
            if (i == n.children().size()) {
                stack.pop();
                long[] own = ranges.get(n);
                if (own[1] < 0) {
                    own[1] = own[0];
                }
                if (!stack.isEmpty()) {
                    long[] parent = ranges.get((Node) stack.peek()[0]);
                    if (own[1] > own[0]) {
                        parent[1] = Math.max(parent[1], own[1]);
                    }
                }
                continue;
            }
            frame[1] = i + 1;
            PyElement c = n.children().get(i);
            offset += c.prefix().text().length();
            if (c instanceof Token t) {
                int end = offset + t.text().length();
                ranges.put(t, new long[] {offset, end});
                if (!layout(t)) {
                    long[] own = ranges.get(n);
                    own[1] = Math.max(own[1], end);
                }
                offset = end;
            } else {
                Node child = (Node) c;
                ranges.put(child, new long[] {offset, -1});
                stack.push(new Object[] {child, 0});
            }
        }
    }
}
