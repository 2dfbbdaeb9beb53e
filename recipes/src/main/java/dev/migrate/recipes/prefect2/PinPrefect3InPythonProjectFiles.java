package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.PydanticConstraints;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.DependencySections;
import dev.migrate.recipes.internal.FilesByPath;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.internal.PydanticRaise;
import dev.migrate.recipes.internal.RegexEdits;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * The same pins as {@link PinPrefect3InRequirements}, where packaging metadata declares them: PEP 508 strings
 * in {@code pyproject.toml} (PEP 621 {@code dependencies}, optional dependencies, dependency groups, tool
 * tables), Poetry's {@code prefect = "^2.14"} and {@code prefect = { version = "^2.14", ... }}, and the
 * {@code install_requires} / {@code extras_require} lines of {@code setup.cfg}. Only the constraint text
 * changes, in the shape it was written in ({@code ^2.14} to {@code ^3.8}, {@code >=2.10,<3} to {@code >=3.8.3,<4}: a
 * library's ranges stay ranges), so quotes, markers, comments and layout stay as they were. A pydantic pin that admits only 1.x beside
 * Prefect 3 gets the same PF218 note (and unsafe raise) as in requirements files. A file the Dockerfile of a compose
 * service held on Prefect 2 copies and installs ({@code COPY . .} then {@code pip install .},
 * {@link HeldComposeProjects#holdingInstalled}) stays as it is in a safe run, with a manual note on each pin naming the
 * agent, and moves with {@code --unsafe-fixes} with the agent.
 */
public class PinPrefect3InPythonProjectFiles extends HeldComposeRecipe {
    /** A quoted PEP 508 requirement: the quote, the requirement, then a marker up to the same quote. */
    private static final Pattern QUOTED = Pattern.compile(
            "([\"'])(?<req>" + PrefectPins.REQUIREMENT.pattern() + ")(?=[ \\t]*(?:;[^\\r\\n]*?)?\\1)");
    /** Poetry: {@code prefect = "^2.14"} or {@code prefect-aws = { version = "^0.4", ... }}. */
    private static final Pattern POETRY = Pattern.compile(
            "(?m)^[ \\t]*[\"']?(?<name>[Pp]refect(?:[-_][A-Za-z0-9]+)?)[\"']?[ \\t]*=[ \\t]*(?:\\{[^}\\r\\n]*?\\bversion[ \\t]*=[ \\t]*)?"
                    + "([\"'])(?<spec>[^\"'\\r\\n]*)\\2");
    /** setup.cfg: a requirement alone on an indented continuation line, or after {@code key =}. */
    private static final Pattern CFG_LINE = cfgLine(PrefectPins.REQUIREMENT);
    private static final Pattern QUOTED_PYDANTIC = Pattern.compile(
            "([\"'])(?<req>" + PydanticConstraints.REQUIREMENT.pattern() + ")(?=[ \\t]*(?:;[^\\r\\n]*?)?\\1)");
    private static final Pattern POETRY_PYDANTIC = Pattern.compile(
            "(?m)^[ \\t]*[\"']?pydantic[\"']?[ \\t]*=[ \\t]*(?:\\{[^}\\r\\n]*?\\bversion[ \\t]*=[ \\t]*)?"
                    + "([\"'])(?<spec>[^\"'\\r\\n]*)\\1");
    private static final Pattern CFG_PYDANTIC = cfgLine(PydanticConstraints.REQUIREMENT);

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF218");

    @org.openrewrite.Option(displayName = "From Prefect 1", description = "Also move `prefect` pins on 1.x (and Prefect "
            + "Core 0.x): set by the Prefect 1 composite, whose project is moving off those releases.",
            required = false, example = "true")
    private final Boolean fromPrefect1;

    public PinPrefect3InPythonProjectFiles() {
        this(null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public PinPrefect3InPythonProjectFiles(@com.fasterxml.jackson.annotation.JsonProperty("fromPrefect1") Boolean fromPrefect1) {
        this.fromPrefect1 = fromPrefect1;
    }

    public Boolean getFromPrefect1() {
        return fromPrefect1;
    }

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in pyproject.toml and setup.cfg";
    }

    @Override
    public String getDescription() {
        return "Pins `prefect` requirements on 2.x to the targeted Prefect 3 release, and raises integration packages "
                + "such as `prefect-aws` to their first release that supports Prefect 3, in `pyproject.toml` (PEP 621 "
                + "and Poetry) and `setup.cfg`, each in its own shape (an exact pin stays exact, `>=2.10,<3` becomes "
                + "`>=3.8.3,<4`, Poetry's `^2.14` becomes `^3.8`). Quotes, extras, markers and comments are kept.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(HeldComposeProjects acc) {
        return Preconditions.check(FilesByPath.matching("**/pyproject.toml;**/setup.cfg"), new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String text = file.getText();
                if (!text.contains("prefect")) {
                    return file;
                }
                PrefectTarget target = PrefectTarget.from(ctx);
                boolean cfg = file.getSourcePath().getFileName().toString().equals("setup.cfg");
                boolean one = Boolean.TRUE.equals(fromPrefect1);
                String after = cfg ? setupCfg(text, target, one) : pyproject(text, target, one);
                Optional<ComposeAgentServices.Agent> heldBy = acc.holdingInstalled(file.getSourcePath(), ctx);
                if (heldBy.isPresent() && !after.equals(text)) {
                    noteHeld(file, after, heldBy.get(), ctx);
                    return file;
                }
                if (pinsPrefect3(after, cfg)) {
                    PydanticRaise pydantic = new PydanticRaise(notes, getName(), file.getSourcePath().toString(), ctx);
                    after = cfg ? DependencySections.editLines(after, DependencySections.SETUP_CFG,
                                    (line, number) -> pydantic.pep508(line, number, CFG_PYDANTIC, "req"))
                            : DependencySections.editLines(pydantic.pep508(after, 1, QUOTED_PYDANTIC, "req"),
                                    DependencySections.POETRY, (line, number) -> pydantic.poetry(line, number, POETRY_PYDANTIC));
                }
                return after.equals(text) ? file : file.withText(after);
            }
        });
    }

    /** A manual PF208 note on each line the pins would change, left for the agent that holds the file's image. */
    private void noteHeld(PlainText file, String after, ComposeAgentServices.Agent agent, ExecutionContext ctx) {
        List<String> was = file.getText().lines().toList();
        List<String> now = after.lines().toList();
        String path = file.getSourcePath().toString();
        // the pins edit within lines, so the lines stay aligned
        for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
            if (!was.get(i).equals(now.get(i))) {
                notes.insertRow(ctx, new MigrationNotes.Row(path, i + 1, getName(), true, HeldComposeProjects.heldNote(
                        "`" + was.get(i).strip() + "`", agent, path, ctx), "PF208"));
            }
        }
    }

    private static Pattern cfgLine(Pattern requirement) {
        return Pattern.compile("(?m)^(?:[ \\t]+|[ \\t]*[A-Za-z_][\\w.-]*[ \\t]*=[ \\t]*)(?<req>" + requirement.pattern()
                + ")(?=[ \\t]*(?:;|#|\\r?$))");
    }

    /** Whether the file requires Prefect 3 (where a pydantic 1 pin beside it cannot be resolved). */
    private static boolean pinsPrefect3(String text, boolean cfg) {
        return PrefectPins.pinsPrefect3(cfg ? CFG_LINE : POETRY, DependencySections.linesIn(text,
                cfg ? DependencySections.SETUP_CFG : DependencySections.POETRY)) || !cfg && PrefectPins.pinsPrefect3(QUOTED, text);
    }

    static String pyproject(String text, PrefectTarget target, boolean fromPrefect1) {
        String pep508 = RegexEdits.replaceGroup(text, QUOTED, "req", m -> PrefectPins.requirement(m, target, fromPrefect1));
        // Poetry's own constraint syntax means something only in its dependency tables.
        return DependencySections.editLines(pep508, DependencySections.POETRY,
                line -> RegexEdits.replaceGroup(line, POETRY, "spec",
                        m -> PrefectPins.poetry(m.group("name"), m.group("spec"), target, fromPrefect1)));
    }

    static String setupCfg(String text, PrefectTarget target, boolean fromPrefect1) {
        return DependencySections.editLines(text, DependencySections.SETUP_CFG,
                line -> RegexEdits.replaceGroup(line, CFG_LINE, "req", m -> {
                    String replaced = PrefectPins.requirement(m, target, fromPrefect1);
                    String raw = m.group("req");
                    return replaced == null ? null : replaced + raw.substring(raw.stripTrailing().length());
                }));
    }
}
