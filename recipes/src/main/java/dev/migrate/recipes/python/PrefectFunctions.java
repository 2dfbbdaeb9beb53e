package dev.migrate.recipes.python;

import dev.migrate.analyzers.sources.python.ProjectTaskIndex;
import dev.migrate.analyzers.sources.python.PythonScopes;
import dev.migrate.analyzers.sources.python.TaskRefs;
import dev.migrate.rewriters.python.PythonFile;
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
import java.util.Set;

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

    /**
     * What a {@code .submit(...)} or {@code .map(...)} call is made on, as written: {@code load} for {@code
     * load.submit(x)}, {@code t.load} for {@code t.load.map(xs)}, {@code load} for {@code
     * load.with_options(name=n).submit(x)}; empty for anything else. Only a name {@link #taskRefs} gives is a task:
     * executors and clients have a {@code submit} too. The scan's reading ({@link TaskRefs#calledOn}).
     */
    public static Optional<String> submittedRef(Node expr) {
        return TaskRefs.calledOn(expr, "submit", "map");
    }

    /**
     * The names, and dotted names, by which {@code file}'s code reaches a task function, each with whether the task
     * is {@code async def}: the module's own tasks, and those it imports from modules of the project ({@code
     * from pipelines.tasks import load}, {@code from . import tasks as t} giving {@code t.load}), unless the module
     * binds the name, or the module alias, otherwise (a function of its own, an assignment). The scan's rule, {@link
     * TaskRefs#of}, so that what the scan reports as a task run the rewrite treats as one.
     */
    public static Map<String, Boolean> taskRefs(PythonFile file, ProjectTasks project) {
        Node module = file.module();
        Imports imports = Imports.of(module);
        Map<String, ProjectTaskIndex.Task> imported = imports.uses("prefect") ? project.importedBy(file) : Map.of();
        Set<String> bound = imported.isEmpty() ? Set.of() : PythonScopes.boundAtTopLevel(module);
        Map<String, Boolean> own = new LinkedHashMap<>();
        tasks(module, imports).forEach((name, def) -> own.put(name, new Definitions(def).isAsync()));
        return TaskRefs.of(own, imported, bound);
    }

    /** {@code refs} without those a function hides with names of its own ({@link TaskRefs#visibleIn}). */
    public static <V> Map<String, V> visibleIn(Map<String, V> refs, Definitions function) {
        return TaskRefs.visibleIn(refs, function);
    }

    /** The names a function binds itself ({@link PythonScopes#localNames}). */
    public static Set<String> localNames(Definitions function) {
        return PythonScopes.localNames(function);
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
