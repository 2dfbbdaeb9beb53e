package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectImageTags;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/** Pins {@code prefecthq/prefect:2.*} images in YAML files (compose, Kubernetes manifests) to Prefect 3. */
public class UpgradePrefectImagesInYaml extends org.openrewrite.Recipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 2 images in YAML to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefecthq/prefect:2.*` image references in `image:` values with a pinned Prefect 3 tag "
                + "that keeps the Python version and flavour, and replaces floating `latest` tags.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if (!(e.getValue() instanceof Yaml.Scalar scalar)) {
                    return e;
                }
                Optional<PrefectImageTags.Upgrade> up;
                // a GitHub Actions job's `container: IMAGE` names its image directly
                if ("image".equals(e.getKey().getValue()) || "container".equals(e.getKey().getValue())
                        && PrefectImageTags.isPrefectImage(scalar.getValue())) {
                    up = PrefectImageTags.upgrade(scalar.getValue(), PrefectTarget.from(ctx));
                } else if (isChartTag(e)) {
                    up = tagOnly(PrefectImageTags.upgrade(REPO + ":" + scalar.getValue(), PrefectTarget.from(ctx)));
                } else {
                    return e;
                }
                if (up.isEmpty()) {
                    return e;
                }
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                int line = YamlPositions.lineOf(getCursor(), e);
                if (up.get().unsafe() && !FixSafety.unsafeAllowed(ctx)) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                            MigrationNotes.unsafeFixNotApplied(up.get().note()), "PF208"));
                    return e;
                }
                if (up.get().note() != null) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, up.get().note()));
                }
                return up.get().image().equals(scalar.getValue()) ? e : e.withValue(scalar.withValue(up.get().image()));
            }

            /**
             * A Helm value named {@code prefectTag}, the tag of a {@code prefecthq/prefect} image the chart's
             * templates build (prefect-server and custom charts: {@code image: "prefecthq/prefect:{{ .Values.prefectTag }}"}).
             * The agent chart's own {@code agent.image.prefectTag} is left to MigrateHelmAgentValuesToWorker,
             * which moves it to the worker chart's Kubernetes flavour.
             */
            private boolean isChartTag(Yaml.Mapping.Entry e) {
                if (!"prefectTag".equals(e.getKey().getValue())) {
                    return false;
                }
                List<String> path = new ArrayList<>();
                getCursor().getPathAsStream().filter(Yaml.Mapping.Entry.class::isInstance)
                        .forEach(p -> path.add(0, ((Yaml.Mapping.Entry) p).getKey().getValue()));
                return !path.equals(List.of("agent", "image", "prefectTag"));
            }
        };
    }

    private static final String REPO = "prefecthq/prefect";

    /** The upgrade of a whole image reference, as the tag alone. */
    private static Optional<PrefectImageTags.Upgrade> tagOnly(Optional<PrefectImageTags.Upgrade> up) {
        return up.map(u -> new PrefectImageTags.Upgrade(u.image().substring(REPO.length() + 1), u.note(), u.unsafe()));
    }
}
