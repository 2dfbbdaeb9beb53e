package dev.migrate.rewriters.python;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;

/**
 * The whitespace invariants of a tree: every prefix holds only trivia (spaces, tabs, form feeds, line
 * breaks, comments, backslash continuations), and no whitespace has two owners (a node's first child
 * never has a prefix of its own; the node holds it).
 */
public final class Ownership {
    private Ownership() {
    }

    /** Null when the tree keeps the invariants, else the first violation. */
    public static String violation(Node root) {
        for (Node n : Nodes.descendants(root)) {
            if (!isTrivia(n.prefix())) {
                return "non-whitespace in the prefix of " + n.kind() + ": " + n.prefix().text();
            }
            if (n.childCount() > 0 && !n.child(0).prefix().isEmpty()) {
                return "first child of " + n.kind() + " has its own prefix";
            }
            for (PyElement c : n.children()) {
                if (!isTrivia(c.prefix())) {
                    return "non-whitespace in a prefix under " + n.kind() + ": " + c.prefix().text();
                }
            }
        }
        return null;
    }

    static boolean isTrivia(Space space) {
        String s = space.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                i += 2;
            } else {
                return false;
            }
        }
        return true;
    }
}
