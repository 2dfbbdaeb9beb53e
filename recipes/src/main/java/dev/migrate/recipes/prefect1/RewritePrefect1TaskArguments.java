package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.RunIndexScanner;
import dev.migrate.recipes.prefect1.internal.Args;
import dev.migrate.recipes.prefect1.internal.CacheValidators;
import dev.migrate.recipes.prefect1.internal.FlowsLeftAsPrefect1;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.ProjectFlowClasses;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.prefect1.internal.TaskArgumentRules;
import dev.migrate.recipes.prefect1.internal.TaskDefinitions;
import dev.migrate.recipes.prefect1.internal.TriggerRules;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * Renames Prefect 1 task options to their Prefect 3 names on {@code @task(...)}, {@code task(fn, ...)} and
 * {@code Task} subclass instantiations (mapping in {@code prefect1/task-arguments.yaml}): {@code max_retries},
 * {@code retry_delay} and {@code timeout} (to seconds), {@code checkpoint}, {@code log_stdout}; drops
 * {@code slug}/{@code nout}; turns {@code cache_for}/{@code cache_validator} into a cache key or policy with
 * an expiration, and {@code state_handlers} into state hooks (unsafe: the hook signature differs). Options
 * without an equivalent get a TODO comment and a manual note (PF103). A task call inside a {@code with Flow} block
 * that stays Prefect 1 code ({@link FlowsLeftAsPrefect1}) is left as it is: renamed, it would run on neither version.
 */
public class RewritePrefect1TaskArguments extends ScanningRecipe<ProjectFlowClasses> {
    static final String CODE = "PF103";

    private final transient MigrationNotes notes = new MigrationNotes(this);

    @org.openrewrite.Option(displayName = "Prefect major version", description = "`3` (default) or `2`: Prefect 2 "
            + "has no cache policies, so `cache_validator=all_inputs` becomes `cache_key_fn=task_input_hash`.",
            valid = {"2", "3"}, required = false, example = "3")
    private final String prefectVersion;


    public RewritePrefect1TaskArguments() {
        this(null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public RewritePrefect1TaskArguments(@com.fasterxml.jackson.annotation.JsonProperty("prefectVersion") String prefectVersion) {
        this.prefectVersion = prefectVersion;
    }

    public String getPrefectVersion() {
        return prefectVersion;
    }

    @Override
    public String getDisplayName() {
        return "Rename Prefect 1 task options";
    }

    @Override
    public String getDescription() {
        return "Renames Prefect 1 task options (`max_retries`, `retry_delay`, `timeout`, `checkpoint`, `log_stdout`, "
                + "`cache_for`, `cache_validator`, `state_handlers`) to their Prefect 3 forms and drops `slug` and `nout`.";
    }

    @Override
    public ProjectFlowClasses getInitialValue(ExecutionContext ctx) {
        return ProjectFlowClasses.of(ctx);
    }

    /** Every Python file is read first: a task call inside a flow made with another module's Flow subclass stays. */
    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ProjectFlowClasses flowClasses) {
        return RunIndexScanner.offering((ctx, source) -> {
            if (source instanceof PythonFile file) {
                flowClasses.record(file);
            }
        });
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(ProjectFlowClasses flowClasses) {
        Notes log = new Notes(notes, this);
        return new PythonVisitor<>() {
            @Override
            public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                return Prefect1PythonRecipe.editPrefectFile(file, before -> edit(file, before, ctx, log));
            }
        };
    }

    private Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Node after = before;
        List<TaskDefinitions.Definition> original = TaskDefinitions.of(before);
        // one edit per pass: every edit rebuilds the argument list, so positions are re-read
        for (int guard = 0; guard < 200; guard++) {
            Node next = nextEdit(file, after, original, ctx, log);
            if (next == null) {
                break;
            }
            after = next;
        }
        return bareDecorators(original, addManualTodos(file, original, after, ctx, log));
    }

    /** {@code @task(nout=2)} lost its only option: it becomes a bare {@code @task}, as one writes it. */
    private static Node bareDecorators(List<TaskDefinitions.Definition> original, Node root) {
        Node out = root;
        List<TaskDefinitions.Definition> now = TaskDefinitions.of(root);
        for (int i = now.size() - 1; i >= 0; i--) {
            CallView call = now.get(i).call();
            if (original.size() == now.size() && !original.get(i).call().arguments().isEmpty()
                    && call.arguments().isEmpty() && TaskDefinitions.isDecorator(out, call.node())) {
                out = dev.migrate.rewriters.python.edit.TreeEdits.replaceKeepingPrefix(out, call.node(), call.callee());
            }
        }
        return out;
    }

    private Node nextEdit(PythonFile file, Node root, List<TaskDefinitions.Definition> original, ExecutionContext ctx,
                          Notes log) {
        TaskArgumentRules rules = TaskArgumentRules.get();
        PythonStyle style = file.style();
        Imports imports = Imports.of(root);
        List<TaskDefinitions.Definition> definitions = TaskDefinitions.of(root);
        List<Node> keptFlows = FlowsLeftAsPrefect1.statements(file, root, ctx);
        for (int i = 0; i < definitions.size(); i++) {
            TaskDefinitions.Definition def = definitions.get(i);
            CallView call = def.call();
            if (FlowsLeftAsPrefect1.inside(keptFlows, call.node())) {
                continue;
            }
            for (Argument arg : call.arguments()) {
                String k = arg.keyword();
                if (k == null) {
                    continue;
                }
                if (rules.rename().containsKey(k)) {
                    return Args.renameKeyword(root, arg, rules.rename().get(k));
                }
                if (rules.removable(k, arg.value().print().strip())) {
                    return Args.remove(root, call.argList(), arg);
                }
                if (rules.seconds().containsKey(k)) {
                    return Args.replaceArgument(root, arg, rules.seconds().get(k), PyValues.secondsCode(arg.value(), imports), style);
                }
                if (k.equals("cache_for") || k.equals("cache_validator")) {
                    Node edited = cacheEdit(file, root, def, originalAt(original, definitions, i), ctx, log);
                    if (edited != null) {
                        return edited;
                    }
                }
                if (k.equals("state_handlers") && FixSafety.unsafeAllowed(ctx) && arg.value().kind() == NodeKind.LIST) {
                    String hooks = arg.value().print().strip();
                    Node edited = Args.replaceArgument(root, arg, "on_failure", hooks, style);
                    Node argList = new CallView(sameCall(edited, root, call)).argList();
                    edited = Args.append(edited, argList, List.of("on_completion=" + hooks), style);
                    return Todos.add(edited, sameCall(edited, root, call), CODE,
                            "state handlers became hooks: change their signature to fn(task, task_run, state); "
                                    + "a hook cannot replace the state", file.style().newline());
                }
            }
        }
        return null;
    }

    /**
     * {@code cache_for} + {@code cache_validator} become {@code cache_expiration} + a key function or policy, as
     * {@code prefect1-cache-validators.yaml} says; null when the fix is manual, or unsafe without --unsafe-fixes.
     */
    private Node cacheEdit(PythonFile file, Node root, TaskDefinitions.Definition def, Node at, ExecutionContext ctx,
                           Notes log) {
        CallView call = def.call();
        boolean prefect2 = "2".equals(prefectVersion);
        Optional<CacheValidators.Fix> fix = CacheValidators.fix(call, def.taskName(), Imports.of(root), prefect2);
        if (fix.isEmpty() || fix.get().safety().equals("manual")
                || fix.get().safety().equals("unsafe") && !FixSafety.unsafeAllowed(ctx)) {
            return null; // left with a TODO by addManualTodos
        }
        Node edited = root;
        Optional<Argument> validator = call.keyword("cache_validator");
        if (validator.isPresent()) {
            edited = Args.remove(edited, call.argList(), validator.get());
        }
        if (fix.get().safety().equals("unsafe")) {
            log.decision(ctx, file, at, CODE, "cache_for on task '" + def.taskName() + "' became " + fix.get().option()
                    + " (" + fix.get().why() + ")");
        }
        CallView now = new CallView(sameCall(edited, root, call.node()));
        if (call.keyword("cache_for").isPresent()) {
            edited = Args.renameKeyword(edited, now.keyword("cache_for").orElseThrow(), "cache_expiration");
            now = new CallView(sameCall(edited, root, call.node()));
        }
        edited = Args.append(edited, now.argList(), List.of(fix.get().option()), file.style());
        CacheValidators.persistenceOff(call, prefect2).ifPresent(p -> log.manual(ctx, file, at, CODE, "task '"
                + def.taskName() + "': its cache has no effect: " + p));
        for (String qualified : fix.get().imports()) {
            edited = ImportEdits.addFromImport(edited, CacheValidators.module(qualified),
                    CacheValidators.simpleName(qualified), file.style());
        }
        return edited;
    }

    /**
     * The i-th task definition's call in the file's own tree, for the line of a note: edits keep the definitions
     * and their order, so the i-th of an edited tree is the i-th of the original; null if they did not.
     */
    private static Node originalAt(List<TaskDefinitions.Definition> original, List<TaskDefinitions.Definition> now, int i) {
        return original.size() == now.size() ? original.get(i).call().node() : null;
    }

    /** The call at the same place in an edited tree (edits inside a call keep the count of CALL nodes before it). */
    private static Node sameCall(Node edited, Node original, Node call) {
        List<Node> before = dev.migrate.rewriters.python.tree.Nodes.find(original, NodeKind.CALL);
        List<Node> after = dev.migrate.rewriters.python.tree.Nodes.find(edited, NodeKind.CALL);
        return after.get(before.indexOf(call));
    }

    private static Node sameCall(Node edited, Node original, CallView call) {
        return sameCall(edited, original, call.node());
    }

    /** Keywords whose note the loop below writes itself (or, for cache_validator, with cache_for). */
    private static final Set<String> SAID_ABOVE = Set.of("state_handlers", "cache_for", "cache_validator",
            "trigger", "on_failure");

    /** TODOs and manual notes for the options left; the notes name the lines of the file's own tree. */
    private Node addManualTodos(PythonFile file, List<TaskDefinitions.Definition> original, Node root,
                                ExecutionContext ctx, Notes log) {
        Node edited = root;
        List<TaskDefinitions.Definition> definitions = TaskDefinitions.of(root);
        boolean unsafeLeft = !FixSafety.unsafeAllowed(ctx);
        boolean prefect2 = "2".equals(prefectVersion);
        List<Node> keptFlows = FlowsLeftAsPrefect1.statements(file, root, ctx);
        for (int i = 0; i < definitions.size(); i++) {
            TaskDefinitions.Definition def = definitions.get(i);
            if (FlowsLeftAsPrefect1.inside(keptFlows, def.call().node())) {
                continue; // Prefect 1 code of a flow left for a person, who has the flow's own item
            }
            List<String> messages = new ArrayList<>();
            boolean cacheSaid = false;
            for (Argument arg : def.call().arguments()) {
                String k = arg.keyword();
                String message = k == null ? null : TaskArgumentRules.get().manual().get(k);
                if ("on_failure".equals(k) && arg.value().kind() == NodeKind.LIST) {
                    message = null; // a list of hooks is Prefect 3's form (Prefect 1 took one fn(task, state))
                }
                if ("state_handlers".equals(k)) {
                    message = "write on_failure=[...] and on_completion=[...] hooks with the signature fn(task, task_run, "
                            + "state) instead; a hook cannot replace the state" + (unsafeLeft ? " (--unsafe-fixes moves "
                            + "a literal list of handlers there)" : "");
                }
                if (("cache_for".equals(k) || "cache_validator".equals(k)) && !cacheSaid) {
                    cacheSaid = true;
                    Imports imports = Imports.of(root);
                    message = CacheValidators.instead(def.call(), def.taskName(), imports, prefect2)
                            + (unsafeLeft && CacheValidators.fix(def.call(), def.taskName(), imports, prefect2)
                            .filter(f -> f.safety().equals("unsafe")).isPresent() ? " (--unsafe-fixes writes it)" : "");
                } else if ("cache_validator".equals(k)) {
                    message = null; // said with cache_for
                }
                if ("trigger".equals(k)) {
                    String trigger = TriggerRules.triggerOf(def.call(), Imports.of(root));
                    message = TriggerRules.get().manual().getOrDefault(trigger, message);
                }
                if (message == null && k != null && !SAID_ABOVE.contains(k) && !TaskArgumentRules.get().manual().containsKey(k)
                        && !TaskArgumentRules.get().taskOptions(prefect2).contains(k)
                        && TaskDefinitions.isTaskDecorator(Imports.of(root), def.call().node())) {
                    // a Task subclass's own constructor takes what it likes: only @task / task(fn, ...) are checked
                    message = "not an option of Prefect " + (prefect2 ? "2" : "3") + "'s @task (the decorator raises "
                            + "TypeError): remove it, or move what it did into the task's code";
                }
                if (message != null) {
                    messages.add(k + ": " + message);
                }
            }
            Node call = sameCall(edited, root, def.call());
            String todo = String.join("; ", messages);
            // a PF103 TODO written by an edit above (state handlers became hooks) does not hold these: a second one
            // does; the same TODO from an earlier run is not written twice
            if (!messages.isEmpty() && !Todos.has(edited, call, CODE, todo)) {
                Node at = originalAt(original, definitions, i);
                String about = "task '" + def.taskName() + "': ";
                for (String m : messages) {
                    // ConvertPrefect1Triggers, before this recipe, said why it left a trigger and what to write
                    if (!m.startsWith("trigger: ") || !MigrationNotes.noted(ctx, file.getSourcePath().toString(), CODE,
                            r -> r.message().startsWith(about + "trigger="))) {
                        log.manual(ctx, file, at, CODE, about + m);
                    }
                }
                edited = Todos.comment(edited, call, Todos.text(CODE, todo), file.style().newline());
            }
        }
        return edited;
    }
}
