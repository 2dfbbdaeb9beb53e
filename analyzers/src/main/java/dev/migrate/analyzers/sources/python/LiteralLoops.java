package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iterations of the {@code for} loops around a call, when each loop runs over a literal: deployment scripts
 * register one deployment per item of a table written in the script ({@code for region, cron in SCHEDULES.items():
 * Deployment.build_from_flow(name=f"etl-{region}", schedule=CronSchedule(cron=cron), ...)}). Each iteration is the
 * module seen with the loop's targets bound to that item's values, so the detectors read each deployment's own name
 * and schedule. A loop over anything else (a call's result, a file, a name assigned in a function) is not read.
 */
final class LiteralLoops {
    /** More iterations than this are reported as one call: a table that large is data, not a list of deployments. */
    static final int MAX_ITERATIONS = 64;

    private LiteralLoops() {
    }

    /**
     * The module once per iteration of the literal loops around {@code call} (outermost loop first, every
     * combination), or the module alone when the call is in no loop or a loop around it is not literal.
     */
    static List<PythonModule> iterations(PythonModule m, Node call) {
        List<Node> loops = enclosingLoops(m.root(), call);
        if (loops.isEmpty()) {
            return List.of(m);
        }
        List<Map<String, Node>> combined = List.of(Map.of());
        for (Node loop : loops) {
            Optional<List<Map<String, Node>>> each = bindings(m, loop);
            if (each.isEmpty() || each.get().isEmpty() || combined.size() * each.get().size() > MAX_ITERATIONS) {
                return List.of(m);
            }
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> outer : combined) {
                for (Map<String, Node> inner : each.get()) {
                    Map<String, Node> both = new HashMap<>(outer);
                    both.putAll(inner);
                    next.add(both);
                }
            }
            combined = next;
        }
        return combined.stream().map(m::withBindings).toList();
    }

    /** The {@code for} statements whose bodies hold {@code target}, outermost first (not those of nested functions). */
    private static List<Node> enclosingLoops(Node root, Node target) {
        List<Node> path = new ArrayList<>();
        if (!pathTo(root, target, path)) {
            return List.of();
        }
        List<Node> loops = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            Node n = path.get(i);
            if (n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.CLASS_DEF || n.kind() == NodeKind.LAMBDA) {
                loops.clear(); // a function defined in a loop runs when it is called, not once per item
            } else if (n.kind() == NodeKind.FOR && isInBody(n, path.get(i + 1))) {
                loops.add(n);
            }
        }
        return loops;
    }

    private static boolean pathTo(Node n, Node target, List<Node> path) {
        path.add(n);
        if (n == target) {
            return true;
        }
        for (Node c : n.nodes()) {
            if (pathTo(c, target, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** Whether {@code child} of a {@code for} statement is its body (not its target, iterable or {@code else}). */
    private static boolean isInBody(Node loop, Node child) {
        boolean afterColon = false;
        for (PyElement c : loop.children()) {
            if (c instanceof Token t && t.is(":")) {
                afterColon = true;
            } else if (c instanceof Token t && t.is("else")) {
                return false;
            } else if (c == child) {
                return afterColon;
            }
        }
        return false;
    }

    /** One map of target names to values per item of the loop's literal iterable; empty when it is not one. */
    private static Optional<List<Map<String, Node>>> bindings(PythonModule m, Node loop) {
        int in = -1;
        List<PyElement> kids = loop.children();
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i) instanceof Token t && t.is("in")) {
                in = i;
                break;
            }
        }
        if (in < 1 || in + 1 >= kids.size() || !(kids.get(in - 1) instanceof Node target) || !(kids.get(in + 1) instanceof Node iterable)) {
            return Optional.empty();
        }
        Optional<List<Node>> items = items(m, iterable);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Node>> out = new ArrayList<>();
        for (Node item : items.get()) {
            Map<String, Node> names = new HashMap<>();
            if (!bind(m, target, item, names)) {
                return Optional.empty();
            }
            out.add(names);
        }
        return Optional.of(out);
    }

    /**
     * The items a loop over {@code iterable} gets: a list, tuple or set literal (or a module constant holding one),
     * a dict's keys, and a dict's {@code .keys()}, {@code .values()} and {@code .items()} (as key-value pairs).
     */
    private static Optional<List<Node>> items(PythonModule m, Node iterable) {
        Node e = m.resolve(iterable);
        String view = null;
        if (e.kind() == NodeKind.CALL && e.nodes().size() == 2 && e.nodes().get(1).nodes().isEmpty()) {
            Node callee = Expressions.unwrap(e.nodes().get(0));
            List<Token> tokens = callee.tokens();
            if (callee.kind() == NodeKind.ATTRIBUTE && callee.nodes().size() == 1 && !tokens.isEmpty()) {
                view = tokens.get(tokens.size() - 1).text();
                e = m.resolve(callee.nodes().get(0));
            }
        }
        if (e.kind() == NodeKind.DICT) {
            List<Node> out = new ArrayList<>();
            for (Node entry : e.nodes()) {
                List<Node> kv = entry.nodes();
                if (entry.kind() != NodeKind.DICT_ENTRY || kv.size() != 2) {
                    return Optional.empty(); // a **spread, or a comprehension
                }
                out.add(view == null || view.equals("keys") ? kv.get(0) : view.equals("values") ? kv.get(1)
                        : view.equals("items") ? Node.of(NodeKind.TUPLE, kv.get(0), new Token(TokenKind.OP, Space.EMPTY, ","),
                        kv.get(1)) : null);
                if (out.get(out.size() - 1) == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(out);
        }
        if (view == null && (e.kind() == NodeKind.LIST || e.kind() == NodeKind.TUPLE || e.kind() == NodeKind.SET)) {
            List<Node> out = new ArrayList<>();
            for (Node item : e.nodes()) {
                if (item.kind() == NodeKind.STARRED || item.kind() == NodeKind.COMP_FOR) {
                    return Optional.empty();
                }
                out.add(item);
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** Binds a loop target (a name, or a tuple or list of names) to an item, unpacking tuple and list literals. */
    private static boolean bind(PythonModule m, Node target, Node item, Map<String, Node> names) {
        Node t = Expressions.unwrap(target);
        if (t.kind() == NodeKind.NAME) {
            names.put(Expressions.name(t), item);
            return true;
        }
        if (t.kind() != NodeKind.TUPLE && t.kind() != NodeKind.LIST) {
            return false;
        }
        Node v = m.resolve(item);
        if (v.kind() != NodeKind.TUPLE && v.kind() != NodeKind.LIST || v.nodes().size() != t.nodes().size()) {
            return false;
        }
        for (int i = 0; i < t.nodes().size(); i++) {
            if (!bind(m, t.nodes().get(i), v.nodes().get(i), names)) {
                return false;
            }
        }
        return true;
    }
}
