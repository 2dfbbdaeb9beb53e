package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * {@code EXTRA_PIP_PACKAGES}, which the Prefect image's entrypoint installs when the container starts: a compose
 * {@code environment:} (map or {@code KEY=value} list), a Kubernetes {@code env:} item or a prefect.yaml job
 * variable. Its Prefect 2 integration pins ({@code prefect-docker==0.4.1}) require Prefect 2, so on a Prefect 3
 * image pip downgrades Prefect or the worker fails to start; they move to the first releases for Prefect 3, as in
 * requirements files. In a compose project whose agent stays a Prefect 2 agent ({@link HeldComposeProjects}) they
 * stay, each with a manual note naming the agent: raised, they would pull Prefect 3 into the held 2.x containers.
 */
public class PinPrefect3InExtraPipPackages extends HeldComposeRecipe {
    private static final String KEY = "EXTRA_PIP_PACKAGES";
    /** A package word of the value: up to white space, quotes kept out. */
    private static final Pattern WORD = Pattern.compile("[^\\s\"']+");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 integrations in EXTRA_PIP_PACKAGES";
    }

    @Override
    public String getDescription() {
        return "Moves the Prefect and integration pins in `EXTRA_PIP_PACKAGES` (compose environments, Kubernetes env "
                + "items, prefect.yaml job variables) to Prefect 3 releases; the image installs them at start, and a "
                + "Prefect 2 pin there downgrades Prefect or stops the worker.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(HeldComposeProjects acc) {
        return new YamlIsoVisitor<>() {
            /** The agent that holds the Prefect of the compose file being visited back, or null. */
            private ComposeAgentServices.Agent heldBy;

            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                heldBy = acc.holdingCompose(documents, ctx).orElse(null);
                return super.visitDocuments(documents, ctx);
            }

            @Override
            public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext ctx) {
                Yaml.Scalar s = super.visitScalar(scalar, ctx);
                String value = s.getValue();
                int from;
                if (value.startsWith(KEY + "=")) {
                    from = KEY.length() + 1; // `- EXTRA_PIP_PACKAGES=prefect-aws==0.4.1` in a compose list
                } else if (isValueOf(getCursor())) {
                    from = 0;
                } else {
                    return s;
                }
                String pinned = pinned(value, from, PrefectTarget.from(ctx));
                if (pinned.equals(value)) {
                    return s;
                }
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                if (heldBy != null) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), s), getName(), true,
                            HeldComposeProjects.heldNote("EXTRA_PIP_PACKAGES `" + value.substring(from) + "`", heldBy, path,
                                    ctx), "PF208"));
                    return s;
                }
                notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), s), getName(), false,
                        "EXTRA_PIP_PACKAGES `" + value.substring(from) + "` became `" + pinned.substring(from)
                                + "`: the image installs these at start, and the Prefect 2 pins would downgrade Prefect"));
                return s.withValue(pinned);
            }
        };
    }

    /**
     * Whether the scalar is the value of {@code EXTRA_PIP_PACKAGES}: a mapping entry with that key, or the
     * {@code value:} of a Kubernetes env item whose {@code name:} is that key.
     */
    private static boolean isValueOf(Cursor scalar) {
        Cursor parent = scalar.getParentTreeCursor();
        if (!(parent.getValue() instanceof Yaml.Mapping.Entry entry) || entry.getValue() != scalar.getValue()) {
            return false;
        }
        String key = entry.getKey().getValue();
        if (KEY.equals(key)) {
            return true;
        }
        return "value".equals(key) && parent.getParentTreeCursor().getValue() instanceof Yaml.Mapping item
                && item.getEntries().stream().anyMatch(e -> "name".equals(e.getKey().getValue())
                        && e.getValue() instanceof Yaml.Scalar n && KEY.equals(n.getValue()));
    }

    /** {@code value} with each Prefect requirement word after {@code from} moved to Prefect 3. */
    private static String pinned(String value, int from, PrefectTarget target) {
        StringBuilder out = new StringBuilder(value.substring(0, from));
        Matcher w = WORD.matcher(value);
        w.region(from, value.length());
        int last = from;
        while (w.find()) {
            out.append(value, last, w.start());
            Matcher req = PrefectPins.REQUIREMENT.matcher(w.group());
            String moved = req.matches() ? PrefectPins.requirement(req, target) : null;
            out.append(moved == null ? w.group() : moved);
            last = w.end();
        }
        return out.append(value.substring(last)).toString();
    }
}
