package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.tree.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project's Prefect 1 flows by name, read before any edit, and the Prefect 3 deployment each one gets from
 * the flow conversion. A flow run started by name ({@code create_flow_run(flow_name="child")},
 * {@code StartFlowRun(flow_name="child")}) targets a deployment in Prefect 3, and only the conversion knows its
 * name: a flow it deploys gets one deployment named after the flow ({@code "child/child"}). A flow the project does
 * not define, or defines without a deployment, has no name to write.
 */
public final class ProjectFlows {
    /** Flow name -> its deployment's full name, or null when it gets none (then {@link #why} says why). */
    private final Map<String, String> deployments = new HashMap<>();
    private final Map<String, String> why = new HashMap<>();

    /** Whether the conversion writes a deployment for {@code flow}: it registers or carries a deployment setting. */
    public static boolean deployed(Prefect1Flow flow) {
        return !flow.registers().isEmpty() || flow.settings().keySet().stream().anyMatch(k -> !k.equals("executor"));
    }

    /** Records the flows of one module of the project; {@code unsafe}: whether the run converts flows at all. */
    public void offer(String path, Node module, boolean unsafe) {
        for (Prefect1Flow flow : FlowAnalysis.of(module)) {
            if (flow.name() == null) {
                continue;
            }
            String reason = null;
            if (!flow.convertible()) {
                reason = "it is left as Prefect 1 code in " + path + " (see its PF102 note), so it has no deployment yet";
            } else if (!unsafe) {
                reason = "it becomes a flow with a deployment only with --unsafe-fixes";
            } else if (!deployed(flow)) {
                reason = "nothing in " + path + " registers it (flow.register, schedule, run config or storage), so the "
                        + "migration writes no deployment for it; add one (prefect.yaml or .deploy())";
            }
            if (reason == null) {
                deployments.put(flow.name(), flow.name() + "/" + flow.name());
                why.remove(flow.name());
            } else if (!deployments.containsKey(flow.name())) {
                why.put(flow.name(), reason);
            }
        }
    }

    /** {@code "<flow>/<deployment>"} of the deployment the migration writes for the flow named {@code flowName}. */
    public Optional<String> deploymentOf(String flowName) {
        return Optional.ofNullable(deployments.get(flowName));
    }

    /** Why the flow named {@code flowName} has no known deployment (when {@link #deploymentOf} is empty). */
    public String whyNone(String flowName) {
        return why.getOrDefault(flowName, "this project does not define it (no Flow(\"" + flowName + "\") in its modules)");
    }
}
