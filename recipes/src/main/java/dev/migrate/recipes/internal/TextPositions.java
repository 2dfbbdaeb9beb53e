package dev.migrate.recipes.internal;

/** Line arithmetic on file text, for notes that point at a line. */
public final class TextPositions {
    private TextPositions() {
    }

    /** 1-based line of an offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Offset just past the end of the line that starts at {@code start} (after its newline, if any). */
    public static int endOfLine(String text, int start) {
        int nl = text.indexOf('\n', start);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** Offset of the end of the line's content, before any {@code \r\n} or {@code \n}. */
    public static int endOfContent(String text, int start) {
        int end = endOfLine(text, start);
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /**
     * End of a logical line whose physical lines may continue with a trailing backslash
     * (Dockerfile instructions, systemd values, Makefile recipes), excluding the final newline.
     */
    public static int endOfContinuedLine(String text, int start) {
        int pos = start;
        while (true) {
            int end = endOfContent(text, pos);
            if (end > pos && text.charAt(end - 1) == '\\' && end < text.length()) {
                pos = endOfLine(text, pos);
                continue;
            }
            return end;
        }
    }
}
