package dev.migrate.recipes.prefect1;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.sources.python.Prefect1ChangedNames;
import dev.migrate.analyzers.sources.python.Prefect1ImportCodes;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.openrewrite.ExecutionContext;

/**
 * The last Prefect 1 Python step: an import the recipes before it left in place (a flow kept as Prefect 1 code,
 * a state handler's {@code prefect.engine.state.Failed}, a {@code prefect.utilities.notifications} helper, a
 * result class) that Prefect 3.8.3 does not have makes the whole module fail to import, and a
 * {@code prefect.config.db.url} after {@code import prefect} fails where it runs. Each such statement gets a TODO
 * naming what is missing, so nothing is left behind in silence, under the code the scan reports the name with
 * ({@link Prefect1ImportCodes}: PF102 for the Flow and its schedule, PF112/PF113/PF109 for run configs, storage and
 * executors, PF110 for the task library, PF216 for a name no other rule covers). Whether a name
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
    protected Node edit(PythonFile file, Node original, ExecutionContext ctx, Notes log) {
        Node before = withoutUnusedImports(file, original, ctx, log);
        List<String> todoLines = before.print().lines().filter(l -> l.strip().startsWith("# TODO(migrate ")).toList();
        // a name an earlier recipe's TODO already speaks of (MovePrefect1Imports' PF105) needs no second one
        Predicate<String> missing = q -> (q.equals("prefect") || q.startsWith("prefect."))
                && !PrefectApi.get().existsIn3(q) && todoLines.stream().noneMatch(l -> l.contains("`" + q + "`"));
        Imports imports = Imports.of(before);
        // per statement, the missing names by the code of the rule that speaks for them (Prefect1ImportCodes)
        Map<PyElement, Map<String, Set<String>>> found = new LinkedHashMap<>();
        for (ImportBinding b : imports.all()) {
            String imported = b.isFromImport() && !b.localName().equals("*") ? b.qualifiedName() : b.module();
            if (missing.test(imported)) {
                add(found, b.statement(), imported);
            }
        }
        for (Node n : Nodes.find(before, NodeKind.ATTRIBUTE)) {
            // prefect.config.db.url after `import prefect`: only the first name is checked, what follows may be
            // an attribute of an object
            Optional<List<String>> parts = Expressions.dottedParts(n);
            if (parts.isEmpty() || parts.get().size() < 2
                    || !imports.qualifiedName(n.nodes().get(0)).filter("prefect"::equals).isPresent()) {
                continue;
            }
            String used = "prefect." + parts.get().get(1);
            PyElement stmt = Todos.statementOf(before, n);
            // a statement another recipe already marked is explained there
            if (missing.test(used) && !stmt.prefix().text().contains("TODO(migrate ")) {
                add(found, stmt, used);
            }
        }
        // "see the other TODOs" only where there are others: a Prefect 2 module has none of the earlier recipes'
        boolean othersSpeak = !todoLines.isEmpty() || !Prefect1ChangedNames.prefect1Calls(before).isEmpty()
                || found.keySet().stream().anyMatch(s -> !(s instanceof Node n)
                        || n.kind() != NodeKind.IMPORT && n.kind() != NodeKind.IMPORT_FROM);
        Node after = before;
        for (Map.Entry<PyElement, Map<String, Set<String>>> e : found.entrySet()) {
            boolean isImport = e.getKey() instanceof Node s
                    && (s.kind() == NodeKind.IMPORT || s.kind() == NodeKind.IMPORT_FROM);
            for (Map.Entry<String, Set<String>> byCode : e.getValue().entrySet()) {
                String code = byCode.getKey();
                if (Todos.has(after, e.getKey(), code)) {
                    continue;
                }
                Set<String> names = byCode.getValue();
                String message = String.join(", ", names) + (names.size() == 1 ? " does" : " do")
                        + " not exist in Prefect 3 and " + (isImport ? "the import fails: replace the uses"
                        + (othersSpeak ? " (see the other TODOs)" : "") + " and drop it" : "this statement fails when it runs: replace it");
                log.manual(ctx, file, e.getKey(), code, message);
                after = Todos.add(after, e.getKey(), code, message, file.style().newline());
            }
        }
        // statements first: a TODO rebuilds its statement, and the calls found in the tree before it go with it
        Map<PyElement, Prefect1ChangedNames.Use> changed = new LinkedHashMap<>();
        for (Prefect1ChangedNames.Use use : Prefect1ChangedNames.prefect1Calls(after)) {
            changed.putIfAbsent(Todos.statementOf(after, use.call()), use);
        }
        for (Map.Entry<PyElement, Prefect1ChangedNames.Use> e : changed.entrySet()) {
            if (!Todos.has(after, e.getKey(), e.getValue().code())) {
                log.manual(ctx, file, e.getKey(), e.getValue().code(), e.getValue().message());
                after = Todos.add(after, e.getKey(), e.getValue().code(), e.getValue().message(), file.style().newline());
            }
        }
        return after;
    }

    private static void add(Map<PyElement, Map<String, Set<String>>> found, PyElement statement, String name) {
        found.computeIfAbsent(statement, k -> new TreeMap<>()).computeIfAbsent(Prefect1ImportCodes.of(name),
                k -> new LinkedHashSet<>()).add("`" + name + "`");
    }

    /**
     * A name imported from Prefect 1 and used nowhere in the module (left over from an edit, or never used) only
     * makes the import fail on Prefect 3: it goes. A package's {@code __init__.py} and a module with
     * {@code __all__} may import to re-export, so there nothing goes.
     */
    private static Node withoutUnusedImports(PythonFile file, Node root, ExecutionContext ctx, Notes log) {
        String fileName = file.getSourcePath().getFileName() == null ? "" : file.getSourcePath().getFileName().toString();
        Set<String> used = ImportEdits.usedNames(root);
        if (fileName.equals("__init__.py") || used.contains("__all__") || root.print().contains("__all__")) {
            return root;
        }
        Node out = root;
        for (ImportBinding b : Imports.of(root).all()) {
            String q = b.qualifiedName();
            if (b.isFromImport() && !b.localName().equals("*") && !used.contains(b.localName())
                    && q.startsWith("prefect.") && !PrefectApi.get().existsIn3(q)) {
                log.decision(ctx, file, b.statement(), Prefect1ImportCodes.of(q), "unused import of `" + q + "` dropped: Prefect 3 lacks it");
                out = ImportEdits.removeImport(out, b.localName(), file.style());
            }
        }
        return out;
    }
}
