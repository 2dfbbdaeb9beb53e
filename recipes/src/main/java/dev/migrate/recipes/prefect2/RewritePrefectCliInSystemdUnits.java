package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in systemd service units ({@code ExecStart=} and friends). */
public class RewritePrefectCliInSystemdUnits extends PrefectCliTextRecipe {
    /** Exec lines, with systemd's optional prefixes (-, @, :, +, !) kept outside the command. */
    private static final Pattern EXEC = Pattern.compile("(?m)^[ \\t]*Exec(?:Start|StartPre|StartPost|Reload|Stop)[ \\t]*=[ \\t]*[-@:+!]*");

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in systemd units";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect agent start` and other removed Prefect 2 commands in the `ExecStart=` lines of "
                + "systemd service units, so that agent services become worker services.";
    }

    @Override
    protected String filePattern() {
        return "**/*.service";
    }

    /** A unit's Exec line cannot hold a comment. */
    @Override
    protected boolean commentsOut() {
        return false;
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = EXEC.matcher(text);
        while (m.find()) {
            segments.add(new Segment(m.end(), TextPositions.endOfContinuedLine(text, m.end())));
        }
        return segments;
    }
}
