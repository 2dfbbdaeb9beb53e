package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code # TODO(migrate CODE): ...} comments above the statement that needs a person. The comment goes
 * into the statement's prefix (below any comments already there), so it moves with the statement; a
 * statement that already carries the same TODO gets no second one, which keeps recipes idempotent.
 */
public final class Todos {
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private Todos() {
    }

    public static String text(String code, String message) {
        return "# TODO(migrate " + code + "): " + oneLine(message);
    }

    /**
     * A message quotes code (an argument, a call) as the source spells it, which may span lines; a comment line
     * must not, or the lines after the first become code (and the rewritten file does not parse).
     */
    public static String oneLine(String message) {
        return LINE_BREAK.matcher(message).replaceAll(" ");
    }

    /** The block-level element (a child of MODULE or SUITE) that contains {@code node}. */
    public static PyElement statementOf(Node root, PyElement node) {
        List<Node> path = TreeEdits.path(root, node);
        if (path == null) {
            throw new IllegalArgumentException("not in this tree: " + node);
        }
        PyElement current = node;
        for (int i = path.size() - 1; i >= 0; i--) {
            NodeKind k = path.get(i).kind();
            if (k == NodeKind.MODULE || k == NodeKind.SUITE) {
                return current;
            }
            current = path.get(i);
        }
        return current;
    }

    public static boolean has(Node root, PyElement node, String code) {
        return carries(root, statementOf(root, node), "TODO(migrate " + code + ")");
    }

    /** Whether the statement holding {@code node} carries this very TODO (written by an earlier run). */
    public static boolean has(Node root, PyElement node, String code, String message) {
        return carries(root, statementOf(root, node), text(code, message));
    }

    /**
     * Whether the comments above {@code stmt} hold {@code marker}. The file's first statement gives the
     * comments above it to the module header once the file is parsed again, so its TODO is looked for there.
     */
    private static boolean carries(Node root, PyElement stmt, String marker) {
        if (stmt.prefix().text().contains(marker)) {
            return true;
        }
        return root.kind() == NodeKind.MODULE && root.childCount() > 0 && root.child(0) == stmt
                && root.prefix().text().contains(marker);
    }

    /** Adds the TODO above the statement holding {@code node}, unless one with this code is already there. */
    public static Node add(Node root, PyElement node, String code, String message, String newline) {
        PyElement stmt = statementOf(root, node);
        if (carries(root, stmt, "TODO(migrate " + code + ")")) {
            return root;
        }
        return comment(root, stmt, text(code, message), newline);
    }

    /**
     * {@code root} without the TODO lines of {@code code} above the statement holding {@code node} whose message
     * {@code settled} accepts: a TODO an earlier run wrote (without --unsafe-fixes, say) for what this edit now does.
     * Other comments, and the statement's nodes, stay as they are.
     */
    public static Node remove(Node root, PyElement node, String code, java.util.function.Predicate<String> settled) {
        PyElement stmt = statementOf(root, node);
        String marker = "# TODO(migrate " + code + "): ";
        boolean first = root.kind() == NodeKind.MODULE && root.childCount() > 0 && root.child(0) == stmt;
        String text = (first ? root : stmt).prefix().text();
        StringBuilder kept = new StringBuilder();
        int start = 0;
        boolean changed = false;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            String line = text.substring(start, end);
            String content = line.strip();
            if (content.startsWith(marker) && end <= text.length() && line.endsWith("\n")
                    && settled.test(content.substring(marker.length()))) {
                changed = true;
            } else {
                kept.append(line);
            }
            start = end;
        }
        if (!changed) {
            return root;
        }
        if (first) {
            return root.withPrefix(Space.of(kept.toString()));
        }
        return TreeEdits.replaceKeepingPrefix(root, stmt, stmt.withPrefix(Space.of(kept.toString())));
    }

    /** Adds the comment line {@code comment} (starting with #) just above the statement holding {@code node}. */
    public static Node comment(Node root, PyElement node, String comment, String newline) {
        PyElement stmt = statementOf(root, node);
        String prefix = stmt.prefix().text();
        int lineStart = prefix.length();
        while (lineStart > 0 && prefix.charAt(lineStart - 1) != '\n' && prefix.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        String indent = prefix.substring(lineStart);
        String added = prefix + comment + newline + indent;
        PyElement replaced = stmt.withPrefix(Space.of(added));
        return TreeEdits.replaceKeepingPrefix(root, stmt, replaced);
    }
}
