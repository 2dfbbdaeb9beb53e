package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.sources.python.Prefect1ModulesByName;
import dev.migrate.recipes.python.PyLiterals;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prefect 1 code often keeps a flow's settings in module constants ({@code REPO = "org/etl"},
 * {@code LABELS = ["prod"]}, {@code CRON = "0 3 * * *"}). The readers of schedules, run configs and storage read
 * literals, so they get the setting's expression with those names replaced by their values; once the settings
 * have moved to the deployment, the constants nothing else reads go too.
 */
public final class ModuleConstants {
    private ModuleConstants() {
    }

    /**
     * {@code expr} with every name that one module-level statement assigns, to a literal or a call ({@code HALF =
     * timedelta(minutes=30)}), replaced by that value, whose own names are replaced the same way a few levels deep
     * (a detached copy, for reading only; {@code expr} itself when no name qualifies).
     */
    static Node inline(Node module, Node expr) {
        return inline(module, expr, 4);
    }

    private static Node inline(Node module, Node expr, int depth) {
        Node out = expr;
        for (Node name : Nodes.find(expr, NodeKind.NAME)) {
            Node value = FlowAnalysis.resolve(module, name);
            if (value == name) {
                continue;
            }
            if (PyLiterals.value(value).isEmpty()) {
                if (depth == 0 || Expressions.unwrap(value).kind() != NodeKind.CALL) {
                    continue;
                }
                value = inline(module, value, depth - 1);
            }
            out = out == name ? value : TreeEdits.replaceKeepingPrefix(out, name, value);
        }
        return out;
    }

    /**
     * The module-level statements of {@code after} that assign a literal (or a Prefect 1 setting object, see
     * {@link #isPrefect1Setting}) to a name which {@code before} read and nothing in {@code after} mentions any more:
     * not code, not a string ({@code __all__}, {@code getattr}), not a comment. A literal has no side effect to keep; a name another module reads ({@code readElsewhere},
     * "module.NAME" pairs from {@link #recordReads}) or that is assigned twice stays.
     *
     * @param moduleName the module's own name as others import it: its file name without {@code .py}, or the
     *                   package name for an {@code __init__.py}
     */
    public static List<Node> orphaned(Node before, Node after, String moduleName, Set<String> readElsewhere) {
        String beforeText = before.print();
        String afterText = after.print();
        Imports imports = Imports.of(after);
        List<Node> out = new ArrayList<>();
        for (Node s : Statements.of(after)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (name(s) == null || a.get().value() == null
                    || PyLiterals.value(a.get().value()).isEmpty() && !isPrefect1Setting(a.get().value(), imports)) {
                continue;
            }
            String name = name(s);
            if (mentions(afterText, name) == 1 && mentions(beforeText, name) > 1
                    && !readElsewhere.contains(moduleName + "." + name) && !readElsewhere.contains(moduleName + ".*")) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Whether {@code value} builds a Prefect 1 flow setting ({@code CronClock(...)}, {@code IntervalSchedule(...)},
     * {@code DockerRun(...)}, {@code GitHub(...)} storage, an executor) from literals, dates and other such settings:
     * building one has no effect beyond the object, and once the settings have moved to the deployment, a
     * constant left holding one fails at import (those classes are gone in Prefect 3).
     */
    static boolean isPrefect1Setting(Node value, Imports imports) {
        Node call = Expressions.unwrap(value);
        if (call.kind() != NodeKind.CALL || !SETTING_MODULES.matcher(imports.qualifiedName(call).orElse("")).lookingAt()) {
            return false;
        }
        for (Node inner : Nodes.find(call, NodeKind.CALL)) {
            Node callee = new CallView(inner).callee();
            String q = imports.qualifiedName(inner).orElse(callee.kind() == NodeKind.NAME ? Expressions.name(callee) : "");
            if (inner != call && !SETTING_MODULES.matcher(q).lookingAt() && !INERT_CALLS.matcher(q).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Where Prefect 1 keeps the classes of a flow's settings. */
    private static final Pattern SETTING_MODULES = Pattern.compile(
            "prefect\\.(schedules|run_configs|storage|executors|engine\\.executors|environments)\\.");
    /** Calls with no effect beyond their value that settings are built from. */
    private static final Pattern INERT_CALLS = Pattern.compile(
            "datetime\\.(timedelta|datetime|date|time|timezone)|pendulum\\.(datetime|duration|now|today|timezone)"
                    + "|dict|list|tuple|set|str|int|float");

    /** The name {@code NAME = ...} binds, for a plain assignment to one name; else null. */
    public static String name(Node stmt) {
        return Statements.assignment(stmt).filter(a -> a.operator().equals("=") && a.targets().size() == 1
                && a.targets().get(0).kind() == NodeKind.NAME).map(a -> Expressions.name(a.targets().get(0))).orElse(null);
    }

    /** The first module-level statement {@code name = ...}. */
    public static Optional<Node> assignment(Node module, String name) {
        return Statements.of(module).stream().filter(s -> name.equals(name(s))).findFirst();
    }

    /**
     * Adds the "module.NAME" pairs a module reads from other modules: {@code from flows.etl import CRON} and
     * {@code etl.CRON} after {@code import flows.etl as etl} give "etl.CRON"; {@code from flows.etl import *}
     * gives "etl.*"; {@code importlib.import_module("flows.etl").CRON} and {@code getattr(mod, "CRON")} on such a
     * module give "etl.CRON" too ({@link Prefect1ModulesByName}). Only the last part of a module's path is kept, so a pair may also stand for a namesake
     * module elsewhere, which keeps a constant rather than removing one.
     */
    public static void recordReads(Node module, Set<String> out) {
        Imports imports = Imports.of(module);
        for (ImportBinding b : imports.all()) {
            if (b.isFromImport()) {
                record(b.qualifiedName(), out);
            }
        }
        // the tree index keeps the attributes by kind for the other recipes that look them up
        for (Node attribute : TreeIndex.of(module).find(NodeKind.ATTRIBUTE)) {
            imports.qualifiedName(attribute).ifPresent(q -> record(q, out));
        }
        // importlib.import_module("flows.etl").flow and getattr(mod, "flow") read etl.flow as an import does
        Prefect1ModulesByName byName = Prefect1ModulesByName.of(module, imports);
        if (byName.any()) {
            for (Node n : Nodes.find(module, x -> x.kind() == NodeKind.ATTRIBUTE || x.kind() == NodeKind.CALL)) {
                byName.qualifiedNames(n).forEach(q -> record(q, out));
            }
        }
    }

    /** The name a module is imported by, from its path: {@code flows/etl.py} is etl, {@code flows/__init__.py} flows. */
    public static String moduleName(String sourcePath) {
        String[] parts = sourcePath.replace('\\', '/').split("/");
        String file = parts[parts.length - 1].replaceFirst("\\.pyi?$", "");
        return file.equals("__init__") && parts.length > 1 ? parts[parts.length - 2] : file;
    }

    private static void record(String qualified, Set<String> out) {
        String[] parts = qualified.split("\\.");
        if (parts.length >= 2 && !parts[parts.length - 2].isEmpty()) {
            out.add(parts[parts.length - 2] + "." + parts[parts.length - 1]);
        }
    }

    /** How often {@code name} appears as a whole word in {@code text}. */
    private static int mentions(String text, String name) {
        Matcher m = Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
