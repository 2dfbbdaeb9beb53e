package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.sources.config.PrefectInvocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a unit running a Prefect 2 agent ({@code prefect agent start -q etl -q reports --pool ops}) polls, in the
 * attributes a compose or script agent has ({@code workQueue} comma-separated, {@code workPool}): without them the
 * worker the cutover plan starts in its place would poll the pool's default queue only, and the runs of the agent's
 * other queues would wait forever.
 */
final class PrefectAgentUnits {
    private PrefectAgentUnits() {
    }

    static Map<String, String> pollTargets(String command) {
        Map<String, String> out = new LinkedHashMap<>();
        if (command == null) {
            return out;
        }
        for (PrefectInvocation inv : PrefectInvocation.find(command)) {
            if (!inv.path().equals("agent start")) {
                continue;
            }
            List<String> queues = inv.options("--work-queue", "-q");
            if (!queues.isEmpty()) {
                out.put("workQueue", String.join(",", queues));
            }
            inv.option("--pool", "-p").ifPresent(p -> out.put("workPool", p));
            break;
        }
        return out;
    }
}
