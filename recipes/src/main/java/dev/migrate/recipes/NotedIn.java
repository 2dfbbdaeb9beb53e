package dev.migrate.recipes;

import java.util.function.Supplier;
import org.openrewrite.DataTable;
import org.openrewrite.Recipe;

/**
 * The text each migration note counted its line in (the file as the recipe received it), for the engine to
 * move the line to the rewritten file. Kept as a data table: the one channel by which recipes may leave
 * state in a run.
 */
public class NotedIn extends DataTable<NotedIn.Row> {
    public NotedIn(Recipe recipe) {
        super(recipe, "Where notes counted their lines", "The file text each migration note's line is a line of.");
    }

    /**
     * @param note the note, as inserted
     * @param text its file's text as the recipe that wrote it received it (printed on demand)
     */
    public record Row(MigrationNotes.Row note, Supplier<String> text) {
    }
}
