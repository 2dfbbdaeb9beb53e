package dev.migrate.analyzers.model;

/** Where detectors put what they find. Implementations sort the results, so order does not matter. */
public interface InventorySink {
    void job(Job job);

    void finding(Finding finding);
}
