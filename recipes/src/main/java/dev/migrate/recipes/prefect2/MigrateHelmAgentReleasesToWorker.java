package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Releases of the removed {@code prefect-agent} chart declared for GitOps: a Flux {@code HelmRelease}
 * ({@code spec.chart.spec.chart}, values under {@code spec.values.agent}) and an Argo CD {@code Application}
 * ({@code spec.source.chart} or an item of {@code spec.sources}, values under {@code helm.valuesObject.agent}) install
 * the {@code prefect-worker} chart from the same repository instead, at a version that reads the migrated values,
 * and their {@code agent:} values move to {@code worker:} as {@link HelmAgentValues} moves them, in Argo CD's
 * {@code helm.values} literal block string too; Argo CD's {@code helm.parameters} name the worker chart's paths
 * ({@link ArgoHelmParameters}). Flux's {@code valuesFrom} reads a ConfigMap or Secret ({@link FluxValuesFrom}): one
 * written in the repository has the values in its key moved when they are a literal block string, one kustomize
 * generates has its values file moved, and a {@code targetPath} is renamed in the release. Values the recipe cannot
 * edit (another string style, base64 {@code data}, an object made elsewhere) are left with a note that names them.
 */
public class MigrateHelmAgentReleasesToWorker extends ScanningRecipe<FluxValuesFrom> {
    private static final String AGENT_CHART = "prefect-agent";
    private static final String WORKER_CHART = "prefect-worker";
    /** The renames a note asks for, from the catalogue's helm-value data. */
    private static final String MOVES = HelmValuePaths.describeRenames();
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    @Override
    public String getDisplayName() {
        return "Migrate prefect-agent Flux and Argo CD releases to prefect-worker";
    }

    @Override
    public String getDescription() {
        return "Makes a Flux `HelmRelease` or an Argo CD `Application` of the removed `prefect-agent` chart install the "
                + "`prefect-worker` chart (a version that reads the migrated values), and moves its inline `agent:` "
                + "values to `worker:`.";
    }

    @Override
    public FluxValuesFrom getInitialValue(ExecutionContext ctx) {
        return new FluxValuesFrom();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(FluxValuesFrom acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                acc.scan(document, getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath());
                if (document.getBlock() instanceof Yaml.Mapping top && isAgentHelmRelease(top)
                        && get(top, "spec") instanceof Yaml.Mapping spec && get(spec, "valuesFrom") instanceof Yaml.Sequence from) {
                    for (Yaml.Sequence.Entry item : from.getEntries()) {
                        FluxValuesFrom.Ref ref = item.getBlock() instanceof Yaml.Mapping m
                                ? FluxValuesFrom.refOf(m, namespaceOf(top)) : null;
                        if (ref != null) {
                            acc.refs.add(ref);
                        }
                    }
                }
                return document;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(FluxValuesFrom acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                Yaml.Document d = super.visitDocument(document, ctx);
                if (!(d.getBlock() instanceof Yaml.Mapping top)) {
                    return d;
                }
                Yaml.Documents file = getCursor().firstEnclosingOrThrow(Yaml.Documents.class);
                Release release = new Release(file, acc, ctx);
                if (acc.generatedValuesFiles().contains(file.getSourcePath().toString().replace('\\', '/'))) {
                    // the values file a kustomize generator makes the release's ConfigMap or Secret from
                    Yaml.Block after = release.agentValues(top);
                    return after == top ? d : d.withBlock(after);
                }
                String apiVersion = scalar(top, "apiVersion");
                String kind = scalar(top, "kind");
                if (apiVersion == null || kind == null) {
                    return d;
                }
                Yaml.Mapping after = top;
                if (isAgentHelmRelease(top)) {
                    after = atKey(top, "spec", spec -> release.fluxSpec(spec, namespaceOf(top)));
                } else if (kind.equals("Application") && apiVersion.startsWith("argoproj.io/")) {
                    after = atKey(top, "spec", spec -> atKey(atKey(spec, "source", release::argoSource), "sources",
                            sources -> sources instanceof Yaml.Sequence s ? eachItem(s, release::argoSource) : sources));
                } else if ((kind.equals("ConfigMap") || kind.equals("Secret")) && get(top, "metadata") instanceof Yaml.Mapping meta) {
                    FluxValuesFrom.Ref ref = acc.reader(kind, scalar(meta, "namespace"), String.valueOf(scalar(meta, "name")));
                    after = ref == null ? top : release.valuesObject(top, ref);
                }
                return after == top ? d : d.withBlock(after);
            }
        };
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
        private final FluxValuesFrom sources;
        private final ExecutionContext ctx;

        Release(Yaml.Documents file, FluxValuesFrom sources, ExecutionContext ctx) {
            this.file = file;
            this.sources = sources;
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
            out = atKey(out, "valuesFrom", from -> from instanceof Yaml.Sequence items
                    ? eachItem(items, item -> valuesFromItem(item, namespace)) : from);
            return atKey(out, "values", this::agentValues);
        }

        /**
         * One valuesFrom item: a {@code targetPath} under {@code agent} is renamed; an object the repository neither
         * writes nor generates gets a note naming it (the object itself is edited where it is written).
         */
        private Yaml.Block valuesFromItem(Yaml.Block item, String namespace) {
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
            if (ref != null && !sources.inRepository(ref)) {
                note(entry(m, "name"), true, "the values this release reads from " + ref.kind() + " `" + ref.name()
                        + "` (key `" + ref.valuesKey() + "`) are made outside this repository and still use the agent "
                        + "chart's keys: move them from `agent:` to `worker:` " + MOVES + " and set `" + ArgoHelmParameters.WORK_POOL
                        + "`, in the same change that merges this one");
            }
            return item;
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
                Yaml.Scalar moved = base64 ? null : HelmValuesText.toWorker(values.getValue(), lineOf(values),
                        new HelmAgentValues(notes, getName()), file.getSourcePath().toString(), ctx);
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
        Yaml.Block argoSource(Yaml.Block source) {
            if (!(source instanceof Yaml.Mapping s) || !AGENT_CHART.equals(scalar(s, "chart"))) {
                return source;
            }
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
                    && !ArgoHelmParameters.setsWorkPool(parameters) && !holdsAgentValues(helm)) {
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

        /** True when a source's {@code helm} has agent values in {@code valuesObject} or a {@code values} string. */
        private boolean holdsAgentValues(Yaml.Mapping helm) {
            return get(helm, "valuesObject") instanceof Yaml.Mapping o && HelmAgentValues.isAgentValues(get(o, "agent"))
                    || HelmValuesText.mentionsAgentValues(get(helm, "values"));
        }

        private Yaml.Mapping chartAndVersion(Yaml.Mapping m, String chartKey, String versionKey) {
            Yaml.Mapping out = atKey(m, chartKey, c -> ((Yaml.Scalar) c).withValue(WORKER_CHART));
            return atKey(out, versionKey, v -> v instanceof Yaml.Scalar s ? HelmAgentValues.workerChartRange(s) : v);
        }

        /** Values holding the agent chart's {@code agent:} mapping, with it moved to {@code worker:}. */
        Yaml.Block agentValues(Yaml.Block values) {
            if (!(values instanceof Yaml.Mapping m)) {
                return values;
            }
            List<Yaml.Mapping.Entry> out = new ArrayList<>();
            for (Yaml.Mapping.Entry e : m.getEntries()) {
                if ("agent".equals(e.getKey().getValue()) && HelmAgentValues.isAgentValues(e.getValue())) {
                    e = new HelmAgentValues(notes, getName()).toWorker(e, file.getSourcePath().toString(), lineOf(e), ctx);
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
