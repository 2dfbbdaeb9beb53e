package dev.migrate.cli;

import dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.Recipe;
import org.openrewrite.config.CompositeRecipe;
import org.openrewrite.config.DeclarativeRecipe;

/**
 * Hands {@code rewrite}'s host zone ({@code --host-zone}, else {@code -Dmigrate.hostZone}, else the tree's zone files,
 * else UTC: {@link HostZoneOption}) to the legacy recipe as its {@code hostZone} option, wherever it runs: named
 * itself, or inside a composite whose YAML leaves that option out. A {@code --option hostZone=} the user gave stays.
 * The recipe reads its zone from the option alone, never from the JVM's settings, so the zone is the same however the
 * recipe is run.
 */
final class RecipeHostZone {
    private RecipeHostZone() {
    }

    /** {@code recipe} with {@code zone} as the host zone of every legacy recipe in it that names none. */
    static Recipe given(Recipe recipe, ZoneId zone) {
        if (recipe instanceof MoveLegacySchedulersToPrefect3 legacy) {
            return legacy.getHostZone() == null ? legacy.withHostZone(zone.getId()) : legacy;
        }
        if (recipe instanceof DeclarativeRecipe declarative) {
            List<Recipe> inside = declarative.getRecipeList();
            List<Recipe> given = given(inside, zone);
            if (given != inside) {
                declarative.setRecipeList(given);
            }
            return declarative;
        }
        if (recipe instanceof CompositeRecipe composite) {
            List<Recipe> inside = composite.getRecipeList();
            List<Recipe> given = given(inside, zone);
            return given == inside ? composite : new CompositeRecipe(given);
        }
        return recipe;
    }

    /** The list with each recipe given the zone; the same list when none changed, so nothing else is rebuilt. */
    private static List<Recipe> given(List<Recipe> recipes, ZoneId zone) {
        List<Recipe> out = new ArrayList<>(recipes.size());
        boolean changed = false;
        for (Recipe r : recipes) {
            Recipe g = given(r, zone);
            changed |= g != r;
            out.add(g);
        }
        return changed ? out : recipes;
    }
}
