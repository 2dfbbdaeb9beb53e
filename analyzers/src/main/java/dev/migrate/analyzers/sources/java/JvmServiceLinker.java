package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.List;

/**
 * Records on each Spring and Quartz job the systemd service whose {@code java -jar} runs its application
 * ({@link SchedulerServices#linkJvmServices}): a fact of two files, the unit and the source, known once both are read.
 * Reads no file of its own.
 */
public final class JvmServiceLinker implements JobResolver {
    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        SchedulerServices.linkJvmServices(jobs);
    }
}
