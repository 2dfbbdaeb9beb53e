package dev.migrate.analyzers.scan;

/** Receives progress while a scan runs (the CLI shows it on a terminal). Called from worker threads. */
@FunctionalInterface
public interface ScanListener {
    ScanListener NONE = (done, total) -> { };

    void progress(long filesDone, long filesTotal);
}
