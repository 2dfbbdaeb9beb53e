package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.YamlPositions;
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
 * The removed {@code prefect-agent} chart used as a subchart of an umbrella chart: the {@code Chart.yaml} dependency
 * (apiVersion v2, as the agent chart itself) becomes {@code prefect-worker} from the same repository, and in the umbrella
 * chart's values files beside it the subchart's key ({@code prefect-agent:}, or the dependency's alias, which is
 * kept) becomes {@code prefect-worker:}, its {@code agent:} mapping moved to {@code worker:} as
 * {@link HelmAgentValues} moves it. A dependency on a local copy of the chart ({@code file://}) is the owner's fork
 * and left alone.
 */
public class MigrateHelmAgentSubchartToWorker extends ScanningRecipe<MigrateHelmAgentSubchartToWorker.Found> {
    private static final String AGENT_CHART = "prefect-agent";
    private static final String WORKER_CHART = "prefect-worker";
    /** The umbrella chart's own values files, named as MigrateHelmAgentValuesToWorker names values files. */
    private static final Pattern VALUES_FILE = Pattern.compile("values.*\\.ya?ml|.*-values\\.ya?ml");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    /** By chart directory: each agent subchart's values key and the key it gets; the directories with a lock file. */
    public static class Found {
        final Map<Path, Map<String, String>> valuesKeys = new HashMap<>();
        final Set<Path> locked = new HashSet<>();
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

    private static boolean isDependencyFile(Path path) {
        return path.getFileName().toString().equals("Chart.yaml");
    }

    private static boolean isLockFile(Path path) {
        return path.getFileName().toString().equals("Chart.lock");
    }

    /** The top-level {@code dependencies:} items of a dependency file's document, or none. */
    private static List<Yaml.Mapping> dependencies(Yaml.Document doc) {
        List<Yaml.Mapping> out = new ArrayList<>();
        if (doc.getBlock() instanceof Yaml.Mapping top) {
            for (Yaml.Mapping.Entry e : top.getEntries()) {
                if ("dependencies".equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Sequence s) {
                    s.getEntries().stream().filter(i -> i.getBlock() instanceof Yaml.Mapping)
                            .forEach(i -> out.add((Yaml.Mapping) i.getBlock()));
                }
            }
        }
        return out;
    }

    private static String scalar(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Scalar)
                .map(e -> ((Yaml.Scalar) e.getValue()).getValue()).findFirst().orElse(null);
    }

    /** A dependency on the published prefect-agent chart (not a local copy, which its owner maintains). */
    private static boolean isAgentDependency(Yaml.Mapping dependency) {
        String repository = scalar(dependency, "repository");
        return AGENT_CHART.equals(scalar(dependency, "name")) && (repository == null || !repository.startsWith("file://"));
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
                if (isLockFile(path)) {
                    acc.locked.add(PrefectYamlFiles.directoryOf(path));
                } else if (tree instanceof Yaml.Documents docs && isDependencyFile(path)) {
                    for (Yaml.Document doc : docs.getDocuments()) {
                        for (Yaml.Mapping dependency : dependencies(doc)) {
                            if (isAgentDependency(dependency)) {
                                String alias = scalar(dependency, "alias");
                                // the values key is the alias when there is one, and the alias stays
                                acc.valuesKeys.computeIfAbsent(PrefectYamlFiles.directoryOf(path), d -> new LinkedHashMap<>())
                                        .put(alias == null ? AGENT_CHART : alias, alias == null ? WORKER_CHART : alias);
                            }
                        }
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Mapping visitMapping(Yaml.Mapping mapping, ExecutionContext ctx) {
                Yaml.Mapping m = super.visitMapping(mapping, ctx);
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                if (isDependencyFile(path) && isDependencyItem(getCursor()) && isAgentDependency(m)) {
                    return toWorkerDependency(m, path, acc.locked.contains(PrefectYamlFiles.directoryOf(path)), ctx);
                }
                return m;
            }

            @Override
            public Yaml.Sequence.Entry visitSequenceEntry(Yaml.Sequence.Entry entry, ExecutionContext ctx) {
                Yaml.Sequence.Entry e = super.visitSequenceEntry(entry, ctx);
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                // rewrite-yaml reads a flow mapping inside a flow sequence ([{name: ..}]) as one opaque scalar
                if (isDependencyFile(path) && e.getBlock() instanceof Yaml.Scalar s && s.getValue().startsWith("{")
                        && s.getValue().matches("(?s).*\\bname\\s*:\\s*[\"']?" + AGENT_CHART + "\\b.*")
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
                Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                Map<String, String> keys = acc.valuesKeys.get(PrefectYamlFiles.directoryOf(path));
                String newKey = keys == null ? null : keys.get(e.getKey().getValue());
                if (newKey == null || !VALUES_FILE.matcher(path.getFileName().toString()).matches()
                        || !PrefectYamlFiles.isTopLevel(getCursor()) || !(e.getValue() instanceof Yaml.Mapping values)) {
                    return e;
                }
                List<Yaml.Mapping.Entry> inside = new ArrayList<>();
                for (Yaml.Mapping.Entry v : values.getEntries()) {
                    if ("agent".equals(v.getKey().getValue()) && HelmAgentValues.isAgentValues(v.getValue())) {
                        int line = YamlPositions.lineOf(getCursor(), v);
                        v = new HelmAgentValues(notes, getName()).toWorker(v, path.toString(), line, ctx);
                    }
                    inside.add(v);
                }
                return e.withKey(((Yaml.Scalar) e.getKey()).withValue(newKey)).withValue(values.withEntries(inside));
            }

            /** The dependency on prefect-worker, with a note on the commands that fetch it. */
            private Yaml.Mapping toWorkerDependency(Yaml.Mapping dependency, Path path, boolean locked, ExecutionContext ctx) {
                boolean aliased = scalar(dependency, "alias") != null;
                String minimum = HelmAgentValues.workerChartMinimum();
                List<Yaml.Mapping.Entry> out = new ArrayList<>();
                for (Yaml.Mapping.Entry e : dependency.getEntries()) {
                    String key = e.getKey().getValue();
                    if (e.getValue() instanceof Yaml.Scalar s) {
                        if (key.equals("name")) {
                            e = e.withValue(s.withValue(WORKER_CHART));
                        } else if (key.equals("version")) {
                            e = e.withValue(HelmAgentValues.workerChartRange(s));
                        } else if (key.equals("condition") && !aliased) {
                            // conditions name values paths, which start with the subchart's key
                            e = e.withValue(s.withValue(renamedCondition(s.getValue())));
                        }
                    }
                    out.add(e);
                }
                notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), YamlPositions.lineOf(getCursor(), dependency),
                        getName(), locked, "the removed prefect-agent chart is now a prefect-worker dependency, version "
                        + ">=" + minimum + " (the first prefect-worker release that reads the migrated values, such as "
                        + "`selfHostedServerApiConfig`); run `helm dependency update` in " + PrefectYamlFiles.directoryOf(path)
                        + (locked ? ": its Chart.lock still pins prefect-agent, and `helm dependency build` refuses "
                                + "the stale lock (update it with that command, not by hand)"
                                : " to fetch it") + "; delete a vendored charts/prefect-agent-*.tgz", "PF203"));
                return dependency.withEntries(out);
            }
        };
    }

    /** {@code prefect-agent.enabled} (or a comma-separated list of paths) with the subchart's new values key. */
    private static String renamedCondition(String condition) {
        return List.of(condition.split(",", -1)).stream()
                .map(p -> p.replaceFirst("^(\\s*)" + AGENT_CHART + "\\.", "$1" + WORKER_CHART + "."))
                .collect(Collectors.joining(","));
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
