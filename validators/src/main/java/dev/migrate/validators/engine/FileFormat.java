package dev.migrate.validators.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Output file formats DuckDB reads, recognised by extension (after a compression suffix). */
public enum FileFormat {
    CSV, PARQUET, JSON, NDJSON;

    public static Optional<FileFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        name = name.replaceFirst("\\.(gz|gzip|zst|zstd)$", "");
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".psv")
                || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return Optional.of(PARQUET);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    public static boolean isGzip(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") || name.endsWith(".gzip");
    }
}
