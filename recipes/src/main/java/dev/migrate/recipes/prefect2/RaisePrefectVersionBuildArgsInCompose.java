package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.IntegrationVersionArgs;
import dev.migrate.analyzers.sources.config.PrefectVersionArgs;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.ComposeFileRecipe;
import dev.migrate.recipes.internal.ComposeFiles;
import dev.migrate.recipes.internal.YamlPositions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A compose service's {@code build: args: {PREFECT_VERSION: 2.14.0}} overrides the Dockerfile's own {@code ARG}
 * default (which {@link RaisePrefectVersionArgsInDockerfiles} raises), so an upgraded image would still install
 * Prefect 2: a build argument named for Prefect's version and holding a 2.x one takes the targeted release, and one
 * named for an integration's version ({@code PREFECT_AWS_VERSION: 0.4.5}) below its first Prefect 3 release takes that
 * release, as the Dockerfile's ARG for it is raised. In a compose project whose agent stays a Prefect 2 agent
 * ({@link HeldComposeProjects}) they stay, each with a manual note naming the agent, as its images do.
 */
public class RaisePrefectVersionBuildArgsInCompose extends ComposeFileRecipe {
    /** {@code NAME=VALUE} in the list form of {@code args:}. */
    private static final Pattern LIST_ITEM = Pattern.compile("([A-Za-z0-9_]+)=(.*)");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Raise Prefect version build arguments in compose files to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Sets a service's `build.args` entry named for Prefect's version (`PREFECT_VERSION: 2.14.0`) to the "
                + "targeted Prefect 3 release, and one named for an integration's version (`PREFECT_AWS_VERSION: 0.4.5`) "
                + "below its first Prefect 3 release to that release, as the Dockerfile's `ARG` default is raised.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ComposeFiles acc) {
        return HeldComposeProjects.scanner();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(ComposeFiles acc) {
        // compose files by name, and those the run's commands, .env files or includes name (deploy/stack.yml)
        return new ComposeVisitor(acc) {
            /** The agent that holds the Prefect of the file being visited back, or null. */
            private ComposeAgentServices.Agent heldBy;

            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                heldBy = HeldComposeProjects.in(ctx).holdingCompose(documents, ctx).orElse(null);
                return super.visitDocuments(documents, ctx);
            }

            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if (!inBuildArgs(getCursor()) || !(e.getValue() instanceof Yaml.Scalar value)) {
                    return e;
                }
                String raised = raised(e.getKey().getValue(), value.getValue(), e, ctx);
                return raised == null ? e : e.withValue(value.withValue(raised));
            }

            @Override
            public Yaml.Sequence.Entry visitSequenceEntry(Yaml.Sequence.Entry entry, ExecutionContext ctx) {
                Yaml.Sequence.Entry e = super.visitSequenceEntry(entry, ctx);
                if (!(e.getBlock() instanceof Yaml.Scalar item) || !inBuildArgs(getCursor())) {
                    return e;
                }
                Matcher m = LIST_ITEM.matcher(item.getValue());
                String raised = m.matches() ? raised(m.group(1), m.group(2), e, ctx) : null;
                return raised == null ? e : e.withBlock(item.withValue(m.group(1) + "=" + raised));
            }

            /**
             * The new value of build argument {@code name}, or null when it stays: the targeted release for Prefect's
             * version, an integration's first Prefect 3 release for one named for it ({@code PREFECT_AWS_VERSION}).
             */
            private String raised(String name, String old, Yaml at, ExecutionContext ctx) {
                String pin;
                String why;
                java.util.Optional<IntegrationVersionArgs.IntegrationArg> integration = IntegrationVersionArgs.named(name, old);
                if (PrefectVersionArgs.namesPrefectVersion(name) && PrefectVersionArgs.isPrefect2Version(old)) {
                    pin = PrefectTarget.from(ctx).pin();
                    why = "";
                } else if (integration.isPresent()) {
                    pin = integration.get().raised();
                    why = " (the first " + integration.get().integration() + " release for Prefect 3)";
                } else {
                    return null;
                }
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                if (heldBy != null) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), at), getName(), true,
                            HeldComposeProjects.heldNote("build argument `" + name + ": " + old + "`", heldBy, path, ctx),
                            "PF208"));
                    return null;
                }
                notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), at), getName(), false,
                        "raised build argument " + name + " from " + old + " to " + pin + why + ", which the image's "
                                + "Dockerfile uses in place of its own ARG default"));
                return pin;
            }
        };
    }

    /** Whether the cursor (an entry) sits directly in the {@code args:} of a {@code build:} mapping. */
    private static boolean inBuildArgs(Cursor entryCursor) {
        Cursor container = entryCursor.getParentTreeCursor();
        Cursor args = container.getParentTreeCursor();
        if (!(args.getValue() instanceof Yaml.Mapping.Entry a) || !"args".equals(a.getKey().getValue())) {
            return false;
        }
        Cursor buildMapping = args.getParentTreeCursor();
        Cursor build = buildMapping.getParentTreeCursor();
        return build.getValue() instanceof Yaml.Mapping.Entry b && "build".equals(b.getKey().getValue());
    }
}
