package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.crontab.CrontabFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switches a supervisor program or a compose service off in its configuration file, and back on byte for byte. The
 * lines the cutover adds ({@code autostart=false}, {@code deploy: replicas: 0}) follow a
 * {@code # migrate: disabled <job-id> <date> (<n> lines)} marker that counts them; a line of the user's they replace
 * is kept as {@code # migrate: was <job-id>: <line>} after its indentation. {@code #} starts a comment in supervisor's
 * ini files and in YAML alike. Undoing removes the marker and its lines and puts each kept line back as it was.
 */
final class HostConfigMarkers {
    private static final Pattern MARKER = Pattern.compile("^[ \\t]*" + Pattern.quote(CrontabFile.DISABLED_MARKER)
            + "(\\S+) (\\d{4}-\\d{2}-\\d{2}) \\((\\d+) lines?\\)\\s*$");
    private static final String WAS = "# migrate: was ";
    private static final Pattern KEPT = Pattern.compile("^([ \\t]*)" + Pattern.quote(WAS) + "\\S+: (.*)$", Pattern.DOTALL);

    private HostConfigMarkers() {
    }

    /** The text's lines, each with its line ending. */
    static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("(?<=\n)")));
    }

    static String eol(List<String> lines) {
        return !lines.isEmpty() && lines.get(0).endsWith("\r\n") ? "\r\n" : "\n";
    }

    /**
     * {@code lines} with {@code added} inserted before 0-based line {@code at}, under a marker at {@code indent}, and the
     * lines {@code replaced} (0-based, in the text before the insertion) kept as comments.
     */
    static void disable(List<String> lines, int at, String indent, List<String> added, List<Integer> replaced, String jobId,
                        LocalDate asOf) {
        String eol = eol(lines);
        for (int i : replaced) {
            String line = lines.get(i);
            int ws = line.length() - line.stripLeading().length();
            lines.set(i, line.substring(0, ws) + WAS + jobId + ": " + line.substring(ws));
        }
        List<String> block = new ArrayList<>();
        block.add(indent + CrontabFile.DISABLED_MARKER + jobId + " " + asOf + " (" + added.size()
                + (added.size() == 1 ? " line)" : " lines)") + eol);
        added.forEach(a -> block.add(a + eol));
        if (at > 0 && !lines.get(at - 1).endsWith("\n")) {
            lines.set(at - 1, lines.get(at - 1) + eol); // the last line had no line ending
        }
        lines.addAll(at, block);
    }

    /** The text with every marker of ours undone: what the user wrote. */
    static String enableAll(String text) {
        if (!text.contains(CrontabFile.DISABLED_MARKER) && !text.contains(WAS)) {
            return text;
        }
        List<String> lines = lines(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER.matcher(line.stripTrailing());
            if (m.matches()) {
                i += Integer.parseInt(m.group(3));
                continue;
            }
            Matcher kept = KEPT.matcher(line);
            out.append(kept.matches() ? kept.group(1) + kept.group(2) : line);
        }
        return out.toString();
    }

    /** The date of the marker of {@code jobId}, so that a rerun keeps it; null without one. */
    static LocalDate markerDate(String text, String jobId) {
        for (String line : lines(text)) {
            Matcher m = MARKER.matcher(line.stripTrailing());
            if (m.matches() && m.group(1).equals(jobId)) {
                return LocalDate.parse(m.group(2));
            }
        }
        return null;
    }

    static String indentOf(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
