package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.python.PrefectApiUsageDetector;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * The {@code JSON} and {@code String} blocks of {@code prefect.blocks.system} are gone from Prefect 3.5 on (deprecated
 * since 3.0): Variables hold such values now. {@code JSON.load("cfg").value} becomes {@code Variable.get("cfg")} and
 * {@code JSON(value=v).save("cfg", overwrite=True)} becomes {@code Variable.set("cfg", v, overwrite=True)} (PF219).
 * Unsafe: the values live in the blocks on the server until a person copies them into variables. {@code DateTime}
 * is left alone ({@code Variable.get} would return its text, not a datetime), as are block objects used otherwise.
 */
public class ReplaceSystemBlocksWithVariables extends PythonRecipe {
    private static final Set<String> BLOCKS = PrefectApiUsageDetector.VALUE_BLOCKS;
    /** The first 3.x minor release without these blocks. */
    private static final int REMOVED_IN_MINOR = 5;

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF219");

    @Override
    public String getDisplayName() {
        return "Replace JSON and String blocks with Variables";
    }

    @Override
    public String getDescription() {
        return "Prefect 3.5 removed the `JSON` and `String` blocks of `prefect.blocks.system` (Variables hold such "
                + "values): `JSON.load(name).value` becomes `Variable.get(name)` and `JSON(value=v).save(name)` "
                + "becomes `Variable.set(name, v)`. Unsafe fix (PF219): copy each block's value into a variable first.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"prefect.blocks.system"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        if (PrefectTarget.from(ctx).minor() < REMOVED_IN_MINOR) {
            return before; // the blocks still work (deprecated) on the targeted release
        }
        Imports imports = Imports.of(before);
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Node after = before;
        for (NodeKind kind : List.of(NodeKind.ATTRIBUTE, NodeKind.CALL)) {
            for (Node n : TreeIndex.of(before).find(kind)) {
                Optional<Replacement> r = kind == NodeKind.ATTRIBUTE ? loadedValue(imports, n) : savedValue(imports, n);
                if (r.isEmpty() || TreeEdits.path(after, n) == null) {
                    continue;
                }
                if (!unsafe) {
                    notes.insertRow(ctx, PythonCode.note(file, n, getName(), true, "PF219",
                            MigrationNotes.unsafeFixNotApplied(r.get().code())));
                    continue;
                }
                after = TreeEdits.replace(after, n, Snippets.expression(r.get().code(), file.style()));
                notes.insertRow(ctx, PythonCode.note(file, n, getName(), true, "PF219", "now " + r.get().code()
                        + ": copy the value of block " + r.get().name() + " into a variable of that name before this "
                        + "runs (prefect block inspect, then prefect variable set)"));
            }
        }
        if (after == before) {
            return before;
        }
        after = ImportEdits.addFromImport(after, "prefect.variables", "Variable", file.style());
        return ImportEdits.removeImportsMadeUnused(before, after, file.style());
    }

    /** The code that replaces a block use, and the block's name as written. */
    private record Replacement(String code, String name) {
    }

    /** {@code JSON.load(name).value}: {@code Variable.get(name)}. */
    private static Optional<Replacement> loadedValue(Imports imports, Node attr) {
        Node receiver = Expressions.unwrap(attr.nodes().get(0));
        if (!attr.tokens().get(attr.tokens().size() - 1).text().equals("value") || receiver.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        Optional<String> callee = imports.qualifiedName(receiver);
        if (callee.isEmpty() || !callee.get().endsWith(".load")
                || !BLOCKS.contains(callee.get().substring(0, callee.get().length() - ".load".length()))) {
            return Optional.empty();
        }
        return onlyArgument(new CallView(receiver), "name").map(name -> new Replacement("Variable.get(" + name + ")", name));
    }

    /** {@code JSON(value=v).save(name[, overwrite=b])}: {@code Variable.set(name, v[, overwrite=b])}. */
    private static Optional<Replacement> savedValue(Imports imports, Node call) {
        CallView save = new CallView(call);
        Node callee = Expressions.unwrap(save.callee());
        if (callee.kind() != NodeKind.ATTRIBUTE || !callee.tokens().get(callee.tokens().size() - 1).text().equals("save")) {
            return Optional.empty();
        }
        Node block = Expressions.unwrap(callee.nodes().get(0));
        if (block.kind() != NodeKind.CALL || !imports.qualifiedName(block).filter(BLOCKS::contains).isPresent()) {
            return Optional.empty();
        }
        Optional<String> value = onlyArgument(new CallView(block), "value");
        Optional<Argument> name = save.argument("name", 0);
        List<Argument> args = save.arguments();
        Optional<Argument> overwrite = save.argument("overwrite", 1);
        if (value.isEmpty() || name.isEmpty() || args.size() != 1 + (overwrite.isPresent() ? 1 : 0)) {
            return Optional.empty();
        }
        String nameText = name.get().value().text().strip();
        return Optional.of(new Replacement("Variable.set(" + nameText + ", " + value.get()
                + overwrite.map(o -> ", overwrite=" + o.value().text().strip()).orElse("") + ")", nameText));
    }

    /** The text of a call's single argument, given by position or as {@code keyword=}. */
    private static Optional<String> onlyArgument(CallView call, String keyword) {
        List<Argument> args = call.arguments();
        return args.size() == 1 ? call.argument(keyword, 0).map(a -> a.value().text().strip()) : Optional.empty();
    }
}
