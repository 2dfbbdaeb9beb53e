package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.Optional;

/** Module-level assignments that only feed a Flow's settings ({@code schedule = Schedule(...)}; {@code schedule=schedule}). */
public final class FlowSettings {
    private FlowSettings() {
    }

    /** The statement assigning {@code resolved}, when its name is used only there and in the Flow argument. */
    public static Optional<Node> soleUseAssignment(Node module, Node value, Node resolved) {
        if (value == resolved || Expressions.unwrap(value).kind() != NodeKind.NAME) {
            return Optional.empty();
        }
        String n = Expressions.name(Expressions.unwrap(value));
        long uses = Nodes.find(module, NodeKind.NAME).stream().filter(x -> Expressions.name(x).equals(n)).count();
        if (uses != 2) {
            return Optional.empty();
        }
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().value() == resolved) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
