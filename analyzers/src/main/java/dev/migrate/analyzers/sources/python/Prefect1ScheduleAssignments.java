package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a Prefect 1 flow's schedules is the one it runs on, when it is given more than once:
 * {@code with Flow("etl", schedule=daily) as flow:} and later {@code flow.schedule = hourly}. The schedule is a plain
 * attribute of the Flow object, so the last assignment replaces the earlier ones; {@code flow.register()} sends the
 * flow as it is at that moment to the server, which schedules it from then on. So the schedule in force is the last
 * one set before the first {@code register()}, or the last one set when the module does not register the flow; an
 * assignment after the registration changes only the object in this process (a later {@code flow.run()}). The scan
 * reports the schedule this reads as the flow's, and the Prefect 1 rewrite writes that one to the deployment and
 * leaves a flow with a schedule set after its registration to a person: both read it here.
 *
 * <p>Only assignments that always run when the module runs are counted: at its top level, in the flow's
 * {@code with} block and in its {@code if __name__ == "__main__":} block (an assignment under another condition or in a
 * function is decided at run time, which both the scan's and the rewrite's readers say on their own).
 *
 * @param given         the {@code schedule} given to the Flow call, or null
 * @param assigned      the {@code flow.schedule = value} statements, in the order they run
 * @param registration  the statement of the first {@code flow.register(...)} call, or null
 * @param order         the statements the module runs, in order, that the positions above are read from
 */
public record Prefect1ScheduleAssignments(Node given, List<Node> assigned, Node registration, List<Node> order) {

    /**
     * @param module   the module
     * @param flowStmt the {@code with Flow(...)} statement or the {@code flow = Flow(...)} assignment
     * @param given    the schedule argument of the Flow call (by keyword or position), or null
     * @param variable the name the Flow is bound to, or null (then only {@code given} counts)
     */
    public static Prefect1ScheduleAssignments of(Node module, Node flowStmt, Node given, String variable) {
        List<Node> order = new ArrayList<>();
        List<Node> guards = Statements.mainGuards(module);
        for (Node s : Statements.of(module)) {
            order.add(s);
            if (s == flowStmt && s.kind() == NodeKind.WITH) {
                order.addAll(Statements.of(s.firstNode(NodeKind.SUITE)));
            }
            if (guards.contains(s)) {
                order.addAll(Statements.of(s.firstNode(NodeKind.SUITE)));
            }
        }
        List<Node> assigned = new ArrayList<>();
        Node registration = null;
        if (variable != null) {
            for (Node s : order) {
                if (isScheduleAssignment(s, variable)) {
                    assigned.add(s);
                }
                if (registration == null && s.kind() != NodeKind.IF && s != flowStmt && registers(s, variable)) {
                    registration = s;
                }
            }
        }
        return new Prefect1ScheduleAssignments(given, assigned, registration, order);
    }

    /** {@code variable.schedule = value}. */
    public static boolean isScheduleAssignment(Node stmt, String variable) {
        Optional<Statements.Assignment> a = Statements.assignment(stmt);
        return a.isPresent() && a.get().value() != null && a.get().targets().size() == 1
                && Expressions.dottedParts(a.get().targets().get(0))
                .filter(p -> p.size() == 2 && p.get(0).equals(variable) && p.get(1).equals("schedule")).isPresent();
    }

    private static boolean registers(Node stmt, String variable) {
        return Nodes.find(stmt, NodeKind.CALL).stream().anyMatch(c -> Expressions.dottedParts(c.nodes().get(0))
                .filter(p -> p.size() == 2 && p.get(0).equals(variable) && p.get(1).equals("register")).isPresent());
    }

    /** The value of the schedule in force (see the class comment), or null when the flow has none. */
    public Node inForce() {
        List<Node> before = assignedBeforeRegistration();
        return before.isEmpty() ? given : value(before.get(before.size() - 1));
    }

    /** The schedules set and replaced before the one {@link #inForce}: the Flow's argument and earlier assignments. */
    public List<Node> overridden() {
        List<Node> out = new ArrayList<>();
        List<Node> before = assignedBeforeRegistration();
        if (before.isEmpty()) {
            return out;
        }
        if (given != null) {
            out.add(given);
        }
        before.subList(0, before.size() - 1).forEach(s -> out.add(value(s)));
        return out;
    }

    /** The {@code flow.schedule = ...} statements after the registration, which the registered flow does not have. */
    public List<Node> afterRegistration() {
        List<Node> out = new ArrayList<>(assigned);
        out.removeAll(assignedBeforeRegistration());
        return out;
    }

    private List<Node> assignedBeforeRegistration() {
        if (registration == null) {
            return assigned;
        }
        int at = order.indexOf(registration);
        return assigned.stream().filter(s -> order.indexOf(s) < at).toList();
    }

    /** The value a {@code flow.schedule = value} statement assigns. */
    public static Node value(Node assignment) {
        return Statements.assignment(assignment).orElseThrow().value();
    }
}
