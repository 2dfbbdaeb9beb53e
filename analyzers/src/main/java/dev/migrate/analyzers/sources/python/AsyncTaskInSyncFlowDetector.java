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
                for (Node c : AsyncTaskCalls.in(flow.body(), asyncTasks)) {
                    sink.finding(Findings.of("BHV008", "sync flow " + flow.name() + " calls async task "
                            + Expressions.name(Expressions.unwrap(c.nodes().get(0))) + " directly; Prefect 3 returns a "
                            + "coroutine there and never runs it", m.at(c), null));
                }
            }
        }
    }

    /** Whether a decorator of {@code def} is {@code qualified} ({@code @task} or {@code @task(...)}, through any alias). */
    private static boolean decoratedWith(PythonModule m, Node def, String qualified) {
        return new Definitions(def).decorators().stream().map(m::nameOf).anyMatch(qualified::equals);
    }
}
