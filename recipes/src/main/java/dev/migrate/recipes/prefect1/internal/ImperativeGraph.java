package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph an imperative Prefect 1 flow declares with {@code flow.set_dependencies(task=, upstream_tasks=,
 * keyword_tasks=)}, {@code flow.add_edge(a, b)} and {@code flow.add_task(t)}, or from the tasks' side with
 * {@code t.set_upstream(u, flow=flow)}, {@code u.set_downstream(t, flow=flow)} and {@code t.bind(k=u, flow=flow)},
 * read only when every task and edge is a plain module-level name. {@link #body} writes it as a flow body: one call per task, in an order that
 * respects every edge (the declaration order when it does), each result passed by keyword as the graph says.
 *
 * @param statements the module-level statements that declared the graph (removed by the conversion)
 * @param order      the tasks in execution order
 * @param inputs     per task, keyword -> upstream name (a task or a parameter)
 * @param inlined    module-level task instances that only this flow uses, moved into the body (secrets)
 * @param after      per task, the upstream tasks it only waits for (edges without data), written as {@code wait_for=}
 */
public record ImperativeGraph(List<Node> statements, List<FlowParameter> params, List<String> order,
                              Map<String, Map<String, String>> inputs, Map<String, Node> inlined,
                              Map<String, List<String>> after) {

    private static final Set<String> TASK_METHODS = Set.of("set_upstream", "set_downstream", "bind");

    public static ImperativeGraph read(Node module, Imports imports, CallView flowCall, String variable,
                                       List<String> blockers) {
        List<Node> statements = new ArrayList<>();
        List<FlowParameter> params = new ArrayList<>();
        Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
        flowCall.argument("tasks", FlowAnalysis.POSITIONS.indexOf("tasks")).ifPresent(a -> constructorTasks(a.value(), inputs, blockers));
        Map<String, Set<String>> upstream = new LinkedHashMap<>();
        Map<String, Node> assigned = new LinkedHashMap<>();
        for (Node s : Statements.of(module)) {
            Optional<FlowParameter> p = FlowParameter.read(s, imports);
            if (p.isPresent()) {
                params.add(p.get());
                statements.add(s);
                continue;
            }
            Statements.assignment(s).ifPresent(a -> a.targets().stream().filter(t -> t.kind() == NodeKind.NAME)
                    .forEach(t -> assigned.put(Expressions.name(t), a.value())));
            if (Statements.assignment(s).map(a -> a.value() != null && FlowParameter.isParameterCall(a.value(), imports))
                    .orElse(false)) {
                blockers.add("`" + FlowBodies.firstLine(s) + "` is not a plain Parameter with a literal identifier name");
            }
            Node call = s.kind() == NodeKind.EXPR_STMT ? Expressions.unwrap(s.nodes().get(0)) : null;
            if (call == null || call.kind() != NodeKind.CALL) {
                continue;
            }
            CallView view = new CallView(call);
            Optional<List<String>> parts = Expressions.dottedParts(view.callee());
            if (parts.isPresent() && parts.get().size() == 2 && TASK_METHODS.contains(parts.get().get(1))
                    && name(view.keyword("flow")).filter(variable::equals).isPresent()) {
                statements.add(s);
                if (!taskMethod(parts.get().get(0), parts.get().get(1), view, inputs, upstream)) {
                    blockers.add("`" + FlowBodies.firstLine(s) + "` is not a " + parts.get().get(1) + " on plain names");
                }
                continue;
            }
            if (parts.isEmpty() || parts.get().size() != 2 || !parts.get().get(0).equals(variable)) {
                continue;
            }
            String method = parts.get().get(1);
            switch (method) {
                case "set_dependencies" -> {
                    statements.add(s);
                    if (!dependencies(view, inputs, upstream)) {
                        blockers.add("`" + FlowBodies.firstLine(s) + "` is not a set_dependencies call on plain names");
                    }
                }
                case "add_edge" -> {
                    statements.add(s);
                    Optional<String> from = name(view.argument("upstream_task", 0));
                    Optional<String> to = name(view.argument("downstream_task", 1));
                    Optional<String> key = view.keyword("key").flatMap(a -> PyValues.string(a.value()));
                    if (from.isEmpty() || to.isEmpty() || view.keyword("mapped").isPresent()) {
                        blockers.add("`" + FlowBodies.firstLine(s) + "` is not an add_edge on plain names");
                    } else {
                        inputs.computeIfAbsent(to.get(), k -> new LinkedHashMap<>());
                        key.ifPresent(k -> inputs.get(to.get()).put(k, from.get()));
                        upstream.computeIfAbsent(to.get(), k -> new LinkedHashSet<>()).add(from.get());
                        inputs.computeIfAbsent(from.get(), k -> new LinkedHashMap<>());
                    }
                }
                case "add_task" -> {
                    statements.add(s);
                    name(view.argument("task", 0)).ifPresentOrElse(t -> inputs.computeIfAbsent(t, k -> new LinkedHashMap<>()),
                            () -> blockers.add("`" + FlowBodies.firstLine(s) + "` adds a task that is not a plain name"));
                }
                case "register", "run" -> {
                }
                default -> blockers.add("`" + FlowBodies.firstLine(s) + "` uses the Flow object in a way that has no "
                        + "Prefect 3 form");
            }
        }
        Set<String> paramNames = new LinkedHashSet<>();
        params.forEach(p -> paramNames.add(p.variable()));
        // upstream-only names (secrets, tasks nobody set dependencies for) are nodes too
        for (Set<String> ups : upstream.values()) {
            for (String u : ups) {
                if (!paramNames.contains(u)) {
                    inputs.putIfAbsent(u, new LinkedHashMap<>());
                }
            }
        }
        for (Map<String, String> kw : new ArrayList<>(inputs.values())) {
            for (String u : kw.values()) {
                if (!paramNames.contains(u)) {
                    inputs.putIfAbsent(u, new LinkedHashMap<>());
                }
            }
        }
        inputs.keySet().removeAll(paramNames);
        Map<String, Node> inlined = new LinkedHashMap<>();
        for (String task : inputs.keySet()) {
            Node value = assigned.get(task);
            if (value != null && Expressions.unwrap(value).kind() == NodeKind.CALL && imports.qualifiedName(value)
                    .filter(q -> q.startsWith("prefect.tasks.secrets.")).isPresent() && usedOnlyIn(module, task, statements)) {
                inlined.put(task, value);
            }
        }
        List<String> order = order(inputs, upstream, paramNames, blockers);
        if (order.isEmpty() && blockers.isEmpty()) {
            blockers.add("no task of the flow is found (tasks added by a loop or a helper are not followed)");
        }
        for (FlowParameter p : params) {
            if (!usedOnlyIn(module, p.variable(), statements)) {
                blockers.add("Parameter `" + p.variable() + "` is used outside the graph declaration");
            }
        }
        Map<String, List<String>> after = new LinkedHashMap<>();
        upstream.forEach((task, ups) -> {
            List<String> only = ups.stream().filter(u -> inputs.containsKey(u)
                    && !inputs.getOrDefault(task, Map.of()).containsValue(u)).toList();
            if (!only.isEmpty() && inputs.containsKey(task)) {
                after.put(task, only);
            }
        });
        return new ImperativeGraph(statements, params, order, inputs, inlined, after);
    }

    /**
     * The task side of the imperative API, each call naming the flow with {@code flow=}:
     * {@code t.set_upstream(u, key="k")} and {@code u.set_downstream(t, key="k")} are {@code flow.add_edge(u, t,
     * key="k")}, {@code t.bind(k=u, upstream_tasks=[w])} is {@code flow.set_dependencies(t, keyword_tasks={"k": u},
     * upstream_tasks=[w])}. False when an argument is not a plain name (or is positional to bind, or mapped).
     */
    private static boolean taskMethod(String task, String method, CallView view, Map<String, Map<String, String>> inputs,
                                      Map<String, Set<String>> upstream) {
        if (view.keyword("mapped").isPresent()) {
            return false;
        }
        if (!method.equals("bind")) {
            Optional<String> other = name(view.argument("task", 0));
            if (other.isEmpty()) {
                return false;
            }
            String from = method.equals("set_upstream") ? other.get() : task;
            String to = method.equals("set_upstream") ? task : other.get();
            Optional<String> key = view.keyword("key").flatMap(a -> PyValues.string(a.value()));
            if (view.keyword("key").isPresent() && key.isEmpty()) {
                return false;
            }
            inputs.computeIfAbsent(from, k -> new LinkedHashMap<>());
            inputs.computeIfAbsent(to, k -> new LinkedHashMap<>());
            key.ifPresent(k -> inputs.get(to).put(k, from));
            upstream.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
            return true;
        }
        Map<String, String> kw = inputs.computeIfAbsent(task, k -> new LinkedHashMap<>());
        Set<String> ups = upstream.computeIfAbsent(task, k -> new LinkedHashSet<>());
        for (Argument a : view.arguments()) {
            if (a.keyword() == null) {
                return false;
            }
            if (a.keyword().equals("flow")) {
                continue;
            }
            if (a.keyword().equals("upstream_tasks")) {
                Optional<List<String>> names = names(a.value());
                if (names.isEmpty()) {
                    return false;
                }
                ups.addAll(names.get());
                continue;
            }
            Node value = Expressions.unwrap(a.value());
            if (value.kind() != NodeKind.NAME) {
                return false;
            }
            kw.put(a.keyword(), Expressions.name(value));
            ups.add(Expressions.name(value));
        }
        return true;
    }

    /** {@code Flow("x", tasks=[a, b])}: each listed name is a task, as if added with add_task. */
    private static void constructorTasks(Node value, Map<String, Map<String, String>> inputs, List<String> blockers) {
        Node list = Expressions.unwrap(value);
        if (list.kind() != NodeKind.LIST && list.kind() != NodeKind.TUPLE) {
            blockers.add("`tasks=" + value.print().strip() + "` is not a literal list of task names");
            return;
        }
        for (Node item : list.nodes()) {
            Node t = Expressions.unwrap(item);
            if (t.kind() != NodeKind.NAME) {
                blockers.add("`tasks=` lists `" + item.print().strip() + "`, which is not a plain task name");
                return;
            }
            inputs.computeIfAbsent(Expressions.name(t), k -> new LinkedHashMap<>());
        }
    }

    /** Reads one set_dependencies call; false when its arguments are not literal lists/dicts of names. */
    private static boolean dependencies(CallView view, Map<String, Map<String, String>> inputs,
                                        Map<String, Set<String>> upstream) {
        Optional<String> task = name(view.argument("task", 0));
        if (task.isEmpty() || view.keyword("mapped").isPresent() || view.keyword("downstream_tasks").isPresent()) {
            return false;
        }
        Map<String, String> kw = inputs.computeIfAbsent(task.get(), k -> new LinkedHashMap<>());
        Set<String> ups = upstream.computeIfAbsent(task.get(), k -> new LinkedHashSet<>());
        Optional<Argument> upstreamTasks = view.argument("upstream_tasks", 1);
        if (upstreamTasks.isPresent()) {
            Optional<List<String>> names = names(upstreamTasks.get().value());
            if (names.isEmpty()) {
                return false;
            }
            ups.addAll(names.get());
        }
        Optional<Argument> keywordTasks = view.argument("keyword_tasks", 3);
        if (keywordTasks.isPresent()) {
            Node dict = Expressions.unwrap(keywordTasks.get().value());
            if (dict.kind() != NodeKind.DICT) {
                return false;
            }
            for (Node entry : dict.nodes()) {
                Optional<String> key = entry.nodes().size() == 2 ? PyValues.string(entry.nodes().get(0)) : Optional.empty();
                Node value = entry.nodes().size() == 2 ? Expressions.unwrap(entry.nodes().get(1)) : null;
                if (key.isEmpty() || value == null || value.kind() != NodeKind.NAME) {
                    return false;
                }
                kw.put(key.get(), Expressions.name(value));
                ups.add(Expressions.name(value));
            }
        }
        return view.argument("downstream_tasks", 2).isEmpty() && view.argument("upstream_tasks", 1)
                .map(a -> a.keyword() != null).orElse(true);
    }

    /** The names of a literal list or tuple of plain names ({@code [a, b]}), or empty when it is anything else. */
    private static Optional<List<String>> names(Node value) {
        Node list = Expressions.unwrap(value);
        if (list.kind() != NodeKind.LIST && list.kind() != NodeKind.TUPLE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.nodes()) {
            if (Expressions.unwrap(item).kind() != NodeKind.NAME) {
                return Optional.empty();
            }
            out.add(Expressions.name(Expressions.unwrap(item)));
        }
        return Optional.of(out);
    }

    private static Optional<String> name(Optional<Argument> arg) {
        return arg.map(a -> Expressions.unwrap(a.value())).filter(v -> v.kind() == NodeKind.NAME).map(Expressions::name);
    }

    /** Declaration order, moved only as far as the edges require (a stable topological sort). */
    private static List<String> order(Map<String, Map<String, String>> inputs, Map<String, Set<String>> upstream,
                                      Set<String> params, List<String> blockers) {
        List<String> pending = new ArrayList<>(inputs.keySet());
        // names that only appear as inputs come first, in the order they appear
        pending.sort((a, b) -> Boolean.compare(upstream.containsKey(a) || !inputs.get(a).isEmpty(),
                upstream.containsKey(b) || !inputs.get(b).isEmpty()));
        List<String> done = new ArrayList<>();
        while (!pending.isEmpty()) {
            String next = null;
            for (String t : pending) {
                Set<String> ups = upstream.getOrDefault(t, Set.of());
                if (ups.stream().allMatch(u -> params.contains(u) || done.contains(u))) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                blockers.add("the graph has a cycle among " + pending);
                return done;
            }
            done.add(next);
            pending.remove(next);
        }
        return done;
    }

    /** Uses inside function and class bodies are their own scope (usually a parameter of the same name). */
    private static boolean usedOnlyIn(Node module, String name, List<Node> statements) {
        List<Node> names = new ArrayList<>();
        for (Node s : Statements.of(module)) {
            if (s.kind() != NodeKind.FUNCTION_DEF && s.kind() != NodeKind.CLASS_DEF) {
                names.addAll(Nodes.find(s, NodeKind.NAME));
            }
        }
        for (Node n : names) {
            if (!Expressions.name(n).equals(name)) {
                continue;
            }
            boolean inside = false;
            for (Node s : statements) {
                if (Nodes.find(s, NodeKind.NAME).contains(n)) {
                    inside = true;
                    break;
                }
            }
            if (!inside && !isAssignmentTarget(module, n)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAssignmentTarget(Node module, Node name) {
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().targets().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The module-level assignments of the inlined task instances (removed with the graph). */
    public List<Node> inlinedStatements(Node module) {
        List<Node> out = new ArrayList<>();
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && inlined.containsValue(a.get().value())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The flow body: one line per task, results in {@code <task>_result} variables. */
    public String body(String indent) {
        Set<String> consumed = new LinkedHashSet<>();
        inputs.values().forEach(kw -> consumed.addAll(kw.values()));
        after.values().forEach(consumed::addAll);
        StringBuilder sb = new StringBuilder();
        for (String task : order) {
            String target = consumed.contains(task) ? task + "_result = " : "";
            String callee = inlined.containsKey(task) ? inlined.get(task).print().strip() : task + "(";
            List<String> args = new ArrayList<>();
            inputs.get(task).forEach((k, v) -> args.add(k + "=" + (inputs.containsKey(v) ? v + "_result" : v)));
            if (after.containsKey(task)) {
                // the edge has no data: wait_for keeps it visible (a trigger=all_finished task needs it)
                args.add("wait_for=[" + String.join(", ", after.get(task).stream().map(u -> u + "_result").toList()) + "]");
            }
            if (inlined.containsKey(task)) {
                sb.append(indent).append(target).append(callee).append("\n");
            } else {
                sb.append(indent).append(target).append(callee).append(String.join(", ", args)).append(")\n");
            }
        }
        return sb.toString();
    }
}
