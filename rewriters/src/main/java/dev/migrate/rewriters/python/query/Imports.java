package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a module's import statements bind, wherever they sit (top level, inside try/except or
 * functions). Scopes are not modelled: a later import of the same name wins, which is what a
 * migration tool wants for "which framework does this file use".
 */
public final class Imports {
    private final List<ImportBinding> bindings;
    private final Map<String, ImportBinding> byLocalName = new LinkedHashMap<>();

    private Imports(List<ImportBinding> bindings) {
        this.bindings = List.copyOf(bindings);
        for (ImportBinding b : bindings) {
            if (!b.localName().equals("*")) {
                byLocalName.put(b.localName(), b);
            }
        }
    }

    /** The imports of a tree (computed once per tree, see {@link TreeIndex}). */
    public static Imports of(Node root) {
        return TreeIndex.of(root).imports();
    }

    /** The bindings of import statements given in source order. */
    static Imports build(List<Node> importStatements) {
        return build(importStatements, null);
    }

    /**
     * The bindings of import statements given in source order, taking those of a statement {@code earlier} (the
     * imports of a tree this one was edited from, or null) already read: a statement is immutable, so the same node
     * binds the same names.
     */
    static Imports build(List<Node> importStatements, Imports earlier) {
        List<ImportBinding> before = earlier == null ? List.of() : earlier.bindings;
        List<ImportBinding> out = new ArrayList<>();
        int next = 0;
        for (Node n : importStatements) {
            int at = firstOf(before, n, next);
            if (at < 0) {
                read(n, out);
                continue;
            }
            // a statement's bindings are adjacent, and statements mostly keep their order: the next one is looked
            // for where this one's end
            int end = at + 1;
            while (end < before.size() && before.get(end).statement() == n) {
                end++;
            }
            out.addAll(before.subList(at, end));
            next = end;
        }
        return new Imports(out);
    }

    /** The first of {@code bindings} made by {@code statement} (identity), looked for from {@code from} on, or -1. */
    private static int firstOf(List<ImportBinding> bindings, Node statement, int from) {
        int size = bindings.size();
        for (int k = 0; k < size; k++) {
            int i = (from + k) % size;
            if (bindings.get(i).statement() == statement && (i == 0 || bindings.get(i - 1).statement() != statement)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the names one import statement binds. */
    private static void read(Node n, List<ImportBinding> out) {
        if (n.kind() == NodeKind.IMPORT) {
            for (Node alias : n.nodes(NodeKind.IMPORT_ALIAS)) {
                String dotted = dottedText(alias.firstNode(NodeKind.DOTTED_NAME));
                String as = asName(alias);
                if (as != null) {
                    out.add(new ImportBinding(as, dotted, dotted, n, alias));
                } else {
                    String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                    out.add(new ImportBinding(first, first, dotted, n, alias));
                }
            }
        } else if (n.kind() == NodeKind.IMPORT_FROM) {
            String module = fromModule(n);
            List<Node> aliases = n.nodes(NodeKind.IMPORT_ALIAS);
            if (aliases.isEmpty() && n.hasToken("*")) {
                out.add(new ImportBinding("*", module + ".*", module, n, null));
            }
            for (Node alias : aliases) {
                String name = dottedText(alias.firstNode(NodeKind.DOTTED_NAME));
                String as = asName(alias);
                String qualified = module.endsWith(".") ? module + name : module + "." + name;
                out.add(new ImportBinding(as != null ? as : name, qualified, module, n, alias));
            }
        }
    }

    /** The module an IMPORT_FROM imports from, with leading dots for relative imports. */
    public static String fromModule(Node importFrom) {
        StringBuilder sb = new StringBuilder();
        for (PyElement c : importFrom.children()) {
            if (c instanceof Token t && (t.is(".") || t.is("..."))) {
                sb.append(t.text());
            } else if (c instanceof Node d && d.kind() == NodeKind.DOTTED_NAME) {
                sb.append(dottedText(d));
            } else if (c instanceof Token t && t.is("import")) {
                break;
            }
        }
        return sb.toString();
    }

    static String dottedText(Node dotted) {
        if (dotted == null) {
            return "";
        }
        // read from the children in place: every import of every file is read this way, mostly one-word names
        if (dotted.childCount() == 1 && dotted.child(0) instanceof Token only) {
            return only.text();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dotted.childCount(); i++) {
            if (dotted.child(i) instanceof Token t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    private static String asName(Node alias) {
        Token previous = null;
        for (int i = 0; i < alias.childCount(); i++) {
            if (alias.child(i) instanceof Token t) {
                if (previous != null && previous.is("as") && t.kind() == TokenKind.NAME) {
                    return t.text();
                }
                previous = t;
            }
        }
        return null;
    }

    public List<ImportBinding> all() {
        return bindings;
    }

    public Optional<ImportBinding> binding(String localName) {
        return Optional.ofNullable(byLocalName.get(localName));
    }

    /** Whether any import brings in {@code module} or something under it ({@code prefect} matches {@code prefect.tasks}). */
    public boolean uses(String module) {
        for (ImportBinding b : bindings) {
            if (b.module().equals(module) || b.module().startsWith(module + ".")
                    || b.qualifiedName().equals(module) || b.qualifiedName().startsWith(module + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fully qualified name an expression refers to through the imports: {@code p.Flow} with
     * {@code import prefect as p} gives {@code prefect.Flow}; a call or decorator gives the name of what
     * is called. Empty when the leftmost name is not bound by an import.
     */
    public Optional<String> qualifiedName(Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.CALL || e.kind() == NodeKind.DECORATOR) {
            Node callee = e.kind() == NodeKind.CALL ? Expressions.firstNode(e) : decoratorExpression(e);
            return callee == null ? Optional.empty() : qualifiedName(callee);
        }
        // most expressions a recipe asks about start with a name no import binds (a local, a parameter, a builtin):
        // answered before their parts are listed
        String leftmost = Expressions.leftmostName(e);
        if (leftmost == null || !byLocalName.containsKey(leftmost)) {
            return Optional.empty();
        }
        Optional<List<String>> parts = Expressions.dottedParts(e);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> p = parts.get();
        ImportBinding b = byLocalName.get(p.get(0));
        if (b == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(b.qualifiedName());
        for (int i = 1; i < p.size(); i++) {
            sb.append('.').append(p.get(i));
        }
        return Optional.of(sb.toString());
    }

    private static Node decoratorExpression(Node decorator) {
        List<Node> nodes = decorator.nodes();
        return nodes.isEmpty() ? null : nodes.get(0);
    }
}
