package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;

/**
 * The pins of {@link PinPrefect3InRequirements} in a {@code setup.py}: a string literal that is a whole
 * Prefect requirement ({@code "prefect==2.14.6"}, {@code 'prefect-shell==0.2.2; python_version>"3.8"'})
 * gets the Prefect 3 constraint, in its own quotes. Other strings, and requirements built at run time,
 * are left alone.
 */
public class PinPrefect3InSetupPy extends PythonRecipe {
    /** A requirement, then an optional environment marker, filling the whole string. */
    private static final Pattern WHOLE = Pattern.compile(
            "(?<req>" + PrefectPins.REQUIREMENT.pattern() + ")(?<marker>[ \\t]*;.*)?", Pattern.DOTALL);

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in setup.py";
    }

    @Override
    public String getDescription() {
        return "Pins `prefect` requirement strings on 2.x in `setup.py` (`install_requires`, `extras_require`) to "
                + "the targeted Prefect 3 release, and raises integration packages such as `prefect-shell` to their "
                + "first release that supports Prefect 3. Quotes and markers are kept.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"prefect"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node root = file.module();
        if (!file.getSourcePath().getFileName().toString().equals("setup.py")) {
            return root;
        }
        PrefectTarget target = PrefectTarget.from(ctx);
        Node result = root;
        for (Node s : TreeIndex.of(root).find(NodeKind.STRING)) {
            if (s.childCount() != 1 || !(s.child(0) instanceof Token t)) {
                continue; // implicit concatenation or an f-string: not a literal requirement
            }
            String value = StringLiterals.value(s).orElse(null);
            Matcher m = value == null ? null : WHOLE.matcher(value);
            if (m == null || !m.matches() || !StringLiterals.prefix(t.text()).isEmpty()) {
                continue;
            }
            String pinned = PrefectPins.requirement(m.group("name"), m.group("extras"), m.group("spec"), target);
            if (pinned == null) {
                continue;
            }
            String quote = StringLiterals.quote(t.text());
            String marker = m.group("marker") == null ? "" : m.group("marker");
            String req = m.group("req");
            String text = quote + pinned + req.substring(req.stripTrailing().length()) + marker + quote;
            result = TreeEdits.replace(result, t, t.withText(text));
        }
        return result;
    }
}
