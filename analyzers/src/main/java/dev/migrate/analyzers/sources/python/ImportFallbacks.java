package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Imports written to work on two Prefect versions: {@code try: from prefect.A import x} with
 * {@code except ImportError: from prefect.B import x}. When one branch binds the name to what Prefect 3 has, the
 * other branch's 2.x-only import never runs on Prefect 3 (or fails into the 3.x one), so it is no finding.
 */
final class ImportFallbacks {
    /** The exceptions whose handler catches a failed import. */
    private static final Set<String> CATCHES_IMPORT_ERROR = Set.of("ImportError", "ModuleNotFoundError", "Exception",
            "BaseException");

    /** Per import statement in a guarded branch: the bindings of the other branches of its {@code try}. */
    private final IdentityHashMap<Node, List<ImportBinding>> alternatives = new IdentityHashMap<>();

    ImportFallbacks(PythonModule m) {
        IdentityHashMap<Node, List<ImportBinding>> byStatement = new IdentityHashMap<>();
        for (ImportBinding b : m.imports().all()) {
            byStatement.computeIfAbsent(b.statement(), k -> new ArrayList<>()).add(b);
        }
        for (Node t : m.nodes(NodeKind.TRY)) {
            List<List<Node>> branches = new ArrayList<>();
            Node body = t.firstNode(NodeKind.SUITE);
            if (body == null) {
                continue;
            }
            branches.add(importStatements(body, byStatement));
            for (Node handler : t.nodes(NodeKind.EXCEPT_CLAUSE)) {
                if (catchesImportError(handler)) {
                    Node suite = handler.firstNode(NodeKind.SUITE);
                    branches.add(suite == null ? List.of() : importStatements(suite, byStatement));
                }
            }
            if (branches.size() < 2) {
                continue;
            }
            for (int i = 0; i < branches.size(); i++) {
                List<ImportBinding> others = new ArrayList<>();
                for (int j = 0; j < branches.size(); j++) {
                    if (j != i) {
                        branches.get(j).forEach(s -> others.addAll(byStatement.get(s)));
                    }
                }
                for (Node s : branches.get(i)) {
                    alternatives.computeIfAbsent(s, k -> new ArrayList<>()).addAll(others);
                }
            }
        }
    }

    /**
     * Whether another branch of the {@code try} that holds {@code b} binds the same name to something Prefect 3 has
     * where it is imported from (not moved, not removed).
     */
    boolean hasPrefect3Alternative(ImportBinding b) {
        PrefectApi api = PrefectApi.get();
        return alternatives.getOrDefault(b.statement(), List.of()).stream().filter(o -> o.localName().equals(b.localName()))
                .map(ImportFallbacks::importedName)
                .anyMatch(o -> o.startsWith("prefect") && api.existsIn3(o) && api.movedTo(o).isEmpty() && !api.removedIn3(o));
    }

    /**
     * What an import statement imports: the name for {@code from a.b import c} ({@code a.b.c}), the whole module for
     * {@code import a.b.c} (which binds {@code a}) and {@code import a.b as m}.
     */
    static String importedName(ImportBinding b) {
        return b.isFromImport() ? b.qualifiedName() : b.module();
    }

    private static boolean catchesImportError(Node handler) {
        List<Node> types = handler.nodes().stream().filter(n -> n.kind() != NodeKind.SUITE).toList();
        if (types.isEmpty()) {
            return true; // a bare except
        }
        Node e = Expressions.unwrap(types.get(0));
        List<Node> names = e.kind() == NodeKind.TUPLE ? e.nodes() : List.of(e);
        return names.stream().map(n -> Expressions.dottedName(Expressions.unwrap(n)).orElse(""))
                .map(n -> n.substring(n.lastIndexOf('.') + 1)).anyMatch(CATCHES_IMPORT_ERROR::contains);
    }

    /** The import statements in a branch, at any depth except inside functions and classes it defines. */
    private static List<Node> importStatements(Node n, IdentityHashMap<Node, List<ImportBinding>> byStatement) {
        if (byStatement.containsKey(n)) {
            return List.of(n);
        }
        if (n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.CLASS_DEF) {
            return Collections.emptyList();
        }
        List<Node> out = new ArrayList<>();
        for (Node c : n.nodes()) {
            out.addAll(importStatements(c, byStatement));
        }
        return out;
    }
}
