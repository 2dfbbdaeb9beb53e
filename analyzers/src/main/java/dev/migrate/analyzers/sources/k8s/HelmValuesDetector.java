package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Values files for the PrefectHQ Helm charts: {@code prefect-agent} (root key {@code agent:}, removed with
 * Prefect 3) and {@code prefect-worker} (root key {@code worker:}). The chart is recognised by its values
 * shape: a {@code config} or {@code image.prefectTag} under the root key.
 */
public final class HelmValuesDetector implements Detector {
    @Override
    public String name() {
        return "helm-prefect-values";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("prefectTag", "workQueues", "workPool");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && n.contains("values");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        for (Node doc : YamlDocs.parse(file, sink)) {
            Node agent = YamlDocs.get(doc, "agent");
            if (isChartValues(agent)) {
                release(file, doc, agent, "agent", JobKind.PREFECT_AGENT, sink);
            }
            Node worker = YamlDocs.get(doc, "worker");
            if (isChartValues(worker)) {
                release(file, doc, worker, "worker", JobKind.PREFECT_WORKER, sink);
            }
        }
    }

    private static boolean isChartValues(Node root) {
        return YamlDocs.path(root, "image", "prefectTag") != null || YamlDocs.path(root, "config", "workPool") != null
                || YamlDocs.path(root, "config", "workQueues") != null;
    }

    private void release(ScanFile file, Node doc, Node root, String key, JobKind kind, InventorySink sink) {
        SourceRef where = YamlDocs.where(file, YamlDocs.keyNode(doc, key));
        Node config = YamlDocs.get(root, "config");
        String pool = YamlDocs.scalar(config, "workPool");
        String queues = YamlDocs.items(YamlDocs.get(config, "workQueues")).stream().map(YamlDocs::scalar)
                .collect(Collectors.joining(","));
        String tag = YamlDocs.scalar(root, "image", "prefectTag");
        String label = pool != null ? pool : queues.isEmpty() ? "default" : queues;
        JobBuilder job = new JobBuilder(file, kind, key + " " + label, where, "helm " + key + " " + label);
        job.attr("chart", "prefect-" + key).attr("workPool", pool).attr("workQueue", queues).attr("prefectTag", tag)
                .attr("workerType", YamlDocs.scalar(config, "type"))
                .attr("apiConfig", YamlDocs.scalar(root, "apiConfig"))
                .attr("apiUrl", YamlDocs.scalar(root, "serverApiConfig", "apiUrl"));
        String id = job.id();
        if (kind == JobKind.PREFECT_AGENT) {
            sink.finding(Findings.of("PF203", "prefect-agent Helm chart values; the chart was removed with Prefect 3, "
                    + "use the prefect-worker chart (`worker:` values) with a typed work pool", where, id));
        } else {
            sink.finding(Findings.of("PF291", "prefect-worker Helm chart for work pool '" + pool + "'", where, id));
        }
        if (tag != null && (tag.equals("2") || tag.startsWith("2-") || tag.startsWith("2."))) {
            sink.finding(Findings.of("PF208", "Helm values pin Prefect image tag " + tag,
                    YamlDocs.where(file, YamlDocs.path(root, "image", "prefectTag")), id));
        }
        sink.job(job.build());
    }
}
