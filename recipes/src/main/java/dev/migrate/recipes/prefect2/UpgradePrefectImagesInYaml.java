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

/**
 * Pins {@code prefecthq/prefect:2.*} images in YAML files (compose, Kubernetes manifests) to Prefect 3.
 *
 * <p>A compose project whose agent stays a Prefect 2 agent keeps its Prefect images: raised alone, the server would
 * run Prefect 3, which a 2.x agent cannot serve, and the agent's own image would hold a Prefect without
 * {@code prefect agent}; a safe run must not leave a stack that does not work. The agent becomes a worker only with
 * {@code --unsafe-fixes} (MigrateComposeAgentToWorker, which runs first: it chooses a pool), so the images of that
 * project move with that change: in a safe run, or where the agent's command could not be translated, each Prefect
 * image of the project's compose files (the compose files of one directory) is left as it was with a manual note
 * naming the agent. A second run with {@code --unsafe-fixes} moves the agent and then raises the images.
 */
public class UpgradePrefectImagesInYaml extends HeldComposeRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 2 images in YAML to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefecthq/prefect:2.*` image references in `image:` values with a pinned Prefect 3 tag "
                + "that keeps the Python version and flavour, and replaces floating `latest` tags. The Prefect images of "
                + "a compose project are left, with a manual note, while one of its services still runs a Prefect "
                + "agent (its move to a worker is an unsafe fix): a Prefect 3 server or image under a 2.x agent is "
                + "a stack that does not work.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(HeldComposeProjects acc) {
        return new YamlIsoVisitor<>() {
            /** The agent that holds the Prefect images of the file being visited back, or null. */
            private ComposeAgentServices.Agent heldBy;

            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                // this file as it is now (after the agent-to-worker recipe), else, when that recipe could not move
                // them (a safe run), the agents of the project's other compose files
                heldBy = acc.holdingCompose(documents, ctx).orElse(null);
                return super.visitDocuments(documents, ctx);
            }

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
                if (heldBy != null && !up.get().image().equals(scalar.getValue())) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                            HeldComposeProjects.heldNote("`" + scalar.getValue() + "`", heldBy, path, ctx), "PF208"));
                    return e;
                }
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
