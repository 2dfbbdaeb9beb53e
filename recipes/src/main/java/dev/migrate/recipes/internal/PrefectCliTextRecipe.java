package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.PrefectVersionBuildArgs;
import dev.migrate.analyzers.sources.config.MakeIncludes;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.CliRunIndexes;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.SearchResult;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Base of the recipes that translate Prefect 2 command lines inside a text file format. Each subclass
 * says which files it reads and where the shell commands sit in them; the translation itself is shared,
 * so a command is rewritten the same way in a script, a Makefile, a Dockerfile or a systemd unit.
 */
public abstract class PrefectCliTextRecipe extends ScanningRecipe<PrefectCliTextRecipe.SourceableTexts> {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    /**
     * The scripts, env files and .mk files of the run, by path: a script may read one into itself ({@code . ./env.sh}),
     * a Makefile include one ({@code -include .env}).
     */
    public static final class SourceableTexts {
        private final Map<String, String> texts = new HashMap<>();
    }

    /** Glob(s) of the files this recipe reads, separated by ';'. */
    protected abstract String filePattern();

    /** The spans of {@code text} that hold shell commands, in order and not overlapping. */
    protected abstract List<Segment> commandSegments(String text);

    /** Whether a command can be commented out with {@code #} where it stands (not in a systemd unit). */
    protected boolean commentsOut() {
        return true;
    }

    /** Whether the command of the segment at {@code where} can be commented out where it stands. */
    protected boolean commentsOut(Segment where) {
        return commentsOut();
    }

    /**
     * The variable assignments of {@code text} whose literal values commands may read ({@code -ib $INFRA}); none
     * unless the format says how it assigns them.
     */
    protected List<LiteralVariables.Assignment> assignments(String text) {
        return List.of();
    }

    /**
     * As {@link #assignments(String)}, for the file at {@code path}, knowing the texts of the run's scripts and env
     * files ({@code files}, null for another path) when {@link #readsSourcedFiles()}.
     */
    protected List<LiteralVariables.Assignment> assignments(String path, String text, Function<String, String> files) {
        return assignments(text);
    }

    /**
     * Whether make expands the text's {@code $} before a shell reads it (a Makefile's): {@code $INFRA} there is
     * make's {@code $(I)} followed by {@code NFRA}, which a note says.
     */
    protected boolean isMakeText() {
        return false;
    }

    /** Whether the format reads other files into itself ({@code . ./env.sh}), so the run's scripts are kept to read. */
    protected boolean readsSourcedFiles() {
        return false;
    }

    /** The translation of one segment; shell text unless a format writes commands another way too. */
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        return PrefectCommandRewriter.rewrite(segment, options);
    }

    /** The translation of the segment at {@code where}: for formats whose segments sit in different contexts. */
    protected ShellRewrite rewriteSegment(Segment where, String segment, CliOptions options) {
        return rewriteSegment(segment, options);
    }

    /** Whether a file {@link #filePattern()} does not name is one of the format's by its content (a script's shebang). */
    protected boolean isFileOfFormat(PlainText file) {
        return false;
    }

    @Override
    public SourceableTexts getInitialValue(ExecutionContext ctx) {
        return new SourceableTexts();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(SourceableTexts acc) {
        // the run's deployments by work queue: an agent's worker serves the pool its queues' deployments moved to;
        // the blocks its scripts save: a build's -ib/-sb block takes the settings of a certain save
        TreeVisitor<?, ExecutionContext> queues = CliRunIndexes.scanner();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                queues.visit(tree, ctx);
                if (readsSourcedFiles() && tree instanceof PlainText file && MakeIncludes.mayBeIncluded(pathOf(file))) {
                    acc.texts.put(pathOf(file), file.getText());
                }
                return tree;
            }
        };
    }

    private static String pathOf(PlainText file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(SourceableTexts acc) {
        TreeVisitor<?, ExecutionContext> byName = FilesByPath.matching(filePattern());
        TreeVisitor<Tree, ExecutionContext> selected = new TreeVisitor<>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                Tree found = byName.visit(tree, ctx);
                return found != tree || !(tree instanceof PlainText p) || !isFileOfFormat(p) ? found : SearchResult.found(p);
            }
        };
        return Preconditions.check(selected, new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String text = file.getText();
                // prefect commands, or a build whose --build-arg sets Prefect's version (PREFECT_VERSION=2.14.3)
                if (!text.contains("prefect") && !text.contains(PrefectVersionBuildArgs.FLAG)) {
                    return file;
                }
                CliOptions options = CliRunIndexes.options(new CliOptions("process", PrefectTarget.from(ctx).minor()), ctx,
                        pathOf(file));
                ShellSegments.Result r = ShellSegments.translate(text, commandSegments(text), new HashSet<>(),
                        PrefectCliTextRecipe.this::commentsOut, options, PrefectCliTextRecipe.this::rewriteSegment, FixSafety.unsafeAllowed(ctx),
                        assignments(pathOf(file), text, acc.texts::get), isMakeText(), java.util.Set.of());
                // lines of the text as received: a folded command above a note moves it, and the engine moves it back
                MigrationNotes.visiting(file.getSourcePath().toString(), () -> text, () -> {
                    for (ShellSegments.Note n : r.notes()) {
                        notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                                TextPositions.lineOf(text, n.offset()), getName(), n.manual(), n.message()));
                    }
                    return null;
                });
                String after = r.text();
                return after.equals(text) ? file : file.withText(after);
            }
        });
    }
}
