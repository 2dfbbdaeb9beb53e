package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import java.util.List;

/** A job whose dependencies are still unit names; they become job ids once every unit is known. */
record PendingJob(Job job, List<String> unitNames, List<String> dependencyUnits, List<Finding> findings) {
}
