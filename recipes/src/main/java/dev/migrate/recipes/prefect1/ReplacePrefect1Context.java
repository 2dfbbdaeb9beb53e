package dev.migrate.recipes.prefect1;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.prefect1.internal.FlowBodies;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Replaces Prefect 1 {@code prefect.context.<key>} and {@code prefect.context.get("<key>")} with
 * {@code get_run_logger()} and {@code prefect.runtime} (mapping in {@code prefect1/context.yaml}, analyzers resources, PF104). The date
 * keys ({@code today}, {@code yesterday_nodash}, ...) are computed from the scheduled start time. Keys without an
 * equivalent get a TODO.
 */
public class ReplacePrefect1Context extends Prefect1PythonRecipe {
    static final String CODE = "PF104";
    private static final Map<String, String> KEYS = load();
    private static final String CONTEXT = "prefect.context";
    /** The key of prefect1/context.yaml for a logger read where no run can be active. */
    private static final String MODULE_LOGGER = "module-level logger";

    @Override
    public String getDisplayName() {
        return "Replace Prefect 1 context lookups";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect.context` lookups (logger, parameters, run ids and names, scheduled start time, the "
                + "`today`/`yesterday`/`tomorrow` strings, task run fields) with `get_run_logger()` and `prefect.runtime`.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Node after = before;
        boolean runtime = false;
        boolean logger = false;
        boolean plainLogger = false;
        boolean timedelta = false;
        for (int guard = 0; guard < 500; guard++) {
            Optional<Lookup> next = next(after);
            if (next.isEmpty()) {
                break;
            }
            Lookup l = next.get();
            String replacement = l.key().equals("logger") && !insideFunction(after, l.node())
                    ? KEYS.get(MODULE_LOGGER) : KEYS.get(l.key());
            if (replacement == null) {
                if (!Todos.has(after, l.node(), CODE)) {
                    log.manual(ctx, file, l.node(), CODE, "prefect.context key '" + l.key()
                            + "' has no Prefect 3 equivalent");
                    after = Todos.add(after, l.node(), CODE, "prefect.context." + l.key() + " has no Prefect 3 "
                            + "equivalent: pass the value as a parameter", file.style().newline());
                }
                continue;
            }
            runtime |= replacement.contains("runtime.");
            logger |= replacement.contains("get_run_logger");
            plainLogger |= replacement.contains("get_logger(");
            timedelta |= replacement.contains("timedelta(");
            String code = replacement.contains("timedelta(") ? replacement.replace("timedelta(",
                    timedeltaName(after) + "(") : replacement;
            after = TreeEdits.replace(after, l.node(), Snippets.expression(code, file.style()));
        }
        after = markOtherUses(file, after, ctx, log);
        if (after == before) {
            return before;
        }
        if (runtime) {
            after = ImportEdits.addFromImport(after, "prefect", "runtime", file.style());
        }
        if (logger) {
            after = ImportEdits.addFromImport(after, "prefect", "get_run_logger", file.style());
        }
        if (plainLogger) {
            after = ImportEdits.addFromImport(after, "prefect.logging", "get_logger", file.style());
        }
        if (timedelta && timedeltaName(after).equals("timedelta")) {
            after = ImportEdits.addFromImport(after, "datetime", "timedelta", file.style());
        }
        return after;
    }

    private record Lookup(Node node, String key) {
    }

    /** The first context lookup left, skipping ones already marked with a TODO. */
    private static Optional<Lookup> next(Node root) {
        Imports imports = Imports.of(root);
        for (Node n : Nodes.find(root, x -> x.kind() == NodeKind.ATTRIBUTE || x.kind() == NodeKind.CALL
                || x.kind() == NodeKind.SUBSCRIPT)) {
            Optional<String> key = Optional.empty();
            if (n.kind() == NodeKind.CALL) {
                CallView call = new CallView(n);
                boolean get = imports.qualifiedName(call.callee()).filter("prefect.context.get"::equals).isPresent();
                // get("key", default): Prefect 3's runtime answers outside a run too, so the default can go
                if (get && call.arguments().size() <= 2 && call.arguments().stream().allMatch(a -> a.keyword() == null)) {
                    key = call.positional(0).flatMap(a -> PyValues.string(a.value()));
                }
            } else if (n.kind() == NodeKind.SUBSCRIPT) {
                // prefect.context["parameters"]: the context was a dict too
                if (n.nodes().size() == 2 && imports.qualifiedName(n.nodes().get(0)).filter(CONTEXT::equals).isPresent()) {
                    key = PyValues.string(n.nodes().get(1));
                }
            } else {
                Optional<String> q = Expressions.dottedParts(n).isPresent() ? imports.qualifiedName(n) : Optional.empty();
                // prefect.context.update(...) is a call of the context's method, not a key: markOtherUses says so
                Node parent = TreeEdits.parentOf(root, n);
                boolean called = parent != null && parent.kind() == NodeKind.CALL && parent.nodes().get(0) == n;
                if (q.isPresent() && q.get().startsWith("prefect.context.") && q.get().split("\\.").length == 3
                        && !called && !q.get().equals("prefect.context.get") && !PrefectApi.get().existsIn3(q.get())) {
                    key = Optional.of(q.get().substring("prefect.context.".length()));
                }
            }
            if (key.isPresent() && !(KEYS.get(key.get()) == null && Todos.has(root, n, CODE))) {
                return Optional.of(new Lookup(n, key.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Uses of the Prefect 1 context that are not a lookup of a literal key ({@code with prefect.context(a=1):},
     * {@code prefect.context.update(...)}, {@code prefect.context.get(name)}): Prefect 3's {@code prefect.context}
     * is a module without them, so each statement holding one gets a TODO. Names Prefect 3 has there
     * ({@code prefect.context.get_run_context}) are left alone.
     */
    private static Node markOtherUses(PythonFile file, Node root, ExecutionContext ctx, Notes log) {
        Imports imports = Imports.of(root);
        List<Node> parents = Nodes.find(root, x -> x.kind() == NodeKind.ATTRIBUTE);
        // statements first: a TODO rebuilds its statement's first tokens, so nodes inside it are not kept
        Set<PyElement> statements = new LinkedHashSet<>();
        for (Node n : Nodes.find(root, x -> x.kind() == NodeKind.ATTRIBUTE || x.kind() == NodeKind.NAME)) {
            if (imports.qualifiedName(n).filter(CONTEXT::equals).isPresent() && !usesPrefect3Name(n, parents, imports)) {
                statements.add(Todos.statementOf(root, n));
            }
        }
        Node out = root;
        for (PyElement statement : statements) {
            NodeKind kind = statement instanceof Node s ? s.kind() : null;
            if (kind == NodeKind.IMPORT || kind == NodeKind.IMPORT_FROM || Todos.has(out, statement, CODE)) {
                continue;
            }
            String message = "`" + FlowBodies.firstLine(statement) + "` uses the Prefect 1 context, which Prefect 3 "
                    + "does not have: pass the value as a parameter, or read prefect.runtime";
            log.manual(ctx, file, statement, CODE, message);
            out = Todos.add(out, statement, CODE, message, file.style().newline());
        }
        return out;
    }

    private static boolean usesPrefect3Name(Node context, List<Node> attributes, Imports imports) {
        return attributes.stream().anyMatch(a -> !a.nodes().isEmpty() && a.nodes().get(0) == context
                && imports.qualifiedName(a).filter(PrefectApi.get()::existsIn3).isPresent());
    }

    private static boolean insideFunction(Node root, Node node) {
        List<Node> path = TreeEdits.path(root, node);
        return path != null && path.stream().anyMatch(n -> n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.LAMBDA);
    }

    /**
     * How {@code datetime.timedelta} is named in this module: its own binding, else through an {@code import datetime}
     * the module has ({@code datetime.timedelta}, no second import of the same module), else {@code timedelta}.
     */
    private static String timedeltaName(Node root) {
        String viaModule = null;
        for (var b : Imports.of(root).all()) {
            if (b.qualifiedName().equals("datetime.timedelta")) {
                return b.localName();
            }
            if (b.qualifiedName().equals("datetime") && !b.isFromImport()) {
                viaModule = b.localName() + ".timedelta";
            }
        }
        return viaModule != null ? viaModule : "timedelta";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = ReplacePrefect1Context.class.getResourceAsStream("/dev/migrate/analyzers/prefect1/context.yaml")) {
            return Map.copyOf((Map<String, String>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
