package dev.migrate.rewriters.shell;

import dev.migrate.rewriters.shell.ShellToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits POSIX shell text into tokens without losing a byte: concatenating every token's raw text
 * gives the input back. It understands quoting, backslash escapes, {@code $(...)}, {@code ${...}} and
 * backticks (kept inside the word they belong to), comments, control operators and redirections.
 * It does not expand anything and never fails: unterminated quotes run to the end of the text.
 */
final class ShellLexer {
    private final String s;
    private int i;
    private final List<ShellToken> out = new ArrayList<>();

    private ShellLexer(String s) {
        this.s = s;
    }

    static List<ShellToken> lex(String text) {
        ShellLexer lx = new ShellLexer(text);
        lx.run();
        return lx.out;
    }

    private void run() {
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || (c == '\\' && peek(1) == '\n') || (c == '\\' && peek(1) == '\r' && peek(2) == '\n')) {
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (d == ' ' || d == '\t') {
                        i++;
                    } else if (d == '\\' && peek(1) == '\n') {
                        i += 2;
                    } else if (d == '\\' && peek(1) == '\r' && peek(2) == '\n') {
                        i += 3;
                    } else {
                        break;
                    }
                }
                add(Kind.SPACE, start, null);
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
                add(Kind.COMMENT, start, null);
            } else if (c == '\r' || c == '\n') {
                i += (c == '\r' && peek(1) == '\n') ? 2 : 1;
                add(Kind.OPERATOR, start, null);
            } else if (isRedirectStart(c)) {
                lexRedirect(start);
            } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                i++;
                if ((c == '&' && peek(0) == '&') || (c == '|' && (peek(0) == '|' || peek(0) == '&'))
                        || (c == ';' && peek(0) == ';')) {
                    i++;
                }
                add(Kind.OPERATOR, start, null);
            } else {
                lexWord(start);
            }
        }
    }

    private boolean isRedirectStart(char c) {
        if (c == '<' || c == '>') {
            return true;
        }
        // 2>file, 2>&1: a digit directly followed by a redirection is the file descriptor.
        return Character.isDigit(c) && (peek(1) == '>' || peek(1) == '<') && atWordStart();
    }

    private boolean atWordStart() {
        return out.isEmpty() || out.get(out.size() - 1).kind() != Kind.WORD || out.get(out.size() - 1).end() != i;
    }

    private void lexRedirect(int start) {
        if (Character.isDigit(s.charAt(i))) {
            i++;
        }
        char c = s.charAt(i++);
        if (peek(0) == c) {
            i++;
            if (c == '<' && peek(0) == '-') {
                i++;
            }
        } else if (peek(0) == '&' || (c == '>' && peek(0) == '|')) {
            i++;
        }
        add(Kind.REDIRECT, start, null);
    }

    private void lexWord(int start) {
        StringBuilder value = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
                    || c == '(' || c == ')' || c == '<' || c == '>') {
                break;
            }
            if (c == '\\') {
                if (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n')) {
                    break; // an escaped newline separates words like a blank
                }
                if (i + 1 < s.length()) {
                    value.append(s.charAt(i + 1));
                }
                i = Math.min(s.length(), i + 2);
            } else if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                int end = close < 0 ? s.length() : close;
                value.append(s, i + 1, end);
                i = close < 0 ? s.length() : close + 1;
            } else if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
                        value.append(s.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' && (peek(1) == '(' || peek(1) == '{')) {
                        int end = skipNested(i + 1);
                        value.append(s, i, end);
                        i = end;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                if (i < s.length()) {
                    i++;
                }
            } else if (c == '$' && (peek(1) == '(' || peek(1) == '{')) {
                int end = skipNested(i + 1);
                value.append(s, i, end);
                i = end;
            } else if (c == '`') {
                int close = s.indexOf('`', i + 1);
                int end = close < 0 ? s.length() : close + 1;
                value.append(s, i, end);
                i = end;
            } else if (c == '#' && i == start) {
                break;
            } else {
                value.append(c);
                i++;
            }
        }
        if (i == start) {
            i++; // never stall: take one character as a word
            value.append(s.charAt(start));
        }
        add(Kind.WORD, start, value.toString());
    }

    /** Skips a balanced {@code (...)} or {@code {...}} starting at {@code open}; returns the index after it. */
    private int skipNested(int open) {
        char o = s.charAt(open);
        char cl = o == '(' ? ')' : '}';
        int depth = 0;
        int j = open;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\'' && o == '(') {
                int close = s.indexOf('\'', j + 1);
                j = close < 0 ? s.length() : close + 1;
                continue;
            }
            if (c == o) {
                depth++;
            } else if (c == cl && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private char peek(int ahead) {
        int k = i + ahead;
        return k < s.length() ? s.charAt(k) : '\0';
    }

    private void add(Kind kind, int start, String value) {
        String raw = s.substring(start, i);
        out.add(new ShellToken(kind, raw, value == null ? raw : value, start, i));
    }
}
