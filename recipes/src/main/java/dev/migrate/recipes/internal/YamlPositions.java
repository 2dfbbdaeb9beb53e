package dev.migrate.recipes.internal;

import org.openrewrite.Cursor;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.Tree;
import org.openrewrite.yaml.internal.YamlPrinter;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Lines of YAML nodes, for notes. OpenRewrite's YAML trees keep no positions: the file the cursor is in is printed
 * and the node is found by id, so a node an enclosing visitor already replaced (same id) is found too.
 */
public final class YamlPositions {
    private YamlPositions() {
    }

    /** The 1-based line where {@code node} (a key, an entry, a value) starts in the file of {@code cursor}; 0 if not found. */
    public static int lineOf(Cursor cursor, Yaml node) {
        Yaml.Documents docs = cursor.firstEnclosing(Yaml.Documents.class);
        if (docs == null) {
            return 0;
        }
        int[] at = {-1};
        PrintOutputCapture<Integer> out = new PrintOutputCapture<>(0);
        new YamlPrinter<Integer>() {
            @Override
            public Yaml visit(Tree tree, PrintOutputCapture<Integer> p) {
                if (at[0] < 0 && tree instanceof Yaml y && y.getId().equals(node.getId())) {
                    at[0] = p.getOut().length() + y.getPrefix().length();
                }
                return super.visit(tree, p);
            }
        }.visit(docs, out);
        return at[0] < 0 ? 0 : TextPositions.lineOf(out.getOut(), at[0]);
    }
}
