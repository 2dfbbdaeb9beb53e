package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loop variables that hold a function's task futures one by one: {@code for f in futures:} and {@code [f.wait()
 * for f in futures]} over a list of a task's submits (a comprehension, a literal, one filled by {@code append}) or
 * its {@code map(...)}. The state a Prefect 2 flow read from each of them ({@code state = f.wait()}, {@code
 * f.get_state()}) is read the Prefect 3 way as for a name bound to one submit: the scan's BHV009 and
 * ReadFutureStateFromProperty both read them here.
 */
public final class TaskFutureLoops {
    private TaskFutureLoops() {
    }

    /**
     * The names {@code scope} (a function's own code) binds only as loop variables over task futures of {@code tasks}:
     * a name also bound by another loop or by an assignment is left out.
     */
    public static Set<String> of(List<Node> scope, Set<String> tasks) {
        Set<String> overFutures = new HashSet<>();
        Set<String> other = new HashSet<>();
        Set<String> futures = null;
        for (Node n : scope) {
            if (n.kind() == NodeKind.FOR || n.kind() == NodeKind.COMP_FOR) {
                List<Node> parts = n.nodes();
                if (parts.size() < 2) {
                    continue;
                }
                if (parts.get(0).kind() != NodeKind.NAME) {
                    continue; // for i, f in enumerate(futures): not read
                }
                if (futures == null) {
                    futures = AwaitedTaskFutures.futureNames(scope, tasks);
                }
                Node iterated = Expressions.unwrap(parts.get(1));
                boolean over = iterated.kind() == NodeKind.NAME && futures.contains(Expressions.name(iterated))
                        || AwaitedTaskFutures.holdsFutures(iterated, tasks);
                (over ? overFutures : other).add(Expressions.name(parts.get(0)));
            } else {
                Optional<Statements.Assignment> a = Statements.assignment(n);
                if (a.isPresent()) {
                    for (Node target : a.get().targets()) {
                        if (target.kind() == NodeKind.NAME) {
                            other.add(Expressions.name(target));
                        }
                    }
                }
            }
        }
        overFutures.removeAll(other);
        return overFutures;
    }
}
