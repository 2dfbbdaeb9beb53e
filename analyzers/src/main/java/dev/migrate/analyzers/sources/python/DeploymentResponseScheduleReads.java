package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.scan.InlineSuppressions;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PF231: {@code .is_schedule_active} or {@code .schedule} read on a deployment the Prefect client returned ({@code
 * read_deployment}, {@code read_deployment_by_name}, {@code read_deployments}). Prefect 3 removed both fields from
 * the client's deployment model (PrefectHQ/prefect#14794), so the read raises AttributeError.
 *
 * <p>Only what ties to the client in the same function or module is reported: a name bound from {@code get_client()},
 * {@code PrefectClient(...)} or {@code SyncPrefectClient(...)} (assigned, or {@code with ... as}), or a parameter
 * annotated as one ({@link PrefectClientAnnotations}); a name bound to one of its read calls ({@code await} or not),
 * the loop and comprehension variables over such a list, and an item of it; and a deployment (or a list of them) the
 * module binds at its top level from a client read, in the functions that read it without binding the name
 * themselves. A name the same scope also binds to anything else is left alone, as is every other object with a
 * {@code schedule} (a Prefect 2 {@code Deployment}, which other rules handle, or a job of any library).
 *
 * <p>One finding per deployment and scope (the module, a function): every read of a removed field on it is listed in
 * that one, at its first read, so a loop that reads both fields is one thing to fix, not two. A
 * {@code migrate: ignore PF231} comment on the line of any of those reads leaves the finding out.
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

    /** The names a scope binds to one deployment and to a list of them. */
    private record Deployments(Set<String> one, Set<String> many) {
        static final Deployments NONE = new Deployments(Set.of(), Set.of());

        /** These, less {@code hidden} (a function's parameters, which hide the module's names). */
        Deployments without(Collection<String> hidden) {
            Set<String> o = new HashSet<>(one);
            Set<String> l = new HashSet<>(many);
            o.removeAll(hidden);
            l.removeAll(hidden);
            return new Deployments(o, l);
        }
    }

    static void report(PythonModule m, InventorySink sink) {
        List<Node> top = PythonScopes.ownScope(m.root());
        Set<String> moduleClients = clients(m, top, Set.of());
        Deployments module = deployments(top, moduleClients, Deployments.NONE);
        reads(m, top, moduleClients, module, sink);
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            List<Node> nodes = PythonScopes.ownScope(d.body());
            Set<String> visible = new HashSet<>(moduleClients);
            // a parameter or local of the same name hides the module's client and deployments
            visible.removeAll(d.parameterNames());
            visible.addAll(PrefectClientAnnotations.clientParameters(m, def));
            Set<String> clients = clients(m, nodes, visible);
            reads(m, nodes, clients, deployments(nodes, clients, module.without(d.parameterNames())), sink);
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

    /**
     * The deployments and lists of them {@code nodes} bind to the reads of {@code clients}, over those of
     * {@code inherited} (the module's, in a function) that the scope does not bind to anything else.
     */
    private static Deployments deployments(List<Node> nodes, Set<String> clients, Deployments inherited) {
        Set<String> one = new HashSet<>();
        Set<String> many = new HashSet<>(inherited.many());
        Set<String> other = new HashSet<>();
        if (clients.isEmpty() && inherited.one().isEmpty() && inherited.many().isEmpty()) {
            return Deployments.NONE;
        }
        for (Node n : nodes) {
            // bound to anything but a client read (with no client in scope, to anything): no deployment any more
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
        inherited.one().stream().filter(name -> !other.contains(name) && !many.contains(name)).forEach(one::add);
        one.removeAll(other);
        many.removeAll(other);
        return new Deployments(one, many);
    }

    /** The removed fields {@code nodes} read on deployments: one finding per deployment, listing its reads. */
    private static void reads(PythonModule m, List<Node> nodes, Set<String> clients, Deployments bound,
                              InventorySink sink) {
        if (clients.isEmpty() && bound.one().isEmpty() && bound.many().isEmpty()) {
            return;
        }
        Map<String, List<Node>> byDeployment = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.kind() != NodeKind.ATTRIBUTE || !REMOVED.containsKey(TaskFutureUses.lastName(n)) || n.nodes().isEmpty()) {
                continue;
            }
            Node receiver = n.nodes().get(0);
            Optional<String> name = Expressions.dottedName(Expressions.unwrap(receiver)).filter(bound.one()::contains);
            if (name.isPresent() || kind(receiver, clients, bound.many()) == Kind.ONE) {
                byDeployment.computeIfAbsent(name.orElse(receiver.text().strip()), k -> new ArrayList<>()).add(n);
            }
        }
        InlineSuppressions ignores = InlineSuppressions.of(m.file().path(), m.file().text());
        byDeployment.forEach((deployment, reads) -> sink.finding(anchored(m, message(m, deployment, reads), reads,
                ignores)));
    }

    /**
     * The finding, at its first read, or at the first read whose line a {@code migrate: ignore PF231} comment covers:
     * one finding stands for every read it lists, so a comment on any of their lines leaves it out, as it left out that
     * read's own finding when each read was one (the scan drops it there, and the comment counts as used).
     */
    private static Finding anchored(PythonModule m, String message, List<Node> reads, InlineSuppressions ignores) {
        Finding first = Findings.of("PF231", message, m.at(reads.get(0)), null);
        if (ignores == null || ignores.covers(first)) {
            return first;
        }
        for (Node read : reads.subList(1, reads.size())) {
            Finding there = Findings.of("PF231", message, m.at(read), null);
            if (ignores.covers(there)) {
                return there;
            }
        }
        return first;
    }

    /** One read: as before, the expression and its field; several: each with its line, then each field's replacement. */
    private static String message(PythonModule m, String deployment, List<Node> reads) {
        Set<String> fields = new LinkedHashSet<>();
        reads.forEach(n -> fields.add(TaskFutureUses.lastName(n)));
        if (reads.size() == 1) {
            String field = fields.iterator().next();
            return "'" + reads.get(0).text().strip() + "' reads ." + field + " of a deployment the Prefect client "
                    + "returned; Prefect 3's deployments have no " + field + " (AttributeError): use " + REMOVED.get(field);
        }
        List<String> each = reads.stream().map(n -> "'" + n.text().strip() + "' (line " + m.at(n).line() + ")").toList();
        List<String> use = fields.stream().map(f -> REMOVED.get(f) + " for ." + f).toList();
        return "deployment `" + deployment + "`, which the Prefect client returned, is read for fields Prefect 3's "
                + "deployments no longer have (AttributeError) in " + reads.size() + " places: " + String.join(", ", each)
                + "; use " + String.join(", and ", use);
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
