package com.corp.billing.quartz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Deletes temporary PDF renders older than a day (trigger defined in quartz_jobs.xml). */
public class PurgeTempJob implements Job {

    private static final Path RENDER_DIR = Path.of("/var/tmp/billing-renders");

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(RENDER_DIR)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new JobExecutionException("purge of " + RENDER_DIR + " failed", e, false);
        }
    }
}
