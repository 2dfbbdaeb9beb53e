package dev.migrate.validators.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One text per JSON value, so that the same document compares equal however each side wrote it: a PostgreSQL
 * {@code jsonb} (keys in its own order, {@code ": "} and {@code ", "}, numbers as written), a JSON file's objects,
 * which DuckDB reads as STRUCTs (fields in the order the first object wrote them, floats as doubles), or JSON text in
 * a CSV. Keys are sorted (by code unit), whitespace is dropped, a number is its shortest exact decimal ({@code 1.0},
 * {@code 1.00} and {@code 1} are {@code 1}; {@code 1e2} is {@code 100}), strings are written with JSON's minimal
 * escapes, the last of repeated keys is kept (as jsonb keeps it), and a member whose value is null is left out: a
 * STRUCT holds every field its column has, null where an object lacks the key, so a side read as a STRUCT cannot
 * tell an absent key from a null one. A text that is no JSON is returned as it is.
 *
 * <p>Registered in the embedded engine as {@link #FUNCTION} ({@code VARCHAR -> VARCHAR}), so that hashes, bounds,
 * the key diff and samples all read the same canonical text.
 *
 * <p>Written while the text is read, by a reader of RFC 8259's grammar over the string itself, with no tree and no
 * token objects: through a Jackson tree (every number a BigDecimal, every string written through an ObjectMapper) a
 * million-row JSON column of 300-byte documents took 14 times as long to compare as the same column read as text
 * (bench/validate/README.md, "JSON columns"). A string without escapes is copied as it is written; members are written
 * as they come, and only an object whose keys are out of order or repeated, or that has a null member, is rewritten
 * from its members' spans.
 */
public final class CanonicalJson {
    /** The engine function's name. */
    public static final String FUNCTION = "migrate_canonical_json";

    /** Deeper documents are read as no JSON rather than risk the stack (Jackson's default limit is 1000 too). */
    private static final int MAX_DEPTH = 1000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Comparator<Member> BY_KEY = Comparator.comparing(Member::key);

    private final String in;
    private final StringBuilder out;
    private int at;

    private CanonicalJson(String in) {
        this.in = in;
        this.out = new StringBuilder(in.length());
    }

    /** Adds {@link #FUNCTION} to the engine {@code c} belongs to (its twins share it). */
    static void register(Connection c) throws SQLException {
        try (var builder = org.duckdb.DuckDBFunctions.scalarFunction()) {
            builder.withName(FUNCTION).withParameter(String.class).withReturnType(String.class)
                    .withFunction((String text) -> of(text)).register(c);
        }
    }

    /**
     * The canonical text of the JSON value {@code text}; {@code text} itself when it is no JSON (nor one JSON value
     * followed by more text); null for null.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        CanonicalJson r = new CanonicalJson(text);
        try {
            r.space();
            r.value(0);
            r.space();
            return r.at == text.length() ? r.out.toString() : text;
        } catch (NotJson | NumberFormatException | ArithmeticException | IndexOutOfBoundsException e) {
            // out of bounds: the text ends inside a value; a number: an exponent past what a BigDecimal holds
            return text;
        }
    }

    /** The text breaks JSON's grammar: thrown without a stack trace, as a text that is no JSON is an answer. */
    private static final class NotJson extends RuntimeException {
        private static final NotJson INSTANCE = new NotJson();

        private NotJson() {
            super(null, null, false, false);
        }
    }

    private void space() {
        while (at < in.length()) {
            char c = in.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw NotJson.INSTANCE;
        }
        char c = in.charAt(at);
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> stringValue();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw NotJson.INSTANCE;
                }
            }
        }
    }

    private void literal(String word) {
        if (!in.startsWith(word, at)) {
            throw NotJson.INSTANCE;
        }
        at += word.length();
        out.append(word);
    }

    private void array(int depth) {
        at++;
        out.append('[');
        space();
        if (in.charAt(at) == ']') {
            at++;
            out.append(']');
            return;
        }
        while (true) {
            value(depth + 1);
            space();
            char c = in.charAt(at++);
            if (c == ']') {
                out.append(']');
                return;
            }
            if (c != ',') {
                throw NotJson.INSTANCE;
            }
            out.append(',');
            space();
        }
    }

    /** A member as written into the output: its key and its span, {@code "key":value}; no span for a null value. */
    private record Member(String key, int start, int end) {
        boolean isNull() {
            return start < 0;
        }
    }

    /**
     * Writes the members in the order they come while their keys increase; an object with a key out of order, a
     * repeated key or a null member is then rewritten from the spans: sorted (a stable sort keeps repeated keys in
     * their order, so the last is kept), nulls left out.
     */
    private void object(int depth) {
        int open = out.length();
        at++;
        out.append('{');
        space();
        if (in.charAt(at) == '}') {
            at++;
            out.append('}');
            return;
        }
        List<Member> members = new ArrayList<>();
        boolean inOrder = true;
        String last = null;
        while (true) {
            if (in.charAt(at) != '"') {
                throw NotJson.INSTANCE;
            }
            int keyStart = at;
            String key = key();
            int keyEnd = at;
            space();
            if (in.charAt(at++) != ':') {
                throw NotJson.INSTANCE;
            }
            space();
            inOrder &= last == null || last.compareTo(key) < 0;
            last = key;
            if (in.startsWith("null", at)) {
                at += 4;
                inOrder = false;
                members.add(new Member(key, -1, -1));
            } else {
                if (out.length() > open + 1) {
                    out.append(',');
                }
                int start = out.length();
                writeString(keyStart, keyEnd, key);
                out.append(':');
                value(depth + 1);
                members.add(new Member(key, start, out.length()));
            }
            space();
            char c = in.charAt(at++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw NotJson.INSTANCE;
            }
            space();
        }
        if (!inOrder) {
            members.sort(BY_KEY);
            String written = out.substring(open);
            out.setLength(open + 1);
            boolean first = true;
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                boolean overridden = i + 1 < members.size() && members.get(i + 1).key().equals(m.key());
                if (m.isNull() || overridden) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(written, m.start() - open, m.end() - open);
            }
        }
        out.append('}');
    }

    /**
     * Reads the string at {@link #at} (its opening quote) and returns its value; {@link #at} is then past its closing
     * quote.
     */
    private String key() {
        int start = at + 1;
        int end = plainEnd(start);
        if (in.charAt(end) == '"') {
            at = end + 1;
            return in.substring(start, end);
        }
        return decode(start);
    }

    private void stringValue() {
        int quote = at;
        int end = plainEnd(quote + 1);
        if (in.charAt(end) == '"') {
            at = end + 1;
            out.append(in, quote, at); // no escape and no control character: already in its one spelling
            return;
        }
        writeEscaped(decode(quote + 1));
    }

    /** Writes the string read from {@code quote} to {@code after}: as written when it holds no escape. */
    private void writeString(int quote, int after, String value) {
        if (after - quote == value.length() + 2) {
            out.append(in, quote, after);
        } else {
            writeEscaped(value);
        }
    }

    /** Where the run of characters from {@code from} that need no decoding ends: a quote, a backslash or a control. */
    private int plainEnd(int from) {
        int i = from;
        while (true) {
            char c = in.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return i;
            }
            i++;
        }
    }

    /** Decodes the string whose characters start at {@code from}; {@link #at} is then past its closing quote. */
    private String decode(int from) {
        StringBuilder s = new StringBuilder();
        int i = from;
        while (true) {
            char c = in.charAt(i++);
            if (c == '"') {
                at = i;
                return s.toString();
            }
            if (c < 0x20) {
                throw NotJson.INSTANCE; // a control character must be escaped
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = in.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(in.charAt(i++), 16);
                        if (d < 0) {
                            throw NotJson.INSTANCE;
                        }
                        code = code * 16 + d;
                    }
                    s.append((char) code);
                }
                default -> throw NotJson.INSTANCE;
            }
        }
    }

    /**
     * A string in quotes with JSON's minimal escapes, as Jackson writes them: a quote and a backslash escaped, the
     * short escapes of backspace, tab, newline, form feed and carriage return, the other control characters as a
     * backslash, {@code u00} and two upper-case hex digits; everything else as it is.
     */
    private void writeEscaped(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A number, checked against JSON's grammar ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}), as its
     * shortest exact decimal: a whole number as written ({@code -0} is {@code 0}), a fraction's trailing zeros cut
     * from the text ({@code 12.50} is {@code 12.5}, {@code 3.00} is {@code 3}), an exponent through a BigDecimal.
     */
    private void number() {
        int start = at;
        if (in.charAt(at) == '-') {
            at++;
        }
        int whole = at;
        if (in.charAt(at) == '0') {
            at++;
        } else {
            digits();
        }
        boolean zero = at - whole == 1 && in.charAt(whole) == '0';
        int point = -1;
        if (at < in.length() && in.charAt(at) == '.') {
            point = at++;
            digits();
        }
        boolean exponent = at < in.length() && (in.charAt(at) == 'e' || in.charAt(at) == 'E');
        if (exponent) {
            at++;
            if (at < in.length() && (in.charAt(at) == '+' || in.charAt(at) == '-')) {
                at++;
            }
            digits();
            out.append(number(new BigDecimal(in.substring(start, at))));
            return;
        }
        int end = at;
        if (point >= 0) {
            while (in.charAt(end - 1) == '0') {
                end--;
            }
            if (end - 1 == point) {
                end--;
            }
        }
        if (zero && end == whole + 1) {
            out.append('0'); // 0, -0, 0.0 and -0.00
        } else {
            out.append(in, start, end);
        }
    }

    /** One or more digits at {@link #at}. */
    private void digits() {
        int from = at;
        while (at < in.length() && in.charAt(at) >= '0' && in.charAt(at) <= '9') {
            at++;
        }
        if (at == from) {
            throw NotJson.INSTANCE;
        }
    }

    /** The shortest exact decimal: no exponent, no trailing fraction zeros, zero without a sign. */
    static String number(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = d.stripTrailingZeros();
        // 1e400 as 401 digits would only cost memory: both sides write the same exponent form
        return Math.abs(stripped.scale()) > 1000 ? stripped.toString() : stripped.toPlainString();
    }
}
