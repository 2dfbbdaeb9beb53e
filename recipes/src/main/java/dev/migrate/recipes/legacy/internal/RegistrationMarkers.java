package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.crontab.CrontabFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comments an in-process scheduler's registration out of a Python script under a
 * {@code # migrate: disabled <job-id> <date> (<n> lines)} marker, and puts it back byte for byte. Each line gets
 * {@code # } after its own indentation, so the text of the line is kept and undoing removes exactly that.
 */
final class RegistrationMarkers {
    private static final Pattern MARKER = Pattern.compile("^[ \\t]*" + Pattern.quote(CrontabFile.DISABLED_MARKER)
            + "(\\S+) \\S+ \\((\\d+) lines?\\)\\s*$");

    private RegistrationMarkers() {
    }

    /** The text with lines {@code r.firstLine()..r.lastLine()} commented under a marker. */
    static String disable(String text, Registration r, String jobId, LocalDate asOf) {
        List<String> lines = lines(text);
        int first = r.firstLine() - 1;
        int count = r.lastLine() - r.firstLine() + 1;
        String head = lines.get(first);
        String indent = head.substring(0, head.length() - head.stripLeading().length());
        String eol = head.endsWith("\r\n") ? "\r\n" : "\n";
        for (int i = first; i < first + count; i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                int ws = line.length() - line.stripLeading().length();
                lines.set(i, line.substring(0, ws) + "# " + line.substring(ws));
            }
        }
        lines.add(first, indent + CrontabFile.DISABLED_MARKER + jobId + " " + asOf + " (" + count
                + (count == 1 ? " line)" : " lines)") + eol);
        return String.join("", lines);
    }

    /** 0-based line of the job's marker, or -1. */
    static int markerIndex(String text, String jobId) {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(jobId)) {
                return i;
            }
        }
        return -1;
    }

    /** The text with the job's marker removed and the lines under it uncommented; unchanged without a marker. */
    static String enable(String text, String jobId) {
        int at = markerIndex(text, jobId);
        if (at < 0) {
            return text;
        }
        List<String> lines = lines(text);
        Matcher m = MARKER.matcher(lines.get(at));
        m.matches();
        int count = Integer.parseInt(m.group(2));
        for (int i = at + 1; i <= at + count && i < lines.size(); i++) {
            String line = lines.get(i);
            int ws = line.length() - line.stripLeading().length();
            if (line.startsWith("# ", ws)) {
                lines.set(i, line.substring(0, ws) + line.substring(ws + 2));
            }
        }
        lines.remove(at);
        return String.join("", lines);
    }

    /** The text as it was before any registration was commented out: every marker undone. */
    static String enableAll(String text) {
        if (!text.contains(CrontabFile.DISABLED_MARKER.strip())) {
            return text; // the common case, on every script of the project: no line split
        }
        String out = text;
        for (String id : markedJobs(text)) {
            out = enable(out, id);
        }
        return out;
    }

    /** The ids of the jobs whose registrations carry a marker, in file order. */
    static List<String> markedJobs(String text) {
        List<String> ids = new ArrayList<>();
        for (String line : lines(text)) {
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** The date of the job's marker, or null. */
    static LocalDate markerDate(String text, String jobId) {
        int at = markerIndex(text, jobId);
        if (at < 0) {
            return null;
        }
        String[] words = lines(text).get(at).strip().substring(CrontabFile.DISABLED_MARKER.length()).split(" ");
        try {
            return LocalDate.parse(words[1]);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The lines with their terminators, so that joining them gives the text back. */
    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("(?<=\n)", -1)));
    }
}
