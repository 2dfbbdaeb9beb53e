package dev.migrate.validators;

import dev.migrate.validators.config.RunRef;
import java.util.Set;

/** What the command line adds to a config: runs to compare, and which jobs to run (empty = all). */
public record RunOverrides(RunRef legacyRun, RunRef newRun, Set<String> jobs) {
    public static final RunOverrides NONE = new RunOverrides(null, null, Set.of());
}
