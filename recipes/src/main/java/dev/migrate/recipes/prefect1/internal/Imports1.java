package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;

/** The last step of every Prefect 1 recipe: drop the imports an edit made unused, keep the file's top tidy. */
public final class Imports1 {
    private Imports1() {
    }

    public static Node finish(Node before, Node after, PythonStyle style) {
        if (after == before) {
            return before;
        }
        Node result = ImportEdits.removeImportsMadeUnused(before, after, style);
        if (!before.print().startsWith(style.newline()) && result.print().startsWith(style.newline())
                && result.childCount() > 0) {
            // the first import went and left the blank line that followed it on top of the file
            PyElement first = result;
            while (first.prefix().isEmpty() && first instanceof Node n && n.childCount() > 0) {
                first = n.child(0);
            }
            String prefix = first.prefix().text();
            int cut = 0;
            while (cut < prefix.length() && (prefix.charAt(cut) == '\n' || prefix.charAt(cut) == '\r')) {
                cut++;
            }
            result = TreeEdits.replaceKeepingPrefix(result, first, first.withPrefix(Space.of(prefix.substring(cut))));
        }
        return keepMissingFinalNewline(before, result, style);
    }

    /** A file that ended without a newline still does when an edit rewrote its last line. */
    private static Node keepMissingFinalNewline(Node before, Node after, PythonStyle style) {
        if (before.print().endsWith(style.newline()) || !after.print().endsWith(style.newline())) {
            return after;
        }
        java.util.List<dev.migrate.rewriters.python.tree.Token> tokens = dev.migrate.rewriters.python.tree.Nodes.tokens(after);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            dev.migrate.rewriters.python.tree.Token t = tokens.get(i);
            if (t.text().isEmpty() && t.prefix().isEmpty()) {
                continue;
            }
            if (t.text().isEmpty() && t.prefix().text().equals(style.newline())) {
                return TreeEdits.replaceKeepingPrefix(after, t, t.withPrefix(dev.migrate.rewriters.python.tree.Space.EMPTY));
            }
            if (t.kind() == dev.migrate.rewriters.python.tree.TokenKind.NEWLINE && t.text().equals(style.newline())
                    && after.prefix() != null) {
                return TreeEdits.replaceKeepingPrefix(after, t, t.withText(""));
            }
            return after;
        }
        return after;
    }
}
