package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Prefect 2 deployment's {@code infrastructure=} argument holds, read as ReplaceDeploymentBuildFromFlow reads
 * it: the block written inline, or through the one assignment of its name in the function around the deployment
 * (scripts often build the block in {@code main()}: {@code local = Process(...)}), or else through the module's. A
 * name the function assigns more than once is unknown: which block it holds depends on the path taken. Plain tree
 * functions ({@link #enclosingFunction}, {@link #assignments}, {@link #savedName}): the recipe finds a name's function
 * and assignments with the first two.
 *
 * @param block the block expression as far as it is known (a constructor or {@code .load(...)} call), else the
 *              argument as written (a name whose value is unknown)
 * @param savedName the literal name the block is saved under ({@code local.save("etl-local")}), if any
 */
public record InfrastructureArgument(Node block, Optional<String> savedName) {

    /** The block {@code argument} of the deployment {@code call} in {@code m} holds. */
    public static InfrastructureArgument read(PythonModule m, Node call, Node argument) {
        Node v = Expressions.unwrap(argument);
        Node function = v.kind() == NodeKind.NAME ? enclosingFunction(m.root(), call) : null;
        List<Node> local = function == null ? List.of() : assignments(function, Expressions.name(v));
        if (local.isEmpty()) {
            // inline, a loop's item, or the module's variable
            return new InfrastructureArgument(m.resolve(argument), moduleSavedName(m, v));
        }
        Optional<Node> value = local.size() == 1 ? simpleValue(local.get(0)) : Optional.empty();
        if (value.isEmpty()) {
            return new InfrastructureArgument(v, Optional.empty());
        }
        return new InfrastructureArgument(m.resolve(value.get()), savedName(function, Expressions.name(v))
                .flatMap(s -> PythonModule.arg(s, "name", 0)).flatMap(m::string));
    }

    /** The innermost function definition around {@code n} in {@code root}, or null at the module's top level. */
    public static Node enclosingFunction(Node root, Node n) {
        List<Node> path = TreeIndex.of(root).path(n);
        for (int i = path == null ? -1 : path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == NodeKind.FUNCTION_DEF) {
                return path.get(i);
            }
        }
        return null;
    }

    /** The assignment statements in {@code scope} with {@code name} among their targets, in any form. */
    public static List<Node> assignments(Node scope, String name) {
        List<Node> out = new ArrayList<>();
        for (Node s : TreeIndex.of(scope).find(NodeKind.ASSIGN)) {
            Statements.assignment(s).filter(a -> a.targets().stream().anyMatch(t -> t.kind() == NodeKind.NAME
                    && Expressions.name(t).equals(name))).ifPresent(a -> out.add(s));
        }
        return out;
    }

    /** The first {@code name.save(...)} call in {@code scope}. */
    public static Optional<Node> savedName(Node scope, String name) {
        for (Node call : TreeIndex.of(scope).find(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() == NodeKind.ATTRIBUTE && Expressions.dottedName(callee).filter((name + ".save")::equals)
                    .isPresent()) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code name = value}, one target and a plain {@code =}; empty for any other assignment. */
    private static Optional<Node> simpleValue(Node assignment) {
        return Statements.assignment(assignment).filter(a -> a.operator().equals("=") && a.targets().size() == 1
                && a.value() != null).map(a -> Expressions.unwrap(a.value()));
    }

    /** The name a module-level block variable is saved under ({@code proc = Process(...)}, {@code proc.save("etl")}). */
    private static Optional<String> moduleSavedName(PythonModule m, Node v) {
        if (v.kind() != NodeKind.NAME || m.constant(Expressions.name(v)).isEmpty()) {
            return Optional.empty();
        }
        return savedName(m.root(), Expressions.name(v)).flatMap(s -> PythonModule.arg(s, "name", 0)).flatMap(m::string);
    }
}
