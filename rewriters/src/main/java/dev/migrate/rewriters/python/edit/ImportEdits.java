package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Add, merge and remove imports; drop the ones an edit left unused. */
public final class ImportEdits {
    private ImportEdits() {
    }

    /** Ensures {@code import module} is present. */
    public static Node addImport(Node root, String module, PythonStyle style) {
        for (ImportBinding b : Imports.of(root).all()) {
            if (!b.isFromImport() && b.module().equals(module) && b.localName().equals(b.qualifiedName())) {
                return root;
            }
        }
        return insertImportStatement(root, "import " + module, module, false, style);
    }

    /**
     * Ensures {@code from module import name} is in effect: no change when the name is already bound
     * to it; merged into an existing top-level {@code from module import ...}; else a new statement
     * placed among the imports as {@link ImportPlacement} says (or after the docstring).
     */
    public static Node addFromImport(Node root, String module, String name, PythonStyle style) {
        Imports imports = Imports.of(root);
        Optional<ImportBinding> existing = imports.binding(name);
        if (existing.isPresent() && existing.get().qualifiedName().equals(module + "." + name)) {
            return root;
        }
        for (Node stmt : topLevelStatements(root)) {
            if (stmt.kind() == NodeKind.IMPORT_FROM && Imports.fromModule(stmt).equals(module) && !stmt.hasToken("*")) {
                return TreeEdits.replaceKeepingPrefix(root, stmt, withAlias(stmt, name, style));
            }
        }
        return insertImportStatement(root, "from " + module + " import " + name, module, true, style);
    }

    /** Removes the import of a bound name; the statement goes when it has no names left. */
    public static Node removeImport(Node root, String localName, PythonStyle style) {
        Optional<ImportBinding> binding = Imports.of(root).binding(localName);
        if (binding.isEmpty() || binding.get().alias() == null) {
            return root;
        }
        Node stmt = binding.get().statement();
        Node rest = withoutAlias(stmt, binding.get().alias());
        return rest == null ? StatementEdits.remove(root, stmt, style) : TreeEdits.replaceKeepingPrefix(root, stmt, rest);
    }

    /**
     * The import statement without one of its names (this very alias node: a name imported twice, as in a
     * try/except fallback, is removed from the statement the caller holds), or null when it was the only one.
     */
    public static Node withoutAlias(Node stmt, Node alias) {
        if (stmt.nodes(NodeKind.IMPORT_ALIAS).size() == 1) {
            return null;
        }
        List<PyElement> kids = new ArrayList<>(stmt.children());
        int at = kids.indexOf(alias);
        PyElement removedPrefixHolder = kids.get(at);
        if (at + 1 < kids.size() && kids.get(at + 1) instanceof Token t && t.is(",")) {
            kids.remove(at + 1);
            kids.remove(at);
            if (at < kids.size() && kids.get(at) instanceof Node next && next.kind() == NodeKind.IMPORT_ALIAS) {
                kids.set(at, next.withPrefix(removedPrefixHolder.prefix()));
            }
        } else {
            kids.remove(at);
            kids.remove(at - 1);
        }
        return stmt.withChildren(kids);
    }

    /**
     * Removes imports whose names were used in {@code before} but are used nowhere in {@code after}:
     * the imports an edit made unused. Imports that were already unused are left alone (they may be
     * there for their side effects or for re-export).
     */
    public static Node removeImportsMadeUnused(Node before, Node after, PythonStyle style) {
        Set<String> usedBefore = usedNames(before);
        Set<String> usedAfter = usedNames(after);
        Node result = after;
        for (ImportBinding b : Imports.of(after).all()) {
            String name = b.localName();
            if (!name.equals("*") && usedBefore.contains(name) && !usedAfter.contains(name)) {
                result = removeImport(result, name, style);
            }
        }
        return result;
    }

    /** Identifiers used as expressions (import statements bind names with tokens, so they do not count). */
    public static Set<String> usedNames(Node root) {
        return TreeIndex.of(root).usedNames();
    }

    private static Node withAlias(Node importFrom, String name, PythonStyle style) {
        Node alias = Snippets.statements("from m import " + name, style, "").stream()
                .map(e -> ((Node) e).firstNode(NodeKind.IMPORT_FROM)).findFirst().orElseThrow()
                .firstNode(NodeKind.IMPORT_ALIAS);
        List<PyElement> kids = new ArrayList<>(importFrom.children());
        int last = -1;
        List<Integer> aliases = new ArrayList<>();
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i) instanceof Node n && n.kind() == NodeKind.IMPORT_ALIAS) {
                last = i;
                aliases.add(i);
            }
        }
        int before = sortedPlace(kids, aliases, name);
        if (before >= 0) {
            // a sorted list stays sorted: the new name goes in front of the first name that sorts after it,
            // taking that name's place (and spacing); the name it displaces keeps its own
            PyElement next = kids.get(before);
            if (next.prefix().isEmpty()) {
                kids.set(before, next.withPrefix(Space.SINGLE)); // it sat right after "(": now after a comma
            }
            kids.add(before, Token.op(","));
            kids.add(before, alias.withPrefix(next.prefix()));
            return importFrom.withChildren(kids);
        }
        Space previous = kids.get(last).prefix();
        Space prefix = previous.containsNewline() ? previous : Space.SINGLE;
        boolean trailingComma = last + 1 < kids.size() && kids.get(last + 1) instanceof Token t && t.is(",");
        if (trailingComma) {
            kids.add(last + 2, alias.withPrefix(prefix));
            kids.add(last + 3, Token.op(","));
        } else {
            kids.add(last + 1, Token.op(","));
            kids.add(last + 2, alias.withPrefix(prefix));
        }
        return importFrom.withChildren(kids);
    }

    /**
     * Where {@code name} goes in a list of imported names kept sorted, as isort and ruff keep them (by
     * character code, which puts CONSTANTS and Classes before functions, or ignoring case): the index of the
     * first alias that sorts after it, or -1 to append (the list is not sorted, or the name sorts last).
     */
    private static int sortedPlace(List<PyElement> kids, List<Integer> aliases, String name) {
        List<String> names = new ArrayList<>();
        for (int i : aliases) {
            Node dotted = ((Node) kids.get(i)).firstNode(NodeKind.DOTTED_NAME);
            names.add(dotted == null || dotted.tokens().isEmpty() ? "" : dotted.tokens().get(0).text());
        }
        for (Comparator<String> order : List.of(Comparator.<String>naturalOrder(), String.CASE_INSENSITIVE_ORDER)) {
            if (isSorted(names, order)) {
                for (int k = 0; k < names.size(); k++) {
                    if (order.compare(name, names.get(k)) < 0) {
                        return aliases.get(k);
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSorted(List<String> names, Comparator<String> order) {
        for (int k = 1; k < names.size(); k++) {
            if (order.compare(names.get(k - 1), names.get(k)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A file that imports a package only inside a top-level {@code try:} (its {@code except ImportError:} makes the
     * package optional) gets another import of that package in the same guard, after the last one: the last import
     * of the package in the first such {@code try} body, when no top-level statement imports the package; else null.
     */
    private static Node guardedImport(Node root, String module) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        for (Node stmt : topLevelStatements(root)) {
            if (importsPackage(stmt, top)) {
                return null;
            }
        }
        for (PyElement c : root.children()) {
            if (c instanceof Node tryStmt && tryStmt.kind() == NodeKind.TRY) {
                Node body = tryStmt.firstNode(NodeKind.SUITE);
                Node last = null;
                for (Node s : body == null ? List.<Node>of() : Statements.of(body)) {
                    if (importsPackage(s, top)) {
                        last = s;
                    }
                }
                if (last != null) {
                    return last;
                }
            }
        }
        return null;
    }

    private static boolean importsPackage(Node stmt, String top) {
        if (stmt.kind() == NodeKind.IMPORT_FROM) {
            String m = Imports.fromModule(stmt);
            return m.equals(top) || m.startsWith(top + ".");
        }
        if (stmt.kind() == NodeKind.IMPORT) {
            for (Node alias : stmt.nodes(NodeKind.IMPORT_ALIAS)) {
                String text = alias.print().strip();
                if (text.equals(top) || text.startsWith(top + ".") || text.startsWith(top + " ")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Node> topLevelStatements(Node root) {
        List<Node> out = new ArrayList<>();
        for (PyElement c : root.children()) {
            if (c instanceof Node n && n.kind() == NodeKind.SIMPLE_LINE) {
                out.addAll(n.nodes());
            }
        }
        return out;
    }

    private static Node insertImportStatement(Node root, String code, String module, boolean from, PythonStyle style) {
        Node guarded = guardedImport(root, module);
        if (guarded != null) {
            return StatementEdits.insertAfter(root, guarded, code, style);
        }
        Node placed = ImportPlacement.insert(root, code, module, from, style);
        if (placed != null) {
            return placed;
        }
        Node lastImport = null;
        Node docstring = null;
        Node first = null;
        for (PyElement c : root.children()) {
            if (!(c instanceof Node n) || n.kind() == NodeKind.ERROR) {
                continue;
            }
            Node stmt = n.kind() == NodeKind.SIMPLE_LINE && !n.nodes().isEmpty() ? n.nodes().get(0) : n;
            if (first == null) {
                first = stmt;
                if (stmt.kind() == NodeKind.EXPR_STMT && stmt.nodes().get(0).kind() == NodeKind.STRING) {
                    docstring = stmt;
                }
            }
            if (stmt.kind() == NodeKind.IMPORT || stmt.kind() == NodeKind.IMPORT_FROM) {
                lastImport = stmt;
            }
        }
        if (lastImport != null) {
            return StatementEdits.insertAfter(root, lastImport, code, style);
        }
        if (docstring != null) {
            return blankLineAfter(StatementEdits.insertAfter(root, docstring, code, style), code, style);
        }
        if (first != null) {
            return blankLineAfter(StatementEdits.insertBefore(root, first, code, style), code, style);
        }
        List<PyElement> kids = new ArrayList<>(root.children());
        kids.addAll(kids.size() - 1, Snippets.statements(code, style, ""));
        return root.withChildren(kids);
    }

    /**
     * The module's first import, put above its code (after the docstring, if any), separated from that code by a
     * blank line as isort leaves it: the statement after it had nothing above it to keep apart.
     */
    private static Node blankLineAfter(Node root, String code, PythonStyle style) {
        List<PyElement> kids = new ArrayList<>(root.children());
        for (int i = 0; i + 1 < kids.size(); i++) {
            if (kids.get(i) instanceof Node n && n.print().strip().equals(code)) {
                PyElement next = kids.get(i + 1);
                String prefix = next.prefix().text();
                if (!(next instanceof Node) || prefix.startsWith("\n") || prefix.startsWith("\r")) {
                    return root;
                }
                kids.set(i + 1, next.withPrefix(Space.of(style.newline() + prefix)));
                return root.withChildren(kids);
            }
        }
        return root;
    }
}
