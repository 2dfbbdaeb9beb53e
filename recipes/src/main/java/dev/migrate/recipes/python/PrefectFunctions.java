package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flows and tasks of a module: functions decorated with {@code prefect.flow} / {@code prefect.task}. */
public final class PrefectFunctions {
    private PrefectFunctions() {
    }

    public static boolean isFlow(Imports imports, Node def) {
        return decoratedWith(imports, def, "prefect.flow");
    }

    public static boolean isTask(Imports imports, Node def) {
        return decoratedWith(imports, def, "prefect.task");
    }

    private static boolean decoratedWith(Imports imports, Node def, String qualified) {
        if (def.kind() != NodeKind.FUNCTION_DEF) {
            return false;
        }
        for (Node d : new Definitions(def).decorators()) {
            // through `from prefect import *` too, which binds flow and task without naming them
            if (StarImports.qualifiedName(imports, d).filter(qualified::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The name {@code t} of a {@code t.submit(...)} or {@code t.map(...)} call (a task future's making), or empty. */
    public static Optional<String> submitted(Node expr) {
        if (expr.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        return Expressions.dottedParts(expr.nodes().get(0))
                .filter(p -> p.size() == 2 && (p.get(1).equals("submit") || p.get(1).equals("map"))).map(p -> p.get(0));
    }

    /** Every flow function, at any depth. */
    public static List<Node> flows(Node module, Imports imports) {
        return TreeIndex.of(module).find(NodeKind.FUNCTION_DEF).stream().filter(n -> isFlow(imports, n)).toList();
    }

    /** The module's own task functions by name. */
    public static Map<String, Node> tasks(Node module, Imports imports) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node s : Statements.of(module)) {
            if (isTask(imports, s)) {
                out.put(new Definitions(s).name(), s);
            }
        }
        return out;
    }
}
