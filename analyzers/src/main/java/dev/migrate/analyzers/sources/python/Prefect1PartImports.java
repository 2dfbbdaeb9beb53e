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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Imports of Prefect 1's run configs, storage, executors, schedules and clocks (PF112, PF113, PF109, PF102 by
 * {@link Prefect1ImportCodes}) that no flow setting of the module reports: the class is used some other way ({@code
 * flow.environment = LocalEnvironment(executor=LocalDaskExecutor())}, {@code f.flow.storage = Docker()} in a registration
 * script, a schedules module whose {@code IntervalSchedule} a flow elsewhere imports), the rewrite leaves the import
 * with a TODO under that code, and the scan reports it at the import under the same code.
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
    }
}
