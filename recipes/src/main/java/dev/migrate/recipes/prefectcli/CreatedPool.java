package dev.migrate.recipes.prefectcli;

/**
 * A work pool that a translation asks to create ({@code prefect work-pool create NAME --type TYPE} in its note), as
 * data: what {@link PoolTypeConflicts} compares across the commands of a file, whatever the notes' wording.
 *
 * @param name the pool's name, as the translated command names it
 * @param type the worker type it is to be created with
 */
public record CreatedPool(String name, String type) {
}
