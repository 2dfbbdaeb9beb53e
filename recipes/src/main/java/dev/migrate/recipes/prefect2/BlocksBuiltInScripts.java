package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Calls of 2.x block classes that a script makes for their own sake ({@code S3(...).save("code")},
 * {@code k8s = KubernetesJob(...)} then {@code k8s.save("k8s")}, {@code @flow(result_storage=S3(...))}), as opposed
 * to blocks a deployment is built with ({@code Deployment.build_from_flow(..., storage=s3)}), which
 * {@link ReplaceDeploymentBuildFromFlow} converts or leaves to a person with the rest of the call.
 */
final class BlocksBuiltInScripts {
    /** The calls whose arguments are a deployment's. */
    private static final Set<String> DEPLOYMENT_CALLS = Set.of("build_from_flow", "Deployment");

    private BlocksBuiltInScripts() {
    }

    /** One call of a block class (or of its {@code load}) and the qualified name it calls. */
    record BlockCall(Node call, String qualifiedName, Node statement) {
    }

    /**
     * The calls in {@code root} whose qualified name {@code wanted} accepts, outside the arguments of
     * deployment calls and not assigned to a name such a call uses.
     */
    static List<BlockCall> find(Node root, Imports imports, Predicate<String> wanted) {
        return find(root, imports, wanted, false);
    }

    /**
     * The calls in {@code root} whose qualified name {@code wanted} accepts; with {@code inDeploymentsToo}, also
     * those in the arguments of deployment calls or assigned to a name such a call uses.
     */
    static List<BlockCall> find(Node root, Imports imports, Predicate<String> wanted, boolean inDeploymentsToo) {
        TreeIndex index = TreeIndex.of(root);
        Set<Node> inDeployments = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> namesInDeployments = new ArrayList<>();
        for (Node call : index.find(NodeKind.CALL)) {
            if (!DEPLOYMENT_CALLS.contains(lastName(Expressions.unwrap(call.nodes().get(0))))) {
                continue;
            }
            TreeIndex inner = TreeIndex.of(call);
            inDeployments.addAll(inner.find(NodeKind.CALL));
            inner.find(NodeKind.NAME).forEach(n -> namesInDeployments.add(Expressions.name(n)));
        }
        List<BlockCall> out = new ArrayList<>();
        for (Node call : index.find(NodeKind.CALL)) {
            Optional<String> q = imports.qualifiedName(call);
            if (q.isEmpty() || !wanted.test(q.get()) || inDeployments.contains(call) && !inDeploymentsToo) {
                continue;
            }
            Node stmt = PythonCode.statementOf(root, call);
            if (stmt == null) {
                continue;
            }
            Optional<Statements.Assignment> assigned = Statements.assignment(stmt)
                    .filter(a -> Expressions.unwrap(a.value()) == call);
            if (!inDeploymentsToo && assigned.isPresent() && assigned.get().targets().stream().anyMatch(t -> t.kind() == NodeKind.NAME
                    && namesInDeployments.contains(Expressions.name(t)))) {
                continue;
            }
            out.add(new BlockCall(call, q.get(), stmt));
        }
        return out;
    }

    /** The name a callee ends with ({@code build_from_flow} of {@code Deployment.build_from_flow}), or "". */
    private static String lastName(Node callee) {
        if (callee.kind() == NodeKind.NAME) {
            return Expressions.name(callee);
        }
        List<Token> tokens = callee.tokens();
        return callee.kind() == NodeKind.ATTRIBUTE && !tokens.isEmpty() ? tokens.get(tokens.size() - 1).text() : "";
    }

    /**
     * The literal name the block built in {@code stmt} is saved under: {@code .save("k8s", overwrite=True)} in the
     * statement, or on the name it is assigned to ({@code k8s.save("k8s")}) anywhere in {@code root}; else empty.
     */
    static Optional<String> savedName(Node root, Node stmt) {
        Optional<String> here = saveCall(stmt, callee -> true);
        if (here.isPresent()) {
            return here;
        }
        Optional<Statements.Assignment> assigned = Statements.assignment(stmt);
        if (assigned.isEmpty() || assigned.get().targets().size() != 1
                || assigned.get().targets().get(0).kind() != NodeKind.NAME) {
            return Optional.empty();
        }
        String name = Expressions.name(assigned.get().targets().get(0));
        return saveCall(root, callee -> {
            Node receiver = Expressions.unwrap(callee.nodes().get(0));
            return receiver.kind() == NodeKind.NAME && Expressions.name(receiver).equals(name);
        });
    }

    private static Optional<String> saveCall(Node within, Predicate<Node> receiver) {
        for (Node call : TreeIndex.of(within).find(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() == NodeKind.ATTRIBUTE && lastName(callee).equals("save") && receiver.test(callee)) {
                return new CallView(call).argument("name", 0).flatMap(a -> StringLiterals.value(a.value()));
            }
        }
        return Optional.empty();
    }
}
