package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.Set;

/**
 * BHV008: a sync flow that calls an {@code async def} task of its module directly. Prefect 2 ran the call; Prefect 3
 * returns an un-awaited coroutine, so the task never runs. {@code .submit} and {@code .map} are not flagged: Prefect
 * 3's task runners run async tasks from sync flows.
 */
public final class AsyncTaskInSyncFlowDetector extends PythonDetector {
    public AsyncTaskInSyncFlowDetector() {
        super("prefect-async-task-in-sync-flow", "prefect", "async def");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        Set<String> asyncTasks = new HashSet<>();
        for (Node s : Statements.of(m.root())) {
            if (s.kind() == NodeKind.FUNCTION_DEF && new Definitions(s).isAsync() && decoratedWith(m, s, "prefect.task")) {
                asyncTasks.add(new Definitions(s).name());
            }
        }
        if (asyncTasks.isEmpty()) {
            return;
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions flow = new Definitions(def);
            if (!flow.isAsync() && decoratedWith(m, def, "prefect.flow")) {
                calls(m, flow, flow.body(), asyncTasks, sink);
            }
        }
    }

    /** Direct calls in {@code n}, outside nested functions, classes and lambdas (which run elsewhere, or later). */
    private static void calls(PythonModule m, Definitions flow, Node n, Set<String> asyncTasks, InventorySink sink) {
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF || c.kind() == NodeKind.LAMBDA) {
                continue;
            }
            if (c.kind() == NodeKind.CALL) {
                Node callee = Expressions.unwrap(c.nodes().get(0));
                if (callee.kind() == NodeKind.NAME && asyncTasks.contains(Expressions.name(callee))) {
                    sink.finding(Findings.of("BHV008", "sync flow " + flow.name() + " calls async task "
                            + Expressions.name(callee) + " directly; Prefect 3 returns a coroutine there and never runs it",
                            m.at(c), null));
                }
            }
            calls(m, flow, c, asyncTasks, sink);
        }
    }

    /** Whether a decorator of {@code def} is {@code qualified} ({@code @task} or {@code @task(...)}, through any alias). */
    private static boolean decoratedWith(PythonModule m, Node def, String qualified) {
        return new Definitions(def).decorators().stream().map(m::nameOf).anyMatch(qualified::equals);
    }
}
