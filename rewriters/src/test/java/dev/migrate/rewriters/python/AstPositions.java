package dev.migrate.rewriters.python;

import dev.migrate.rewriters.python.internal.LineMap;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.SourceRanges;
import dev.migrate.rewriters.python.tree.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Our tree seen the way CPython's {@code ast} reports it: "Kind line col end_line end_col" for every
 * statement and every Call, Attribute, Name and Constant, with UTF-8 byte columns. f-strings are
 * skipped, as in {@code cpython_positions.py}.
 */
final class AstPositions {
    private static final Properties KINDS = new Properties();

    static {
        try (InputStream in = AstPositions.class.getResourceAsStream("/python/cpython-kinds.properties")) {
            KINDS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final String text;
    private final LineMap lines;
    private final SourceRanges ranges;
    private final List<String> out = new ArrayList<>();

    private AstPositions(PythonFile file) {
        this.text = file.text();
        this.lines = new LineMap(text.toCharArray());
        this.ranges = SourceRanges.of(file.module());
    }

    static List<String> of(PythonFile file) {
        AstPositions p = new AstPositions(file);
        p.walk(file.module());
        return p.out;
    }

    private void walk(Node root) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.kind() == NodeKind.STRING && n.firstNode(NodeKind.FSTRING) != null) {
                continue;
            }
            String kind = KINDS.getProperty(n.kind().name());
            if (kind != null && n.kind() != NodeKind.ELIF_CLAUSE) {
                emit(n, cpythonKind(n, kind), start(n), ranges.end(n));
            }
            if (n.kind() == NodeKind.IF) {
                for (Node elif : n.nodes(NodeKind.ELIF_CLAUSE)) {
                    emit(elif, "If", ranges.start(elif), ranges.end(n));
                }
            }
            for (PyElement c : n.children()) {
                if (c instanceof Node child) {
                    stack.push(child);
                }
            }
        }
    }

    private static String cpythonKind(Node n, String kind) {
        switch (n.kind()) {
            case FUNCTION_DEF, FOR, WITH:
                return n.hasToken("async") ? "Async" + kind : kind;
            case TRY:
                for (Node clause : n.nodes(NodeKind.EXCEPT_CLAUSE)) {
                    if (clause.hasToken("*")) {
                        return "TryStar";
                    }
                }
                return kind;
            default:
                return kind;
        }
    }

    /** Definitions start at 'def'/'async'/'class', after their decorators. */
    private int start(Node n) {
        if (n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.CLASS_DEF) {
            for (PyElement c : n.children()) {
                if (c instanceof Token t) {
                    return ranges.start(t);
                }
            }
        }
        return ranges.start(n);
    }

    private void emit(Node n, String kind, int start, int end) {
        out.add(kind + " " + lines.line(start) + " " + byteColumn(start) + " " + lines.line(end) + " "
                + byteColumn(end));
    }

    private int byteColumn(int offset) {
        int lineStart = lines.lineStart(lines.line(offset));
        int bytes = 0;
        for (int i = lineStart; i < offset; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
