package dev.migrate.recipes;

import org.openrewrite.DataTable;
import org.openrewrite.Recipe;

/**
 * What recipes could not decide alone: dropped flags, chosen work pools, constructs left for a person.
 * `migrate rewrite` prints these rows in its summary; "manual" rows make it exit 1 under {@code --fail-on}.
 */
public class MigrationNotes extends DataTable<MigrationNotes.Row> {
    public MigrationNotes(Recipe recipe) {
        super(recipe, "Migration notes", "Decisions and manual steps left by the Prefect 3 migration recipes.");
    }

    /**
     * @param sourcePath the file, relative to the project root
     * @param line       1-based line, or 0 for the whole file
     * @param recipe     the recipe that wrote the note
     * @param manual     true when a person must act; false for a decision worth reviewing
     */
    public record Row(String sourcePath, int line, String recipe, boolean manual, String message) {
    }
}
