package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.tree.Node;
import java.util.List;
import java.util.Map;

/**
 * One Prefect 1 flow of a module, as read before any edit.
 *
 * @param imperative  {@code flow = Flow(...)} plus {@code set_dependencies} rather than a {@code with} block
 * @param statement   the {@code with Flow(...)} statement, or the {@code flow = Flow(...)} assignment
 * @param variable    the name the Flow object is bound to
 * @param function    the name of the {@code @flow} function that replaces it
 * @param settings    schedule, executor, run_config, storage, ... from the Flow call and attribute assignments
 * @param settingStatements the {@code flow.<attr> = ...} statements (removed by the conversion)
 * @param registers   the {@code flow.register(...)} calls
 * @param runs        the {@code flow.run(...)} calls
 * @param blockers    why the flow cannot be converted (empty when it can)
 * @param dropped     Flow arguments without a Prefect 3 place, each with what to do
 * @param movedIn     module-level Parameter and secret-task assignments the block reads, which move into the flow
 *                    (see {@link ModuleTasks})
 */
public record Prefect1Flow(boolean imperative, Node statement, CallView flowCall, String name, String variable,
                           String function, List<FlowParameter> params, Map<String, Node> settings,
                           List<Node> settingStatements, List<Node> registers, List<Node> runs, List<String> blockers,
                           List<String> dropped, ImperativeGraph graph,
                           List<Node> movedIn) {
    public boolean convertible() {
        return blockers.isEmpty();
    }
}
