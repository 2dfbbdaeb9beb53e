package dev.migrate.recipes.prefect1;

import dev.migrate.analyzers.sources.python.Prefect1ImportedFlows;
import dev.migrate.analyzers.sources.python.Prefect1ModulesByName;
import dev.migrate.analyzers.sources.python.Prefect1Registrations;
import dev.migrate.analyzers.sources.python.Prefect1RunTimeModules;
import dev.migrate.analyzers.sources.python.Prefect1ScheduleAssignments;
import dev.migrate.analyzers.sources.python.Prefect1StartDate;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.prefect1.internal.BlockerText;
import dev.migrate.recipes.prefect1.internal.AddedPackages;
import dev.migrate.recipes.prefect1.internal.Deployment;
import dev.migrate.recipes.prefect1.internal.Executors;
import dev.migrate.recipes.prefect1.internal.FlowAnalysis;
import dev.migrate.recipes.prefect1.internal.FlowBodies;
import dev.migrate.recipes.prefect1.internal.FlowChains;
import dev.migrate.recipes.prefect1.internal.FlowParameter;
import dev.migrate.recipes.prefect1.internal.Imports1;
import dev.migrate.recipes.prefect1.internal.ModuleConstants;
import dev.migrate.recipes.prefect1.internal.NestedFlows;
import dev.migrate.recipes.prefect1.internal.OrderedEdges;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1Flow;
import dev.migrate.recipes.prefect1.internal.PyNames;
import dev.migrate.recipes.prefect1.internal.RunConfigs;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/** One file's run of {@link ConvertPrefect1Flows}: every flow of the module, edited in one tree. */
final class FlowConversion {
    private final PythonFile file;
    private final String mode;
    private final List<Deployment> deployments;
    private final Set<String> readElsewhere;
    private final Set<String> projectFlowClasses;
    private final Set<String> convertedElsewhere;
    private final Set<String> projectFlows;
    private final Notes log;
    private final ExecutionContext ctx;
    private final PythonStyle style;
    private final boolean prefect2;

    /**
     * @param projectFlowClasses see {@link FlowAnalysis#of(Node, Set)}
     * @param convertedElsewhere "module.variable" of the project's Prefect 1 flows that become functions
     * @param projectFlows       "module.variable" of all the project's module-level Prefect 1 flows, converted or not
     */
    FlowConversion(PythonFile file, String mode, boolean prefect2, List<Deployment> deployments,
                   Set<String> readElsewhere, Set<String> projectFlowClasses, Set<String> convertedElsewhere,
                   Set<String> projectFlows, Notes log, ExecutionContext ctx) {
        this.convertedElsewhere = convertedElsewhere;
        this.projectFlows = projectFlows;
        this.file = file;
        this.mode = mode;
        this.prefect2 = prefect2;
        this.deployments = deployments;
        this.readElsewhere = readElsewhere;
        this.projectFlowClasses = projectFlowClasses;
        this.log = log;
        this.ctx = ctx;
        this.style = file.style();
    }

    Node run() {
        Node before = file.module();
        List<Prefect1Flow> flows = FlowAnalysis.of(before, projectFlowClasses);
        Imports imports = Imports.of(before);
        List<Node> nested = NestedFlows.of(before, imports, flows);
        if (flows.isEmpty() && nested.isEmpty()) {
            Node out = registrationCalls(before, FixSafety.unsafeAllowed(ctx) ? importedFlowUses(before)
                    : importedRegistrations(before));
            return Imports1.finish(before, runTimeModules(before, out), style);
        }
        Node root = before;
        for (Node call : nested) {
            log.manual(ctx, file, call, ConvertPrefect1Flows.CODE, "flow `" + FlowBodies.firstLine(call)
                    + "` left as Prefect 1 code: it is built inside a function, class or if block, or never bound to a name");
            root = Todos.add(root, call, ConvertPrefect1Flows.CODE, NestedFlows.message(), style.newline());
        }
        boolean converted = false;
        for (int i = 0; i < flows.size(); i++) {
            // a conversion renames its Flow variable everywhere, also inside the flows still to convert
            // (child_flow.name in a parent flow), which rebuilds their nodes: work on their current version
            Prefect1Flow flow = converted ? current(root, flows.get(i)) : flows.get(i);
            if (!flow.convertible()) {
                // two graph calls, one reason; eight statements of one kind, one reason with a count
                List<String> blockers = BlockerText.collapsed(flow.blockers());
                for (String b : blockers) {
                    log.manual(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, (flow.name() != null
                            ? "flow '" + flow.name() + "'" : "flow `" + FlowBodies.firstLine(flow.flowCall().node()) + "`")
                            + " left as Prefect 1 code: " + b);
                }
                root = Todos.add(root, flow.statement(), ConvertPrefect1Flows.CODE, "convert this Prefect 1 flow by hand: "
                        + String.join("; ", blockers), style.newline());
                continue;
            }
            if (!FixSafety.unsafeAllowed(ctx)) {
                log.decision(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "flow '" + flow.name()
                        + "' would become @flow function " + flow.function() + "() with --unsafe-fixes");
                continue;
            }
            root = convert(root, flow, imports);
            converted = true;
        }
        if (converted) {
            root = addDecoratorImport(root, flows);
            // after every conversion: spacing the statement after a flow would replace a flow still to convert
            for (Prefect1Flow flow : flows) {
                Node def = flow.convertible() && FixSafety.unsafeAllowed(ctx) ? Definitions.function(root, flow.function()).orElse(null) : null;
                if (def != null) {
                    root = StatementEdits.blankLinesAround(root, def, 2, style);
                }
            }
            root = leftoverRegisters(root, flows);
            root = orphanedConstants(before, root, reportedNames(flows, imports));
            root = keepImportedNames(root, flows);
        }
        // a module with flows of its own may use another module's too (a project's main flows file registers them all)
        root = FixSafety.unsafeAllowed(ctx) ? importedFlowUses(root) : importedRegistrations(root);
        root = registrationCalls(before, root);
        return Imports1.finish(before, runTimeModules(before, root), style);
    }

    /**
     * The loads of a flow module (or of a flow from one) by a name the script gets when it runs, which the scan reports
     * as PF116 ({@link Prefect1RunTimeModules}, read on the module as it was): no reading tells which flows they are,
     * so nothing here marks their registrations; a TODO with the scan's words says so where each load is.
     */
    private Node runTimeModules(Node before, Node root) {
        if (Prefect1RunTimeModules.calls(before, Imports.of(before)).isEmpty()) {
            return root;
        }
        Node out = root;
        // the same loads in the tree as edited so far (an earlier step may have rebuilt their statements)
        for (Node call : Prefect1ModulesByName.chosenAtRunTime(root, Imports.of(root))) {
            if (Todos.has(out, call, Prefect1RunTimeModules.CODE)) {
                continue;
            }
            String message = Prefect1RunTimeModules.message(call);
            log.manual(ctx, file, call, Prefect1RunTimeModules.CODE, message);
            out = Todos.add(out, call, Prefect1RunTimeModules.CODE, message, style.newline());
        }
        return out;
    }

    /**
     * The registrations the scan reports as PF108 ({@link Prefect1Registrations}, read the same way: in a module that
     * imports a Prefect 1 name, as the module was before this run), of flows other than the module's own: a
     * registration script's {@code f.flow.register(project_name="p")}. Prefect 3 flows have no register(), so each gets
     * a TODO saying what replaces it; a call an earlier step of this conversion already explained is left alone, and
     * so are the module's own flows' registrations, which their conversion handles.
     */
    private Node registrationCalls(Node before, Node root) {
        Imports imports = Imports.of(before);
        if (!Prefect1Registrations.importsPrefect1(imports)) {
            return root;
        }
        Set<String> own = Prefect1Registrations.flowNames(before, imports);
        Node out = root;
        for (Node call : Prefect1Registrations.calls(Nodes.find(root, NodeKind.CALL), own)) {
            if (Todos.has(out, call, "PF108") || Todos.has(out, call, ConvertPrefect1Flows.CODE)) {
                continue;
            }
            String message = "`" + Prefect1Registrations.receiver(call) + ".register(...)` registers a Prefect 1 flow, and "
                    + "Prefect 3 flows have no register(): this line fails when it runs. Prefect 3 deploys a flow instead: "
                    + "`prefect deploy` with its entry in prefect.yaml, or the flow's `.deploy(...)` (to a work pool) or "
                    + "`.serve(...)` (a process that schedules and runs it); replace this registration with one of them";
            log.manual(ctx, file, call, "PF108", message);
            out = Todos.add(out, call, "PF108", message, style.newline());
        }
        return out;
    }

    /**
     * {@code flow} as it reads in {@code root}, an edit of the tree it was read from: the same flow (the same
     * variable and name) analysed again when its statement is no longer part of the tree.
     */
    private Prefect1Flow current(Node root, Prefect1Flow flow) {
        if (TreeEdits.path(root, flow.statement()) != null) {
            return flow;
        }
        for (Prefect1Flow again : FlowAnalysis.of(root, projectFlowClasses)) {
            if (Objects.equals(again.variable(), flow.variable()) && Objects.equals(again.name(), flow.name())) {
                return again;
            }
        }
        throw new IllegalStateException("flow '" + flow.name() + "' is no longer in the module after the conversions before it");
    }

    private Node convert(Node root, Prefect1Flow flow, Imports imports) {
        Node out = root;
        Optional<Deployment> deployment = deployments.stream().filter(d -> d.function().equals(flow.function())).findFirst();
        List<String> decorator = new ArrayList<>();
        decorator.add("name=" + PyValues.quoted(flow.name()));
        Node executor = flow.settings().get("executor");
        if (executor != null) {
            Executors ex = Executors.read(executor, imports);
            if (prefect2 && "prefect.task_runners".equals(ex.module())) {
                // Prefect 2 has no thread or process pool runners: its ConcurrentTaskRunner takes no worker limit
                ex = new Executors("ConcurrentTaskRunner()", "prefect.task_runners", "ConcurrentTaskRunner", null,
                        ex.problems());
                log.decision(ctx, file, flow.statement(), "PF109", "flow '" + flow.name() + "': Prefect 2's "
                        + "ConcurrentTaskRunner has no worker limit; the executor's num_workers is not kept");
            }
            if (ex.code() != null) {
                decorator.add("task_runner=" + ex.code());
                out = ImportEdits.addFromImport(out, ex.module(), ex.name(), style);
            }
            ex.problems().forEach(p -> log.manual(ctx, file, flow.statement(), "PF109", p));
            if (ex.requirement() != null) {
                // the requirements recipe of the same run adds it where the project pins Prefect 1: no step left
                Optional<String> added = AddedPackages.addedFor(ctx, file.getSourcePath().toString(), ex.requirement());
                if (added.isPresent()) {
                    log.decision(ctx, file, flow.statement(), "PF109", "flow '" + flow.name() + "': " + ex.name() + " needs " + ex.requirement()
                            + ", which this run adds to " + added.get());
                } else {
                    log.manual(ctx, file, flow.statement(), "PF109", "add " + ex.requirement()
                            + " to the project's requirements");
                }
            }
        }
        if (flow.params().stream().anyMatch(FlowParameter::dateTime) && PyNames.needsDatetimeImport(out)) {
            out = ImportEdits.addImport(out, "datetime", style);
        }
        String header = header(decorator, flow, out);
        // module-level names that only fed the Flow's settings (schedule = Schedule(...)) go with it
        // a setting assigned inside the block goes with the block's other Prefect 1 code, below
        List<Node> inBlock = flow.settingStatements().stream()
                .filter(s -> TreeEdits.path(flow.statement(), s) != null).toList();
        List<Node> removals = new ArrayList<>(flow.settingStatements());
        removals.removeAll(inBlock);
        // each read of its own value: a schedule given to Flow(...) and replaced by `flow.schedule = ...` later is not
        // the setting the flow ends with, and its constant goes as well when nothing else reads it
        for (String key : List.of("schedule", "run_config", "storage", "executor")) {
            Optional<Argument> arg = flow.flowCall().argument(key, FlowAnalysis.POSITIONS.indexOf(key));
            if (arg.isPresent()) {
                FlowAnalysisAccess.soleUse(root, arg.get().value(), FlowAnalysis.resolve(root, arg.get().value()))
                        .filter(r -> !removals.contains(r)).ifPresent(removals::add);
            }
        }
        // the same for `flow.schedule = schedule` set after the block
        for (Node s : flow.settingStatements()) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().value() != null) {
                FlowAnalysisAccess.soleUse(root, a.get().value(), FlowAnalysis.resolve(root, a.get().value()))
                        .filter(r -> !removals.contains(r)).ifPresent(removals::add);
            }
        }
        replacedSchedules(root, flow);
        Node function;
        if (flow.imperative()) {
            function = (Node) Snippets.statements(header + flow.graph().body(style.indent()), style, "").get(0);
            removals.addAll(flow.graph().statements());
            removals.addAll(flow.graph().inlinedStatements(root));
        } else {
            Node block = flow.statement().firstNode(NodeKind.SUITE);
            for (Node s : inBlock) {
                block = StatementEdits.remove(block, s, style);
            }
            block = OrderedEdges.drop(block, style);
            Node suite = FlowChains.convert(block, flow.variable(), style);
            Node body = FlowBodies.convert(suite, flow.params(), imports, style);
            List<Node> secrets = flow.movedIn().stream().filter(s -> flow.params().stream()
                    .noneMatch(p -> p.statement() == s)).toList();
            body = FlowBodies.moveIn(body, root, flow.movedIn(), secrets, style);
            removals.addAll(flow.movedIn());
            function = (Node) Snippets.statements(header + style.indent() + "pass\n", style, "").get(0);
            function = TreeEdits.replaceKeepingPrefix(function, function.firstNode(NodeKind.SUITE), body);
        }
        // comments inside the Flow(...) call (`"etl",  # the name`) stay, above the function
        List<String> headerComments = new ArrayList<>();
        for (PyElement part : flow.statement().children()) {
            if (part != flow.statement().firstNode(NodeKind.SUITE)) {
                headerComments.addAll(FlowBodies.comments(part));
            }
        }
        out = TreeEdits.replace(out, flow.statement(), function);
        for (String c : headerComments) {
            out = Todos.comment(out, findDef(out, flow.function()), c, style.newline());
        }
        for (Node r : removals) {
            out = StatementEdits.remove(out, r, style);
        }
        out = registrations(out, flow, deployment);
        out = runs(out, flow, deployment.isPresent());
        out = renameLeftovers(out, flow);
        if (!flow.dropped().isEmpty()) {
            Node def = findDef(out, flow.function());
            for (String d : flow.dropped()) {
                log.manual(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "flow '" + flow.name() + "': " + d);
            }
            out = Todos.add(out, def, ConvertPrefect1Flows.CODE, "Prefect 1 Flow arguments dropped: "
                    + String.join("; ", flow.dropped()), style.newline());
        }
        deployment.ifPresent(d -> {
            d.problems().forEach(p -> log.manual(ctx, file, flow.statement(),
                    p.startsWith("Prefect 3 schedules have no") ? "PF107" : p.contains(Prefect1StartDate.RAISES) ? "PF115"
                    : "PF108", "deployment '" + d.name() + "': " + p));
            d.decisions().forEach(p -> log.decision(ctx, file, flow.statement(), "PF108", "deployment '" + d.name() + "': " + p));
            if (!mode.equals("prefect.yaml") && d.source() != null && d.source().needsPrefectYaml()) {
                log.manual(ctx, file, flow.statement(), "PF108", "deployment '" + d.name() + "': its storage becomes "
                        + "prefect.yaml build/push/pull steps, which a ." + mode + "() call cannot hold; use the "
                        + "prefect.yaml form (the default) or pass the image/source to ." + mode + "() by hand");
            }
        });
        log.decision(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "flow '" + flow.name() + "' is now @flow "
                + flow.function() + "()" + (flow.variable().equals(flow.function()) || importedElsewhere(flow, out) ? ""
                : "; code that imported `" + flow.variable() + "` from this module must use `" + flow.function() + "`"));
        return out;
    }

    /**
     * A schedule given to {@code Flow(...)} (or set) and then replaced by a later {@code flow.schedule = ...}: Prefect 1
     * kept the last one set before registering, which is the one the deployment gets ({@link Prefect1ScheduleAssignments},
     * as the scan reads it); the ones it replaced are said, as they leave the code with the flow.
     */
    private void replacedSchedules(Node root, Prefect1Flow flow) {
        Node given = flow.flowCall().argument("schedule", FlowAnalysis.POSITIONS.indexOf("schedule"))
                .map(Argument::value).orElse(null);
        Prefect1ScheduleAssignments a = Prefect1ScheduleAssignments.of(root, flow.statement(), given, flow.variable());
        if (!a.overridden().isEmpty()) {
            log.decision(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "flow '" + flow.name() + "': "
                    + String.join(", ", a.overridden().stream().map(v -> "`" + v.print().strip() + "`").toList())
                    + " replaced by `" + FlowBodies.firstLine(a.assigned().get(a.assigned().size() - 1)) + "`, as Prefect 1 "
                    + "registered the schedule set last: the deployment gets that one only");
        }
    }

    private String header(List<String> decorator, Prefect1Flow flow, Node root) {
        List<String> params = new ArrayList<>();
        String hint = PyNames.datetimeClass(root);
        for (FlowParameter p : flow.params()) {
            if (p.required()) {
                params.add(p.signature(hint));
            }
        }
        for (FlowParameter p : flow.params()) {
            if (!p.required()) {
                params.add(p.signature(hint));
            }
        }
        return "@" + decoratorName(root) + "(" + String.join(", ", decorator) + ")\n"
                + "def " + flow.function() + "(" + String.join(", ", params) + "):\n";
    }

    /** {@code flow} when that name is free (or only held the Prefect 1 Flow object), else {@code prefect.flow}. */
    private String decoratorName(Node root) {
        Optional<dev.migrate.rewriters.python.query.ImportBinding> b = Imports.of(root).binding("flow");
        if (b.isPresent() && !b.get().qualifiedName().equals("prefect.flow")) {
            return "prefect.flow";
        }
        for (Node s : Statements.of(root)) {
            if ((s.kind() == NodeKind.FUNCTION_DEF || s.kind() == NodeKind.CLASS_DEF)
                    && new Definitions(s).name().equals("flow")) {
                return "prefect.flow";
            }
        }
        return "flow";
    }

    private Node addDecoratorImport(Node root, List<Prefect1Flow> flows) {
        boolean qualified = Nodes.find(root, NodeKind.DECORATOR).stream()
                .anyMatch(d -> d.print().strip().startsWith("@prefect.flow("));
        Node out = root;
        if (qualified) {
            out = ImportEdits.addImport(out, "prefect", style);
        }
        boolean plain = Nodes.find(out, NodeKind.DECORATOR).stream().anyMatch(d -> d.print().strip().startsWith("@flow("));
        if (plain) {
            out = ImportEdits.addFromImport(out, "prefect", "flow", style);
        }
        return out;
    }

    /** {@code flow.register(...)}: removed (prefect.yaml) or replaced by {@code .deploy()} / {@code .serve()}. */
    private Node registrations(Node root, Prefect1Flow flow, Optional<Deployment> deployment) {
        Node out = root;
        for (Node call : flow.registers()) {
            PyElement stmt = Todos.statementOf(out, call);
            Node statement = stmtNode(out, call);
            boolean resultUsed = !(statement.kind() == NodeKind.EXPR_STMT
                    && Expressions.unwrap(statement.nodes().get(0)) == call);
            if (resultUsed && (mode.equals("prefect.yaml") || deployment.isEmpty())) {
                // flow_id = flow.register(...): the name stays bound, and what read it needs a person
                String message = "flow.register(...) returned the Prefect 1 flow id; deployments now come from "
                        + "prefect.yaml (`prefect deploy --all`): look the deployment up by name where the id was used";
                log.manual(ctx, file, call, "PF108", message);
                out = Todos.add(out, call, "PF108", message, style.newline());
                out = TreeEdits.replace(out, call, Snippets.expression("None", style));
            } else if (mode.equals("prefect.yaml") || deployment.isEmpty()) {
                Node guard = enclosingMainGuard(out, statement);
                if (guard != null && Statements.of(guard.firstNode(NodeKind.SUITE)).size() == 1
                        && guard.nodes(NodeKind.ELSE_CLAUSE).isEmpty() && guard.nodes(NodeKind.ELIF_CLAUSE).isEmpty()) {
                    out = StatementEdits.remove(out, guard, style);
                } else {
                    out = StatementEdits.remove(out, statement, style);
                }
                log.decision(ctx, file, call, "PF108", "flow.register(...) removed: deploy with `prefect deploy --all` "
                        + "from the generated prefect.yaml");
            } else {
                Deployment d = deployment.get();
                out = StatementEdits.replace(out, statement, d.pythonCode(mode.equals("serve")), style);
                for (String[] imp : d.pythonImports()) {
                    out = ImportEdits.addFromImport(out, imp[0], imp[1], style);
                }
            }
            assert stmt != null;
        }
        return out;
    }

    /**
     * Register calls the conversion could not tie to its flow (a loop over the flows, a project_name= call on
     * another name): Prefect 3 flows have no register(), so the module would fail when it is imported.
     */
    private Node leftoverRegisters(Node root, List<Prefect1Flow> flows) {
        Set<String> flowNames = new HashSet<>();
        for (Prefect1Flow f : flows) {
            if (f.convertible()) {
                flowNames.add(f.function());
                flowNames.add(f.variable());
            }
        }
        Set<String> loopNames = new HashSet<>();
        for (Node loop : Nodes.find(root, NodeKind.FOR)) {
            Node target = loop.nodes().get(0);
            boolean overFlows = Nodes.find(loop.nodes().get(1), NodeKind.NAME).stream()
                    .anyMatch(n -> flowNames.contains(Expressions.name(n)));
            if (overFlows && target.kind() == NodeKind.NAME) {
                loopNames.add(Expressions.name(target));
            }
        }
        Node out = root;
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            Node callee = call.nodes().get(0);
            List<String> parts = Expressions.dottedParts(callee).orElse(List.of());
            if (parts.size() != 2 || !parts.get(1).equals("register")) {
                continue;
            }
            boolean prefect1 = flowNames.contains(parts.get(0)) || loopNames.contains(parts.get(0))
                    || new CallView(call).keyword("project_name").isPresent();
            if (prefect1) {
                String message = "`" + callee.print().strip() + "(...)` registers a Prefect 1 flow: Prefect 3 flows have "
                        + "no register() and this line fails when the module is imported; delete it and deploy with "
                        + "`prefect deploy --all` from prefect.yaml";
                log.manual(ctx, file, call, "PF108", message);
                out = Todos.add(out, call, "PF108", message, style.newline());
            }
        }
        return out;
    }

    private static Node stmtNode(Node root, Node inner) {
        List<Node> path = TreeEdits.path(root, inner);
        Node current = inner;
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == NodeKind.SIMPLE_LINE) {
                return current;
            }
            current = path.get(i);
        }
        return current;
    }

    private static Node enclosingMainGuard(Node root, Node stmt) {
        for (Node guard : Statements.mainGuards(root)) {
            if (Statements.of(guard.firstNode(NodeKind.SUITE)).contains(stmt)) {
                return guard;
            }
        }
        return null;
    }

    /**
     * {@code flow.run(parameters={...})} becomes {@code fn(k=v, ...)}; a used result asks for the final state. A
     * deployed flow's module is imported by every run of the deployment, so a call at module level outside a main
     * guard would start a second flow run each time: it gets a TODO.
     */
    private Node runs(Node root, Prefect1Flow flow, boolean deployed) {
        Node out = root;
        for (Node call : flow.runs()) {
            if (TreeEdits.path(out, call) == null) {
                continue; // removed with a register guard
            }
            List<String> args = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Argument a : new CallView(call).arguments()) {
                if ("parameters".equals(a.keyword()) || a.isPositional() && args.isEmpty()) {
                    Node v = Expressions.unwrap(a.value());
                    Optional<List<String>> kw = keywordArgs(v);
                    args.addAll(kw.orElse(List.of("**" + a.value().print().strip())));
                } else if (a.keyword() != null && flow.params().stream().anyMatch(p -> p.apiName().equals(a.keyword()))) {
                    // Prefect 1's run(**kwargs) took keywords named like a Parameter as that Parameter's value
                    args.add(a.keyword() + "=" + a.value().print().strip());
                } else if ("run_on_schedule".equals(a.keyword())) {
                    log.decision(ctx, file, call, ConvertPrefect1Flows.CODE, "run_on_schedule dropped: calling a "
                            + "Prefect 3 flow runs it once, now");
                } else {
                    problems.add(a.node().print().strip());
                }
            }
            if (!problems.isEmpty()) {
                log.manual(ctx, file, call, ConvertPrefect1Flows.CODE, "flow.run arguments without a Prefect 3 form: "
                        + problems);
                out = Todos.add(out, call, ConvertPrefect1Flows.CODE, "flow.run(" + String.join(", ", problems)
                        + ") has no Prefect 3 form; call " + flow.function() + "(...) instead", style.newline());
                continue;
            }
            PyElement stmt = Todos.statementOf(out, call);
            boolean resultUsed = !(stmt instanceof Node n && n.kind() == NodeKind.SIMPLE_LINE && n.nodes().size() == 1
                    && n.nodes().get(0).kind() == NodeKind.EXPR_STMT
                    && Expressions.unwrap(n.nodes().get(0).nodes().get(0)) == call);
            if (resultUsed) {
                args.add("return_state=True");
            }
            Optional<String> state = stmt instanceof Node n ? Statements.assignment(n.kind() == NodeKind.SIMPLE_LINE
                    ? n.nodes().get(0) : n).filter(a -> a.targets().size() == 1 && a.value() != null
                    && Expressions.unwrap(a.value()) == call && a.targets().get(0).kind() == NodeKind.NAME)
                    .map(a -> Expressions.name(a.targets().get(0))) : Optional.empty();
            if (deployed && TreeEdits.parentOf(out, stmt) == out) {
                String message = flow.function() + "(...) runs the flow whenever this module is imported, and every "
                        + "run of the deployment imports it (a second flow run each time): move the call under "
                        + "`if __name__ == \"__main__\":`";
                log.manual(ctx, file, call, ConvertPrefect1Flows.CODE, message);
                out = Todos.add(out, call, ConvertPrefect1Flows.CODE, message, style.newline());
            }
            out = TreeEdits.replace(out, call, Snippets.expression(flow.function() + "(" + String.join(", ", args) + ")",
                    style));
            if (state.isPresent()) {
                out = markTaskResultReads(out, state.get());
            }
        }
        return out;
    }

    /**
     * {@code state.result[task]} after {@code state = flow.run()}: Prefect 1 states held every task's result, a
     * Prefect 3 flow run's state holds the flow's return value ({@code state.result()}), so each read gets a TODO.
     */
    private Node markTaskResultReads(Node root, String state) {
        Node out = root;
        List<PyElement> statements = new ArrayList<>();
        for (Node sub : Nodes.find(root, NodeKind.SUBSCRIPT)) {
            Node value = sub.nodes().get(0);
            if (value.kind() == NodeKind.ATTRIBUTE && Expressions.dottedParts(value)
                    .filter(p -> p.equals(List.of(state, "result"))).isPresent()) {
                PyElement s = Todos.statementOf(root, sub);
                if (!statements.contains(s)) {
                    statements.add(s);
                }
            }
        }
        for (PyElement s : statements) {
            log.manual(ctx, file, s, ConvertPrefect1Flows.CODE, "`" + state + ".result[...]` reads a task's result from a "
                    + "Prefect 1 flow state");
            out = Todos.add(out, s, ConvertPrefect1Flows.CODE, state + ".result[task] is Prefect 1: a Prefect 3 state's "
                    + "result() is the flow's return value; return what you need from the flow function", style.newline());
        }
        return out;
    }

    private static Optional<List<String>> keywordArgs(Node dict) {
        if (dict.kind() != NodeKind.DICT) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Node entry : dict.nodes()) {
            Optional<String> key = entry.nodes().size() == 2 ? PyValues.string(entry.nodes().get(0)) : Optional.empty();
            if (key.isEmpty() || !key.get().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.empty();
            }
            out.add(key.get() + "=" + entry.nodes().get(1).print().strip());
        }
        return Optional.of(out);
    }

    /** Other module-level uses of the Flow variable now mean the flow function. */
    private Node renameLeftovers(Node root, Prefect1Flow flow) {
        Node out = root;
        for (Node s : Statements.of(root)) {
            if (s.kind() == NodeKind.FUNCTION_DEF || s.kind() == NodeKind.CLASS_DEF) {
                continue;
            }
            for (Node n : Nodes.find(s, NodeKind.NAME)) {
                if (Expressions.name(n).equals(flow.variable())) {
                    out = TreeEdits.replace(out, n, Snippets.expression(flow.function(), style));
                }
            }
        }
        return out;
    }

    /**
     * Whether other code reads the Flow's variable from this module: a module of the project imports it (or reads
     * it as an attribute of this module), or the module's {@code __all__} names it.
     */
    private boolean importedElsewhere(Prefect1Flow flow, Node root) {
        String module = ModuleConstants.moduleName(ConvertPrefect1Flows.path(file));
        if (readElsewhere.contains(module + "." + flow.variable()) || readElsewhere.contains(module + ".*")) {
            return true;
        }
        return ModuleConstants.assignment(root, "__all__").map(a -> Nodes.find(a, NodeKind.STRING).stream()
                .anyMatch(n -> PyValues.string(n).filter(flow.variable()::equals).isPresent())).orElse(false);
    }

    /**
     * Other modules import the Prefect 1 Flow object by its variable ({@code from etl.flows import flow}); the
     * conversion binds that name to nothing, so they would fail at import. The name stays bound, to the flow
     * function, at the end of the module (after every decorator, as the name may be the decorator {@code flow}
     * itself), rather than renaming the importers: that keeps every form of import working, also those the scan
     * cannot see (tests, notebooks, other repositories, entrypoints naming {@code module:flow}). When a function
     * of the module reads the name at run time (it would get the flow instead of what it meant), a person decides.
     */
    private Node keepImportedNames(Node root, List<Prefect1Flow> flows) {
        Node out = root;
        for (Prefect1Flow flow : flows) {
            if (!flow.convertible() || flow.variable() == null || flow.variable().equals(flow.function())
                    || Definitions.function(out, flow.function()).isEmpty() || !importedElsewhere(flow, out)) {
                continue;
            }
            String alias = flow.variable() + " = " + flow.function();
            if (readAtRunTime(out, flow.variable())) {
                log.manual(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "other modules import `"
                        + flow.variable() + "` (the Prefect 1 Flow) from this module, and its functions read that name "
                        + "too: make the importers use `" + flow.function() + "`, or add `" + alias + "` where nothing "
                        + "else needs the name");
                continue;
            }
            List<Node> statements = Statements.of(out);
            Node last = statements.get(statements.size() - 1);
            boolean guardLast = Statements.mainGuards(out).contains(last) && statements.size() > 1;
            int at = guardLast ? statements.size() - 1 : statements.size();
            out = guardLast ? StatementEdits.insertBefore(out, last, alias, style)
                    : StatementEdits.insertAfter(out, last, alias, style);
            // the comment right above it, two blank lines above that (after a function) and below it
            Node added = Statements.of(out).get(at);
            out = Todos.comment(out, added, "# the name other modules import this flow by (it held the Prefect 1 "
                    + "Flow object)", style.newline());
            out = StatementEdits.blankLinesAround(out, Statements.of(out).get(at), 2, style);
            log.decision(ctx, file, flow.statement(), ConvertPrefect1Flows.CODE, "other modules import `"
                    + flow.variable() + "` from this module (or read it from the module loaded by name, "
                    + "importlib.import_module): `" + alias + "` at its end keeps those imports working "
                    + "(they get the Prefect 3 flow: calling it runs the flow; Prefect 1's flow.run()/register() are "
                    + "gone)");
        }
        return out;
    }

    /**
     * Uses of another module's Prefect 1 flow ({@code basic_flow.run()} in a test, {@code flow.register(project_name=...)}
     * in a register script, also through {@code importlib.import_module("flows.etl")}): the import keeps working (see
     * {@link #keepImportedNames}), but the Prefect 1 method is gone, so each such call gets a TODO, read as the scan
     * reads them ({@link Prefect1ImportedFlows}). A registration is PF108, as the scan reports it and as a registration
     * script's is, for every module-level flow of the project, as the scan counts them: one this run converts, and one it
     * leaves as Prefect 1 code, which stops registering that way once it is converted by hand. The other methods are the
     * flow's conversion, PF102, on the flows converted here (on a flow left as it is they still work).
     */
    private Node importedFlowUses(Node root) {
        Node out = root;
        List<Node> converted = Prefect1ImportedFlows.methodCalls(root, convertedElsewhere, Prefect1ImportedFlows.FLOW_METHODS);
        List<Node> calls = new ArrayList<>(converted);
        Prefect1ImportedFlows.methodCalls(root, projectFlows, Set.of("register")).stream()
                .filter(c -> converted.stream().noneMatch(x -> x == c)).forEach(calls::add);
        for (Node call : calls) {
            if (Todos.has(out, call, "PF108")) {
                continue;
            }
            String method = Prefect1ImportedFlows.method(call);
            String receiver = Prefect1ImportedFlows.receiver(call);
            boolean leftAsIs = converted.stream().noneMatch(x -> x == call);
            String message = switch (method) {
                case "run" -> "`" + receiver + ".run(...)` runs a Prefect 1 flow; a Prefect 3 flow has no run(): call `"
                        + receiver + "(...)` with the parameters as keywords (return_state=True for the final state, whose "
                        + "result() is the flow's return value, not each task's)";
                case "register" -> leftAsIs
                        ? "`" + receiver + ".register(...)` registers a Prefect 1 flow that this migration leaves as Prefect 1 "
                        + "code (see the PF102 TODO at its Flow); once that flow is converted it has no register(): then "
                        + "delete this and deploy with `prefect deploy --all` from prefect.yaml"
                        : "`" + receiver + ".register(...)` registers a Prefect 1 flow; Prefect 3 flows have no "
                        + "register(): delete it and deploy with `prefect deploy --all` from prefect.yaml";
                default -> "`" + receiver + "." + method + "(...)` is a Prefect 1 Flow method a Prefect 3 flow does not have";
            };
            String code = method.equals("register") ? "PF108" : ConvertPrefect1Flows.CODE;
            log.manual(ctx, file, call, code, message);
            out = Todos.add(out, call, code, message, style.newline());
        }
        return out;
    }

    /**
     * Without {@code --unsafe-fixes}: the registrations of another module's Prefect 1 flow that the scan reports as
     * PF108 get a TODO too, worded as an unsafe run words it for a flow it leaves alone: no flow is converted here, so
     * the line keeps working until one is (by an unsafe run, which then keeps this TODO, or by hand). The other Flow
     * methods still exist on a flow left as Prefect 1 code, so they get nothing.
     */
    private Node importedRegistrations(Node root) {
        Node out = root;
        for (Node call : Prefect1ImportedFlows.methodCalls(root, projectFlows, Set.of("register"))) {
            if (Todos.has(out, call, "PF108")) {
                continue;
            }
            String message = "`" + Prefect1ImportedFlows.receiver(call) + ".register(...)` registers a Prefect 1 flow; "
                    + "once that flow is converted (`migrate rewrite --unsafe-fixes` converts it, or by hand) it has no "
                    + "register() and this line fails: then delete it and deploy with `prefect deploy --all` from prefect.yaml";
            log.manual(ctx, file, call, "PF108", message);
            out = Todos.add(out, call, "PF108", message, style.newline());
        }
        return out;
    }

    /** Whether the body of a function or class of the module reads {@code name} (a global it resolves at run time). */
    private static boolean readAtRunTime(Node root, String name) {
        for (Node s : Statements.of(root)) {
            if (s.kind() == NodeKind.FUNCTION_DEF || s.kind() == NodeKind.CLASS_DEF) {
                for (Node suite : Nodes.find(s, NodeKind.SUITE)) {
                    if (Nodes.find(suite, NodeKind.NAME).stream().anyMatch(n -> Expressions.name(n).equals(name))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Node findDef(Node root, String name) {
        return Definitions.function(root, name).orElseThrow(() -> new IllegalStateException("converted flow function " + name + " not found"));
    }

    /**
     * The names read by run config arguments the deployment does not carry ({@code KubernetesRun(job_template=
     * JOB_TEMPLATE)}): a note tells the user to move that value by hand, so the constant holding it stays.
     */
    private static Set<String> reportedNames(List<Prefect1Flow> flows, Imports imports) {
        Set<String> out = new HashSet<>();
        for (Prefect1Flow flow : flows) {
            Node runConfig = flow.settings().get("run_config");
            if (runConfig == null || Expressions.unwrap(runConfig).kind() != NodeKind.CALL) {
                continue;
            }
            String cls = imports.qualifiedName(Expressions.unwrap(runConfig)).orElse("");
            cls = cls.substring(cls.lastIndexOf('.') + 1);
            for (Argument a : new CallView(Expressions.unwrap(runConfig)).arguments()) {
                if (a.keyword() == null || !RunConfigs.carries(cls, a.keyword())) {
                    Nodes.find(a.value(), NodeKind.NAME).forEach(n -> out.add(Expressions.name(n)));
                }
            }
        }
        return out;
    }

    /** Module constants that only fed the Flow's settings, which now live in the deployment or the decorator. */
    private Node orphanedConstants(Node before, Node root, Set<String> reported) {
        Node out = root;
        for (Node s : ModuleConstants.orphaned(before, root, ModuleConstants.moduleName(ConvertPrefect1Flows.path(file)),
                readElsewhere)) {
            String name = ModuleConstants.name(s);
            if (reported.contains(name)) {
                continue;
            }
            // the note names the line the constant has in the file as it was
            log.decision(ctx, file, ModuleConstants.assignment(before, name).orElse(null), ConvertPrefect1Flows.CODE,
                    "module constant " + name + " removed: only the "
                    + "Prefect 1 flow's settings read it, and they now live in the deployment or the @flow decorator");
            out = StatementEdits.remove(out, s, style);
        }
        return out;
    }

    /** Access to the package-private helper of FlowAnalysis. */
    private static final class FlowAnalysisAccess {
        static Optional<Node> soleUse(Node module, Node value, Node resolved) {
            return dev.migrate.recipes.prefect1.internal.FlowSettings.soleUseAssignment(module, value, resolved);
        }
    }
}
