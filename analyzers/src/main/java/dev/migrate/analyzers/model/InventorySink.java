package dev.migrate.analyzers.model;

/** Where detectors put what they find. Implementations sort the results, so order does not matter. */
public interface InventorySink {
    void job(Job job);

    void finding(Finding finding);

    /**
     * This sink, with the findings that name no job given to {@code jobId}: a command read inside another job's
     * definition (a CronJob's container, a unit's Exec line) reports what defines no job of its own on that job.
     */
    default InventorySink givingJoblessFindingsTo(String jobId) {
        InventorySink sink = this;
        return new InventorySink() {
            @Override
            public void job(Job job) {
                sink.job(job);
            }

            @Override
            public void finding(Finding f) {
                sink.finding(f.jobId() != null ? f : new Finding(f.code(), f.severity(), f.applicability(), f.message(),
                        f.where(), jobId));
            }
        };
    }
}
