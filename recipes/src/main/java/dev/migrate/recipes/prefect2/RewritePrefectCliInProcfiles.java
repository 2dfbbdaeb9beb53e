package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in Procfiles (Heroku, Dokku, honcho): each {@code name: command} line. */
public class RewritePrefectCliInProcfiles extends PrefectCliTextRecipe {
    /** A process type, then its command. */
    private static final Pattern PROCESS = Pattern.compile("[ \\t]*[A-Za-z0-9_-]+[ \\t]*:[ \\t]*");

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in Procfiles";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect agent start` and the other removed Prefect 2 commands of Procfile processes with "
                + "their Prefect 3 forms.";
    }

    @Override
    protected String filePattern() {
        return "**/Procfile;**/Procfile.*";
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        for (int pos = 0; pos < text.length(); pos = TextPositions.endOfLine(text, pos)) {
            Matcher m = PROCESS.matcher(text).region(pos, TextPositions.endOfContent(text, pos));
            if (m.lookingAt() && m.end() < TextPositions.endOfContent(text, pos)) {
                segments.add(new Segment(m.end(), TextPositions.endOfContent(text, pos)));
            }
        }
        return segments;
    }
}
