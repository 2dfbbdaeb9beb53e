package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.HashedRequirements;
import dev.migrate.analyzers.sources.config.PydanticConstraints;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;

/**
 * PF218 for one dependency file: notes each pydantic pin that admits only 1.x beside a Prefect 3 pin (pip or Poetry
 * cannot resolve the two) and, when unsafe fixes are on, raises it to the lowest pydantic the targeted release
 * accepts. Raising it is unsafe because code written for the pydantic 1 API has to be ported too.
 */
public final class PydanticRaise {
    private final MigrationNotes notes;
    private final String recipe;
    private final String path;
    private final PrefectTarget target;
    private final boolean unsafe;
    private final ExecutionContext ctx;

    public PydanticRaise(MigrationNotes notes, String recipe, String path, ExecutionContext ctx) {
        this.notes = notes;
        this.recipe = recipe;
        this.path = path;
        this.target = PrefectTarget.from(ctx);
        this.unsafe = FixSafety.unsafeAllowed(ctx);
        this.ctx = ctx;
    }

    /**
     * PEP 508 requirements: group {@code group} of {@code pattern} holds {@code pydantic[extras] spec} (the named
     * groups of {@link PydanticPins#REQUIREMENT}); {@code text} is line {@code firstLine} onwards of the file.
     */
    public String pep508(String text, int firstLine, Pattern pattern, String group) {
        return RegexEdits.replaceGroup(text, pattern, group, m -> {
            if (!PydanticConstraints.onlyV1(m.group("spec"))) {
                return null;
            }
            String raised = PydanticPins.raised(m.group("extras"), target);
            String raw = m.group(group);
            return note(text, firstLine, m, raised) ? raised + raw.substring(raw.stripTrailing().length()) : null;
        });
    }

    /**
     * As {@link #pep508}, for a pip requirements file: a pin locked with {@code --hash} lines (pip-compile's
     * {@code --generate-hashes}) stays as it is with its note saying to compile the lock again, as the prefect pin of
     * such a file does ({@link HashedRequirements}): the old hashes cannot match a pydantic 2 archive.
     */
    public String requirementsTxt(String text, Pattern pattern, String group) {
        return RegexEdits.replaceGroup(text, pattern, group, m -> {
            if (!PydanticConstraints.onlyV1(m.group("spec"))) {
                return null;
            }
            String raised = PydanticPins.raised(m.group("extras"), target);
            String raw = m.group(group);
            if (HashedRequirements.at(text, m.start())) {
                notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, m.start()), recipe, true,
                        raw.strip() + " is locked with --hash lines, so it is left as it is: "
                                + PydanticPins.reason(target) + "; " + HashedRequirements.recompile(raised)));
                return null;
            }
            return note(text, 1, m, raised) ? raised + raw.substring(raw.stripTrailing().length()) : null;
        });
    }

    /** Poetry constraints ({@code pydantic = "^1.10"}): group {@code spec} of {@code pattern} holds the constraint. */
    public String poetry(String text, int firstLine, Pattern pattern) {
        return RegexEdits.replaceGroup(text, pattern, "spec", m -> {
            if (!PydanticConstraints.onlyV1Poetry(m.group("spec"))) {
                return null;
            }
            String raised = ">=" + target.pydanticMin();
            return note(text, firstLine, m, "pydantic " + raised) ? raised : null;
        });
    }

    /** Records the note; whether the pin is to be raised. */
    private boolean note(String text, int firstLine, Matcher m, String raised) {
        int line = firstLine + TextPositions.lineOf(text, m.start()) - 1;
        notes.insertRow(ctx, new MigrationNotes.Row(path, line, recipe, true, message(target, unsafe, raised)));
        return unsafe;
    }

    /** The PF218 note on a pin that is raised to {@code raised} (or would be, with unsafe fixes). */
    public static String message(PrefectTarget target, boolean unsafe, String raised) {
        return unsafe ? "raised to " + raised + ": " + PydanticPins.reason(target)
                : MigrationNotes.unsafeFixNotApplied(raised + ": " + PydanticPins.reason(target));
    }
}
