package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import java.util.List;

/**
 * A pass that runs after every file has been scanned and may complete jobs with facts from other files,
 * for example Spring {@code ${...}} placeholders resolved from {@code application.properties}.
 * Listed in {@code META-INF/services/dev.migrate.analyzers.scan.JobResolver}.
 */
public interface JobResolver {
    /** Whether the scanner should keep this text file (by path) for {@link #resolve}. Keep it small. */
    boolean wants(String path);

    /**
     * Whether the scanner should keep, by its text, a file that some detector reads anyway (so it is decoded already):
     * a cheap test, for resolvers that need a few files of a kind most of which they do not ({@code .save(} in a
     * Python file). By default none.
     */
    default boolean keeps(ScanFile file) {
        return false;
    }

    /**
     * Replaces jobs in place and adds findings.
     *
     * @param jobs     every job found, in no particular order; may be modified
     * @param findings every finding found; may be added to
     * @param files    the files {@link #wants} asked for, sorted by path
     */
    void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files);

    /**
     * As {@link #resolve(List, List, List)}, for a pass that may have to read a file of the tree no path it
     * {@link #wants} could name in advance (the templates a GitLab pipeline includes, by whatever name):
     * {@code base} is the scanned tree's root directory. By default the tree is not read.
     */
    default void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, java.nio.file.Path base) {
        resolve(jobs, findings, files);
    }

    /**
     * As {@link #resolve(List, List, List, java.nio.file.Path)}, for a pass that reads times or schedules naming no zone
     * (a scheduler log's local timestamps): {@code hostZone} is the zone the scan's options name, the one its detectors
     * read in. By default the zone plays no part.
     */
    default void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, java.nio.file.Path base,
                         java.time.ZoneId hostZone) {
        resolve(jobs, findings, files, base);
    }

    /**
     * Whether this pass only adds evidence about jobs (what the host's logs say) rather than completing what they
     * are: a migration plan, which must not change with the logs of the day, leaves such passes out.
     */
    default boolean evidenceOnly() {
        return false;
    }
}
