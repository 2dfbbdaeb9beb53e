package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 2 code that changes meaning or breaks on Prefect 3, file by file: imports of names that moved (PF215)
 * or vanished (PF216), decided by Prefect's own API data ({@link PrefectApi}), and of the infrastructure blocks
 * Prefect 2 integrations had ({@code prefect_aws.ecs.ECSTask}: PF205); task futures a flow never
 * resolves (BHV001); flows that submit tasks and return nothing, whose final state no longer follows failed
 * tasks (BHV002), for the tasks of the module and those it imports from the project's other modules ({@link
 * ProjectTaskIndex}); {@code Variable.get(...).value} (BHV003); {@code await} on task futures (BHV007); and a task
 * future's state read the 2.x way, {@code f.get_state()} or the value of {@code f.wait()} or of
 * {@code t.submit(x).wait()} (BHV009). Findings
 * here belong to no job. Values kept in the JSON and String blocks are PF219.
 */
public final class PrefectApiUsageDetector extends PythonDetector {
    /**
     * The blocks Prefect 3.5 removed whose values Variables hold now (PF219; the recipe that replaces them reads this
     * too). {@code DateTime} is not one: {@code Variable.get} would return its text, not a datetime.
     */
    public static final Set<String> VALUE_BLOCKS = Set.of("prefect.blocks.system.JSON", "prefect.blocks.system.String");

    /** The project's tasks, for the runs of BHV001 and BHV002 (as the rewrite knows them). */
    private final ProjectTaskIndex project = new ProjectTaskIndex();
    /** Flows that run tasks of names imported from the project, judged in {@link #finish} (guarded by this). */
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
            if (d.decorators().stream().map(m::nameOf).anyMatch(n -> n.equals("prefect.flow") || n.equals("prefect.flows.flow"))) {
                flowBody(m, facts, d, sink);
            }
        }
        if (m.imports().uses("prefect")) {
            for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
                futureStates(m, new Definitions(def), sink);
            }
            chainedWaits(m, sink);
        }
        variableValues(m, sink);
        systemBlockValues(m, sink);
    }

    /**
     * BHV009: on a name the function binds only to {@code t.submit(...)} (awaited or not), {@code f.get_state()},
     * which Prefect 3 futures lack (AttributeError: they have a {@code state} property), and any use of the value
     * of {@code f.wait(...)}, which Prefect 3 returns as None instead of the state.
     */
    private static void futureStates(PythonModule m, Definitions def, InventorySink sink) {
        Set<String> futures = new HashSet<>();
        Set<String> other = new HashSet<>();
        Set<Node> statements = new HashSet<>();
        List<Node> body = all(def.body());
        for (Node n : body) {
            if (n.kind() == NodeKind.EXPR_STMT && n.nodes().size() == 1) {
                statements.add(Expressions.unwrap(n.nodes().get(0)));
            }
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isEmpty()) {
                continue;
            }
            Node value = a.get().value() == null ? null : Expressions.unwrap(a.get().value());
            if (value != null && value.kind() == NodeKind.AWAIT && !value.nodes().isEmpty()) {
                value = Expressions.unwrap(value.nodes().get(0));
            }
            // t.submit(...) of a task named t, as the recipe reads it (not pool.executor.submit(...))
            boolean submit = value != null && value.kind() == NodeKind.CALL && a.get().targets().size() == 1
                    && Expressions.dottedParts(value.nodes().get(0)).filter(p -> p.size() == 2 && p.get(1).equals("submit"))
                            .isPresent();
            for (Node target : a.get().targets()) {
                if (target.kind() == NodeKind.NAME) {
                    (submit ? futures : other).add(Expressions.name(target));
                }
            }
        }
        futures.removeAll(other);
        if (futures.isEmpty()) {
            return;
        }
        for (Node n : body) {
            if (n.kind() != NodeKind.CALL || Expressions.unwrap(n.nodes().get(0)).kind() != NodeKind.ATTRIBUTE) {
                continue;
            }
            Node callee = Expressions.unwrap(n.nodes().get(0));
            Node receiver = Expressions.unwrap(callee.nodes().get(0));
            if (receiver.kind() != NodeKind.NAME || !futures.contains(Expressions.name(receiver))) {
                continue;
            }
            String f = Expressions.name(receiver);
            String method = lastName(callee);
            if (method.equals("get_state") && new CallView(n).arguments().isEmpty()) {
                sink.finding(Findings.of("BHV009", f + ".get_state() raises AttributeError in Prefect 3, whose task futures "
                        + "have a state property: read " + f + ".state", m.at(n), null));
            } else if (method.equals("wait") && !statements.contains(n)) {
                sink.finding(Findings.of("BHV009", "the value of " + n.text().strip() + " is None in Prefect 3, not the "
                        + "future's state: call " + f + ".wait(), then read " + f + ".state", m.at(n), null));
            }
        }
    }

    /**
     * BHV009 for the chained form: the value of {@code t.submit(x).wait()} used in place (assigned, returned, passed on,
     * {@code .is_failed()} read from it) is None in Prefect 3. Read as ReadFutureStateFromProperty reads it: the
     * receiver is {@code t.submit(...)} of a task named {@code t}, without {@code return_state=}; a statement of its
     * own discards the value and works the same on both versions.
     */
    private static void chainedWaits(PythonModule m, InventorySink sink) {
        Set<Node> statements = new HashSet<>();
        for (Node n : m.nodes(NodeKind.EXPR_STMT)) {
            if (n.nodes().size() == 1) {
                statements.add(Expressions.unwrap(n.nodes().get(0)));
            }
        }
        for (Node n : m.nodes(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(n.nodes().get(0));
            if (callee.kind() != NodeKind.ATTRIBUTE || !lastName(callee).equals("wait") || statements.contains(n)) {
                continue;
            }
            Node submit = Expressions.unwrap(callee.nodes().get(0));
            Optional<List<String>> parts = submit.kind() == NodeKind.CALL
                    ? Expressions.dottedParts(submit.nodes().get(0)).filter(p -> p.size() == 2 && p.get(1).equals("submit"))
                    : Optional.empty();
            if (parts.isEmpty() || new CallView(submit).keyword("return_state").isPresent()) {
                continue;
            }
            String submitted = String.join(".", parts.get());
            sink.finding(Findings.of("BHV009", "the value of " + n.text().strip() + " is None in Prefect 3, not the "
                    + "future's state: " + submitted + "(..., return_state=True) waits and returns the state", m.at(n), null));
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
            } else if (callee.kind() == NodeKind.ATTRIBUTE && lastName(callee).equals("save")) {
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
     * BHV007 for awaited futures; then BHV001 for futures dropped on the floor and BHV002 when the flow returns nothing
     * and a task run's failure never reaches it, once the flow's tasks are known: at once when every run it makes is of
     * a task the module knows itself, else once every file has been seen ({@link #finish}), when the project's index
     * tells which imported names are tasks.
     */
    private void flowBody(PythonModule m, ModuleFacts facts, Definitions flow, InventorySink sink) {
        for (Node n : all(flow.body())) {
            if (n.kind() == NodeKind.AWAIT) {
                awaitedFuture(m, flow, n, sink);
            }
        }
        Set<String> locals = PythonScopes.localNames(flow);
        // a run, or a task made from another (fast = load.with_options(...), in the flow or at the module's top), of a
        // name an import may bring from the project
        List<Node> calls = new ArrayList<>();
        for (Node s : Statements.of(m.root())) {
            Statements.assignment(s).map(Statements.Assignment::value).filter(v -> v != null)
                    .map(Expressions::unwrap).filter(v -> v.kind() == NodeKind.CALL).ifPresent(calls::add);
        }
        all(flow.body()).stream().filter(n -> n.kind() == NodeKind.CALL).forEach(calls::add);
        boolean imported = false;
        for (Node call : calls) {
            Optional<String> receiver = receiver(call, "submit", "map", "with_options");
            if (receiver.isPresent() && !facts.tasks().containsKey(receiver.get())
                    && TaskRefs.mayBeImported(receiver.get(), m.imports(), facts.ownNames(), locals)) {
                imported = true;
                break;
            }
        }
        if (!imported) {
            taskRuns(m, flow, TaskRefs.visible(facts.tasks(), locals).keySet(), sink);
            return;
        }
        synchronized (this) {
            waiting.add(() -> taskRuns(m, flow, TaskRefs.visible(TaskRefs.of(facts.tasks(),
                    project.importedBy(m.file().path(), m.imports()), facts.ownNames()), locals).keySet(), sink));
        }
    }

    @Override
    public synchronized void finish(InventorySink sink) {
        waiting.forEach(Runnable::run);
        waiting.clear();
    }

    @Override
    public void listed(String path) {
        if (path.endsWith(".py")) {
            project.listed(path);
        }
    }

    /**
     * BHV001 and BHV002 for the runs of {@code tasks} (names and dotted names the flow reaches tasks by) and of the
     * tasks made from them ({@link #madeTasks}); a {@code submit} or {@code map} of anything else (an executor, a
     * queue, a name nobody can trace to a task of the project) is no task run.
     */
    private static void taskRuns(PythonModule m, Definitions flow, Set<String> tasks, InventorySink sink) {
        Set<String> known = madeTasks(m, flow, tasks);
        java.util.function.Predicate<Node> taskSubmit = call -> receiver(call, "submit", "map").filter(known::contains)
                .isPresent();
        for (Node n : all(flow.body())) {
            if (n.kind() == NodeKind.EXPR_STMT && n.nodes().size() == 1 && n.nodes().get(0).kind() == NodeKind.CALL
                    && taskSubmit.test(n.nodes().get(0))) {
                sink.finding(Findings.of("BHV001", "flow " + flow.name() + " submits "
                        + Expressions.dottedName(n.nodes().get(0).nodes().get(0)).orElse("a task")
                        + "() and never waits for the future; Prefect 3 does not wait for it", m.at(n), null));
            }
        }
        UnobservedTaskFailures.first(flow.body(), taskSubmit).ifPresent(submit ->
                sink.finding(Findings.of("BHV002", "flow " + flow.name() + " submits tasks and returns nothing: on "
                        + "Prefect 3 it ends Completed even when those tasks fail; return their futures or call "
                        + ".result() on them (waiting alone does not fail the flow)", m.at(submit), null)));
    }

    /**
     * {@code tasks} and the names the flow or its module bind to a task made from one: a task given options ({@code
     * load_fast = load.with_options(retries=0)}) or one made by calling task ({@code load = task(load_rows)}), in the
     * order they are bound.
     */
    private static Set<String> madeTasks(PythonModule m, Definitions flow, Set<String> tasks) {
        Set<String> out = new HashSet<>(tasks);
        for (Node n : taskScope(m, flow)) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            Node value = Expressions.unwrap(a.get().value());
            if (value.kind() == NodeKind.CALL && (receiver(value, "with_options").filter(out::contains).isPresent()
                    || m.qualifiedName(value.nodes().get(0)).filter(q -> q.equals("prefect.task")).isPresent())) {
                out.add(Expressions.name(a.get().targets().get(0)));
            }
        }
        return out;
    }

    /** The module's top-level statements, then the flow's body: where the names a flow's runs are made of are bound. */
    private static List<Node> taskScope(PythonModule m, Definitions flow) {
        List<Node> scope = new ArrayList<>(Statements.of(m.root()));
        scope.addAll(all(flow.body()));
        return scope;
    }

    /**
     * What {@code call} calls one of {@code methods} on, as written ({@code load} of {@code load.submit(x)}, {@code
     * t.load} of {@code t.load.map(xs)}), or empty.
     */
    private static Optional<String> receiver(Node call, String... methods) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        if (callee.kind() != NodeKind.ATTRIBUTE || !List.of(methods).contains(lastName(callee))) {
            return Optional.empty();
        }
        return Expressions.dottedName(Expressions.unwrap(callee.nodes().get(0)));
    }

    /**
     * BHV007: {@code await t.submit(...)}, {@code await t.map(...)} and {@code await f.result()}, which Prefect 2 allowed
     * in async flows; Prefect 3 futures are synchronous. ({@code .result()} of other objects, such as a state's, is
     * left alone: only a name the flow bound to a submit counts, or a submit written in place.)
     */
    private static void awaitedFuture(PythonModule m, Definitions flow, Node await, InventorySink sink) {
        Node e = await.nodes().isEmpty() ? null : Expressions.unwrap(await.nodes().get(0));
        if (e == null || e.kind() != NodeKind.CALL) {
            return;
        }
        boolean awaited = isSubmit(e);
        Node callee = Expressions.unwrap(e.nodes().get(0));
        if (!awaited && callee.kind() == NodeKind.ATTRIBUTE && lastName(callee).equals("result")) {
            Node receiver = Expressions.unwrap(callee.nodes().get(0));
            if (receiver.kind() == NodeKind.AWAIT && !receiver.nodes().isEmpty()) {
                receiver = Expressions.unwrap(receiver.nodes().get(0)); // (await t.map(xs)).result()
            }
            awaited = receiver.kind() == NodeKind.CALL && isSubmit(receiver)
                    || Expressions.dottedName(receiver).filter(name -> boundToSubmit(flow, name)).isPresent();
        }
        if (awaited) {
            sink.finding(Findings.of("BHV007", "flow " + flow.name() + " awaits " + e.text().strip()
                    + "; Prefect 3 futures are synchronous and awaiting one raises TypeError", m.at(await), null));
        }
    }

    /** Whether the flow assigns {@code name} from a submit or map, awaited or not ({@code f = await t.submit(x)}). */
    private static boolean boundToSubmit(Definitions flow, String name) {
        for (Node n : all(flow.body())) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || !Expressions.dottedName(a.get().targets().get(0)).filter(name::equals).isPresent()) {
                continue;
            }
            Node value = Expressions.unwrap(a.get().value());
            if (value.kind() == NodeKind.AWAIT && !value.nodes().isEmpty()) {
                value = Expressions.unwrap(value.nodes().get(0));
            }
            if (value.kind() == NodeKind.CALL && isSubmit(value)) {
                return true;
            }
        }
        return false;
    }

    private static String lastName(Node attribute) {
        return attribute.tokens().get(attribute.tokens().size() - 1).text();
    }

    private static boolean isSubmit(Node call) {
        Node t = Expressions.unwrap(call.nodes().get(0));
        if (t.kind() != NodeKind.ATTRIBUTE) {
            return false;
        }
        String method = lastName(t);
        return method.equals("submit") || method.equals("map");
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

    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        for (Node c : n.nodes()) {
            if (c.kind() != NodeKind.FUNCTION_DEF && c.kind() != NodeKind.CLASS_DEF) {
                out.addAll(all(c));
            }
        }
        return out;
    }
}
