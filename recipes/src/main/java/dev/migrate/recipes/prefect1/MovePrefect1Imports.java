package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.recipes.PrefectRenames;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrewrite.ExecutionContext;

/**
 * Moves Prefect 1 from-imports whose name lives elsewhere in Prefect 3 ({@code prefect.utilities.edges.unmapped}
 * to {@code prefect.unmapped}, {@code prefect.utilities.logging.get_logger} to {@code prefect.logging.get_logger}),
 * from the 1.x {@code python-import} entries of the rename data whose target is a plain name.
 */
public class MovePrefect1Imports extends Prefect1PythonRecipe {
    private static final Map<String, String> MOVES = moves();
    /**
     * Moves that keep the name and the behaviour. A name that moved but changed (Prefect 1's wait_for_flow_run task
     * took stream_logs=, raise_final_state=; Prefect 3's is an async function of flow_run_id and timeout) is not
     * moved in silence: its uses need a person.
     */
    private static final Set<String> SAFE = PrefectRenames.ofKind("python-import").stream().filter(PrefectRenames::safe)
            .map(PrefectRenames::old).collect(Collectors.toSet());

    @Override
    public String getDisplayName() {
        return "Move Prefect 1 imports";
    }

    @Override
    public String getDescription() {
        return "Rewrites `from prefect.utilities.edges import unmapped` and other Prefect 1 import paths to where the "
                + "same name lives in Prefect 3.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Node after = before;
        for (ImportBinding b : Imports.of(before).all()) {
            String target = MOVES.get(b.qualifiedName());
            String name = b.qualifiedName().substring(b.qualifiedName().lastIndexOf('.') + 1);
            if (target != null && SAFE.contains(b.qualifiedName()) && b.isFromImport() && b.localName().equals(name)
                    && target.endsWith("." + name)) {
                String module = target.substring(0, target.lastIndexOf('.'));
                Node stmt = Imports.of(after).binding(name).map(ImportBinding::statement).orElse(null);
                boolean joinable = Imports.of(after).all().stream().anyMatch(i -> i.isFromImport() && i.module().equals(module));
                if (stmt != null && stmt.nodes(NodeKind.IMPORT_ALIAS).size() == 1 && !joinable) {
                    // the only name of its statement, and no import from the new module to join: the statement
                    // changes in place, keeping the lines around it (removing it took the blank lines below too)
                    after = StatementEdits.replace(after, stmt, "from " + module + " import " + name, file.style());
                } else {
                    after = ImportEdits.removeImport(after, name, file.style());
                    after = ImportEdits.addFromImport(after, module, name, file.style());
                }
            } else if (target != null) {
                // another name in Prefect 3 (engine.state.Success is states.Completed, a function, not a class):
                // its uses need a person
                Node stmt = Imports.of(after).binding(b.localName()).map(ImportBinding::statement).orElse(null);
                String message = "`" + b.qualifiedName() + "` is `" + target + "` in Prefect 3, which is not a "
                        + "drop-in; rewrite the uses of " + b.localName()
                        + (b.qualifiedName().startsWith("prefect.engine.state.") ? " (state tests: state.is_completed())" : "");
                // the file's first statement gives its comments to the module header, so look at the whole text
                if (stmt != null && !after.print().contains(Todos.text("PF105", message))) {
                    log.manual(ctx, file, stmt, "PF105", message);
                    after = Todos.add(after, stmt, "PF105", message, file.style().newline());
                }
            }
        }
        return after;
    }

    private static Map<String, String> moves() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PrefectRenames r : PrefectRenames.ofKind("python-import")) {
            if (r.from().startsWith("1") && r.replacement().matches("[a-z_][A-Za-z0-9_.]*")
                    && r.old().matches("[a-z_][A-Za-z0-9_.]*")) {
                out.put(r.old(), r.replacement());
            }
        }
        return out;
    }
}
