package dev.migrate.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import dev.migrate.recipes.engine.RecipeCatalog;
import org.openrewrite.Recipe;
import org.openrewrite.Validated;

/**
 * {@code --option key=value} for {@code migrate rewrite}: builds a recipe class with those options (the same way
 * OpenRewrite reads them from a recipe YAML) and validates them. Composites fix their options in YAML, so options
 * need the recipe's class name.
 */
final class RecipeOptions {
    private RecipeOptions() {
    }

    /** Recipes are read polymorphically, by class name in {@code @c}, as in OpenRewrite's own YAML loading. */
    private static Map<String, Object> typed(String name, Map<String, String> options) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(options);
        m.put("@c", name);
        return m;
    }

    static Recipe build(List<String> names, Map<String, String> options, RecipeCatalog catalog) {
        if (names.size() != 1) {
            throw CliException.invalidInput("--option needs exactly one --recipe, the class that takes the options "
                    + "(for example dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3)");
        }
        String name = names.get(0);
        Class<?> type;
        try {
            type = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw CliException.invalidInput("--option applies to a recipe class, and '" + name
                    + "' is not one; run 'migrate rewrite --list' and pick a recipe with options");
        }
        if (!Recipe.class.isAssignableFrom(type)) {
            throw CliException.invalidInput("'" + name + "' is not a recipe");
        }
        Recipe recipe;
        try {
            recipe = (Recipe) new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .convertValue(typed(name, options), type);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(explain(e, name, type, options));
        }
        return validated(recipe, catalog);
    }

    /**
     * What is wrong with the options, in the words of {@code --option}: Jackson's own message names the recipe base
     * class's properties (tags, examples, ...) as if they were options, and Java types.
     */
    private static String explain(IllegalArgumentException e, String name, Class<?> type, Map<String, String> options) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .filter(id -> declaresField(type, id)).sorted().toList();
            return "--option " + unknown.getPropertyName() + ": " + name + (known.isEmpty() ? " takes no options"
                    : " has no such option; its options: " + String.join(", ", known)
                    + " ('migrate rewrite --list' describes them)");
        }
        if (e.getCause() instanceof MismatchedInputException bad && !bad.getPath().isEmpty()) {
            String option = bad.getPath().get(bad.getPath().size() - 1).getFieldName();
            String expected = bad.getTargetType() == null ? "another value" : switch (bad.getTargetType().getSimpleName()) {
                case "Integer", "int", "Long", "long" -> "a whole number";
                case "Boolean", "boolean" -> "true or false";
                default -> "a " + bad.getTargetType().getSimpleName();
            };
            return "--option " + option + "=" + options.get(option) + ": expected " + expected;
        }
        String msg = e.getMessage() == null ? "" : e.getMessage().split("\\R")[0];
        return "--option for " + name + " is not valid: " + msg;
    }

    /** Whether the recipe class itself (not OpenRewrite's Recipe, whose properties are no options) has this field. */
    private static boolean declaresField(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Recipe.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(field) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code recipe} when its options (and those of every recipe it runs) are valid; else the input error naming
     * each option to give or fix. A recipe class named without {@code --option} has its required options unset,
     * which the recipe would otherwise meet as an internal error half-way through the run; the error then also names
     * the composites that run it with its options chosen, which is what most users meant to run.
     */
    static Recipe validated(Recipe recipe, RecipeCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        for (Validated<Object> v : recipe.validateAll()) {
            for (Validated.Invalid<Object> f : v.failures()) {
                // OpenRewrite names a nested recipe's option by its class and field: the field is what --option takes
                String option = f.getProperty().substring(f.getProperty().lastIndexOf('.') + 1);
                sb.append(sb.length() == 0 ? "" : "; ").append("--option ").append(option).append('=')
                        .append(f.getInvalidValue() == null ? "VALUE" : f.getInvalidValue()).append(": ")
                        .append(f.getMessage());
            }
        }
        if (sb.length() > 0) {
            List<String> composites = catalog.compositesRunning(recipe.getName());
            throw CliException.invalidInput(sb + " (recipe " + recipe.getName() + "; 'migrate rewrite --list' "
                    + "describes its options)" + (composites.isEmpty() ? ""
                    : "; or run a composite that chooses them: --recipe " + String.join(", --recipe ", composites)));
        }
        return recipe;
    }
}
