package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.ShellScripts;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.ShellStatements;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.text.PlainText;

/** Translates Prefect 2 commands in shell scripts. */
public class RewritePrefectCliInShellScripts extends PrefectCliTextRecipe {
    /** A unit's command line inside quoted text a statement writes: the command, up to the line's end or a quote. */
    private static final Pattern QUOTED_UNIT_COMMAND = Pattern.compile(
            "(?m)^[ \\t]*Exec(?:Start|StartPre|StartPost|Reload|Stop|StopPost)=[-@:+!]*([^\"'\n]*prefect[^\"'\n]*)");
    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in shell scripts";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect agent start`, `prefect deployment build/apply` and the other removed 2.x commands "
                + "in shell scripts (`.sh`, `.bash`, or extensionless with a shell's `#!` line) with their Prefect 3 forms, writing short flags out long because several "
                + "changed meaning.";
    }

    @Override
    protected String filePattern() {
        return "**/*.sh;**/*.bash";
    }

    /** An extensionless script whose first line runs a shell ({@code bin/deploy}), as the scan reads it. */
    @Override
    protected boolean isFileOfFormat(PlainText file) {
        return ShellScripts.byShebang(file.getSourcePath().getFileName().toString(), file.getText());
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        return ShellStatements.of(text);
    }

    @Override
    protected List<LiteralVariables.Assignment> assignments(String text) {
        return LiteralVariables.shell(text);
    }

    /** With the variables of the files the script reads into itself ({@code . ./env.sh}, {@code set -a; . .env}). */
    @Override
    protected List<LiteralVariables.Assignment> assignments(String path, String text, Function<String, String> files) {
        return LiteralVariables.shell(path, text, files);
    }

    @Override
    protected boolean readsSourcedFiles() {
        return true;
    }

    /**
     * A statement may write a systemd unit from a quoted string ({@code echo "[Service]...ExecStart=prefect agent
     * start ..." > x.service}): the command inside the string is not a command of this script, so it is not
     * rewritten in place, but a person is told what it should say.
     */
    @Override
    protected ShellRewrite rewriteSegment(String segment, CliOptions options) {
        ShellRewrite r = super.rewriteSegment(segment, options);
        if (r.changed() || segment.indexOf('\n') < 0) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        boolean manual = r.manual();
        Matcher exec = QUOTED_UNIT_COMMAND.matcher(segment);
        while (exec.find()) {
            ShellRewrite line = PrefectCommandRewriter.rewrite(exec.group(1), options);
            if (line.changed()) {
                String code = MigrationNotes.codeOf(line.notes());
                notes.add((code == null ? "" : code + ": ") + "the unit text this statement writes runs `" + exec.group(1).strip() + "`; change that "
                        + "line by hand to: " + line.text().strip());
                manual = true;
            }
        }
        return new ShellRewrite(r.text(), notes, false, manual, r.creates());
    }
}
