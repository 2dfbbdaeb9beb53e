package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.DockerfileStages;
import dev.migrate.analyzers.sources.runtime.PrefectListings;
import dev.migrate.analyzers.sources.runtime.PythonFloor;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.FileGlobs;
import dev.migrate.recipes.internal.FilesByPath;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * PF221 in Dockerfiles: the official {@code python} base image of a stage that installs Prefect (or copies from, or
 * is built on, one that does) moves to the targeted release's oldest Python, its variant kept
 * ({@code python:3.9-slim-bookworm} to {@code python:3.10-slim-bookworm}). Unsafe: the image's other packages must
 * run on the newer Python. A version held by a build argument is raised where the argument is declared; an image
 * pinned by digest is left with a note (a digest names one build). A stage on another base (debian, distroless)
 * that copies Python into {@code /usr/local} from an official image ({@code COPY --from=python:3.9-slim}) or from a
 * stage built on one has that image raised.
 */
public class RaisePythonBaseImagesInDockerfiles extends PrefectListingRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF221");

    @Override
    public String getDisplayName() {
        return "Raise the Python of Dockerfile stages that install Prefect";
    }

    @Override
    public String getDescription() {
        return "Moves the official `python` base image of Dockerfile stages that install Prefect (or copy it from such a "
                + "stage) to the oldest Python the targeted Prefect 3 release supports, keeping the tag's variant "
                + "(`python:3.9-slim-bookworm` to `python:3.10-slim-bookworm`). Unsafe: the image's other packages must "
                + "support the newer Python.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(PrefectListings listings) {
        return Preconditions.check(FilesByPath.matching(FileGlobs.DOCKERFILES), new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                if (!file.getText().contains("python")) {
                    return file;
                }
                return MigrationNotes.visiting(file.getSourcePath().toString(), file::getText, () -> raise(file, listings, ctx));
            }
        });
    }

    private PlainText raise(PlainText file, PrefectListings listings, ExecutionContext ctx) {
        String text = file.getText();
        String path = file.getSourcePath().toString().replace('\\', '/');
        PrefectTarget target = PrefectTarget.from(ctx);
        String floor = target.pythonMin();
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        StringBuilder out = new StringBuilder();
        int last = 0;
        List<DockerfileStages.PythonBase> bases = new ArrayList<>(
                DockerfileStages.runningPrefect(text, listings, PrefectListings.directoryOf(path)));
        // edits in file order; two stages whose tag one build argument holds make one edit
        bases.sort(Comparator.comparingInt(DockerfileStages.PythonBase::editStart));
        int previous = -2;
        for (DockerfileStages.PythonBase b : bases) {
            if (!PythonFloor.below(b.image().version(), floor) || b.editStart() >= 0 && b.editStart() == previous) {
                continue;
            }
            previous = b.editStart();
            String reason = "Prefect " + target.pin() + " needs Python " + floor + " or newer, and stage "
                    + (b.copiedBy() == null ? b.stage() + " installs Prefect on Python " + b.image().minor()
                    : b.copiedBy() + " runs Prefect on the Python " + b.image().minor() + " it copies from "
                            + (b.stage() == null ? "this image" : "stage " + b.stage()));
            String what = (b.stage() == null ? "the COPY --from image " : "the base image ") + b.image();
            if (b.image().digest() != null || b.editStart() < 0) {
                notes.insertRow(ctx, new MigrationNotes.Row(path, b.line(), getName(), true, what.substring(4)
                        + ": " + reason + "; " + (b.image().digest() != null ? "it is pinned by digest: pick the digest of "
                        + b.image().raisedTo(floor) + " by hand" : b.stage() == null ? "its name spans lines: move it to "
                        + b.image().raisedTo(floor) + " by hand" : "its tag is put together from build arguments: "
                        + "set them to Python " + floor)));
                continue;
            }
            String change = (b.argument() == null ? "moved " + what + " to " + b.image().raisedTo(floor)
                    : "raised ARG " + b.argument() + " from " + text.substring(b.editStart(), b.editEnd()) + " to " + floor
                            + " (base image " + b.image() + ")") + ": " + reason
                    + (b.image().version().equals(b.image().minor()) ? "" : "; the patch version was dropped")
                    + "; check that the image's other packages support it" + (b.image().variant().isEmpty() ? ""
                    : " and that the " + b.image().variant().substring(1) + " variant is published for it")
                    + (b.argument() == null ? "" : "; a --build-arg " + b.argument() + "=... still overrides it");
            int line = b.argument() == null ? b.line() : TextPositions.lineOf(text, b.editStart());
            if (!unsafe) {
                notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                        MigrationNotes.unsafeFixNotApplied(change)));
                continue;
            }
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, change));
            out.append(text, last, b.editStart()).append(floor);
            last = b.editEnd();
        }
        if (last == 0) {
            return file;
        }
        return file.withText(out.append(text, last, text.length()).toString());
    }
}
