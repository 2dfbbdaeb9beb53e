package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.List;

/**
 * Records on each job of a Python in-process scheduler ({@code schedule}, APScheduler, Celery beat) the systemd
 * service whose command runs its script ({@link SchedulerServices#linkInProcessServices}), as Spring and Quartz jobs
 * get the unit running their jar: the scan's JSON, the reports, the legacy recipe and the cutover then read one link
 * instead of each matching commands again. Reads no file of its own.
 */
public final class InProcessServiceLinker implements JobResolver {
    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        SchedulerServices.linkInProcessServices(jobs);
    }
}
