package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports of Prefect 1's run configs, storage, executors, schedules and clocks (PF112, PF113, PF109, PF102 by
 * {@link Prefect1ImportCodes}) that no flow setting of the module reports: the class is used some other way ({@code
 * flow.environment = LocalEnvironment(executor=LocalDaskExecutor())}, {@code f.flow.storage = Docker()} in a registration
 * script, a schedules module whose {@code IntervalSchedule} a flow elsewhere imports), the rewrite leaves the import
 * with a TODO under that code, and the scan reports it at the import under the same code. So too a call of a name
 * Prefect 3 has with another meaning ({@link Prefect1ChangedNames}: {@code Schedule(clocks=[...])} in a registration
 * script or a schedules module), whose import works: the rewrite marks the call, and the scan reports it there.
 */
final class Prefect1PartImports {
    private static final Map<String, String> KINDS = Map.of("PF109", "executor", "PF112", "run config", "PF113", "storage");

    private Prefect1PartImports() {
    }

    /**
     * What the imported name is, or null for an import this class does not report: PF102 covers the Flow and
     * Parameter too, which the flow detector reports with their flow, so only the schedule classes are read here.
     */
    private static String kind(String code, String qualified) {
        if (!code.equals("PF102")) {
            return KINDS.get(code);
        }
        if (qualified.equals("prefect.schedules.clocks")) {
            return "clock module";
        }
        return qualified.startsWith("prefect.schedules.clocks.") ? "clock"
                : qualified.startsWith("prefect.schedules.") ? "schedule" : null;
    }

    /** @param reported the flow settings (as written and as resolved) the flow detector reports under their own codes */
    static void report(PythonModule m, Collection<Node> reported, InventorySink sink) {
        Set<String> namesInReported = new HashSet<>();
        for (Node value : reported) {
            Nodes.find(value, NodeKind.NAME).forEach(n -> namesInReported.add(Expressions.name(n)));
        }
        PrefectApi api = PrefectApi.get();
        Set<String> seen = new HashSet<>();
        for (ImportBinding b : m.imports().all()) {
            String q = ImportFallbacks.importedName(b);
            String code = Prefect1ImportCodes.covered(q).orElse("");
            String kind = kind(code, q);
            if (kind == null || !b.isFromImport() || api.existsIn3(q) || api.existsIn2(q)
                    || namesInReported.contains(b.localName()) || !seen.add(q)) {
                continue;
            }
            Node at = b.alias() != null ? b.alias() : b.statement();
            sink.finding(Findings.of(code, q + " is Prefect 1's " + kind + " and does not exist in Prefect 3: the "
                    + "import fails; replace its uses", m.at(at), null));
        }
        reportChangedNameCalls(m, reported, sink);
    }

    /** The Prefect 1 calls of {@link Prefect1ChangedNames} outside the flow settings reported, each once. */
    private static void reportChangedNameCalls(PythonModule m, Collection<Node> reported, InventorySink sink) {
        Set<Node> inReported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node value : reported) {
            inReported.addAll(Nodes.find(value, NodeKind.CALL));
        }
        List<Prefect1ChangedNames.Use> uses = Prefect1ChangedNames.prefect1Calls(m.root());
        // one finding a statement, as the rewrite writes one TODO: a call inside another's arguments goes with it
        Set<Node> nested = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Prefect1ChangedNames.Use use : uses) {
            Nodes.find(use.call(), NodeKind.CALL).stream().filter(c -> c != use.call()).forEach(nested::add);
        }
        for (Prefect1ChangedNames.Use use : uses) {
            if (inReported.contains(use.call()) || nested.contains(use.call())) {
                continue;
            }
            sink.finding(Findings.of(use.code(), use.message(), m.at(use.call()), null));
        }
    }
}
