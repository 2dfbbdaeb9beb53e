package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PF231: {@code .is_schedule_active} or {@code .schedule} read on a deployment the Prefect client returned ({@code
 * read_deployment}, {@code read_deployment_by_name}, {@code read_deployments}). Prefect 3 removed both fields from
 * the client's deployment model (PrefectHQ/prefect#14794), so the read raises AttributeError.
 *
 * <p>Only what ties to the client in the same function or module is reported: a name bound from {@code get_client()},
 * {@code PrefectClient(...)} or {@code SyncPrefectClient(...)} (assigned, or {@code with ... as}), a name bound to one
 * of its read calls ({@code await} or not), the loop and comprehension variables over such a list, and an item of it.
 * A name the same scope also binds to anything else is left alone, as is every other object with a {@code schedule}
 * (a Prefect 2 {@code Deployment}, which other rules handle, or a job of any library).
 */
final class DeploymentResponseScheduleReads {
    /** The removed field and what Prefect 3 has instead, for the message. */
    private static final Map<String, String> REMOVED = Map.of(
            "is_schedule_active", "`not d.paused` (deployment level) or each schedule's `active` in `d.schedules`",
            "schedule", "`d.schedules` (a list of deployment schedules, each with `.schedule` and `.active`)");
    private static final Set<String> CLIENT_MAKERS = Set.of("get_client", "PrefectClient", "SyncPrefectClient");
    private static final Set<String> READ_ONE = Set.of("read_deployment", "read_deployment_by_name");
    private static final String READ_MANY = "read_deployments";

    private DeploymentResponseScheduleReads() {
    }

    static void report(PythonModule m, InventorySink sink) {
        Set<String> moduleClients = clients(m, PythonScopes.ownScope(m.root()), Set.of());
        scope(m, PythonScopes.ownScope(m.root()), moduleClients, sink);
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            List<Node> nodes = PythonScopes.ownScope(new Definitions(def).body());
            Set<String> visible = new HashSet<>(moduleClients);
            // a parameter or local of the same name hides the module's client
            visible.removeAll(new Definitions(def).parameterNames());
            scope(m, nodes, clients(m, nodes, visible), sink);
        }
    }

    /** {@code inherited} plus the names {@code nodes} bind to a client, less those they also bind to anything else. */
    private static Set<String> clients(PythonModule m, List<Node> nodes, Set<String> inherited) {
        Set<String> clients = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (Node n : nodes) {
            if (n.kind() == NodeKind.WITH_ITEM && n.nodes().size() > 1) {
                bind(n.nodes().get(n.nodes().size() - 1), isClientMaker(m, n.nodes().get(0)), clients, other);
            }
            Statements.assignment(n).filter(a -> a.value() != null).ifPresent(a -> a.targets()
                    .forEach(t -> bind(t, a.targets().size() == 1 && isClientMaker(m, a.value()), clients, other)));
        }
        Set<String> out = new HashSet<>(inherited);
        out.removeAll(other);
        out.addAll(clients);
        out.removeAll(other);
        return out;
    }

    private static void bind(Node target, boolean yes, Set<String> yesNames, Set<String> otherNames) {
        Node t = Expressions.unwrap(target);
        if (t.kind() == NodeKind.NAME) {
            (yes ? yesNames : otherNames).add(Expressions.name(t));
        }
    }

    private static boolean isClientMaker(PythonModule m, Node expr) {
        Node e = awaited(expr);
        if (e.kind() != NodeKind.CALL) {
            return false;
        }
        String name = m.nameOf(e);
        return name.startsWith("prefect.") && CLIENT_MAKERS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /** The deployments and lists of them {@code nodes} bind, then the removed fields read on them. */
    private static void scope(PythonModule m, List<Node> nodes, Set<String> clients, InventorySink sink) {
        if (clients.isEmpty()) {
            return;
        }
        Set<String> one = new HashSet<>();
        Set<String> many = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (Node n : nodes) {
            Statements.assignment(n).filter(a -> a.value() != null).ifPresent(a -> {
                Kind k = a.targets().size() == 1 ? kind(a.value(), clients, many) : Kind.OTHER;
                a.targets().forEach(t -> bind(t, k, one, many, other));
            });
            // a loop missing its 'in' (a file with a syntax error) has no iterable to follow
            if ((n.kind() == NodeKind.FOR || n.kind() == NodeKind.COMP_FOR) && n.hasToken("in")) {
                boolean overList = kind(n.nodes().get(1), clients, many) == Kind.MANY;
                bind(n.nodes().get(0), overList ? Kind.ONE : Kind.OTHER, one, many, other);
            }
        }
        one.removeAll(other);
        many.removeAll(other);
        for (Node n : nodes) {
            if (n.kind() != NodeKind.ATTRIBUTE) {
                continue;
            }
            String field = TaskFutureUses.lastName(n);
            if (REMOVED.containsKey(field) && !n.nodes().isEmpty() && (kind(n.nodes().get(0), clients, many) == Kind.ONE
                    || Expressions.dottedName(Expressions.unwrap(n.nodes().get(0))).filter(one::contains).isPresent())) {
                sink.finding(Findings.of("PF231", "'" + n.text().strip() + "' reads ." + field + " of a deployment the "
                        + "Prefect client returned; Prefect 3's deployments have no " + field + " (AttributeError): use "
                        + REMOVED.get(field), m.at(n), null));
            }
        }
    }

    private enum Kind { ONE, MANY, OTHER }

    private static void bind(Node target, Kind k, Set<String> one, Set<String> many, Set<String> other) {
        Node t = Expressions.unwrap(target);
        if (t.kind() == NodeKind.NAME) {
            (k == Kind.ONE ? one : k == Kind.MANY ? many : other).add(Expressions.name(t));
        }
    }

    /**
     * What {@code expr} holds: a deployment ({@code await client.read_deployment(id)}, an item of a list of them), a
     * list of deployments ({@code client.read_deployments()}, a name bound to one, a comprehension's list of them is
     * not followed), or anything else.
     */
    private static Kind kind(Node expr, Set<String> clients, Set<String> many) {
        Node e = awaited(expr);
        if (e.kind() == NodeKind.NAME) {
            return many.contains(Expressions.name(e)) ? Kind.MANY : Kind.OTHER;
        }
        if (e.kind() == NodeKind.SUBSCRIPT && e.nodes().size() > 1) {
            Node list = e.nodes().get(0);
            return kind(list, clients, many) == Kind.MANY && e.nodes().get(1).kind() != NodeKind.SLICE ? Kind.ONE
                    : Kind.OTHER;
        }
        if (e.kind() != NodeKind.CALL || e.nodes().isEmpty()) {
            return Kind.OTHER;
        }
        Node callee = Expressions.unwrap(e.nodes().get(0));
        if (callee.kind() != NodeKind.ATTRIBUTE) {
            return Kind.OTHER;
        }
        Node receiver = callee.nodes().isEmpty() ? callee : Expressions.unwrap(callee.nodes().get(0));
        if (receiver.kind() != NodeKind.NAME || !clients.contains(Expressions.name(receiver))) {
            return Kind.OTHER;
        }
        String method = TaskFutureUses.lastName(callee);
        return READ_ONE.contains(method) ? Kind.ONE : method.equals(READ_MANY) ? Kind.MANY : Kind.OTHER;
    }

    /** {@code expr} unwrapped, without an {@code await} in front. */
    private static Node awaited(Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.AWAIT && !e.nodes().isEmpty()) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        return e;
    }
}
