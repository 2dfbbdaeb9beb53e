package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.python.AwaitedTaskFutures;
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
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * In Prefect 2 async code awaited {@code task.submit(...)} and {@code future.result()}; Prefect 3 futures are
 * synchronous, and awaiting one raises TypeError (BHV007). The {@code await} before a submit or map of one of
 * the module's tasks, the tasks it imports from the project's modules ({@code t.load.submit(x)} with {@code from .
 * import tasks as t}) or a task made from one ({@code fast = load.with_options(...)}), or before
 * {@code .result()} or {@code .wait()} of a future one of them returned (a name bound to it, or the loop variable
 * over a list of them), is dropped: the value is the same ({@code wait()}'s state is read by
 * {@link ReadFutureStateFromProperty}). Awaiting the future itself is left to a person, who picks {@code .result()}
 * or {@code .wait()}. An executor's, a queue's or an unknown name's {@code submit} is no task run: awaiting it may
 * well be right.
 *
 * <p>{@code await asyncio.gather(*[f.result() for f in futures])} (or of submits) gathered the coroutines Prefect 2
 * made of them; Prefect 3 gives values and futures, which gather refuses with TypeError, so the list comprehension
 * takes its place: the same list, the futures already running. A gather that does more than collect ({@code
 * return_exceptions=True}, several arguments) is left to a person.
 *
 * <p>Which awaits, and in which functions (every {@code async def} but a task's: an async helper a flow runs awaited
 * its task futures as the flow did, and raises as the flow would), is {@link AwaitedTaskFutures}', which the scan's
 * BHV007 reads too.
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
                + "TypeError. Drops the `await`, and `await asyncio.gather(*[f.result() for f in futures])` becomes the "
                + "list comprehension (BHV007); an awaited future itself, and a gather with options, are reported for a "
                + "person.";
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
        Node after = module;
        for (Node def : TreeIndex.of(module).find(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (!AwaitedTaskFutures.judged(d, PrefectFunctions.isTask(imports, def))) {
                continue;
            }
            Set<String> tasks = runnableTasks(module, imports, allTasks, def);
            for (AwaitedTaskFutures.Gather g : AwaitedTaskFutures.gathers(d.body(), tasks)) {
                if (TreeEdits.path(after, g.await()) == null) {
                    continue;
                }
                if (g.list() != null) {
                    after = TreeEdits.replace(after, g.await(), g.list().withPrefix(g.await().prefix()));
                } else {
                    notes.insertRow(ctx, PythonCode.note(file, g.await(), getName(), true, "BHV007", "'"
                            + g.await().text().strip() + "' gathers task futures' results, which Prefect 3 gives "
                            + "synchronously: asyncio.gather raises TypeError on them; collect them in a list instead "
                            + "(future.result(raise_on_failure=False) returns a failed run's exception, as "
                            + "return_exceptions=True did)"));
                }
            }
            for (AwaitedTaskFutures.Await a : AwaitedTaskFutures.in(d.body(), tasks)) {
                if (TreeEdits.path(after, a.await()) == null) {
                    continue; // no longer in the tree
                }
                if (a.droppable()) {
                    after = TreeEdits.replace(after, a.await(), a.operand().withPrefix(a.await().prefix()));
                } else {
                    String future = Expressions.name(a.operand());
                    notes.insertRow(ctx, PythonCode.note(file, a.await(), getName(), true, "BHV007", "'"
                            + a.await().text().strip() + "' awaits a task future, which raises TypeError in Prefect 3: use "
                            + future + ".result() for its value, or " + future + ".wait()"));
                }
            }
        }
        return after;
    }
}
