package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Releases of the prefect-agent chart declared for GitOps: a Flux HelmRelease ({@code spec.chart.spec.chart}, or a
 * {@code spec.chartRef} to an OCIRepository or HelmChart of the chart written in the repository; values under
 * {@code spec.values}, or read with {@code valuesFrom} from a ConfigMap or Secret written in the repository) or
 * an Argo CD Application ({@code spec.source} or {@code spec.sources[]}, values under {@code helm.valuesObject}, in
 * the {@code helm.values} string, given as {@code helm.parameters}, or in a file of the repository its
 * {@code helm.valueFiles} read as {@code $REF/path} through a source with {@code ref: REF}). Agent values found in any of these are an
 * agent release; without them, the chart is reported. A valuesFrom object may sit in another file: those releases
 * are settled once every file was seen ({@link #finish}), and so are releases whose chartRef names a source in another
 * file.
 */
final class HelmValuesGitOps {
    private static final Pattern INDEX = Pattern.compile("(.*)\\[(\\d+)]");

    /** A HelmRelease of the agent chart without inline agent values, waiting for the objects its valuesFrom reads. */
    private record Pending(ScanFile file, Node chart, String namespace, List<Ref> refs) {
    }

    private record Ref(String kind, String name, String valuesKey) {
    }

    /** The values string under one key of a ConfigMap's {@code data} or a Secret's {@code stringData}. */
    private record ValuesObject(ScanFile file, String kind, String namespace, String name, String key, Node value) {
    }

    /** A HelmRelease with a chartRef: of the agent chart when the source it names is (kind, namespace, name). */
    private record ChartRefRelease(ScanFile file, Node doc, Node name, String kind, String namespace, String chartName) {
    }

    /** An OCIRepository ({@code url: oci://.../prefect-agent}) or a HelmChart of the agent chart. */
    private record AgentSource(String kind, String namespace, String name) {
    }

    /** An Argo CD source of the agent chart without inline agent values, waiting for the value files it reads. */
    private record PendingArgo(ScanFile file, Node chart, List<String> valueFiles) {
    }

    /** Agent values at the root of a YAML file that is no values file by its name: a release's, if one reads it. */
    private record RootValues(ScanFile file, Node keyNode, Node agent) {
    }

    /**
     * A plain value file of an Argo CD path source ({@code helm.valueFiles} item {@code item} of {@code file}), with the
     * chart directory it is read from (with its slash) and the repository file it names (null: a URL, a {@code $REF/}
     * path, a path outside the repository).
     */
    record PathSourceValueFile(ScanFile file, Node item, String written, String chart, String inRepository) {
    }

    private final List<PendingArgo> pendingArgo = new ArrayList<>();
    /** Every value file path sources name, checked against the tree's files and umbrella charts at the end. */
    private final List<PathSourceValueFile> pathSourceValueFiles = new ArrayList<>();
    /** Repository files that single {@code path:} sources read as value files, each with those sources' chart directories. */
    private final Map<String, java.util.Set<String>> pathSourceFiles = new LinkedHashMap<>();
    /** Files whose root {@code agent:} holds agent chart values: reported already, or waiting in {@link #rootValues}. */
    private final java.util.Set<String> agentValuesFiles = new java.util.HashSet<>();
    private final Map<String, RootValues> rootValues = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<ValuesObject> objects = new ArrayList<>();
    private final List<ChartRefRelease> chartRefReleases = new ArrayList<>();
    private final List<AgentSource> agentSources = new ArrayList<>();

    /** Reads one document: a release of the agent chart, or a ConfigMap or Secret that may hold a release's values. */
    void scan(ScanFile file, Node doc, InventorySink sink) {
        String apiVersion = String.valueOf(YamlDocs.scalar(doc, "apiVersion"));
        String kind = YamlDocs.scalar(doc, "kind");
        if ("HelmRelease".equals(kind) && apiVersion.startsWith("helm.toolkit.fluxcd.io/")) {
            fluxRelease(file, doc, sink);
        } else if (apiVersion.startsWith("source.toolkit.fluxcd.io/") && isAgentSource(kind, doc)) {
            synchronized (this) {
                agentSources.add(new AgentSource(kind, YamlDocs.scalar(doc, "metadata", "namespace"),
                        YamlDocs.scalar(doc, "metadata", "name")));
            }
        } else if ("Application".equals(kind) && apiVersion.startsWith("argoproj.io/")) {
            List<Node> sources = new ArrayList<>(YamlDocs.items(YamlDocs.path(doc, "spec", "sources")));
            sources.add(YamlDocs.path(doc, "spec", "source"));
            for (Node source : sources) {
                argoSource(file, doc, source, sink);
            }
            pathSource(file, doc);
        } else if (("ConfigMap".equals(kind) || "Secret".equals(kind)) && !"null".equals(apiVersion)) {
            // a Secret's base64 data is not decoded: its values may hold the API key
            Node data = YamlDocs.get(doc, "ConfigMap".equals(kind) ? "data" : "stringData");
            for (Map.Entry<String, Node> e : YamlDocs.entries(data).entrySet()) {
                if (e.getValue() instanceof ScalarNode) {
                    synchronized (this) {
                        objects.add(new ValuesObject(file, kind, YamlDocs.scalar(doc, "metadata", "namespace"),
                                YamlDocs.scalar(doc, "metadata", "name"), e.getKey(), e.getValue()));
                    }
                }
            }
        }
    }

    /** An OCIRepository whose url ends in the agent chart's name, or a HelmChart of it; with a name. */
    private static boolean isAgentSource(String kind, Node doc) {
        if (YamlDocs.scalar(doc, "metadata", "name") == null) {
            return false;
        }
        if ("OCIRepository".equals(kind)) {
            String url = YamlDocs.scalar(doc, "spec", "url");
            return url != null && url.replaceAll("/+$", "").endsWith("/prefect-agent");
        }
        return "HelmChart".equals(kind) && "prefect-agent".equals(YamlDocs.scalar(doc, "spec", "chart"));
    }

    private void fluxRelease(ScanFile file, Node doc, InventorySink sink) {
        Node chart = YamlDocs.path(doc, "spec", "chart", "spec", "chart");
        if ("prefect-agent".equals(YamlDocs.scalar(chart))) {
            agentFluxRelease(file, doc, chart, sink);
            return;
        }
        Node ref = YamlDocs.path(doc, "spec", "chartRef");
        String kind = YamlDocs.scalar(ref, "kind");
        String name = YamlDocs.scalar(ref, "name");
        if (name != null && ("OCIRepository".equals(kind) || "HelmChart".equals(kind))) {
            String namespace = YamlDocs.scalar(ref, "namespace");
            synchronized (this) {
                chartRefReleases.add(new ChartRefRelease(file, doc, YamlDocs.get(ref, "name"), kind,
                        namespace != null ? namespace : YamlDocs.scalar(doc, "metadata", "namespace"), name));
            }
        }
    }

    /** A HelmRelease of the agent chart; {@code chart} places the finding when its values hold none. */
    private void agentFluxRelease(ScanFile file, Node doc, Node chart, InventorySink sink) {
        Node values = YamlDocs.path(doc, "spec", "values");
        if (agentValues(file, YamlDocs.keyNode(values, "agent"), YamlDocs.get(values, "agent"), "HelmRelease",
                n -> YamlDocs.where(file, n), sink)) {
            return;
        }
        List<Ref> refs = new ArrayList<>();
        for (Node item : YamlDocs.items(YamlDocs.path(doc, "spec", "valuesFrom"))) {
            String kind = YamlDocs.scalar(item, "kind");
            String valuesKey = YamlDocs.scalar(item, "valuesKey");
            if (("ConfigMap".equals(kind) || "Secret".equals(kind)) && YamlDocs.scalar(item, "targetPath") == null
                    && YamlDocs.scalar(item, "name") != null) {
                refs.add(new Ref(kind, YamlDocs.scalar(item, "name"), valuesKey == null ? "values.yaml" : valuesKey));
            }
        }
        if (refs.isEmpty()) {
            chartOnly(file, chart, "HelmRelease", sink);
        } else {
            synchronized (this) {
                pending.add(new Pending(file, chart, YamlDocs.scalar(doc, "metadata", "namespace"), refs));
            }
        }
    }

    /**
     * A YAML file's root agent values ({@code values} false: its name does not say it is a values file, and it is a
     * release only when an Argo CD source reads it); the detector reports those of a values file itself.
     */
    synchronized void rootAgentValues(ScanFile file, Node keyNode, Node agent, boolean values) {
        agentValuesFiles.add(file.path());
        if (!values) {
            rootValues.put(file.path(), new RootValues(file, keyNode, agent));
        }
    }

    private void argoSource(ScanFile file, Node application, Node source, InventorySink sink) {
        Node chart = YamlDocs.get(source, "chart");
        if (!"prefect-agent".equals(YamlDocs.scalar(chart))) {
            return;
        }
        Node valuesObject = YamlDocs.path(source, "helm", "valuesObject");
        Node valuesText = YamlDocs.path(source, "helm", "values");
        Node parameters = YamlDocs.path(source, "helm", "parameters");
        if (agentValues(file, YamlDocs.keyNode(valuesObject, "agent"), YamlDocs.get(valuesObject, "agent"), "Application",
                n -> YamlDocs.where(file, n), sink) || valuesText instanceof ScalarNode s && embedded(file, s, "Application", sink)) {
            return;
        }
        Node fromParameters = parameterValues(parameters);
        Node firstAgentParameter = YamlDocs.items(parameters).stream()
                .filter(p -> String.valueOf(YamlDocs.scalar(p, "name")).startsWith("agent.")).findFirst().orElse(null);
        if (fromParameters != null && firstAgentParameter != null && agentValues(file, firstAgentParameter,
                YamlDocs.get(fromParameters, "agent"), "Application", n -> YamlDocs.where(file, firstAgentParameter), sink)) {
            return;
        }
        List<String> valueFiles = new ArrayList<>();
        for (Node item : YamlDocs.items(YamlDocs.path(source, "helm", "valueFiles"))) {
            String path = fromRef(YamlDocs.scalar(item), application);
            if (path != null) {
                valueFiles.add(path);
            }
        }
        if (valueFiles.isEmpty()) {
            chartOnly(file, chart, "Application", sink);
        } else {
            synchronized (this) {
                pendingArgo.add(new PendingArgo(file, chart, valueFiles));
            }
        }
    }

    /**
     * The repository path of a value file read through another source of the Application ({@code $values/envs/a.yaml},
     * with a source that has {@code ref: values}, is {@code envs/a.yaml}); null for any other.
     */
    private static String fromRef(String valueFile, Node application) {
        List<Node> sources = new ArrayList<>(YamlDocs.items(YamlDocs.path(application, "spec", "sources")));
        sources.add(YamlDocs.path(application, "spec", "source"));
        return ArgoValueFilePaths.fromRef(valueFile, ref -> sources.stream().anyMatch(s -> ref.equals(YamlDocs.scalar(s, "ref"))));
    }

    /**
     * An Application's single {@code spec.source} that installs the chart in a directory of its git repository
     * ({@code path:}, no {@code chart:}): the repository files its plain value files name, each with that directory
     * (with its slash; "" for the root). Whether the directory is an umbrella chart of the agent chart is the
     * detector's to settle once every Chart.yaml was seen.
     */
    private void pathSource(ScanFile appFile, Node application) {
        Node source = YamlDocs.path(application, "spec", "source");
        if (YamlDocs.get(source, "chart") != null || YamlDocs.items(YamlDocs.path(application, "spec", "sources")).size() > 0) {
            return;
        }
        String chart = ArgoValueFilePaths.chartDirectory(YamlDocs.scalar(source, "path"));
        if (chart == null) {
            return;
        }
        for (Node item : YamlDocs.items(YamlDocs.path(source, "helm", "valueFiles"))) {
            String file = ArgoValueFilePaths.fromChart(YamlDocs.scalar(item), chart);
            synchronized (this) {
                if (file != null) {
                    pathSourceFiles.computeIfAbsent(file, f -> new java.util.HashSet<>()).add(chart.isEmpty() ? "" : chart + "/");
                }
                if (YamlDocs.scalar(item) != null) {
                    pathSourceValueFiles.add(new PathSourceValueFile(appFile, item, YamlDocs.scalar(item),
                            chart.isEmpty() ? "" : chart + "/", file));
                }
            }
        }
    }

    /**
     * PF203 for each value file of a path source into an umbrella chart of the agent chart ({@code umbrella}: its
     * directory, with its slash, depends on prefect-agent) that the tree does not hold ({@code listed} is false): a URL,
     * a {@code $REF/} path, a file outside the repository or missing from it. The subchart's values there are not moved
     * by the rewrite, which notes the same file. Read before {@link #finish}, which forgets them.
     */
    synchronized void missingUmbrellaValueFiles(java.util.function.Predicate<String> umbrella,
                                                java.util.function.Predicate<String> listed, InventorySink sink) {
        for (PathSourceValueFile v : pathSourceValueFiles) {
            if (umbrella.test(v.chart()) && (v.inRepository() == null || !listed.test(v.inRepository()))) {
                String chart = v.chart().isEmpty() ? "." : v.chart().substring(0, v.chart().length() - 1);
                sink.finding(Findings.of("PF203", "value file `" + v.written() + "` of the umbrella chart in " + chart
                        + ", which depends on the removed prefect-agent chart, is not in this repository: the rewrite "
                        + "cannot move the subchart's values there; under the subchart's key (`prefect-agent:` becomes "
                        + "`prefect-worker:`, an alias stays) move them from `agent:` to `worker:`",
                        YamlDocs.where(v.file(), v.item()), null));
            }
        }
    }

    /**
     * The chart directories (with their slash) of the path sources that read a file of the repository as values;
     * none when no such source names it. Read before {@link #finish}, which forgets them.
     */
    synchronized java.util.Set<String> pathSourceCharts(String file) {
        return pathSourceFiles.getOrDefault(file, java.util.Set.of());
    }

    /** HelmReleases whose valuesFrom objects hold agent values are agent releases; the others are reported as the chart. */
    synchronized void finish(InventorySink sink) {
        chartRefReleases.sort(Comparator.comparing((ChartRefRelease r) -> r.file().path())
                .thenComparing(r -> r.name().getStartMark().getIndex()));
        for (ChartRefRelease r : chartRefReleases) {
            boolean agent = agentSources.stream().anyMatch(s -> s.kind().equals(r.kind()) && s.name().equals(r.chartName())
                    && (s.namespace() == null || r.namespace() == null || s.namespace().equals(r.namespace())));
            if (agent) {
                agentFluxRelease(r.file(), r.doc(), r.name(), sink);
            }
        }
        chartRefReleases.clear();
        agentSources.clear();
        pendingArgo.sort(Comparator.comparing((PendingArgo p) -> p.file().path())
                .thenComparing(p -> p.chart().getStartMark().getIndex()));
        for (PendingArgo p : pendingArgo) {
            boolean found = false;
            for (String path : p.valueFiles()) {
                RootValues v = rootValues.get(path);
                if (v != null) {
                    HelmValuesDetector.release(v.file(), YamlDocs.where(v.file(), v.keyNode()), v.agent(), "agent",
                            JobKind.PREFECT_AGENT, "Application", n -> YamlDocs.where(v.file(), n), sink);
                    rootValues.remove(path); // one release, however many sources read the file
                }
                found |= agentValuesFiles.contains(path);
            }
            if (!found) {
                chartOnly(p.file(), p.chart(), "Application", sink);
            }
        }
        pendingArgo.clear();
        pathSourceFiles.clear();
        pathSourceValueFiles.clear();
        rootValues.clear();
        agentValuesFiles.clear();
        pending.sort(Comparator.comparing((Pending p) -> p.file().path()));
        for (Pending p : pending) {
            boolean found = false;
            for (Ref r : p.refs()) {
                for (ValuesObject o : objects) {
                    if (o.kind().equals(r.kind()) && r.name().equals(o.name()) && o.key().equals(r.valuesKey())
                            && (p.namespace() == null || o.namespace() == null || p.namespace().equals(o.namespace()))) {
                        found |= embedded(o.file(), (ScalarNode) o.value(), "HelmRelease", sink);
                    }
                }
            }
            if (!found) {
                chartOnly(p.file(), p.chart(), "HelmRelease", sink);
            }
        }
        pending.clear();
        objects.clear();
    }

    private static void chartOnly(ScanFile file, Node chart, String kind, InventorySink sink) {
        sink.finding(Findings.of("PF203", kind + " of the prefect-agent Helm chart; the chart was removed with "
                + "Prefect 3: install the prefect-worker chart with its values under `worker:`", YamlDocs.where(file, chart), null));
    }

    private static boolean agentValues(ScanFile file, Node keyNode, Node agent, String installedBy,
                                       Function<Node, SourceRef> whereOf, InventorySink sink) {
        if (!HelmValuesDetector.isChartValues(agent)) {
            return false;
        }
        HelmValuesDetector.release(file, whereOf.apply(keyNode), agent, "agent", JobKind.PREFECT_AGENT, installedBy, whereOf, sink);
        return true;
    }

    /**
     * Agent values written as a string ({@code values: |}): a literal block is read where it stands, re-indented
     * and on its own lines, so that its nodes carry the file's lines and columns; another style is read as it is and
     * placed at the string.
     */
    private static boolean embedded(ScanFile file, ScalarNode text, String installedBy, InventorySink sink) {
        String value = text.getValue();
        if (!value.contains("agent")) {
            return false;
        }
        boolean literal = text.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
        String doc = value;
        if (literal) {
            int first = text.getStartMark().getLine() + 1;
            String[] lines = file.text().split("\n", -1);
            String line = first < lines.length ? lines[first] : "";
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            doc = "\n".repeat(first) + value.lines().map(l -> l.isEmpty() ? l : indent + l)
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        List<Node> docs = YamlDocs.parse(file.withText(doc), new InventorySink() {
            @Override
            public void job(dev.migrate.analyzers.model.Job job) {
            }

            @Override
            public void finding(dev.migrate.analyzers.model.Finding finding) {
            }
        });
        if (docs.size() != 1) {
            return false;
        }
        Node root = docs.get(0);
        Function<Node, SourceRef> whereOf = literal ? n -> YamlDocs.where(file, n) : n -> YamlDocs.where(file, text);
        return agentValues(file, YamlDocs.keyNode(root, "agent"), YamlDocs.get(root, "agent"), installedBy, whereOf, sink);
    }

    /**
     * Argo CD parameters ({@code name: agent.config.workQueues[0]}, {@code value: etl}; a {@code {a,b}} value is a
     * list, as with {@code helm --set}) as the values mapping they set; null without any.
     */
    @SuppressWarnings("unchecked")
    private static Node parameterValues(Node parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Node p : YamlDocs.items(parameters)) {
            String name = YamlDocs.scalar(p, "name");
            String value = YamlDocs.scalar(p, "value");
            if (name == null || value == null) {
                continue;
            }
            Map<String, Object> at = values;
            String[] path = name.split("\\.");
            for (int i = 0; i < path.length; i++) {
                Matcher index = INDEX.matcher(path[i]);
                String key = index.matches() ? index.group(1) : path[i];
                boolean last = i == path.length - 1;
                if (index.matches() && last) {
                    Object list = at.computeIfAbsent(key, k -> new ArrayList<>());
                    if (list instanceof List<?> l) {
                        ((List<Object>) l).add(value);
                    }
                } else if (last) {
                    at.put(key, value.startsWith("{") && value.endsWith("}")
                            ? List.of(value.substring(1, value.length() - 1).split(",")) : value);
                } else if (at.computeIfAbsent(key, k -> new LinkedHashMap<>()) instanceof Map<?, ?> next) {
                    at = (Map<String, Object>) next;
                } else {
                    break;
                }
            }
        }
        return values.isEmpty() ? null : new org.yaml.snakeyaml.Yaml().represent(values);
    }
}
