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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Values files for the PrefectHQ Helm charts: {@code prefect-agent} (root key {@code agent:}, removed with
 * Prefect 3) and {@code prefect-worker} (root key {@code worker:}). The chart is recognised by its values
 * shape: a {@code config} or {@code image.prefectTag} under the root key. An umbrella chart that uses the agent
 * chart as a subchart depends on it in its {@code Chart.yaml} and keeps its values under {@code prefect-agent:}
 * ({@code prefect-agent.agent.config...}), or under the dependency's {@code alias}, which only that Chart.yaml names:
 * values under an alias are read once every file was seen ({@link #finish}).
 */
public final class HelmValuesDetector implements Detector {
    /** Aliases of prefect-agent dependencies, by chart directory (with its slash). */
    private final Map<String, Set<String>> aliasesByChart = new HashMap<>();
    /** Values files' top-level keys holding agent chart values under another name, waiting for the aliases. */
    private final List<AliasedValues> aliasCandidates = new ArrayList<>();

    private record AliasedValues(ScanFile file, String key, Node subchart) {
    }

    @Override
    public String name() {
        return "helm-prefect-values";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("prefectTag", "workQueues", "workPool", "prefect-agent");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        // any manifest may be a Flux HelmRelease or an Argo CD Application of the agent chart
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        if (file.fileName().equals("Chart.yaml")) {
            for (Node doc : YamlDocs.parse(file, sink)) {
                agentDependencies(file, doc, sink);
            }
            return;
        }
        if (!file.fileName().contains("values")) {
            for (Node doc : YamlDocs.parse(file, sink)) {
                gitOpsReleases(file, doc, sink);
            }
            return;
        }
        for (Node doc : YamlDocs.parse(file, sink)) {
            Node agent = YamlDocs.get(doc, "agent");
            if (isChartValues(agent)) {
                release(file, YamlDocs.keyNode(doc, "agent"), agent, "agent", JobKind.PREFECT_AGENT, null, sink);
            }
            // the agent chart as the subchart of an umbrella chart: its values under the subchart's name
            Node subchart = YamlDocs.get(doc, "prefect-agent");
            Node subchartAgent = YamlDocs.get(subchart, "agent");
            if (isChartValues(subchartAgent)) {
                release(file, YamlDocs.keyNode(subchart, "agent"), subchartAgent, "agent", JobKind.PREFECT_AGENT, "subchart",
                        sink);
            }
            for (Map.Entry<String, Node> top : YamlDocs.entries(doc).entrySet()) {
                if (!Set.of("agent", "worker", "prefect-agent").contains(top.getKey())
                        && isChartValues(YamlDocs.get(top.getValue(), "agent"))) {
                    synchronized (this) {
                        aliasCandidates.add(new AliasedValues(file, top.getKey(), top.getValue()));
                    }
                }
            }
            Node worker = YamlDocs.get(doc, "worker");
            if (isChartValues(worker)) {
                release(file, YamlDocs.keyNode(doc, "worker"), worker, "worker", JobKind.PREFECT_WORKER, null, sink);
            }
        }
    }

    /**
     * Releases of the agent chart declared for GitOps: a Flux HelmRelease ({@code spec.chart.spec.chart}, values
     * under {@code spec.values}) or an Argo CD Application ({@code spec.source} or {@code spec.sources[]}, values
     * under {@code helm.valuesObject}). Inline agent values are an agent release; without them, the chart is reported.
     */
    private void gitOpsReleases(ScanFile file, Node doc, InventorySink sink) {
        String apiVersion = String.valueOf(YamlDocs.scalar(doc, "apiVersion"));
        String kind = YamlDocs.scalar(doc, "kind");
        List<Node[]> releases = new ArrayList<>(); // {chart scalar, values mapping}
        if ("HelmRelease".equals(kind) && apiVersion.startsWith("helm.toolkit.fluxcd.io/")) {
            releases.add(new Node[] {YamlDocs.path(doc, "spec", "chart", "spec", "chart"), YamlDocs.path(doc, "spec", "values")});
        } else if ("Application".equals(kind) && apiVersion.startsWith("argoproj.io/")) {
            List<Node> sources = new ArrayList<>(YamlDocs.items(YamlDocs.path(doc, "spec", "sources")));
            sources.add(YamlDocs.path(doc, "spec", "source"));
            for (Node source : sources) {
                releases.add(new Node[] {YamlDocs.get(source, "chart"), YamlDocs.path(source, "helm", "valuesObject")});
            }
        }
        for (Node[] release : releases) {
            if (!"prefect-agent".equals(YamlDocs.scalar(release[0]))) {
                continue;
            }
            Node agent = YamlDocs.get(release[1], "agent");
            if (isChartValues(agent)) {
                release(file, YamlDocs.keyNode(release[1], "agent"), agent, "agent", JobKind.PREFECT_AGENT, kind, sink);
            } else {
                sink.finding(Findings.of("PF203", kind + " of the prefect-agent Helm chart; the chart was removed with "
                        + "Prefect 3: install the prefect-worker chart with its values under `worker:`",
                        YamlDocs.where(file, release[0]), null));
            }
        }
    }

    /** Agent chart values under an alias of a prefect-agent dependency in their directory's Chart.yaml. */
    @Override
    public synchronized void finish(InventorySink sink) {
        aliasCandidates.sort(Comparator.comparing((AliasedValues a) -> a.file().path()).thenComparing(AliasedValues::key));
        for (AliasedValues a : aliasCandidates) {
            if (aliasesByChart.getOrDefault(directoryOf(a.file()), Set.of()).contains(a.key())) {
                Node agent = YamlDocs.get(a.subchart(), "agent");
                release(a.file(), YamlDocs.keyNode(a.subchart(), "agent"), agent, "agent", JobKind.PREFECT_AGENT, "subchart",
                        sink);
            }
        }
        aliasCandidates.clear();
        aliasesByChart.clear();
    }

    private static String directoryOf(ScanFile file) {
        return file.path().substring(0, file.path().length() - file.fileName().length());
    }

    /** PF203 for each {@code dependencies:} item of a Chart.yaml on the published prefect-agent chart. */
    private void agentDependencies(ScanFile file, Node doc, InventorySink sink) {
        for (Node dependency : YamlDocs.items(YamlDocs.get(doc, "dependencies"))) {
            String repository = YamlDocs.scalar(dependency, "repository");
            // a file:// dependency is a local copy of the chart, its owner's to maintain
            if (!"prefect-agent".equals(YamlDocs.scalar(dependency, "name"))
                    || repository != null && repository.startsWith("file://")) {
                continue;
            }
            String alias = YamlDocs.scalar(dependency, "alias");
            if (alias != null) {
                synchronized (this) {
                    aliasesByChart.computeIfAbsent(directoryOf(file), d -> new HashSet<>()).add(alias);
                }
            }
            String valuesKey = alias == null ? "prefect-agent" : alias;
            String version = YamlDocs.scalar(dependency, "version");
            sink.finding(Findings.of("PF203", "Helm chart dependency on prefect-agent" + (version == null ? "" : " " + version)
                    + "; the chart was removed with Prefect 3: depend on the prefect-worker chart and move the `" + valuesKey
                    + ".agent` values to `" + (alias == null ? "prefect-worker" : alias) + ".worker`",
                    YamlDocs.where(file, YamlDocs.get(dependency, "name")), null));
        }
    }

    private static boolean isChartValues(Node root) {
        return YamlDocs.path(root, "image", "prefectTag") != null || YamlDocs.path(root, "config", "workPool") != null
                || YamlDocs.path(root, "config", "workQueues") != null;
    }

    /**
     * An agent or worker release from its values; {@code installedBy} says what installs a chart other than a values
     * file's own ({@code subchart} of an umbrella chart, a Flux {@code HelmRelease}, an Argo CD {@code Application}),
     * which the cutover plan names the recipe by.
     */
    private void release(ScanFile file, Node keyNode, Node root, String key, JobKind kind, String installedBy,
                         InventorySink sink) {
        SourceRef where = YamlDocs.where(file, keyNode);
        Node config = YamlDocs.get(root, "config");
        String pool = YamlDocs.scalar(config, "workPool");
        String queues = YamlDocs.items(YamlDocs.get(config, "workQueues")).stream().map(YamlDocs::scalar)
                .collect(Collectors.joining(","));
        String tag = YamlDocs.scalar(root, "image", "prefectTag");
        String label = pool != null ? pool : queues.isEmpty() ? "default" : queues;
        JobBuilder job = new JobBuilder(file, kind, key + " " + label, where, "helm " + key + " " + label);
        job.attr("chart", "prefect-" + key).attr("chartInstalledBy", installedBy).attr("workPool", pool).attr("workQueue", queues).attr("prefectTag", tag)
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
