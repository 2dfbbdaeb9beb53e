package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.IntegrationVersionArgs;
import dev.migrate.analyzers.sources.config.PrefectVersionArgs;
import dev.migrate.analyzers.sources.config.PrefectVersionDefaults;
import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.FileGlobs;
import dev.migrate.recipes.internal.FilesByPath;
import dev.migrate.recipes.internal.RaisedPrefectVersion;
import dev.migrate.recipes.internal.RegexEdits;
import dev.migrate.recipes.internal.TextPositions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * A Dockerfile {@code ARG PREFECT_VERSION=2.14.0} whose value the file feeds to Prefect ({@code pip install
 * "prefect==${PREFECT_VERSION}"}, {@code FROM prefecthq/prefect:${PREFECT_VERSION}-python3.10}): the default becomes
 * the targeted Prefect 3 release. The pin and image recipes cannot see through the variable, so without this an
 * upgraded base image would install Prefect 2 again. A value passed with {@code --build-arg} still wins, as it did.
 * An inline default in the file ({@code prefect==${PREFECT_VERSION:-2.14.3}}, {@link PrefectVersionDefaults}) is raised
 * too, and so is an integration's version ARG ({@code ARG PREFECT_AWS_VERSION=0.4.5} read by
 * {@code prefect-aws==${PREFECT_AWS_VERSION}}), to the package's first Prefect 3 release. A Dockerfile that builds a
 * service of a compose project whose agent stays a Prefect 2 agent in a safe run ({@link HeldComposeProjects}) keeps
 * its versions, each with a manual note naming the agent.
 */
public class RaisePrefectVersionArgsInDockerfiles extends HeldComposeRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Raise Prefect version build arguments in Dockerfiles to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Sets the default of an `ARG` holding a Prefect 2 version to the targeted Prefect 3 release when the "
                + "Dockerfile installs Prefect or picks a Prefect image with it (`prefect==${PREFECT_VERSION}`), and a "
                + "Prefect 2 inline default there (`prefect==${PREFECT_VERSION:-2.14.3}`); an `ARG` holding an integration "
                + "package's version below its first Prefect 3 release (`prefect-aws==${PREFECT_AWS_VERSION}`) is raised "
                + "to that release.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(HeldComposeProjects acc) {
        return Preconditions.check(FilesByPath.matching(FileGlobs.DOCKERFILES),
                new PlainTextVisitor<>() {
                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        PrefectTarget target = PrefectTarget.from(ctx);
                        Optional<ComposeAgentServices.Agent> heldBy = acc.holdingDockerfile(file.getSourcePath(), ctx);
                        if (heldBy.isPresent()) {
                            noteHeld(file, heldBy.get(), ctx);
                            return file;
                        }
                        String after = RegexEdits.replaceGroup(text, PrefectVersionArgs.ARG, PrefectVersionArgs.VERSION_GROUP, m -> {
                            String name = m.group("name");
                            if (!PrefectVersionArgs.reachesPrefect(text, name, m.group("version"))) {
                                return null;
                            }
                            RaisedPrefectVersion.Raise raise = RaisedPrefectVersion.of(new PrefectVersionVariables.Value(
                                    name, m.group("version"), m.start("version"), PrefectVersionVariables.Form.VARIABLE), target);
                            String path = file.getSourcePath().toString();
                            int line = TextPositions.lineOf(text, m.start());
                            String raised = "the default of ARG " + name + " from " + m.group("version") + " to " + raise.value();
                            if (raise.unsafe() && !FixSafety.unsafeAllowed(ctx)) {
                                notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                                        MigrationNotes.unsafeFixNotApplied("raise " + raised + ": " + raise.note()), "PF208"));
                                return null;
                            }
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, "raised " + raised
                                    + ": the file installs or runs Prefect with it; a --build-arg " + name + "=... in a "
                                    + "build script or compose file still overrides it"
                                    + (raise.note() == null ? "" : "; " + raise.note())));
                            notePythonBelowFloor(path, line, name, m.group("version"), text, target, ctx);
                            return raise.value();
                        });
                        after = raiseIntegrationArgs(file, after, ctx);
                        after = raiseDefaults(file, after, target, ctx);
                        return after.equals(text) ? file : file.withText(after);
                    }
                });
    }

    /** A manual note on each version this file would raise, left as it is for the agent that holds it. */
    private void noteHeld(PlainText file, ComposeAgentServices.Agent agent, ExecutionContext ctx) {
        String text = file.getText();
        String path = file.getSourcePath().toString();
        Matcher m = PrefectVersionArgs.ARG.matcher(text);
        while (m.find()) {
            if (PrefectVersionArgs.reachesPrefect(text, m.group("name"), m.group("version"))) {
                noteHeld(path, TextPositions.lineOf(text, m.start()), "ARG " + m.group("name") + "=" + m.group("version"),
                        agent, ctx);
            }
        }
        for (IntegrationVersionArgs.IntegrationArg arg : IntegrationVersionArgs.in(text)) {
            noteHeld(path, TextPositions.lineOf(text, arg.versionStart()), "ARG " + arg.name() + "=" + arg.version(), agent, ctx);
        }
        for (PrefectVersionVariables.Value v : PrefectVersionDefaults.in(text)) {
            noteHeld(path, TextPositions.lineOf(text, v.start()), "${" + v.name() + ":-" + v.version() + "}", agent, ctx);
        }
    }

    private void noteHeld(String path, int line, String what, ComposeAgentServices.Agent agent, ExecutionContext ctx) {
        notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                HeldComposeProjects.heldNote("`" + what + "`", agent, path, ctx), "PF208"));
    }

    /**
     * The file with its integration version ARGs ({@code ARG PREFECT_AWS_VERSION=0.4.5} that {@code prefect-aws==${...}}
     * reads, {@link IntegrationVersionArgs}) raised to the package's first Prefect 3 release, as the pin recipes raise a
     * written pin: left at a Prefect 2 era release, the image could not install it beside Prefect 3.
     */
    private String raiseIntegrationArgs(PlainText file, String text, ExecutionContext ctx) {
        List<IntegrationVersionArgs.IntegrationArg> args = IntegrationVersionArgs.in(text);
        StringBuilder after = new StringBuilder(text);
        String path = file.getSourcePath().toString();
        for (int k = args.size() - 1; k >= 0; k--) {
            IntegrationVersionArgs.IntegrationArg arg = args.get(k);
            after.replace(arg.versionStart(), arg.versionStart() + arg.version().length(), arg.raised());
        }
        for (IntegrationVersionArgs.IntegrationArg arg : args) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, arg.versionStart()), getName(), false,
                    "raised the default of ARG " + arg.name() + " from " + arg.version() + " to " + arg.raised() + ": the file "
                            + "installs " + arg.integration() + " with it, whose first release for Prefect 3 is "
                            + arg.firstPrefect3Release() + "; a --build-arg " + arg.name() + "=... in a build script or "
                            + "compose file still overrides it"));
        }
        return after.toString();
    }

    /**
     * The file with its Prefect 2 inline defaults ({@code pip install "prefect==${PREFECT_VERSION:-2.14.3}"} after a
     * bare {@code ARG PREFECT_VERSION}) raised: the image gets them whenever no build argument is given.
     */
    private String raiseDefaults(PlainText file, String text, PrefectTarget target, ExecutionContext ctx) {
        List<PrefectVersionVariables.Value> values = PrefectVersionDefaults.in(text);
        StringBuilder after = new StringBuilder(text);
        String path = file.getSourcePath().toString();
        // from the end, so that earlier offsets stay valid; the notes in the file's order
        for (int k = values.size() - 1; k >= 0; k--) {
            PrefectVersionVariables.Value v = values.get(k);
            RaisedPrefectVersion.Raise raise = RaisedPrefectVersion.of(v, target);
            if (!raise.unsafe() || FixSafety.unsafeAllowed(ctx)) {
                after.replace(v.start(), v.end(), raise.value());
            }
        }
        for (PrefectVersionVariables.Value v : values) {
            RaisedPrefectVersion.Raise raise = RaisedPrefectVersion.of(v, target);
            int line = TextPositions.lineOf(text, v.start());
            String raised = "the default of ${" + v.name() + "} from " + v.version() + " to " + raise.value();
            notes.insertRow(ctx, raise.unsafe() && !FixSafety.unsafeAllowed(ctx)
                    ? new MigrationNotes.Row(path, line, getName(), true,
                            MigrationNotes.unsafeFixNotApplied("raise " + raised + ": " + raise.note()), "PF208")
                    : new MigrationNotes.Row(path, line, getName(), false, "raised " + raised + ": the image gets it "
                            + "wherever no build argument sets " + v.name() + (raise.note() == null ? "" : "; " + raise.note())));
            if (!raise.unsafe() || FixSafety.unsafeAllowed(ctx)) {
                notePythonBelowFloor(path, line, v.name(), v.version(), text, target, ctx);
            }
        }
        return after.toString();
    }

    /** A manual note when the raised version is followed by a Python the target's images no longer ship. */
    private void notePythonBelowFloor(String path, int line, String name, String version, String text, PrefectTarget target,
            ExecutionContext ctx) {
        String python = RaisedPrefectVersion.pythonLeftBelowFloor(new PrefectVersionVariables.Value(name, version, 0,
                PrefectVersionVariables.Form.VARIABLE), List.of(text), target);
        if (python != null) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, python, "PF208"));
        }
    }
}
