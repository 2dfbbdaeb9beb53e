package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.List;

/**
 * A flow setting is read from a copy with the module's constants put in place of their names
 * ({@link ModuleConstants#inline}), but a note quotes the code as the user wrote it: {@code f"flows/{NAME}.py"},
 * not the copy's {@code f"flows/{ "etl"}.py"}. The copy differs from the original only at the names it replaced,
 * so a part of the copy is found in the original by the same path of child positions.
 *
 * @param inlined  the copy the readers read
 * @param original the expression as written (the same node when nothing was inlined)
 */
public record AsWritten(Node inlined, Node original) {
    public static AsWritten same(Node expr) {
        return new AsWritten(expr, expr);
    }

    /** The source text of {@code part} (a node of {@link #inlined}) as the original writes it, stripped. */
    public String text(Node part) {
        return at(part).print().strip();
    }

    /** The node of the original {@code part} was copied from, or {@code part} itself when the shapes differ. */
    public Node at(Node part) {
        if (inlined == original || part == inlined) {
            return part == inlined ? original : part;
        }
        List<Node> path = TreeEdits.path(inlined, part);
        if (path == null || path.isEmpty() || path.get(0) != inlined) {
            return part;
        }
        Node here = original;
        for (int i = 0; i < path.size(); i++) {
            Node copyParent = path.get(i);
            PyElement copyChild = i + 1 < path.size() ? path.get(i + 1) : part;
            int index = TreeEdits.indexOf(copyParent, copyChild);
            if (here.kind() != copyParent.kind() || here.childCount() != copyParent.childCount() || index < 0
                    || !(here.child(index) instanceof Node next)) {
                return part;
            }
            here = next;
        }
        return here; // part may be a value put in place of a name: the original has the name
    }
}
