package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.PrefectCommandReport;
import dev.migrate.analyzers.sources.config.PrefectImages;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Kubernetes workloads (Deployment, StatefulSet, DaemonSet, Pod, Job) whose containers run a Prefect agent, worker or server. */
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

    /** The settings of a container whose command is no job of its own: its findings are its other commands' to say. */
    private static final InventorySink FINDINGS_ELSEWHERE = new InventorySink() {
        @Override
        public void job(dev.migrate.analyzers.model.Job job) {
        }

        @Override
        public void finding(dev.migrate.analyzers.model.Finding finding) {
        }
    };

    private void workload(ScanFile file, Node obj, InventorySink sink) {
        Node podSpec = "Pod".equals(YamlDocs.scalar(obj, "kind")) ? YamlDocs.get(obj, "spec")
                : YamlDocs.path(obj, "spec", "template", "spec");
        for (Node c : Containers.of(podSpec)) {
            String cmd = Containers.commandLine(c);
            // Point at whichever of command/args holds the prefect call.
            Node args = YamlDocs.get(c, "args");
            boolean inArgs = args != null && YamlDocs.commandLine(args).orElse("").contains("prefect");
            Node cmdNode = inArgs || YamlDocs.get(c, "command") == null ? args : YamlDocs.get(c, "command");
            SourceRef where = YamlDocs.where(file, cmdNode == null ? c : cmdNode);
            for (PrefectInvocation inv : PrefectInvocation.find(cmd)) {
                Optional<JobBuilder> job = PrefectCommandReport.report(file, inv, cmd, where, sink);
                if (job.isEmpty()) {
                    // `prefect deploy -n NAME` / `--all`: linked to the prefect.yaml entries it deploys, then dropped,
                    // with the container's environment (its default pool setting); the image's findings are no job's
                    PrefectCommandReport.selection(file, inv, cmd, where).ifPresent(b -> {
                        Containers.env(file, c, b, FINDINGS_ELSEWHERE);
                        sink.job(b.build());
                    });
                }
                job.ifPresent(b -> {
                    String image = YamlDocs.scalar(c, "image");
                    b.attr("workload", YamlDocs.scalar(obj, "kind") + "/" + YamlDocs.scalar(obj, "metadata", "name"))
                            .attr("namespace", YamlDocs.scalar(obj, "metadata", "namespace")).attr("image", image)
                            .user(Containers.user(podSpec, c)).workingDir(YamlDocs.scalar(c, "workingDir"));
                    Containers.env(file, c, b, sink);
                    if (image != null) {
                        PrefectImages.check(image, YamlDocs.where(file, YamlDocs.get(c, "image")), b.id(), sink);
                    }
                    sink.job(b.build());
                });
            }
        }
    }
}
