package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect deployments written in Python. Prefect 2: {@code Deployment.build_from_flow(...)} and
 * {@code Deployment(...)}, applied with {@code apply=True} or later through the variable holding them, with their
 * infrastructure and storage blocks (PF214, PF205, PF206). Prefect 3: {@code flow.serve}, {@code flow.deploy},
 * {@code flow.to_deployment} (PF290). Prefect 2.0 beta: {@code DeploymentSpec(...)}, which {@code prefect deployment create
 * FILE} applied (the import is PF216). {@code serve}/{@code deploy} also exist in late 2.x: they count as Prefect 2
 * when the same directory still imports names Prefect 3 no longer has. Deployment names are
 * {@code flow-name/deployment-name}, with the flow name read from the {@code @flow} definition, in whichever
 * scanned file it is, so jobs are emitted in {@link #finish}.
 */
public final class PrefectDeploymentDetector extends PythonDetector {
    /** @param entryFile the file {@code from_source(..., entrypoint="path.py:fn")} names, else null */
    /** A Deployment without work_pool_name: 2.x sent its runs to default-agent-pool (PF211). */
    private static final String NO_POOL = "finding.noPool";
    /** The queue given by an expression ({@code work_queue_name=env}), as written: no queue name the scan knows. */
    private static final String QUEUE_EXPRESSION = "finding.queueExpression";
    /**
     * The work pool type replacing the deployment's infrastructure block, when its class is known, built in the code or
     * loaded by name (PF205 names it): the rewrite moves such a deployment to a pool of that type, named after the
     * saved block where there is one, which {@code DeploymentPool} names the same way.
     */
    private static final String INFRASTRUCTURE_POOL = "infrastructurePoolType";
    /** A storage block passed as infrastructure=, which 2.x rejected: the deployment was never registered (PF205). */
    private static final String STORAGE_AS_INFRASTRUCTURE = "finding.storageAsInfrastructure";
    /** A storage block Prefect 3 still has ({@link PrefectBlockClasses#isKeptStorage}): its PF206 is manual. */
    private static final String KEPT_STORAGE = "finding.keptStorage";
    /** A Deployment passing parameters without stating enforce_parameter_schema (BHV004). */
    private static final String PARAMETERS_UNCHECKED = "finding.parametersUnchecked";
    /** parameters= values that pass nothing for Prefect 3's schema check to reject. */
    private static final java.util.Set<String> EMPTY_PARAMETERS = java.util.Set.of("{}", "dict()", "None");

    private record Pending(boolean deploymentClass, String path, String flowFunction, String flowName, String name,
                           SourceRef where, List<ScheduleSpec> schedules, Map<String, String> attrs,
                           PythonModule module, Node flowExpr, String entryFile) {
        Pending(boolean deploymentClass, String path, String flowFunction, String flowName, String name, SourceRef where,
                List<ScheduleSpec> schedules, Map<String, String> attrs, PythonModule module, Node flowExpr) {
            this(deploymentClass, path, flowFunction, flowName, name, where, schedules, attrs, module, flowExpr, null);
        }
    }

    private final FlowIndex flows = new FlowIndex();
    private final List<Pending> pending = new ArrayList<>();
    /** Directories holding Python files that import names Prefect 3 removed: their serve/deploy calls are 2.x. */
    private final Set<String> prefect2Dirs = new HashSet<>();

    public PrefectDeploymentDetector() {
        // a script serving a flow it imports from the project ({@code from flows.etl import etl; etl.serve(...)})
        // need not import prefect itself: such files are read too, and keep only calls on a flow the project defines
        super("prefect-deployments", null, "prefect", ".serve(", ".deploy(", ".to_deployment(");
    }

    /**
     * Whether a {@code Deployment.build_from_flow} call resolves, through the imports, to a class of another package
     * ({@code from deployments2 import Deployment}, a project's own deployment helper): not Prefect's, and the rewrite
     * leaves it alone too. An unresolved receiver (no import binds it) keeps counting as Prefect's.
     */
    private static boolean importedFromOutsidePrefect(PythonModule m, Node call) {
        return m.imports().qualifiedName(call).filter(q -> !q.startsWith("prefect.")).isPresent();
    }

    /** Marks a deployment of a module without prefect imports: kept only when its receiver is a flow of the project. */
    private static final String PROJECT_FLOW_ONLY = "finding.projectFlowOnly";

    @Override
    void detect(PythonModule m, InventorySink sink) {
        if (!m.imports().uses("prefect")) {
            detectProjectFlowCalls(m);
            return;
        }
        flows.addAll(m);
        List<Pending> found = new ArrayList<>();
        Set<String> applied = appliedVariables(m);
        for (Node call : m.nodes(NodeKind.CALL)) {
            String callee = m.nameOf(call);
            Node target = Expressions.unwrap(call.nodes().get(0));
            String method = target.kind() == NodeKind.ATTRIBUTE ? target.tokens().get(target.tokens().size() - 1).text() : "";
            if ((callee.endsWith("Deployment.build_from_flow") && !importedFromOutsidePrefect(m, call))
                    || callee.equals("prefect.deployments.Deployment")
                    || callee.equals("prefect.deployments.deployments.Deployment") || callee.equals("prefect.Deployment")) {
                // one deployment per item of a literal table the script loops over (a name that does not
                // change from item to item is one deployment, registered again)
                Set<String> names = new HashSet<>();
                for (PythonModule each : LiteralLoops.iterations(m, call)) {
                    Pending p = deploymentClass(each, call, callee.endsWith("build_from_flow"), applied);
                    if (names.add(p.name())) {
                        found.add(p);
                    }
                }
            } else if (callee.equals("prefect.deployments.DeploymentSpec")) {
                found.add(deploymentSpec(m, call));
            } else if ((method.equals("serve") || method.equals("deploy") || method.equals("to_deployment"))
                    && !callee.startsWith("prefect.serve") && !callee.startsWith("prefect.deploy")) {
                Set<String> names = new HashSet<>();
                for (PythonModule each : LiteralLoops.iterations(m, call)) {
                    Pending p = flowMethod(each, call, target.nodes().get(0), method);
                    if (names.add(p.name())) {
                        found.add(p);
                    }
                }
                PythonModule.arg(call, "is_schedule_active", -1).ifPresent(a -> sink.finding(Findings.of("PF220",
                        method + "(is_schedule_active=...) raises TypeError in Prefect 3, whose " + method
                                + " takes paused= (the inverse)", m.at(a), null)));
            }
        }
        helperSchedules(m, sink);
        boolean legacyImports = importsRemovedNames(m);
        synchronized (this) {
            pending.addAll(found);
            if (legacyImports) {
                prefect2Dirs.add(dir(m.file().path()));
            }
        }
    }

    /**
     * In a module that does not import prefect: {@code x.serve(...)}, {@code x.deploy(...)} and
     * {@code x.to_deployment(...)} on a name imported from another module, which {@link #finish} keeps when that name
     * is a flow of the scanned project (an {@code app.serve()} of a web framework is not).
     */
    private void detectProjectFlowCalls(PythonModule m) {
        List<Pending> found = new ArrayList<>();
        for (Node call : m.nodes(NodeKind.CALL)) {
            Node target = Expressions.unwrap(call.nodes().get(0));
            if (target.kind() != NodeKind.ATTRIBUTE || target.nodes().isEmpty()) {
                continue;
            }
            String method = target.tokens().get(target.tokens().size() - 1).text();
            Node receiver = Expressions.unwrap(target.nodes().get(0));
            Optional<String> dotted = Expressions.dottedName(receiver);
            boolean imported = dotted.flatMap(d -> m.imports().binding(d.contains(".") ? d.substring(0, d.indexOf('.')) : d))
                    .isPresent();
            if (!imported || !(method.equals("serve") || method.equals("deploy") || method.equals("to_deployment"))) {
                continue;
            }
            Set<String> names = new HashSet<>();
            for (PythonModule each : LiteralLoops.iterations(m, call)) {
                Pending p = flowMethod(each, call, receiver, method);
                p.attrs().put(PROJECT_FLOW_ONLY, "true");
                if (names.add(p.name())) {
                    found.add(p);
                }
            }
        }
        synchronized (this) {
            pending.addAll(found);
        }
    }

    /** A file's name without directories and extension: {@code flows/etl.py} is {@code etl}. */
    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private static String dir(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    /**
     * Whether the file imports a Prefect name that existed in 2.x and is gone in 3.x (data, not a list here), other
     * than as the fallback of a 3.x import.
     */
    static boolean importsRemovedNames(PythonModule m) {
        PrefectApi api = PrefectApi.get();
        ImportFallbacks fallbacks = new ImportFallbacks(m);
        for (ImportBinding b : m.imports().all()) {
            String q = ImportFallbacks.importedName(b);
            if (q.startsWith("prefect.") && !fallbacks.hasPrefect3Alternative(b) && (api.removedIn3(q) || api.existsIn2(q) && !api.existsIn3(q))) {
                return true;
            }
        }
        return false;
    }

    /** Schedules set with the 2.x client's {@code update_deployment(schedule=...)} from helper calls. */
    private static void helperSchedules(PythonModule m, InventorySink sink) {
        for (ScheduleHelpers.Scheduled s : ScheduleHelpers.find(m)) {
            String full = s.flowName() + "/" + s.deploymentName();
            JobBuilder job = new JobBuilder(m.file(), JobKind.PREFECT2_DEPLOYMENT, full, s.where(), full).overlap(Overlap.ALLOW)
                    .schedule(s.schedule()).attr("deployment.scheduledBy", m.file().path());
            sink.job(job.build());
            sink.finding(Findings.of("PF217", "the schedule of " + full + " is set with the Prefect 2 client's "
                    + "update_deployment(schedule=...), which Prefect 3 replaced by schedules=[...]", s.where(), job.id()));
        }
    }

    /** Names of variables on which {@code .apply()} is called somewhere in the module. */
    private static Set<String> appliedVariables(PythonModule m) {
        Set<String> out = new HashSet<>();
        for (Node call : m.nodes(NodeKind.CALL)) {
            Node t = Expressions.unwrap(call.nodes().get(0));
            if (t.kind() == NodeKind.ATTRIBUTE && t.tokens().get(t.tokens().size() - 1).text().equals("apply")) {
                Expressions.dottedName(t.nodes().get(0)).ifPresent(out::add);
            }
        }
        return out;
    }

    private Pending deploymentClass(PythonModule m, Node call, boolean built, Set<String> applied) {
        Map<String, String> attrs = new LinkedHashMap<>();
        List<ScheduleSpec> schedules = PrefectScheduleArgs.of(m, call, attrs);
        String name = nameOf(m, PythonModule.arg(call, "name", built ? 1 : -1), "default");
        Node flowExpr = PythonModule.arg(call, "flow", built ? 0 : -1).orElse(null);
        String flowName = PythonModule.arg(call, "flow_name", -1).flatMap(m::string).orElse(null);
        boolean isApplied = PythonModule.arg(call, "apply", -1).map(a -> a.text().strip().equals("True")).orElse(false)
                || assignedTo(m, call).filter(applied::contains).isPresent();
        attrs.put("deployment.applied", String.valueOf(isApplied));
        PythonModule.arg(call, "is_schedule_active", -1).filter(a -> a.text().strip().equals("False"))
                .ifPresent(a -> attrs.put("paused", "true"));
        PythonModule.arg(call, "paused", -1).filter(a -> a.text().strip().equals("True"))
                .ifPresent(a -> attrs.put("paused", "true"));
        for (String key : List.of("work_pool_name", "work_queue_name", "version")) {
            PythonModule.arg(call, key, -1).flatMap(m::string).ifPresent(v -> attrs.put(key, v));
        }
        if (!attrs.containsKey("work_queue_name")) {
            PythonModule.arg(call, "work_queue_name", -1).ifPresent(q -> attrs.put(QUEUE_EXPRESSION, q.text().strip()));
        }
        // what the findings need and the job does not carry (the "finding." keys stay off the job)
        boolean unpacked = call.text().contains("**");
        if (!unpacked && PythonModule.arg(call, "work_pool_name", -1).isEmpty()) {
            attrs.put(NO_POOL, "true");
        }
        if (!unpacked && PythonModule.arg(call, "enforce_parameter_schema", -1).isEmpty()
                && PythonModule.arg(call, "parameters", -1).filter(v -> !EMPTY_PARAMETERS.contains(v.text().strip())).isPresent()) {
            attrs.put(PARAMETERS_UNCHECKED, "true");
        }
        // a block built in the deploying function (def main(): local = Process(...)) is read as the rewrite reads it
        PythonModule.arg(call, "infrastructure", -1).map(a -> InfrastructureArgument.read(m, call, a)).ifPresent(infra -> {
            Node i = infra.block();
            attrs.put("infrastructure", blockName(m, i));
            infra.poolType(m).ifPresent(p -> attrs.put(INFRASTRUCTURE_POOL, p));
            infra.storageClass(m).ifPresent(c -> attrs.put(STORAGE_AS_INFRASTRUCTURE, c));
            infra.savedName().ifPresent(saved -> attrs.put("infrastructureBlock", saved));
            infra.loadedReference(m).ifPresent(r -> attrs.put(SavedBlockResolver.INFRASTRUCTURE_REFERENCE, r));
        });
        PythonModule.arg(call, "storage", -1).map(m::resolve).ifPresent(s -> {
            attrs.put("storage", blockName(m, s));
            if (PrefectBlockClasses.isKeptStorage(m.nameOf(s))) {
                attrs.put(KEPT_STORAGE, "true");
            }
        });
        // a storage block loaded by name, read as infrastructure= is (also through a name the function assigns)
        PythonModule.arg(call, "storage", -1).map(a -> InfrastructureArgument.read(m, call, a))
                .flatMap(st -> st.loadedReference(m)).ifPresent(r -> attrs.put(SavedBlockResolver.STORAGE_REFERENCE, r));
        return new Pending(true, m.file().path(), flowExpr == null ? null : Expressions.dottedName(flowExpr).orElse(null),
                flowName, name, m.at(call), schedules, attrs, m, flowExpr);
    }

    /**
     * A Prefect 2.0 beta {@code DeploymentSpec(flow=..., name=..., schedule=..., flow_runner=...)}, or with
     * {@code flow_location="path.py"} (and {@code flow_name=} when the file holds several flows) in place of the flow.
     */
    private Pending deploymentSpec(PythonModule m, Node call) {
        Map<String, String> attrs = new LinkedHashMap<>();
        List<ScheduleSpec> schedules = PrefectScheduleArgs.of(m, call, attrs);
        attrs.put(SPEC_CLASS, "DeploymentSpec");
        String name = PythonModule.arg(call, "name", -1).flatMap(m::string).orElse("default");
        Node flowExpr = PythonModule.arg(call, "flow", -1).orElse(null);
        String flowName = PythonModule.arg(call, "flow_name", -1).flatMap(m::string).orElse(null);
        String location = PythonModule.arg(call, "flow_location", -1).flatMap(m::string).orElse(null);
        PythonModule.arg(call, "flow_runner", -1).map(m::resolve).ifPresent(r -> attrs.put("flow_runner", blockName(m, r)));
        PythonModule.arg(call, "tags", -1).ifPresent(t -> attrs.put("tags", t.text().strip()));
        String function = flowExpr == null ? null : Expressions.dottedName(flowExpr).orElse(null);
        return new Pending(true, m.file().path(), function, flowName, name, m.at(call), schedules, attrs, m, flowExpr,
                flowExpr == null ? location : null);
    }

    /** The attribute naming a Prefect 2.0 beta deployment class: no PF214 (its import is PF216 already). */
    private static final String SPEC_CLASS = "deployment.class";

    /** How a finding names a block: its class, and the saved block's name when it is loaded ({@code GitHub 'repo'}). */
    private static String blockName(PythonModule m, Node block) {
        String n = m.nameOf(block);
        if (n.isEmpty()) {
            return block.text().strip();
        }
        String[] parts = n.split("\\.");
        if (parts.length < 2 || !parts[parts.length - 1].equals("load") || block.kind() != NodeKind.CALL) {
            return parts[parts.length - 1];
        }
        String saved = PythonModule.arg(block, "name", 0).map(a -> m.string(a).map(v -> "'" + v + "'")
                .orElse(a.text().strip())).orElse("");
        return (parts[parts.length - 2] + " " + saved).strip();
    }

    /** The variable a call's value is assigned to ({@code d = Deployment.build_from_flow(...)}), if any. */
    private static Optional<String> assignedTo(PythonModule m, Node call) {
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && Expressions.unwrap(a.get().value()) == call
                    && a.get().targets().size() == 1) {
                return Expressions.dottedName(a.get().targets().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * A deployment's name: the literal (or a constant's, or an f-string's whose fields are known); a name computed at
     * run time is shown as written, its unknown parts in braces ({@code etl-{region}}), not as {@code fallback}, which
     * is what Prefect names a deployment given no name.
     */
    private static String nameOf(PythonModule m, Optional<Node> arg, String fallback) {
        if (arg.isEmpty()) {
            return fallback;
        }
        Optional<String> literal = m.string(arg.get());
        if (literal.isPresent()) {
            return literal.get();
        }
        Node e = Expressions.unwrap(arg.get());
        if (e.kind() == NodeKind.STRING && e.childCount() == 1 && e.child(0) instanceof Node f && f.kind() == NodeKind.FSTRING) {
            // f"etl-{region}": its text between the quotes, fields as written
            StringBuilder shown = new StringBuilder();
            for (PyElement p : f.children()) {
                if (p instanceof Token t && t.kind() == TokenKind.FSTRING_MIDDLE) {
                    shown.append(t.text());
                } else if (p instanceof Node field) {
                    shown.append(field.text().strip());
                }
            }
            return shown.toString();
        }
        return "{" + e.text().strip() + "}";
    }

    private Pending flowMethod(PythonModule m, Node call, Node flowExpr, String method) {
        Map<String, String> attrs = new LinkedHashMap<>();
        List<ScheduleSpec> schedules = PrefectScheduleArgs.of(m, call, attrs);
        String name = nameOf(m, PythonModule.arg(call, "name", 0), method);
        attrs.put("deployment.method", method);
        PythonModule.arg(call, "paused", -1).filter(a -> a.text().strip().equals("True"))
                .ifPresent(a -> attrs.put("paused", "true"));
        PythonModule.arg(call, "work_pool_name", -1).flatMap(m::string).ifPresent(v -> attrs.put("work_pool_name", v));
        Node flow = Expressions.unwrap(flowExpr);
        // flow.from_source(...).deploy(...): the flow is named by the entrypoint ("path.py:function").
        if (flow.kind() == NodeKind.CALL) {
            Optional<String> entry = PythonModule.arg(flow, "entrypoint", 1).flatMap(m::string).filter(e -> e.contains(":"));
            String function = entry.map(e -> e.substring(e.lastIndexOf(':') + 1)).orElse(null);
            // the flow's own @flow(name=...) when the entrypoint's file was scanned too (finish looks it up)
            return new Pending(false, m.file().path(), function, null, name, m.at(call), schedules, attrs, m, null,
                    entry.map(e -> e.substring(0, e.lastIndexOf(':'))).orElse(null));
        }
        return new Pending(false, m.file().path(), Expressions.dottedName(flow).orElse(null), null, name, m.at(call),
                schedules, attrs, m, flow);
    }

    @Override
    public synchronized void finish(InventorySink sink) {
        pending.sort(Comparator.comparing(Pending::where));
        for (Pending p : pending) {
            if (p.attrs().containsKey(PROJECT_FLOW_ONLY)
                    && (p.flowExpr() == null || flows.nameOf(p.module(), p.path(), p.flowExpr()).isEmpty())) {
                continue; // not a flow this scan found
            }
            String flowName = p.flowName() != null ? p.flowName()
                    : p.flowExpr() != null ? flows.nameOf(p.module(), p.path(), p.flowExpr())
                    .orElse(FlowIndex.defaultName(p.flowFunction() == null ? "flow" : p.flowFunction()))
                    : p.entryFile() != null && p.flowFunction() != null
                    ? flows.nameAt(p.entryFile(), p.flowFunction(), dir(p.path())).orElse(FlowIndex.defaultName(p.flowFunction()))
                    : p.entryFile() != null
                    ? flows.onlyFlowAt(p.entryFile(), dir(p.path())).orElse(FlowIndex.defaultName(stem(p.entryFile())))
                    : FlowIndex.defaultName(p.flowFunction() == null ? "flow" : p.flowFunction());
            boolean prefect2 = p.deploymentClass() || prefect2Dirs.contains(dir(p.path()));
            JobKind kind = prefect2 ? JobKind.PREFECT2_DEPLOYMENT : JobKind.PREFECT3_DEPLOYMENT;
            String full = flowName + "/" + p.name();
            JobBuilder job = new JobBuilder(p.module().file(), kind, full, p.where(), full).overlap(Overlap.ALLOW)
                    .command(p.path() + (p.flowFunction() == null ? "" : ":" + p.flowFunction()));
            p.schedules().forEach(job::schedule);
            p.attrs().forEach((k, v) -> job.attr(k, k.startsWith("finding.") ? null : v));
            sink.job(job.build());
            for (Finding f : findings(p, full, prefect2, job.id())) {
                sink.finding(f);
            }
        }
        pending.clear();
    }

    private static List<Finding> findings(Pending p, String full, boolean prefect2, String jobId) {
        List<Finding> out = new ArrayList<>();
        if (p.deploymentClass() && p.attrs().containsKey(SPEC_CLASS)) {
            return out; // the 2.0 beta class: its import is PF216, and it had no infrastructure or storage blocks
        }
        if (p.deploymentClass()) {
            // from a storage block Prefect 3 still has, the rewrite leaves the whole call to a person (a TODO)
            String removed = "deployment " + full + " is built with the Deployment class, which Prefect 3 removed";
            out.add(p.attrs().containsKey(KEPT_STORAGE) ? Findings.manual("PF214", removed, p.where(), jobId)
                    : Findings.of("PF214", removed, p.where(), jobId));
            if (p.attrs().containsKey(STORAGE_AS_INFRASTRUCTURE)) {
                out.add(Findings.of("PF205", "deployment " + full + " passes storage block " + p.attrs().get("infrastructure")
                        + " as its infrastructure, which Prefect 2 already rejected (an infrastructure block must have "
                        + "'run-infrastructure' capabilities), so this script never registered it; in Prefect 3 the "
                        + "block is from_source's source and the runs need a work pool", p.where(), jobId));
            } else if (p.attrs().containsKey("infrastructure")) {
                String pool = p.attrs().get(INFRASTRUCTURE_POOL);
                out.add(Findings.of("PF205", "deployment " + full + " runs on infrastructure block "
                        + p.attrs().get("infrastructure") + "; Prefect 3 uses " + (pool == null ? "a work pool's job variables"
                        : "a work pool of type " + pool + " and its job variables"), p.where(), jobId));
            }
            if (p.attrs().containsKey(KEPT_STORAGE)) {
                // the rewrite leaves a TODO: the block is still a source, but nothing uploads the code into it now
                out.add(Findings.manual("PF206", "deployment " + full + " loads its code from storage block "
                        + p.attrs().get("storage") + ", which Prefect 3 still takes as from_source's source but no longer "
                        + "uploads the code into: put the code there (or deploy from git) by hand", p.where(), jobId));
            } else if (p.attrs().containsKey("storage")) {
                out.add(Findings.of("PF206", "deployment " + full + " loads its code from storage block "
                        + p.attrs().get("storage") + "; Prefect 3 uses from_source or pull steps", p.where(), jobId));
            }
            // as in deployment.yaml and `deployment build -q`: runs went to a queue of 2.x's prefect-agent pool
            if (p.attrs().containsKey(NO_POOL)) {
                // a queue given by an expression (work_queue_name=env in a loop over environments) is not 'default'
                String queue = p.attrs().containsKey(QUEUE_EXPRESSION)
                        ? "the work queue " + p.attrs().get(QUEUE_EXPRESSION) + " names"
                        : "work queue '" + p.attrs().getOrDefault("work_queue_name", "default") + "'";
                out.add(Findings.of("PF211", "deployment " + full + " uses " + queue + " without a work pool (agent model)",
                        p.where(), jobId));
            }
            if (p.attrs().containsKey(PARAMETERS_UNCHECKED)) {
                out.add(Findings.of("BHV004", "deployment " + full + " has parameters but no enforce_parameter_schema; "
                        + "Prefect 3 enforces the schema by default", p.where(), jobId));
            }
        } else if (!prefect2) {
            out.add(Findings.of("PF290", "deployment " + full + " already uses the Prefect 3 API ("
                    + p.attrs().get("deployment.method") + ")", p.where(), jobId));
        }
        // Prefect 2's default pool is of type prefect-agent, which no Prefect 3 worker polls (as in prefect.yaml)
        if ("default-agent-pool".equals(p.attrs().get("work_pool_name"))) {
            out.add(Findings.of("BHV005", "deployment " + full + " targets default-agent-pool, a prefect-agent pool that "
                    + "Prefect 3 workers refuse", p.where(), jobId));
        }
        return out;
    }
}
