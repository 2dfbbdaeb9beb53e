package dev.migrate.validators.engine;

import java.nio.file.Path;

/**
 * Resource limits of the embedded engine. DuckDB spills to {@code tempDir} past {@code memoryLimit},
 * which is what lets a 100M-row pair run in a small, fixed amount of memory.
 */
public record EngineSettings(int threads, String memoryLimit, Path tempDir, int sampleSize) {
    public static EngineSettings defaults() {
        return new EngineSettings(Math.max(1, Runtime.getRuntime().availableProcessors()), "2GB", null, 10);
    }
}
