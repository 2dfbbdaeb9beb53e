package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.PydanticConstraints;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.internal.PydanticPins;
import dev.migrate.recipes.internal.PydanticRaise;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonScanningRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;

/**
 * The pins of {@link PinPrefect3InRequirements} in a {@code setup.py}: a string literal that is a whole
 * Prefect requirement ({@code "prefect==2.14.6"}, {@code 'prefect-shell==0.2.2; python_version>"3.8"'})
 * gets the Prefect 3 constraint in the shape it had (an exact pin stays exact, a library's range stays a range), in its
 * own quotes. Other strings, and requirements built at run time,
 * are left alone. A {@code setup.py} the Dockerfile of a compose service held on Prefect 2 copies and installs
 * ({@code COPY . /app} then {@code pip install /app}, {@link HeldComposeProjects#holdingInstalled}) stays as it is in a
 * safe run, with a manual PF208 note on each pin naming the agent, and moves with {@code --unsafe-fixes} with the agent.
 */
public class PinPrefect3InSetupPy extends PythonScanningRecipe<HeldComposeProjects> {
    /** A requirement, then an optional environment marker, filling the whole string. */
    private static final Pattern WHOLE = Pattern.compile(
            "(?<req>" + PrefectPins.REQUIREMENT.pattern() + ")(?<marker>[ \\t]*;.*)?", Pattern.DOTALL);
    private static final Pattern PYDANTIC = Pattern.compile(
            "(?<req>" + PydanticConstraints.REQUIREMENT.pattern() + ")(?<marker>[ \\t]*;.*)?", Pattern.DOTALL);

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF218");

    @org.openrewrite.Option(displayName = "From Prefect 1", description = "Also move `prefect` pins on 1.x (and Prefect "
            + "Core 0.x): set by the Prefect 1 composite, whose project is moving off those releases.",
            required = false, example = "true")
    private final Boolean fromPrefect1;

    public PinPrefect3InSetupPy() {
        this(null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public PinPrefect3InSetupPy(@com.fasterxml.jackson.annotation.JsonProperty("fromPrefect1") Boolean fromPrefect1) {
        this.fromPrefect1 = fromPrefect1;
    }

    public Boolean getFromPrefect1() {
        return fromPrefect1;
    }

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in setup.py";
    }

    @Override
    public String getDescription() {
        return "Pins `prefect` requirement strings on 2.x in `setup.py` (`install_requires`, `extras_require`) to "
                + "the targeted Prefect 3 release, and raises integration packages such as `prefect-shell` to their "
                + "first release that supports Prefect 3, each in its own shape (`>=2.7,<3` becomes `>=3.8.3,<4`). "
                + "Quotes and markers are kept.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"prefect"};
    }

    @Override
    public HeldComposeProjects getInitialValue(ExecutionContext ctx) {
        return HeldComposeProjects.in(ctx);
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(HeldComposeProjects acc) {
        return HeldComposeProjects.scanner();
    }

    @Override
    protected Node edit(PythonFile file, HeldComposeProjects held, ExecutionContext ctx) {
        Node root = file.module();
        if (!file.getSourcePath().getFileName().toString().equals("setup.py")) {
            return root;
        }
        PrefectTarget target = PrefectTarget.from(ctx);
        Optional<ComposeAgentServices.Agent> heldBy = held.holdingInstalled(file.getSourcePath(), ctx);
        Node result = root;
        boolean prefect3 = false;
        List<Node> pydantic1 = new ArrayList<>();
        List<Token> heldPins = new ArrayList<>();
        for (Node s : TreeIndex.of(root).find(NodeKind.STRING)) {
            if (s.childCount() != 1 || !(s.child(0) instanceof Token t) || !StringLiterals.prefix(t.text()).isEmpty()) {
                continue; // implicit concatenation, an f-string or bytes: not a literal requirement
            }
            String value = StringLiterals.value(s).orElse(null);
            Matcher m = value == null ? null : WHOLE.matcher(value);
            if (m != null && m.matches()) {
                String pinned = PrefectPins.requirement(m, target, Boolean.TRUE.equals(fromPrefect1));
                // a 2.x prefect pin moves to the target in its own shape; a 3.x one stays
                prefect3 |= PrefectPins.isPrefect(m.group("name")) && (pinned != null || PrefectPins.namesPrefect3(m.group("spec")));
                if (pinned != null && heldBy.isPresent()) {
                    heldPins.add(t);
                } else if (pinned != null) {
                    String marker = m.group("marker") == null ? "" : m.group("marker");
                    String req = m.group("req");
                    String text = StringLiterals.quote(t.text()) + pinned + req.substring(req.stripTrailing().length())
                            + marker + StringLiterals.quote(t.text());
                    result = TreeEdits.replace(result, t, t.withText(text));
                }
            }
            Matcher p = value == null ? null : PYDANTIC.matcher(value);
            if (p != null && p.matches() && PydanticConstraints.onlyV1(p.group("spec"))) {
                pydantic1.add(s);
            }
        }
        if (!heldPins.isEmpty()) {
            // the image held on Prefect 2 installs this file: every pin stays, and nothing is raised beside them
            String path = file.getSourcePath().toString();
            for (Token t : heldPins) {
                notes.insertRow(ctx, PythonCode.note(file, t, getName(), true, "PF208",
                        HeldComposeProjects.heldNote("`" + t.text() + "`", heldBy.get(), path, ctx)));
            }
            return root;
        }
        return prefect3 ? raisePydantic1(file, result, pydantic1, target, ctx) : result;
    }

    /** PF218: a pydantic pin that admits only 1.x cannot be installed beside Prefect 3. */
    private Node raisePydantic1(PythonFile file, Node root, List<Node> pins, PrefectTarget target, ExecutionContext ctx) {
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Node result = root;
        for (Node s : pins) {
            Token t = (Token) s.child(0);
            Matcher p = PYDANTIC.matcher(StringLiterals.value(s).orElseThrow());
            p.matches();
            String raised = PydanticPins.raised(p.group("extras"), target);
            notes.insertRow(ctx, PythonCode.note(file, t, getName(), true, "PF218",
                    PydanticRaise.message(target, unsafe, raised)));
            if (unsafe) {
                String marker = p.group("marker") == null ? "" : p.group("marker");
                String req = p.group("req");
                String quote = StringLiterals.quote(t.text());
                result = TreeEdits.replace(result, t, t.withText(
                        quote + raised + req.substring(req.stripTrailing().length()) + marker + quote));
            }
        }
        return result;
    }
}
