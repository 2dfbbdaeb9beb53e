package dev.migrate.recipes.prefect2;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import org.openrewrite.ExecutionContext;

/**
 * {@code SequentialTaskRunner()} is gone in Prefect 3 (no alias). A one-worker {@code ThreadPoolTaskRunner}
 * keeps submitted tasks running one at a time, which is what the sequential runner did. (The renamed
 * {@code ConcurrentTaskRunner} and the Dask and Ray runners are moves, done by MoveRemovedPrefectImports.)
 */
public class ReplaceTaskRunners extends PythonRecipe {
    private static final String SEQUENTIAL = "prefect.task_runners.SequentialTaskRunner";

    @Override
    public String getDisplayName() {
        return "Replace `SequentialTaskRunner` with a one-worker `ThreadPoolTaskRunner`";
    }

    @Override
    public String getDescription() {
        return "Prefect 3 removed `SequentialTaskRunner`; `ThreadPoolTaskRunner(max_workers=1)` runs submitted "
                + "tasks one at a time, as it did.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"SequentialTaskRunner"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect.task_runners")) {
            return file.module();
        }
        Node after = before;
        for (Node call : TreeIndex.of(before).find(NodeKind.CALL)) {
            if (imports.qualifiedName(call).filter(SEQUENTIAL::equals).isPresent()
                    && new CallView(call).arguments().isEmpty()) {
                after = TreeEdits.replace(after, call,
                        Snippets.expression("ThreadPoolTaskRunner(max_workers=1)", file.style()));
            }
        }
        if (after == before) {
            return file.module();
        }
        after = ImportEdits.addFromImport(after, "prefect.task_runners", "ThreadPoolTaskRunner", file.style());
        after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
        return PythonCode.trimLeadingBlankLines(before, after);
    }
}
