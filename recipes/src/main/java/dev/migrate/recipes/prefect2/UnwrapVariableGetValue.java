package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.List;
import org.openrewrite.ExecutionContext;

/**
 * {@code Variable.get(...).value} becomes {@code Variable.get(...)}: Prefect 3 returns the value itself
 * (BHV003). Unsafe, because values are JSON in Prefect 3, not always strings.
 */
public class UnwrapVariableGetValue extends PythonRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Drop `.value` after `Variable.get(...)`";
    }

    @Override
    public String getDescription() {
        return "Prefect 3's `Variable.get` returns the variable's value, not a Variable object, so `.value` "
                + "after it raises AttributeError. Unsafe fix (BHV003): values may now be JSON, not only strings.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {".value"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect.variables") && !imports.uses("prefect")) {
            return file.module();
        }
        Node after = before;
        for (Node attr : TreeIndex.of(before).find(NodeKind.ATTRIBUTE)) {
            List<Token> tokens = attr.tokens();
            Node receiver = Expressions.unwrap(attr.nodes().get(0));
            boolean value = !tokens.isEmpty() && tokens.get(tokens.size() - 1).text().equals("value");
            if (!value || receiver.kind() != NodeKind.CALL
                    || !imports.qualifiedName(receiver).filter("prefect.variables.Variable.get"::equals).isPresent()) {
                continue;
            }
            if (!FixSafety.unsafeAllowed(ctx)) {
                notes.insertRow(ctx, PythonCode.note(file, attr, getName(), true,
                        "BHV003", MigrationNotes.unsafeFixNotApplied("drop .value after Variable.get")));
                continue;
            }
            after = TreeEdits.replace(after, attr, receiver);
            notes.insertRow(ctx, PythonCode.note(file, attr, getName(), false,
                    "BHV003", "Variable.get now returns the value itself; it may be JSON rather than a string"));
        }
        return after;
    }
}
