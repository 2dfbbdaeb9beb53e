package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
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
        return TreeIndex.of(root).path(target);
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
            TreeIndex.derivedFrom((Node) replacement, root);
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
        TreeIndex.derivedFrom((Node) current, root);
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
