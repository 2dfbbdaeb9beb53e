package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Replaces Prefect 1 signals (PF105, mapping in {@code prefect1/signals.yaml}, analyzers resources): {@code raise signals.FAIL(msg)}
 * becomes {@code raise RuntimeError(msg)}, {@code raise signals.SUCCESS(msg)} becomes
 * {@code return Completed(message=msg)} (unsafe), and the signals with no Prefect 3 form ({@code SKIP},
 * {@code RETRY}, {@code LOOP}, {@code PAUSE}, {@code ENDRUN}) get a TODO. Renames the state predicates
 * {@code is_successful()} and {@code is_finished()}.
 */
public class ReplacePrefect1Signals extends Prefect1PythonRecipe {
    static final String CODE = "PF105";
    private static final Map<String, Map<String, String>> RULES = load();

    @Override
    public String getDisplayName() {
        return "Replace Prefect 1 signals and state predicates";
    }

    @Override
    public String getDescription() {
        return "Turns Prefect 1 signals into exceptions or returned states and renames state predicates; signals "
                + "without a Prefect 3 form are marked for a person.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Node after = before;
        boolean catches = Nodes.find(before, NodeKind.EXCEPT_CLAUSE).stream()
                .anyMatch(e -> Nodes.find(e, x -> signal(Imports.of(before), x).isPresent()).size() > 0);
        for (Node raise : Nodes.find(before, NodeKind.RAISE)) {
            after = raise(file, after, raise, catches, ctx, log);
        }
        return predicates(after);
    }

    private Node raise(PythonFile file, Node root, Node raise, boolean catches, ExecutionContext ctx, Notes log) {
        Imports imports = Imports.of(root);
        if (raise.nodes().isEmpty()) {
            return root;
        }
        // `raise signals.FAIL("msg")`, or the class itself, which Python instantiates: `raise signals.FAIL`
        Node raised = raise.nodes().get(0);
        CallView call = raised.kind() == NodeKind.CALL ? new CallView(raised) : null;
        Node callee = call == null ? raised : call.callee();
        Optional<String> signal = signal(imports, callee);
        if (signal.isEmpty()) {
            return root;
        }
        String exception = RULES.get("raise").get(signal.get());
        String state = RULES.get("return_state").get(signal.get());
        if (exception != null && !catches) {
            return TreeEdits.replace(root, callee, dev.migrate.rewriters.python.edit.Snippets.expression(exception,
                    file.style()));
        }
        if (state != null && FixSafety.unsafeAllowed(ctx) && !catches && insideFunction(root, raise)) {
            String message = call == null ? "" : call.positional(0).map(a -> "message=" + a.value().print().strip())
                    .or(() -> call.keyword("message").map(a -> "message=" + a.value().print().strip())).orElse("");
            Node out = StatementEdits.replace(root, raise, "return " + state + "(" + message + ")", file.style());
            return ImportEdits.addFromImport(out, "prefect.states", state, file.style());
        }
        String todo = RULES.get("manual").getOrDefault(signal.get(), catches
                ? "this module also catches Prefect 1 signals; replace raise and except together" : "no Prefect 3 form");
        log.manual(ctx, file, raise, CODE, "signals." + signal.get() + ": " + todo);
        return Todos.add(root, raise, CODE, "signals." + signal.get() + ": " + todo, file.style().newline());
    }

    private static Optional<String> signal(Imports imports, Node expr) {
        return imports.qualifiedName(expr).filter(q -> q.startsWith("prefect.engine.signals.")
                || q.startsWith("prefect.utilities.exceptions.")).map(q -> q.substring(q.lastIndexOf('.') + 1));
    }

    private static boolean insideFunction(Node root, Node stmt) {
        return TreeEdits.path(root, stmt).stream().anyMatch(n -> n.kind() == NodeKind.FUNCTION_DEF);
    }

    /** {@code x.is_successful()} -> {@code x.is_completed()}: the method names only exist on Prefect 1 states. */
    private static Node predicates(Node root) {
        Node out = root;
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            Node callee = new CallView(call).callee();
            if (callee.kind() != NodeKind.ATTRIBUTE || !new CallView(call).arguments().isEmpty()) {
                continue;
            }
            List<Token> tokens = callee.tokens();
            Token method = tokens.get(tokens.size() - 1);
            String renamed = RULES.get("predicates").get(method.text());
            if (method.kind() == TokenKind.NAME && renamed != null) {
                out = TreeEdits.replace(out, method, method.withText(renamed));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> load() {
        try (InputStream in = ReplacePrefect1Signals.class.getResourceAsStream("/dev/migrate/analyzers/prefect1/signals.yaml")) {
            return Map.copyOf((Map<String, Map<String, String>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
