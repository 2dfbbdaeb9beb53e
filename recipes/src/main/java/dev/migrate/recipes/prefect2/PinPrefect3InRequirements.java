package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.HashedRequirements;
import dev.migrate.analyzers.sources.config.PydanticConstraints;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.IsRequirementsFile;
import dev.migrate.recipes.internal.PrefectPins;
import dev.migrate.recipes.internal.PydanticRaise;
import dev.migrate.recipes.internal.RegexEdits;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;

/**
 * Moves {@code prefect} requirements that name a 2.x version to the targeted 3.x release, keeping extras,
 * environment markers and comments, and integration packages to their first Prefect 3 release, each in the shape it
 * was written in ({@link dev.migrate.recipes.internal.ConstraintShape}: {@code ==2.14.9} to {@code ==3.8.3},
 * {@code >=2.10,<3} to {@code >=3.8.3,<4}). A
 * pydantic pin that admits only 1.x beside Prefect 3 cannot be installed: it gets a manual note and, as an unsafe
 * fix, is raised to the lowest pydantic 2 the targeted release accepts. The files requirements files include
 * ({@code -r base.txt}, {@code -c constraints/prefect.txt}, relative to the including file) are pinned too, whatever
 * their names: pip installs or constrains by them, and a 2.x pin left in one keeps Prefect 2 or makes the install fail.
 * A pin locked with {@code --hash} lines (pip-compile's {@code --generate-hashes}) stays as it is, with a manual note to
 * compile the lock again: a new version with the old hashes would not install. A file the Dockerfile of a compose
 * service held on Prefect 2 installs ({@link HeldComposeProjects#holdingInstalled}), or one such a file includes, stays
 * as it is in a safe run, with a manual note naming the agent, and moves with {@code --unsafe-fixes} with the agent.
 */
public class PinPrefect3InRequirements extends ScanningRecipe<IncludedRequirements> {
    /** What may follow a requirement on its line: a marker, a comment, a line continuation or nothing. */
    private static final String END = "(?=[ \\t]*(?:;|#|\\\\?\\r?$))";
    /**
     * {@code name[extras] specifiers ; marker  # comment}, one requirement per line, or continued on the next with a
     * backslash ({@code prefect==2.14.0 \} over an indented {@code ; python_version >= "3.9"}): the backslash is no
     * part of the match, so it stays and pip still joins the lines.
     */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?m)^" + PrefectPins.REQUIREMENT.pattern() + END);
    private static final Pattern PYDANTIC = Pattern.compile(
            "(?m)^(?<req>" + PydanticConstraints.REQUIREMENT.pattern() + ")" + END);

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF218");

    @Override
    public String getDisplayName() {
        return "Pin Prefect 3 in requirements files";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect` requirements pinned to 2.x in requirements files (`requirements*.txt`, `requirements.in`, `dev-requirements.txt`, ..., "
                + "and the files they include with `-r` or `-c`) with the targeted Prefect 3 "
                + "release, and raises integration packages such as `prefect-aws` to their first release that "
                + "supports Prefect 3. Each keeps its shape: an exact pin stays exact, a range (`>=2.10,<3`, `~=2.14`) "
                + "becomes the same range from the new release. Extras, markers and comments are kept.";
    }

    @Override
    public IncludedRequirements getInitialValue(ExecutionContext ctx) {
        return new IncludedRequirements();
    }

    /** Records what each requirements file, and each file that may be one, includes. */
    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(IncludedRequirements includes) {
        TreeVisitor<?, ExecutionContext> compose = HeldComposeProjects.scanner();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                compose.visit(tree, ctx);
                if (tree instanceof PlainText file) {
                    includes.offer(file.getSourcePath().toString(), file.getText());
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(IncludedRequirements includes) {
        // only what a file named as requirements leads to: a stray notes.txt with -r lines includes nothing pip reads;
        // the scan's PF208 reads the same files (PrefectPinDetector)
        java.util.Set<String> included = includes.included();
        return Preconditions.check(new IsRequirementsFile(included), new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String text = file.getText();
                PrefectTarget target = PrefectTarget.from(ctx);
                ComposeAgentServices.Agent heldBy = heldBy(file, includes, ctx);
                String after = RegexEdits.replaceGroup(text, REQUIREMENT, 0, m -> {
                    String replacement = PrefectPins.requirement(m, target);
                    String raw = m.group();
                    if (replacement != null && heldBy != null) {
                        String path = file.getSourcePath().toString();
                        notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, m.start()), getName(),
                                true, HeldComposeProjects.heldNote("`" + raw.replaceAll("[ \\t]*(?:\\\\|#).*$", "").strip()
                                        + "`", heldBy, path, ctx), "PF208"));
                        return null;
                    }
                    if (replacement != null && HashedRequirements.at(text, m.start())) {
                        // the --hash lines that follow belong to the old version: pip would refuse the new one
                        notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                                TextPositions.lineOf(text, m.start()), getName(), true, raw.replaceAll("[ \\t]*(?:\\\\|--hash).*$", "").strip()
                                + " is locked with --hash lines, so it is left as it is: " + HashedRequirements.RECOMPILE,
                                "PF208"));
                        return null;
                    }
                    return replacement == null ? null : replacement + raw.substring(raw.stripTrailing().length());
                });
                if (PrefectPins.pinsPrefect3(REQUIREMENT, after)) {
                    after = new PydanticRaise(notes, getName(), file.getSourcePath().toString(), ctx)
                            .requirementsTxt(after, PYDANTIC, "req");
                }
                return after.equals(text) ? file : file.withText(after);
            }
        });
    }

    /**
     * The agent that holds a requirements file: the Dockerfile of a compose service held on Prefect 2
     * ({@link HeldComposeProjects}) copies and installs it, or a file it includes ({@code -r}, {@code -c}) from one that
     * is. Pinned alone, it would install Prefect 3 into the held image; it moves when the agent does.
     */
    private static ComposeAgentServices.Agent heldBy(PlainText file, IncludedRequirements includes, ExecutionContext ctx) {
        return HeldComposeProjects.in(ctx).holdingRequirements(file.getSourcePath(), includes, ctx).orElse(null);
    }
}
