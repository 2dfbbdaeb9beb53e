package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The zone each APScheduler scheduler of a module reads its cron triggers in, by the expression that holds the
 * scheduler ({@code sched}, {@code self.scheduler}): the {@code timezone=} of its constructor, or of a later
 * {@code configure(timezone=...)} on it. A job takes the zone of the scheduler it is added to ({@code
 * sched.add_job}, {@code @sched.scheduled_job}), never that of another scheduler of the module. A job added through
 * an expression the module never binds to a scheduler (a function's parameter, an imported scheduler) takes the zone
 * of the module's only scheduler, which is then the one it reaches; with several, its zone is not known here.
 */
final class SchedulerZones {
    /** Holders of the module's schedulers (constructed or configured here), each with its zone or null. */
    private final Map<String, String> zones;
    /** The same holders with the {@code timezone=} expression the code computes (a setting), or null. */
    private final Map<String, String> computed;

    private SchedulerZones(Map<String, String> zones, Map<String, String> computed) {
        this.zones = zones;
        this.computed = computed;
    }

    static SchedulerZones of(PythonModule m) {
        return new SchedulerZones(read(m, SchedulerZones::zoneArg), read(m, SchedulerZones::computedArg));
    }

    private static Map<String, String> read(PythonModule m, java.util.function.BiFunction<PythonModule, Node, String> arg) {
        Map<String, String> zones = new HashMap<>();
        Set<String> holders = new LinkedHashSet<>();
        int anonymous = 0;
        for (Node call : m.nodes(NodeKind.CALL)) {
            if (!m.nameOf(call).startsWith("apscheduler.schedulers.")) {
                continue;
            }
            Optional<String> holder = assignedTo(m, call);
            String zone = arg.apply(m, call);
            if (holder.isEmpty()) {
                anonymous++;
                zones.putIfAbsent("", zone);
                continue;
            }
            holders.add(holder.get());
            if (zone != null || !zones.containsKey(holder.get())) {
                zones.put(holder.get(), zone);
            }
        }
        for (Node call : m.nodes(NodeKind.CALL)) {
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() != NodeKind.ATTRIBUTE || !lastName(callee).equals("configure")) {
                continue;
            }
            String zone = arg.apply(m, call);
            Optional<String> holder = Expressions.dottedName(callee.nodes().get(0));
            if (zone != null && holder.isPresent()) {
                holders.add(holder.get());
                zones.put(holder.get(), zone);
            }
        }
        Map<String, String> out = new HashMap<>();
        holders.forEach(h -> out.put(h, zones.get(h)));
        if (holders.size() + anonymous == 1) {
            // the only scheduler: what an unbound receiver reaches
            out.put("", holders.isEmpty() ? zones.get("") : zones.get(holders.iterator().next()));
        }
        return out;
    }

    /**
     * The zone of the scheduler whose method {@code call} is ({@code sched.add_job(...)}); null when that scheduler
     * names none (the host's zone then) or when which scheduler it is cannot be told.
     */
    String of(Node call) {
        return lookUp(zones, call);
    }

    /**
     * The {@code timezone=} expression of that scheduler when the code computes it ({@code timezone=Config.TZ}), as
     * written; null when it names a zone, names none, or which scheduler it is cannot be told.
     */
    String computed(Node call) {
        return lookUp(computed, call);
    }

    private static String lookUp(Map<String, String> zones, Node call) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        Optional<String> receiver = callee.kind() == NodeKind.ATTRIBUTE
                ? Expressions.dottedName(callee.nodes().get(0)) : Optional.empty();
        if (receiver.isPresent() && zones.containsKey(receiver.get())) {
            return zones.get(receiver.get());
        }
        return zones.get("");
    }

    private static String zoneArg(PythonModule m, Node call) {
        return PythonModule.arg(call, "timezone", -1).flatMap(z -> ApschedulerDetector.zone(m, z)).orElse(null);
    }

    private static String computedArg(PythonModule m, Node call) {
        Optional<Node> tz = PythonModule.arg(call, "timezone", -1);
        return tz.isEmpty() || ApschedulerDetector.zone(m, tz.get()).isPresent() || tz.get().text().strip().equals("None")
                // tzlocal's zone is the host's, which is how a zone-less schedule is read anyway
                || tz.get().text().contains("get_localzone") ? null : tz.get().text().strip();
    }

    private static String lastName(Node attribute) {
        return attribute.tokens().get(attribute.tokens().size() - 1).text();
    }

    /** The name a call's value is assigned to ({@code sched = BlockingScheduler(...)}, {@code self.s = ...}). */
    private static Optional<String> assignedTo(PythonModule m, Node call) {
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().value() != null && Expressions.unwrap(a.get().value()) == call
                    && a.get().targets().size() == 1) {
                return Expressions.dottedName(a.get().targets().get(0));
            }
        }
        return Optional.empty();
    }
}
