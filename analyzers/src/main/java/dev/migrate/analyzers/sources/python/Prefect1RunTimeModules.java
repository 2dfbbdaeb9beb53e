package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.List;
import java.util.Set;

/**
 * PF116: a script that registers or runs Prefect 1 flows from a module, or a flow of a module, whose name it gets when
 * it runs ({@code importlib.import_module(os.environ["FLOW_MODULE"])}, {@code getattr(mod, os.getenv("FLOW_NAME"))};
 * {@link Prefect1ModulesByName#chosenAtRunTime}). No reading of the code tells which flows those are, so their
 * registrations are neither listed by the scan (PF108) nor marked by the rewrite: each such load is reported where it
 * is, for a person, and the Prefect 1 rewrite leaves the same words in a TODO above it ({@link #calls},
 * {@link #message}). Only in a script that registers or runs a flow (a {@code register()} or {@code run()} called on a
 * name {@code flow}, or with Prefect 1's {@code project_name=}): other modules loaded by name (plugins, connectors)
 * are no flows.
 */
public final class Prefect1RunTimeModules {
    public static final String CODE = "PF116";
    private static final Set<String> FLOW_USES = Set.of("register", "run");

    private Prefect1RunTimeModules() {
    }

    static void report(PythonModule m, InventorySink sink) {
        for (Node call : calls(m.root(), m.imports())) {
            sink.finding(Findings.of(CODE, message(call), m.at(call), null));
        }
    }

    /** The loads by a run-time name of a module that registers or runs a Prefect 1 flow: what PF116 reports. */
    public static List<Node> calls(Node root, Imports imports) {
        List<Node> loads = Prefect1ModulesByName.chosenAtRunTime(root, imports);
        return loads.isEmpty() || !usesAFlow(root) ? List.of() : loads;
    }

    /** What PF116 says about one of {@link #calls}: the same words in the scan and in the rewrite's TODO. */
    public static String message(Node call) {
        boolean module = !Expressions.dottedName(Expressions.unwrap(call.nodes().get(0))).orElse("").equals("getattr");
        String written = Redactor.redact(call.print().strip().replaceAll("\\s+", " "));
        return (module ? "the module whose flows this script registers or runs is chosen when it runs"
                : "the flow this script reads from a module is chosen when it runs") + " (`" + written + "`): no reading "
                + "of the code tells which flows, so their registrations are not listed (PF108); find the names it is run "
                + "with (its command lines, CI jobs, environment), convert those flows, and deploy them with `prefect "
                + "deploy` from prefect.yaml instead of register() (Prefect 3 flows have none)";
    }

    /** Whether the module calls register() or run() on a flow: on a name {@code flow}, or with {@code project_name=}. */
    private static boolean usesAFlow(Node root) {
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            if (!FLOW_USES.contains(Prefect1ImportedFlows.method(call))) {
                continue;
            }
            String receiver = Prefect1ImportedFlows.receiver(call);
            if (receiver.equals("flow") || receiver.endsWith(".flow") || receiver.endsWith("_flow")
                    || new CallView(call).keyword("project_name").isPresent()) {
                return true;
            }
        }
        return false;
    }
}
