package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls that define Prefect 1 tasks in a module: {@code @task(...)} decorators, functional
 * {@code task(fn, ...)} calls and instantiations of this module's {@code Task} subclasses.
 */
public final class TaskDefinitions {
    private static final Set<String> TASK_DECORATOR = Set.of("prefect.task", "prefect.core.task.task",
            "prefect.utilities.tasks.task");
    private static final Set<String> TASK_CLASS = Set.of("prefect.Task", "prefect.core.Task", "prefect.core.task.Task");

    private TaskDefinitions() {
    }

    /** A task-defining call and the name Prefect 1 would give the task (for cache keys and messages). */
    public record Definition(CallView call, String taskName) {
    }

    /** The {@code @task} decorator a generated task function gets: bare when it has no options, as one writes it. */
    public static String decorator(List<String> options) {
        return options.isEmpty() ? "@task" : "@task(" + String.join(", ", options) + ")";
    }

    /** Whether a task-defining call is a decorator ({@code @task(...)}), rather than a call or an instantiation. */
    public static boolean isDecorator(Node root, Node call) {
        List<Node> path = dev.migrate.rewriters.python.edit.TreeEdits.path(root, call);
        return path != null && !path.isEmpty() && path.get(path.size() - 1).kind() == NodeKind.DECORATOR;
    }

    public static List<Definition> of(Node module) {
        Imports imports = Imports.of(module);
        List<Definition> out = new ArrayList<>();
        Set<String> taskClasses = taskSubclasses(module, imports);
        for (Node def : Nodes.find(module, NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            for (Node expr : d.decorators()) {
                if (expr.kind() == NodeKind.CALL && isTaskDecorator(imports, expr)) {
                    out.add(new Definition(new CallView(expr), nameOr(new CallView(expr), d.name())));
                }
            }
        }
        for (Node call : Nodes.find(module, NodeKind.CALL)) {
            CallView view = new CallView(call);
            Node callee = view.callee();
            boolean functional = isTaskDecorator(imports, call) && view.positional(0).isPresent();
            boolean subclass = callee.kind() == NodeKind.NAME && taskClasses.contains(Expressions.name(callee));
            if (functional || subclass) {
                String fallback = functional ? Expressions.dottedName(view.positional(0).get().value()).orElse("task")
                        : Expressions.name(callee);
                out.add(new Definition(view, nameOr(view, fallback)));
            }
        }
        return out;
    }

    /**
     * The module-level names bound to Prefect 1 tasks: {@code @task} functions (bare or called decorator), instances
     * of the module's {@code Task} subclasses, {@code task(fn)} results and task-library instances
     * ({@code x = ShellTask(...)}; secret tasks, which a converted flow reads as values, are not counted).
     */
    public static Set<String> moduleTaskNames(Node module) {
        Imports imports = Imports.of(module);
        Set<String> classes = taskSubclasses(module, imports);
        Set<String> out = new HashSet<>();
        for (Node s : dev.migrate.rewriters.python.query.Statements.of(module)) {
            if (s.kind() == NodeKind.FUNCTION_DEF) {
                Definitions d = new Definitions(s);
                if (d.decorators().stream().anyMatch(e -> isTaskDecorator(imports, e))) {
                    out.add(d.name());
                }
                continue;
            }
            dev.migrate.rewriters.python.query.Statements.assignment(s).ifPresent(a -> {
                Node v = a.value() == null ? null : Expressions.unwrap(a.value());
                if (v == null || v.kind() != NodeKind.CALL || a.targets().size() != 1
                        || a.targets().get(0).kind() != NodeKind.NAME) {
                    return;
                }
                Node callee = Expressions.unwrap(new CallView(v).callee());
                boolean task = callee.kind() == NodeKind.NAME && classes.contains(Expressions.name(callee))
                        || isTaskDecorator(imports, v)
                        || imports.qualifiedName(v).filter(q -> q.startsWith("prefect.tasks.")
                        && !q.startsWith("prefect.tasks.secrets.")).isPresent();
                if (task) {
                    out.add(Expressions.name(a.targets().get(0)));
                }
            });
        }
        return out;
    }

    public static boolean isTaskDecorator(Imports imports, Node callOrName) {
        return imports.qualifiedName(callOrName).filter(TASK_DECORATOR::contains).isPresent();
    }

    /** Classes of this module that derive from Prefect 1's {@code Task}. */
    public static Set<String> taskSubclasses(Node module, Imports imports) {
        Set<String> out = new HashSet<>();
        for (Node cls : Nodes.find(module, NodeKind.CLASS_DEF)) {
            Definitions d = new Definitions(cls);
            for (Argument base : d.bases()) {
                if (imports.qualifiedName(base.value()).filter(TASK_CLASS::contains).isPresent()) {
                    out.add(d.name());
                }
            }
        }
        return out;
    }

    private static String nameOr(CallView call, String fallback) {
        return call.keyword("name").flatMap(a -> PyValues.string(a.value())).orElse(fallback);
    }
}
