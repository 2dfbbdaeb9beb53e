package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Which names a module or a function binds itself, so that an imported name they rebind ({@code load = ...},
 * a parameter {@code load}) is no longer the import's: the scan's task findings and the project's task index read
 * scopes this way, as the rewrite's futures recipes do.
 */
public final class PythonScopes {
    private PythonScopes() {
    }

    /** The names a module binds at its top level other than by imports: defs, classes, assignments, loop targets. */
    /**
     * {@code n} and every node it holds in pre-order, but not nested functions and classes, which are scopes of their
     * own: what a flow's or a module's own code is.
     */
    public static java.util.List<Node> ownScope(Node n) {
        java.util.List<Node> out = new java.util.ArrayList<>();
        collectOwnScope(n, out);
        return out;
    }

    private static void collectOwnScope(Node n, java.util.List<Node> out) {
        out.add(n);
        for (Node c : n.nodes()) {
            if (c.kind() != dev.migrate.rewriters.python.tree.NodeKind.FUNCTION_DEF
                    && c.kind() != dev.migrate.rewriters.python.tree.NodeKind.CLASS_DEF) {
                collectOwnScope(c, out);
            }
        }
    }

    public static Set<String> boundAtTopLevel(Node module) {
        Set<String> out = new HashSet<>();
        for (Node s : Statements.of(module)) {
            switch (s.kind()) {
                case FUNCTION_DEF, CLASS_DEF -> out.add(new Definitions(s).name());
                case ASSIGN, ANN_ASSIGN, AUG_ASSIGN ->
                        Statements.assignment(s).ifPresent(a -> a.targets().forEach(t -> targetNames(t, out)));
                case FOR -> targetNames(s.nodes().get(0), out);
                default -> {
                }
            }
        }
        return out;
    }

    /** The names a function binds itself: parameters, assignment, loop and {@code with} targets, local defs and imports. */
    public static Set<String> localNames(Definitions function) {
        Set<String> out = new HashSet<>(function.parameterNames());
        Node body = function.body();
        if (bindLocals(body, out)) {
            Imports.of(body).all().forEach(b -> out.add(b.localName()));
        }
        return out;
    }

    /** The first name of a dotted reference: {@code t} of {@code t.load}. */
    public static String firstPart(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? ref : ref.substring(0, dot);
    }

    /** Adds what {@code n}'s descendants bind, in one walk; true when one of them is an import. */
    private static boolean bindLocals(Node n, Set<String> out) {
        boolean imports = false;
        for (Node c : n.nodes()) {
            switch (c.kind()) {
                case ASSIGN, ANN_ASSIGN, AUG_ASSIGN ->
                        Statements.assignment(c).ifPresent(a -> a.targets().forEach(t -> targetNames(t, out)));
                case FOR, COMP_FOR -> targetNames(c.nodes().get(0), out);
                case WITH_ITEM -> {
                    if (c.nodes().size() > 1) {
                        targetNames(c.nodes().get(c.nodes().size() - 1), out);
                    }
                }
                case FUNCTION_DEF, CLASS_DEF -> out.add(new Definitions(c).name());
                case IMPORT, IMPORT_FROM -> imports = true;
                default -> {
                }
            }
            imports |= bindLocals(c, out);
        }
        return imports;
    }

    /** Adds the names a target binds ({@code a}, {@code a, b}, {@code (a, [b])}; not {@code a.b} or {@code a[0]}). */
    private static void targetNames(Node target, Set<String> into) {
        Node t = Expressions.unwrap(target);
        if (t.kind() == NodeKind.NAME) {
            into.add(Expressions.name(t));
        } else if (t.kind() != NodeKind.ATTRIBUTE && t.kind() != NodeKind.SUBSCRIPT) {
            for (Node n : t.nodes()) {
                targetNames(n, into);
            }
        }
    }
}
