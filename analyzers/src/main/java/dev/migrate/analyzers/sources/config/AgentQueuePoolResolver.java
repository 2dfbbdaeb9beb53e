package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.k8s.HelmValuesDetector;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pool a Prefect 2 agent's worker serves, in the agent's PF203: the typed pool the deployments of its work queues
 * move to ({@link QueuePools} over the scan's deployments, as the rewrite's worker command and the cutover checklist
 * read them), named after their infrastructure block. Only a detector that saw every file knows those deployments (a
 * Makefile builds them, a compose service runs the agent), so this pass completes the message once all are scanned.
 * An agent that names a pool of its own, polls no queue (every queue of its pool, or {@code --match}), or whose
 * queues' deployments are unknown keeps the message it has; so does one whose pool a script types
 * ({@link WorkPoolResolver}).
 */
public final class AgentQueuePoolResolver implements JobResolver {
    @Override
    public boolean wants(String path) {
        return false; // the jobs say it all
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        QueuePools pools = QueuePools.of(jobs);
        if (pools == QueuePools.NONE) {
            return;
        }
        String generic = PrefectCommandReport.agentMessage(null);
        for (Job agent : jobs) {
            if (agent.kind() != JobKind.PREFECT_AGENT || ownPool(agent)) {
                continue;
            }
            List<String> queues = queues(agent);
            List<DeploymentPool> moved = pools.movedTo(queues);
            if (moved.isEmpty()) {
                continue;
            }
            boolean chart = "prefect-agent".equals(agent.attributes().get("chart"));
            findings.replaceAll(f -> {
                if (!f.code().equals("PF203") || !agent.id().equals(f.jobId())) {
                    return f;
                }
                if (!chart && f.message().equals(generic)) {
                    return Findings.of("PF203", PrefectCommandReport.agentMessage(moved, queues), f.where(), f.jobId());
                }
                // the chart runs a Kubernetes worker: it serves the pool only when that is the one, of that type
                if (chart && f.message().equals(HelmValuesDetector.AGENT_VALUES_MESSAGE) && moved.size() == 1
                        && moved.get(0).type().equals("kubernetes")) {
                    return Findings.of("PF203", HelmValuesDetector.agentValuesMessage("on work pool `"
                            + moved.get(0).name() + "` (`config.workPool: " + moved.get(0).name() + "`, type kubernetes), "
                            + "the pool the deployments of workQueues " + String.join(", ", queues) + " move to, "
                            + (moved.get(0).standsIn() ? "standing in for the agent's default-agent-pool"
                            : "named after their infrastructure block")), f.where(), f.jobId());
                }
                return f;
            });
        }
    }

    /**
     * Whether the agent serves a pool of its own, not 2.x's default-agent-pool where agents without {@code --pool}
     * polled: the worker serves that pool (recreated typed), whatever its deployments' blocks.
     */
    private static boolean ownPool(Job agent) {
        String pool = agent.attributes().get("workPool");
        return agent.attributes().containsKey("workPoolType")
                || pool != null && !pool.isBlank() && !pool.equals(DeploymentPool.AGENT_POOL);
    }

    /**
     * The queues the agent polled: their values ({@link PrefectCommandReport#QUEUE_VALUES}) or its {@code workQueue}
     * attribute (command lines, compose services, chart values), else
     * the {@code -q} of the agent command it runs (a systemd unit's ExecStart); none for {@code --match}.
     */
    private static List<String> queues(Job agent) {
        // a queue named through a variable of one known value is that queue (-q $QUEUE, QUEUE: etl)
        String recorded = agent.attributes().getOrDefault(PrefectCommandReport.QUEUE_VALUES, agent.attributes().get("workQueue"));
        if (recorded == null && agent.command() != null) {
            Optional<PrefectInvocation> inv = PrefectInvocation.find(agent.command()).stream()
                    .filter(i -> i.path().equals("agent start")).findFirst();
            if (inv.isPresent() && inv.get().option("--pool", "-p").filter(p -> !p.equals(DeploymentPool.AGENT_POOL)).isPresent()) {
                return List.of(); // its own pool
            }
            recorded = inv.map(i -> String.join(",", i.options("--work-queue", "-q"))).orElse(null);
        }
        return recorded == null ? List.of() : Arrays.stream(recorded.split(",")).map(String::strip)
                .filter(q -> !q.isEmpty()).toList();
    }
}
