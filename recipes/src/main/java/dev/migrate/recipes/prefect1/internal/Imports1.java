package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The last step of every Prefect 1 recipe: drop the imports an edit made unused, keep the file's top tidy. */
public final class Imports1 {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Imports1() {
    }

    public static Node finish(Node before, Node after, PythonStyle style) {
        if (after == before) {
            return before;
        }
        Node result = withoutImportsMadeUnused(before, after, style);
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

    /**
     * The imports the edit made unused go, except a non-Prefect import whose name a new TODO quotes: an argument
     * the conversion could not carry over (on_failure=partial(notify, ...)) is quoted in the TODO, and the person
     * who writes its Prefect 3 form needs the import it used. A Prefect 1 import has no such use.
     */
    private static Node withoutImportsMadeUnused(Node before, Node after, PythonStyle style) {
        Set<String> usedBefore = ImportEdits.usedNames(before);
        Set<String> usedAfter = ImportEdits.usedNames(after);
        Set<String> quoted = namesInNewTodos(before, after);
        Node result = after;
        for (ImportBinding b : Imports.of(after).all()) {
            String name = b.localName();
            boolean prefect = b.qualifiedName().equals("prefect") || b.qualifiedName().startsWith("prefect.");
            if (!name.equals("*") && usedBefore.contains(name) && !usedAfter.contains(name)
                    && (prefect || !quoted.contains(name))) {
                result = ImportEdits.removeImport(result, name, style);
            }
        }
        return result;
    }

    private static Set<String> namesInNewTodos(Node before, Node after) {
        Set<String> old = before.print().lines().filter(l -> l.strip().startsWith("# TODO(migrate "))
                .collect(Collectors.toSet());
        Set<String> out = new HashSet<>();
        after.print().lines().filter(l -> l.strip().startsWith("# TODO(migrate ") && !old.contains(l))
                .forEach(l -> IDENTIFIER.matcher(l).results().forEach(m -> out.add(m.group())));
        return out;
    }

    /** A file that ended without a newline still does when an edit rewrote its last line. */
    private static Node keepMissingFinalNewline(Node before, Node after, PythonStyle style) {
        if (before.print().endsWith(style.newline()) || !after.print().endsWith(style.newline())) {
            return after;
        }
        // a replaced last statement can end in two breaks (its own and the one the old last line kept)
        Node out = after;
        while (out.print().endsWith(style.newline())) {
            Node trimmed = withoutLastNewline(out, style.newline());
            if (trimmed == null) {
                break;
            }
            out = trimmed;
        }
        return out;
    }

    /**
     * The tree without its final line break, or null when the last token holding text is not one: a walk down
     * the last non-empty child of each node (DEDENT and ENDMARKER tokens hold nothing).
     */
    private static Node withoutLastNewline(Node node, String newline) {
        for (int i = node.childCount() - 1; i >= 0; i--) {
            PyElement child = node.child(i);
            if (child instanceof Token t) {
                if (t.text().isEmpty() && t.prefix().isEmpty()) {
                    continue;
                }
                if (t.text().isEmpty() && t.prefix().text().equals(newline)) {
                    return node.withChild(i, t.withPrefix(Space.EMPTY));
                }
                if (t.kind() == TokenKind.NEWLINE && t.text().equals(newline)) {
                    return node.withChild(i, t.withText(""));
                }
                return null;
            }
            Node n = (Node) child;
            if (n.print().isEmpty()) {
                continue;
            }
            Node trimmed = withoutLastNewline(n, newline);
            return trimmed == null ? null : node.withChild(i, trimmed);
        }
        return null;
    }
}
