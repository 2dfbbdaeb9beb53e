package dev.migrate.analyzers.sources.systemd;

/**
 * A unit file value continued over several lines ({@code ExecStart=/usr/bin/python3 /opt/etl.py \} then
 * {@code     --date today}) as a report shows it: one space at each join. systemd's own join puts a space for the
 * backslash and keeps the blanks before it and the next line's indent ({@code etl.py      --date}); a command shown so
 * reads as if it had those blanks, and a value copied from a report or run by the shell gets them. Outside quotes they
 * only separate words, as one space does; inside quotes they are part of the word and stay as systemd joins them.
 * Comment lines inside the continuation are skipped, as systemd skips them.
 */
final class ShownContinuations {
    private ShownContinuations() {
    }

    /** {@code rawValue} (line breaks included) joined; the same as systemd's value when it is one line. */
    static String join(String rawValue) {
        String[] lines = rawValue.split("\r?\n", -1);
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.stripLeading();
            if (i > 0 && (stripped.startsWith("#") || stripped.startsWith(";"))) {
                continue;
            }
            boolean continued = i < lines.length - 1 && line.endsWith("\\");
            String part = continued ? line.substring(0, line.length() - 1) : line;
            if (i > 0 && quote == 0) {
                part = part.stripLeading();
            }
            quote = quoteAfter(part, quote);
            out.append(part);
            if (continued) {
                if (quote == 0) {
                    out.setLength(unescapedEnd(out));
                }
                out.append(' ');
            }
        }
        return out.toString().strip();
    }

    /** Where {@code text} ends without its trailing blanks, an escaped one ({@code \ }, a word's space) kept. */
    private static int unescapedEnd(CharSequence text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int slashes = 0;
        while (end - slashes > 0 && text.charAt(end - slashes - 1) == '\\') {
            slashes++;
        }
        return slashes % 2 == 1 && end < text.length() ? end + 1 : end;
    }

    /** The quote still open after {@code text}, given the one open before it (0 for none). */
    private static char quoteAfter(String text, char open) {
        char quote = open;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote;
    }
}
