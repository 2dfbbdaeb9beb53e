package dev.migrate.recipes.prefect2;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prefect 2 deployment calls a module still makes ({@code Deployment.build_from_flow(...)}, {@code
 * Deployment(...)}) and what they are given: once {@link ReplaceDeploymentBuildFromFlow} has run, these are the calls
 * it left to a person (storage Prefect 3 cannot deploy from, {@code **kwargs}, a path elsewhere). Such a call stays
 * Prefect 2 code, so its arguments must stay Prefect 2's too: a {@code schedule=CronSchedule(...)} turned into
 * Prefect 3's {@code Cron(...)} inside it would be neither version's code. A value bound to a name that only such
 * calls read ({@code nightly = CronSchedule(...)} then {@code schedule=nightly}) counts as one of their arguments.
 */
final class UnconvertedDeploymentCalls {
    /** The calls and the values their name arguments were bound to, by identity. */
    private final Set<Node> regions;

    private UnconvertedDeploymentCalls(Set<Node> regions) {
        this.regions = regions;
    }

    static UnconvertedDeploymentCalls in(Node module, Imports imports) {
        Set<Node> regions = Collections.newSetFromMap(new IdentityHashMap<>());
        TreeIndex index = TreeIndex.of(module);
        List<Node> calls = index.find(NodeKind.CALL).stream()
                .filter(c -> ReplaceDeploymentBuildFromFlow.isDeploymentCall(imports, c)).toList();
        if (calls.isEmpty()) {
            return new UnconvertedDeploymentCalls(regions);
        }
        regions.addAll(calls);
        // names given to those calls (schedule=nightly) whose every read is in one of them: their values belong there
        Map<String, Node> boundOnce = new HashMap<>();
        Set<String> boundMore = new java.util.HashSet<>();
        for (Node n : index.find(NodeKind.ASSIGN)) {
            Statements.assignment(n).filter(a -> a.targets().size() == 1 && a.value() != null
                    && a.targets().get(0).kind() == NodeKind.NAME).ifPresent(a -> {
                        String name = Expressions.name(a.targets().get(0));
                        if (boundOnce.put(name, a.value()) != null) {
                            boundMore.add(name);
                        }
                    });
        }
        UnconvertedDeploymentCalls callsOnly = new UnconvertedDeploymentCalls(Set.copyOf(regions));
        for (Node call : calls) {
            for (Argument arg : new CallView(call).arguments()) {
                Node value = Expressions.unwrap(arg.value());
                if (value.kind() != NodeKind.NAME) {
                    continue;
                }
                String name = Expressions.name(value);
                Node bound = boundOnce.get(name);
                if (bound != null && !boundMore.contains(name) && callsOnly.readOnlyInside(module, name, bound)) {
                    regions.add(bound);
                }
            }
        }
        return new UnconvertedDeploymentCalls(regions);
    }

    boolean isEmpty() {
        return regions.isEmpty();
    }

    /** Whether {@code node} of {@code root} (a tree these calls are still part of, unedited) is inside one of them. */
    boolean contains(Node root, Node node) {
        if (regions.isEmpty()) {
            return false;
        }
        List<Node> path = TreeIndex.of(root).path(node);
        return path != null && path.stream().anyMatch(regions::contains);
    }

    /** Every read of {@code name} in {@code module} (but the assignment target itself) is inside these calls. */
    private boolean readOnlyInside(Node module, String name, Node boundValue) {
        TreeIndex index = TreeIndex.of(module);
        for (Node use : index.find(NodeKind.NAME)) {
            if (!Expressions.name(use).equals(name)) {
                continue;
            }
            List<Node> path = index.path(use);
            if (path == null || path.stream().anyMatch(regions::contains)) {
                continue;
            }
            // the assignment's own target: the statement holds the bound value as a sibling
            Node parent = path.isEmpty() ? null : path.get(path.size() - 1);
            if (parent != null && parent.kind() == NodeKind.ASSIGN && parent.nodes().contains(boundValue)
                    && parent.nodes().get(0) == use) {
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * How {@code name}'s uses in {@code root} (names, not the import) fall: inside these calls, outside them.
     */
    int[] uses(Node root, String name) {
        int[] inOut = new int[2];
        TreeIndex index = TreeIndex.of(root);
        for (Node use : index.find(NodeKind.NAME)) {
            if (!Expressions.name(use).equals(name)) {
                continue;
            }
            List<Node> path = index.path(use);
            if (path == null || path.stream().anyMatch(n -> n.kind() == NodeKind.IMPORT || n.kind() == NodeKind.IMPORT_FROM)) {
                continue;
            }
            inOut[path.stream().anyMatch(regions::contains) ? 0 : 1]++;
        }
        return inOut;
    }
}
