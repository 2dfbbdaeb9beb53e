package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
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

    /** Files named as compose files, as "/"-separated paths of the run. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    /** Per compose file, the files its {@code include:} names. */
    private final Map<String, Set<String>> includes = new ConcurrentHashMap<>();
    /** Sources already read (several recipes scan the same files). */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private ComposeFiles() {
    }

    /** The run's index, made on first use. */
    public static ComposeFiles in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ComposeFiles());
    }

    /** Records what one file of the run names (once per file, whichever recipe asks first). */
    public void scan(SourceFile source) {
        String path = path(source.getSourcePath());
        if (!seen.add(path)) {
            return;
        }
        if (source instanceof PlainText text) {
            if (path.endsWith(".env") || ComposeCommands.runsCommands(path, text.getText())) {
                named.addAll(ComposeProjectFiles.namedComposeFiles(path, text.getText()));
            }
        } else if (source instanceof Yaml.Documents docs) {
            // printed only when it may name compose files: a CI pipeline's steps, a top-level include:
            if (ComposeCommands.runsCommands(path, "")) {
                named.addAll(ComposeProjectFiles.namedComposeFiles(path, docs.printAll()));
            } else if (docs.getDocuments().stream().anyMatch(d -> d.getBlock() instanceof Yaml.Mapping m
                    && m.getEntries().stream().anyMatch(e -> "include".equals(e.getKey().getValue())))) {
                Set<String> inc = ComposeProjectFiles.includes(path, docs.printAll());
                if (!inc.isEmpty()) {
                    includes.put(path, inc);
                }
            }
        }
    }

    /** A scanner for a recipe's scanning phase: records each source file. */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return new TreeVisitor<>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile source) {
                    in(ctx).scan(source);
                }
                return tree;
            }
        };
    }

    /** Whether the file is a compose file: by its name, or because something of the run names it. */
    public boolean isCompose(Path sourcePath) {
        String path = path(sourcePath);
        if (byName(path)) {
            return true;
        }
        // a file that a compose file of the run includes, however it is named itself
        Set<String> reached = new HashSet<>(named);
        includes.keySet().stream().filter(ComposeFiles::byName).forEach(reached::add);
        Deque<String> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (String inc : includes.getOrDefault(todo.pop(), Set.of())) {
                if (reached.add(inc)) {
                    todo.push(inc);
                }
            }
        }
        return named.contains(path) || reached.contains(path);
    }

    /** Whether the run's scanning phase named the file (by -f, COMPOSE_FILE or include:), whatever its name. */
    public static boolean isCompose(Path sourcePath, ExecutionContext ctx) {
        return in(ctx).isCompose(sourcePath);
    }

    /** A compose file by its name alone. */
    public static boolean byName(String path) {
        return ComposeProjectFiles.COMPOSE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    private static String path(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
