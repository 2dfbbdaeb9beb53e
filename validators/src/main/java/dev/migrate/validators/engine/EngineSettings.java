package dev.migrate.validators.engine;

import java.nio.file.Path;

/**
 * Resource limits of the embedded engine. DuckDB spills to {@code tempDir} past {@code memoryLimit},
 * which is what lets a 100M-row pair run in a small, fixed amount of memory.
 */
public record EngineSettings(int threads, String memoryLimit, Path tempDir, int sampleSize, boolean materialized) {
    public EngineSettings(int threads, String memoryLimit, Path tempDir, int sampleSize) {
        this(threads, memoryLimit, tempDir, sampleSize, false);
    }

    /**
     * The same limits, with every file side loaded into a table before it is compared: no one-pass scan and no
     * pairing while reading. The slowest path, and the reference the faster ones are tested against.
     */
    public EngineSettings materializing() {
        return new EngineSettings(threads, memoryLimit, tempDir, sampleSize, true);
    }

    /** {@link #memoryLimit()} in bytes ("2GB", "512MiB", "1.5 GB"); decimal and binary units both count as 1024-based here. */
    public long memoryBytes() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)I?B?\\s*")
                .matcher(memoryLimit);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: " + memoryLimit);
        }
        int power = "BKMGT".indexOf(m.group(2).isEmpty() ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT));
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Math.max(1, Runtime.getRuntime().availableProcessors()), "2GB", null, 10);
    }
}
