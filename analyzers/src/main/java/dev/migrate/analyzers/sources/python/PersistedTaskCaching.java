package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A task whose results Prefect 3 persists and which states no cache: Prefect 3 gives it the DEFAULT cache policy
 * (its inputs, its source and the flow run), so a second call with the same inputs in one flow run, or in a retry of
 * the run, returns the first call's result without running; Prefect 2 cached nothing without a {@code cache_key_fn}
 * and ran it again (BHV010). Prefect 3 persists a task's results when it says {@code persist_result=True}, or, saying
 * nothing of it, names a {@code result_storage} or {@code result_serializer}; a {@code result_storage_key} turns
 * the default policy off. A task saying nothing of persistence persists as the run it is in does: Prefect 3's task
 * engine takes a task's {@code persist_result} when set, else its flow run's ({@code should_persist_result()}), so a
 * task a {@code @flow(persist_result=True)} calls persists, and is cached, too. One reading for the scan and the
 * rewrite.
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

    /** Whether a flow decorator's {@code options} ({@code @flow(...)}) persist its run's results: {@code persist_result=True}. */
    public static boolean persistsResults(Node options) {
        if (options.kind() != NodeKind.CALL) {
            return false;
        }
        return new CallView(options).keyword("persist_result").map(a -> Expressions.unwrap(a.value()))
                .filter(v -> v.kind() == NodeKind.CONSTANT && v.text().strip().equals("True")).isPresent();
    }

    /**
     * Whether a task decorator ({@code @task} or {@code @task(...)}) says nothing of persistence nor of a cache, so
     * that in a flow run that persists results Prefect 3 persists and caches it by default. Options unpacked from a
     * dict ({@code **opts}) may say either, so they are not read.
     */
    public static boolean inheritsPersistence(Node decorator) {
        if (decorator.kind() != NodeKind.CALL) {
            return decorator.kind() == NodeKind.NAME || decorator.kind() == NodeKind.ATTRIBUTE;
        }
        CallView view = new CallView(decorator);
        if (view.arguments().stream().anyMatch(a -> "**".equals(a.unpacking()))) {
            return false;
        }
        for (String stated : List.of("persist_result", "result_storage", "result_serializer", "cache_key_fn",
                "cache_policy", "result_storage_key")) {
            if (view.keyword(stated).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names {@code body} (a flow's) runs as tasks: called ({@code load(x)}), submitted or mapped ({@code
     * load.submit(x)}). A copy made by {@code with_options} may set its own options, so it is not counted.
     */
    public static Set<String> runIn(Node body) {
        Set<String> out = new HashSet<>();
        for (Node call : PythonScopes.ownScope(body)) {
            if (call.kind() != NodeKind.CALL || call.nodes().isEmpty()) {
                continue;
            }
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() == NodeKind.ATTRIBUTE && List.of("submit", "map").contains(TaskRefs.lastName(callee))) {
                callee = Expressions.unwrap(callee.nodes().get(0));
            }
            if (callee.kind() == NodeKind.NAME) {
                out.add(Expressions.name(callee));
            }
        }
        return out;
    }
}
