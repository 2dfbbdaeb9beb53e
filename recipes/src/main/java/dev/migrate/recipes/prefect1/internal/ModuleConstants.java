package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyLiterals;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;

/**
 * Prefect 1 code often keeps a flow's settings in module constants ({@code REPO = "org/etl"},
 * {@code LABELS = ["prod"]}, {@code CRON = "0 3 * * *"}). The readers of schedules, run configs and storage read
 * literals, so they get the setting's expression with those names replaced by their values.
 */
final class ModuleConstants {
    private ModuleConstants() {
    }

    /**
     * {@code expr} with every name that one module-level statement assigns, to a literal, replaced by that
     * literal (a detached copy, for reading only; {@code expr} itself when no name qualifies).
     */
    static Node inline(Node module, Node expr) {
        Node out = expr;
        for (Node name : Nodes.find(expr, NodeKind.NAME)) {
            Node value = FlowAnalysis.resolve(module, name);
            if (value != name && PyLiterals.value(value).isPresent()) {
                out = out == name ? value : TreeEdits.replaceKeepingPrefix(out, name, value);
            }
        }
        return out;
    }
}
