package dev.migrate.analyzers.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Prefect 2 infrastructure and storage block classes Prefect 3 removed, from {@code prefect-2-block-classes.yaml}:
 * an import of one is reported as the rewrite notes it, PF205 (a work pool replaces it) or PF206 (the integration's
 * block replaces it), rather than as a removed name (PF216) with nothing said about what replaces it.
 */
public final class PrefectBlockClasses {
    /** What replaces a removed block class: the finding code and the sentence that says it. */
    public record Replacement(String code, String message) {
    }

    private static final Map<String, Map<String, String>> DATA = load();

    private PrefectBlockClasses() {
    }

    /** For {@code prefect.infrastructure.Process}: PF205 and "...a work pool of type process..."; empty for other names. */
    public static Optional<Replacement> of(String qualifiedName) {
        String pool = DATA.getOrDefault("infrastructure", Map.of()).get(qualifiedName);
        if (pool != null) {
            return Optional.of(new Replacement("PF205", qualifiedName + " does not exist in Prefect 3: infrastructure "
                    + "blocks became work pools; create one of type " + pool + " (prefect work-pool create NAME --type "
                    + pool + ") and pass the block's fields as the deployments' job variables"));
        }
        String block = DATA.getOrDefault("storage", Map.of()).get(qualifiedName);
        if (block != null) {
            return Optional.of(new Replacement("PF206", qualifiedName + " does not exist in Prefect 3: its integration's "
                    + "block " + block + " replaces it (fields renamed, and code that loads the block by name loads that type)"));
        }
        return Optional.empty();
    }

    private static Map<String, Map<String, String>> load() {
        String resource = "/dev/migrate/analyzers/prefect-2-block-classes.yaml";
        try (InputStream in = PrefectBlockClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Map.copyOf(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
