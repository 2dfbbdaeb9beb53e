package dev.migrate.recipes.prefect1.internal;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the tasks of a module are called from its Prefect 3 {@code @flow} functions, as far as
 * {@code trigger=all_finished} needs it: which argument values of a task call carry an upstream task's result
 * (a name bound by one task call in the flow function, or an inline task call), and whether each such result is
 * read by nothing but the calls of tasks that accept a failed upstream.
 */
public final class TriggerGraph {
    private final Node module;
    private final Imports imports;
    private final Set<String> tasks;
    private final List<Node> flows;
    /** For each value found by {@link #upstreamValues}, the flow function it is in. */
    private final Map<Node, Node> flowOf = new IdentityHashMap<>();

    private TriggerGraph(Node module, Imports imports) {
        this.module = module;
        this.imports = imports;
        this.tasks = moduleTasks(module, imports);
        this.flows = Nodes.find(module, NodeKind.FUNCTION_DEF).stream().filter(f -> new Definitions(f).decorators()
                .stream().anyMatch(d -> imports.qualifiedName(d).filter("prefect.flow"::equals).isPresent())).toList();
    }

    public static TriggerGraph of(Node module, Imports imports) {
        return new TriggerGraph(module, imports);
    }

    /** The function a {@code @task(...)} decorator call decorates. */
    public static Optional<String> decoratedFunction(Node module, CallView decorator) {
        List<Node> path = TreeEdits.path(module, decorator.node());
        if (path == null || path.size() < 2 || path.get(path.size() - 1).kind() != NodeKind.DECORATOR) {
            return Optional.empty();
        }
        return Optional.of(new Definitions(path.get(path.size() - 2)).name());
    }

    /** Why the calls of task {@code task} cannot get allow_failure, or empty when they can. */
    public Optional<String> blocker(String task) {
        List<Node> calls = new ArrayList<>();
        for (Node n : Nodes.find(module, NodeKind.NAME)) {
            if (!Expressions.name(n).equals(task)) {
                continue;
            }
            Node parent = TreeEdits.parentOf(module, n);
            Node flow = flowAround(n);
            if (parent == null || parent.kind() != NodeKind.CALL || new CallView(parent).callee() != n || flow == null) {
                return Optional.of("`" + task + "` is used other than as a direct call in a flow function (`"
                        + (parent == null ? task : parent.print().strip()) + "`)");
            }
            calls.add(parent);
        }
        if (calls.isEmpty()) {
            return Optional.of("no flow function of this module calls it");
        }
        for (Node call : calls) {
            Node flow = flowAround(call);
            for (Argument a : new CallView(call).arguments()) {
                if (a.unpacking() != null) {
                    return Optional.of("`" + call.print().strip() + "` unpacks its arguments");
                }
                for (Node v : values(a)) {
                    Optional<String> b = valueBlocker(flow, v);
                    if (b.isPresent()) {
                        return b;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> valueBlocker(Node flow, Node value) {
        Node v = Expressions.unwrap(value);
        if (v.kind() == NodeKind.NAME && bindings(flow, Expressions.name(v)) > 0) {
            String name = Expressions.name(v);
            if (bindingCall(flow, name) == null) {
                return Optional.of("`" + name + "` is not bound by exactly one task call in the flow function");
            }
            for (Node use : Nodes.find(flow, NodeKind.NAME)) {
                if (Expressions.name(use).equals(name) && !isTarget(flow, use) && !isTriggerArgument(flow, use)) {
                    return Optional.of("the upstream result `" + name + "` is also read by `"
                            + TreeEdits.parentOf(flow, use).print().strip() + "`");
                }
            }
            return Optional.empty();
        }
        if (isTaskCall(v)) {
            return Optional.empty();
        }
        for (Node n : Nodes.find(v, NodeKind.NAME)) {
            if (bindings(flow, Expressions.name(n)) > 0) {
                return Optional.of("`" + value.print().strip() + "` combines upstream results; pass each as its own argument");
            }
        }
        return Optional.empty();
    }

    /** The argument values of calls to {@code triggerTasks} that carry an upstream result (wrapped or not). */
    public List<Node> upstreamValues(Set<String> triggerTasks) {
        List<Node> out = new ArrayList<>();
        for (Node flow : flows) {
            for (Node call : Nodes.find(flow, NodeKind.CALL)) {
                Node callee = new CallView(call).callee();
                if (callee.kind() != NodeKind.NAME || !triggerTasks.contains(Expressions.name(callee))) {
                    continue;
                }
                for (Argument a : new CallView(call).arguments()) {
                    for (Node v : values(a)) {
                        if (upstreamCallIn(flow, v) != null) {
                            out.add(v);
                            flowOf.put(v, flow);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The upstream task call whose result {@code value} (from {@link #upstreamValues}) hands over. */
    public Node upstreamCall(Node value) {
        return upstreamCallIn(flowOf.get(value), value);
    }

    public boolean isAllowFailure(Node value) {
        Node v = Expressions.unwrap(value);
        return v.kind() == NodeKind.CALL && imports.qualifiedName(v).filter("prefect.allow_failure"::equals).isPresent();
    }

    private Node upstreamCallIn(Node flow, Node value) {
        Node v = Expressions.unwrap(value);
        if (isAllowFailure(v)) {
            Optional<Argument> inner = new CallView(v).positional(0);
            if (inner.isEmpty()) {
                return null;
            }
            v = Expressions.unwrap(inner.get().value());
        }
        if (isTaskCall(v)) {
            return v;
        }
        return v.kind() == NodeKind.NAME ? bindingCall(flow, Expressions.name(v)) : null;
    }

    /** The values of one argument: the items of a literal {@code wait_for=[...]}, else the value itself. */
    private static List<Node> values(Argument a) {
        Node v = Expressions.unwrap(a.value());
        if ("wait_for".equals(a.keyword()) && (v.kind() == NodeKind.LIST || v.kind() == NodeKind.TUPLE)) {
            return v.nodes();
        }
        return List.of(a.value());
    }

    private boolean isTaskCall(Node v) {
        if (v.kind() != NodeKind.CALL) {
            return false;
        }
        Node callee = new CallView(v).callee();
        return callee.kind() == NodeKind.NAME && tasks.contains(Expressions.name(callee));
    }

    /** The task call that is the only assignment of {@code name} in the flow function, or null. */
    private Node bindingCall(Node flow, String name) {
        Node found = null;
        for (Node stmt : Nodes.find(flow, n -> n.kind() == NodeKind.ASSIGN || n.kind() == NodeKind.ANN_ASSIGN)) {
            Optional<Statements.Assignment> a = Statements.assignment(stmt);
            if (a.isPresent() && a.get().targets().stream().anyMatch(t -> Nodes.find(t, NodeKind.NAME).stream()
                    .anyMatch(n -> Expressions.name(n).equals(name)))) {
                if (found != null || a.get().targets().size() != 1 || a.get().targets().get(0).kind() != NodeKind.NAME
                        || a.get().value() == null || !isTaskCall(Expressions.unwrap(a.get().value()))) {
                    return null;
                }
                found = Expressions.unwrap(a.get().value());
            }
        }
        return found;
    }

    private static int bindings(Node flow, String name) {
        int count = 0;
        for (Node stmt : Nodes.find(flow, n -> n.kind() == NodeKind.ASSIGN || n.kind() == NodeKind.ANN_ASSIGN
                || n.kind() == NodeKind.AUG_ASSIGN || n.kind() == NodeKind.FOR || n.kind() == NodeKind.WITH)) {
            if (isBoundBy(stmt, name)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isBoundBy(Node stmt, String name) {
        Optional<Statements.Assignment> a = Statements.assignment(stmt);
        if (a.isPresent()) {
            return a.get().targets().stream().anyMatch(t -> Nodes.find(t, NodeKind.NAME).stream()
                    .anyMatch(n -> Expressions.name(n).equals(name)));
        }
        // for/with targets: conservative, any use of the name in the header counts
        Node suite = stmt.firstNode(NodeKind.SUITE);
        return Nodes.find(stmt, NodeKind.NAME).stream().anyMatch(n -> Expressions.name(n).equals(name)
                && (suite == null || TreeEdits.path(suite, n) == null));
    }

    private static boolean isTarget(Node flow, Node name) {
        for (Node stmt : Nodes.find(flow, NodeKind.ASSIGN)) {
            Optional<Statements.Assignment> a = Statements.assignment(stmt);
            if (a.isPresent() && a.get().targets().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** A name handed to a task that accepts failed upstreams: {@code t(x)}, {@code t(k=x)} or {@code t(wait_for=[x])}. */
    private boolean isTriggerArgument(Node flow, Node name) {
        List<Node> path = TreeEdits.path(flow, name);
        int i = path.size() - 1;
        if (path.get(i).kind() == NodeKind.LIST || path.get(i).kind() == NodeKind.TUPLE) {
            i--;
        }
        if (i < 2 || path.get(i).kind() != NodeKind.ARG || path.get(i - 1).kind() != NodeKind.ARG_LIST
                || path.get(i - 2).kind() != NodeKind.CALL) {
            return false;
        }
        Node callee = new CallView(path.get(i - 2)).callee();
        return callee.kind() == NodeKind.NAME && triggerTasks().contains(Expressions.name(callee));
    }

    private Set<String> triggerTasks() {
        Set<String> out = new HashSet<>();
        for (TaskDefinitions.Definition def : TaskDefinitions.of(module)) {
            String trigger = TriggerRules.triggerOf(def.call(), imports);
            if (trigger != null && TriggerRules.get().allowFailure().contains(trigger)) {
                decoratedFunction(module, def.call()).ifPresent(out::add);
            }
        }
        return out;
    }

    private Node flowAround(Node n) {
        for (Node flow : flows) {
            if (TreeEdits.path(flow, n) != null) {
                return flow;
            }
        }
        return null;
    }

    /** Functions decorated as tasks and module-level task instances ({@code x = SomeTask(...)}, {@code task(fn)}). */
    private static Set<String> moduleTasks(Node module, Imports imports) {
        Set<String> out = new HashSet<>();
        Set<String> classes = TaskDefinitions.taskSubclasses(module, imports);
        for (Node def : Nodes.find(module, NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (d.decorators().stream().anyMatch(e -> TaskDefinitions.isTaskDecorator(imports, e))) {
                out.add(d.name());
            }
        }
        for (Node stmt : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(stmt);
            if (a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            Node value = Expressions.unwrap(a.get().value());
            if (value.kind() != NodeKind.CALL) {
                continue;
            }
            Node callee = new CallView(value).callee();
            boolean instance = callee.kind() == NodeKind.NAME && classes.contains(Expressions.name(callee));
            boolean library = imports.qualifiedName(value).filter(q -> q.startsWith("prefect.tasks.")).isPresent();
            if (instance || library || TaskDefinitions.isTaskDecorator(imports, value)) {
                out.add(Expressions.name(a.get().targets().get(0)));
            }
        }
        return out;
    }
}
