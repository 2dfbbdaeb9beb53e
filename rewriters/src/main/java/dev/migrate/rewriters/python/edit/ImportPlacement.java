package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a new top-level import goes among the imports at the head of a module: with the imports of its own
 * package, else in the standard-library section (a new module of the standard library) or the first section
 * that imports something else (third-party code); in its sorted place when that section is sorted the way
 * isort and ruff sort it, else after its last import. A project that checks the order of its imports in CI
 * then still passes after a rewrite. Sections are runs of import lines with no blank line between them,
 * before the first function or class; a file whose imports fit none of this gets the new import after its
 * last import, as before.
 */
final class ImportPlacement {
    private static final Set<String> STDLIB = stdlibModules();

    private ImportPlacement() {
    }

    /** One import line of the module's head: its statement, the module it names and whether it is a from-import. */
    private record Line(Node stmt, String module, boolean from) {
        String top() {
            return topLevel(module);
        }

        boolean future() {
            return from && module.equals("__future__");
        }
    }

    /**
     * The tree with {@code code} (an import of {@code module}, a from-import when {@code from}) placed among the
     * head's imports, or null when the head has no section for it (the caller falls back).
     */
    static Node insert(Node root, String code, String module, boolean from, PythonStyle style) {
        List<List<Line>> sections = sections(root);
        Line added = new Line(null, module, from);
        List<Line> section = sectionFor(sections, added);
        if (section == null) {
            return newSection(root, sections, added, code, style);
        }
        for (Comparator<Line> order : ORDERS) {
            if (isSorted(section, order)) {
                for (int i = 0; i < section.size(); i++) {
                    if (order.compare(added, section.get(i)) < 0) {
                        return i == 0 ? insertBeforeSection(root, section.get(0).stmt(), code, style, Space.EMPTY)
                                : StatementEdits.insertBefore(root, section.get(i).stmt(), code, style);
                    }
                }
                return StatementEdits.insertAfter(root, section.get(section.size() - 1).stmt(), code, style);
            }
        }
        Line anchor = section.get(section.size() - 1);
        for (Line l : section) {
            if (l.top().equals(added.top())) {
                anchor = l;
            }
        }
        return StatementEdits.insertAfter(root, anchor.stmt(), code, style);
    }

    /**
     * isort's default order within a section (plain imports first, then from-imports, each by module, ignoring
     * case) and its force-sort-within-sections order (by module only), which ruff also offers.
     */
    private static final List<Comparator<Line>> ORDERS = List.of(
            Comparator.<Line, Boolean>comparing(Line::from).thenComparing(l -> l.module().toLowerCase(Locale.ROOT)),
            Comparator.<Line, String>comparing(l -> l.module().toLowerCase(Locale.ROOT)).thenComparing(Line::from));

    private static boolean isSorted(List<Line> section, Comparator<Line> order) {
        for (int i = 1; i < section.size(); i++) {
            if (order.compare(section.get(i - 1), section.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Line> sectionFor(List<List<Line>> sections, Line added) {
        String top = added.top();
        if (!top.isEmpty()) {
            for (List<Line> s : sections) {
                for (Line l : s) {
                    if (l.top().equals(top)) {
                        return s;
                    }
                }
            }
        }
        if (!STDLIB.contains(top)) {
            return first(sections, l -> !l.future() && !STDLIB.contains(l.top()) && !l.module().startsWith("."), false);
        }
        // the standard-library section, else a section that mixes the standard library with other code
        List<Line> stdlibOnly = first(sections, l -> !l.future() && STDLIB.contains(l.top()), true);
        return stdlibOnly != null ? stdlibOnly : first(sections, l -> !l.future() && STDLIB.contains(l.top()), false);
    }

    /** The first section whose lines all ({@code all}) or any of them match. */
    private static List<Line> first(List<List<Line>> sections, Predicate<Line> test, boolean all) {
        for (List<Line> s : sections) {
            if (all ? s.stream().allMatch(test) : s.stream().anyMatch(test)) {
                return s;
            }
        }
        return null;
    }

    /**
     * A section of its own for an import whose kind the head lacks: a standard-library module goes before the
     * first section after the {@code __future__} imports, anything else after the last standard-library or
     * {@code __future__} section. Null when neither exists.
     */
    private static Node newSection(Node root, List<List<Line>> sections, Line added, String code, PythonStyle style) {
        Space blankLine = Space.of(style.newline());
        if (STDLIB.contains(added.top())) {
            for (List<Line> s : sections) {
                if (!s.get(0).future()) {
                    return insertBeforeSection(root, s.get(0).stmt(), code, style, blankLine);
                }
            }
        }
        List<Line> after = null;
        for (List<Line> s : sections) {
            if (s.stream().allMatch(l -> l.future() || STDLIB.contains(l.top()))) {
                after = s;
            }
        }
        if (after == null) {
            return null;
        }
        Node last = after.get(after.size() - 1).stmt();
        int at = lineIndex(root, last);
        Node inserted = StatementEdits.insertAfter(root, last, code, style);
        List<PyElement> kids = new ArrayList<>(inserted.children());
        kids.set(at + 1, kids.get(at + 1).withPrefix(blankLine));
        return TreeEdits.replaceChildren(inserted, inserted, kids);
    }

    /** Where the top-level line holding {@code stmt} is among the module's children. */
    private static int lineIndex(Node root, Node stmt) {
        for (int at = 0; at < root.childCount(); at++) {
            if (root.child(at) instanceof Node line && line.kind() == NodeKind.SIMPLE_LINE && line.nodes().get(0) == stmt) {
                return at;
            }
        }
        throw new IllegalArgumentException("not a top-level import of this module: " + stmt);
    }

    /** The runs of top-level import lines before the first function or class, split at blank lines. */
    private static List<List<Line>> sections(Node root) {
        List<List<Line>> out = new ArrayList<>();
        List<Line> current = null;
        for (PyElement c : root.children()) {
            if (!(c instanceof Node n)) {
                continue;
            }
            if (n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.CLASS_DEF) {
                break;
            }
            Line line = importLine(n);
            if (line == null) {
                current = null;
                continue;
            }
            if (current == null || hasBlankLine(n.prefix())) {
                current = new ArrayList<>();
                out.add(current);
            }
            current.add(line);
        }
        return out;
    }

    private static Line importLine(Node element) {
        if (element.kind() != NodeKind.SIMPLE_LINE || element.nodes().size() != 1) {
            return null;
        }
        Node stmt = element.nodes().get(0);
        if (stmt.kind() == NodeKind.IMPORT_FROM) {
            return new Line(stmt, Imports.fromModule(stmt), true);
        }
        if (stmt.kind() == NodeKind.IMPORT) {
            Node alias = stmt.firstNode(NodeKind.IMPORT_ALIAS);
            Node dotted = alias == null ? null : alias.firstNode(NodeKind.DOTTED_NAME);
            return dotted == null ? null : new Line(stmt, dotted.print().strip(), false);
        }
        return null;
    }

    /** Whether a statement's prefix holds an empty line (comment lines alone do not start a new section). */
    private static boolean hasBlankLine(Space prefix) {
        String text = prefix.text();
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                if (text.substring(lineStart, i).isBlank()) {
                    return true;
                }
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        return false;
    }

    /**
     * Inserts before the first import of a section: the new line takes the section's blank lines and the
     * comments above it (a section's heading comment, a file's shebang), which stay above the section, and the
     * old first line keeps {@code firstKeeps} (nothing, or a blank line when the new line is a section of its own).
     */
    private static Node insertBeforeSection(Node root, Node first, String code, PythonStyle style, Space firstKeeps) {
        List<PyElement> kids = new ArrayList<>(root.children());
        int at = lineIndex(root, first);
        PyElement line = kids.get(at);
        List<PyElement> added = Snippets.statements(code, style, "");
        added.set(0, added.get(0).withPrefix(line.prefix()));
        kids.set(at, line.withPrefix(firstKeeps));
        kids.addAll(at, added);
        return TreeEdits.replaceChildren(root, root, kids);
    }

    static String topLevel(String module) {
        if (module.startsWith(".")) {
            return "";
        }
        int dot = module.indexOf('.');
        return dot < 0 ? module : module.substring(0, dot);
    }

    private static Set<String> stdlibModules() {
        Set<String> out = new HashSet<>();
        try (InputStream in = ImportPlacement.class.getResourceAsStream("/dev/migrate/rewriters/python/stdlib-modules.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
