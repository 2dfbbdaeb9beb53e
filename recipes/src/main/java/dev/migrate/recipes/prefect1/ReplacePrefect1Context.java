package dev.migrate.recipes.prefect1;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Replaces Prefect 1 {@code prefect.context.<key>} and {@code prefect.context.get("<key>")} with
 * {@code get_run_logger()} and {@code prefect.runtime} (mapping in {@code prefect1-context.yaml}, PF104). The date
 * keys ({@code today}, {@code yesterday_nodash}, ...) are computed from the scheduled start time. Keys without an
 * equivalent get a TODO.
 */
public class ReplacePrefect1Context extends Prefect1PythonRecipe {
    static final String CODE = "PF104";
    private static final Map<String, String> KEYS = load();

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
        boolean timedelta = false;
        for (int guard = 0; guard < 500; guard++) {
            Optional<Lookup> next = next(after);
            if (next.isEmpty()) {
                break;
            }
            Lookup l = next.get();
            String replacement = KEYS.get(l.key());
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
            timedelta |= replacement.contains("timedelta(");
            String code = replacement.contains("timedelta(") ? replacement.replace("timedelta(",
                    timedeltaName(after) + "(") : replacement;
            after = TreeEdits.replace(after, l.node(), Snippets.expression(code, file.style()));
        }
        if (after == before) {
            return before;
        }
        if (runtime) {
            after = ImportEdits.addFromImport(after, "prefect", "runtime", file.style());
        }
        if (logger) {
            after = ImportEdits.addFromImport(after, "prefect", "get_run_logger", file.style());
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
        for (Node n : Nodes.find(root, x -> x.kind() == NodeKind.ATTRIBUTE || x.kind() == NodeKind.CALL)) {
            Optional<String> key = Optional.empty();
            if (n.kind() == NodeKind.CALL) {
                CallView call = new CallView(n);
                boolean get = imports.qualifiedName(call.callee()).filter("prefect.context.get"::equals).isPresent();
                if (get && call.arguments().size() == 1) {
                    key = call.positional(0).flatMap(a -> PyValues.string(a.value()));
                }
            } else {
                Optional<String> q = Expressions.dottedParts(n).isPresent() ? imports.qualifiedName(n) : Optional.empty();
                if (q.isPresent() && q.get().startsWith("prefect.context.") && q.get().split("\\.").length == 3
                        && !q.get().equals("prefect.context.get")) {
                    key = Optional.of(q.get().substring("prefect.context.".length()));
                }
            }
            if (key.isPresent() && !(KEYS.get(key.get()) == null && Todos.has(root, n, CODE))) {
                return Optional.of(new Lookup(n, key.get()));
            }
        }
        return Optional.empty();
    }

    /** How {@code datetime.timedelta} is named in this module ({@code timedelta} unless bound otherwise). */
    private static String timedeltaName(Node root) {
        for (var b : Imports.of(root).all()) {
            if (b.qualifiedName().equals("datetime.timedelta")) {
                return b.localName();
            }
        }
        return "timedelta";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = ReplacePrefect1Context.class.getResourceAsStream("/dev/migrate/recipes/prefect1-context.yaml")) {
            return Map.copyOf((Map<String, String>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
