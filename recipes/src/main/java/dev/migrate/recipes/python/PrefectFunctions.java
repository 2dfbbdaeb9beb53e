package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
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
     * load.submit(x)}, {@code t.load} for {@code t.load.map(xs)}; empty for anything else. Only a name {@link
     * #taskRefs} gives is a task: executors and clients have a {@code submit} too.
     */
    public static Optional<String> submittedRef(Node expr) {
        if (expr.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        return Expressions.dottedParts(expr.nodes().get(0))
                .filter(p -> p.size() >= 2 && (p.get(p.size() - 1).equals("submit") || p.get(p.size() - 1).equals("map")))
                .map(p -> String.join(".", p.subList(0, p.size() - 1)));
    }

    /**
     * The names, and dotted names, by which {@code file}'s code reaches a task function, each with whether the task
     * is {@code async def}: the module's own tasks, and those it imports from modules of the project ({@code
     * from pipelines.tasks import load}, {@code from . import tasks as t} giving {@code t.load}), unless the module
     * binds the name, or the module alias, otherwise (a function of its own, an assignment).
     */
    public static Map<String, Boolean> taskRefs(PythonFile file, ProjectTasks project) {
        Node module = file.module();
        Imports imports = Imports.of(module);
        Map<String, Boolean> out = new LinkedHashMap<>();
        Map<String, ProjectTasks.Task> imported = imports.uses("prefect") ? project.importedBy(file) : Map.of();
        if (!imported.isEmpty()) {
            Set<String> bound = boundAtTopLevel(module);
            imported.forEach((ref, task) -> {
                if (!bound.contains(firstPart(ref))) {
                    out.put(ref, task.async());
                }
            });
        }
        tasks(module, imports).forEach((name, def) -> out.put(name, new Definitions(def).isAsync()));
        return out;
    }

    /** {@code refs} without those a function hides with names of its own (a parameter {@code load}, {@code t = ...}). */
    public static <V> Map<String, V> visibleIn(Map<String, V> refs, Definitions function) {
        if (refs.isEmpty()) {
            return refs;
        }
        Set<String> locals = localNames(function);
        Map<String, V> out = new LinkedHashMap<>();
        refs.forEach((ref, v) -> {
            if (!locals.contains(firstPart(ref))) {
                out.put(ref, v);
            }
        });
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

    /** The names a module binds at its top level other than by imports: defs, classes, assignments, loop targets. */
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

    private static String firstPart(String ref) {
        int dot = ref.indexOf('.');
        return dot < 0 ? ref : ref.substring(0, dot);
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
