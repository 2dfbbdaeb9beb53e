package dev.migrate.rewriters.python.tree;

import java.util.Objects;

/**
 * A leaf: one token's text with the whitespace and comments before it. Immutable.
 *
 * <p>Tokens the parser makes for literals (strings, numbers, newlines) are slices of the file's source
 * characters; their {@link #text()} is only built when someone asks for it.
 */
public final class Token implements PyElement {
    private final TokenKind kind;
    private final Space prefix;
    /** Set at construction, or built on first use for a slice. */
    private String text;
    private final char[] source;
    private final int start;
    private final int textLength;

    public Token(TokenKind kind, Space prefix, String text) {
        this.kind = Objects.requireNonNull(kind);
        this.prefix = Objects.requireNonNull(prefix);
        this.text = Objects.requireNonNull(text);
        this.source = null;
        this.start = 0;
        this.textLength = text.length();
    }

    private Token(TokenKind kind, Space prefix, String text, char[] source, int start, int length) {
        this.kind = kind;
        this.prefix = prefix;
        this.text = text;
        this.source = source;
        this.start = start;
        this.textLength = length;
    }

    private Token(Token t, Space prefix) {
        this.kind = t.kind;
        this.prefix = prefix;
        this.text = t.text;
        this.source = t.source;
        this.start = t.start;
        this.textLength = t.textLength;
    }

    /**
     * A token whose text is the characters {@code [start, end)} of {@code source}, which the caller
     * must never change afterwards (the parser hands in the file's own source array).
     */
    public static Token slice(TokenKind kind, Space prefix, char[] source, int start, int end) {
        return slice(kind, prefix, source, start, end, null);
    }

    /**
     * As {@link #slice(TokenKind, Space, char[], int, int)}, with the text already at hand (the parser's
     * interned copy of a name or operator), which must equal the slice.
     */
    public static Token slice(TokenKind kind, Space prefix, char[] source, int start, int end, String text) {
        if (kind == null || prefix == null || source == null) {
            throw new NullPointerException("kind, prefix and source are required");
        }
        return new Token(kind, prefix, text, source, start, end - start);
    }

    public static Token op(String text) {
        return new Token(TokenKind.OP, Space.EMPTY, text);
    }

    public static Token name(String text) {
        return new Token(TokenKind.NAME, Space.EMPTY, text);
    }

    public static Token keyword(String text) {
        return new Token(TokenKind.KEYWORD, Space.EMPTY, text);
    }

    public TokenKind kind() {
        return kind;
    }

    @Override
    public Space prefix() {
        return prefix;
    }

    public String text() {
        String t = text;
        if (t == null) {
            // Benign race: every thread builds an equal string.
            t = new String(source, start, textLength);
            text = t;
        }
        return t;
    }

    public boolean is(String s) {
        return kind != TokenKind.STRING && kind != TokenKind.FSTRING_MIDDLE && textEquals(s);
    }

    private boolean textEquals(String s) {
        if (source == null || text != null) {
            return text.equals(s);
        }
        if (s.length() != textLength) {
            return false;
        }
        for (int i = 0; i < textLength; i++) {
            if (source[start + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Token withPrefix(Space newPrefix) {
        return newPrefix.equals(prefix) ? this : new Token(this, Objects.requireNonNull(newPrefix));
    }

    public Token withText(String newText) {
        return textEquals(newText) ? this : new Token(kind, prefix, newText);
    }

    @Override
    public void printTo(StringBuilder out) {
        prefix.appendTo(out);
        if (text != null) {
            out.append(text);
        } else {
            out.append(source, start, textLength);
        }
    }

    /** Copies prefix and text into {@code out} at {@code at}; returns the offset after them. */
    public int copyTo(char[] out, int at) {
        at = prefix.copyTo(out, at);
        if (source != null) {
            if (textLength == 1) {
                out[at] = source[start]; // operators and punctuation: no arraycopy call
            } else {
                System.arraycopy(source, start, out, at, textLength);
            }
        } else {
            text.getChars(0, textLength, out, at);
        }
        return at + textLength;
    }

    @Override
    public int length() {
        return prefix.length() + textLength;
    }

    @Override
    public String toString() {
        return kind + "(" + text() + ")";
    }
}
