package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a module-level block statement ({@code if}, {@code try}, {@code for}, {@code with}, {@code while}) binds
 * at module level: assignment, loop and {@code with ... as} targets, walrus targets, and the
 * functions and classes defined in it. Names the block only reads ({@code print} in a main guard, the job
 * function in {@code schedule.every().do(job)}) are not bindings: a job that uses them can still be carried.
 * Imports inside a block bind their names too ({@code try: import ujson as json}); function, class and lambda
 * bodies and comprehensions are their own scopes and are not entered.
 */
final class BlockBindings {
    private BlockBindings() {
    }

    /** @param importedBy the names each import statement of the module binds */
    static void collect(Node n, Map<Node, List<String>> importedBy, Set<String> out) {
        switch (n.kind()) {
            case IMPORT, IMPORT_FROM -> {
                out.addAll(importedBy.getOrDefault(n, List.of()));
                return;
            }
            case FUNCTION_DEF, CLASS_DEF -> {
                out.add(new dev.migrate.rewriters.python.query.Definitions(n).name());
                return;
            }
            case LAMBDA, LIST_COMP, SET_COMP, DICT_COMP, GENERATOR -> {
                return;
            }
            case ASSIGN, AUG_ASSIGN, ANN_ASSIGN -> Statements.assignment(n)
                    .ifPresent(a -> a.targets().forEach(t -> targets(t, out)));
            case FOR -> targets(n.nodes().get(0), out);
            case WITH_ITEM -> {
                if (n.nodes().size() > 1) {
                    targets(n.nodes().get(1), out);
                }
            }
            case NAMED_EXPR -> targets(n.nodes().get(0), out);
            case MATCH_AS, MATCH_STAR -> n.nodes().stream().filter(c -> c.kind() == NodeKind.NAME)
                    .forEach(c -> out.add(Expressions.name(c)));
            default -> {
            }
        }
        for (Node c : n.nodes()) {
            collect(c, importedBy, out);
        }
    }

    /** The names an assignment target binds: a name, or the names of a tuple, list or starred target. */
    private static void targets(Node t, Set<String> out) {
        switch (t.kind()) {
            case NAME -> out.add(Expressions.name(t));
            case TUPLE, LIST, PAREN, STARRED -> t.nodes().forEach(c -> targets(c, out));
            default -> {
            }
        }
    }
}
