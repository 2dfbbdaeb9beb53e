package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.prefect1.internal.CliRegistrations;
import dev.migrate.recipes.prefect1.internal.ClientSecrets;
import dev.migrate.recipes.prefect1.internal.FlowRunCalls;
import dev.migrate.recipes.prefect1.internal.FlowsLeftAsPrefect1;
import dev.migrate.recipes.prefect1.internal.FlowRunTasks;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.ProjectFlowClasses;
import dev.migrate.recipes.prefect1.internal.ProjectFlows;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.prefect1.internal.Secrets;
import dev.migrate.recipes.prefect1.internal.ShellTasks;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * Replaces the Prefect 1 task library and client (PF110): {@code PrefectSecret("X")} inside a function becomes
 * {@code Secret.load("x").get()}, {@code EnvVarSecret("V")} becomes {@code os.environ["V"]}, module-level
 * {@code ShellTask(...)} and {@code StartFlowRun(...)} instances become {@code @task} functions (subprocess,
 * {@code run_deployment}), KV store calls become Variables. {@code Client}, module-level secrets and the other
 * {@code prefect.tasks.*} classes get a TODO. A flow run started by flow name targets the deployment the flow
 * conversion writes for that flow, so the scan reads the project's flows first: a flow it does not deploy leaves
 * the call for a person. A secret task inside a {@code with Flow} block that stays Prefect 1 code is left with that
 * flow ({@link FlowsLeftAsPrefect1}): converted, it would be read when the flow is built.
 */
public class ReplacePrefect1TaskLibrary extends ScanningRecipe<ProjectFlows> {
    /** The KV store functions, also as prefect.backend re-exports them ({@code from prefect.backend import get_key_value}). */
    private static final Set<String> KV_GET = Set.of("prefect.backend.kv_store.get_key_value",
            "prefect.backend.get_key_value");
    private static final Set<String> KV_SET = Set.of("prefect.backend.kv_store.set_key_value",
            "prefect.backend.set_key_value");

    @org.openrewrite.Option(displayName = "ShellTask replacement", description = "`subprocess` (default) writes a task "
            + "that runs the command with subprocess; `prefect-shell` uses prefect_shell.ShellOperation (add the "
            + "prefect-shell package).", valid = {"subprocess", "prefect-shell"}, required = false, example = "subprocess")
    private final String shellTask;

    public ReplacePrefect1TaskLibrary() {
        this(null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public ReplacePrefect1TaskLibrary(@com.fasterxml.jackson.annotation.JsonProperty("shellTask") String shellTask) {
        this.shellTask = shellTask;
    }

    public String getShellTask() {
        return shellTask;
    }

    static final String CODE = "PF110";
    private static final String CLIENT_TODO = "the Prefect 1 GraphQL client is gone";
    private static final String KV_TODO = "Prefect 3 keeps these values in Variables";
    private static final String UNSAFE_TODO_END = " (a behaviour change: review it)";

    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Replace the Prefect 1 task library, secrets and client";
    }

    @Override
    public String getDescription() {
        return "Turns PrefectSecret/EnvVarSecret into Secret blocks and environment lookups, ShellTask and StartFlowRun "
                + "instances into @task functions, KV store calls into Variables, and marks the Prefect 1 Client.";
    }

    @Override
    public ProjectFlows getInitialValue(ExecutionContext ctx) {
        return new ProjectFlows(CliRegistrations.of(ctx));
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ProjectFlows acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof PythonFile file) {
                    // a flow made with another module's Flow subclass stays Prefect 1 code (FlowsLeftAsPrefect1)
                    ProjectFlowClasses.of(ctx).record(file);
                }
                if (tree instanceof PythonFile file && !file.hasSyntaxErrors() && Imports.of(file.module()).uses("prefect")) {
                    acc.offer(path(file), file.module(), FixSafety.unsafeAllowed(ctx));
                } else if (tree instanceof SourceFile sf && !(tree instanceof PythonFile)) {
                    // `prefect register -p flows/` in a script deploys flows that call no flow.register()
                    acc.offerCommands(sf);
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(ProjectFlows flows) {
        Notes log = new Notes(notes, this);
        return new PythonVisitor<>() {
            @Override
            public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                return Prefect1PythonRecipe.editPrefectFile(file, before ->
                        calls(file, flowRuns(file, instances(file, before, ctx, log, flows), ctx, log, flows), ctx, log, flows));
            }
        };
    }

    /**
     * create_flow_run / wait_for_flow_run calls in flow functions become run_deployment of the deployment the
     * conversion writes for the child flow (unsafe: run_deployment waits differently and streams no logs).
     */
    private Node flowRuns(PythonFile file, Node root, ExecutionContext ctx, Notes log, ProjectFlows flows) {
        Node out = root;
        for (int guard = 0; guard < 200; guard++) {
            FlowRunCalls.Edit edit = FlowRunCalls.next(out, Imports.of(out), file.style(), flows, path(file));
            if (edit == null) {
                break;
            }
            if (!FixSafety.unsafeAllowed(ctx)) {
                log.decision(ctx, file, edit.at(), CODE, edit.message() + " (with --unsafe-fixes)");
                break;
            }
            log.decision(ctx, file, edit.at(), CODE, edit.message());
            out = ImportEdits.addFromImport(edit.root(), "prefect.deployments", "run_deployment", file.style());
        }
        return out;
    }

    /** Module-level {@code x = ShellTask(...)} / {@code x = StartFlowRun(...)}. */
    private Node instances(PythonFile file, Node root, ExecutionContext ctx, Notes log, ProjectFlows flows) {
        PythonStyle style = file.style();
        Imports imports = Imports.of(root);
        Node out = root;
        boolean shell = false;
        boolean tasks = false; // a @task function was written (TODO comments alone need no import)
        String firstShell = null;
        List<String> written = new ArrayList<>(); // the @task functions written, spaced as PEP 8 asks at the end
        // a ShellTask as a subprocess task logs its output after the command ends, and a StartFlowRun as run_deployment
        // needs the child's deployment: unsafe, so without --unsafe-fixes each gets a TODO saying what would be done
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        for (Node s : Statements.of(root)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isEmpty() || a.get().value() == null || a.get().value().kind() != NodeKind.CALL
                    || a.get().targets().size() != 1 || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            String q = imports.qualifiedName(a.get().value()).orElse("");
            String name = Expressions.name(a.get().targets().get(0));
            CallView ctor = new CallView(a.get().value());
            boolean isShellTask = q.equals("prefect.tasks.shell.ShellTask") && ShellTasks.convertible(ctor);
            boolean isStartFlowRun = q.equals("prefect.tasks.prefect.StartFlowRun")
                    || q.equals("prefect.tasks.prefect.flow_run.StartFlowRun");
            if (!unsafe && (isShellTask || isStartFlowRun)) {
                if (!Todos.has(out, s, CODE)) {
                    out = todo(file, out, s, (isShellTask ? "ShellTask " + name + " becomes a @task that runs the command "
                            + "with subprocess" : "StartFlowRun " + name + " becomes a @task calling run_deployment of the "
                            + "child flow's deployment") + " with --unsafe-fixes" + UNSAFE_TODO_END, ctx, log);
                }
                continue;
            }
            // the TODO a run without --unsafe-fixes left here is done now
            Node before = out;
            out = Todos.remove(out, s, CODE, m -> m.endsWith(UNSAFE_TODO_END));
            if (out != before) {
                s = Statements.of(out).stream().filter(x -> Statements.assignment(x).map(y -> y.targets().size() == 1
                        && y.targets().get(0).kind() == NodeKind.NAME && Expressions.name(y.targets().get(0)).equals(name))
                        .orElse(false)).findFirst().orElse(s);
            }
            if (q.equals("prefect.tasks.shell.ShellTask") && ShellTasks.convertible(ctor) && "prefect-shell".equals(shellTask)) {
                out = StatementEdits.replace(out, s, ShellTasks.shellOperationFunction(name, ctor), style);
                out = ImportEdits.addFromImport(out, "prefect_shell", "ShellOperation", style);
                tasks = true;
                written.add(name);
                log.manual(ctx, file, s, CODE, "ShellTask " + name + " became a @task running prefect_shell.ShellOperation;"
                        + " add prefect-shell to the requirements");
            } else if (q.equals("prefect.tasks.shell.ShellTask") && ShellTasks.convertible(ctor)) {
                out = StatementEdits.replace(out, s, ShellTasks.function(name, ctor), style);
                shell = true;
                tasks = true;
                written.add(name);
                firstShell = firstShell == null ? name : firstShell;
                log.decision(ctx, file, s, CODE, "ShellTask " + name + " became a @task that runs the command with "
                        + "subprocess (helper " + ShellTasks.HELPER_NAME + "); output is logged after the command ends");
            } else if (q.equals("prefect.tasks.prefect.StartFlowRun") || q.equals("prefect.tasks.prefect.flow_run.StartFlowRun")) {
                Optional<java.util.Set<String>> runTime = FlowRunTasks.runTimeKeywords(root, name);
                Optional<String> flowName = ctor.keyword("flow_name").flatMap(x -> flows.flowName(x.value(), imports,
                        path(file)));
                Optional<String> code = runTime.flatMap(r -> FlowRunTasks.function(name, ctor, r, flowName));
                Optional<String> unknown = FlowRunTasks.undeployedFlow(root, name, ctor, flows, path(file));
                if (code.isPresent() && unknown.isPresent()) {
                    out = todo(file, out, s, "StartFlowRun " + name + ": " + unknown.get() + "; write a @task calling "
                            + "run_deployment(name=\"<flow>/<deployment>\", parameters=..., timeout=None) (from "
                            + "prefect.deployments; timeout=0 for wait=False) with the deployment's name", ctx, log);
                } else if (code.isPresent()) {
                    out = StatementEdits.replace(out, s, code.get(), style);
                    out = ImportEdits.addFromImport(out, "prefect.deployments", "run_deployment", style);
                    tasks = true;
                    written.add(name);
                    log.decision(ctx, file, s, CODE, "StartFlowRun " + name + " runs deployment '"
                            + flowName.map(f -> f + "/" + f)
                            .orElse("<flow_name>/<flow_name>") + "' (the deployment the flow conversion writes for "
                            + "that flow)" + (runTime.get().isEmpty() ? "" : "; calls keep passing " + runTime.get())
                            + "; projects are gone");
                } else {
                    out = todo(file, out, s, "StartFlowRun options without a run_deployment form; call "
                            + "run_deployment(name=\"<flow>/<deployment>\") in a task", ctx, log);
                }
            } else if (q.equals("prefect.tasks.control_flow.FilterTask")
                    || q.equals("prefect.tasks.control_flow.filter.FilterTask")) {
                out = todo(file, out, s, "FilterTask has no Prefect 3 form; filter the results in Python inside a task: "
                        + "[r for r in results if filter_func(r)] (Prefect 1's default dropped None results and "
                        + "exceptions)", ctx, log);
            } else if (q.startsWith("prefect.tasks.") && !q.startsWith("prefect.tasks.secrets.")
                    && !q.startsWith("prefect.tasks.control_flow.")) {
                out = todo(file, out, s, q + " has no Prefect 3 form in prefect itself; use the matching prefect-* "
                        + "integration package", ctx, log);
            }
        }
        for (String name : written) {
            // `x = StartFlowRun(...)` right under a constant became a def with no blank line above it
            out = StatementEdits.blankLinesAround(out, findDef(out, name), 2, style);
        }
        if (shell) {
            Node anchor = findDef(out, firstShell);
            out = StatementEdits.insertBefore(out, anchor, ShellTasks.helper(), style);
            out = StatementEdits.blankLinesAround(out, findDef(out, "_run_shell_command"), 2, style);
            out = ImportEdits.addImport(out, "os", style);
            out = ImportEdits.addImport(out, "subprocess", style);
            out = ImportEdits.addFromImport(out, "prefect", "get_run_logger", style);
        }
        if (tasks) {
            out = ImportEdits.addFromImport(out, "prefect", "task", style);
        }
        return out;
    }

    /** Secrets, KV store and Client calls. */
    private Node calls(PythonFile file, Node root, ExecutionContext ctx, Notes log, ProjectFlows flows) {
        PythonStyle style = file.style();
        Node out = root;
        // converting a secret read needs the Secret block, and KV values need Variables holding them: unsafe; without
        // --unsafe-fixes they fall through to the TODO below, which the unsafe run removes as it converts
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Optional<ClientSecrets.Result> clientSecrets = ClientSecrets.convert(root, style);
        // the safe run's TODO says when the unsafe run would write the call
        boolean secretsConvertible = clientSecrets.isPresent();
        clientSecrets = unsafe ? clientSecrets : Optional.empty();
        if (clientSecrets.isPresent()) {
            // the safe run's TODOs on these reads speak of what this edit does; the calls keep their identity
            for (Node call : clientSecrets.get().calls()) {
                out = Todos.remove(out, call, CODE, m -> m.contains("Secret.load("));
            }
            clientSecrets = out == root ? clientSecrets : ClientSecrets.convert(out, style);
        }
        if (clientSecrets.isPresent()) {
            out = clientSecrets.get().root();
            for (int i = 0; i < clientSecrets.get().calls().size(); i++) {
                logSecretBlock(ctx, file, clientSecrets.get().calls().get(i), clientSecrets.get().secrets().get(i), log);
            }
        }
        for (int guard = 0; guard < 500; guard++) {
            Imports imports = Imports.of(out);
            boolean changed = false;
            List<Node> keptFlows = FlowsLeftAsPrefect1.statements(file, out, ctx);
            for (Node call : Nodes.find(out, NodeKind.CALL)) {
                String q = imports.qualifiedName(call).orElse("");
                if (q.startsWith("prefect.tasks.secrets.") && FlowsLeftAsPrefect1.inside(keptFlows, call)) {
                    // a secret task of a flow that stays Prefect 1 code: read now, it would be read when the flow is
                    // built, not when it runs; the flow's own manual item covers it
                    continue;
                }
                CallView view = new CallView(call);
                boolean inFunction = TreeEdits.path(out, call).stream().anyMatch(n -> n.kind() == NodeKind.FUNCTION_DEF);
                Optional<String> first = view.argument("name", 0).flatMap(a -> PyValues.string(a.value()));
                String replacement = null;
                String module = null;
                String imported = null;
                if (unsafe && q.equals("prefect.tasks.secrets.PrefectSecret") && first.isPresent() && inFunction
                        && view.arguments().size() == 1) {
                    String block = Secrets.blockName(first.get());
                    replacement = "Secret.load(" + PyValues.quoted(block) + ").get()";
                    module = "prefect.blocks.system";
                    imported = "Secret";
                    logSecretBlock(ctx, file, call, first.get(), log);
                } else if (q.equals("prefect.tasks.secrets.EnvVarSecret") && first.isPresent() && inFunction
                        && view.arguments().size() == 1) {
                    replacement = "os.environ[" + PyValues.quoted(first.get()) + "]";
                    module = "os";
                } else if (unsafe && KV_GET.contains(q) && view.arguments().size() == 1 && view.argument("key", 0).isPresent()) {
                    replacement = "Variable.get(" + view.argument("key", 0).get().value().print().strip() + ")";
                    module = "prefect.variables";
                    imported = "Variable";
                } else if (unsafe && KV_SET.contains(q) && view.arguments().size() == 2 && view.argument("key", 0).isPresent()
                        && view.argument("value", 1).isPresent()) {
                    // by name, not position: set_key_value(value=v, key=k) is valid Prefect 1
                    replacement = "Variable.set(" + view.argument("key", 0).get().value().print().strip() + ", "
                            + view.argument("value", 1).get().value().print().strip() + ", overwrite=True)";
                    module = "prefect.variables";
                    imported = "Variable";
                } else if ((q.startsWith("prefect.tasks.secrets.") || q.equals("prefect.Client")
                        || q.startsWith("prefect.client.") || q.startsWith("prefect.backend.")
                        || q.startsWith("prefect.tasks.prefect.") || q.equals("prefect.utilities.tasks.pause_task")
                        || q.equals("prefect.artifacts.create_markdown") || q.equals("prefect.artifacts.create_link"))
                        && !Todos.has(out, call, CODE)) {
                    out = todo(file, out, call, FlowRunCalls.manualMessage(call, imports, flows, path(file))
                            .orElseGet(() -> todoFor(q, inFunction, secretsConvertible)), ctx, log);
                    changed = true;
                    break;
                }
                if (replacement != null) {
                    // a TODO a run without --unsafe-fixes (or before the flow became a function) left on this call
                    // speaks of what this edit now does
                    boolean secret = q.startsWith("prefect.tasks.secrets.");
                    out = Todos.remove(out, call, CODE, m -> secret ? m.contains("Secret.load(")
                            : m.startsWith(CLIENT_TODO) || m.startsWith(KV_TODO));
                    out = TreeEdits.replace(out, call, Snippets.expression(replacement, style));
                    out = imported == null ? ImportEdits.addImport(out, module, style)
                            : ImportEdits.addFromImport(out, module, imported, style);
                    changed = true;
                    break;
                }
            }
            if (!changed) {
                break;
            }
        }
        return out;
    }

    /** @param secretsConvertible whether the module's client secrets are all read at once (ClientSecrets converts them) */
    private static String todoFor(String qualified, boolean inFunction, boolean secretsConvertible) {
        if (qualified.equals("prefect.client.Secret") || qualified.equals("prefect.client.secrets.Secret")) {
            return "read the secret with Secret.load(\"<block>\").get() (from prefect.blocks.system import Secret)"
                    + (secretsConvertible ? " once the Secret block exists (--unsafe-fixes writes the call)" : "");
        }
        if (qualified.startsWith("prefect.tasks.secrets.")) {
            return inFunction ? "read the secret with Secret.load(\"<block>\").get() once the Secret block exists "
                    + "(--unsafe-fixes writes the call)"
                    : "a module-level secret task; read it inside the flow with Secret.load(\"<block>\").get()";
        }
        if (qualified.startsWith("prefect.artifacts.")) {
            return "Prefect 3 artifacts: create_markdown_artifact(markdown=...) / create_link_artifact(link=...) "
                    + "(prefect.artifacts), with an optional key=";
        }
        if (qualified.equals("prefect.utilities.tasks.pause_task")) {
            return "Prefect 3 pauses flows, not tasks: call pause_flow_run(...) (from prefect import pause_flow_run) in the "
                    + "flow before the task";
        }
        if (KV_GET.contains(qualified) || KV_SET.contains(qualified)) {
            return KV_TODO + ": Variable.get(key) / Variable.set(key, value, overwrite=True) (from prefect.variables); "
                    + "copy the values into Variables first (--unsafe-fixes writes the calls)";
        }
        if (qualified.startsWith("prefect.tasks.prefect.")) {
            return "use run_deployment(name=\"<flow>/<deployment>\") (prefect.deployments) or prefect.flow_runs.wait_for_flow_run";
        }
        return CLIENT_TODO + "; use `with get_client(sync_client=True) as client:` (REST API)";
    }

    private static void logSecretBlock(ExecutionContext ctx, PythonFile file, Node at, String secret, Notes log) {
        String block = Secrets.blockName(secret);
        log.decision(ctx, file, at, CODE, "Prefect 1 secret " + secret + " is read from Secret block '" + block
                + "'; create it: `prefect block create secret` or Secret(value=...).save('" + block + "')");
    }

    private Node todo(PythonFile file, Node root, Node at, String message, ExecutionContext ctx, Notes log) {
        log.manual(ctx, file, at, CODE, message);
        return Todos.add(root, at, CODE, message, file.style().newline());
    }

    private static String path(PythonFile file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }

    private static Node findDef(Node root, String name) {
        return Definitions.function(root, name).orElseThrow(() -> new IllegalStateException("converted task " + name + " not found"));
    }

}
