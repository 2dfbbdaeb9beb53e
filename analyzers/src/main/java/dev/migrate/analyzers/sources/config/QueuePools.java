package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed work pools that the Prefect 2 deployments of each work queue move to ({@link DeploymentPool#of(Job)}),
 * across the files of a project: a 2.x agent polling queue {@code etl} ran the runs of every deployment on that queue,
 * whatever block each named; a Prefect 3 worker serves one pool. The worker replacing the agent serves the pool those
 * deployments moved to when they all moved to one; when they moved to several, one worker per pool is needed.
 */
public final class QueuePools {
    public static final QueuePools NONE = new QueuePools(Map.of());

    /** Per queue, the pools its deployments move to, in the order the deployments were given. */
    private final Map<String, Set<DeploymentPool>> byQueue;

    private QueuePools(Map<String, Set<DeploymentPool>> byQueue) {
        this.byQueue = byQueue;
    }

    /** The pools of the 2.x deployments among {@code jobs} (the scan's jobs, any kinds). */
    public static QueuePools of(Collection<Job> jobs) {
        Map<String, Set<DeploymentPool>> out = new LinkedHashMap<>();
        for (Job j : jobs) {
            DeploymentPool.of(j).ifPresent(p -> out.computeIfAbsent(DeploymentPool.queueOf(j), q -> new LinkedHashSet<>()).add(p));
        }
        return out.isEmpty() ? NONE : new QueuePools(out);
    }

    /**
     * Whether the pools of any queue's deployments are known: without any, a worker serves the pool standing in for
     * default-agent-pool whatever queues it polls.
     */
    public boolean isEmpty() {
        return byQueue.isEmpty();
    }

    /**
     * The pools the deployments of {@code queues} move to, in order, none repeated. Empty when no deployment of those
     * queues is known, and for no queue: an agent that named none polled every queue of its pool, or those matching a
     * prefix ({@code --match}), which a worker cannot.
     */
    public List<DeploymentPool> movedTo(List<String> queues) {
        Set<DeploymentPool> out = new LinkedHashSet<>();
        queues.forEach(q -> out.addAll(byQueue.getOrDefault(q, Set.of())));
        return new ArrayList<>(out);
    }

    /** The one pool the deployments of {@code queues} all move to, if they agree on one. */
    public Optional<DeploymentPool> agreed(List<String> queues) {
        List<DeploymentPool> pools = movedTo(queues);
        return pools.size() == 1 ? Optional.of(pools.get(0)) : Optional.empty();
    }
}
