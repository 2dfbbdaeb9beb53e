package dev.migrate.rewriters.python.edit;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.SourceRanges;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;

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
        Node module = parse(restyle(code.strip(), style, ""));
        Node line = module.firstNode(NodeKind.SIMPLE_LINE);
        Node stmt = line == null ? null : line.firstNode(NodeKind.EXPR_STMT);
        if (stmt == null) {
            throw new IllegalArgumentException("not an expression: " + code);
        }
        return stmt.nodes().get(0);
    }

    /**
     * Parses statements and indents them for a block whose statements start with {@code indent}.
     * The returned elements are block-level (SIMPLE_LINE or compound statements), each with its own
     * indentation as prefix, ready to sit next to siblings in that block.
     */
    public static List<PyElement> statements(String code, PythonStyle style, String indent) {
        String text = restyle(stripIndent(code), style, indent);
        if (!text.endsWith(style.newline())) {
            text = text + style.newline();
        }
        List<PyElement> out = new ArrayList<>();
        if (indent.isEmpty()) {
            Node module = parse(text);
            for (int i = 0; i < module.childCount() - 1; i++) {
                PyElement c = module.child(i);
                out.add(i == 0 ? c.withPrefix(module.prefix()) : c);
            }
            return out;
        }
        Node module = parse("if True:" + style.newline() + text);
        Node suite = module.firstNode(NodeKind.IF).firstNode(NodeKind.SUITE);
        for (PyElement c : suite.children()) {
            if (c instanceof Node n) {
                out.add(n);
            }
        }
        return out;
    }

    private static Node parse(String text) {
        PythonFile f = PythonParser.parse(text);
        if (f.hasSyntaxErrors()) {
            throw new IllegalArgumentException("snippet does not parse: " + f.diagnostics().get(0).message()
                    + " in: " + text);
        }
        return f.module();
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
     */
    static String restyle(String code, PythonStyle style, String indent) {
        String quoted = preferQuotes(code, style.quote());
        boolean[] inString = linesInsideStrings(quoted);
        String[] lines = quoted.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
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

    private static boolean[] linesInsideStrings(String code) {
        String[] lines = code.split("\n", -1);
        boolean[] inside = new boolean[lines.length];
        PythonFile f = PythonParser.parse(code);
        SourceRanges ranges = SourceRanges.of(f.module());
        int[] lineStarts = new int[lines.length];
        int off = 0;
        for (int i = 0; i < lines.length; i++) {
            lineStarts[i] = off;
            off += lines[i].length() + 1;
        }
        for (Token t : Nodes.tokens(f.module())) {
            if (t.kind() == TokenKind.STRING || t.kind() == TokenKind.FSTRING_MIDDLE) {
                int start = ranges.start(t);
                int end = ranges.end(t);
                for (int i = 0; i < lines.length; i++) {
                    if (lineStarts[i] > start && lineStarts[i] < end) {
                        inside[i] = true;
                    }
                }
            }
        }
        return inside;
    }

    /** Rewrites 'x' to "x" (or back) when the body has no quotes or backslashes, so meaning is unchanged. */
    private static String preferQuotes(String code, char quote) {
        PythonFile f = PythonParser.parse(code);
        SourceRanges ranges = SourceRanges.of(f.module());
        StringBuilder sb = new StringBuilder(code);
        for (Token t : Nodes.tokens(f.module())) {
            if (t.kind() != TokenKind.STRING) {
                continue;
            }
            String text = t.text();
            String q = StringLiterals.quote(text);
            if (q.length() != 1 || q.charAt(0) == quote) {
                continue;
            }
            String prefix = text.substring(0, text.indexOf(q));
            String body = text.substring(prefix.length() + 1, text.length() - 1);
            if (body.indexOf('\'') < 0 && body.indexOf('"') < 0 && body.indexOf('\\') < 0) {
                int start = ranges.start(t);
                sb.setCharAt(start + prefix.length(), quote);
                sb.setCharAt(start + text.length() - 1, quote);
            }
        }
        return sb.toString();
    }
}
