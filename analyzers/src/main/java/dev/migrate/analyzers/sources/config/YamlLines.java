package dev.migrate.analyzers.sources.config;

/**
 * A YAML line's parent read from indentation alone: enough to tell a value's key ({@code env:}, {@code variables:},
 * {@code build-args: |}) where a parse would lose the offsets the scan reports and the rewrite edits.
 */
final class YamlLines {
    private YamlLines() {
    }

    /**
     * The line that holds the line starting at {@code lineStart}: the nearest line above that is indented less (or
     * as much, for a list item, which YAML lets stand at its key's indentation), skipping blank and comment lines.
     * Null at the top level.
     */
    static String parentLine(String text, int lineStart) {
        int parent = parentLineStart(text, lineStart);
        return parent < 0 ? null : lineAt(text, parent);
    }

    /** Where {@link #parentLine}'s line starts, or -1 at the top level. */
    static int parentLineStart(String text, int lineStart) {
        String line = lineAt(text, lineStart);
        int indent = indent(line);
        boolean item = line.stripLeading().startsWith("-");
        int end = lineStart - 1;
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String above = text.substring(start, end);
            String body = above.strip();
            end = start - 1;
            if (body.isEmpty() || body.startsWith("#")) {
                continue;
            }
            int i = indent(above);
            if (i < indent || item && i == indent && !body.startsWith("-")) {
                return start;
            }
        }
        return -1;
    }

    static String lineAt(String text, int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, nl < 0 ? text.length() : nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
