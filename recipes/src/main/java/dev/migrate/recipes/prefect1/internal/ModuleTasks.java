package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parameters and secret tasks made at module level ({@code city = Parameter("city")},
 * {@code key = PrefectSecret("KEY")}) that a {@code with Flow(...)} block reads. Prefect 1 added such a task to the
 * flow that used it, as if it were made in the block; a converted flow that still read the module's name would get
 * the Prefect 1 object. So they move into the flow: a Parameter becomes a function parameter, a secret task the
 * first statement of the body (where the task-library recipe reads the secret). One read by other code too cannot
 * move, which blocks the conversion.
 *
 * @param parameters the module-level Parameters the block reads, as flow parameters
 * @param secrets    the module-level secret-task assignments the block reads, moved into the body in this order
 */
public record ModuleTasks(List<FlowParameter> parameters, List<Node> secrets) {

    /** What the block {@code with} reads from the module; blockers for the tasks that cannot move. */
    public static ModuleTasks of(Node module, Imports imports, Node with, List<String> blockers) {
        List<FlowParameter> parameters = new ArrayList<>();
        List<Node> secrets = new ArrayList<>();
        Node block = with.firstNode(NodeKind.SUITE);
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (s == with || a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            String name = Expressions.name(a.get().targets().get(0));
            boolean parameter = FlowParameter.isParameterCall(a.get().value(), imports);
            boolean secret = isSecretTask(a.get().value(), imports);
            if (!parameter && !secret || !reads(block, name) || assigns(block, name)) {
                continue;
            }
            String what = parameter ? "Parameter" : "secret task";
            if (assignments(module, name) != 1 || !usedOnlyIn(module, name, s, with)) {
                blockers.add("`" + name + "` is a Prefect 1 " + what + " made at module level and read outside the flow "
                        + "too; make it inside the flow block (or pass the value) first");
                continue;
            }
            if (secret) {
                secrets.add(s);
                continue;
            }
            Optional<FlowParameter> p = FlowParameter.read(s, imports);
            if (p.isPresent()) {
                parameters.add(p.get());
            } else {
                blockers.add("`" + FlowBodies.firstLine(s) + "` is not a plain Parameter with a literal identifier name");
            }
        }
        return new ModuleTasks(parameters, secrets);
    }

    static boolean isSecretTask(Node value, Imports imports) {
        Node v = Expressions.unwrap(value);
        return v.kind() == NodeKind.CALL
                && imports.qualifiedName(v).filter(q -> q.startsWith("prefect.tasks.secrets.")).isPresent();
    }

    private static boolean reads(Node block, String name) {
        return Nodes.find(block, NodeKind.NAME).stream().anyMatch(n -> Expressions.name(n).equals(name));
    }

    private static boolean assigns(Node block, String name) {
        for (Node s : Nodes.find(block, NodeKind.ASSIGN)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().targets().stream().anyMatch(t -> Nodes.find(t, NodeKind.NAME).stream()
                    .anyMatch(n -> Expressions.name(n).equals(name)))) {
                return true;
            }
        }
        return false;
    }

    private static int assignments(Node module, String name) {
        int count = 0;
        for (Node s : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().targets().stream().anyMatch(t -> t.kind() == NodeKind.NAME
                    && Expressions.name(t).equals(name))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether {@code name} appears only in its assignment {@code assignment} and the block {@code with}. A function
     * that takes a parameter of that name reads its own; any other mention (a function reading the global, another
     * flow) counts as a use.
     */
    private static boolean usedOnlyIn(Node module, String name, Node assignment, Node with) {
        for (Node s : Statements.of(module)) {
            if (s == with || s.kind() == NodeKind.FUNCTION_DEF && new Definitions(s).parameterNames().contains(name)) {
                continue;
            }
            for (Node n : Nodes.find(s, NodeKind.NAME)) {
                if (Expressions.name(n).equals(name) && !(s == assignment
                        && Statements.assignment(s).get().targets().get(0) == n)) {
                    return false;
                }
            }
        }
        return true;
    }
}
