package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Releases of the removed {@code prefect-agent} chart declared for GitOps: a Flux {@code HelmRelease}
 * ({@code spec.chart.spec.chart}, values under {@code spec.values.agent}) and an Argo CD {@code Application}
 * ({@code spec.source.chart} or an item of {@code spec.sources}, values under {@code helm.valuesObject.agent}) install
 * the {@code prefect-worker} chart from the same repository instead, at a version that reads the migrated values,
 * and their {@code agent:} values move to {@code worker:} as {@link HelmAgentValues} moves them, in Argo CD's
 * {@code helm.values} literal block string too. Values the recipe cannot edit as YAML (another string style,
 * {@code helm.parameters}, Flux's {@code valuesFrom}) are left with a note.
 */
public class MigrateHelmAgentReleasesToWorker extends Recipe {
    private static final String AGENT_CHART = "prefect-agent";
    private static final String WORKER_CHART = "prefect-worker";
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
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                Yaml.Document d = super.visitDocument(document, ctx);
                if (!(d.getBlock() instanceof Yaml.Mapping top)) {
                    return d;
                }
                String apiVersion = scalar(top, "apiVersion");
                String kind = scalar(top, "kind");
                if (apiVersion == null || kind == null) {
                    return d;
                }
                Release release = new Release(getCursor().firstEnclosingOrThrow(Yaml.Documents.class), ctx);
                Yaml.Mapping after = top;
                if (kind.equals("HelmRelease") && apiVersion.startsWith("helm.toolkit.fluxcd.io/")) {
                    after = atKey(top, "spec", release::fluxSpec);
                } else if (kind.equals("Application") && apiVersion.startsWith("argoproj.io/")) {
                    after = atKey(top, "spec", spec -> atKey(atKey(spec, "source", release::argoSource), "sources",
                            sources -> sources instanceof Yaml.Sequence s ? eachItem(s, release::argoSource) : sources));
                }
                return after == top ? d : d.withBlock(after);
            }
        };
    }

    /** The edits of one file's release documents, with the notes they leave at the lines of the file as received. */
    private final class Release {
        private final Yaml.Documents file;
        private final ExecutionContext ctx;

        Release(Yaml.Documents file, ExecutionContext ctx) {
            this.file = file;
            this.ctx = ctx;
        }

        /** A HelmRelease's spec: {@code chart.spec.chart} and {@code .version}, then {@code values.agent}. */
        Yaml.Block fluxSpec(Yaml.Block spec) {
            Yaml.Mapping chartSpec = spec instanceof Yaml.Mapping m && get(m, "chart") instanceof Yaml.Mapping chart
                    && get(chart, "spec") instanceof Yaml.Mapping cs ? cs : null;
            if (chartSpec == null || !AGENT_CHART.equals(scalar(chartSpec, "chart"))) {
                return spec;
            }
            Yaml.Mapping s = (Yaml.Mapping) spec;
            note(entry(chartSpec, "chart"), false, "the HelmRelease now installs the prefect-worker chart, version >="
                    + HelmAgentValues.workerChartMinimum() + " (the first release that reads the migrated values); Flux "
                    + "upgrades the release in place, replacing the agent's Deployment with the worker's");
            if (entry(s, "valuesFrom") != null) {
                note(entry(s, "valuesFrom"), true, "values from `valuesFrom` ConfigMaps or Secrets still use the agent "
                        + "chart's `agent:` keys: move them to `worker:` (`serverApiConfig` is `selfHostedServerApiConfig`, "
                        + "`apiConfig: server` is `selfHostedServer`) and set `worker.config.workPool`");
            }
            Yaml.Mapping out = atKey(s, "chart", chart -> atKey((Yaml.Mapping) chart, "spec", cs -> chartAndVersion(
                    (Yaml.Mapping) cs, "chart", "version")));
            return atKey(out, "values", this::agentValues);
        }

        /** An Argo CD source of the agent chart: {@code chart}, {@code targetRevision}, and its {@code helm} values. */
        Yaml.Block argoSource(Yaml.Block source) {
            if (!(source instanceof Yaml.Mapping s) || !AGENT_CHART.equals(scalar(s, "chart"))) {
                return source;
            }
            note(entry(s, "chart"), false, "the Application now deploys the prefect-worker chart, revision >="
                    + HelmAgentValues.workerChartMinimum() + " (the first release that reads the migrated values); Argo CD "
                    + "replaces the agent's Deployment with the worker's on the next sync");
            Yaml.Mapping.Entry values = get(s, "helm") instanceof Yaml.Mapping helm ? entry(helm, "values") : null;
            Yaml.Block valuesText = values == null ? null : agentValuesText(values);
            if (values != null && valuesText == null) {
                manualValues(values, "values");
            }
            if (get(s, "helm") instanceof Yaml.Mapping helm && entry(helm, "parameters") != null) {
                manualValues(entry(helm, "parameters"), "parameters");
            }
            return atKey(chartAndVersion(s, "chart", "targetRevision"), "helm", helm -> atKey(atKey((Yaml.Mapping) helm,
                    "valuesObject", this::agentValues), "values", v -> valuesText == null ? v : valuesText));
        }

        private void manualValues(Yaml.Mapping.Entry at, String key) {
            note(at, true, "`helm." + key + "` is not rewritten: move its agent chart values from `agent` to `worker` "
                    + "(`serverApiConfig` is `selfHostedServerApiConfig`, `apiConfig: server` is `selfHostedServer`) and "
                    + "set `worker.config.workPool`");
        }

        /**
         * Argo CD's {@code helm.values}, values written as a literal block string ({@code values: |}), with the agent
         * values inside moved as {@link #agentValues} moves them; null when they cannot be (another style, an
         * explicit indentation indicator, text that is not a YAML mapping holding agent values). The block's text is
         * parsed as it stands, indented: a document's root may start at any column, so every byte but the edits stays.
         */
        private Yaml.Block agentValuesText(Yaml.Mapping.Entry values) {
            if (!(values.getValue() instanceof Yaml.Scalar s) || s.getStyle() != Yaml.Scalar.Style.LITERAL) {
                return null;
            }
            String raw = s.getValue(); // the header's rest ("", "-", "+") then the lines as written
            int nl = raw.indexOf('\n');
            if (nl < 0 || raw.substring(0, nl).matches(".*\\d.*")) {
                return null;
            }
            String body = raw.substring(nl + 1);
            List<SourceFile> parsed = YamlParser.builder().build().parse(new InMemoryExecutionContext(t -> { }), body).toList();
            if (parsed.size() != 1 || !(parsed.get(0) instanceof Yaml.Documents docs) || docs.getDocuments().size() != 1
                    || !docs.printAll().equals(body) || !(docs.getDocuments().get(0).getBlock() instanceof Yaml.Mapping top)) {
                return null;
            }
            Yaml.Mapping.Entry agent = entry(top, "agent");
            if (agent == null || !HelmAgentValues.isAgentValues(agent.getValue())) {
                return null;
            }
            // the block's lines start on the line after `values: |`
            int line = lineOf(values) + YamlPositions.lineOf(new org.openrewrite.Cursor(null, docs), agent);
            Yaml.Mapping.Entry worker = new HelmAgentValues(notes, getName()).toWorker(agent, file.getSourcePath().toString(),
                    line, ctx);
            Yaml.Mapping after = top.withEntries(top.getEntries().stream().map(e -> e == agent ? worker : e).toList());
            Yaml.Document doc = docs.getDocuments().get(0).withBlock(after);
            return s.withValue(raw.substring(0, nl + 1) + docs.withDocuments(List.of(doc)).printAll());
        }

        private Yaml.Mapping chartAndVersion(Yaml.Mapping m, String chartKey, String versionKey) {
            Yaml.Mapping out = atKey(m, chartKey, c -> ((Yaml.Scalar) c).withValue(WORKER_CHART));
            return atKey(out, versionKey, v -> v instanceof Yaml.Scalar s ? HelmAgentValues.workerChartRange(s) : v);
        }

        /** Values holding the agent chart's {@code agent:} mapping, with it moved to {@code worker:}. */
        private Yaml.Block agentValues(Yaml.Block values) {
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
