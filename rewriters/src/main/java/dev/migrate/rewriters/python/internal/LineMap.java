package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.Diagnostic;
import java.util.Arrays;

/** Offset to 1-based line and column. A line ends after "\n", "\r\n" or a lone "\r", as in CPython. */
public final class LineMap {
    private final int[] starts;
    private final int count;

    public LineMap(char[] s) {
        int[] st = new int[64];
        int c = 1;
        for (int i = 0; i < s.length; i++) {
            char ch = s[i];
            if (ch == '\n' || ch == '\r' && (i + 1 >= s.length || s[i + 1] != '\n')) {
                if (c == st.length) {
                    st = Arrays.copyOf(st, c * 2);
                }
                st[c++] = i + 1;
            }
        }
        this.starts = st;
        this.count = c;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    public int lineStart(int line) {
        return starts[line - 1];
    }

    /** 0-based column in characters. */
    public int column(int offset) {
        return offset - starts[line(offset) - 1];
    }

    public Diagnostic diagnostic(int offset, String message, String expected, String found) {
        return new Diagnostic(line(offset), column(offset) + 1, message, expected, found);
    }
}
