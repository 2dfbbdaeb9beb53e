package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names, and dotted names, by which a module's code reaches a task function, each with whether the task is
 * {@code async def}: the module's own tasks, and those it imports from modules of the project ({@link
 * ProjectTaskIndex#importedBy}), unless the module binds the name, or the module alias, otherwise (a function of its
 * own, an assignment). Names that are neither are never tasks: an executor's or a queue's {@code submit} is not a
 * task run, and nor is a name the project does not define.
 */
public final class TaskRefs {
    private TaskRefs() {
    }

    /**
     * @param own            the module's own tasks ({@link ProjectTaskIndex#tasks})
     * @param imported       the project's tasks the module imports
     * @param boundAtTopLevel the names the module binds other than by imports ({@link PythonScopes#boundAtTopLevel})
     */
    public static Map<String, Boolean> of(Map<String, Boolean> own, Map<String, ProjectTaskIndex.Task> imported,
            Set<String> boundAtTopLevel) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        imported.forEach((ref, task) -> {
            if (!boundAtTopLevel.contains(PythonScopes.firstPart(ref))) {
                out.put(ref, task.async());
            }
        });
        out.putAll(own);
        return out;
    }

    /** {@code refs} without those a function hides with names of its own (a parameter {@code load}, {@code t = x}). */
    public static <V> Map<String, V> visibleIn(Map<String, V> refs, Definitions function) {
        return refs.isEmpty() ? refs : visible(refs, PythonScopes.localNames(function));
    }

    /** {@code refs} without those whose first name is one of {@code locals} ({@link PythonScopes#localNames}). */
    public static <V> Map<String, V> visible(Map<String, V> refs, Set<String> locals) {
        Map<String, V> out = new LinkedHashMap<>();
        refs.forEach((ref, v) -> {
            if (!locals.contains(PythonScopes.firstPart(ref))) {
                out.put(ref, v);
            }
        });
        return out;
    }

    /**
     * Whether {@code ref}, a name or dotted name a function's code uses, may reach a task of another module of the
     * project, which only the whole project's index can tell: its first name is bound by an import of anything but
     * Prefect, or by no import while the module star-imports a module that is not Prefect's; neither the module's top
     * level ({@code ownNames}) nor the function ({@code locals}) rebinds it.
     */
    static boolean mayBeImported(String ref, Imports imports, Set<String> ownNames, Set<String> locals) {
        String first = PythonScopes.firstPart(ref);
        if (ownNames.contains(first) || locals.contains(first)) {
            return false;
        }
        Optional<ImportBinding> b = imports.binding(first);
        if (b.isPresent()) {
            String q = b.get().qualifiedName();
            return !q.equals("prefect") && !q.startsWith("prefect.");
        }
        return imports.all().stream().anyMatch(s -> s.localName().equals("*") && !s.module().equals("prefect")
                && !s.module().startsWith("prefect."));
    }

    /**
     * {@code tasks} and the names the module's top, then {@code body} (null: the top only), bind to a task made from
     * one ({@code fast = load.with_options(retries=0)}) or by Prefect's {@code task(...)} ({@code load = task(rows)}),
     * in binding order: the names code in that body runs tasks by, for scan and rewrite alike.
     *
     * @param qualifiedName what a callee refers to through the module's imports
     */
    public static Set<String> withMadeTasks(Node moduleRoot, Node body, Set<String> tasks,
                                            java.util.function.Function<Node, Optional<String>> qualifiedName) {
        Set<String> out = new java.util.LinkedHashSet<>(tasks);
        java.util.List<Node> scope = new java.util.ArrayList<>(dev.migrate.rewriters.python.query.Statements.of(moduleRoot));
        if (body != null) {
            scope.addAll(PythonScopes.ownScope(body));
        }
        for (Node n : scope) {
            Optional<dev.migrate.rewriters.python.query.Statements.Assignment> a =
                    dev.migrate.rewriters.python.query.Statements.assignment(n);
            if (a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || a.get().targets().get(0).kind() != dev.migrate.rewriters.python.tree.NodeKind.NAME) {
                continue;
            }
            Node value = dev.migrate.rewriters.python.query.Expressions.unwrap(a.get().value());
            if (value.kind() == dev.migrate.rewriters.python.tree.NodeKind.CALL
                    && (withOptionsOf(value).filter(out::contains).isPresent()
                    || qualifiedName.apply(value.nodes().get(0)).filter("prefect.task"::equals).isPresent())) {
                out.add(dev.migrate.rewriters.python.query.Expressions.name(a.get().targets().get(0)));
            }
        }
        return out;
    }

    /**
     * The task a call of one of {@code methods} is made on, as written: {@code load} of {@code load.submit(x)},
     * {@code t.load} of {@code t.load.map(xs)}, and {@code load} of {@code load.with_options(name=n).submit(x)}, a run
     * of a copy of the task given options in place (Prefect's own documented idiom for naming each run); empty for
     * anything else. Whether the name is a task is the caller's to say ({@link #of}).
     */
    public static Optional<String> calledOn(Node call, String... methods) {
        if (call.kind() != NodeKind.CALL || call.nodes().isEmpty()) {
            return Optional.empty();
        }
        Node callee = Expressions.unwrap(call.nodes().get(0));
        if (callee.kind() != NodeKind.ATTRIBUTE || !List.of(methods).contains(lastName(callee))) {
            return Optional.empty();
        }
        Node receiver = Expressions.unwrap(callee.nodes().get(0));
        // load.with_options(...).submit(x); a copy of a copy (load.with_options(a).with_options(b)) too
        while (receiver.kind() == NodeKind.CALL) {
            Node inner = Expressions.unwrap(receiver.nodes().get(0));
            if (inner.kind() != NodeKind.ATTRIBUTE || !lastName(inner).equals("with_options")) {
                return Optional.empty();
            }
            receiver = Expressions.unwrap(inner.nodes().get(0));
        }
        return Expressions.dottedName(receiver);
    }

    /** The last name of a dotted expression: {@code submit} of {@code t.load.submit}. */
    static String lastName(Node attribute) {
        return attribute.tokens().get(attribute.tokens().size() - 1).text();
    }

    /** {@code load} of {@code load.with_options(...)}, {@code t.load} of {@code t.load.with_options(...)}. */
    private static Optional<String> withOptionsOf(Node call) {
        return dev.migrate.rewriters.python.query.Expressions.dottedParts(call.nodes().get(0))
                .filter(p -> p.size() >= 2 && p.get(p.size() - 1).equals("with_options"))
                .map(p -> String.join(".", p.subList(0, p.size() - 1)));
    }
}
