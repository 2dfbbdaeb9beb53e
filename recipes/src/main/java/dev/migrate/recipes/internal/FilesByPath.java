package dev.migrate.recipes.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.PathUtils;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.SearchResult;

/**
 * Selects source files by path: the patterns and matching of OpenRewrite's {@code FindSourceFiles} ({@code ;}-separated
 * globs, trimmed, blanks dropped, a leading {@code ./} or {@code /} ignored, none at all matching every file), without
 * that recipe. The recipes called {@code new FindSourceFiles(..)} in every {@code getVisitor()}, that is once per file
 * per recipe, and each one set up its data table by reflection (about 2% of a run with nothing to edit); a visitor here
 * only checks the path against patterns split once per pattern string. It records no row of that recipe's data table,
 * which a precondition suppresses anyway and nothing of the project reads.
 */
public final class FilesByPath {
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();

    private FilesByPath() {
    }

    /** A visitor that marks a source file whose path matches {@code filePattern} as found, and leaves others as they are. */
    public static TreeVisitor<Tree, ExecutionContext> matching(String filePattern) {
        String[] globs = SPLIT.computeIfAbsent(filePattern, FilesByPath::split);
        // a new visitor each time: a visitor keeps a cursor, and recipes run on several threads
        return new TreeVisitor<>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                return tree instanceof SourceFile file && matches(globs, file.getSourcePath()) ? SearchResult.found(tree) : tree;
            }
        };
    }

    private static boolean matches(String[] globs, Path path) {
        if (globs.length == 0) {
            return true;
        }
        for (String glob : globs) {
            if (PathUtils.matchesGlob(path, glob)) {
                return true;
            }
        }
        return false;
    }

    private static String[] split(String filePattern) {
        return Arrays.stream(filePattern.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .map(FilesByPath::withoutLeadingDot).toArray(String[]::new);
    }

    private static String withoutLeadingDot(String glob) {
        if (glob.startsWith("./") || glob.startsWith(".\\")) {
            return glob.substring(2);
        }
        return glob.startsWith("/") || glob.startsWith("\\") ? glob.substring(1) : glob;
    }
}
