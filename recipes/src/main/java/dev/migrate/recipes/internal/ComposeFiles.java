package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.ComposeFileIndex;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** GitLab pipelines that include local files, with their texts: read with those files once the run was seen. */
    private final Queue<Map.Entry<String, String>> including = new ConcurrentLinkedQueue<>();
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

    /** What a file that runs commands names: a GitLab pipeline that includes local files waits for those. */
    private void named(String path, String text) {
        if (GitlabPipelines.isPipeline(path) && !GitlabIncludes.locals(text).isEmpty()) {
            including.add(Map.entry(path, text)); // its included files may not have been seen yet
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
        readIncluding();
        return index.isCompose(path(sourcePath));
    }

    /**
     * What the GitLab pipelines that include local files name, with the commands of those files (asked while editing,
     * when the run's sources were all seen): a compose file named only in {@code ci/deploy.yml} is the project's.
     */
    private void readIncluding() {
        if (including.isEmpty()) {
            return;
        }
        synchronized (including) {
            // a pipeline leaves the queue only once what it names is in the index: a thread that finds it empty may ask
            for (Map.Entry<String, String> p = including.peek(); p != null; p = including.peek()) {
                index.named(ComposeProjectFiles.namedComposeFiles(p.getKey(), p.getValue(), this::runText));
                including.remove();
            }
        }
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
