package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.sources.python.Prefect1FlowClasses;
import dev.migrate.analyzers.sources.python.Prefect1ScheduleAssignments;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the Prefect 1 flows of a module and decides whether each can be converted. */
public final class FlowAnalysis {
    /** Flow arguments whose value moves to the deployment or the decorator. */
    static final Set<String> DEPLOYMENT_SETTINGS = Set.of("schedule", "run_config", "storage");
    private static final Map<String, String> DROPPED = Map.of(
            "result", "set result_storage= on @flow with a Prefect 3 filesystem block",
            "state_handlers", "use flow hooks on_failure=[fn(flow, flow_run, state)] / on_completion=[...] or an automation",
            "on_failure", "use on_failure=[fn(flow, flow_run, state)] on @flow",
            "reference_tasks", "the flow's final state now comes from its return value or exception",
            "terminal_state_handler", "the flow's final state now comes from its return value or exception",
            "validate", "no equivalent",
            "tasks", "call the tasks in the flow body");
    /**
     * Prefect 1's {@code Flow(...)} parameters in order, for arguments passed by position: 1.4.1's
     * {@code Flow.__init__} (Prefect 1 API reference, prefect.core.flow.Flow). Prefect 1.0 removed {@code environment},
     * which 0.x took between {@code executor} and {@code run_config}, and {@code on_failure} comes before
     * {@code validate}.
     */
    public static final List<String> POSITIONS = List.of("name", "schedule", "executor", "run_config", "storage",
            "tasks", "edges", "reference_tasks", "state_handlers", "on_failure", "validate", "result",
            "terminal_state_handler");
    private static final Set<String> GRAPH_METHODS = Set.of("set_upstream", "set_downstream", "set_dependencies",
            "add_edge", "add_task", "chain", "bind");

    private FlowAnalysis() {
    }

    public static List<Prefect1Flow> of(Node module) {
        return of(module, Set.of());
    }

    /**
     * @param projectFlowClasses qualified names, as this module's imports read them, of the project's subclasses of
     *                           Prefect 1's Flow defined in other modules
     */
    public static List<Prefect1Flow> of(Node module, Set<String> projectFlowClasses) {
        Imports imports = Imports.of(module);
        Set<String> subclasses = Prefect1FlowClasses.subclasses(module, imports, projectFlowClasses);
        List<Prefect1Flow> out = new ArrayList<>();
        Set<String> taken = moduleNames(module);
        for (Node stmt : Statements.of(module)) {
            Node call = null;
            Node target = null;
            boolean imperative = false;
            if (stmt.kind() == NodeKind.WITH) {
                List<Statements.WithItem> items = Statements.withItems(stmt);
                if (items.size() == 1) {
                    call = items.get(0).context();
                    target = items.get(0).target();
                }
            } else {
                Optional<Statements.Assignment> a = Statements.assignment(stmt);
                if (a.isPresent() && a.get().value() != null) {
                    call = a.get().value();
                    target = a.get().targets().size() == 1 ? a.get().targets().get(0) : null;
                    imperative = true;
                }
            }
            if (call == null) {
                continue;
            }
            String subclass = subclassCalled(call, imports, subclasses, projectFlowClasses);
            if (isFlowCall(call, imports) || subclass != null) {
                Prefect1Flow flow = analyse(module, imports, stmt, call, target, imperative, taken);
                if (subclass != null) {
                    flow.blockers().add("it is made with `" + subclass + "`, the project's subclass of Prefect 1's Flow "
                            + "(in Prefect 3 `Flow` is the class behind @flow functions, so the subclass breaks when it "
                            + "runs): move what it adds into the flow's code or hooks and use Flow, then convert");
                }
                out.add(flow);
            }
        }
        // `with Flow("a") as flow: ...` then `with Flow("b") as flow: ...`: flow.register/run/storage calls
        // cannot be told apart by name, so neither flow is converted
        Map<String, Long> bound = new LinkedHashMap<>();
        out.stream().filter(f -> f.variable() != null).forEach(f -> bound.merge(f.variable(), 1L, Long::sum));
        for (Prefect1Flow f : out) {
            if (f.variable() != null && bound.get(f.variable()) > 1) {
                f.blockers().add("the name `" + f.variable() + "` is bound to " + bound.get(f.variable())
                        + " Flows in this module; give each Flow its own name first");
            }
        }
        return out;
    }

    public static boolean isFlowCall(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        return e.kind() == NodeKind.CALL && imports.qualifiedName(e).filter(Prefect1FlowClasses.FLOW::contains).isPresent();
    }

    /**
     * Whether {@code expr} makes a Prefect 1 flow: a call of Prefect's Flow, of a Flow subclass the module defines
     * ({@code local}, {@link Prefect1FlowClasses#subclasses}), or of one another module of the project defines
     * ({@code projectFlowClasses}, qualified names as this module imports them).
     */
    public static boolean makesFlow(Node expr, Imports imports, Set<String> local, Set<String> projectFlowClasses) {
        return isFlowCall(expr, imports) || subclassCalled(expr, imports, local, projectFlowClasses) != null;
    }

    /** The name of the project's Flow subclass {@code expr} calls, or null. */
    private static String subclassCalled(Node expr, Imports imports, Set<String> local, Set<String> elsewhere) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() != NodeKind.CALL) {
            return null;
        }
        Optional<String> q = imports.qualifiedName(e);
        if (q.isPresent()) {
            return elsewhere.contains(q.get()) ? q.get().substring(q.get().lastIndexOf('.') + 1) : null;
        }
        Node callee = Expressions.unwrap(e.nodes().get(0));
        return callee.kind() == NodeKind.NAME && local.contains(Expressions.name(callee)) ? Expressions.name(callee) : null;
    }

    /** Names bound at module level (definitions, imports, assignments). */
    static Set<String> moduleNames(Node module) {
        Set<String> out = new HashSet<>();
        for (Node stmt : Statements.of(module)) {
            if (stmt.kind() == NodeKind.FUNCTION_DEF || stmt.kind() == NodeKind.CLASS_DEF) {
                out.add(new Definitions(stmt).name());
            }
            Statements.assignment(stmt).ifPresent(a -> a.targets().stream().filter(t -> t.kind() == NodeKind.NAME)
                    .forEach(t -> out.add(Expressions.name(t))));
        }
        for (ImportBinding b : Imports.of(module).all()) {
            out.add(b.localName());
        }
        return out;
    }

    private static Prefect1Flow analyse(Node module, Imports imports, Node stmt, Node flowExpr, Node target,
                                        boolean imperative, Set<String> taken) {
        CallView call = new CallView(Expressions.unwrap(flowExpr));
        List<String> blockers = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Map<String, Node> settings = new LinkedHashMap<>();
        // a module constant (FLOW_NAME = "etl") names the flow as well as the literal does
        String name = call.argument("name", 0).flatMap(a -> PyValues.string(resolve(module, a.value()))).orElse(null);
        if (name == null) {
            blockers.add("the flow name is not a string literal");
        }
        String variable = target != null && target.kind() == NodeKind.NAME ? Expressions.name(target) : null;
        if (variable == null) {
            blockers.add("the Flow is not bound to a plain name");
        }
        List<Argument> arguments = call.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
            // Flow("etl", schedule) passes the schedule by position, as Prefect 1's signature allowed
            String k = a.keyword() != null ? a.keyword() : a.isPositional() && i < POSITIONS.size() ? POSITIONS.get(i) : null;
            if (k == null && a.isPositional()) {
                blockers.add("`Flow(...)` has more positional arguments than Prefect 1's Flow takes");
                continue;
            }
            if (a.unpacking() != null) {
                blockers.add("`" + a.node().print().strip() + "` passes Flow arguments that cannot be read here");
                continue;
            }
            if (k == null || k.equals("name") || (imperative && k.equals("tasks"))) {
                // an imperative flow's tasks= list is part of its graph (ImperativeGraph reads it)
                continue;
            }
            if (k.equals("edges")) {
                blockers.add("`edges=` declares the graph with Edge objects");
            } else if (DEPLOYMENT_SETTINGS.contains(k) || k.equals("executor")) {
                settings.put(k, resolve(module, a.value()));
            } else {
                dropped.add(k + "=" + a.value().print().strip() + ": " + DROPPED.getOrDefault(k, "no Prefect 3 equivalent"));
            }
        }
        String function = name == null ? null : functionName(name, variable, taken);
        List<Node> settingStatements = new ArrayList<>();
        List<Node> registers = new ArrayList<>();
        List<Node> runs = new ArrayList<>();
        List<FlowParameter> params = new ArrayList<>();
        ImperativeGraph graph = null;
        List<Node> movedIn = new ArrayList<>();
        if (variable != null) {
            for (Node s : moduleAndMainGuardStatements(module)) {
                if (s == stmt && !imperative) {
                    // `flow.storage = Docker()` inside the block sets it as one written after the block does
                    for (Node inner : Statements.of(stmt.firstNode(NodeKind.SUITE))) {
                        settingAttribute(inner, variable).ifPresent(attr -> {
                            settings.put(attr, resolve(module, Statements.assignment(inner).get().value()));
                            settingStatements.add(inner);
                        });
                    }
                    continue;
                }
                if (isStorageCall(s, variable)) {
                    // flow.storage.add_flow(flow) / .build(): Prefect 1 registration steps, gone with register
                    settingStatements.add(s);
                    continue;
                }
                Optional<Statements.Assignment> a = Statements.assignment(s);
                if (a.isPresent() && a.get().targets().size() == 1 && a.get().targets().get(0).kind() == NodeKind.ATTRIBUTE
                        && Expressions.dottedParts(a.get().targets().get(0)).filter(p -> p.size() == 2
                        && p.get(0).equals(variable)).isPresent()) {
                    String attr = Expressions.dottedParts(a.get().targets().get(0)).get().get(1);
                    if (DEPLOYMENT_SETTINGS.contains(attr) || attr.equals("executor")) {
                        settings.put(attr, resolve(module, a.get().value()));
                        settingStatements.add(s);
                    } else {
                        blockers.add("`" + s.print().strip() + "` sets a Flow attribute with no Prefect 3 place");
                    }
                }
            }
            // a setting assigned under another condition or in a function decides the deployment at run time:
            // which one to write is the user's choice (the statement is left, its import fails in Prefect 3)
            List<String> chosenAtRunTime = new ArrayList<>();
            for (Node n : Nodes.find(module, NodeKind.ASSIGN)) {
                if (settingAttribute(n, variable).isPresent() && !settingStatements.contains(n)) {
                    chosenAtRunTime.add("`" + FlowBodies.firstLine(n) + "`");
                }
            }
            if (!chosenAtRunTime.isEmpty()) {
                blockers.add(String.join(", ", chosenAtRunTime) + (chosenAtRunTime.size() == 1 ? " sets" : " set")
                        + " the flow's settings under a condition or inside a function: decide which settings the "
                        + "deployment gets, assign them once at module level (or in the `if __name__ == \"__main__\":` "
                        + "block), then run the recipe again");
            }
            // Prefect 1 registered the schedule set last before flow.register(): one set after it never reached the
            // server, and which of the two the deployment should have is the user's choice (the scan notes it too)
            Node given = call.argument("schedule", POSITIONS.indexOf("schedule")).map(Argument::value).orElse(null);
            for (Node late : Prefect1ScheduleAssignments.of(module, stmt, given, variable).afterRegistration()) {
                blockers.add("`" + FlowBodies.firstLine(late) + "` comes after `" + variable + ".register(...)`: the "
                        + "registered flow kept the schedule set before it, and only a later `" + variable + ".run()` used "
                        + "this one; keep the schedule the deployment should have, set before the registration, then run "
                        + "the recipe again");
            }
            List<Node> insideRegister = new ArrayList<>();
            for (Node c : Nodes.find(module, NodeKind.CALL)) {
                Optional<List<String>> parts = Expressions.dottedParts(new CallView(c).callee());
                if (parts.isPresent() && parts.get().equals(List.of(variable, "register"))) {
                    // register(idempotency_key=flow.serialized_hash()) goes away with the register call
                    insideRegister.addAll(Nodes.find(new CallView(c).argList(), NodeKind.CALL));
                }
            }
            for (Node c : Nodes.find(module, NodeKind.CALL)) {
                if (insideRegister.contains(c)) {
                    continue;
                }
                Optional<List<String>> parts = Expressions.dottedParts(new CallView(c).callee());
                if (parts.isPresent() && parts.get().size() == 2 && parts.get().get(0).equals(variable)) {
                    switch (parts.get().get(1)) {
                        case "register" -> registers.add(c);
                        case "run" -> runs.add(c);
                        default -> {
                            boolean chain = !imperative && FlowChains.convertibleCall(c, stmt.firstNode(NodeKind.SUITE),
                                    variable);
                            if (!chain && (!imperative || !GRAPH_METHODS.contains(parts.get().get(1)))) {
                                blockers.add("`" + c.print().strip() + "` uses the Prefect 1 Flow object");
                            }
                        }
                    }
                }
            }
        }
        if (!imperative) {
            FlowBodies.check(stmt.firstNode(NodeKind.SUITE), imports, variable, blockers,
                    TaskDefinitions.moduleTaskNames(module));
            // a Task subclass instantiated in the block stays a Prefect 1 class (ConvertPrefect1TaskClasses converts
            // one with a single module-level instance), so the converted flow would call a class Prefect 3 lacks
            Set<String> taskClasses = TaskDefinitions.taskSubclasses(module, imports);
            for (Node c : Nodes.find(stmt.firstNode(NodeKind.SUITE), NodeKind.CALL)) {
                Node callee = Expressions.unwrap(new CallView(c).callee());
                if (callee.kind() == NodeKind.NAME && taskClasses.contains(Expressions.name(callee))) {
                    String cls = Expressions.name(callee);
                    blockers.add("`" + FlowBodies.firstLine(c) + "` makes an instance of the Prefect 1 Task subclass "
                            + cls + " inside the flow: make one instance at module level (x = " + cls + "(...)), "
                            + "which becomes a @task function, and call that here");
                }
            }
            for (Node s : Statements.of(stmt.firstNode(NodeKind.SUITE))) {
                FlowParameter.read(s, imports).ifPresent(params::add);
                Optional<Statements.Assignment> a = Statements.assignment(s);
                if (a.isPresent() && a.get().value() != null && FlowParameter.isParameterCall(a.get().value(), imports)
                        && FlowParameter.read(s, imports).isEmpty()) {
                    blockers.add("`" + s.print().strip() + "` is not a plain Parameter with a literal identifier name");
                }
            }
            ModuleTasks outside = ModuleTasks.of(module, imports, stmt, blockers);
            params.addAll(outside.parameters());
            outside.parameters().forEach(p -> movedIn.add(p.statement()));
            movedIn.addAll(outside.secrets());
        } else if (variable != null && blockers.isEmpty()) {
            graph = ImperativeGraph.read(module, imports, call, variable, blockers);
            if (graph != null) {
                params.addAll(graph.params());
            }
        }
        return new Prefect1Flow(imperative, stmt, call, name, variable, function, params, settings, settingStatements,
                registers, runs, blockers, dropped, graph, movedIn);
    }

    /**
     * The module's statements, with those of an {@code if __name__ == "__main__":} block in its place: what runs
     * whenever the script is run, as Prefect 1's registration did, so a flow's settings assigned there count as
     * module-level ones.
     */
    private static List<Node> moduleAndMainGuardStatements(Node module) {
        List<Node> guards = Statements.mainGuards(module);
        List<Node> out = new ArrayList<>();
        for (Node s : Statements.of(module)) {
            out.add(s);
            if (guards.contains(s)) {
                out.addAll(Statements.of(s.firstNode(NodeKind.SUITE)));
            }
        }
        return out;
    }

    /** The setting {@code flow.<attr> = value} assigns (storage, run_config, schedule, executor), if it is one. */
    static Optional<String> settingAttribute(Node stmt, String variable) {
        Optional<Statements.Assignment> a = Statements.assignment(stmt);
        if (variable == null || a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                || a.get().targets().get(0).kind() != NodeKind.ATTRIBUTE) {
            return Optional.empty();
        }
        return Expressions.dottedParts(a.get().targets().get(0))
                .filter(p -> p.size() == 2 && p.get(0).equals(variable)
                        && (DEPLOYMENT_SETTINGS.contains(p.get(1)) || p.get(1).equals("executor")))
                .map(p -> p.get(1));
    }

    private static boolean isStorageCall(Node stmt, String variable) {
        if (stmt.kind() != NodeKind.EXPR_STMT || Expressions.unwrap(stmt.nodes().get(0)).kind() != NodeKind.CALL) {
            return false;
        }
        Optional<List<String>> parts = Expressions.dottedParts(new CallView(Expressions.unwrap(stmt.nodes().get(0))).callee());
        return parts.isPresent() && parts.get().size() == 3 && parts.get().get(0).equals(variable)
                && parts.get().get(1).equals("storage");
    }

    /** A module-level name (such as {@code schedule=schedule}) resolves to the value assigned to it. */
    public static Node resolve(Node module, Node value) {
        Node v = Expressions.unwrap(value);
        if (v.kind() != NodeKind.NAME) {
            return value;
        }
        String n = Expressions.name(v);
        Node found = null;
        int assignments = 0;
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().targets().size() == 1 && a.get().targets().get(0).kind() == NodeKind.NAME
                    && Expressions.name(a.get().targets().get(0)).equals(n)) {
                found = a.get().value();
                assignments++;
            }
        }
        return assignments == 1 && found != null ? found : value;
    }

    static String functionName(String flowName, String variable, Set<String> taken) {
        String base = flowName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "flow_" + base;
        }
        if (Set.of("flow", "task").contains(base) || (taken.contains(base) && !base.equals(variable))
                || PyKeywords.is(base) || PyKeywords.isBuiltin(base)) {
            base = base + "_flow";
        }
        return base;
    }
}
