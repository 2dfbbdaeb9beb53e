package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.ExecFormRewriter;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates Prefect 2 commands in Dockerfile RUN, CMD and ENTRYPOINT instructions, shell and exec form. */
public class RewritePrefectCliInDockerfiles extends PrefectCliTextRecipe {
    private static final Pattern INSTRUCTION = Pattern.compile("(?im)^[ \\t]*(RUN|CMD|ENTRYPOINT)[ \\t]+");

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in Dockerfiles";
    }

    @Override
    public String getDescription() {
        return "Replaces removed Prefect 2 commands in `RUN`, `CMD` and `ENTRYPOINT` instructions, shell form "
                + "and exec form (JSON array) alike, with their Prefect 3 forms.";
    }

    @Override
    protected String filePattern() {
        return "**/Dockerfile;**/Dockerfile.*;**/*.dockerfile;**/Containerfile";
    }

    @Override
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        return segment.startsWith("[") ? ExecFormRewriter.rewrite(segment, options)
                : PrefectCommandRewriter.rewrite(segment, options);
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
