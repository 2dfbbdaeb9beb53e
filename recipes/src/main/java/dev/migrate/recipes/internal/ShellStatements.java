package dev.migrate.recipes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a shell script into its logical lines: a line ends at a newline that is neither escaped by a
 * trailing backslash nor inside quotes. Each command is then translated, and reported, at its own line,
 * and one command that needs --unsafe-fixes does not hold back the safe edits of the others.
 */
public final class ShellStatements {
    /**
     * A systemd unit's command directive ({@code ExecStart=-/usr/bin/prefect ...}), as a script writes the unit
     * with a here-document ({@code cat << EOF > /etc/systemd/system/agent.service}): its command is translated.
     */
    private static final Pattern UNIT_COMMAND = Pattern.compile("[ \\t]*Exec(?:Start|StartPre|StartPost|Reload|Stop|StopPost|Condition)=[-@:+!]*");
    private ShellStatements() {
    }

    /** The non-blank logical lines of {@code text}, without their final newline. */
    public static List<Segment> of(String text) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                i++; // the next character, a newline included, is part of this line
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || " \t\n;&|(".indexOf(text.charAt(i - 1)) >= 0)) {
                // a comment runs to the end of the line; an apostrophe in it opens no quote
                i = TextPositions.endOfContent(text, i) - 1;
            } else if (c == '\n') {
                add(out, text, start, i);
                start = i + 1;
            }
            i++;
        }
        add(out, text, start, text.length());
        return out;
    }

    private static void add(List<Segment> out, String text, int start, int end) {
        int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
        if (!text.substring(start, e).isBlank()) {
            Matcher exec = UNIT_COMMAND.matcher(text).region(start, e);
            out.add(new Segment(exec.lookingAt() ? exec.end() : start, e));
        }
    }
}
