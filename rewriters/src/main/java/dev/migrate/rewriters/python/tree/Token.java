package dev.migrate.rewriters.python.tree;

import java.util.Objects;

/** A leaf: one token's text with the whitespace and comments before it. Immutable. */
public final class Token implements PyElement {
    private final TokenKind kind;
    private final Space prefix;
    private final String text;

    public Token(TokenKind kind, Space prefix, String text) {
        this.kind = Objects.requireNonNull(kind);
        this.prefix = Objects.requireNonNull(prefix);
        this.text = Objects.requireNonNull(text);
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
        return text;
    }

    public boolean is(String s) {
        return text.equals(s) && kind != TokenKind.STRING && kind != TokenKind.FSTRING_MIDDLE;
    }

    @Override
    public Token withPrefix(Space newPrefix) {
        return newPrefix.equals(prefix) ? this : new Token(kind, newPrefix, text);
    }

    public Token withText(String newText) {
        return newText.equals(text) ? this : new Token(kind, prefix, newText);
    }

    @Override
    public void printTo(StringBuilder out) {
        out.append(prefix.text()).append(text);
    }

    @Override
    public int length() {
        return prefix.text().length() + text.length();
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")";
    }
}
