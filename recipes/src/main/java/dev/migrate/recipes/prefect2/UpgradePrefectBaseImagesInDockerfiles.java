package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.FileGlobs;
import dev.migrate.recipes.internal.FilesByPath;
import dev.migrate.recipes.internal.PrefectImageTags;
import dev.migrate.recipes.internal.TextPositions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Pins {@code FROM prefecthq/prefect:2.*} base images to Prefect 3, and the same image held in an {@code ARG} that a
 * {@code FROM ${BASE_IMAGE}} builds on ({@link PrefectVersionVariables#inDockerfile}, the scan's definition): only the
 * image's characters change, so quotes and the {@code FROM} line stay. A Dockerfile that builds a service of a compose
 * project whose agent stays a Prefect 2 agent in a safe run ({@link HeldComposeProjects}) keeps its image, with a manual
 * note naming the agent: a 3.x image cannot run {@code prefect agent start}, nor serve a server held on 2.
 */
public class UpgradePrefectBaseImagesInDockerfiles extends HeldComposeRecipe {
    private static final Pattern FROM = Pattern.compile("(?im)^([ \\t]*FROM[ \\t]+(?:--platform=\\S+[ \\t]+)?)(\\S+)");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 2 base images in Dockerfiles to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Replaces `FROM prefecthq/prefect:2.*`, and an `ARG BASE_IMAGE=prefecthq/prefect:2.*` that `FROM` reads, "
                + "with a pinned Prefect 3 tag that keeps the Python version and flavour.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(HeldComposeProjects acc) {
        return Preconditions.check(FilesByPath.matching(FileGlobs.DOCKERFILES),
                new PlainTextVisitor<>() {
                    /** The agent that holds this Dockerfile's image back, or null. */
                    private ComposeAgentServices.Agent heldBy;

                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        String path = file.getSourcePath().toString();
                        heldBy = acc.holdingDockerfile(file.getSourcePath(), ctx).orElse(null);
                        // the spans to replace, found in the text as it came: FROM images and the ARG images FROM reads
                        TreeMap<Integer, Integer> ends = new TreeMap<>();
                        Map<Integer, String> images = new HashMap<>();
                        Matcher m = FROM.matcher(text);
                        while (m.find()) {
                            String image = upgraded(m.group(2), path, TextPositions.lineOf(text, m.start()), ctx);
                            if (image != null) {
                                ends.put(m.start(2), m.end(2));
                                images.put(m.start(2), image);
                            }
                        }
                        for (PrefectVersionVariables.Value v : PrefectVersionVariables.inDockerfile(text)) {
                            String image = upgraded(v.version(), path, TextPositions.lineOf(text, v.start()), ctx);
                            if (image != null) {
                                ends.put(v.start(), v.end());
                                images.put(v.start(), image);
                            }
                        }
                        StringBuilder after = new StringBuilder(text);
                        for (Map.Entry<Integer, Integer> e : ends.descendingMap().entrySet()) {
                            after.replace(e.getKey(), e.getValue(), images.get(e.getKey()));
                        }
                        return after.toString().equals(text) ? file : file.withText(after.toString());
                    }

                    /** The image {@code image} moves to, or null when it stays (no Prefect image, or an unsafe fix not allowed). */
                    private String upgraded(String image, String path, int line, ExecutionContext ctx) {
                        Optional<PrefectImageTags.Upgrade> up = PrefectImageTags.upgrade(image, PrefectTarget.from(ctx));
                        if (up.isEmpty()) {
                            return null;
                        }
                        if (heldBy != null && !up.get().image().equals(image)) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                                    HeldComposeProjects.heldNote("`" + image + "`", heldBy, path, ctx), "PF208"));
                            return null;
                        }
                        if (up.get().unsafe() && !FixSafety.unsafeAllowed(ctx)) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                                    MigrationNotes.unsafeFixNotApplied(up.get().note())));
                            return null;
                        }
                        if (up.get().note() != null) {
                            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, up.get().note()));
                        }
                        return up.get().image();
                    }
                });
    }
}
