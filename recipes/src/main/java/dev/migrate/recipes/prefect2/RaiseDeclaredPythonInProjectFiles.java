package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.DeclaredPython;
import dev.migrate.analyzers.sources.runtime.PrefectListings;
import dev.migrate.analyzers.sources.runtime.PythonConstraints;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.List;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;

/**
 * PF221 in project metadata: the lower bound of {@code requires-python} ({@code pyproject.toml}), Poetry's
 * {@code python} and {@code python_requires} ({@code setup.cfg}, {@code setup.py}) of a project that depends on
 * Prefect moves to the targeted release's oldest Python ({@code >=3.8,<4} to {@code >=3.10,<4}, {@code ^3.8} to
 * {@code ^3.10}); the rest of the constraint stays. Unsafe: dropping the older Pythons is the project's choice. A
 * constraint that also caps Python below that floor ({@code ~=3.9.0}) is left with a note.
 */
public class RaiseDeclaredPythonInProjectFiles extends PrefectListingRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF221");

    @Override
    public String getDisplayName() {
        return "Raise the declared Python of projects that depend on Prefect";
    }

    @Override
    public String getDescription() {
        return "Raises the lower bound of `requires-python`, Poetry's `python` and `python_requires` (`setup.cfg`, "
                + "`setup.py`) of projects that depend on Prefect to the oldest Python the targeted Prefect 3 release "
                + "supports, keeping the rest of the constraint. Unsafe: the project stops supporting the older Pythons.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(PrefectListings listings) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof PlainText file) {
                    String path = file.getSourcePath().toString().replace('\\', '/');
                    List<DeclaredPython> declared = DeclaredPython.in(path, file.getText());
                    if (declared.isEmpty() || !listings.listedBeside(path)) {
                        return tree;
                    }
                    return MigrationNotes.visiting(path, file::getText, () -> metadata(file, path, declared, ctx));
                }
                if (tree instanceof PythonFile file && file.getSourcePath().getFileName().toString().equals("setup.py")
                        && !file.hasSyntaxErrors()) {
                    String path = file.getSourcePath().toString().replace('\\', '/');
                    List<DeclaredPython> declared = DeclaredPython.in(path, file.text());
                    if (declared.isEmpty() || !listings.listedBeside(path)) {
                        return tree;
                    }
                    return MigrationNotes.visiting(path, file::text, () -> file.withModule(setupPy(file, path, declared, ctx)));
                }
                return tree;
            }
        };
    }

    private PlainText metadata(PlainText file, String path, List<DeclaredPython> declared, ExecutionContext ctx) {
        String text = file.getText();
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (DeclaredPython d : declared) {
            Optional<String> raised = raised(d, path, TextPositions.lineOf(text, d.start()), ctx);
            if (raised.isPresent()) {
                out.append(text, last, d.start()).append(raised.get());
                last = d.end();
            }
        }
        return last == 0 ? file : file.withText(out.append(text, last, text.length()).toString());
    }

    /** setup.py: the string literal that holds the constraint gets the raised one, in its own quotes. */
    private Node setupPy(PythonFile file, String path, List<DeclaredPython> declared, ExecutionContext ctx) {
        Node root = file.module();
        Node result = root;
        for (Node s : TreeIndex.of(root).find(NodeKind.STRING)) {
            if (s.childCount() != 1 || !(s.child(0) instanceof Token t) || !StringLiterals.prefix(t.text()).isEmpty()) {
                continue;
            }
            int at = PythonCode.offsetOf(root, t);
            for (DeclaredPython d : declared) {
                if (at >= 0 && d.start() > at && d.end() < at + t.text().length()) {
                    Optional<String> raised = raised(d, path, PythonCode.line(root, t), ctx);
                    if (raised.isPresent()) {
                        String text = t.text().substring(0, d.start() - at) + raised.get() + t.text().substring(d.end() - at);
                        result = TreeEdits.replace(result, t, t.withText(text));
                    }
                }
            }
        }
        return result;
    }

    /** The raised constraint, when it has one and unsafe fixes are on; notes what was or would be done. */
    private Optional<String> raised(DeclaredPython d, String path, int line, ExecutionContext ctx) {
        PrefectTarget target = PrefectTarget.from(ctx);
        Optional<PythonConstraints.Low> low = d.below(target.pythonMin());
        if (low.isEmpty()) {
            return Optional.empty();
        }
        String reason = "Prefect " + target.pin() + " needs Python " + target.pythonMin() + " or newer, and this project "
                + "depends on Prefect";
        if (low.get().raised() == null) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, d.key() + " \"" + d.spec()
                    + "\" admits Python " + low.get().lowest() + " and caps Python below " + target.pythonMin() + ": "
                    + reason + "; choose the Pythons the project supports"));
            return Optional.empty();
        }
        String change = "raised " + d.key() + " from \"" + d.spec() + "\" to \"" + low.get().raised() + "\": " + reason
                + "; move the CI jobs and images that still run it on Python " + low.get().lowest() + " too";
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), !unsafe,
                unsafe ? change : MigrationNotes.unsafeFixNotApplied(change)));
        return unsafe ? Optional.of(low.get().raised()) : Optional.empty();
    }
}
