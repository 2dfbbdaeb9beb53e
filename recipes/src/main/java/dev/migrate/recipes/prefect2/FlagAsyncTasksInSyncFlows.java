package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.PrefectFunctions;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.ExecutionContext;

/**
 * Prefect 2 let a sync flow call an {@code async def} task; Prefect 3 does not (the call returns a coroutine
 * nobody awaits). Making the flow async changes every caller, so this is left to a person: a manual note per
 * call. No file changes.
 */
public class FlagAsyncTasksInSyncFlows extends PythonRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Flag async tasks called from sync flows";
    }

    @Override
    public String getDescription() {
        return "Reports calls of `async def` tasks from flows that are not async: Prefect 3 does not run them "
                + "there. Make the flow async and await the task, or make the task sync.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"async def"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node module = file.module();
        Imports imports = Imports.of(module);
        Map<String, Node> tasks = PrefectFunctions.tasks(module, imports);
        if (tasks.values().stream().noneMatch(t -> new Definitions(t).isAsync())) {
            return file.module();
        }
        for (Node flow : PrefectFunctions.flows(module, imports)) {
            if (new Definitions(flow).isAsync()) {
                continue;
            }
            for (Node call : Nodes.find(new Definitions(flow).body(), NodeKind.CALL)) {
                asyncTask(call, tasks).ifPresent(task -> notes.insertRow(ctx, PythonCode.note(file, call,
                        getName(), true, "async task '" + task + "' is called from sync flow '"
                                + new Definitions(flow).name() + "'; Prefect 3 does not run it there: "
                                + "make the flow async and await the task, or make the task sync")));
            }
        }
        return file.module();
    }

    /** The async task a call runs: {@code t(...)}, {@code t.submit(...)} or {@code t.map(...)}. */
    private static Optional<String> asyncTask(Node call, Map<String, Node> tasks) {
        Optional<List<String>> parts = Expressions.dottedParts(call.nodes().get(0));
        return parts.filter(p -> p.size() == 1 || p.size() == 2 && List.of("submit", "map").contains(p.get(1)))
                .map(p -> p.get(0)).filter(n -> tasks.containsKey(n) && new Definitions(tasks.get(n)).isAsync());
    }
}
