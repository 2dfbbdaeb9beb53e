package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.prefect1.internal.Args;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.TaskArgumentRules;
import dev.migrate.recipes.prefect1.internal.TaskDefinitions;
import dev.migrate.recipes.prefect1.internal.TriggerGraph;
import dev.migrate.recipes.prefect1.internal.TriggerRules;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * Converts Prefect 1 task triggers (PF103; table in {@code prefect1-triggers.yaml}). {@code all_successful} is
 * Prefect 3's behaviour, so the argument goes. A task with {@code trigger=all_finished} / {@code always_run} also ran
 * when its upstream tasks failed: in the converted {@code @flow} functions each upstream result it receives is called
 * with {@code return_state=True} (so a failure does not stop the flow there) and handed over as
 * {@code allow_failure(...)} (the task then gets the exception as the value, as in Prefect 1), and the trigger is
 * dropped. That is done only when every call of the task is in a flow function of the module and every upstream
 * result reaches it through a name bound by one task call (or an inline task call) that nothing else reads;
 * otherwise the trigger stays and {@link RewritePrefect1TaskArguments} adds the TODO. Unsafe: a failure further
 * upstream still stops the flow before the task, as everywhere in a converted flow.
 */
public class ConvertPrefect1Triggers extends Prefect1PythonRecipe {
    static final String CODE = "PF103";

    @Override
    public String getDisplayName() {
        return "Convert Prefect 1 task triggers to allow_failure";
    }

    @Override
    public String getDescription() {
        return "Drops `trigger=all_successful` (the Prefect 3 default) and turns `trigger=all_finished`/`always_run` into "
                + "`allow_failure(...)` around the task's upstream results in the converted flow functions.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Imports imports = Imports.of(before);
        Set<String> converted = new LinkedHashSet<>();
        Set<String> dropped = new LinkedHashSet<>();
        TriggerGraph graph = TriggerGraph.of(before, imports);
        for (TaskDefinitions.Definition def : TaskDefinitions.of(before)) {
            Optional<String> function = TriggerGraph.decoratedFunction(before, def.call());
            String trigger = TriggerRules.triggerOf(def.call(), imports);
            if (function.isEmpty() || trigger == null) {
                continue;
            }
            if (TriggerRules.get().defaults().contains(trigger)) {
                dropped.add(function.get());
                log.decision(ctx, file, def.call().node(), CODE, "task '" + def.taskName() + "': trigger=" + trigger
                        + " dropped, it is what Prefect 3 does");
            } else if (TriggerRules.get().allowFailure().contains(trigger)) {
                // a trigger left stays in the code, where Prefect 3's @task rejects it: one manual note says why and
                // what to write (RewritePrefect1TaskArguments, after this recipe, only adds the TODO)
                Optional<String> blocker = graph.blocker(function.get());
                String byHand = "; by hand: " + TaskArgumentRules.get().manual().get("trigger");
                if (!FixSafety.unsafeAllowed(ctx)) {
                    // without --unsafe-fixes the flows stay Prefect 1 code too, which is what most blockers say
                    log.manual(ctx, file, def.call().node(), CODE, "task '" + def.taskName() + "': trigger=" + trigger
                            + ": " + MigrationNotes.unsafeFixNotApplied("allow_failure(...) around its upstream results "
                            + "in the converted flows") + byHand);
                } else if (blocker.isPresent()) {
                    log.manual(ctx, file, def.call().node(), CODE, "task '" + def.taskName() + "': trigger=" + trigger
                            + " left as written: " + blocker.get() + byHand);
                } else {
                    converted.add(function.get());
                    dropped.add(function.get());
                    log.decision(ctx, file, def.call().node(), CODE, "task '" + def.taskName() + "': trigger=" + trigger
                            + " became allow_failure(...) on its upstream results, which are called with "
                            + "return_state=True; a failure further upstream still stops the flow before it");
                }
            }
        }
        if (dropped.isEmpty()) {
            return before;
        }
        Node out = before;
        if (!converted.isEmpty()) {
            // first, so that the wraps already written are recognised as prefect.allow_failure
            out = ImportEdits.addFromImport(out, "prefect", "allow_failure", file.style());
        }
        for (int guard = 0; guard < 500; guard++) {
            Node next = nextEdit(out, converted, dropped, file);
            if (next == null) {
                break;
            }
            out = next;
        }
        return out;
    }

    /** One edit: a wrap, a {@code return_state=True}, or a dropped trigger; null when none is left. */
    private static Node nextEdit(Node root, Set<String> converted, Set<String> dropped, PythonFile file) {
        TriggerGraph graph = TriggerGraph.of(root, Imports.of(root));
        for (Node value : graph.upstreamValues(converted)) {
            if (!graph.isAllowFailure(value)) {
                return TreeEdits.replace(root, value, Snippets.expression("allow_failure(" + value.print().strip() + ")",
                        file.style()));
            }
            Node call = graph.upstreamCall(value);
            if (call != null && new CallView(call).keyword("return_state").isEmpty()) {
                return Args.append(root, new CallView(call).argList(), java.util.List.of("return_state=True"), file.style());
            }
        }
        Imports imports = Imports.of(root);
        for (TaskDefinitions.Definition def : TaskDefinitions.of(root)) {
            Optional<String> function = TriggerGraph.decoratedFunction(root, def.call());
            Optional<Argument> trigger = def.call().keyword("trigger");
            if (function.isPresent() && dropped.contains(function.get()) && trigger.isPresent()
                    && TriggerRules.triggerOf(def.call(), imports) != null) {
                if (def.call().arguments().size() == 1) {
                    // @task(trigger=...) becomes a bare @task
                    return TreeEdits.replaceKeepingPrefix(root, def.call().node(), def.call().callee());
                }
                return Args.remove(root, def.call().argList(), trigger.get());
            }
        }
        return null;
    }
}
