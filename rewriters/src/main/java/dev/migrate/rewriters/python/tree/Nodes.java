package dev.migrate.rewriters.python.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Tree walks that do not recurse (trees from long lines can be thousands of levels deep). */
public final class Nodes {
    private Nodes() {
    }

    /** The root and all nodes below it, in source (pre-)order. */
    public static List<Node> descendants(Node root) {
        List<Node> out = new ArrayList<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            List<PyElement> ch = n.children();
            for (int i = ch.size() - 1; i >= 0; i--) {
                if (ch.get(i) instanceof Node c) {
                    stack.push(c);
                }
            }
        }
        return out;
    }

    public static List<Node> find(Node root, NodeKind kind) {
        return find(root, n -> n.kind() == kind);
    }

    public static List<Node> find(Node root, Predicate<Node> test) {
        List<Node> out = new ArrayList<>();
        for (Node n : descendants(root)) {
            if (test.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** All tokens under the root, in source order. */
    public static List<Token> tokens(Node root) {
        List<Token> out = new ArrayList<>();
        ArrayDeque<PyElement> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PyElement e = stack.pop();
            if (e instanceof Token t) {
                out.add(t);
            } else {
                List<PyElement> ch = ((Node) e).children();
                for (int i = ch.size() - 1; i >= 0; i--) {
                    stack.push(ch.get(i));
                }
            }
        }
        return out;
    }
}
