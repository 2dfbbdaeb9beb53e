package dev.migrate.recipes.prefect1.internal;

import java.util.Locale;

/** Prefect 1 secret names as Prefect 3 Secret block names (lowercase letters, digits and dashes). */
public final class Secrets {
    private Secrets() {
    }

    public static String blockName(String prefect1Name) {
        String slug = prefect1Name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "secret" : slug;
    }
}
