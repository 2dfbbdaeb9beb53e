package dev.migrate.recipes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Prefect integration packages and their first release that supports Prefect 3, from {@code prefect-integrations.yaml}. */
public final class PrefectIntegrations {
    private static final Map<String, String> FIRST_PREFECT3_RELEASE = load();

    private PrefectIntegrations() {
    }

    /** Every known integration package by name, with its first Prefect 3 release. */
    public static Map<String, String> firstPrefect3Releases() {
        return FIRST_PREFECT3_RELEASE;
    }

    /** The first release of {@code pkg} that supports Prefect 3; null for a package that is not an integration. */
    public static String firstPrefect3Release(String pkg) {
        return FIRST_PREFECT3_RELEASE.get(pkg);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = PrefectIntegrations.class.getResourceAsStream("/dev/migrate/recipes/prefect-integrations.yaml")) {
            if (in == null) {
                throw new IllegalStateException("prefect-integrations.yaml is missing from the build");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> raw = (Map<String, Object>) root.get("first_prefect3_release");
            Map<String, String> out = new TreeMap<>();
            raw.forEach((k, val) -> out.put(k, String.valueOf(val)));
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
