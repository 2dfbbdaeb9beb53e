package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 2 code that changes meaning or breaks on Prefect 3, file by file: imports of names that moved (PF215)
 * or vanished (PF216), decided by Prefect's own API data ({@link PrefectApi}); task futures a flow never
 * resolves (BHV001); flows that submit tasks and return nothing, whose final state no longer follows failed
 * tasks (BHV002); and {@code Variable.get(...).value} (BHV003). Findings here belong to no job.
 */
public final class PrefectApiUsageDetector extends PythonDetector {
    public PrefectApiUsageDetector() {
        super("prefect-api-usage", "prefect", "prefect");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        imports(m, sink);
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (d.decorators().stream().map(m::nameOf).anyMatch(n -> n.equals("prefect.flow") || n.equals("prefect.flows.flow"))) {
                flowBody(m, d, sink);
            }
        }
        variableValues(m, sink);
    }

    private static void imports(PythonModule m, InventorySink sink) {
        PrefectApi api = PrefectApi.get();
        Set<String> seen = new HashSet<>();
        for (ImportBinding b : m.imports().all()) {
            String q = b.qualifiedName();
            if (!q.startsWith("prefect.") || !seen.add(q) || !api.existsIn2(q)) {
                continue;
            }
            Optional<String> moved = api.movedTo(q);
            Node at = b.alias() != null ? b.alias() : b.statement();
            if (moved.isPresent()) {
                sink.finding(Findings.of("PF215", q + " moved to " + moved.get() + " in Prefect 3", m.at(at), null));
            } else if (api.removedIn3(q) || !api.existsIn3(q)) {
                sink.finding(Findings.of("PF216", q + " does not exist in Prefect 3", m.at(at), null));
            }
        }
    }

    /** BHV001 for futures dropped on the floor, BHV002 when the flow submits work and returns nothing. */
    private static void flowBody(PythonModule m, Definitions flow, InventorySink sink) {
        List<Node> submits = new ArrayList<>();
        boolean returns = false;
        for (Node n : all(flow.body())) {
            if (n.kind() == NodeKind.RETURN && !n.nodes().isEmpty()) {
                returns = true;
            }
            if (n.kind() == NodeKind.CALL && isSubmit(n)) {
                submits.add(n);
            }
            if (n.kind() == NodeKind.EXPR_STMT && n.nodes().size() == 1 && n.nodes().get(0).kind() == NodeKind.CALL
                    && isSubmit(n.nodes().get(0))) {
                sink.finding(Findings.of("BHV001", "flow " + flow.name() + " submits "
                        + Expressions.dottedName(n.nodes().get(0).nodes().get(0)).orElse("a task")
                        + "() and never waits for the future; Prefect 3 does not wait for it", m.at(n), null));
            }
        }
        if (!submits.isEmpty() && !returns) {
            sink.finding(Findings.of("BHV002", "flow " + flow.name() + " submits tasks and returns nothing: on Prefect 3 it "
                    + "ends Completed even when those tasks fail", m.at(submits.get(0)), null));
        }
    }

    private static boolean isSubmit(Node call) {
        Node t = Expressions.unwrap(call.nodes().get(0));
        if (t.kind() != NodeKind.ATTRIBUTE) {
            return false;
        }
        String method = t.tokens().get(t.tokens().size() - 1).text();
        return method.equals("submit") || method.equals("map");
    }

    /** {@code Variable.get(...).value}, directly or through a variable: 3.x returns the value itself. */
    private static void variableValues(PythonModule m, InventorySink sink) {
        Set<String> holders = new HashSet<>();
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && a.get().targets().size() == 1 && isVariableGet(m, a.get().value())) {
                Expressions.dottedName(a.get().targets().get(0)).ifPresent(holders::add);
            }
        }
        for (Node n : m.nodes(NodeKind.ATTRIBUTE)) {
            if (!n.tokens().get(n.tokens().size() - 1).text().equals("value")) {
                continue;
            }
            Node object = Expressions.unwrap(n.nodes().get(0));
            if (isVariableGet(m, object) || Expressions.dottedName(object).filter(holders::contains).isPresent()) {
                sink.finding(Findings.of("BHV003", "'" + n.text().strip() + "' reads .value of a Variable; Prefect 3's "
                        + "Variable.get returns the value itself", m.at(n), null));
            }
        }
    }

    private static boolean isVariableGet(PythonModule m, Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.AWAIT && !e.nodes().isEmpty()) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        return e.kind() == NodeKind.CALL && m.nameOf(e).matches("prefect(\\.variables)?\\.Variable\\.get");
    }

    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        for (Node c : n.nodes()) {
            if (c.kind() != NodeKind.FUNCTION_DEF && c.kind() != NodeKind.CLASS_DEF) {
                out.addAll(all(c));
            }
        }
        return out;
    }
}
