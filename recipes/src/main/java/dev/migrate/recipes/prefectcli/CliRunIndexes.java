package dev.migrate.recipes.prefectcli;

import dev.migrate.recipes.prefect2.NamedPrefectFiles;
import dev.migrate.recipes.prefect2.SavedBlockIndex;
import dev.migrate.recipes.internal.RunIndexScanner;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;

/**
 * The run indexes a command-line conversion reads: the deployments by work queue ({@link DeploymentQueues}, for the
 * workers replacing agents) and the blocks the run's scripts save by name ({@link SavedBlockIndex}, for a build whose
 * {@code -ib}/{@code -sb} block one script saves with literal settings), and the files GitLab pipelines include
 * ({@link GitlabIncludedFiles}, whose steps are a pipeline's), and the deployments each directory's prefect.yaml will
 * hold ({@link NamedPrefectFiles}), which a converted build may meet ({@link OnlyEntryDeploys}). One scanning visitor
 * offers every file to them all.
 */
public final class CliRunIndexes {
    private static final String ONLY_ENTRIES_KEY = "dev.migrate.recipes.prefectcli.OnlyEntryDeploys";

    private CliRunIndexes() {
    }

    /**
     * The scanning-phase visitor: offers each source file to the indexes, changing nothing, and tells the saved blocks
     * that this run converts command lines, so that a {@code -ib} line counts among the loaders of the block it names.
     */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return RunIndexScanner.offering((ctx, source) -> {
            DeploymentQueues queues = DeploymentQueues.in(ctx);
            queues.scan(source);
            GitlabIncludedFiles.in(ctx).scan(source);
            SavedBlockIndex saves = SavedBlockIndex.in(ctx);
            saves.convertsCommandLines(queues::deployments);
            saves.scan(source);
            NamedPrefectFiles.in(ctx).scan(source);
        });
    }

    /** The options a conversion starts from, knowing the run's indexes. */
    public static CliOptions options(CliOptions base, ExecutionContext ctx) {
        return base.withQueuePools(DeploymentQueues.in(ctx).pools()).withSavedBlocks(SavedBlockIndex.in(ctx)::find)
                .withOnlyEntries(onlyEntries(ctx));
    }

    /**
     * As {@link #options(CliOptions, ExecutionContext)}, for the lines of the file at {@code path}: a build meets a
     * prefect.yaml of one other entry where that file's line runs ({@link OnlyEntryDeploys#in}).
     */
    public static CliOptions options(CliOptions base, ExecutionContext ctx, String path) {
        CliOptions options = options(base, ctx);
        return options.withOnlyEntries(options.onlyEntries().in(path));
    }

    /** Read once per run, when a conversion first asks: every file was offered by then. */
    private static OnlyEntryDeploys onlyEntries(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(ONLY_ENTRIES_KEY, k -> {
            DeploymentQueues queues = DeploymentQueues.in(ctx);
            GitlabIncludedFiles gitlab = GitlabIncludedFiles.in(ctx);
            // a build line's file read as the queues read it, a pipeline's other files (its templates) as the run has them
            java.util.function.Function<String, String> texts = p -> {
                String text = queues.commandText(p);
                return text != null ? text : gitlab.text(p);
            };
            return OnlyEntryDeploys.of(queues.deployments(), texts, NamedPrefectFiles.in(ctx), gitlab.includingPipelines());
        });
    }
}
