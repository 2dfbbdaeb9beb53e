package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * {@code Variable.get(...).value} becomes {@code Variable.get(...)}: Prefect 3 returns the value itself
 * (BHV003). The same for {@code await Variable.get(...)} and for {@code .value} of a name the function (or module)
 * binds only to {@code Variable.get(...)}. Unsafe, because values are JSON in Prefect 3, not always strings.
 */
public class UnwrapVariableGetValue extends PythonRecipe {
    private static final List<NodeKind> ASSIGNMENTS = List.of(NodeKind.ASSIGN, NodeKind.AUG_ASSIGN, NodeKind.ANN_ASSIGN);
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Drop `.value` after `Variable.get(...)`";
    }

    @Override
    public String getDescription() {
        return "Prefect 3's `Variable.get` returns the variable's value, not a Variable object, so `.value` "
                + "after it raises AttributeError. Unsafe fix (BHV003): values may now be JSON, not only strings.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {".value"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect.variables") && !imports.uses("prefect")) {
            return file.module();
        }
        Node after = before;
        Map<Node, Set<String>> holders = holders(before, imports);
        for (Node attr : TreeIndex.of(before).find(NodeKind.ATTRIBUTE)) {
            List<Token> tokens = attr.tokens();
            Node receiver = Expressions.unwrap(attr.nodes().get(0));
            boolean value = !tokens.isEmpty() && tokens.get(tokens.size() - 1).text().equals("value");
            if (!value || !isVariableGet(imports, receiver) && !(receiver.kind() == NodeKind.NAME
                    && holders.getOrDefault(scope(before, attr), Set.of()).contains(receiver.text().strip()))) {
                continue;
            }
            if (!FixSafety.unsafeAllowed(ctx)) {
                notes.insertRow(ctx, PythonCode.note(file, attr, getName(), true,
                        "BHV003", MigrationNotes.unsafeFixNotApplied("drop .value after Variable.get")));
                continue;
            }
            after = TreeEdits.replace(after, attr, attr.nodes().get(0));
            notes.insertRow(ctx, PythonCode.note(file, attr, getName(), false,
                    "BHV003", "Variable.get now returns the value itself; it may be JSON rather than a string"));
        }
        return after;
    }

    /** {@code Variable.get(...)} or {@code await Variable.get(...)}, in parentheses or not. */
    private static boolean isVariableGet(Imports imports, Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.AWAIT && !e.nodes().isEmpty()) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        return e.kind() == NodeKind.CALL && imports.qualifiedName(e).filter("prefect.variables.Variable.get"::equals).isPresent();
    }

    /**
     * Per scope (the function, or the module), the plain names bound only by {@code name = Variable.get(...)}: their
     * {@code .value} is the variable's. A name bound to anything else in the same scope is left alone.
     */
    private static Map<Node, Set<String>> holders(Node root, Imports imports) {
        Map<Node, Set<String>> bound = new HashMap<>();
        Map<Node, Set<String>> otherwise = new HashMap<>();
        TreeIndex index = TreeIndex.of(root);
        // the assignments' name targets (fewer than a file's names, and no path asked for each name)
        for (NodeKind kind : ASSIGNMENTS) {
            for (Node stmt : index.find(kind)) {
                Statements.Assignment a = Statements.assignment(stmt).orElseThrow();
                boolean fromGet = a.operator().equals("=") && a.targets().size() == 1 && a.value() != null
                        && isVariableGet(imports, a.value());
                for (Node target : a.targets()) {
                    if (target.kind() == NodeKind.NAME) {
                        (fromGet ? bound : otherwise).computeIfAbsent(scope(root, stmt), k -> new HashSet<>())
                                .add(target.text().strip());
                    }
                }
            }
        }
        bound.forEach((scope, names) -> names.removeAll(otherwise.getOrDefault(scope, Set.of())));
        return bound;
    }

    /** The innermost function holding {@code n}, or the root. */
    private static Node scope(Node root, Node n) {
        List<Node> path = TreeEdits.path(root, n);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == NodeKind.FUNCTION_DEF) {
                return path.get(i);
            }
        }
        return root;
    }
}
