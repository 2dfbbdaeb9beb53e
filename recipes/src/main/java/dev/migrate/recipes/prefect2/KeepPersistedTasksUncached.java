package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.python.PersistedTaskCaching;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.python.ArgEdits;
import dev.migrate.recipes.python.PrefectFunctions;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.recipes.python.StarImports;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * A task whose results Prefect 3 persists and which states no cache ({@code @task(persist_result=True)}) is cached
 * by Prefect 3's DEFAULT policy within a flow run: a second call with the same inputs returns the first result without
 * running, where Prefect 2 ran it again (BHV010, {@link PersistedTaskCaching}). The decorator gets {@code
 * cache_policy=NO_CACHE} ({@code NONE}, its name in 3.0, when the target is 3.0), which keeps every call running.
 * A task that says nothing of persistence nor of a cache ({@code @task}, {@code @task(retries=2)}) persists, and is
 * cached, in a run of a {@code @flow(persist_result=True)}, whose setting Prefect 3's task engine takes for it: such a
 * task the module's persisting flows run gets the policy too (a bare {@code @task} becomes {@code
 * @task(cache_policy=NO_CACHE)}). Unsafe: the project may want Prefect 3's caching instead.
 */
public class KeepPersistedTasksUncached extends PythonRecipe {
    private static final String CODE = "BHV010";
    /** The release that named the no-cache policy NO_CACHE (3.0 had NONE, still an alias). */
    private static final int NO_CACHE_MINOR = 1;

    private final transient MigrationNotes notes = new MigrationNotes(this, CODE);

    @Override
    public String getDisplayName() {
        return "Keep tasks that persist their results uncached, as in Prefect 2";
    }

    @Override
    public String getDescription() {
        return "Prefect 3 caches a task whose results persist (`persist_result=True`, a `result_storage`) by "
                + "default: the same inputs in one flow run give the first result without running it. The task "
                + "decorator gets `cache_policy=NO_CACHE`, so every call runs as in Prefect 2 (BHV010, unsafe).";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"persist_result", "result_storage", "result_serializer"}; // persist_result: a flow's too
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect")) {
            return before;
        }
        String policy = PrefectTarget.from(ctx).atLeast(NO_CACHE_MINOR) ? "NO_CACHE" : "NONE";
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Node after = before;
        Set<String> runByPersistingFlows = runByPersistingFlows(before, imports);
        for (Node def : TreeIndex.of(before).find(NodeKind.FUNCTION_DEF)) {
            if (!PrefectFunctions.isTask(imports, def)) {
                continue;
            }
            String name = new Definitions(def).name();
            for (Node decorator : new Definitions(def).decorators()) {
                Node d = Expressions.unwrap(decorator);
                boolean inherits = runByPersistingFlows.contains(name) && PersistedTaskCaching.inheritsPersistence(d)
                        && StarImports.qualifiedName(imports, d).filter("prefect.task"::equals).isPresent();
                if (!PersistedTaskCaching.cachedByDefault(d) && !inherits || TreeEdits.path(after, d) == null) {
                    continue;
                }
                if (!unsafe) {
                    notes.insertRow(ctx, PythonCode.note(file, d, getName(), true, CODE,
                            MigrationNotes.unsafeFixNotApplied("cache_policy=" + policy + " on task " + name)));
                    continue;
                }
                Node uncached = d.kind() == NodeKind.CALL ? ArgEdits.add(d, "cache_policy", policy, file.style())
                        : Snippets.expression(d.text().strip() + "(cache_policy=" + policy + ")", file.style())
                                .withPrefix(d.prefix());
                after = TreeEdits.replace(after, d, uncached);
                notes.insertRow(ctx, PythonCode.note(file, d, getName(), false, CODE, "task " + name + " persists its "
                        + "results" + (inherits ? " (a flow run that persists results runs it)" : "")
                        + ", which Prefect 3 caches by default within a flow run; cache_policy=" + policy
                        + " keeps every call running as in Prefect 2 (drop it to have Prefect 3 cache the task)"));
            }
        }
        if (after != before) {
            after = ImportEdits.addFromImport(after, "prefect.cache_policies", policy, file.style());
        }
        return after;
    }

    /** The names the module's flows that persist their results ({@code @flow(persist_result=True)}) run as tasks. */
    private static Set<String> runByPersistingFlows(Node module, Imports imports) {
        Set<String> out = new HashSet<>();
        for (Node flow : PrefectFunctions.flows(module, imports)) {
            Definitions def = new Definitions(flow);
            for (Node decorator : def.decorators()) {
                Node d = Expressions.unwrap(decorator);
                if (StarImports.qualifiedName(imports, d).filter("prefect.flow"::equals).isPresent()
                        && PersistedTaskCaching.persistsResults(d)) {
                    out.addAll(PersistedTaskCaching.runIn(def.body()));
                }
            }
        }
        return out;
    }
}
