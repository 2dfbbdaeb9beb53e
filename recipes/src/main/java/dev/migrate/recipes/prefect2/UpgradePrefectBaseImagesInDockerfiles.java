package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.FileGlobs;
import dev.migrate.recipes.internal.PrefectImageTags;
import dev.migrate.recipes.internal.RegexEdits;
import dev.migrate.recipes.internal.TextPositions;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/** Pins {@code FROM prefecthq/prefect:2.*} base images to Prefect 3. */
public class UpgradePrefectBaseImagesInDockerfiles extends Recipe {
    private static final Pattern FROM = Pattern.compile("(?im)^([ \\t]*FROM[ \\t]+(?:--platform=\\S+[ \\t]+)?)(\\S+)");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 2 base images in Dockerfiles to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Replaces `FROM prefecthq/prefect:2.*` with a pinned Prefect 3 tag that keeps the Python version "
                + "and flavour.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new FindSourceFiles(FileGlobs.DOCKERFILES),
                new PlainTextVisitor<>() {
                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        String after = RegexEdits.replaceGroup(text, FROM, 2, m -> {
                            Optional<PrefectImageTags.Upgrade> up = PrefectImageTags.upgrade(m.group(2), PrefectTarget.from(ctx));
                            if (up.isEmpty()) {
                                return null;
                            }
                            int line = TextPositions.lineOf(text, m.start());
                            if (up.get().unsafe() && !FixSafety.unsafeAllowed(ctx)) {
                                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line,
                                        getName(), true, MigrationNotes.unsafeFixNotApplied(up.get().note())));
                                return null;
                            }
                            if (up.get().note() != null) {
                                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line,
                                        getName(), false, up.get().note()));
                            }
                            return up.get().image();
                        });
                        return after.equals(text) ? file : file.withText(after);
                    }
                });
    }
}
