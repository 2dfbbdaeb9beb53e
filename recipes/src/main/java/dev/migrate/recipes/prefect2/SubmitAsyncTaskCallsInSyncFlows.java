package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.python.AsyncTaskCalls;
import dev.migrate.analyzers.sources.python.ProjectTaskIndex;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.DirectTaskCalls;
import dev.migrate.recipes.python.PrefectFunctions;
import dev.migrate.recipes.python.ProjectTasks;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.TaskAwareRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * Prefect 2 ran an {@code async def} task called from a sync flow and returned its result; Prefect 3 returns a
 * coroutine nobody awaits, so the task never runs (BHV008). Its task runner still runs async tasks from sync
 * flows: {@code fetch(url)} becomes {@code fetch.submit(url).result()}, which waits for the run and raises its
 * failure as the call did. Unsafe, because the run now happens on the runner's thread. {@code .submit} and
 * {@code .map} of async tasks are left alone: they work in Prefect 3. Async tasks imported from the project's other
 * modules count as the module's own ({@code t.fetch(url)} becomes {@code t.fetch.submit(url).result()}).
 */
public class SubmitAsyncTaskCallsInSyncFlows extends TaskAwareRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Submit async tasks that sync flows call directly";
    }

    @Override
    public String getDescription() {
        return "A sync flow's direct call of an `async def` task returns an un-awaited coroutine in Prefect 3, so the "
                + "task never runs: `fetch(url)` becomes `fetch.submit(url).result()` (unsafe: the run moves to the "
                + "task runner's thread). Calls with `return_state=` are left to a person.";
    }

    @Override
    protected String[] mentions() {
        // not "async def": a flow module calls async tasks other modules define (a task is always decorated
        // with something the module imports from prefect)
        return new String[] {"prefect"};
    }

    @Override
    protected Node edit(PythonFile file, ProjectTasks project, ExecutionContext ctx) {
        Node module = file.module();
        if (!PythonCode.mentions(file, "async def")
                && project.importedBy(file).values().stream().noneMatch(ProjectTaskIndex.Task::async)) {
            return module; // most Prefect modules: no async task of their own nor imported
        }
        Imports imports = Imports.of(module);
        Map<String, Boolean> tasks = PrefectFunctions.taskRefs(file, project);
        if (!tasks.containsValue(true)) {
            return module;
        }
        List<Node> calls = new ArrayList<>();
        for (Node flow : PrefectFunctions.flows(module, imports)) {
            Definitions d = new Definitions(flow);
            if (!d.isAsync()) {
                Set<String> asyncTasks = new HashSet<>();
                PrefectFunctions.visibleIn(tasks, d).forEach((ref, async) -> {
                    if (async) {
                        asyncTasks.add(ref);
                    }
                });
                calls.addAll(DirectTaskCalls.in(d.body(), asyncTasks));
            }
        }
        Node after = module;
        for (Node call : calls) {
            String task = AsyncTaskCalls.callee(call);
            String flow = enclosingFlowName(module, call);
            String what = "async task '" + task + "' is called directly in sync flow '" + flow + "', which Prefect 3 "
                    + "does not run (the call returns an un-awaited coroutine)";
            if (new CallView(call).keyword("return_state").isPresent()) {
                notes.insertRow(ctx, PythonCode.note(file, call, getName(), true, "BHV008", what
                        + ": make the flow async and await the task, or submit it and read the future's state"));
                continue;
            }
            if (TreeEdits.path(after, call) == null) {
                // it held another async task's call, converted first: its own text is gone from the tree
                notes.insertRow(ctx, PythonCode.note(file, call, getName(), true, "BHV008", what
                        + ": submit it too, task.submit(...).result()"));
                continue;
            }
            String submitted = submitted(call);
            if (!FixSafety.unsafeAllowed(ctx)) {
                notes.insertRow(ctx, PythonCode.note(file, call, getName(), true, "BHV008",
                        MigrationNotes.unsafeFixNotApplied(submitted)));
                continue;
            }
            Node replacement = Snippets.expression(submitted, file.style()).withPrefix(call.prefix());
            after = TreeEdits.replace(after, call, replacement);
            notes.insertRow(ctx, PythonCode.note(file, call, getName(), false, "BHV008", what + "; now "
                    + submitted + ", run by the flow's task runner"));
        }
        return after;
    }

    /**
     * {@code t(args)} as {@code t.submit(args).result()}, and {@code t.with_options(o)(args)} as {@code
     * t.with_options(o).submit(args).result()}: the callee and the arguments as written.
     */
    private static String submitted(Node call) {
        String text = call.text().strip();
        String callee = call.nodes().get(0).text().strip();
        return callee + ".submit" + text.substring(text.indexOf(callee) + callee.length()).strip() + ".result()";
    }

    private static String enclosingFlowName(Node module, Node call) {
        List<Node> path = TreeIndex.of(module).path(call);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == NodeKind.FUNCTION_DEF) {
                return new Definitions(path.get(i)).name();
            }
        }
        return "";
    }
}
