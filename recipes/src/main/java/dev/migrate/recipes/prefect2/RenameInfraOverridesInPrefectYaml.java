package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Renames {@code infra_overrides:} under a prefect.yaml deployment's {@code work_pool:} to {@code job_variables:}
 * (PF233): Prefect 3's work pool model drops any key but {@code name}, {@code work_queue_name} and
 * {@code job_variables}, so the overrides were lost without a word. The key is renamed in place, its value and
 * comments untouched, also in a work pool shared through an anchor ({@code work_pool: *docker}). A pool that has
 * {@code job_variables:} too is left alone with a manual note: merging the two mappings is a choice.
 */
public class RenameInfraOverridesInPrefectYaml extends PrefectYamlRecipe {
    private static final String OLD = "infra_overrides";
    private static final String NEW = "job_variables";
    /** The key of a flow mapping that rewrite-yaml keeps as one scalar ({@code {name: p, infra_overrides: {...}}}). */
    private static final Pattern FLOW_KEY = Pattern.compile("([{,]\\s*)([\"']?)infra_overrides\\2(\\s*:)");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF233");

    @Override
    public String getDisplayName() {
        return "Rename work_pool.infra_overrides to job_variables in prefect.yaml";
    }

    @Override
    public String getDescription() {
        return "Renames a deployment's `work_pool: infra_overrides:`, 2.x's name that Prefect 3 silently drops, to "
                + "`job_variables:`, keeping its values and comments; a pool that also has `job_variables:` gets a "
                + "manual note, as merging them is a choice.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(NamedPrefectFiles named) {
        return Preconditions.check(PrefectYamlFiles.projectFiles(named), new YamlIsoVisitor<>() {
            /** The anchors a deployment's {@code work_pool: *name} refers to. */
            private Set<String> poolAnchors = Set.of();

            @Override
            public Yaml.Document visitDocument(Yaml.Document document, ExecutionContext ctx) {
                poolAnchors = aliasedPools(document);
                return super.visitDocument(document, ctx);
            }

            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if (isDeploymentPool(e, getCursor()) && e.getValue() instanceof Yaml.Scalar flow
                        && flow.getValue().startsWith("{")) {
                    Matcher key = FLOW_KEY.matcher(flow.getValue());
                    if (key.find() && !flow.getValue().contains(NEW)) {
                        note(e, false, ctx);
                        return e.withValue(flow.withValue(key.replaceFirst("$1$2" + NEW + "$2$3")));
                    }
                }
                return e;
            }

            @Override
            public Yaml.Mapping visitMapping(Yaml.Mapping mapping, ExecutionContext ctx) {
                Yaml.Mapping m = super.visitMapping(mapping, ctx);
                boolean anchored = m.getAnchor() != null && poolAnchors.contains(m.getAnchor().getKey());
                Cursor parent = getCursor().getParentTreeCursor();
                boolean deploymentPool = parent.getValue() instanceof Yaml.Mapping.Entry e && isDeploymentPool(e, parent);
                if (!anchored && !deploymentPool) {
                    return m;
                }
                Yaml.Mapping.Entry overrides = find(m, OLD);
                if (overrides == null) {
                    return m;
                }
                if (find(m, NEW) != null) {
                    note(overrides, true, ctx);
                    return m;
                }
                note(overrides, false, ctx);
                return m.withEntries(m.getEntries().stream().map(x -> x != overrides ? x
                        : x.withKey(((Yaml.Scalar) x.getKey()).withValue(NEW))).toList());
            }

            private void note(Yaml.Mapping.Entry at, boolean manual, ExecutionContext ctx) {
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), at), getName(), manual,
                        manual ? "work_pool has both infra_overrides, which Prefect 3 drops, and job_variables: merge "
                                + "the overrides into job_variables by hand (where both set a key, choose the value)"
                                : "work_pool.infra_overrides renamed job_variables, the key Prefect 3 reads"));
            }
        });
    }

    /** A {@code work_pool:} entry of a deployment of the top-level {@code deployments:} list. */
    private static boolean isDeploymentPool(Yaml.Mapping.Entry e, Cursor entryCursor) {
        return "work_pool".equals(e.getKey().getValue())
                && entryCursor.getParentTreeCursor().getValue() instanceof Yaml.Mapping
                && PrefectYamlFiles.isDeploymentEntry(entryCursor.getParentTreeCursor());
    }

    private static Set<String> aliasedPools(Yaml.Document document) {
        Set<String> anchors = new HashSet<>();
        new YamlIsoVisitor<Set<String>>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, Set<String> found) {
                if ("work_pool".equals(entry.getKey().getValue()) && entry.getValue() instanceof Yaml.Alias alias) {
                    found.add(alias.getAnchor().getKey());
                }
                return super.visitMappingEntry(entry, found);
            }
        }.visit(document, anchors);
        return anchors;
    }

    private static Yaml.Mapping.Entry find(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(x -> key.equals(x.getKey().getValue())).findFirst().orElse(null);
    }
}
