package dev.migrate.recipes.engine;

import java.util.Comparator;
import java.util.List;
import org.openrewrite.Recipe;
import org.openrewrite.config.Environment;
import org.openrewrite.config.RecipeDescriptor;

/** The recipes `migrate rewrite` offers: every recipe and composite under {@code dev.migrate}. */
public final class RecipeCatalog {
    public static final String DEFAULT_RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";

    private final Environment environment;

    private RecipeCatalog(Environment environment) {
        this.environment = environment;
    }

    public static RecipeCatalog load() {
        return new RecipeCatalog(Environment.builder().scanRuntimeClasspath("dev.migrate").build());
    }

    public List<RecipeDescriptor> descriptors() {
        return environment.listRecipeDescriptors().stream()
                .filter(d -> d.getName().startsWith("dev.migrate."))
                .sorted(Comparator.comparing(RecipeDescriptor::getName))
                .toList();
    }

    /**
     * The composites (declarative recipes) that run {@code recipe} directly, sorted by name: where a recipe class
     * with required options is run with those options already chosen.
     */
    public List<String> compositesRunning(String recipe) {
        return descriptors().stream()
                .filter(d -> !d.getName().equals(recipe))
                .filter(d -> d.getRecipeList().stream().anyMatch(r -> r.getName().equals(recipe)))
                .map(RecipeDescriptor::getName)
                .toList();
    }

    /**
     * @throws IllegalArgumentException naming the unknown recipe and how to list the known ones
     */
    public Recipe activate(List<String> names) {
        for (String name : names) {
            if (descriptors().stream().noneMatch(d -> d.getName().equals(name))) {
                throw new IllegalArgumentException("unknown recipe '" + name + "'; run 'migrate rewrite --list' to see them");
            }
        }
        return environment.activateRecipes(names);
    }
}
