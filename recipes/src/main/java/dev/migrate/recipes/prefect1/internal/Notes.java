package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.tree.PyElement;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;

/** Writes migration notes for one Python file, with the line of the element concerned. */
public final class Notes {
    private final MigrationNotes table;
    private final Recipe recipe;

    public Notes(MigrationNotes table, Recipe recipe) {
        this.table = table;
        this.recipe = recipe;
    }

    public void manual(ExecutionContext ctx, PythonFile file, PyElement at, String code, String message) {
        write(ctx, file, at, true, code, message);
    }

    public void decision(ExecutionContext ctx, PythonFile file, PyElement at, String code, String message) {
        write(ctx, file, at, false, code, message);
    }

    private void write(ExecutionContext ctx, PythonFile file, PyElement at, boolean manual, String code, String message) {
        int line = 0;
        if (at != null) {
            try {
                line = file.start(at).line();
            } catch (RuntimeException notInThisTree) {
                line = 0;
            }
        }
        table.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(), line, recipe.getName(), manual,
                Todos.oneLine(message), code));
    }
}
