package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in Dockerfile RUN, CMD and ENTRYPOINT instructions (shell form). */
public class RewritePrefectCliInDockerfiles extends PrefectCliTextRecipe {
    private static final Pattern INSTRUCTION = Pattern.compile("(?im)^[ \\t]*(RUN|CMD|ENTRYPOINT)[ \\t]+(?!\\[)");

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in Dockerfiles";
    }

    @Override
    public String getDescription() {
        return "Replaces removed Prefect 2 commands in the shell form of `RUN`, `CMD` and `ENTRYPOINT` "
                + "instructions with their Prefect 3 forms. Exec-form (JSON array) instructions are left alone.";
    }

    @Override
    protected String filePattern() {
        return "**/Dockerfile;**/Dockerfile.*;**/*.dockerfile;**/Containerfile";
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = INSTRUCTION.matcher(text);
        while (m.find()) {
            segments.add(new Segment(m.end(), TextPositions.endOfContinuedLine(text, m.end())));
        }
        return segments;
    }
}
