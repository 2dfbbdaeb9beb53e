package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written Python 3.8-3.13 tokenizer (PEP 701 f-strings included) over a char array. It never
 * throws: anything it cannot read becomes an {@link TokenKind#ERROR} token plus a diagnostic. Blank
 * lines, comments, indentation, line continuations and newlines inside brackets are trivia, owned
 * by the next token.
 */
final class Tokenizer {
    static final int MAX_INDENT_LEVELS = 100;

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    /** Names most files share, seeded so soft keywords come back as literals too. */
    private static final List<String> COMMON_NAMES = List.of("self", "match", "case", "type", "_", "print", "cls", "os",
            "sys", "int", "str");
    /** ASCII letters, digits and underscore. */
    private static final boolean[] ASCII_IDENT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_IDENT[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    record Problem(int offset, String message) {
    }

    /** State of one f-string being scanned. */
    private static final class FString {
        final char quote;
        final boolean triple;
        final boolean raw;
        /** Bracket depth outside each open replacement field; top is the innermost. */
        final int[] fieldDepth = new int[64];
        /** Whether each open replacement field sits inside a format spec (so '}' returns to spec mode). */
        final boolean[] fieldInSpec = new boolean[64];
        int fields;
        /** LITERAL: between fields; EXPR: inside a replacement field; SPEC: in a format spec. */
        int state;

        FString(char quote, boolean triple, boolean raw) {
            this.quote = quote;
            this.triple = triple;
            this.raw = raw;
        }
    }

    private static final int LITERAL = 0;
    private static final int EXPR = 1;
    private static final int SPEC = 2;

    private final char[] s;
    private final int n;
    private final Tokens out;
    private final List<Problem> problems = new ArrayList<>();
    private int pos;
    private int triviaStart;
    private int depth;
    private final int[] indents = new int[MAX_INDENT_LEVELS + 2];
    private final int[] altIndents = new int[MAX_INDENT_LEVELS + 2];
    private int levels;
    private boolean lineHasTokens;
    private final ArrayList<FString> fstrings = new ArrayList<>();
    /** Keywords and common names, seeded once; each tokenizer interns into a copy (this one is only read). */
    private static final NameTable SEEDED = new NameTable(KEYWORDS, COMMON_NAMES);
    private final NameTable names = SEEDED.copy();

    private Tokenizer(char[] s) {
        this.s = s;
        this.n = s.length;
        this.out = new Tokens(s.length);
    }

    static Tokenizer run(char[] source) {
        Tokenizer t = new Tokenizer(source);
        t.tokenize();
        return t;
    }

    Tokens tokens() {
        return out;
    }

    List<Problem> problems() {
        return problems;
    }

    private void emit(TokenKind kind, int from, int to, String text) {
        out.add(kind, triviaStart, from, to, text);
        triviaStart = to;
        if (kind != TokenKind.NEWLINE && kind != TokenKind.INDENT && kind != TokenKind.DEDENT) {
            lineHasTokens = true;
        }
    }

    /** Zero-width INDENT/DEDENT: the pending trivia stays with the token that follows. */
    private void emitLayout(TokenKind kind, int at) {
        out.add(kind, at, at, at, null);
    }

    private void problem(int offset, String message) {
        problems.add(new Problem(offset, message));
    }

    private void tokenize() {
        boolean lineStart = true;
        while (true) {
            if (!fstrings.isEmpty()) {
                FString f = fstrings.get(fstrings.size() - 1);
                if (f.state != EXPR) {
                    scanFStringText(f);
                    continue;
                }
            }
            if (lineStart && depth == 0) {
                indentation();
                lineStart = false;
            }
            skipTrivia();
            if (pos >= n) {
                break;
            }
            char c = s[pos];
            if (c == '\n' || c == '\r') {
                int from = pos;
                pos += (c == '\r' && pos + 1 < n && s[pos + 1] == '\n') ? 2 : 1;
                if (depth > 0) {
                    continue;
                }
                if (lineHasTokens) {
                    emit(TokenKind.NEWLINE, from, pos, null);
                    lineHasTokens = false;
                }
                lineStart = true;
                continue;
            }
            if (!fstrings.isEmpty() && fieldPunctuation(c)) {
                continue;
            }
            if (isIdentStart(c)) {
                scanNameOrString();
            } else if (c >= '0' && c <= '9' || c == '.' && pos + 1 < n && s[pos + 1] >= '0' && s[pos + 1] <= '9') {
                scanNumber();
            } else if (c == '"' || c == '\'') {
                scanString(pos, pos, false, false);
            } else {
                scanOperator(c);
            }
        }
        finish();
    }

    private void finish() {
        while (!fstrings.isEmpty()) {
            FString f = fstrings.remove(fstrings.size() - 1);
            problem(n, "unterminated " + (f.triple ? "triple-quoted " : "") + "f-string literal");
        }
        if (lineHasTokens) {
            emit(TokenKind.NEWLINE, n, n, null);
            lineHasTokens = false;
        }
        while (levels > 0) {
            levels--;
            emitLayout(TokenKind.DEDENT, n);
        }
        out.add(TokenKind.ENDMARKER, triviaStart, n, n, null);
    }

    /** Measures the indentation of the next non-blank line and emits INDENT/DEDENT tokens. */
    private void indentation() {
        while (true) {
            int col = 0;
            int alt = 0;
            int p = pos;
            while (p < n) {
                char c = s[p];
                if (c == ' ') {
                    col++;
                    alt++;
                } else if (c == '\t') {
                    col = (col / 8 + 1) * 8;
                    alt++;
                } else if (c == '\f') {
                    col = 0;
                    alt = 0;
                } else {
                    break;
                }
                p++;
            }
            if (p >= n) {
                pos = p;
                return;
            }
            char c = s[p];
            if (c == '#' || c == '\n' || c == '\r') {
                while (p < n && s[p] != '\n' && s[p] != '\r') {
                    p++;
                }
                if (p < n) {
                    p += (s[p] == '\r' && p + 1 < n && s[p + 1] == '\n') ? 2 : 1;
                }
                pos = p;
                continue;
            }
            int top = levels == 0 ? 0 : indents[levels - 1];
            int altTop = levels == 0 ? 0 : altIndents[levels - 1];
            if (col > top) {
                if (alt <= altTop) {
                    problem(p, "inconsistent use of tabs and spaces in indentation");
                }
                if (levels + 1 >= MAX_INDENT_LEVELS) { // as CPython: 99 indents at most (MAXINDENT 100 counts level 0)
                    problem(p, "too many levels of indentation");
                } else {
                    indents[levels] = col;
                    altIndents[levels] = alt;
                    levels++;
                    emitLayout(TokenKind.INDENT, p);
                }
            } else if (col < top) {
                while (levels > 0 && col < indents[levels - 1]) {
                    levels--;
                    emitLayout(TokenKind.DEDENT, p);
                }
                int now = levels == 0 ? 0 : indents[levels - 1];
                int altNow = levels == 0 ? 0 : altIndents[levels - 1];
                if (col != now) {
                    problem(p, "unindent does not match any outer indentation level");
                } else if (alt != altNow) {
                    problem(p, "inconsistent use of tabs and spaces in indentation");
                }
            } else if (alt != altTop) {
                problem(p, "inconsistent use of tabs and spaces in indentation");
            }
            pos = p;
            return;
        }
    }

    /** Spaces, tabs, form feeds, comments and backslash continuations; they stay pending as trivia. */
    private void skipTrivia() {
        while (pos < n) {
            char c = s[pos];
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < n && s[pos] != '\n' && s[pos] != '\r') {
                    pos++;
                }
            } else if (c == '\\') {
                if (pos + 1 < n && (s[pos + 1] == '\n' || s[pos + 1] == '\r')) {
                    pos += (s[pos + 1] == '\r' && pos + 2 < n && s[pos + 2] == '\n') ? 3 : 2;
                } else if (pos + 1 >= n) {
                    problem(pos, "unexpected EOF while parsing");
                    emit(TokenKind.ERROR, pos, pos + 1, null);
                    pos++;
                } else {
                    problem(pos, "unexpected character after line continuation character");
                    emit(TokenKind.ERROR, pos, pos + 1, null);
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c)
                || c >= 0x80 && Character.isSurrogate(c);
    }

    private boolean isIdentPart(int i) {
        char c = s[i];
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
            return true;
        }
        if (c < 0x80) {
            return false;
        }
        return Character.isUnicodeIdentifierPart(Character.codePointAt(s, i, n)) && !Character.isIdentifierIgnorable(c)
                || Character.isLetter(c);
    }

    private void scanNameOrString() {
        int from = pos;
        int p = pos;
        if (s[p] >= 0x80 && !Character.isUnicodeIdentifierStart(Character.codePointAt(s, p, n))) {
            invalidCharacter();
            return;
        }
        p += s[p] < 0x80 ? 1 : Character.charCount(Character.codePointAt(s, p, n));
        while (p < n) {
            char c = s[p];
            if (c < 0x80) {
                if (!ASCII_IDENT[c]) {
                    break;
                }
                p++;
            } else if (isIdentPart(p)) {
                p += Character.charCount(Character.codePointAt(s, p, n));
            } else {
                break;
            }
        }
        if (p < n && (s[p] == '"' || s[p] == '\'') && p - from <= 2) {
            int flags = stringPrefixFlags(from, p);
            if (flags >= 0) {
                pos = p;
                scanString(from, p, (flags & 1) != 0, (flags & 2) != 0);
                return;
            }
        }
        pos = p;
        String text = names.get(s, from, p);
        emit(names.lastWasKeyword() ? TokenKind.KEYWORD : TokenKind.NAME, from, p, text);
    }

    /** Bit 1 = raw, bit 2 = f-string; -1 when the letters are not a string prefix. */
    private int stringPrefixFlags(int from, int to) {
        boolean r = false;
        boolean f = false;
        boolean b = false;
        boolean u = false;
        for (int i = from; i < to; i++) {
            switch (s[i]) {
                case 'r', 'R' -> {
                    if (r) {
                        return -1;
                    }
                    r = true;
                }
                case 'f', 'F' -> {
                    if (f) {
                        return -1;
                    }
                    f = true;
                }
                case 'b', 'B' -> {
                    if (b) {
                        return -1;
                    }
                    b = true;
                }
                case 'u', 'U' -> {
                    if (u) {
                        return -1;
                    }
                    u = true;
                }
                default -> {
                    return -1;
                }
            }
        }
        if (u && (to - from) > 1 || b && f) {
            return -1;
        }
        return (r ? 1 : 0) | (f ? 2 : 0);
    }

    private void invalidCharacter() {
        int cp = Character.codePointAt(s, pos, n);
        int len = Character.charCount(cp);
        String shown = cp < 0x20 ? "" : new String(Character.toChars(cp));
        if (cp == 0) {
            problem(pos, "source code cannot contain null bytes");
        } else {
            problem(pos, "invalid character '" + shown + "' (U+" + String.format("%04X", cp) + ")");
        }
        emit(TokenKind.ERROR, pos, pos + len, null);
        pos += len;
    }

    /** {@code pos} is at the opening quote; {@code from} is where the prefix starts. */
    private void scanString(int from, int quoteAt, boolean raw, boolean fstring) {
        char q = s[quoteAt];
        boolean triple = quoteAt + 2 < n && s[quoteAt + 1] == q && s[quoteAt + 2] == q;
        int p = quoteAt + (triple ? 3 : 1);
        if (fstring) {
            pos = p;
            emit(TokenKind.FSTRING_START, from, p, null);
            FString f = new FString(q, triple, raw);
            fstrings.add(f);
            return;
        }
        while (p < n) {
            char c = s[p];
            if (c == '\\') {
                p += (p + 2 < n && s[p + 1] == '\r' && s[p + 2] == '\n') ? 3 : 2;
                continue;
            }
            if (c == q) {
                if (!triple) {
                    pos = p + 1;
                    emit(TokenKind.STRING, from, pos, null);
                    return;
                }
                if (p + 2 < n && s[p + 1] == q && s[p + 2] == q) {
                    pos = p + 3;
                    emit(TokenKind.STRING, from, pos, null);
                    return;
                }
            } else if ((c == '\n' || c == '\r') && !triple) {
                break;
            }
            p++;
        }
        p = Math.min(p, n);
        problem(from, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
        pos = p;
        emit(TokenKind.ERROR, from, p, null);
    }

    /** Literal text of an f-string or of a format spec, up to a field, the closing quote, or '}'. */
    private void scanFStringText(FString f) {
        int from = pos;
        int p = pos;
        while (p < n) {
            char c = s[p];
            if (c == '\\') {
                if (p + 1 < n && (s[p + 1] == '{' || s[p + 1] == '}')) {
                    p++;
                    continue;
                }
                if (!f.raw && p + 2 < n && s[p + 1] == 'N' && s[p + 2] == '{') {
                    p += 3;
                    while (p < n && s[p] != '}' && s[p] != f.quote && s[p] != '\n') {
                        p++;
                    }
                    if (p < n && s[p] == '}') {
                        p++;
                    }
                    continue;
                }
                p += (p + 2 < n && s[p + 1] == '\r' && s[p + 2] == '\n') ? 3 : 2;
                continue;
            }
            if (c == f.quote && (!f.triple || p + 2 < n && s[p + 1] == c && s[p + 2] == c)) {
                break;
            }
            if ((c == '\n' || c == '\r') && !f.triple) {
                break;
            }
            if (c == '{' || c == '}') {
                if (f.state == LITERAL && p + 1 < n && s[p + 1] == c) {
                    p += 2;
                    continue;
                }
                break;
            }
            p++;
        }
        if (p > n) {
            p = n;
        }
        if (p > from) {
            pos = p;
            emit(TokenKind.FSTRING_MIDDLE, from, p, null);
        }
        pos = p;
        if (p >= n || s[p] == '\n' || s[p] == '\r') {
            fstrings.remove(fstrings.size() - 1);
            problem(p, "unterminated " + (f.triple ? "triple-quoted " : "") + "f-string literal");
            depth = f.fields > 0 ? f.fieldDepth[0] : depth;
            return;
        }
        char c = s[p];
        if (c == '{') {
            openField(f, f.state == SPEC);
        } else if (c == '}') {
            if (f.state == SPEC) {
                closeField(f);
            } else {
                problem(p, "f-string: single '}' is not allowed");
                emit(TokenKind.ERROR, p, p + 1, null);
                pos = p + 1;
            }
        } else {
            if (f.state == SPEC) {
                problem(p, "f-string: expecting '}'");
                depth = f.fieldDepth[0];
                f.fields = 0;
            }
            int len = f.triple ? 3 : 1;
            pos = p + len;
            emit(TokenKind.FSTRING_END, p, pos, null);
            fstrings.remove(fstrings.size() - 1);
        }
    }

    private void openField(FString f, boolean inSpec) {
        if (f.fields == f.fieldDepth.length) {
            problem(pos, "f-string: expressions nested too deeply");
            emit(TokenKind.ERROR, pos, pos + 1, null);
            pos++;
            return;
        }
        f.fieldDepth[f.fields] = depth;
        f.fieldInSpec[f.fields] = inSpec;
        f.fields++;
        depth++;
        f.state = EXPR;
        emit(TokenKind.OP, pos, pos + 1, "{");
        pos++;
    }

    private void closeField(FString f) {
        f.fields--;
        depth = f.fieldDepth[f.fields];
        f.state = f.fieldInSpec[f.fields] ? SPEC : LITERAL;
        emit(TokenKind.OP, pos, pos + 1, "}");
        pos++;
    }

    /** Inside a replacement field: ':' and '!' at field level and the closing '}' switch modes. */
    private boolean fieldPunctuation(char c) {
        FString f = fstrings.get(fstrings.size() - 1);
        if (f.state != EXPR || f.fields == 0 || depth != f.fieldDepth[f.fields - 1] + 1) {
            return false;
        }
        if (c == '}') {
            closeField(f);
            return true;
        }
        if (c == ':') {
            emit(TokenKind.OP, pos, pos + 1, ":");
            pos++;
            f.state = SPEC;
            return true;
        }
        if (c == '!' && (pos + 1 >= n || s[pos + 1] != '=')) {
            emit(TokenKind.OP, pos, pos + 1, "!");
            pos++;
            return true;
        }
        return false;
    }

    /** Numbers as CPython reads them, with its checks on digits, underscores and what may follow. */
    private void scanNumber() {
        int from = pos;
        char c = s[pos];
        if (c == '0' && pos + 1 < n && "xXoObB".indexOf(s[pos + 1]) >= 0) {
            char kind = Character.toLowerCase(s[pos + 1]);
            String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            int p = pos + 2;
            int digits = 0;
            boolean bad = false;
            while (p < n) {
                char d = s[p];
                if (d == '_' && p + 1 < n && validDigit(s[p + 1], kind)) {
                    p++;
                } else if (validDigit(d, kind)) {
                    p++;
                    digits++;
                } else {
                    break;
                }
            }
            if (p < n && s[p] >= '0' && s[p] <= '9') {
                problem(p, "invalid digit '" + s[p] + "' in " + name + " literal");
                bad = true;
                p++;
            } else if (digits == 0 || p < n && s[p] == '_') {
                problem(from, "invalid " + name + " literal");
                bad = true;
            }
            pos = p;
            if (!bad) {
                checkEndOfNumber(name);
            }
            emit(TokenKind.NUMBER, from, pos, null);
            return;
        }
        boolean isFloat = false;
        boolean bad = false;
        int p = pos;
        if (c != '.') {
            p = digits(p);
            bad = p < 0;
            p = Math.abs(p);
        }
        if (!bad && p < n && s[p] == '.') {
            isFloat = true;
            p++;
            if (p < n && s[p] >= '0' && s[p] <= '9') {
                p = digits(p);
                bad = p < 0;
                p = Math.abs(p);
            }
        }
        if (!bad && p < n && (s[p] == 'e' || s[p] == 'E')) {
            int q = p + 1;
            if (q < n && (s[q] == '+' || s[q] == '-')) {
                q++;
            }
            if (q < n && s[q] >= '0' && s[q] <= '9') {
                isFloat = true;
                p = digits(q);
                bad = p < 0;
                p = Math.abs(p);
            }
        }
        if (!bad && p < n && (s[p] == 'j' || s[p] == 'J')) {
            isFloat = true;
            p++;
        }
        pos = p;
        if (bad) {
            problem(from, "invalid decimal literal");
        } else if (!isFloat && s[from] == '0' && hasNonZeroDigit(from, p)) {
            problem(from, "leading zeros in decimal integer literals are not permitted; "
                    + "use an 0o prefix for octal integers");
        } else {
            checkEndOfNumber("decimal");
        }
        emit(TokenKind.NUMBER, from, pos, null);
    }

    private boolean hasNonZeroDigit(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != '0' && s[i] != '_') {
                return true;
            }
        }
        return false;
    }

    private static boolean validDigit(char d, char kind) {
        return switch (kind) {
            case 'x' -> d >= '0' && d <= '9' || d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F';
            case 'o' -> d >= '0' && d <= '7';
            default -> d == '0' || d == '1';
        };
    }

    /** A number may be followed directly by a few keywords ({@code 1if x else y}) but not by other names. */
    private void checkEndOfNumber(String name) {
        if (pos >= n || !isIdentStart(s[pos])) {
            return;
        }
        int p = pos;
        while (p < n && isIdentPart(p)) {
            p++;
        }
        switch (new String(s, pos, p - pos)) {
            case "and", "else", "for", "if", "in", "is", "not", "or" -> {
            }
            default -> problem(pos, "invalid " + name + " literal");
        }
    }

    /** Digits with single underscores between them; negative (the end, negated) when an underscore is misplaced. */
    private int digits(int p) {
        while (p < n) {
            char d = s[p];
            if (d >= '0' && d <= '9') {
                p++;
            } else if (d == '_') {
                if (p + 1 < n && s[p + 1] >= '0' && s[p + 1] <= '9') {
                    p++;
                } else {
                    return -(p + 1);
                }
            } else {
                break;
            }
        }
        return p;
    }

    private void scanOperator(char c) {
        int from = pos;
        String op = null;
        if (pos + 2 < n) {
            op = three(c, s[pos + 1], s[pos + 2]);
        }
        if (op == null && pos + 1 < n) {
            op = two(c, s[pos + 1]);
        }
        if (op == null) {
            op = one(c);
        }
        if (op == null) {
            invalidCharacter();
            return;
        }
        pos += op.length();
        switch (c) {
            case '(', '[', '{' -> depth++;
            case ')', ']', '}' -> {
                if (depth > 0 && (fstrings.isEmpty() || depth > innermostFieldDepth())) {
                    depth--;
                }
            }
            default -> {
            }
        }
        emit(TokenKind.OP, from, pos, op);
    }

    private int innermostFieldDepth() {
        FString f = fstrings.get(fstrings.size() - 1);
        return f.fields == 0 ? 0 : f.fieldDepth[f.fields - 1] + 1;
    }

    // Operators are returned as literals (JVM-interned), so the parser may compare them by identity.

    private static String three(char a, char b, char c) {
        if (c == '=') {
            if (a == '*' && b == '*') {
                return "**=";
            }
            if (a == '/' && b == '/') {
                return "//=";
            }
            if (a == '>' && b == '>') {
                return ">>=";
            }
            if (a == '<' && b == '<') {
                return "<<=";
            }
        }
        return a == '.' && b == '.' && c == '.' ? "..." : null;
    }

    private static String two(char a, char b) {
        if (b == '=') {
            return switch (a) {
                case '<' -> "<=";
                case '>' -> ">=";
                case '=' -> "==";
                case '!' -> "!=";
                case '+' -> "+=";
                case '-' -> "-=";
                case '*' -> "*=";
                case '/' -> "/=";
                case '%' -> "%=";
                case '&' -> "&=";
                case '|' -> "|=";
                case '^' -> "^=";
                case '@' -> "@=";
                case ':' -> ":=";
                default -> null;
            };
        }
        if (a == b) {
            return switch (a) {
                case '*' -> "**";
                case '/' -> "//";
                case '<' -> "<<";
                case '>' -> ">>";
                default -> null;
            };
        }
        return a == '-' && b == '>' ? "->" : null;
    }

    private static String one(char c) {
        return switch (c) {
            case '(' -> "(";
            case ')' -> ")";
            case '[' -> "[";
            case ']' -> "]";
            case '{' -> "{";
            case '}' -> "}";
            case ':' -> ":";
            case ',' -> ",";
            case ';' -> ";";
            case '+' -> "+";
            case '-' -> "-";
            case '*' -> "*";
            case '/' -> "/";
            case '|' -> "|";
            case '&' -> "&";
            case '<' -> "<";
            case '>' -> ">";
            case '=' -> "=";
            case '.' -> ".";
            case '%' -> "%";
            case '~' -> "~";
            case '^' -> "^";
            case '@' -> "@";
            case '!' -> "!";
            default -> null;
        };
    }
}
