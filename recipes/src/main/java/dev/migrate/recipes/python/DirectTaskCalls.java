package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The direct calls of tasks in a flow's body ({@code fetch(url)} or {@code t.fetch(url)}, not {@code
 * fetch.submit(url)}), by the names {@link PrefectFunctions#taskRefs} gives. The scan's {@code AsyncTaskCalls} reads
 * the module's own tasks, by simple name, with the same rules; this one also takes the dotted names of tasks imported
 * as a module's attributes.
 */
public final class DirectTaskCalls {
    private DirectTaskCalls() {
    }

    /**
     * The calls of {@code refs} in {@code body}, outside nested functions, classes and lambdas (which run elsewhere,
     * or later), an argument's call before the call that holds it.
     */
    public static List<Node> in(Node body, Set<String> refs) {
        List<Node> out = new ArrayList<>();
        collect(body, refs, out);
        return out;
    }

    private static void collect(Node n, Set<String> refs, List<Node> out) {
        for (Node c : n.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF || c.kind() == NodeKind.LAMBDA) {
                continue;
            }
            collect(c, refs, out);
            if (c.kind() == NodeKind.CALL) {
                Node callee = Expressions.unwrap(c.nodes().get(0));
                if ((callee.kind() == NodeKind.NAME || callee.kind() == NodeKind.ATTRIBUTE)
                        && Expressions.dottedName(callee).filter(refs::contains).isPresent()) {
                    out.add(c);
                }
            }
        }
    }
}
