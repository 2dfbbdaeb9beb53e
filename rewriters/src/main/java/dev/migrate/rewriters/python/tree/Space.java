package dev.migrate.rewriters.python.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of whitespace, comments, blank lines and line continuations that sits before a token or node.
 * The raw text is kept verbatim so printing is byte-exact; the structured views ({@link #comments()},
 * {@link #indent()}) are computed on demand for formatters and recipes.
 */
public final class Space {
    public static final Space EMPTY = new Space("");
    public static final Space SINGLE = new Space(" ");

    private final String text;

    private Space(String text) {
        this.text = text;
    }

    public static Space of(String text) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.length() == 1 && text.charAt(0) == ' ') {
            return SINGLE;
        }
        return new Space(text);
    }

    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Comments in this run, each without its trailing newline, including the leading {@code #}. */
    public List<String> comments() {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '#') {
                int end = i;
                while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                out.add(text.substring(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The whitespace after the last line break: the indentation of whatever follows this space. */
    public String indent() {
        int i = text.length();
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\f')) {
            j++;
        }
        return j == text.length() ? text.substring(i) : "";
    }

    public boolean containsNewline() {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Space s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
