package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.ProjectPaths;
import dev.migrate.recipes.internal.YamlPositions;
import dev.migrate.recipes.prefectcli.DeploymentQueues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The removed {@code prefect-agent} chart used as a subchart of an umbrella chart: the dependency in its
 * {@code Chart.yaml} (or the {@code requirements.yaml} of an apiVersion v1 chart) becomes {@code prefect-worker} from
 * the same repository, its {@code condition} and {@code import-values} paths follow the subchart's values, and in the
 * umbrella chart's values files the subchart's key ({@code prefect-agent:}, or the dependency's alias, which is kept)
 * becomes {@code prefect-worker:}, its {@code agent:} mapping moved to {@code worker:} as {@link HelmAgentValues}
 * moves it. A values file is the umbrella chart's when it sits anywhere in the chart's directory outside
 * {@code templates/}, {@code crds/} and {@code charts/} ({@code values/prod.yaml}, {@code ci/prod-values.yaml}) and no
 * nearer Chart.yaml claims it; outside every chart ({@code environments/prod/values.yaml}, passed with {@code -f}),
 * only the unaliased {@code prefect-agent:} key holding agent values is taken, as only that name says which chart it
 * configures. A dependency on a local copy of the chart ({@code file://}) is the owner's fork and left alone; a lock
 * file and a vendored {@code charts/prefect-agent-*.tgz} get a note ({@code helm dependency update} replaces both),
 * which a later run repeats at the {@code prefect-worker} dependency for as long as the lock still pins the agent chart
 * or the archive is there: the edit is made once, the step it leaves is reported until someone takes it.
 * Dependency {@code tags} are names the umbrella chart's {@code tags:} values switch, not values paths: they stay.
 */
public class MigrateHelmAgentSubchartToWorker extends ScanningRecipe<MigrateHelmAgentSubchartToWorker.Found> {
    /** In a chart's charts/ directory: the archive Helm fetched of the agent chart, or the chart unpacked. */
    private static final Pattern VENDORED_AGENT = Pattern.compile("prefect-agent-[^/]*\\.tgz|prefect-agent/Chart\\.yaml");
    private static final Set<String> NOT_VALUES_DIRS = Set.of("templates/", "crds/", "charts/");
    /** A lock file's {@code dependencies:} item on the agent chart ({@code - name: prefect-agent}). */
    private static final Pattern LOCKED_AGENT = Pattern.compile("(?m)^\\s*-?\\s*name:\\s*[\"']?prefect-agent[\"']?\\s*$");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    /** Chart directories, each agent subchart's values key and the key it gets by chart, lock files and vendored copies. */
    public static class Found {
        final Set<String> charts = new HashSet<>();
        final Map<String, Map<String, String>> valuesKeys = new HashMap<>();
        final Set<String> files = new HashSet<>();
        /** Chart directories whose own values.yaml names the agent subchart's work pool, which overlays inherit. */
        final Set<String> defaultPools = new HashSet<>();
        /** Lock files read in the run, each with whether it still pins the agent chart. */
        final Map<String, Boolean> locksPinningAgent = new HashMap<>();
        /**
         * Values files that Argo CD path sources of a chart read ({@code helm.valueFiles}), each with its readers: the
         * chart's directory and the keys under which the source's own values (merged over the file) name a pool.
         */
        final Map<String, List<Map.Entry<String, Set<String>>>> argoReaders = new HashMap<>();
    }

    @Override
    public String getDisplayName() {
        return "Migrate a prefect-agent Helm subchart to prefect-worker";
    }

    @Override
    public String getDescription() {
        return "Replaces an umbrella chart's dependency on the removed `prefect-agent` chart with the `prefect-worker` "
                + "chart (a version that reads the migrated values), and moves the subchart's values in the umbrella "
                + "chart's values files: `prefect-agent:` becomes `prefect-worker:` (an alias is kept) and its "
                + "`agent:` values become `worker:` values.";
    }

    @Override
    public Found getInitialValue(ExecutionContext ctx) {
        return new Found();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Found acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!(tree instanceof SourceFile source)) {
                    return tree;
                }
                Path path = source.getSourcePath();
                // the run's deployments by work queue, which choose the pool of the agent's worker
                DeploymentQueues.in(ctx).scan(source);
                acc.files.add(path.toString().replace('\\', '/'));
                if (HelmChartDependencies.isLockFile(path)) {
                    acc.locksPinningAgent.put(path.toString().replace('\\', '/'),
                            LOCKED_AGENT.matcher(source.printAll()).find());
                }
                if (path.getFileName().toString().equals("Chart.yaml")) {
                    acc.charts.add(HelmChartDependencies.directoryOf(path));
                }
                if (tree instanceof Yaml.Documents docs && path.getFileName().toString().matches("values\\.ya?ml")
                        && docs.getDocuments().stream().anyMatch(MigrateHelmAgentSubchartToWorker::namesAgentPool)) {
                    acc.defaultPools.add(HelmChartDependencies.directoryOf(path));
                }
                if (tree instanceof Yaml.Documents docs) {
                    docs.getDocuments().forEach(d -> readArgoPathSource(d, acc));
                }
                if (tree instanceof Yaml.Documents docs && HelmChartDependencies.isDependencyFile(path)) {
                    Map<String, String> keys = HelmChartDependencies.valuesKeys(docs);
                    if (!keys.isEmpty()) {
                        acc.valuesKeys.computeIfAbsent(HelmChartDependencies.directoryOf(path), d -> new LinkedHashMap<>())
                                .putAll(keys);
                    }
                }
                return tree;
            }
        };
    }

    /** A project file, as the engine listed it (binary files too) or as a source of the run. */
    private static boolean exists(Found acc, String path, ExecutionContext ctx) {
        return acc.files.contains(path) || ProjectPaths.from(ctx).map(p -> p.contains(path)).orElse(false);
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Mapping visitMapping(Yaml.Mapping mapping, ExecutionContext ctx) {
                Yaml.Mapping m = super.visitMapping(mapping, ctx);
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                if (!HelmChartDependencies.isDependencyFile(path) || !isDependencyItem(getCursor())) {
                    return m;
                }
                if (HelmChartDependencies.isAgentDependency(m)) {
                    return toWorkerDependency(m, path, ctx);
                }
                if (HelmChartDependencies.isWorkerDependency(m)
                        && !acc.valuesKeys.containsKey(HelmChartDependencies.directoryOf(path))) {
                    // a run after the one that made this dependency: the steps it left are still to take
                    stepsLeft(m, path, true, ctx);
                }
                return m;
            }

            @Override
            public Yaml.Sequence.Entry visitSequenceEntry(Yaml.Sequence.Entry entry, ExecutionContext ctx) {
                Yaml.Sequence.Entry e = super.visitSequenceEntry(entry, ctx);
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                // rewrite-yaml reads a flow mapping inside a flow sequence ([{name: ..}]) as one opaque scalar
                if (HelmChartDependencies.isDependencyFile(path) && e.getBlock() instanceof Yaml.Scalar s
                        && s.getValue().startsWith("{")
                        && s.getValue().matches("(?s).*\\bname\\s*:\\s*[\"']?" + HelmChartDependencies.AGENT_CHART + "\\b.*")
                        && isDependencyItem(new Cursor(getCursor(), s))) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), YamlPositions.lineOf(getCursor(), e),
                            getName(), true, "the dependency on the removed prefect-agent chart is written inline, which "
                            + "this rewrite cannot edit: write it as a block mapping and rerun, or replace it by hand with "
                            + "`name: prefect-worker` and `version: \">=" + HelmAgentValues.workerChartMinimum()
                            + "\"`, and move the subchart's values from `agent:` to `worker:`", "PF203"));
                }
                return e;
            }

            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if (!PrefectYamlFiles.isTopLevel(getCursor())) {
                    return e;
                }
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                boolean overlay = poolInherited(path);
                if (FlowMappingText.isFlowText(e.getValue())) {
                    // prefect-agent: {agent: {...}}: rewrite-yaml's one scalar, edited as text when that is lossless
                    Yaml.Scalar flow = (Yaml.Scalar) e.getValue();
                    Object plain = FlowMappingText.plain(flow);
                    String newKey = plain instanceof Map<?, ?> m ? valuesKeysOf(path, e.getKey().getValue(),
                            m.get("agent"), getCursor().getParentTreeCursor().getValue()) : null;
                    if (newKey == null) {
                        return e;
                    }
                    String text = HelmAgentValues.isAgentChartValues(((Map<?, ?>) plain).get("agent"))
                            ? new HelmAgentValues(notes, getName()).flowToWorker(flow, List.of("agent"), path.toString(),
                            YamlPositions.lineOf(getCursor(), e), overlay, ctx) : null;
                    return e.withKey(((Yaml.Scalar) e.getKey()).withValue(newKey))
                            .withValue(text == null ? flow : flow.withValue(text));
                }
                if (!(e.getValue() instanceof Yaml.Mapping values)) {
                    return e;
                }
                String newKey = valuesKeysOf(path, e.getKey().getValue(), values.getEntries().stream()
                        .filter(v -> "agent".equals(v.getKey().getValue())).map(Yaml.Mapping.Entry::getValue)
                        .findFirst().orElse(null), getCursor().getParentTreeCursor().getValue());
                if (newKey == null) {
                    return e;
                }
                List<Yaml.Mapping.Entry> inside = new ArrayList<>();
                for (Yaml.Mapping.Entry v : values.getEntries()) {
                    if ("agent".equals(v.getKey().getValue()) && HelmAgentValues.isAgentChartValues(v.getValue())) {
                        int line = YamlPositions.lineOf(getCursor(), v);
                        v = new HelmAgentValues(notes, getName()).toWorker(v, path.toString(), line, overlay, ctx);
                    } else if ("agent".equals(v.getKey().getValue()) && FlowMappingText.plain(v.getValue()) instanceof Map<?, ?>) {
                        new HelmAgentValues(notes, getName()).unmarkedValuesNote(path.toString(),
                                YamlPositions.lineOf(getCursor(), v), ctx);
                    }
                    inside.add(v);
                }
                return e.withKey(((Yaml.Scalar) e.getKey()).withValue(newKey)).withValue(values.withEntries(inside));
            }

            /**
             * The new key of a values file's top-level {@code key} whose {@code agent} (a block, or a flow mapping's
             * plain structure) is given, when that file configures an
             * agent subchart (see the class comment); null otherwise. {@code top} is the document's root mapping: a
             * Kubernetes object (apiVersion and kind) is no values file.
             */
            private String valuesKeysOf(Path path, String key, Object agent, Object top) {
                if (HelmChartDependencies.isDependencyFile(path) || top instanceof Yaml.Mapping root
                        && HelmChartDependencies.scalar(root, "apiVersion") != null && HelmChartDependencies.scalar(root, "kind") != null) {
                    return null;
                }
                String chart = HelmChartDependencies.nearestChart(path, acc.charts);
                if (chart == null) {
                    boolean agentValues = agent instanceof Yaml.Block b ? HelmAgentValues.isAgentChartValues(b)
                            : HelmAgentValues.isAgentChartValues(agent);
                    boolean anyAgentChart = acc.valuesKeys.values().stream().anyMatch(k -> k.containsKey(HelmChartDependencies.AGENT_CHART));
                    return key.equals(HelmChartDependencies.AGENT_CHART) && agentValues && anyAgentChart
                            ? HelmChartDependencies.WORKER_CHART : null;
                }
                Map<String, String> keys = acc.valuesKeys.get(chart);
                String inChart = HelmChartDependencies.inChart(path, chart);
                if (keys == null || NOT_VALUES_DIRS.stream().anyMatch(inChart::startsWith)) {
                    return null;
                }
                return keys.get(key);
            }

            /**
             * True when the values file is merged over a chart's values.yaml that names the subchart's pool: another
             * file of that chart, or, outside every chart, when every agent chart's values.yaml names one; or under the
             * own values of every Argo CD source that reads it, which name the pool.
             */
            private boolean poolInherited(Path path) {
                String chart = HelmChartDependencies.nearestChart(path, acc.charts);
                if (poolSetByReaders(path.toString().replace('\\', '/'))) {
                    return true;
                }
                if (chart == null) {
                    return !acc.valuesKeys.isEmpty() && acc.defaultPools.containsAll(acc.valuesKeys.keySet());
                }
                return acc.defaultPools.contains(chart)
                        && !HelmChartDependencies.inChart(path, chart).matches("values\\.ya?ml");
            }

            /**
             * True when Argo CD path sources read the file and each names the subchart's pool in its own values; never
             * for a chart's values.yaml, which every install of the chart reads.
             */
            private boolean poolSetByReaders(String file) {
                List<Map.Entry<String, Set<String>>> readers = acc.argoReaders.getOrDefault(file, List.of());
                return !readers.isEmpty() && readers.stream().allMatch(r -> !file.matches(
                        (r.getKey().isEmpty() ? "" : Pattern.quote(r.getKey() + "/")) + "values\\.ya?ml")
                        && acc.valuesKeys.getOrDefault(r.getKey(), Map.of()).keySet().stream().anyMatch(r.getValue()::contains));
            }

            /** The dependency on prefect-worker, with a note on the commands that fetch it. */
            private Yaml.Mapping toWorkerDependency(Yaml.Mapping dependency, Path path, ExecutionContext ctx) {
                Map.Entry<String, String> key = HelmChartDependencies.valuesKey(dependency);
                String minimum = HelmAgentValues.workerChartMinimum();
                List<Yaml.Mapping.Entry> out = new ArrayList<>();
                for (Yaml.Mapping.Entry e : dependency.getEntries()) {
                    String k = e.getKey().getValue();
                    if (e.getValue() instanceof Yaml.Scalar s) {
                        if (k.equals("name")) {
                            e = e.withValue(s.withValue(HelmChartDependencies.WORKER_CHART));
                        } else if (k.equals("version")) {
                            e = e.withValue(HelmAgentValues.workerChartRange(s));
                        } else if (k.equals("condition")) {
                            // conditions name the umbrella chart's values paths, which start with the subchart's key
                            e = e.withValue(s.withValue(renamedCondition(s.getValue(), Map.of(key.getKey(), key.getValue()))));
                        }
                    } else if (k.equals("import-values") && e.getValue() instanceof Yaml.Sequence imports) {
                        e = e.withValue(HelmImportValues.toWorker(imports, Map.of(key.getKey(), key.getValue())));
                    }
                    out.add(e);
                }
                stepsLeft(dependency, path, false, ctx);
                return dependency.withEntries(out);
            }

            /**
             * The notes on what `helm dependency update` must follow the dependency change with: a lock file that still
             * pins prefect-agent, vendored copies of the agent chart. The same rows on every run, so a second run (which
             * changes nothing) still reports them; {@code onlyStale} leaves out the note on fetching the chart when no
             * lock is stale, which the run that changed the dependency gave.
             */
            private void stepsLeft(Yaml.Mapping dependency, Path path, boolean onlyStale, ExecutionContext ctx) {
                String minimum = HelmAgentValues.workerChartMinimum();
                String dir = HelmChartDependencies.directoryOf(path);
                String lock = HelmChartDependencies.lockFileOf(path);
                String lockPath = (dir.isEmpty() ? "" : dir + "/") + lock;
                // a lock read in this run says what it pins; one only listed is stale once the dependency changed
                boolean locked = acc.locksPinningAgent.getOrDefault(lockPath, !onlyStale && exists(acc, lockPath, ctx));
                int line = YamlPositions.lineOf(getCursor(), dependency);
                if (locked || !onlyStale) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), line,
                            getName(), locked, "the removed prefect-agent chart is now a prefect-worker dependency, version "
                            + ">=" + minimum + " (the first prefect-worker release that reads the migrated values, such as "
                            + "`selfHostedServerApiConfig`); run `helm dependency update` in " + (dir.isEmpty() ? "." : dir)
                            + (locked ? ": its " + lock + " still pins prefect-agent, and `helm dependency build` refuses "
                                    + "the stale lock (update it with that command, not by hand)"
                                    : " to fetch it"), "PF203"));
                }
                for (String vendored : vendoredAgentCharts(dir, ctx)) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), line, getName(), true, vendored
                            + " is the vendored prefect-agent chart, which Helm would still install beside the worker: "
                            + "delete it, then run `helm dependency update` in " + (dir.isEmpty() ? "." : dir)
                            + " (this rewrite leaves chart archives alone)", "PF203"));
                }
            }

            /** The vendored copies of the agent chart in the chart's charts/ directory, sorted. */
            private List<String> vendoredAgentCharts(String dir, ExecutionContext ctx) {
                Set<String> all = new java.util.TreeSet<>(acc.files);
                ProjectPaths.from(ctx).ifPresent(p -> all.addAll(p.paths()));
                String prefix = dir.isEmpty() ? "charts/" : dir + "/charts/";
                return all.stream().filter(p -> p.startsWith(prefix)
                                && VENDORED_AGENT.matcher(p.substring(prefix.length())).matches())
                        .map(p -> p.endsWith("/Chart.yaml") ? p.substring(0, p.length() - "Chart.yaml".length()) : p)
                        .sorted().toList();
            }
        };
    }

    /**
     * True when a values document sets a non-blank {@code agent.config.workPool} under some top-level key, in block or
     * flow mappings ({@code prefect-agent: {agent: {config: {workPool: etl}}}}).
     */
    private static boolean namesAgentPool(Yaml.Document doc) {
        return doc.getBlock() instanceof Yaml.Mapping top && top.getEntries().stream()
                .anyMatch(e -> InlineHelmValues.namesPool(FlowMappingText.plain(e.getValue())));
    }

    /** Records the value files an Argo CD Application's single path source reads, with the pools its own values name. */
    private static void readArgoPathSource(Yaml.Document doc, Found acc) {
        Yaml.Mapping source = doc.getBlock() instanceof Yaml.Mapping top ? ArgoValueFiles.pathSource(top) : null;
        String chart = source == null ? null : ArgoValueFiles.chartDirectory(source);
        if (chart == null) {
            return;
        }
        Set<String> poolKeys = InlineHelmValues.poolKeys(source);
        for (Yaml.Sequence.Entry item : ArgoValueFiles.valueFiles(source)) {
            String file = item.getBlock() instanceof Yaml.Scalar s ? ArgoValueFiles.fromChart(s.getValue(), chart) : null;
            if (file != null) {
                acc.argoReaders.computeIfAbsent(file, f -> new ArrayList<>()).add(Map.entry(chart, poolKeys));
            }
        }
    }

    /** A condition ({@code prefect-agent.enabled}, or a comma-separated list of paths) with the subchart's new paths. */
    private static String renamedCondition(String condition, Map<String, String> keys) {
        return List.of(condition.split(",", -1)).stream().map(p -> {
            String trimmed = p.strip();
            String renamed = HelmValuePaths.subchartPath(trimmed, keys);
            return renamed == null ? p : p.replace(trimmed, renamed);
        }).collect(Collectors.joining(","));
    }

    /** True when the cursor's mapping is one item of a top-level {@code dependencies:} sequence. */
    private static boolean isDependencyItem(Cursor mappingCursor) {
        Cursor item = mappingCursor.getParentTreeCursor();
        if (!(item.getValue() instanceof Yaml.Sequence.Entry)) {
            return false;
        }
        Cursor entry = item.getParentTreeCursor().getParentTreeCursor();
        return entry.getValue() instanceof Yaml.Mapping.Entry e && "dependencies".equals(e.getKey().getValue())
                && PrefectYamlFiles.isTopLevel(entry);
    }
}
