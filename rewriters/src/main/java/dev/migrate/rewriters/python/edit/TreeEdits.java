package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structural edits on the immutable tree: find the path to a node by identity and rebuild only the
 * ancestors on that path. Everything off the path is shared, so untouched bytes stay identical.
 */
public final class TreeEdits {
    private TreeEdits() {
    }

    /** Ancestors of {@code target} from the root down to its parent; empty if target is the root; null if absent. */
    public static List<Node> path(Node root, PyElement target) {
        if (root == target) {
            return new ArrayList<>();
        }
        // depth-first with parallel arrays for the open nodes and their next child (no per-node frames)
        Node[] nodes = new Node[32];
        int[] next = new int[32];
        int depth = 0;
        nodes[0] = root;
        while (depth >= 0) {
            Node n = nodes[depth];
            int i = next[depth];
            if (i == n.childCount()) {
                nodes[depth] = null;
                depth--;
                continue;
            }
            next[depth] = i + 1;
            PyElement c = n.child(i);
            if (c == target) {
                List<Node> path = new ArrayList<>(depth + 1);
                for (int d = 0; d <= depth; d++) {
                    path.add(nodes[d]);
                }
                return path;
            }
            if (c instanceof Node child && child.childCount() > 0) {
                depth++;
                if (depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                }
                nodes[depth] = child;
                next[depth] = 0;
            }
        }
        return null;
    }

    public static Node parentOf(Node root, PyElement target) {
        List<Node> path = path(root, target);
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("not inside this tree: " + target);
        }
        return path.get(path.size() - 1);
    }

    /**
     * Replaces {@code target} with {@code replacement}, which takes over the target's prefix (the
     * whitespace and comments before it stay where they were).
     */
    public static Node replace(Node root, PyElement target, PyElement replacement) {
        return replaceKeepingPrefix(root, target, replacement.withPrefix(target.prefix()));
    }

    /** Replaces {@code target} with {@code replacement} exactly as given. */
    public static Node replaceKeepingPrefix(Node root, PyElement target, PyElement replacement) {
        if (root == target) {
            return (Node) replacement;
        }
        List<Node> path = path(root, target);
        if (path == null) {
            throw new IllegalArgumentException("not inside this tree: " + target);
        }
        PyElement current = replacement;
        PyElement old = target;
        for (int i = path.size() - 1; i >= 0; i--) {
            Node parent = path.get(i);
            int index = indexOf(parent, old);
            Node rebuilt = parent.withChild(index, current);
            old = parent;
            current = rebuilt;
        }
        return (Node) current;
    }

    /** Replaces a node's children list (the node keeps its prefix). */
    public static Node replaceChildren(Node root, Node parent, List<PyElement> children) {
        Node rebuilt = parent.withChildren(children);
        return replaceKeepingPrefix(root, parent, rebuilt);
    }

    public static int indexOf(Node parent, PyElement child) {
        for (int i = 0; i < parent.childCount(); i++) {
            if (parent.child(i) == child) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a child: " + child);
    }
}
