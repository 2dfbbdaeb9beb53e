package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The direct calls of async tasks in a flow's body ({@code fetch(url)}, not {@code fetch.submit(url)}), which a sync
 * flow gets back as un-awaited coroutines in Prefect 3 (BHV008): what scan reports and the recipe rewrites, from one
 * definition so that the two agree.
 */
public final class AsyncTaskCalls {
    private AsyncTaskCalls() {
    }

    /**
     * The calls by name of {@code asyncTasks} in {@code body}, outside nested functions, classes and lambdas (which
     * run elsewhere, or later), an argument's call before the call that holds it.
     */
    public static List<Node> in(Node body, Set<String> asyncTasks) {
        List<Node> out = new ArrayList<>();
        collect(body, asyncTasks, out);
        return out;
    }

    private static void collect(Node n, Set<String> asyncTasks, List<Node> out) {
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF || c.kind() == NodeKind.LAMBDA) {
                continue;
            }
            collect(c, asyncTasks, out);
            if (c.kind() == NodeKind.CALL) {
                Node callee = Expressions.unwrap(c.nodes().get(0));
                if (callee.kind() == NodeKind.NAME && asyncTasks.contains(Expressions.name(callee))) {
                    out.add(c);
                }
            }
        }
    }
}
