package dev.migrate.analyzers.schedule;

import java.util.ArrayList;
import java.util.List;

/** A blank-separated word of a schedule expression and its 0-based column, for error positions. */
record Token(String text, int column) {
    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(s.substring(start, i), start));
            }
        }
        return out;
    }
}
