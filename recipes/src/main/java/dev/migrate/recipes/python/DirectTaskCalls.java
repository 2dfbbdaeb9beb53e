package dev.migrate.recipes.python;

import dev.migrate.analyzers.sources.python.AsyncTaskCalls;
import dev.migrate.rewriters.python.tree.Node;
import java.util.List;
import java.util.Set;

/**
 * The direct calls of tasks in a flow's body ({@code fetch(url)} or {@code t.fetch(url)}, not {@code
 * fetch.submit(url)}), by the names {@link PrefectFunctions#taskRefs} gives: the scan's {@link AsyncTaskCalls}, so that
 * the calls BHV008 reports are the calls the rewrite submits.
 */
public final class DirectTaskCalls {
    private DirectTaskCalls() {
    }

    /**
     * The calls of {@code refs} in {@code body}, outside nested functions, classes and lambdas (which run elsewhere,
     * or later), an argument's call before the call that holds it.
     */
    public static List<Node> in(Node body, Set<String> refs) {
        return AsyncTaskCalls.in(body, refs::contains);
    }
}
