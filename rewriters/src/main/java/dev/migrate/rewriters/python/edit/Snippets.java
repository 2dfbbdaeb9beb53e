package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds tree fragments from code written the usual way (four-space indent, "\n", either quote) and
 * restyles them to the target file's conventions: its indent unit, its newline, its preferred quote
 * (for plain literals that contain no quote or backslash).
 */
public final class Snippets {
    private Snippets() {
    }

    /** Parses one expression. */
    public static Node expression(String code, PythonStyle style) {
        Node module = parsed(restyled(code.strip(), style, ""));
        Node line = module.firstNode(NodeKind.SIMPLE_LINE);
        Node stmt = line == null ? null : line.firstNode(NodeKind.EXPR_STMT);
        if (stmt == null) {
            throw new IllegalArgumentException("not an expression: " + code);
        }
        return copy(stmt.nodes().get(0));
    }

    /**
     * Parses statements and indents them for a block whose statements start with {@code indent}.
     * The returned elements are block-level (SIMPLE_LINE or compound statements), each with its own
     * indentation as prefix, ready to sit next to siblings in that block.
     */
    public static List<PyElement> statements(String code, PythonStyle style, String indent) {
        String text = restyled(stripIndent(code), style, indent);
        if (!text.endsWith(style.newline())) {
            text = text + style.newline();
        }
        List<PyElement> out = new ArrayList<>();
        if (indent.isEmpty()) {
            Node module = parsed(text);
            for (int i = 0; i < module.childCount() - 1; i++) {
                PyElement c = module.child(i);
                out.add(copy(i == 0 ? c.withPrefix(module.prefix()) : c));
            }
            return out;
        }
        Node module = parsed("if True:" + style.newline() + text);
        Node suite = module.firstNode(NodeKind.IF).firstNode(NodeKind.SUITE);
        for (PyElement c : suite.children()) {
            if (c instanceof Node n) {
                out.add(copy(n));
            }
        }
        return out;
    }

    /**
     * A fresh copy of a cached fragment: edits find nodes by identity, so two insertions of the same snippet
     * must not share node objects (tokens are immutable leaves and are shared).
     */
    private static PyElement copy(PyElement e) {
        return e instanceof Node n ? copy(n) : e;
    }

    private static Node copy(Node n) {
        Node fresh = n.freshCopy();
        // tests run with assertions on: the copy is checked against building it child by child, as it used to be
        assert sameShape(fresh, copiedByOf(n)) : "a fresh copy differs from one built with Node.of";
        return fresh;
    }

    /** The copy as {@link Node#of} builds it from copied children (the first child's prefix lifted onto the node). */
    private static Node copiedByOf(Node n) {
        List<PyElement> kids = new ArrayList<>(n.childCount());
        for (PyElement c : n.children()) {
            kids.add(c instanceof Node child ? copiedByOf(child) : c);
        }
        Node fresh = Node.of(n.kind(), kids);
        return n.prefix().isEmpty() ? fresh : fresh.withPrefix(n.prefix());
    }

    /** Same kinds, prefixes, lengths and tokens (identity) all the way down, and no node shared. */
    private static boolean sameShape(PyElement a, PyElement b) {
        if (a instanceof Token || b instanceof Token) {
            return a == b;
        }
        Node x = (Node) a;
        Node y = (Node) b;
        if (x == y || x.kind() != y.kind() || !x.prefix().equals(y.prefix()) || x.length() != y.length()
                || x.childCount() != y.childCount()) {
            return false;
        }
        for (int i = 0; i < x.childCount(); i++) {
            if (!sameShape(x.child(i), y.child(i))) {
                return false;
            }
        }
        return true;
    }

    /** The module a snippet text parses to, parsed once per text (recipes generate the same snippets often). */
    private static Node parsed(String text) {
        PythonFile f = parsedTolerantly(text);
        if (f.hasSyntaxErrors()) {
            throw new IllegalArgumentException("snippet does not parse: " + f.diagnostics().get(0).message()
                    + " in: " + text);
        }
        return f.module();
    }

    /** The parse of a text, syntax errors kept as ERROR nodes (restyling reads the tokens of any text). */
    private static PythonFile parsedTolerantly(String text) {
        return CACHE.get().parsed.computeIfAbsent(text, PythonParser::parse);
    }

    private static String restyled(String code, PythonStyle style, String indent) {
        String key = style.indent() + '\u0000' + style.newline() + '\u0000' + style.quote() + '\u0000' + indent
                + '\u0000' + code;
        return CACHE.get().restyled.computeIfAbsent(key, k -> restyle(code, style, indent));
    }

    /** Per-thread, bounded caches of restyled texts and parsed snippets. */
    private static final ThreadLocal<Caches> CACHE = ThreadLocal.withInitial(Caches::new);

    private static final class Caches {
        final Map<String, String> restyled = bounded();
        final Map<String, PythonFile> parsed = bounded();

        private static <V> Map<String, V> bounded() {
            return new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > 512;
                }
            };
        }
    }

    /** Removes the common leading indentation of the non-blank lines. */
    static String stripIndent(String code) {
        String[] lines = code.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int i = 0;
                while (i < l.length() && l.charAt(i) == ' ') {
                    i++;
                }
                common = Math.min(common, i);
            }
        }
        if (common == Integer.MAX_VALUE || common == 0) {
            return code.strip() + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.length() >= common ? l.substring(common) : l.strip()).append('\n');
        }
        return sb.toString().strip() + "\n";
    }

    /**
     * Four-space indentation becomes the file's unit, "\n" its newline, and every line gets
     * {@code indent} in front, except lines inside multi-line string literals, whose text is content.
     * Plain literals take the file's preferred quote. One parse of {@code code} serves both: swapping a
     * literal's quotes keeps every offset.
     */
    static String restyle(String code, PythonStyle style, String indent) {
        String[] lines = code.split("\n", -1);
        boolean[] inString = new boolean[lines.length];
        StringBuilder quoted = new StringBuilder(code);
        if (code.indexOf('\'') >= 0 || code.indexOf('"') >= 0) {
            // only string literals need the parse (code without a quote has none): most snippets are plain calls
            findStrings(code, lines, style, inString, quoted);
        }
        String[] styled = quoted.toString().split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < styled.length; i++) {
            String line = styled[i];
            if (i > 0) {
                sb.append(style.newline());
            }
            if (inString[i] || line.isEmpty()) {
                sb.append(line);
                continue;
            }
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            sb.append(indent).append(style.indent().repeat(spaces / 4)).append(" ".repeat(spaces % 4))
                    .append(line.substring(spaces));
        }
        return sb.toString();
    }

    /** Marks the lines inside multi-line string literals and gives plain literals the preferred quote. */
    private static void findStrings(String code, String[] lines, PythonStyle style, boolean[] inString,
            StringBuilder quoted) {
        int[] lineStarts = new int[lines.length];
        int off = 0;
        for (int i = 0; i < lines.length; i++) {
            lineStarts[i] = off;
            off += lines[i].length() + 1;
        }
        List<Token> strings = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Set<Token> inFString = Collections.newSetFromMap(new IdentityHashMap<>());
        collectStrings(parsedTolerantly(code).module(), 0, strings, starts, inFString, false);
        for (int k = 0; k < strings.size(); k++) {
            Token t = strings.get(k);
            int start = starts.get(k);
            int end = start + t.text().length();
            for (int i = 0; i < lines.length; i++) {
                if (lineStarts[i] > start && lineStarts[i] < end) {
                    inString[i] = true;
                }
            }
            // a literal inside an f-string's {} must keep quotes other than the f-string's before Python 3.12
            if (t.kind() == TokenKind.STRING && !inFString.contains(t)) {
                preferQuote(t, start, style.quote(), quoted);
            }
        }
    }

    /**
     * Collects the string tokens of {@code e}, which starts at {@code offset}, with where their text starts;
     * returns the offset after {@code e}.
     */
    private static int collectStrings(PyElement e, int offset, List<Token> strings, List<Integer> starts,
                                      Set<Token> inFString, boolean nested) {
        if (e instanceof Token t) {
            if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.FSTRING_MIDDLE) {
                strings.add(t);
                starts.add(offset + t.prefix().length());
                if (nested) {
                    inFString.add(t);
                }
            }
            return offset + t.length();
        }
        Node n = (Node) e;
        int at = offset + n.prefix().length();
        boolean inside = nested || n.kind() == NodeKind.FSTRING;
        for (int i = 0; i < n.childCount(); i++) {
            at = collectStrings(n.child(i), at, strings, starts, inFString, inside);
        }
        return at;
    }

    /** Rewrites 'x' to "x" (or back) when the body has no quotes or backslashes, so meaning is unchanged. */
    private static void preferQuote(Token t, int start, char quote, StringBuilder out) {
        String text = t.text();
        String q = StringLiterals.quote(text);
        if (q.length() != 1 || q.charAt(0) == quote) {
            return;
        }
        String prefix = text.substring(0, text.indexOf(q));
        String body = text.substring(prefix.length() + 1, text.length() - 1);
        if (body.indexOf('\'') < 0 && body.indexOf('"') < 0 && body.indexOf('\\') < 0) {
            out.setCharAt(start + prefix.length(), quote);
            out.setCharAt(start + text.length() - 1, quote);
        }
    }
}
