package dev.migrate.recipes.prefectcli;

import java.util.Set;

/**
 * Choices the translation cannot make from the command line alone.
 *
 * @param poolType    the work pool type for workers replacing agents ({@code process}, {@code docker},
 *                    {@code kubernetes}, ...)
 * @param targetMinor the Prefect 3 minor release targeted (8 for 3.8); some flags arrived within 3.x
 * @param appliedLater the deployment files a {@code prefect deployment apply} after the command applies (same
 *                    script, later line or later in the same chain): a build writing one of them deploys
 */
public record CliOptions(String poolType, int targetMinor, Set<String> appliedLater) {
    public static final CliOptions DEFAULT = new CliOptions("process", 8);

    public CliOptions {
        appliedLater = Set.copyOf(appliedLater);
    }

    public CliOptions(String poolType, int targetMinor) {
        this(poolType, targetMinor, Set.of());
    }

    public CliOptions withAppliedLater(Set<String> files) {
        return new CliOptions(poolType, targetMinor, files);
    }
}
