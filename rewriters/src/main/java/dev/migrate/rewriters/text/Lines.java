package dev.migrate.rewriters.text;

import java.util.ArrayList;
import java.util.List;

/** Splits text into physical lines without losing a byte, and finds a file's usual line ending. */
public final class Lines {
    private Lines() {
    }

    /** The lines of {@code text}; joining their {@link PhysicalLine#text()} gives {@code text} back. */
    public static List<PhysicalLine> split(String text) {
        List<PhysicalLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                boolean crlf = i > start && text.charAt(i - 1) == '\r';
                int end = crlf ? i - 1 : i;
                lines.add(new PhysicalLine(text.substring(start, end), crlf ? "\r\n" : "\n"));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new PhysicalLine(text.substring(start), ""));
        }
        return lines;
    }

    /** The line ending used by most lines, {@code "\n"} when there is none; new lines are written with it. */
    public static String dominantEol(Iterable<String> eols) {
        int crlf = 0;
        int lf = 0;
        for (String eol : eols) {
            if ("\r\n".equals(eol)) {
                crlf++;
            } else if ("\n".equals(eol)) {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** Length of the leading run of spaces and tabs. */
    public static int indentLength(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Length of {@code s} without its trailing spaces and tabs. */
    public static int trimmedEnd(String s) {
        int i = s.length();
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
