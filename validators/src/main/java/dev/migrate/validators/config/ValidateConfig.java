package dev.migrate.validators.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A whole validation config, bound and checked. Relative paths in it are already resolved against {@code baseDir}. */
public record ValidateConfig(Path file, Path baseDir, Map<String, ConnectionConfig> connections, List<JobConfig> jobs) {
    public ConnectionConfig connection(String name) {
        return connections.get(name);
    }
}
