package dev.migrate.recipes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;

/**
 * Symbolic links a recipe deletes. Links are no source files (the engine never follows nor parses them), so no visitor
 * can delete one: a recipe names it here (a host dump's timers.target.wants/etl.timer once etl.timer is deleted, which
 * would otherwise be left dangling) and the engine deletes the link itself, never what it points to.
 */
public final class DeletedLinks {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.deletedLinks";

    private DeletedLinks() {
    }

    /** Records that {@code recipe} deletes the link at {@code path} (relative to the project, "/"-separated). */
    public static void delete(ExecutionContext ctx, String path, Recipe recipe) {
        Map<String, String> deleted = ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ConcurrentHashMap<>());
        deleted.put(path, recipe.getName());
    }

    /** The links recipes deleted, each with the name of the recipe that deleted it. */
    public static Map<String, String> all(ExecutionContext ctx) {
        Map<String, String> deleted = ctx.getMessage(CONTEXT_KEY);
        return deleted == null ? Map.of() : Map.copyOf(deleted);
    }
}
