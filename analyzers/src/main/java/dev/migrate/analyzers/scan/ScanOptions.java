package dev.migrate.analyzers.scan;

/**
 * @param maxFileBytes files larger than this are skipped with a note
 * @param threads      worker threads reading and analysing files
 */
public record ScanOptions(long maxFileBytes, int threads) {
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    public ScanOptions {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GiB: " + maxFileBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_FILE_BYTES, Runtime.getRuntime().availableProcessors());
    }
}
