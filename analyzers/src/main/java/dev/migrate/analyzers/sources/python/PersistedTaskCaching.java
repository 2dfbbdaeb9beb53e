package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;

/**
 * A task whose results Prefect 3 persists and which states no cache: Prefect 3 gives it the DEFAULT cache policy
 * (its inputs, its source and the flow run), so a second call with the same inputs in one flow run, or in a retry of
 * the run, returns the first call's result without running; Prefect 2 cached nothing without a {@code cache_key_fn}
 * and ran it again (BHV010). Prefect 3 persists a task's results when it says {@code persist_result=True}, or, saying
 * nothing of it, names a {@code result_storage} or {@code result_serializer}; a {@code result_storage_key} turns
 * the default policy off. One reading for the scan and the rewrite.
 */
public final class PersistedTaskCaching {
    private PersistedTaskCaching() {
    }

    /**
     * Whether {@code options}, the arguments of a task decorator ({@code @task(...)}) or of {@code with_options}, make a
     * task Prefect 3 caches by default where Prefect 2 did not: see the class. Options unpacked from a dict ({@code
     * **opts}) are not read.
     */
    public static boolean cachedByDefault(Node options) {
        if (options.kind() != NodeKind.CALL) {
            return false;
        }
        CallView view = new CallView(options);
        List<Argument> args = view.arguments();
        if (args.stream().anyMatch(a -> "**".equals(a.unpacking()))) {
            return false;
        }
        for (String stated : List.of("cache_key_fn", "cache_policy", "result_storage_key")) {
            if (view.keyword(stated).isPresent()) {
                return false;
            }
        }
        Optional<Argument> persist = view.keyword("persist_result");
        if (persist.isPresent()) {
            Node value = Expressions.unwrap(persist.get().value());
            return value.kind() == NodeKind.CONSTANT && value.text().strip().equals("True");
        }
        return view.keyword("result_storage").isPresent() || view.keyword("result_serializer").isPresent();
    }
}
