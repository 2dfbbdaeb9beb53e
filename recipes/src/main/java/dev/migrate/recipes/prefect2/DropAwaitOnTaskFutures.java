package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.PrefectFunctions;
import dev.migrate.recipes.python.ProjectTasks;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.TaskAwareRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * In Prefect 2 async flows awaited {@code task.submit(...)} and {@code future.result()}; Prefect 3 futures are
 * synchronous, and awaiting one raises TypeError (BHV007). The {@code await} before a submit or map of one of
 * the module's tasks, the tasks it imports from the project's modules ({@code t.load.submit(x)} with {@code from .
 * import tasks as t}) or a task made from one ({@code fast = load.with_options(...)}), or before
 * {@code .result()} or {@code .wait()} of a future one of them returned (a name bound to it, or the loop variable
 * over a list of them), is dropped: the value is the same ({@code wait()}'s state is read by
 * {@link ReadFutureStateFromProperty}). Awaiting the future
 * itself is left to a person, who picks {@code .result()} or {@code .wait()}. An executor's, a queue's or an unknown
 * name's {@code submit} is no task run, as the scan's BHV007 reads it: awaiting it may well be right.
 */
public class DropAwaitOnTaskFutures extends TaskAwareRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "BHV007");

    @Override
    public String getDisplayName() {
        return "Drop `await` on task futures";
    }

    @Override
    public String getDescription() {
        return "Prefect 3 futures are synchronous: `await task.submit(...)` and `await future.result()` raise "
                + "TypeError. Drops the `await` (BHV007); an awaited future itself is reported for a person.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"await"};
    }

    @Override
    protected Node edit(PythonFile file, ProjectTasks project, ExecutionContext ctx) {
        Node module = file.module();
        Imports imports = Imports.of(module);
        if (!imports.uses("prefect")) {
            return module;
        }
        Map<String, Boolean> allTasks = PrefectFunctions.taskRefs(file, project);
        java.util.Collection<Node> ownTasks = PrefectFunctions.tasks(module, imports).values();
        Node after = module;
        for (Node def : TreeIndex.of(module).find(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (!d.isAsync() || ownTasks.contains(def)) {
                continue;
            }
            Set<String> submitted = runnableTasks(module, imports, allTasks, def);
            Set<String> futures = futureNames(d.body(), submitted);
            for (Node await : Nodes.find(d.body(), NodeKind.AWAIT)) {
                Node operand = Expressions.unwrap(await.nodes().get(0));
                if (TreeEdits.path(after, await) == null) {
                    continue; // in a nested function, already seen
                }
                if (submitsTask(operand, submitted) || resultOfFuture(operand, futures, submitted)) {
                    after = TreeEdits.replace(after, await, operand.withPrefix(await.prefix()));
                } else if (operand.kind() == NodeKind.NAME && futures.contains(Expressions.name(operand))) {
                    notes.insertRow(ctx, PythonCode.note(file, await, getName(), true, "BHV007", "'" + await.text().strip()
                            + "' awaits a task future, which raises TypeError in Prefect 3: use "
                            + Expressions.name(operand) + ".result() for its value, or "
                            + Expressions.name(operand) + ".wait()"));
                }
            }
        }
        return after;
    }

    /** {@code t.submit(...)} or {@code t.map(...)} of one of the tasks. */
    private static boolean submitsTask(Node expr, Set<String> tasks) {
        return PrefectFunctions.submittedRef(expr).filter(tasks::contains).isPresent();
    }

    /** {@code f.result(...)} or {@code f.wait(...)} of a name bound to a task future in the same function, or of a submit. */
    private static boolean resultOfFuture(Node expr, Set<String> futures, Set<String> tasks) {
        if (expr.kind() != NodeKind.CALL || expr.nodes().get(0).kind() != NodeKind.ATTRIBUTE) {
            return false;
        }
        Node callee = expr.nodes().get(0);
        List<dev.migrate.rewriters.python.tree.Token> tokens = callee.tokens();
        if (tokens.isEmpty() || !List.of("result", "wait").contains(tokens.get(tokens.size() - 1).text())) {
            return false;
        }
        Node receiver = Expressions.unwrap(callee.nodes().get(0));
        if (receiver.kind() == NodeKind.AWAIT) {
            receiver = Expressions.unwrap(receiver.nodes().get(0));
        }
        return receiver.kind() == NodeKind.NAME && futures.contains(Expressions.name(receiver))
                || submitsTask(receiver, tasks);
    }

    /**
     * Names a function binds to task futures: a submit or map of one of the module's tasks (awaited or not), a
     * list of submits ({@code [await t.submit(u) for u in urls]}), and the loop variable of a {@code for} statement
     * or comprehension over such a list ({@code [await f.result() for f in futures]}).
     */
    private static Set<String> futureNames(Node body, Set<String> tasks) {
        Set<String> out = new HashSet<>();
        for (Node assign : Nodes.find(body, NodeKind.ASSIGN)) {
            List<Node> parts = assign.nodes();
            if (holdsFutures(parts.get(parts.size() - 1), tasks)) {
                for (Node target : parts.subList(0, parts.size() - 1)) {
                    if (target.kind() == NodeKind.NAME) {
                        out.add(Expressions.name(target));
                    }
                }
            }
        }
        List<Node> loops = new java.util.ArrayList<>(Nodes.find(body, NodeKind.FOR));
        loops.addAll(Nodes.find(body, NodeKind.COMP_FOR));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Node loop : loops) {
                List<Node> parts = loop.nodes();
                if (parts.size() < 2 || parts.get(0).kind() != NodeKind.NAME) {
                    continue;
                }
                Node iterated = Expressions.unwrap(parts.get(1));
                boolean overFutures = iterated.kind() == NodeKind.NAME && out.contains(Expressions.name(iterated))
                        || holdsFutures(iterated, tasks);
                if (overFutures && out.add(Expressions.name(parts.get(0)))) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** A submit or map of a task (awaited or not), or a list literal or comprehension of such submits. */
    private static boolean holdsFutures(Node expr, Set<String> tasks) {
        Node value = awaited(expr);
        if (submitsTask(value, tasks)) {
            return true;
        }
        if (value.kind() == NodeKind.LIST_COMP && !value.nodes().isEmpty()) {
            return submitsTask(awaited(value.nodes().get(0)), tasks);
        }
        if (value.kind() == NodeKind.LIST && !value.nodes().isEmpty()) {
            return value.nodes().stream().allMatch(e -> submitsTask(awaited(e), tasks));
        }
        return false;
    }

    private static Node awaited(Node expr) {
        Node value = Expressions.unwrap(expr);
        return value.kind() == NodeKind.AWAIT ? Expressions.unwrap(value.nodes().get(0)) : value;
    }
}
