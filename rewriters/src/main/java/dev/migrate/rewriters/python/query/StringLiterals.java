package dev.migrate.rewriters.python.query;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.Locale;
import java.util.Optional;

/**
 * The value of a string literal node: prefixes (r, u, b) and escapes applied, implicit concatenation
 * joined. f-strings have no static value, so they give empty. Bytes literals decode as Latin-1.
 */
public final class StringLiterals {
    private StringLiterals() {
    }

    public static Optional<String> value(Node string) {
        if (string.kind() != NodeKind.STRING) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (PyElement c : string.children()) {
            if (!(c instanceof Token t)) {
                return Optional.empty();
            }
            Optional<String> part = tokenValue(t.text());
            if (part.isEmpty()) {
                return Optional.empty();
            }
            sb.append(part.get());
        }
        return Optional.of(sb.toString());
    }

    /** The prefix letters of a literal, lower-cased ("", "r", "b", "rb", ...). */
    public static String prefix(String literal) {
        int q = quoteStart(literal);
        return literal.substring(0, q).toLowerCase(Locale.ROOT);
    }

    /** The quote sequence of a literal: ', ", ''' or """. */
    public static String quote(String literal) {
        int q = quoteStart(literal);
        char c = literal.charAt(q);
        boolean triple = literal.length() >= q + 6 && literal.charAt(q + 1) == c && literal.charAt(q + 2) == c;
        return triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
    }

    private static int quoteStart(String literal) {
        int q = 0;
        while (q < literal.length() && literal.charAt(q) != '\'' && literal.charAt(q) != '"') {
            q++;
        }
        return q;
    }

    static Optional<String> tokenValue(String literal) {
        String prefix = prefix(literal);
        String quote = quote(literal);
        int start = prefix.length() + quote.length();
        int end = literal.length() - quote.length();
        if (end < start || !literal.endsWith(quote)) {
            return Optional.empty();
        }
        String body = literal.substring(start, end);
        return Optional.of(prefix.contains("r") ? body : unescape(body, prefix.contains("b")));
    }

    private static String unescape(String s, boolean bytes) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(s, i, 2, out);
                case 'u' -> i = bytes ? keep(out, e, i) : hex(s, i, 4, out);
                case 'U' -> i = bytes ? keep(out, e, i) : hex(s, i, 8, out);
                case 'N' -> {
                    int close = s.indexOf('}', i);
                    if (bytes || i + 1 >= s.length() || s.charAt(i + 1) != '{' || close < 0) {
                        keep(out, e, i);
                    } else {
                        String name = s.substring(i + 2, close);
                        int cp = codePointByName(name);
                        if (cp < 0) {
                            out.append("\\N{").append(name).append('}');
                        } else {
                            out.appendCodePoint(cp);
                        }
                        i = close;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int j = i;
                        while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.append((char) v);
                        i = j - 1;
                    } else {
                        keep(out, e, i);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int keep(StringBuilder out, char e, int i) {
        out.append('\\').append(e);
        return i;
    }

    private static int hex(String s, int i, int digits, StringBuilder out) {
        if (i + digits >= s.length()) {
            out.append('\\').append(s.charAt(i));
            return i;
        }
        try {
            int cp = Integer.parseInt(s.substring(i + 1, i + 1 + digits), 16);
            out.appendCodePoint(cp);
            return i + digits;
        } catch (NumberFormatException | IndexOutOfBoundsException ex) {
            out.append('\\').append(s.charAt(i));
            return i;
        }
    }

    private static int codePointByName(String name) {
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
