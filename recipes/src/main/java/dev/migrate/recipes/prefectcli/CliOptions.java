package dev.migrate.recipes.prefectcli;

/**
 * Choices the translation cannot make from the command line alone.
 *
 * @param poolType    the work pool type for workers replacing agents ({@code process}, {@code docker},
 *                    {@code kubernetes}, ...)
 * @param targetMinor the Prefect 3 minor release targeted (8 for 3.8); some flags arrived within 3.x
 */
public record CliOptions(String poolType, int targetMinor) {
    public static final CliOptions DEFAULT = new CliOptions("process", 8);
}
