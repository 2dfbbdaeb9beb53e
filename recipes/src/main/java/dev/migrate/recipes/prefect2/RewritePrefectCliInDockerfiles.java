package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.FileGlobs;
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
    private static final Pattern STAGE_OR_CMD = Pattern.compile("(?im)^[ \\t]*(FROM|CMD)[ \\t]+");
    /** The context of an exec-form ENTRYPOINT whose stage has a CMD after it. */
    private static final String CMD_FOLLOWS = "entrypoint-with-cmd";

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
        return FileGlobs.DOCKERFILES;
    }

    @Override
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        return segment.startsWith("[") ? ExecFormRewriter.rewrite(segment, options)
                : PrefectCommandRewriter.rewrite(segment, options);
    }

    /**
     * An exec-form ENTRYPOINT that a later CMD of its stage gives arguments ({@code ENTRYPOINT ["prefect", "agent",
     * "start"]} then {@code CMD ["$QUEUE"]}) runs both as one command: translated alone it would get arguments it
     * rejects (a worker takes none), so a command that would change is left to a person.
     */
    @Override
    protected ShellRewrite rewriteSegment(Segment where, String segment, CliOptions options) {
        ShellRewrite r = rewriteSegment(segment, options);
        if (!CMD_FOLLOWS.equals(where.context()) || !r.changed()) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes().stream().filter(n -> n.contains("left as it was")).toList());
        notes.add("PF203: left as it was: the CMD below gives this ENTRYPOINT its arguments, which a translation of "
                + "the ENTRYPOINT alone cannot see; translate them together (this ENTRYPOINT alone would become "
                + r.text().strip() + ") and move the arguments the new command takes into CMD");
        return new ShellRewrite(segment, notes, false, true);
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = INSTRUCTION.matcher(text);
        while (m.find()) {
            int end = TextPositions.endOfContinuedLine(text, m.end());
            boolean cmdFollows = m.group(1).equalsIgnoreCase("ENTRYPOINT") && text.startsWith("[", m.end())
                    && cmdInStage(text, end);
            segments.add(new Segment(m.end(), end, cmdFollows ? CMD_FOLLOWS : null));
        }
        return segments;
    }

    /** Whether a CMD instruction follows {@code from} before the next FROM (the stage's end). */
    private static boolean cmdInStage(String text, int from) {
        Matcher next = STAGE_OR_CMD.matcher(text);
        return next.find(from) && next.group(1).equalsIgnoreCase("CMD");
    }
}
