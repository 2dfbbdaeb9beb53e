package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Celery beat entries a module leaves in effect, read in the order Python runs its module-level statements:
 * {@code beat_schedule = {...}} (also {@code CELERYBEAT_SCHEDULE}, {@code app.conf.beat_schedule} and
 * {@code CELERY_BEAT_SCHEDULE} in Django settings, and {@code app.conf.update(beat_schedule=...)}) replaces the dict, so only the entries of the last assignment are
 * there at import; {@code beat_schedule.update(...)} and {@code beat_schedule["name"] = {...}} add (or replace)
 * entries after it (so does {@code beat_schedule |= {...}}) and {@code del beat_schedule["name"]} removes one. A class body (a config class given to
 * {@code config_from_object}) runs in order too, so it is read the same way as its own setting.
 *
 * <p>A write inside an if, try, loop, with or function may run or not, and at another time: its entries are kept
 * (nothing is dropped on a guess) and it is returned among {@link #unsure()} so that the scan says the set of
 * entries is not certain.
 */
final class BeatScheduleWrites {
    /** One entry: its name, the node to point at, and the entry's dict (or whatever the source wrote). */
    record Entry(String name, Node where, Node body) {
    }

    /** A write whose effect depends on run time: where it is and the statement kind it sits in. */
    record Unsure(Node write, String setting, String inside) {
    }

    /** The setting name of a beat schedule a function returns. */
    static final String RETURNED = "the beat schedule a function returns";
    private final PythonModule m;
    /** Per setting (the target as written, prefixed by its class), its entries in the order they were added. */
    private final Map<String, Map<String, Entry>> settings = new LinkedHashMap<>();
    private final List<Unsure> unsure = new ArrayList<>();

    private BeatScheduleWrites(PythonModule m) {
        this.m = m;
    }

    static BeatScheduleWrites of(PythonModule m) {
        BeatScheduleWrites w = new BeatScheduleWrites(m);
        w.block(m.root(), "");
        return w;
    }

    /** The entries in effect, every setting of the module after the other. */
    List<Entry> entries() {
        return settings.values().stream().flatMap(s -> s.values().stream()).toList();
    }

    List<Unsure> unsure() {
        return unsure;
    }

    private void block(Node block, String scope) {
        for (Node stmt : Statements.of(block)) {
            if (stmt.kind() == NodeKind.CLASS_DEF) {
                String name = stmt.nodes().stream().filter(n -> n.kind() == NodeKind.NAME).findFirst()
                        .map(Expressions::name).orElse("?");
                // the body is the last child: an indented SUITE, or the SIMPLE_LINE of `class C: x = 1`
                List<Node> parts = stmt.nodes();
                block(parts.get(parts.size() - 1), scope + name + ".");
            } else if (isCompound(stmt)) {
                nested(stmt, stmt, scope);
            } else {
                write(stmt, scope, true);
            }
        }
    }

    private static boolean isCompound(Node stmt) {
        return switch (stmt.kind()) {
            case IF, WHILE, FOR, WITH, TRY, FUNCTION_DEF, MATCH -> true;
            default -> false;
        };
    }

    /** Every write somewhere inside a compound statement: kept, but unsure. */
    private void nested(Node n, Node compound, String scope) {
        if (n.kind().isStatement() && !isCompound(n) && n.kind() != NodeKind.CLASS_DEF) {
            String setting = write(n, scope, false);
            if (setting != null) {
                unsure.add(new Unsure(n, setting, inside(compound)));
            }
            return;
        }
        for (Node c : n.nodes()) {
            nested(c, compound, scope);
        }
    }

    private static String inside(Node compound) {
        return switch (compound.kind()) {
            case FUNCTION_DEF -> "a function";
            case IF -> "an if";
            case TRY -> "a try";
            case WITH -> "a with block";
            case MATCH -> "a match";
            default -> "a loop";
        };
    }

    /**
     * Applies one simple statement; {@code ordered} says whether it runs in order (an assignment then replaces), else
     * its entries are only added. The setting written, or null when the statement writes none.
     */
    private String write(Node stmt, String scope, boolean ordered) {
        Optional<Statements.Assignment> a = Statements.assignment(stmt);
        if (a.isPresent() && a.get().value() != null && a.get().operator().equals("|=")) {
            // setting |= {...} is update(): entries are added
            Node target = Expressions.unwrap(a.get().targets().get(0));
            if (!isBeatName(target)) {
                return null;
            }
            String setting = scope + Expressions.dottedName(target).orElse("");
            dict(setting, a.get().value());
            return setting;
        }
        if (a.isPresent() && a.get().value() != null && a.get().operator().equals("=")) {
            String wrote = null;
            for (Node target : a.get().targets()) {
                String setting = assign(Expressions.unwrap(target), a.get().value(), scope, ordered);
                wrote = setting != null ? setting : wrote;
            }
            return wrote;
        }
        if (stmt.kind() == NodeKind.EXPR_STMT && !stmt.nodes().isEmpty()
                && Expressions.unwrap(stmt.nodes().get(0)).kind() == NodeKind.CALL) {
            return call(Expressions.unwrap(stmt.nodes().get(0)), scope, ordered);
        }
        if (stmt.kind() == NodeKind.RETURN && !stmt.nodes().isEmpty() && looksLikeBeatSchedule(stmt.nodes().get(0))) {
            // a function that builds the schedule for a caller elsewhere (app.conf.beat_schedule = get_schedule())
            String setting = scope + RETURNED;
            dict(setting, stmt.nodes().get(0));
            return setting;
        }
        if (stmt.kind() == NodeKind.DEL && !stmt.nodes().isEmpty()) {
            Node targets = Expressions.unwrap(stmt.nodes().get(0));
            String wrote = null;
            for (Node t : targets.kind() == NodeKind.TUPLE ? targets.nodes() : List.of(targets)) {
                Optional<String> setting = item(Expressions.unwrap(t));
                if (setting.isPresent()) {
                    wrote = scope + setting.get();
                    m.string(Expressions.unwrap(t).nodes().get(1)).ifPresent(entries(scope + setting.get())::remove);
                }
            }
            return wrote;
        }
        return null;
    }

    /** {@code setting = {...}} or {@code setting["name"] = {...}}. */
    private String assign(Node target, Node value, String scope, boolean ordered) {
        if (isBeatName(target)) {
            String setting = scope + Expressions.dottedName(target).orElse("");
            replace(setting, ordered);
            dict(setting, value);
            return setting;
        }
        Optional<String> item = item(target);
        if (item.isEmpty()) {
            return null;
        }
        String setting = scope + item.get();
        Node key = target.nodes().get(1);
        m.string(key).ifPresent(name -> entries(setting).put(name, new Entry(name, key, value)));
        return setting;
    }

    /** {@code setting.update(...)} adds entries; {@code app.conf.update(beat_schedule=...)} replaces the setting. */
    private String call(Node call, String scope, boolean ordered) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        String name = Expressions.dottedName(callee).orElse("");
        if (!name.endsWith(".update")) {
            return null;
        }
        Node owner = Expressions.unwrap(callee.nodes().get(0));
        if (isBeatName(owner)) {
            String setting = scope + Expressions.dottedName(owner).orElse("");
            for (Argument arg : new CallView(call).arguments()) {
                if (arg.keyword() != null) {
                    entries(setting).put(arg.keyword(), new Entry(arg.keyword(), arg.node(), arg.value()));
                } else if (arg.isPositional() || "**".equals(arg.unpacking())) {
                    dict(setting, arg.value());
                }
            }
            return setting;
        }
        if (name.endsWith("conf.update")) {
            Optional<Node> value = PythonModule.arg(call, "beat_schedule", -1);
            if (value.isPresent()) {
                String setting = scope + name.substring(0, name.length() - "update".length()) + "beat_schedule";
                replace(setting, ordered);
                dict(setting, value.get());
                return setting;
            }
        }
        return null;
    }

    /**
     * An assignment that runs in order drops what the setting held, and with it the doubt about writes before it
     * that might not have run.
     */
    private void replace(String setting, boolean ordered) {
        if (ordered) {
            entries(setting).clear();
            unsure.removeIf(u -> u.setting().equals(setting));
        }
    }

    /** The entries of a dict literal (through a module constant); a name written twice keeps its last value. */
    private void dict(String setting, Node value) {
        Node dict = m.resolve(value);
        Map<String, Entry> into = entries(setting);
        if (dict.kind() != NodeKind.DICT) {
            return;
        }
        for (Node entry : dict.nodes(NodeKind.DICT_ENTRY)) {
            if (entry.nodes().size() == 2) {
                Node key = entry.nodes().get(0);
                // a name already there keeps its place and takes the new value, as in a Python dict
                m.string(key).ifPresent(n -> into.put(n, new Entry(n, key, entry.nodes().get(1))));
            }
        }
    }

    private Map<String, Entry> entries(String setting) {
        return settings.computeIfAbsent(setting, k -> new LinkedHashMap<>());
    }

    /** The setting of {@code setting["name"]}, when the subscript is of a beat setting. */
    private static Optional<String> item(Node target) {
        if (target.kind() != NodeKind.SUBSCRIPT || target.nodes().size() < 2) {
            return Optional.empty();
        }
        Node owner = Expressions.unwrap(target.nodes().get(0));
        return isBeatName(owner) ? Expressions.dottedName(owner) : Optional.empty();
    }

    /**
     * A dict literal every value of which is a dict with a "task" and a "schedule" key: a beat schedule, whatever
     * name it is given later.
     */
    private boolean looksLikeBeatSchedule(Node value) {
        Node dict = m.resolve(value);
        if (dict.kind() != NodeKind.DICT || dict.nodes(NodeKind.DICT_ENTRY).isEmpty()) {
            return false;
        }
        for (Node entry : dict.nodes(NodeKind.DICT_ENTRY)) {
            Node body = entry.nodes().size() == 2 ? m.resolve(entry.nodes().get(1)) : null;
            if (body == null || body.kind() != NodeKind.DICT) {
                return false;
            }
            List<String> keys = body.nodes(NodeKind.DICT_ENTRY).stream().filter(e -> e.nodes().size() == 2)
                    .map(e -> m.string(e.nodes().get(0)).orElse("")).toList();
            if (!keys.contains("task") || !keys.contains("schedule")) {
                return false;
            }
        }
        return true;
    }

    static boolean isBeatName(Node target) {
        String t = Expressions.dottedName(target).orElse("");
        // CELERY_BEAT_SCHEDULE: Django settings read with config_from_object(..., namespace="CELERY")
        return t.equals("beat_schedule") || t.endsWith(".beat_schedule") || t.equals("CELERYBEAT_SCHEDULE")
                || t.equals("CELERY_BEAT_SCHEDULE");
    }
}
