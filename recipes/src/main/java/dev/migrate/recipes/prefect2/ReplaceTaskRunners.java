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
import dev.migrate.recipes.python.StarImports;
import java.util.ArrayList;
import java.util.List;
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
            if (StarImports.qualifiedName(imports, call).filter(SEQUENTIAL::equals).isPresent()
                    && new CallView(call).arguments().isEmpty()) {
                after = TreeEdits.replace(after, call,
                        Snippets.expression("ThreadPoolTaskRunner(max_workers=1)", file.style()));
            }
        }
        // the class itself is a valid task_runner too (`@flow(task_runner=SequentialTaskRunner)`): both
        // Prefect 2 and 3 instantiate a class given there
        for (Node ref : references(after)) {
            if (StarImports.qualifiedName(imports, ref).filter(SEQUENTIAL::equals).isPresent() && !isCallee(after, ref)) {
                after = TreeEdits.replace(after, ref,
                        Snippets.expression("ThreadPoolTaskRunner(max_workers=1)", file.style()).withPrefix(ref.prefix()));
            }
        }
        if (after == before) {
            return file.module();
        }
        after = ImportEdits.addFromImport(after, "prefect.task_runners", "ThreadPoolTaskRunner", file.style());
        after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
        return PythonCode.trimLeadingBlankLines(before, after);
    }

    /** Bare names and dotted names, outermost first (an attribute's own inner name is not a reference). */
    private static List<Node> references(Node root) {
        List<Node> out = new ArrayList<>(TreeIndex.of(root).find(NodeKind.ATTRIBUTE));
        for (Node n : TreeIndex.of(root).find(NodeKind.NAME)) {
            Node parent = TreeEdits.parentOf(root, n);
            if (parent == null || parent.kind() != NodeKind.ATTRIBUTE) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean isCallee(Node root, Node expr) {
        Node parent = TreeEdits.parentOf(root, expr);
        return parent != null && parent.kind() == NodeKind.CALL && parent.nodes().get(0) == expr;
    }
}
