package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.YamlPositions;
import dev.migrate.recipes.prefectcli.DeploymentQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Releases of the removed {@code prefect-agent} chart declared for GitOps: a Flux {@code HelmRelease}
 * ({@code spec.chart.spec.chart}, or a {@code spec.chartRef} to an {@code OCIRepository} or {@code HelmChart} of the
 * chart written in the repository, which moves to the worker chart too ({@link FluxChartRefs}); values under
 * {@code spec.values.agent}) and an Argo CD {@code Application}
 * ({@code spec.source.chart} or an item of {@code spec.sources}, values under {@code helm.valuesObject.agent}) install
 * the {@code prefect-worker} chart from the same repository instead, at a version that reads the migrated values,
 * and their {@code agent:} values move to {@code worker:} as {@link HelmAgentValues} moves them, in Argo CD's
 * {@code helm.values} literal block string too; Argo CD's {@code helm.parameters} name the worker chart's paths
 * ({@link ArgoHelmParameters}), and a values file of the repository its {@code helm.valueFiles} read through a
 * {@code ref:} source is moved as the chart's values are ({@link ArgoValueFiles}); one read from elsewhere gets a note.
 * Flux's {@code valuesFrom} reads a ConfigMap or Secret ({@link FluxValuesFrom}): one
 * written in the repository has the values in its key moved when they are a literal block string, one kustomize
 * generates has its values file moved, and a {@code targetPath} is renamed in the release. Values the recipe cannot
 * edit (another string style, base64 {@code data}, an object made elsewhere) are left with a note that names them.
 */
public class MigrateHelmAgentReleasesToWorker extends ScanningRecipe<MigrateHelmAgentReleasesToWorker.Found> {
    private static final String AGENT_CHART = "prefect-agent";
    private static final String WORKER_CHART = "prefect-worker";
    /** The renames a note asks for, from the catalogue's helm-value data. */
    private static final String MOVES = HelmValuePaths.describeRenames();
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    /** What the scan finds across files: valuesFrom objects, chartRef sources, Argo CD value files. */
    public static final class Found {
        final FluxValuesFrom valuesFrom = new FluxValuesFrom();
        final FluxChartRefs chartRefs = new FluxChartRefs();
        final ArgoValueFiles valueFiles = new ArgoValueFiles();
        /** HelmReleases with a chartRef, each with its valuesFrom items: agent releases once every source was seen. */
        private final List<Map.Entry<Yaml.Mapping, List<FluxValuesFrom.Ref>>> chartRefReleases = new ArrayList<>();
        private boolean settled;

        /** Moves the valuesFrom items of chartRef releases that turned out to install the agent chart. */
        synchronized void settle() {
            if (!settled) {
                chartRefReleases.stream().filter(r -> chartRefs.namesAgentChart(r.getKey()))
                        .forEach(r -> valuesFrom.refs.addAll(r.getValue()));
                chartRefReleases.clear();
                settled = true;
            }
        }
    }

    @Override
    public String getDisplayName() {
        return "Migrate prefect-agent Flux and Argo CD releases to prefect-worker";
    }

    @Override
    public String getDescription() {
        return "Makes a Flux `HelmRelease` (by chart, or by `chartRef` to an `OCIRepository` or `HelmChart` in the "
                + "repository) or an Argo CD `Application` of the removed `prefect-agent` chart install the "
                + "`prefect-worker` chart (a version that reads the migrated values), and moves its `agent:` values to "
                + "`worker:`: inline, in a valuesFrom object or a value file of the repository.";
    }

    @Override
    public Found getInitialValue(ExecutionContext ctx) {
        return new Found();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Found acc) {
        // the run's deployments by work queue (any file), which choose the pool of the agent's worker
        TreeVisitor<?, ExecutionContext> queues = DeploymentQueues.scanner();
        TreeVisitor<?, ExecutionContext> releases = releaseScanner(acc);
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                queues.visit(tree, ctx);
                return tree instanceof SourceFile source && releases.isAcceptable(source, ctx) ? releases.visit(tree, ctx) : tree;
            }
        };
    }

    private TreeVisitor<?, ExecutionContext> releaseScanner(Found acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                java.nio.file.Path path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath();
                acc.valuesFrom.scan(document, path);
                acc.valueFiles.scan(document, path);
                if (!(document.getBlock() instanceof Yaml.Mapping top)) {
                    return document;
                }
                acc.chartRefs.scan(top);
                boolean byChart = isAgentHelmRelease(top);
                if ((byChart || FluxChartRefs.chartRef(top) != null) && get(top, "spec") instanceof Yaml.Mapping spec) {
                    List<FluxValuesFrom.Ref> refs = new ArrayList<>();
                    if (get(spec, "valuesFrom") instanceof Yaml.Sequence from) {
                        for (Yaml.Sequence.Entry item : from.getEntries()) {
                            FluxValuesFrom.Ref ref = item.getBlock() instanceof Yaml.Mapping m
                                    ? FluxValuesFrom.refOf(m, namespaceOf(top)) : null;
                            if (ref != null) {
                                refs.add(ref);
                            }
                        }
                    }
                    synchronized (acc) {
                        // the pool the release's own values or a targetPath item set, which the objects need not
                        if (FluxValuesFrom.setsPool(get(spec, "values"))
                                || FluxValuesFrom.targetsPool(spec)) {
                            acc.valuesFrom.withInlinePool.addAll(refs);
                        }
                        acc.valuesFrom.releases.add(refs);
                        if (byChart) {
                            acc.valuesFrom.refs.addAll(refs);
                        } else {
                            // which chart it installs is known once the source it names was seen, maybe in a later file
                            acc.chartRefReleases.add(Map.entry(top, refs));
                        }
                    }
                }
                return document;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        acc.settle();
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                Yaml.Document d = super.visitDocument(document, ctx);
                if (!(d.getBlock() instanceof Yaml.Mapping top)) {
                    return d;
                }
                Yaml.Documents file = getCursor().firstEnclosingOrThrow(Yaml.Documents.class);
                Release release = new Release(file, acc, ctx);
                String path = file.getSourcePath().toString().replace('\\', '/');
                if (acc.valuesFrom.generatedValuesFiles().contains(path) || acc.valueFiles.valuesFiles().contains(path)) {
                    // the values file a kustomize generator makes the release's ConfigMap or Secret from, or one an
                    // Argo CD source of the agent chart reads from this repository (under a pool its readers may set)
                    Yaml.Block after = release.agentValues(top, acc.valueFiles.poolSetOver(path));
                    return after == top ? d : d.withBlock(after);
                }
                String apiVersion = scalar(top, "apiVersion");
                String kind = scalar(top, "kind");
                ArgoValueFiles.SubchartValues subchart = acc.valueFiles.subchartValuesFiles().get(path);
                if (subchart != null && (apiVersion == null || kind == null)) {
                    // an umbrella chart's values file that an Argo CD path source reads from outside the chart
                    Yaml.Mapping after = release.subchartValues(top, subchart);
                    return after == top ? d : d.withBlock(after);
                }
                if (apiVersion == null || kind == null) {
                    return d;
                }
                Yaml.Mapping after = top;
                if (isAgentHelmRelease(top)) {
                    after = atKey(top, "spec", spec -> release.fluxSpec(spec, namespaceOf(top)));
                } else if (acc.chartRefs.namesAgentChart(top)) {
                    after = atKey(top, "spec", spec -> release.fluxChartRefSpec(spec, namespaceOf(top)));
                } else if (acc.chartRefs.isNamedAgentSource(top)) {
                    after = atKey(top, "spec", release::chartSource);
                } else if (isMigratedHelmRelease(top) || acc.chartRefs.namesMigratedChart(top)) {
                    // an earlier run's release: what it left to a person is reported again, nothing is edited
                    release.manualItemsLeft((Yaml.Mapping) get(top, "spec"), namespaceOf(top));
                } else if (acc.chartRefs.isNamedDigestWorkerSource(top)) {
                    release.digestLeft((Yaml.Mapping) get(top, "spec"));
                } else if (kind.equals("Application") && apiVersion.startsWith("argoproj.io/")) {
                    after = atKey(top, "spec", spec -> atKey(atKey(spec, "source", s -> release.argoSource(s, top)),
                            "sources", sources -> sources instanceof Yaml.Sequence s
                                    ? eachItem(s, item -> release.argoSource(item, top)) : sources));
                    release.umbrellaValueFilesElsewhere(top);
                } else if ((kind.equals("ConfigMap") || kind.equals("Secret")) && get(top, "metadata") instanceof Yaml.Mapping meta) {
                    FluxValuesFrom.Ref ref = acc.valuesFrom.reader(kind, scalar(meta, "namespace"), String.valueOf(scalar(meta, "name")));
                    after = ref == null ? top : release.valuesObject(top, ref);
                }
                return after == top ? d : d.withBlock(after);
            }
        };
    }

    /** A HelmRelease of the worker chart at the range this rewrite writes: an agent release an earlier run moved. */
    private static boolean isMigratedHelmRelease(Yaml.Mapping top) {
        String apiVersion = scalar(top, "apiVersion");
        return "HelmRelease".equals(scalar(top, "kind")) && apiVersion != null && apiVersion.startsWith("helm.toolkit.fluxcd.io/")
                && get(top, "spec") instanceof Yaml.Mapping spec && get(spec, "chart") instanceof Yaml.Mapping chart
                && get(chart, "spec") instanceof Yaml.Mapping cs && WORKER_CHART.equals(scalar(cs, "chart"))
                && HelmAgentValues.isWrittenRange(scalar(cs, "version"));
    }

    private static boolean isAgentHelmRelease(Yaml.Mapping top) {
        String apiVersion = scalar(top, "apiVersion");
        return "HelmRelease".equals(scalar(top, "kind")) && apiVersion != null && apiVersion.startsWith("helm.toolkit.fluxcd.io/")
                && get(top, "spec") instanceof Yaml.Mapping spec && get(spec, "chart") instanceof Yaml.Mapping chart
                && get(chart, "spec") instanceof Yaml.Mapping cs && AGENT_CHART.equals(scalar(cs, "chart"));
    }

    private static String namespaceOf(Yaml.Mapping top) {
        return get(top, "metadata") instanceof Yaml.Mapping meta ? scalar(meta, "namespace") : null;
    }

    /** The edits of one file's release documents, with the notes they leave at the lines of the file as received. */
    private final class Release {
        private final Yaml.Documents file;
        private final Found found;
        private final ExecutionContext ctx;

        Release(Yaml.Documents file, Found found, ExecutionContext ctx) {
            this.file = file;
            this.found = found;
            this.ctx = ctx;
        }

        /**
         * An agent HelmRelease's spec: {@code chart.spec.chart} and {@code .version}, {@code values.agent}, and the
         * {@code valuesFrom} items' {@code targetPath}s.
         */
        Yaml.Block fluxSpec(Yaml.Block spec, String namespace) {
            Yaml.Mapping s = (Yaml.Mapping) spec;
            Yaml.Mapping chartSpec = (Yaml.Mapping) get((Yaml.Mapping) get(s, "chart"), "spec");
            note(entry(chartSpec, "chart"), false, "the HelmRelease now installs the prefect-worker chart, version >="
                    + HelmAgentValues.workerChartMinimum() + " (the first release that reads the migrated values); Flux "
                    + "upgrades the release in place, replacing the agent's Deployment with the worker's");
            Yaml.Mapping out = atKey(s, "chart", chart -> atKey((Yaml.Mapping) chart, "spec", cs -> chartAndVersion(
                    (Yaml.Mapping) cs, "chart", "version")));
            return releaseValues(out, namespace);
        }

        /**
         * The spec of a HelmRelease whose {@code chartRef} names a source of the agent chart: the source is edited where
         * it is written ({@link #chartSource}), the values here.
         */
        Yaml.Block fluxChartRefSpec(Yaml.Block spec, String namespace) {
            Yaml.Mapping s = (Yaml.Mapping) spec;
            Yaml.Mapping ref = (Yaml.Mapping) get(s, "chartRef");
            note(entry(ref, "name"), false, "the HelmRelease installs the chart of " + scalar(ref, "kind") + " `"
                    + scalar(ref, "name") + "`, which now serves the prefect-worker chart, version >="
                    + HelmAgentValues.workerChartMinimum() + " (the first release that reads the migrated values); Flux "
                    + "upgrades the release in place, replacing the agent's Deployment with the worker's");
            return releaseValues(s, namespace);
        }

        private Yaml.Mapping releaseValues(Yaml.Mapping spec, String namespace) {
            boolean inlinePool = FluxValuesFrom.setsPool(get(spec, "values"));
            boolean poolFromObjects = poolFromValuesFrom(spec, namespace);
            Yaml.Mapping out = atKey(spec, "valuesFrom", from -> from instanceof Yaml.Sequence items
                    ? eachItem(items, item -> valuesFromItem(item, namespace, inlinePool)) : from);
            // Flux merges the valuesFrom objects first: a pool one of them names is no gap in the inline values
            return atKey(out, "values", v -> agentValues(v, poolFromObjects));
        }

        /**
         * True when the release's work pool comes from its valuesFrom items: a {@code targetPath} that sets it, an
         * object of the repository whose values name it, or an object made outside the repository, whose own note
         * says to set it there (a stand-in pool in the inline values would override it).
         */
        private boolean poolFromValuesFrom(Yaml.Mapping spec, String namespace) {
            if (!(get(spec, "valuesFrom") instanceof Yaml.Sequence items)) {
                return false;
            }
            if (FluxValuesFrom.targetsPool(spec)) {
                return true;
            }
            for (Yaml.Sequence.Entry item : items.getEntries()) {
                if (!(item.getBlock() instanceof Yaml.Mapping m)) {
                    continue;
                }
                FluxValuesFrom.Ref ref = FluxValuesFrom.refOf(m, namespace);
                if (ref != null && (!found.valuesFrom.inRepository(ref) || found.valuesFrom.setsPool(ref))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The spec of an OCIRepository or HelmChart of the agent chart that an agent release names: the worker chart
         * from the same registry or repository, at a version that reads the migrated values. An OCI {@code tag} names
         * one artifact and gets the first such release; a {@code semver} range gets the open range; a {@code digest}
         * pins the agent chart's artifact, which only a person can replace.
         */
        Yaml.Block chartSource(Yaml.Block spec) {
            if (!(spec instanceof Yaml.Mapping s)) {
                return spec;
            }
            String minimum = HelmAgentValues.workerChartMinimum();
            if (get(s, "chart") instanceof Yaml.Scalar) {
                note(entry(s, "chart"), false, "this HelmChart now serves the prefect-worker chart, version >=" + minimum
                        + " (the first release that reads the migrated values), to the agent releases that name it");
                return chartAndVersion(s, "chart", "version");
            }
            note(entry(s, "url"), false, "this OCIRepository now serves the prefect-worker chart from the same "
                    + "registry, version >=" + minimum + " (the first release that reads the migrated values), to the agent "
                    + "releases that name it");
            Yaml.Mapping out = atKey(s, "url", u -> ((Yaml.Scalar) u).withValue(FluxChartRefs.workerUrl(((Yaml.Scalar) u).getValue())));
            if (get(s, "ref") instanceof Yaml.Mapping ref && entry(ref, "digest") != null) {
                note(entry(ref, "digest"), true, digestNote());
            }
            return atKey(out, "ref", ref -> atKey(atKey(ref, "semver", v -> v instanceof Yaml.Scalar sv
                    ? HelmAgentValues.workerChartRange(sv) : v), "tag", t -> t instanceof Yaml.Scalar tag
                    && tag.getValue().matches("\\d.*") ? tag.withValue(minimum) : t));
        }

        /**
         * The manual items of a release an earlier run moved to the worker chart, which that run could not take and
         * this one cannot tell taken: the valuesFrom objects made outside the repository. Reported on every run, as
         * the first run reported them; the release itself is not edited again.
         */
        void manualItemsLeft(Yaml.Mapping spec, String namespace) {
            boolean inlinePool = FluxValuesFrom.setsPool(get(spec, "values"));
            if (get(spec, "valuesFrom") instanceof Yaml.Sequence items) {
                for (Yaml.Sequence.Entry item : items.getEntries()) {
                    FluxValuesFrom.Ref ref = item.getBlock() instanceof Yaml.Mapping m ? FluxValuesFrom.refOf(m, namespace) : null;
                    if (ref != null && !found.valuesFrom.inRepository(ref)) {
                        note(entry((Yaml.Mapping) item.getBlock(), "name"), true, outsideObjectNote(ref, inlinePool));
                    }
                }
            }
        }

        /** The digest note of an OCIRepository an earlier run moved to the worker chart, on every run while a digest pins it. */
        void digestLeft(Yaml.Mapping spec) {
            Yaml.Mapping ref = (Yaml.Mapping) get(spec, "ref");
            note(entry(ref, "digest"), true, digestNote());
        }

        private String digestNote() {
            String minimum = HelmAgentValues.workerChartMinimum();
            return "`ref.digest` pins the prefect-agent chart's artifact: replace it with the digest of a prefect-worker "
                    + "chart release >=" + minimum + ", or with `tag: \"" + minimum + "\"`";
        }

        /**
         * One valuesFrom item: a {@code targetPath} under {@code agent} is renamed; an object the repository neither
         * writes nor generates gets a note naming it (the object itself is edited where it is written).
         */
        private Yaml.Block valuesFromItem(Yaml.Block item, String namespace, boolean inlinePool) {
            if (!(item instanceof Yaml.Mapping m)) {
                return item;
            }
            if (get(m, "targetPath") instanceof Yaml.Scalar) {
                return atKey(m, "targetPath", t -> {
                    String path = HelmValuePaths.workerPath(((Yaml.Scalar) t).getValue());
                    return path == null ? t : ((Yaml.Scalar) t).withValue(path);
                });
            }
            FluxValuesFrom.Ref ref = FluxValuesFrom.refOf(m, namespace);
            if (ref != null && !found.valuesFrom.inRepository(ref)) {
                note(entry(m, "name"), true, outsideObjectNote(ref, inlinePool));
            }
            return item;
        }

        /**
         * The note on a valuesFrom object made outside the repository: its agent values must move, and unless the
         * release's own values name it, the work pool the chart requires comes from there.
         */
        private String outsideObjectNote(FluxValuesFrom.Ref ref, boolean inlinePool) {
            return "the values this release reads from " + ref.kind() + " `" + ref.name() + "` (key `" + ref.valuesKey()
                    + "`) are made outside this repository and still use the agent chart's keys: move them from `agent:` "
                    + "to `worker:` " + MOVES + (inlinePool ? "" : " and set `" + ArgoHelmParameters.WORK_POOL + "` there (the "
                    + "release's own values do not set it, so the work pool the worker serves comes from that object)")
                    + ", in the same change that merges this one";
        }

        /**
         * A ConfigMap or Secret an agent release reads its values from: the values in its {@code ref.valuesKey()}
         * ({@code data} or, for a Secret, {@code stringData}) moved when they are a literal block string, else a note.
         */
        Yaml.Mapping valuesObject(Yaml.Mapping object, FluxValuesFrom.Ref ref) {
            boolean secret = ref.kind().equals("Secret");
            Yaml.Mapping after = object;
            for (String dataKey : secret ? List.of("stringData", "data") : List.of("data")) {
                if (!(get(object, dataKey) instanceof Yaml.Mapping data) || entry(data, ref.valuesKey()) == null) {
                    continue;
                }
                Yaml.Mapping.Entry values = entry(data, ref.valuesKey());
                boolean base64 = secret && dataKey.equals("data");
                // the release's own values, which Flux merges over these, or its other objects may name the pool
                Yaml.Scalar moved = base64 ? null : HelmValuesText.toWorker(values.getValue(), lineOf(values),
                        new HelmAgentValues(notes, getName()), file.getSourcePath().toString(),
                        found.valuesFrom.poolSetBesides(ref), ctx);
                if (moved != null) {
                    after = atKey(after, dataKey, d -> atKey((Yaml.Mapping) d, ref.valuesKey(), v -> moved));
                } else if (base64 || HelmValuesText.mentionsAgentValues(values.getValue())) {
                    note(values, true, "the prefect-agent release reads its values from here, "
                            + (base64 ? "base64-encoded: decode them, " : "written in a style this rewrite does not edit "
                            + "(only a literal block `|` is): ") + "move them from `agent:` to `worker:` " + MOVES
                            + " and set `" + ArgoHelmParameters.WORK_POOL + "`");
                }
            }
            return after;
        }

        /**
         * An Argo CD source of the agent chart: {@code chart}, {@code targetRevision}, and its {@code helm} values
         * ({@code valuesObject}, a literal {@code values} string, {@code parameters}).
         */
        Yaml.Block argoSource(Yaml.Block source, Yaml.Mapping application) {
            if (source instanceof Yaml.Mapping s && WORKER_CHART.equals(scalar(s, "chart"))
                    && HelmAgentValues.isWrittenRange(scalar(s, "targetRevision"))) {
                // an earlier run's source: the value files it could not move are reported again
                valueFilesElsewhere(s, application);
                return source;
            }
            if (!(source instanceof Yaml.Mapping s) || !AGENT_CHART.equals(scalar(s, "chart"))) {
                return source;
            }
            boolean valuesElsewhere = valueFilesElsewhere(s, application);
            note(entry(s, "chart"), false, "the Application now deploys the prefect-worker chart, revision >="
                    + HelmAgentValues.workerChartMinimum() + " (the first release that reads the migrated values); Argo CD "
                    + "replaces the agent's Deployment with the worker's on the next sync");
            Yaml.Mapping helm = get(s, "helm") instanceof Yaml.Mapping h ? h : null;
            Yaml.Mapping.Entry values = helm == null ? null : entry(helm, "values");
            Yaml.Block valuesText = values == null ? null : HelmValuesText.toWorker(values.getValue(), lineOf(values),
                    new HelmAgentValues(notes, getName()), file.getSourcePath().toString(), ctx);
            if (values != null && valuesText == null && HelmValuesText.mentionsAgentValues(values.getValue())) {
                note(values, true, "`helm.values` is not rewritten (only a literal block `|` is): move its agent chart "
                        + "values from `agent` to `worker` " + MOVES + " and set `" + ArgoHelmParameters.WORK_POOL + "`");
            }
            if (helm != null && get(helm, "parameters") instanceof Yaml.Sequence parameters
                    && !ArgoHelmParameters.setsWorkPool(parameters) && !holdsAgentValues(helm) && !valuesElsewhere) {
                // values written as a mapping or block string get their own note on the pool
                note(entry(helm, "parameters"), true, "the prefect-worker chart requires `" + ArgoHelmParameters.WORK_POOL
                        + "`, which no parameter or inline value sets: add a parameter with the typed pool this worker serves "
                        + "(the agent polled default-agent-pool, which workers refuse)");
            }
            if (helm != null && get(helm, "parameters") instanceof Yaml.Sequence parameters) {
                for (Map.Entry<Yaml.Sequence.Entry, String[]> inline : ArgoHelmParameters.inlineAgentItems(parameters)) {
                    notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), lineOf(inline.getKey()),
                            getName(), true, "this parameter is written inline, which this rewrite cannot edit: `"
                            + inline.getValue()[0] + "` is `" + inline.getValue()[1] + "` in the prefect-worker chart "
                            + "(write the item as a block mapping and rerun, or rename it by hand)", "PF203"));
                }
            }
            PrefectTarget target = PrefectTarget.from(ctx);
            return atKey(chartAndVersion(s, "chart", "targetRevision"), "helm", h -> atKey(atKey(atKey((Yaml.Mapping) h,
                    "valuesObject", this::agentValues), "values", v -> valuesText == null ? v : valuesText),
                    "parameters", p -> p instanceof Yaml.Sequence seq ? ArgoHelmParameters.toWorker(seq, target) : p));
        }

        /**
         * Notes on the value files of an agent source that this rewrite cannot move: a URL, a path inside the chart
         * package (the chart's own values.yaml aside), a {@code $REF/path} this repository does not hold. True when some
         * value file holds agent values, which get their own note on the work pool, or may (those made elsewhere).
         */
        private boolean valueFilesElsewhere(Yaml.Mapping source, Yaml.Mapping application) {
            boolean any = false;
            for (Yaml.Sequence.Entry item : ArgoValueFiles.valueFiles(source)) {
                if (!(item.getBlock() instanceof Yaml.Scalar s) || s.getValue().equals("values.yaml")) {
                    continue;
                }
                String inRepo = ArgoValueFiles.fromRef(s.getValue(), application);
                if (inRepo != null && found.valueFiles.files.contains(inRepo)) {
                    any |= found.valueFiles.withAgentValues.contains(inRepo);
                    continue;
                }
                any = true;
                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), lineOf(item), getName(), true,
                        "the values file `" + s.getValue() + "` is " + (s.getValue().startsWith("$")
                        ? "not in this repository" : s.getValue().matches("(?i)https?://.*") ? "fetched from the web"
                        : "read from inside the chart Argo CD fetches") + ", and its agent chart values are not moved: "
                        + "move them from `agent:` to `worker:` " + MOVES + " and set `" + ArgoHelmParameters.WORK_POOL
                        + "`, in the same change that merges this one", "PF203"));
            }
            return any;
        }

        /**
         * An umbrella chart's values file that a path source reads from outside the chart: under the agent subchart's
         * key ({@code prefect-agent:} becomes {@code prefect-worker:}, an alias stays), {@code agent:} moves to
         * {@code worker:}, as the chart's own values files are moved.
         */
        Yaml.Mapping subchartValues(Yaml.Mapping top, ArgoValueFiles.SubchartValues subchart) {
            List<Yaml.Mapping.Entry> out = new ArrayList<>();
            boolean changed = false;
            for (Yaml.Mapping.Entry e : top.getEntries()) {
                String to = subchart.keys().get(e.getKey().getValue());
                if (to != null && FlowMappingText.isFlowText(e.getValue()) && e.getKey() instanceof Yaml.Scalar key
                        && FlowMappingText.plain(e.getValue()) instanceof Map<?, ?> plain) {
                    // prefect-agent: {agent: {...}}: edited as text when that is lossless, else left with a note
                    Yaml.Scalar flow = (Yaml.Scalar) e.getValue();
                    String text = HelmAgentValues.isAgentChartValues(plain.get("agent"))
                            ? new HelmAgentValues(notes, getName()).flowToWorker(flow, List.of("agent"),
                            file.getSourcePath().toString(), lineOf(e), subchart.poolSetElsewhere(), ctx) : null;
                    if (text != null || !to.equals(key.getValue())) {
                        e = e.withKey(key.withValue(to)).withValue(text == null ? flow : flow.withValue(text));
                        changed = true;
                    }
                } else if (to != null && e.getValue() instanceof Yaml.Mapping values && e.getKey() instanceof Yaml.Scalar key) {
                    List<Yaml.Mapping.Entry> inside = new ArrayList<>();
                    boolean moved = false;
                    for (Yaml.Mapping.Entry v : values.getEntries()) {
                        if ("agent".equals(v.getKey().getValue()) && HelmAgentValues.isAgentChartValues(v.getValue())) {
                            v = new HelmAgentValues(notes, getName()).toWorker(v, file.getSourcePath().toString(),
                                    lineOf(v), subchart.poolSetElsewhere(), ctx);
                            moved = true;
                        }
                        inside.add(v);
                    }
                    // an alias keeps its key: the entry changes only where something in it moved
                    if (moved || !to.equals(key.getValue())) {
                        e = e.withKey(key.withValue(to)).withValue(values.withEntries(inside));
                        changed = true;
                    }
                }
                out.add(e);
            }
            return changed ? top.withEntries(out) : top;
        }

        /**
         * Notes on the value files of a path source into an umbrella chart of the agent chart that this repository
         * does not hold (a URL, a {@code $REF/} path, a file outside the repository or not in it): the subchart's
         * values there are not moved.
         */
        void umbrellaValueFilesElsewhere(Yaml.Mapping application) {
            Yaml.Mapping source = ArgoValueFiles.pathSource(application);
            String chart = source == null ? null : ArgoValueFiles.chartDirectory(source);
            // an umbrella chart an earlier run moved to the worker chart still has the same files to report
            if (chart == null || !found.valueFiles.isUmbrellaChart(chart) && !found.valueFiles.isMigratedUmbrellaChart(chart)) {
                return;
            }
            for (Yaml.Sequence.Entry item : ArgoValueFiles.valueFiles(source)) {
                String inRepo = item.getBlock() instanceof Yaml.Scalar s ? ArgoValueFiles.fromChart(s.getValue(), chart) : null;
                if (!(item.getBlock() instanceof Yaml.Scalar s) || inRepo != null && found.valueFiles.files.contains(inRepo)) {
                    continue;
                }
                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), lineOf(item), getName(), true,
                        "the values file `" + s.getValue() + "` of the umbrella chart in " + (chart.isEmpty() ? "." : chart)
                        + " is not in this repository, and the prefect-agent subchart's values in it are not moved: "
                        + "under the subchart's key (`prefect-agent:` becomes `prefect-worker:`, an alias stays) move them "
                        + "from `agent:` to `worker:` " + MOVES
                        + ", in the same change that merges this one", "PF203"));
            }
        }

        /** True when a source's {@code helm} has agent values in {@code valuesObject} or a {@code values} string. */
        private boolean holdsAgentValues(Yaml.Mapping helm) {
            return FlowMappingText.plain(get(helm, "valuesObject")) instanceof Map<?, ?> o
                    && HelmAgentValues.isAgentChartValues(o.get("agent"))
                    || HelmValuesText.mentionsAgentValues(get(helm, "values"));
        }

        private Yaml.Mapping chartAndVersion(Yaml.Mapping m, String chartKey, String versionKey) {
            Yaml.Mapping out = atKey(m, chartKey, c -> ((Yaml.Scalar) c).withValue(WORKER_CHART));
            return atKey(out, versionKey, v -> v instanceof Yaml.Scalar s ? HelmAgentValues.workerChartRange(s) : v);
        }

        /** Values holding the agent chart's {@code agent:} mapping, with it moved to {@code worker:}. */
        Yaml.Block agentValues(Yaml.Block values) {
            return agentValues(values, false);
        }

        /** Same, for values merged over others that may name the work pool ({@code poolSetElsewhere}). */
        Yaml.Block agentValues(Yaml.Block values, boolean poolSetElsewhere) {
            if (FlowMappingText.isFlowText(values) && FlowMappingText.plain(values) instanceof Map<?, ?> plain
                    && HelmAgentValues.isAgentChartValues(plain.get("agent"))) {
                // valuesObject: {agent: {...}}: rewrite-yaml's one scalar, edited as text when that is lossless
                Yaml.Scalar flow = (Yaml.Scalar) values;
                String text = new HelmAgentValues(notes, getName()).flowToWorker(flow, List.of("agent"),
                        file.getSourcePath().toString(), lineOf(flow), poolSetElsewhere, ctx);
                return text == null ? values : flow.withValue(text);
            }
            if (!(values instanceof Yaml.Mapping m)) {
                return values;
            }
            List<Yaml.Mapping.Entry> out = new ArrayList<>();
            for (Yaml.Mapping.Entry e : m.getEntries()) {
                if ("agent".equals(e.getKey().getValue()) && HelmAgentValues.isAgentChartValues(e.getValue())) {
                    e = new HelmAgentValues(notes, getName()).toWorker(e, file.getSourcePath().toString(), lineOf(e),
                            poolSetElsewhere, ctx);
                } else if ("agent".equals(e.getKey().getValue()) && FlowMappingText.plain(e.getValue()) instanceof Map<?, ?>) {
                    new HelmAgentValues(notes, getName()).unmarkedValuesNote(file.getSourcePath().toString(), lineOf(e), ctx);
                }
                out.add(e);
            }
            return m.withEntries(out);
        }

        private void note(Yaml.Mapping.Entry at, boolean manual, String message) {
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), lineOf(at), getName(), manual,
                    message, "PF203"));
        }

        private int lineOf(Yaml node) {
            return YamlPositions.lineOf(new org.openrewrite.Cursor(null, file), node);
        }
    }

    /** {@code m} with the value of its {@code key} entry replaced by {@code f}'s result; {@code m} when it has none. */
    private static Yaml.Mapping atKey(Yaml.Mapping m, String key, UnaryOperator<Yaml.Block> f) {
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        boolean changed = false;
        for (Yaml.Mapping.Entry e : m.getEntries()) {
            if (key.equals(e.getKey().getValue())) {
                Yaml.Block v = f.apply(e.getValue());
                if (v != e.getValue()) {
                    e = e.withValue(v);
                    changed = true;
                }
            }
            out.add(e);
        }
        return changed ? m.withEntries(out) : m;
    }

    /** Same as {@link #atKey} for a block that may not be a mapping. */
    private static Yaml.Block atKey(Yaml.Block b, String key, UnaryOperator<Yaml.Block> f) {
        return b instanceof Yaml.Mapping m ? atKey(m, key, f) : b;
    }

    private static Yaml.Sequence eachItem(Yaml.Sequence s, UnaryOperator<Yaml.Block> f) {
        List<Yaml.Sequence.Entry> out = new ArrayList<>();
        boolean changed = false;
        for (Yaml.Sequence.Entry item : s.getEntries()) {
            Yaml.Block v = f.apply(item.getBlock());
            if (v != item.getBlock()) {
                item = item.withBlock(v);
                changed = true;
            }
            out.add(item);
        }
        return changed ? s.withEntries(out) : s;
    }

    private static Yaml.Mapping.Entry entry(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue())).findFirst().orElse(null);
    }

    private static Yaml.Block get(Yaml.Mapping m, String key) {
        Yaml.Mapping.Entry e = entry(m, key);
        return e == null ? null : e.getValue();
    }

    private static String scalar(Yaml.Mapping m, String key) {
        return get(m, key) instanceof Yaml.Scalar s ? s.getValue() : null;
    }
}
