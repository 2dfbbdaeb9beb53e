package dev.migrate.recipes.prefectcli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The package a Prefect 3 worker of a work pool type needs installed to start ({@code worker-packages.yaml}):
 * {@code prefect-docker} for a docker worker. An agent's worker that now serves a docker pool, named after the
 * deployments' block, runs only where that package is.
 */
public final class WorkerPackages {
    private static final Map<String, String> PACKAGES = load();

    private WorkerPackages() {
    }

    /** The package a worker of {@code type} needs; empty for the process worker, which is Prefect's own. */
    public static Optional<String> of(String type) {
        return Optional.ofNullable(PACKAGES.get(type));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = WorkerPackages.class.getResourceAsStream("/dev/migrate/recipes/worker-packages.yaml")) {
            if (in == null) {
                throw new IllegalStateException("worker-packages.yaml is missing from the build");
            }
            return Map.copyOf((Map<String, String>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
