package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;

/** Translates Prefect 2 commands in Makefile recipe lines. */
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

    /** Recipe lines start with a tab; make's own prefixes (@, -, +) are not part of the command. */
    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        for (int pos = 0; pos < text.length(); pos = TextPositions.endOfLine(text, pos)) {
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
