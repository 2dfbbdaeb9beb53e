package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in Makefile recipe lines and in the make variables that hold commands. */
public class RewritePrefectCliInMakefiles extends PrefectCliTextRecipe {
    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in Makefiles";
    }

    @Override
    public String getDescription() {
        return "Replaces removed Prefect 2 commands in the tab-indented recipe lines of Makefiles with their "
                + "Prefect 3 forms.";
    }

    @Override
    protected String filePattern() {
        return "**/Makefile;**/makefile;**/GNUmakefile;**/*.mk";
    }

    /** The characters a recipe line starts with: a tab for make. */
    protected String recipeIndent() {
        return "\t";
    }

    /**
     * A make variable holding a command that a recipe line runs as {@code $(START_AGENT)}: its value is a command
     * line too ({@code START_AGENT = $(ENV)/bin/prefect agent local start >> agent.log 2>&1 &}); group 1 is its name.
     * A variable only echoed or passed on is text. Null where variables are written otherwise (justfiles).
     */
    protected Pattern variableDefinition() {
        return MAKE_VARIABLE;
    }

    private static final Pattern MAKE_VARIABLE = Pattern.compile(
            "(?:(?:export|override)[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*(?::{1,3}=|\\?=|\\+=|=)[ \\t]*(?=[^#]*prefect)");

    /** Whether a recipe line starts with {@code $(NAME)} or {@code ${NAME}} (after make's @, - and + prefixes). */
    private boolean runsVariable(String text, String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("(?m)^[" + recipeIndent() + "][@+\\- \\t]*\\$(?:\\(" + quoted + "\\)|\\{" + quoted + "})")
                .matcher(text).find();
    }

    /** Make's variables ({@code INFRA ?= kubernetes-job/prod}), read by recipe lines as {@code $(INFRA)}. */
    @Override
    protected List<LiteralVariables.Assignment> assignments(String text) {
        return LiteralVariables.make(text);
    }

    /** With the shell variables recipe lines read as {@code $$X}: exported ones, and those of files a line sources. */
    @Override
    protected List<LiteralVariables.Assignment> assignments(String path, String text, Function<String, String> files) {
        return LiteralVariables.make(path, text, files);
    }

    @Override
    protected boolean isMakeText() {
        return true;
    }

    @Override
    protected boolean readsSourcedFiles() {
        return true;
    }

    /** Recipe lines start with a tab; make's own prefixes (@, -, +) are not part of the command. */
    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        for (int pos = 0; pos < text.length(); pos = TextPositions.endOfLine(text, pos)) {
            Matcher variable = variableDefinition() == null ? null
                    : variableDefinition().matcher(text).region(pos, TextPositions.endOfLine(text, pos));
            if (variable != null && variable.lookingAt() && runsVariable(text, variable.group(1))) {
                segments.add(new Segment(variable.end(), TextPositions.endOfContinuedLine(text, pos)));
                continue;
            }
            if (recipeIndent().indexOf(text.charAt(pos)) < 0 || text.substring(pos, TextPositions.endOfLine(text, pos)).isBlank()) {
                continue;
            }
            int start = pos + 1;
            while (start < text.length() && "@-+ \t".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            segments.add(new Segment(start, TextPositions.endOfContinuedLine(text, pos)));
        }
        return segments;
    }
}
