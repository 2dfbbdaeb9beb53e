package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Kubernetes workloads (Deployment, StatefulSet, DaemonSet, Pod, Job) whose containers run a Prefect agent, worker or
 * server, or deploy ({@link ContainerPrefectCommands}); a CronJob's are {@link CronJobDetector}'s, which knows its
 * schedule and reads a chart's templates with their values.
 */
public final class PrefectWorkloadDetector implements Detector {
    private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "Job", "ReplicaSet");

    @Override
    public String name() {
        return "k8s-prefect-workload";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("prefect");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && file.text().contains("apiVersion");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        for (Node obj : KubernetesObjects.of(file, sink, KINDS)) {
            workload(file, obj, sink);
        }
    }

    private void workload(ScanFile file, Node obj, InventorySink sink) {
        Node podSpec = "Pod".equals(YamlDocs.scalar(obj, "kind")) ? YamlDocs.get(obj, "spec")
                : YamlDocs.path(obj, "spec", "template", "spec");
        for (Node c : Containers.of(podSpec)) {
            ContainerPrefectCommands.report(file, obj, podSpec, c, null, sink);
        }
    }
}
