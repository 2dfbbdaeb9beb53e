package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1's client secret, {@code Secret("NAME").get()} ({@code prefect.client.Secret}), read the secret where it
 * was called (context secrets locally, the backend otherwise), in a task or at import time alike. Prefect 3's
 * {@code prefect.blocks.system.Secret} is read the same way with {@code Secret.load("name").get()}, so the call is
 * rewritten when every use of the imported name has that shape; the import then names the Prefect 3 class.
 */
public final class ClientSecrets {
    static final Set<String> CLASSES = Set.of("prefect.client.Secret", "prefect.client.secrets.Secret");
    private static final String NAME = "Secret";

    /** The rewritten tree, and per secret read the Prefect 1 call (in the tree given) and the secret's name. */
    public record Result(Node root, List<Node> calls, List<String> secrets) {
    }

    private ClientSecrets() {
    }

    public static Optional<Result> convert(Node root, PythonStyle style) {
        Imports imports = Imports.of(root);
        Optional<ImportBinding> binding = imports.binding(NAME);
        if (binding.isEmpty() || !CLASSES.contains(binding.get().qualifiedName())) {
            return Optional.empty();
        }
        List<Node> calls = new ArrayList<>();
        for (Node n : Nodes.find(root, NodeKind.NAME)) {
            if (!Expressions.name(n).equals(NAME) || insideImport(root, n)) {
                continue;
            }
            Node call = TreeEdits.parentOf(root, n);
            if (call == null || call.kind() != NodeKind.CALL || call.nodes().get(0) != n || !readsAtOnce(root, call)) {
                return Optional.empty();
            }
            calls.add(call);
        }
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        Node out = root;
        List<String> secrets = new ArrayList<>();
        for (Node call : calls) {
            String secret = PyValues.string(new CallView(call).arguments().get(0).value()).orElseThrow();
            secrets.add(secret);
            out = TreeEdits.replace(out, call, Snippets.expression(NAME + ".load("
                    + PyValues.quoted(Secrets.blockName(secret)) + ")", style));
        }
        out = ImportEdits.removeImport(out, NAME, style);
        out = ImportEdits.addFromImport(out, "prefect.blocks.system", NAME, style);
        return Optional.of(new Result(out, calls, secrets));
    }

    /** {@code Secret("literal").get()}: one string argument, and the value read at once. */
    private static boolean readsAtOnce(Node root, Node call) {
        CallView view = new CallView(call);
        if (view.arguments().size() != 1 || view.arguments().get(0).keyword() != null
                || PyValues.string(view.arguments().get(0).value()).isEmpty()) {
            return false;
        }
        Node attribute = TreeEdits.parentOf(root, call);
        if (attribute == null || attribute.kind() != NodeKind.ATTRIBUTE || attribute.nodes().get(0) != call
                || !attribute.print().strip().endsWith(".get")) {
            return false;
        }
        Node get = TreeEdits.parentOf(root, attribute);
        return get != null && get.kind() == NodeKind.CALL && get.nodes().get(0) == attribute
                && new CallView(get).arguments().isEmpty();
    }

    private static boolean insideImport(Node root, Node name) {
        return TreeEdits.path(root, name).stream()
                .anyMatch(p -> p.kind() == NodeKind.IMPORT || p.kind() == NodeKind.IMPORT_FROM);
    }
}
