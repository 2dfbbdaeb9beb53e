package dev.migrate.recipes;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;

/**
 * Which recipe deleted which file. OpenRewrite 8.90's in-memory source set records a deletion with the recipe
 * stack its {@code setRecipe} was last given, which is not the deleting recipe (in practice the last recipe of
 * the run), so the rewrite summary listed a deleted deployment.yaml under RenameRemovedPrefectSettings; a recipe
 * that deletes a file says so here, and the engine believes it over OpenRewrite.
 */
public final class DeletedFiles {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.deletedFiles";

    private DeletedFiles() {
    }

    /** Records that {@code recipe} deletes {@code file}; returns null, what a visitor returns to delete it. */
    public static <T> T delete(ExecutionContext ctx, SourceFile file, Recipe recipe) {
        Map<Path, String> deleted = ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ConcurrentHashMap<>());
        deleted.put(file.getSourcePath(), recipe.getName());
        return null;
    }

    /** The name of the recipe that deleted the file at {@code path}, when one said so. */
    public static Optional<String> deleter(ExecutionContext ctx, Path path) {
        Map<Path, String> deleted = ctx.getMessage(CONTEXT_KEY);
        return deleted == null ? Optional.empty() : Optional.ofNullable(deleted.get(path));
    }
}
