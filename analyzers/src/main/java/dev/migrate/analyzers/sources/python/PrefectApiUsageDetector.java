package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Prefect 2 code that changes meaning or breaks on Prefect 3, file by file: imports of names that moved (PF215)
 * or vanished (PF216), decided by Prefect's own API data ({@link PrefectApi}), and of the infrastructure blocks
 * Prefect 2 integrations had ({@code prefect_aws.ecs.ECSTask}: PF205); task futures a flow never
 * resolves (BHV001); flows that submit tasks and return nothing, whose final state no longer follows failed
 * tasks (BHV002); {@code await} on task futures in async code (BHV007: flows and the helpers they run, not only flows); and a task future's state read the 2.x way, {@code
 * f.get_state()} or the value of {@code f.wait()} or of {@code t.submit(x).wait()} (BHV009): the last four for the
 * tasks of the module, those it imports from the project's other modules ({@link ProjectTaskIndex}) and those made
 * from either by {@code with_options}, never an executor's or a queue's submit. {@code Variable.get(...).value}
 * (BHV003). {@code .schedule} of a deployment the client read (PF231: {@link DeploymentResponseScheduleReads}).
 * Findings here belong to no job. Values kept in the JSON and String blocks are PF219.
 */
public final class PrefectApiUsageDetector extends PythonDetector {
    /**
     * The blocks Prefect 3.5 removed whose values Variables hold now (PF219; the recipe that replaces them reads this
     * too). {@code DateTime} is not one: {@code Variable.get} would return its text, not a datetime.
     */
    public static final Set<String> VALUE_BLOCKS = Set.of("prefect.blocks.system.JSON", "prefect.blocks.system.String");

    /** The project's tasks, for the runs of BHV001, BHV002, BHV007 and BHV009 (as the rewrite knows them). */
    private final ProjectTaskIndex project = new ProjectTaskIndex();
    /** Functions that run tasks of names imported from the project, judged in {@link #finish} (guarded by this). */
    private final List<Runnable> waiting = new ArrayList<>();

    public PrefectApiUsageDetector() {
        // no required import: a script that only saves an integration's infrastructure block imports no prefect;
        // packages' __init__.py re-export tasks without naming Prefect (from .tasks import load)
        super("prefect-api-usage", null, Prefilter.keywords("prefect").orPath(ProjectTaskIndex::isPackageInit));
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        ModuleFacts facts = project.record(m.file().path(), m.root(), m.imports());
        imports(m, sink);
        if (!m.imports().uses("prefect")) {
            return;
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            boolean flow = d.decorators().stream().map(m::nameOf)
                    .anyMatch(n -> n.equals("prefect.flow") || n.equals("prefect.flows.flow"));
            boolean task = d.decorators().stream().map(m::nameOf)
                    .anyMatch(n -> n.equals("prefect.task") || n.equals("prefect.tasks.task"));
            withTasks(m, facts, d.body(), () -> PythonScopes.localNames(d), tasks -> {
                if (AwaitedTaskFutures.judged(d, task)) {
                    TaskFutureUses.awaited(m, d, flow, tasks, sink);
                }
                if (flow) {
                    taskRuns(m, d, tasks, sink);
                }
                TaskFutureUses.states(m, d.body(), tasks, sink);
            });
        }
        withTasks(m, facts, m.root(), Set::of, tasks -> TaskFutureUses.states(m, m.root(), tasks, sink));
        variableValues(m, sink);
        systemBlockValues(m, sink);
        storageSlugs(m, sink);
        defaultCaching(m, sink);
        DeploymentResponseScheduleReads.report(m, sink);
    }

    /**
     * BHV010: a task whose results Prefect 3 persists and which states no cache, which Prefect 3 caches by default
     * within a flow run ({@link PersistedTaskCaching}).
     */
    private static void defaultCaching(PythonModule m, InventorySink sink) {
        // the tasks a flow persisting its results runs: they persist too, having no say of their own
        java.util.Map<String, String> runByPersistingFlow = new java.util.HashMap<>();
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions flow = new Definitions(def);
            for (Node decorator : flow.decorators()) {
                Node d = Expressions.unwrap(decorator);
                if (d.kind() == NodeKind.CALL && m.nameOf(d.nodes().get(0)).equals("prefect.flow")
                        && PersistedTaskCaching.persistsResults(d)) {
                    PersistedTaskCaching.runIn(flow.body()).forEach(t -> runByPersistingFlow.putIfAbsent(t, flow.name()));
                }
            }
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            String task = new Definitions(def).name();
            for (Node decorator : new Definitions(def).decorators()) {
                Node d = Expressions.unwrap(decorator);
                String name = m.nameOf(d.kind() == NodeKind.CALL ? d.nodes().get(0) : d);
                if (!name.equals("prefect.task") && !name.equals("prefect.tasks.task")) {
                    continue;
                }
                if (PersistedTaskCaching.cachedByDefault(d)) {
                    sink.finding(Findings.of("BHV010", "task " + task + " persists its results "
                            + "and states no cache: Prefect 3 caches it by default (same inputs in one flow run, or its "
                            + "retry, give the first result without running the task); Prefect 2 ran it every time",
                            m.at(d), null));
                } else if (runByPersistingFlow.containsKey(task) && PersistedTaskCaching.inheritsPersistence(d)) {
                    sink.finding(Findings.of("BHV010", "task " + task + " persists its results, as flow "
                            + runByPersistingFlow.get(task) + " (persist_result=True) runs it, and states no cache: "
                            + "Prefect 3 caches it by default (same inputs in one flow run, or its retry, give the first "
                            + "result without running the task); Prefect 2 ran it every time", m.at(d), null));
                }
            }
        }
    }

    /** The generic load of a block by its {@code "slug/name"} reference. */
    public static final String GENERIC_BLOCK_LOAD = "prefect.blocks.core.Block.load";

    /**
     * PF206 on a removed storage block named by its {@code "slug/name"} reference, which Prefect 3 cannot load (the
     * block type is gone): {@code Block.load("s3/code")}, and {@code result_storage="s3/results"} on a flow, a task,
     * their {@code with_options} or a dict of options, which 2.x and 3.x alike load as a block.
     */
    private static void storageSlugs(PythonModule m, InventorySink sink) {
        for (Node call : m.nodes(NodeKind.CALL)) {
            CallView view = new CallView(call);
            Node reference = null;
            if (m.nameOf(call).equals(GENERIC_BLOCK_LOAD)) {
                reference = view.positional(0).map(Argument::value).orElse(null);
            } else {
                reference = view.keyword("result_storage").map(Argument::value).orElse(null);
            }
            Optional<String> text = reference == null ? Optional.empty() : StringLiterals.value(Expressions.unwrap(reference));
            Optional<PrefectBlockClasses.SlugReference> slug = text.flatMap(PrefectBlockClasses::storageSlug);
            if (slug.isPresent()) {
                sink.finding(Findings.of("PF206", "\"" + text.get() + "\" names a " + slug.get().removedClass()
                        + " block, whose type Prefect 3 no longer has: save a " + slug.get().replacementClass()
                        + " block under that name and name it \"" + slug.get().replacement() + "\"", m.at(reference), null));
            }
        }
    }

    /** PF219: values read from or saved to the JSON and String blocks, which Prefect 3.5 removed for Variables. */
    private static void systemBlockValues(PythonModule m, InventorySink sink) {
        for (Node n : m.nodes(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(n.nodes().get(0));
            String called = m.nameOf(n);
            String use = null;
            if (called.endsWith(".load") && VALUE_BLOCKS.contains(called.substring(0, called.length() - ".load".length()))) {
                use = simpleName(called.substring(0, called.length() - ".load".length())) + ".load";
            } else if (callee.kind() == NodeKind.ATTRIBUTE && TaskFutureUses.lastName(callee).equals("save")) {
                Node receiver = Expressions.unwrap(callee.nodes().get(0));
                if (receiver.kind() == NodeKind.CALL && VALUE_BLOCKS.contains(m.nameOf(receiver))) {
                    use = simpleName(m.nameOf(receiver)) + "(...).save";
                }
            }
            if (use != null) {
                sink.finding(Findings.of("PF219", use + "(...) uses a block Prefect 3.5 removed; "
                        + "keep the value in a Variable (Variable.get / Variable.set)", m.at(n), null));
            }
        }
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static void imports(PythonModule m, InventorySink sink) {
        PrefectApi api = PrefectApi.get();
        Set<String> seen = new HashSet<>();
        ImportFallbacks fallbacks = new ImportFallbacks(m);
        for (ImportBinding b : m.imports().all()) {
            String q = ImportFallbacks.importedName(b);
            if (PrefectBlockClasses.isIntegrationInfrastructure(q) && seen.add(q)) {
                // an integration's infrastructure block (prefect_aws.ecs.ECSTask): gone from its Prefect 3 releases
                Node at = b.alias() != null ? b.alias() : b.statement();
                PrefectBlockClasses.of(q).ifPresent(r -> sink.finding(Findings.of(r.code(), r.message(), m.at(at), null)));
                continue;
            }
            if (!q.startsWith("prefect.") || fallbacks.hasPrefect3Alternative(b) || !seen.add(q)) {
                continue;
            }
            if (!api.existsIn2(q)) {
                // code written for 2.0-2.9 imports from packages 2.20 no longer had: those fail on Prefect 3 too
                Optional<String> early = api.early2Package(q);
                if (early.isPresent()) {
                    Node at = b.alias() != null ? b.alias() : b.statement();
                    sink.finding(PrefectBlockClasses.of(q)
                            .map(r -> Findings.of(r.code(), r.message() + " (" + early.get() + ")", m.at(at), null))
                            .orElseGet(() -> Findings.of("PF216", q + " does not exist in Prefect 3 (" + early.get() + ")",
                                    m.at(at), null)));
                }
                continue;
            }
            Optional<String> moved = api.movedTo(q);
            Node at = b.alias() != null ? b.alias() : b.statement();
            if (moved.isPresent()) {
                sink.finding(Findings.of("PF215", q + " moved to " + moved.get() + " in Prefect 3", m.at(at), null));
            } else if (api.removedIn3(q) || !(b.isFromImport() ? api.existsIn3(q) : api.moduleImportWorksIn3(q))) {
                // a block class the rewrite replaces by kind is reported under the code the rewrite notes it with
                Finding f = PrefectBlockClasses.of(q).map(r -> Findings.of(r.code(), r.message(), m.at(at), null))
                        .orElseGet(() -> Findings.of("PF216", q + " does not exist in Prefect 3", m.at(at), null));
                sink.finding(f);
            }
        }
    }

    /**
     * Gives {@code use} the names {@code body} (a function's, or the module's top level, binding {@code locals} itself)
     * reaches tasks by, with the tasks made from them ({@link #madeTasks}), when it submits or maps anything: at once
     * when every name it submits, maps or gives options to is one the module knows itself, else once every file has
     * been seen ({@link #finish}), when the project's index tells which imported names are tasks. BHV001, BHV002,
     * BHV007 and BHV009 all read task runs so.
     */
    private void withTasks(PythonModule m, ModuleFacts facts, Node body, Supplier<Set<String>> bound,
            Consumer<Set<String>> use) {
        List<Node> calls = new ArrayList<>();
        boolean runs = false;
        for (Node n : TaskFutureUses.scope(body)) {
            if (n.kind() == NodeKind.CALL) {
                calls.add(n);
                runs |= TaskFutureUses.receiver(n, "submit", "map").isPresent();
            }
        }
        if (!runs) {
            return;
        }
        Set<String> locals = bound.get();
        // a task made from another (fast = load.with_options(...)) at the module's top, of a name an import may bring
        for (Node s : Statements.of(m.root())) {
            Statements.assignment(s).map(Statements.Assignment::value).filter(v -> v != null)
                    .map(Expressions::unwrap).filter(v -> v.kind() == NodeKind.CALL).ifPresent(calls::add);
        }
        boolean imported = false;
        for (Node call : calls) {
            Optional<String> receiver = TaskFutureUses.receiver(call, "submit", "map", "with_options");
            if (receiver.isPresent() && !facts.tasks().containsKey(receiver.get())
                    && TaskRefs.mayBeImported(receiver.get(), m.imports(), facts.ownNames(), locals)) {
                imported = true;
                break;
            }
        }
        if (!imported) {
            use.accept(madeTasks(m, body, TaskRefs.visible(facts.tasks(), locals).keySet()));
            return;
        }
        synchronized (this) {
            waiting.add(() -> use.accept(madeTasks(m, body, TaskRefs.visible(TaskRefs.of(facts.tasks(),
                    project.importedBy(m.file().path(), m.imports()), facts.ownNames()), locals).keySet())));
        }
    }

    @Override
    public synchronized void finish(InventorySink sink) {
        waiting.forEach(Runnable::run);
        waiting.clear();
    }

    /** Modules without Prefect that a re-export goes through are read when the index follows it, and only then. */
    @Override
    public void scanning(Path base) {
        project.readUnrecordedWith(new UnscannedModules(base));
    }

    @Override
    public void listed(String path) {
        if (path.endsWith(".py")) {
            project.listed(path);
        }
    }

    /**
     * BHV001 and BHV002 for the runs of {@code tasks} (names and dotted names the flow reaches tasks by, and the tasks
     * made from them: {@link #withTasks}); a {@code submit} or {@code map} of anything else (an executor, a
     * queue, a name nobody can trace to a task of the project) is no task run.
     */
    private static void taskRuns(PythonModule m, Definitions flow, Set<String> tasks, InventorySink sink) {
        Predicate<Node> taskSubmit = call -> TaskFutureUses.receiver(call, "submit", "map").filter(tasks::contains)
                .isPresent();
        for (Node n : TaskFutureUses.scope(flow.body())) {
            if (n.kind() == NodeKind.EXPR_STMT && n.nodes().size() == 1 && n.nodes().get(0).kind() == NodeKind.CALL
                    && taskSubmit.test(n.nodes().get(0))) {
                sink.finding(Findings.of("BHV001", "flow " + flow.name() + " submits "
                        + Expressions.dottedName(n.nodes().get(0).nodes().get(0)).orElse("a task")
                        + "() and never waits for the future; Prefect 3 does not wait for it", m.at(n), null));
            }
        }
        Predicate<Node> taskCall = call -> Expressions.dottedName(call.nodes().get(0)).filter(tasks::contains).isPresent();
        UnobservedTaskFailures.first(flow.body(), taskSubmit, taskCall).ifPresent(submit ->
                sink.finding(Findings.of("BHV002", "flow " + flow.name() + " submits tasks and returns nothing: on "
                        + "Prefect 3 it ends Completed even when those tasks fail; return their futures or call "
                        + ".result() on them (waiting alone does not fail the flow)", m.at(submit), null)));
    }

    /**
     * {@code tasks} and the names the body or its module bind to a task made from one: a task given options ({@code
     * load_fast = load.with_options(retries=0)}) or one made by calling task ({@code load = task(load_rows)}), in the
     * order they are bound.
     */
    private static Set<String> madeTasks(PythonModule m, Node body, Set<String> tasks) {
        return TaskRefs.withMadeTasks(m.root(), body, tasks, m::qualifiedName);
    }

    /** {@code Variable.get(...).value}, directly or through a variable: 3.x returns the value itself. */
    private static void variableValues(PythonModule m, InventorySink sink) {
        Set<String> holders = new HashSet<>();
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && a.get().targets().size() == 1 && isVariableGet(m, a.get().value())) {
                Expressions.dottedName(a.get().targets().get(0)).ifPresent(holders::add);
            }
        }
        for (Node n : m.nodes(NodeKind.ATTRIBUTE)) {
            if (!n.tokens().get(n.tokens().size() - 1).text().equals("value")) {
                continue;
            }
            Node object = Expressions.unwrap(n.nodes().get(0));
            if (isVariableGet(m, object) || Expressions.dottedName(object).filter(holders::contains).isPresent()) {
                sink.finding(Findings.of("BHV003", "'" + n.text().strip() + "' reads .value of a Variable; Prefect 3's "
                        + "Variable.get returns the value itself", m.at(n), null));
            }
        }
    }

    private static boolean isVariableGet(PythonModule m, Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.AWAIT && !e.nodes().isEmpty()) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        return e.kind() == NodeKind.CALL && m.nameOf(e).matches("prefect(\\.variables)?\\.Variable\\.get");
    }
}
