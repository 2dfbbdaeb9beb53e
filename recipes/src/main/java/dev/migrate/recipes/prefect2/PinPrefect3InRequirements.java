package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.internal.PydanticPins;
import dev.migrate.recipes.internal.RegexEdits;
import dev.migrate.recipes.internal.TextPositions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Pins {@code prefect} requirements that name a 2.x version to the targeted 3.x release, keeping extras,
 * environment markers and comments, and moves integration packages to their first Prefect 3 release. A
 * pydantic pin that admits only 1.x beside Prefect 3 cannot be installed: it gets a manual note and, as an unsafe
 * fix, is raised to the lowest pydantic 2 the targeted release accepts.
 */
public class PinPrefect3InRequirements extends Recipe {
    /** {@code name[extras] specifiers ; marker  # comment}, one requirement per line. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?m)^" + PrefectPins.REQUIREMENT.pattern() + "(?=[ \\t]*(?:;|#|\\r?$))");
    private static final Pattern PYDANTIC = Pattern.compile(
            "(?m)^" + PydanticPins.REQUIREMENT.pattern() + "(?=[ \\t]*(?:;|#|\\r?$))");
    /** A {@code prefect} constraint that names a 3.x release. */
    private static final Pattern PREFECT_3 = Pattern.compile("(?:===?|~=|>=)[ \\t]*3(?:\\D.*)?");

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF218");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in requirements files";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect` requirements pinned to 2.x in `requirements*.txt` with the targeted Prefect 3 "
                + "release, and raises integration packages such as `prefect-aws` to their first release that "
                + "supports Prefect 3. Extras, markers and comments are kept.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new FindSourceFiles("**/requirements*.txt;**/requirements/*.txt;**/constraints*.txt"),
                new PlainTextVisitor<>() {
                    @Override
                    public PlainText visitText(PlainText file, ExecutionContext ctx) {
                        String text = file.getText();
                        PrefectTarget target = PrefectTarget.from(ctx);
                        String after = RegexEdits.replaceGroup(text, REQUIREMENT, 0, m -> {
                            String replacement = PrefectPins.requirement(m, target);
                            String raw = m.group();
                            return replacement == null ? null : replacement + raw.substring(raw.stripTrailing().length());
                        });
                        if (pinsPrefect3(after)) {
                            after = raisePydantic1(after, file.getSourcePath().toString(), target, ctx);
                        }
                        return after.equals(text) ? file : file.withText(after);
                    }
                });
    }

    private static boolean pinsPrefect3(String text) {
        Matcher m = REQUIREMENT.matcher(text);
        while (m.find()) {
            if (m.group("name").equals("prefect") && m.group("spec") != null
                    && PREFECT_3.matcher(m.group("spec").strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Notes each pydantic pin that admits only 1.x and, with unsafe fixes, raises it to pydantic 2. */
    private String raisePydantic1(String text, String path, PrefectTarget target, ExecutionContext ctx) {
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        return RegexEdits.replaceGroup(text, PYDANTIC, 0, m -> {
            if (!PydanticPins.onlyV1(m.group("spec"))) {
                return null;
            }
            String raised = PydanticPins.raised(m.group("extras"), target);
            int line = TextPositions.lineOf(text, m.start());
            if (!unsafe) {
                notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                        MigrationNotes.unsafeFixNotApplied(raised + ": " + PydanticPins.reason(target))));
                return null;
            }
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                    "raised to " + raised + ": " + PydanticPins.reason(target)));
            String raw = m.group();
            return raised + raw.substring(raw.stripTrailing().length());
        });
    }
}
