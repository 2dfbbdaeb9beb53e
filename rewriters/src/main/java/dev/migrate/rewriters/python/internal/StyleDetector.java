package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.tree.TokenKind;

/** Reads indent unit, newline and quote preference off the token stream. */
final class StyleDetector {
    private static final byte NAME = (byte) TokenKind.NAME.ordinal();
    private static final byte OP = (byte) TokenKind.OP.ordinal();

    private StyleDetector() {
    }

    static PythonStyle detect(char[] s, Tokens t) {
        String indent = null;
        String newline = null;
        int single = 0;
        int dbl = 0;
        // A sample is enough to tell the conventions apart; the first 2,000 strings decide the quote.
        byte[] kinds = t.kind;
        for (int i = 0; i < t.count && single + dbl < 2_000; i++) {
            if (kinds[i] == NAME || kinds[i] == OP) {
                continue; // most tokens: nothing to learn, skip the enum lookup
            }
            TokenKind k = t.kind(i);
            if (k == TokenKind.INDENT && indent == null) {
                int lineStart = t.start[i];
                while (lineStart > 0 && s[lineStart - 1] != '\n' && s[lineStart - 1] != '\r') {
                    lineStart--;
                }
                int end = lineStart;
                while (end < t.start[i] && (s[end] == ' ' || s[end] == '\t')) {
                    end++;
                }
                if (end > lineStart) {
                    indent = new String(s, lineStart, end - lineStart);
                }
            } else if (k == TokenKind.NEWLINE && newline == null && t.end[i] > t.start[i]) {
                newline = new String(s, t.start[i], t.end[i] - t.start[i]);
            } else if (k == TokenKind.STRING || k == TokenKind.FSTRING_START) {
                int q = t.start[i];
                while (q < t.end[i] && s[q] != '\'' && s[q] != '"') {
                    q++;
                }
                if (q < t.end[i]) {
                    if (s[q] == '\'') {
                        single++;
                    } else {
                        dbl++;
                    }
                }
            }
        }
        PythonStyle d = PythonStyle.DEFAULT;
        return new PythonStyle(indent != null ? indent : d.indent(), newline != null ? newline : d.newline(),
                single > dbl ? '\'' : '"');
    }
}
