package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.ComposeFileIndex;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import java.nio.file.Path;
import java.util.Map;
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
 * compose detector reads them ({@link ComposeProjectFiles#namedComposeFiles}); a GitLab pipeline's commands are also
 * those of the local files it includes ({@link GitlabIncludes#commandFiles}), whatever their names
 * ({@code ci/deploy.yml}), read from the run's own sources once all were seen. One index per run, kept in the
 * execution context: the compose recipes record every file while scanning, and ask while editing, when all were seen.
 */
public final class ComposeFiles {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.internal.ComposeFiles";

    /** What the run's files name, and the closure over includes (the scan's definition, as "/"-separated paths). */
    private final ComposeFileIndex index = new ComposeFileIndex();
    /** Sources already read (several recipes scan the same files). */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** The run's YAML sources by path, any of which a GitLab pipeline may include: printed only if one does. */
    private final Map<String, SourceFile> yamlSources = new ConcurrentHashMap<>();
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
        if (path.endsWith(".yml") || path.endsWith(".yaml")) {
            yamlSources.put(path, source);
        }
        if (source instanceof PlainText text) {
            if (path.endsWith(".env") || ComposeCommands.runsCommands(path, text.getText())) {
                named(path, text.getText());
            }
        } else if (source instanceof Yaml.Documents docs) {
            // printed only when it may name compose files: a CI pipeline's steps, a top-level include:
            if (ComposeCommands.runsCommands(path, "")) {
                named(path, docs.printAll());
            } else if (docs.getDocuments().stream().anyMatch(d -> d.getBlock() instanceof Yaml.Mapping m
                    && m.getEntries().stream().anyMatch(e -> "include".equals(e.getKey().getValue())))) {
                index.included(path, ComposeProjectFiles.includes(path, docs.printAll()));
            }
        }
    }

    /**
     * What a file that runs commands names. A GitLab pipeline waits until the run was seen, then is read as the scan's
     * index reads it ({@link ComposeFileIndex#add(String, String, java.util.function.Function)}, over
     * {@link GitlabIncludes#pipelines}): one that runs on its own with the files it includes, one that another pipeline
     * includes ({@code .gitlab/ci/deploy.yml}) only inside that one, never as a pipeline of its own from the root.
     */
    private void named(String path, String text) {
        if (GitlabPipelines.isPipeline(path)) {
            index.add(path, text, this::runText);
        } else {
            index.named(ComposeProjectFiles.namedComposeFiles(path, text));
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

    /** The text of one of the run's YAML sources, by path; null for a file not in the run. */
    public String runText(String path) {
        SourceFile source = yamlSources.get(path);
        return source instanceof Yaml.Documents docs ? docs.printAll()
                : source instanceof PlainText text ? text.getText() : null;
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
