package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.List;

/**
 * Prefect 1 Flows that {@link FlowAnalysis} does not convert because they are not module-level statements: built
 * by a factory ({@code def create_flow(): with Flow(...) as flow: ... return flow}), inside {@code main()},
 * under {@code if __name__ == "__main__":} or as a class attribute. Their callers hold the Flow object, so they
 * are reported and marked, never rewritten.
 */
public final class NestedFlows {
    private NestedFlows() {
    }

    /** The Flow(...) calls of the module that are not the call of one of the module-level {@code flows}. */
    public static List<Node> of(Node module, Imports imports, List<Prefect1Flow> flows) {
        List<Node> converted = flows.stream().map(f -> f.flowCall().node()).toList();
        return Nodes.find(module, NodeKind.CALL).stream()
                .filter(c -> FlowAnalysis.isFlowCall(c, imports) && !converted.contains(c))
                .toList();
    }

    public static String message() {
        return "convert this Prefect 1 flow by hand: it is built inside a function, class or if block (or never bound "
                + "to a name), and the code that calls it uses the Flow object; make the block a @flow function and "
                + "return or call that";
    }
}
