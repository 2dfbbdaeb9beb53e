package dev.migrate.recipes.prefect1;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.ExecutionContext;

/**
 * The last Prefect 1 Python step: an import the recipes before it left in place (a flow kept as Prefect 1 code,
 * a state handler's {@code prefect.engine.state.Failed}, a {@code prefect.utilities.notifications} helper, a
 * result class) that Prefect 3.8.3 does not have makes the whole module fail to import. Each such import
 * statement gets a TODO naming what is missing (PF216), so nothing is left behind in silence. Whether a name
 * exists comes from Prefect's extracted API surface, not from a list written here.
 */
public class ReportRemovedPrefect1Imports extends Prefect1PythonRecipe {
    static final String CODE = "PF216";

    @Override
    public String getDisplayName() {
        return "Report Prefect 1 imports that Prefect 3 lacks";
    }

    @Override
    public String getDescription() {
        return "Marks with a TODO each import of a Prefect name that does not exist in Prefect 3 and that no earlier "
                + "recipe converted: the module would fail to import on Prefect 3.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Map<Node, List<String>> missing = new LinkedHashMap<>();
        List<String> todoLines = before.print().lines().filter(l -> l.strip().startsWith("# TODO(migrate ")).toList();
        for (ImportBinding b : Imports.of(before).all()) {
            String imported = b.isFromImport() && !b.localName().equals("*") ? b.qualifiedName() : b.module();
            // a name an earlier recipe's TODO already speaks of (MovePrefect1Imports' PF105) needs no second one
            if ((imported.equals("prefect") || imported.startsWith("prefect."))
                    && !PrefectApi.get().existsIn3(imported)
                    && todoLines.stream().noneMatch(l -> l.contains("`" + imported + "`"))) {
                missing.computeIfAbsent(b.statement(), k -> new ArrayList<>()).add("`" + imported + "`");
            }
        }
        Node after = before;
        for (Map.Entry<Node, List<String>> e : missing.entrySet()) {
            if (Todos.has(after, e.getKey(), CODE)) {
                continue;
            }
            String message = String.join(", ", e.getValue()) + (e.getValue().size() == 1 ? " does" : " do")
                    + " not exist in Prefect 3 and the import fails: replace the uses (see the other TODOs) and drop it";
            log.manual(ctx, file, e.getKey(), CODE, message);
            after = Todos.add(after, e.getKey(), CODE, message, file.style().newline());
        }
        return after;
    }
}
