package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.rules.Rule;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.recipes.engine.RecipeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openrewrite.config.RecipeDescriptor;

/**
 * The rules promise fixes ({@code fixed_by} in the rule YAML); analyzers cannot see the recipes, so the promise
 * is checked here, where both modules meet.
 */
class RuleFixesTest {
    private static final Set<String> RECIPES = RecipeCatalog.load().descriptors().stream()
            .map(RecipeDescriptor::getName).collect(Collectors.toSet());

    @Test
    void everyRecipeARuleNamesIsOneMigrateRewriteOffers() {
        List<String> unknown = new ArrayList<>();
        for (Rule r : RuleRegistry.standard().all()) {
            r.fixedBy().stream().filter(n -> !RECIPES.contains(n)).forEach(n -> unknown.add(r.code() + " -> " + n));
        }
        assertThat(unknown).as("fixed_by names that `migrate rewrite --list` does not show").isEmpty();
    }

    /** Scan tells users to run {@code migrate rewrite --recipe NAME}: a recipe that needs options would only fail. */
    @Test
    void everyRecipeARuleNamesRunsWithoutOptions() {
        RecipeCatalog catalog = RecipeCatalog.load();
        List<String> needOptions = new ArrayList<>();
        for (Rule r : RuleRegistry.standard().all()) {
            for (String n : r.fixedBy()) {
                try {
                    RecipeOptions.validated(catalog.activate(List.of(n)), catalog);
                } catch (CliException e) {
                    needOptions.add(r.code() + " -> " + n + ": " + e.getMessage());
                }
            }
        }
        assertThat(needOptions).as("fixed_by names whose recipe cannot run as scan says to run it").isEmpty();
    }

    @Test
    void everyRuleWithAFixNamesARecipe() {
        List<String> promised = RuleRegistry.standard().all().stream()
                .filter(r -> r.applicability() != Applicability.MANUAL && r.fixedBy().isEmpty())
                .map(Rule::code).toList();
        assertThat(promised).isEmpty();
        // The rules of the Prefect migrations that scan reports most often all carry their recipe.
        assertThat(RuleRegistry.standard().get("PF214").fixedBy())
                .contains("dev.migrate.recipes.prefect2.ReplaceDeploymentBuildFromFlow");
    }
}
