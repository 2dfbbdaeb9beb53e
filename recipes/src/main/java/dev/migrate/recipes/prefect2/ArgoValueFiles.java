package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.k8s.ArgoValueFilePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The {@code helm.valueFiles} of an Argo CD source of the agent chart. Argo CD reads a plain path from inside the chart
 * it installs and a URL from the web; a path that starts with {@code $REF/} reads the repository of the Application's
 * source that has {@code ref: REF} (several sources, Argo CD 2.6+), from its root. Such a path that names a file of
 * this repository is a values file of the agent release, moved as values files are; any other is made outside it.
 *
 * <p>A single {@code source} with a git {@code path:} and no {@code chart:} installs the chart in that directory, and
 * its plain value files are relative to it ({@code ../../envs/prod/values.yaml}). When that directory is a chart of
 * this repository depending on the agent chart (an umbrella chart), the files named are the umbrella chart's values:
 * the subchart's key ({@code prefect-agent:}, or its alias) moves as {@link MigrateHelmAgentSubchartToWorker} moves it
 * in the chart's own files. Those inside the chart directory are that recipe's already; the ones outside, which it can
 * only take by the unaliased key, are followed here. Filled while scanning, read while editing.
 *
 * <p>A work pool is read wherever these values name it: in block or flow mappings ({@code agent: {config: {workPool:
 * etl}}}) of a values file, and in the Application's own {@code helm.values} string, {@code helm.valuesObject} and
 * {@code helm.parameters}, which Argo CD merges over every value file: a value file whose every reader names the pool
 * there is merged under a pool, and takes no stand-in one.
 */
final class ArgoValueFiles {
    /** Files of the repository (paths from its root) that agent sources read with {@code $REF/path}. */
    final Set<String> inRepository = new HashSet<>();
    /** Every YAML file of the run, and those of them whose top-level {@code agent:} holds agent chart values. */
    final Set<String> files = new HashSet<>();
    final Set<String> withAgentValues = new HashSet<>();
    /** The {@code $REF/path} files named, whether in the repository or not. */
    private final Set<String> named = new HashSet<>();
    /** Each {@code $REF/path} file, with whether each agent source reading it names the pool in its own values. */
    private final Map<String, List<Boolean>> namedPoolInline = new HashMap<>();
    /** Chart directories whose dependency file depends on the agent chart: the subchart's values key, old to new. */
    private final Map<String, Map<String, String>> subchartKeys = new HashMap<>();
    /** Chart directories whose dependency on the worker chart an earlier run made of one on the agent chart. */
    private final Set<String> migratedUmbrellaCharts = new HashSet<>();
    /** Chart directories whose values.yaml names a work pool under some top-level key: those keys. */
    private final Map<String, Set<String>> poolKeys = new HashMap<>();
    /** Repository files that single sources' {@code path:} charts read as value files, each with those sources. */
    private final Map<String, List<PathReader>> namedByPath = new HashMap<>();

    /** A path source reading a value file: its chart's directory, and the top-level keys its own values name a pool under. */
    private record PathReader(String chart, Set<String> inlinePoolKeys) {
    }

    /** Records a YAML document: its file, its agent values, and the value files an Application's agent sources read. */
    void scan(Yaml.Document doc, Path file) {
        String path = file.toString().replace('\\', '/');
        files.add(path);
        if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
            return;
        }
        String dir = HelmChartDependencies.directoryOf(file);
        if (HelmChartDependencies.isDependencyFile(file)) {
            HelmChartDependencies.dependencies(doc).stream().filter(HelmChartDependencies::isAgentDependency)
                    .map(HelmChartDependencies::valuesKey)
                    .forEach(k -> subchartKeys.computeIfAbsent(dir, d -> new HashMap<>()).put(k.getKey(), k.getValue()));
            if (HelmChartDependencies.dependencies(doc).stream().anyMatch(d -> HelmChartDependencies.isWorkerDependency(d)
                    && HelmAgentValues.isWrittenRange(FluxValuesFrom.scalar(d, "version")))) {
                migratedUmbrellaCharts.add(dir);
            }
        }
        if (file.getFileName().toString().matches("values\\.ya?ml")) {
            top.getEntries().stream().filter(e -> namesPool(e.getValue()))
                    .forEach(e -> poolKeys.computeIfAbsent(dir, d -> new HashSet<>()).add(e.getKey().getValue()));
        }
        Yaml.Mapping pathSource = pathSource(top);
        if (pathSource != null) {
            String chart = chartDirectory(pathSource);
            Set<String> inlinePoolKeys = InlineHelmValues.poolKeys(pathSource);
            for (Yaml.Sequence.Entry item : valueFiles(pathSource)) {
                String inRepo = item.getBlock() instanceof Yaml.Scalar s ? fromChart(s.getValue(), chart) : null;
                if (inRepo != null) {
                    namedByPath.computeIfAbsent(inRepo, f -> new ArrayList<>()).add(new PathReader(chart, inlinePoolKeys));
                }
            }
        }
        if (HelmAgentValues.isAgentChartValues(FluxValuesFrom.get(top, "agent"))) {
            withAgentValues.add(path);
        }
        for (Yaml.Mapping source : agentSources(top)) {
            boolean poolInline = InlineHelmValues.namesChartPool(source);
            for (Yaml.Sequence.Entry item : valueFiles(source)) {
                String inRepo = item.getBlock() instanceof Yaml.Scalar s ? fromRef(s.getValue(), top) : null;
                if (inRepo != null) {
                    named.add(inRepo);
                    namedPoolInline.computeIfAbsent(inRepo, f -> new ArrayList<>()).add(poolInline);
                }
            }
        }
    }

    /** {@link #valuesFiles}, worked out once the scan is over. */
    private Set<String> valuesFiles;

    /** The files named with {@code $REF/path} that the run holds. */
    synchronized Set<String> valuesFiles() {
        if (valuesFiles == null) {
            valuesFiles = new HashSet<>(named);
            valuesFiles.retainAll(files);
        }
        return valuesFiles;
    }

    /**
     * True when every agent source that reads the {@code $REF/path} file names the work pool in its own
     * {@code helm.values}, {@code valuesObject} or {@code parameters}, which Argo CD merges over the file's values.
     */
    synchronized boolean poolSetOver(String valuesFile) {
        List<Boolean> readers = namedPoolInline.getOrDefault(valuesFile, List.of());
        return !readers.isEmpty() && readers.stream().allMatch(b -> b);
    }

    /** {@link #subchartValuesFiles}, worked out once the scan is over. */
    private Map<String, SubchartValues> subchartValuesFiles;

    /**
     * Values a path source's umbrella chart reads from a file outside its directory: the subchart's keys (old to new)
     * and whether, for every source reading it, the chart's values.yaml (which Helm merges first) or the source's own
     * values (which Argo CD merges last) name the subchart's work pool.
     */
    record SubchartValues(Map<String, String> keys, boolean poolSetElsewhere) {
    }

    /** The files of the run that single path sources of umbrella charts read from outside the chart directory. */
    synchronized Map<String, SubchartValues> subchartValuesFiles() {
        if (subchartValuesFiles == null) {
            subchartValuesFiles = new HashMap<>();
            namedByPath.forEach((file, readers) -> {
                Map<String, String> keys = new LinkedHashMap<>();
                // a release whose pool nothing names gets the stand-in (or the note) from this file
                boolean pool = true;
                for (PathReader reader : readers) {
                    String chart = reader.chart();
                    if (subchartKeys.containsKey(chart) && files.contains(file) && !inside(file, chart)) {
                        keys.putAll(subchartKeys.get(chart));
                        pool &= subchartKeys.get(chart).keySet().stream().anyMatch(k -> reader.inlinePoolKeys().contains(k)
                                || poolKeys.getOrDefault(chart, Set.of()).contains(k));
                    }
                }
                if (!keys.isEmpty()) {
                    subchartValuesFiles.put(file, new SubchartValues(keys, pool));
                }
            });
        }
        return subchartValuesFiles;
    }

    /** True when the path source's directory is a chart of this repository that depends on the agent chart. */
    synchronized boolean isUmbrellaChart(String chartDirectory) {
        return subchartKeys.containsKey(chartDirectory);
    }

    /**
     * True when the path source's directory is a chart of this repository whose worker dependency is at the range an
     * earlier run wrote for its agent dependency: the value files it could not move are reported again.
     */
    synchronized boolean isMigratedUmbrellaChart(String chartDirectory) {
        return migratedUmbrellaCharts.contains(chartDirectory);
    }

    private static boolean inside(String file, String directory) {
        return directory.isEmpty() || file.startsWith(directory + "/");
    }

    /**
     * The single {@code spec.source} of an Argo CD Application that installs a chart from a directory of its git
     * repository ({@code path:}, no {@code chart:}), or null.
     */
    static Yaml.Mapping pathSource(Yaml.Mapping application) {
        List<Yaml.Mapping> sources = sources(application);
        if (sources.size() != 1) {
            return null;
        }
        // the one source is spec.source, not a lone item of spec.sources
        Yaml.Mapping only = sources.get(0);
        Yaml.Mapping spec = (Yaml.Mapping) FluxValuesFrom.get(application, "spec");
        return FluxValuesFrom.get(spec, "source") == only && FluxValuesFrom.scalar(only, "path") != null
                && FluxValuesFrom.get(only, "chart") == null ? only : null;
    }

    /** The repository directory of a path source's chart ("" for the root), or null when it leaves the repository. */
    static String chartDirectory(Yaml.Mapping pathSource) {
        return ArgoValueFilePaths.chartDirectory(FluxValuesFrom.scalar(pathSource, "path"));
    }

    /** {@link ArgoValueFilePaths#fromChart}, which the scan follows too. */
    static String fromChart(String valueFile, String chartDirectory) {
        return ArgoValueFilePaths.fromChart(valueFile, chartDirectory);
    }

    /** True when a values entry names a non-blank {@code agent.config.workPool}, in block or flow mappings. */
    private static boolean namesPool(Yaml.Block values) {
        return InlineHelmValues.namesPool(FlowMappingText.plain(values));
    }

    /** {@link ArgoValueFilePaths#fromRef} with the refs of this Application's sources, as the scan resolves them. */
    static String fromRef(String valueFile, Yaml.Mapping application) {
        return ArgoValueFilePaths.fromRef(valueFile,
                ref -> sources(application).stream().anyMatch(s -> ref.equals(FluxValuesFrom.scalar(s, "ref"))));
    }

    /** The sources of an Argo CD Application ({@code spec.source} and {@code spec.sources} items) of the agent chart. */
    static List<Yaml.Mapping> agentSources(Yaml.Mapping top) {
        return sources(top).stream().filter(s -> "prefect-agent".equals(FluxValuesFrom.scalar(s, "chart"))).toList();
    }

    /** The {@code helm.valueFiles} items of a source, or none. */
    static List<Yaml.Sequence.Entry> valueFiles(Yaml.Mapping source) {
        return FluxValuesFrom.get(source, "helm") instanceof Yaml.Mapping helm
                && FluxValuesFrom.get(helm, "valueFiles") instanceof Yaml.Sequence files ? files.getEntries() : List.of();
    }

    private static List<Yaml.Mapping> sources(Yaml.Mapping top) {
        String apiVersion = FluxValuesFrom.scalar(top, "apiVersion");
        List<Yaml.Mapping> out = new ArrayList<>();
        if (!"Application".equals(FluxValuesFrom.scalar(top, "kind")) || apiVersion == null
                || !apiVersion.startsWith("argoproj.io/") || !(FluxValuesFrom.get(top, "spec") instanceof Yaml.Mapping spec)) {
            return out;
        }
        if (FluxValuesFrom.get(spec, "source") instanceof Yaml.Mapping single) {
            out.add(single);
        }
        if (FluxValuesFrom.get(spec, "sources") instanceof Yaml.Sequence many) {
            many.getEntries().stream().filter(e -> e.getBlock() instanceof Yaml.Mapping).forEach(e -> out.add((Yaml.Mapping) e.getBlock()));
        }
        return out;
    }
}
