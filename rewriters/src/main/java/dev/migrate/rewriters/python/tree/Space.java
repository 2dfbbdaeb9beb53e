package dev.migrate.rewriters.python.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of whitespace, comments, blank lines and line continuations that sits before a token or node.
 * The raw text is kept verbatim so printing is byte-exact; the structured views ({@link #comments()},
 * {@link #indent()}) are computed on demand for formatters and recipes.
 *
 * <p>A space made by the parser is a slice of the file's source characters: its {@link #text()} is
 * only built when someone asks, so parsing and printing a file copy characters instead of making a
 * string per whitespace run.
 */
public final class Space {
    public static final Space EMPTY = new Space(new char[0], 0, 0);
    public static final Space SINGLE = new Space(new char[] {' '}, 0, 1);

    /** Set at construction for spaces made from a string; built on first use for slices. */
    private String text;
    private final char[] source;
    private final int start;
    private final int length;

    private Space(String text) {
        this.text = text;
        this.source = null;
        this.start = 0;
        this.length = text.length();
    }

    private Space(char[] source, int start, int length) {
        this.source = source;
        this.start = start;
        this.length = length;
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

    /**
     * The characters {@code [start, end)} of {@code source}, which the caller must never change
     * afterwards (the parser hands in the file's own source array).
     */
    public static Space slice(char[] source, int start, int end) {
        int len = end - start;
        if (len == 0) {
            return EMPTY;
        }
        if (len == 1 && source[start] == ' ') {
            return SINGLE;
        }
        return new Space(source, start, len);
    }

    public String text() {
        String t = text;
        if (t == null) {
            // Benign race: every thread builds an equal string.
            t = new String(source, start, length);
            text = t;
        }
        return t;
    }

    /** The number of characters in this run. */
    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Copies the characters into {@code out} at {@code at}; returns the offset after them. */
    public int copyTo(char[] out, int at) {
        // Most runs are empty or one space: skip the arraycopy call for them.
        if (length == 1) {
            out[at] = source != null ? source[start] : text.charAt(0);
        } else if (length > 0) {
            if (source != null) {
                System.arraycopy(source, start, out, at, length);
            } else {
                text.getChars(0, length, out, at);
            }
        }
        return at + length;
    }

    void appendTo(StringBuilder out) {
        if (source != null) {
            out.append(source, start, length);
        } else {
            out.append(text);
        }
    }

    private char charAt(int i) {
        return source != null ? source[start + i] : text.charAt(i);
    }

    /** Comments in this run, each without its trailing newline, including the leading {@code #}. */
    public List<String> comments() {
        String text = text();
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
        String text = text();
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
        for (int i = 0; i < length; i++) {
            char c = charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Space s) || s.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
