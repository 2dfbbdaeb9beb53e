package dev.migrate.recipes.internal;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.prefectcli.BuiltDeploymentFiles;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Base of the recipes that translate Prefect 2 command lines inside a text file format. Each subclass
 * says which files it reads and where the shell commands sit in them; the translation itself is shared,
 * so a command is rewritten the same way in a script, a Makefile, a Dockerfile or a systemd unit.
 */
public abstract class PrefectCliTextRecipe extends Recipe {
    private static final String APPLY_OF_BUILD = "commented out: it applied the file the `prefect deployment build` "
            + "above wrote; the `prefect deploy` that replaces the build registers the deployment itself (translated "
            + "alone it would be `prefect deploy --all`, which deploys whatever prefect.yaml is there)";

    private final transient MigrationNotes notes = new MigrationNotes(this);

    /** Glob(s) of the files this recipe reads, separated by ';'. */
    protected abstract String filePattern();

    /** The spans of {@code text} that hold shell commands, in order and not overlapping. */
    protected abstract List<Segment> commandSegments(String text);

    /** Whether a command can be commented out with {@code #} where it stands (not in a systemd unit). */
    protected boolean commentsOut() {
        return true;
    }

    /** The translation of one segment; shell text unless a format writes commands another way too. */
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        return PrefectCommandRewriter.rewrite(segment, options);
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new FindSourceFiles(filePattern()), new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String text = file.getText();
                if (!text.contains("prefect")) {
                    return file;
                }
                CliOptions options = new CliOptions("process", PrefectTarget.from(ctx).minor());
                List<Segment> segments = commandSegments(text);
                // the deployment files written by the builds before each segment
                List<Set<String>> builtBefore = new ArrayList<>();
                Set<String> built = new HashSet<>();
                for (Segment s : segments) {
                    builtBefore.add(Set.copyOf(built));
                    built.addAll(BuiltDeploymentFiles.writtenBy(text.substring(s.start(), s.end())));
                }
                StringBuilder out = new StringBuilder(text);
                for (int i = segments.size() - 1; i >= 0; i--) {
                    Segment s = segments.get(i);
                    String segment = text.substring(s.start(), s.end());
                    ShellRewrite r = commentsOut() && BuiltDeploymentFiles.appliesOnly(segment, builtBefore.get(i))
                            ? new ShellRewrite("# " + segment, List.of(APPLY_OF_BUILD), true, false)
                            : rewriteSegment(segment, options);
                    // a statement may start lines above its prefect command (a quoted string, a continuation)
                    int at = text.indexOf("prefect", s.start());
                    int line = TextPositions.lineOf(text, at >= 0 && at < s.end() ? at : s.start());
                    // A translation that had to drop flags or choose a pool changes behaviour: unsafe.
                    boolean unsafe = !r.notes().isEmpty();
                    if (r.changed() && unsafe && !FixSafety.unsafeAllowed(ctx)) {
                        notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line, getName(),
                                true, "unsafe fix not applied (rerun with --unsafe-fixes): " + oneLine(r.text())));
                    } else {
                        for (String note : r.notes()) {
                            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line,
                                    getName(), r.manual(), note));
                        }
                        if (r.changed()) {
                            out.replace(s.start(), s.end(), r.text());
                        }
                    }
                }
                String after = out.toString();
                return after.equals(text) ? file : file.withText(after);
            }
        });
    }

    /** A command continued over several lines, as one line for a note. */
    private static String oneLine(String command) {
        return command.strip().replaceAll("[ \\t]*\\\\?\\r?\\n\\s*", " ");
    }
}
