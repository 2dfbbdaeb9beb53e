package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The direct calls of tasks in a flow's body ({@code fetch(url)}, {@code t.fetch(url)} or {@code
 * fetch.with_options(retries=2)(url)}, not {@code fetch.submit(url)}), which a sync flow gets back as un-awaited coroutines in Prefect 3 when the task is async
 * (BHV008): what scan reports, by the names {@link TaskRefs} gives, as the rewrite's recipe finds what it rewrites.
 */
public final class AsyncTaskCalls {
    private AsyncTaskCalls() {
    }

    /**
     * The calls in {@code body} of a name or dotted name {@code isRef} accepts, outside nested functions, classes and
     * lambdas (which run elsewhere, or later), an argument's call before the call that holds it.
     */
    public static List<Node> in(Node body, Predicate<String> isRef) {
        List<Node> out = new ArrayList<>();
        collect(body, isRef, out);
        return out;
    }

    /**
     * The name or dotted name a call calls ({@code t.fetch}), also through options given in place ({@code fetch} of
     * {@code fetch.with_options(retries=2)(url)}, a run of the task's copy), or null when it calls anything else.
     */
    public static String callee(Node call) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        while (callee.kind() == NodeKind.CALL) {
            Node inner = Expressions.unwrap(callee.nodes().get(0));
            if (inner.kind() != NodeKind.ATTRIBUTE || !TaskRefs.lastName(inner).equals("with_options")) {
                return null;
            }
            callee = Expressions.unwrap(inner.nodes().get(0));
        }
        return callee.kind() == NodeKind.NAME || callee.kind() == NodeKind.ATTRIBUTE
                ? Expressions.dottedName(callee).orElse(null) : null;
    }

    private static void collect(Node n, Predicate<String> isRef, List<Node> out) {
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF || c.kind() == NodeKind.LAMBDA) {
                continue;
            }
            collect(c, isRef, out);
            if (c.kind() == NodeKind.CALL) {
                String ref = callee(c);
                if (ref != null && isRef.test(ref)) {
                    out.add(c);
                }
            }
        }
    }
}
