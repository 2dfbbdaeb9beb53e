package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * Base of the Prefect 1 Python recipes: each edits the module of a file that parses and imports prefect, and
 * the edit ends the same way everywhere (imports the edit left unused go, the top of the file stays tidy).
 */
public abstract class Prefect1PythonRecipe extends Recipe {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    /** The edited module, or {@code module} itself when nothing changes. */
    protected abstract Node edit(PythonFile file, Node module, ExecutionContext ctx, Notes log);

    @Override
    public final TreeVisitor<?, ExecutionContext> getVisitor() {
        Notes log = new Notes(notes, this);
        return new PythonVisitor<>() {
            @Override
            public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                return editPrefectFile(file, before -> edit(file, before, ctx, log));
            }
        };
    }

    /**
     * The file with {@code edit} applied to its module and the imports the edit left unused removed, when it parses
     * and imports prefect; any other file as it is. Shared with the recipes that scan the project first.
     */
    public static PythonFile editPrefectFile(PythonFile file, java.util.function.UnaryOperator<Node> edit) {
        if (file.hasSyntaxErrors() || !Imports.of(file.module()).uses("prefect")) {
            return file;
        }
        Node before = file.module();
        return MigrationNotes.visiting(file.getSourcePath().toString(), file::text, () -> {
            Node after = edit.apply(before);
            return after == before ? file : file.withModule(Imports1.finish(before, after, file.style()));
        });
    }
}
