package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.ComposeFileIndex;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The run's compose files: those named as compose looks for them ({@code docker-compose.yml}, {@code compose.prod.yaml}),
 * and any other that the run's commands name with {@code -f} (scripts, Makefiles, justfiles, Jenkinsfiles, systemd units,
 * CI steps), a {@code .env}'s {@code COMPOSE_FILE} lists, or a compose file's {@code include:} names, as the scan's
 * compose detector reads them ({@link ComposeProjectFiles#namedComposeFiles}). One index per run, kept in the
 * execution context: the compose recipes record every file while scanning, and ask while editing, when all were seen.
 */
public final class ComposeFiles {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.internal.ComposeFiles";

    /** What the run's files name, and the closure over includes (the scan's definition, as "/"-separated paths). */
    private final ComposeFileIndex index = new ComposeFileIndex();
    /** Sources already read (several recipes scan the same files). */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** The source offered last: the compose recipes scan each file one after another, so it is decided already. */
    private volatile SourceFile last;

    private ComposeFiles() {
    }

    /** The run's index, made on first use. */
    public static ComposeFiles in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ComposeFiles());
    }

    /** Records what one file of the run names (once per file, whichever recipe asks first). */
    public void scan(SourceFile source) {
        if (source == last) {
            return;
        }
        last = source;
        // only texts and YAML name compose files: no path is built for the run's other files (its Python modules)
        if (!(source instanceof PlainText || source instanceof Yaml.Documents)) {
            return;
        }
        String path = path(source.getSourcePath());
        if (!seen.add(path)) {
            return;
        }
        if (source instanceof PlainText text) {
            if (path.endsWith(".env") || ComposeCommands.runsCommands(path, text.getText())) {
                index.named(ComposeProjectFiles.namedComposeFiles(path, text.getText()));
            }
        } else if (source instanceof Yaml.Documents docs) {
            // printed only when it may name compose files: a CI pipeline's steps, a top-level include:
            if (ComposeCommands.runsCommands(path, "")) {
                index.named(ComposeProjectFiles.namedComposeFiles(path, docs.printAll()));
            } else if (docs.getDocuments().stream().anyMatch(d -> d.getBlock() instanceof Yaml.Mapping m
                    && m.getEntries().stream().anyMatch(e -> "include".equals(e.getKey().getValue())))) {
                index.included(path, ComposeProjectFiles.includes(path, docs.printAll()));
            }
        }
    }

    /** A scanner for a recipe's scanning phase: records each source file. */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return RunIndexScanner.offering((ctx, source) -> in(ctx).scan(source));
    }

    /** Whether the file is a compose file: by its name, or because something of the run names it. */
    public boolean isCompose(Path sourcePath) {
        return index.isCompose(path(sourcePath));
    }

    /** Whether the run's scanning phase named the file (by -f, COMPOSE_FILE or include:), whatever its name. */
    public static boolean isCompose(Path sourcePath, ExecutionContext ctx) {
        return in(ctx).isCompose(sourcePath);
    }

    /** A compose file by its name alone. */
    public static boolean byName(String path) {
        return ComposeFileIndex.byName(path);
    }

    private static String path(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
