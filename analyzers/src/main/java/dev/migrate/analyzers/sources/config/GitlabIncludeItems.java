package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a pipeline's top-level {@code include:}, each with its keys, as GitLab reads them: a string
 * ({@code include: ci/a.yml}, a plain list item), a list of those or of mappings ({@code - project: group/x} with its
 * {@code ref:} and {@code file:} lines, {@code - local: ci/b.yml} with its {@code rules:}), flow forms
 * ({@code [a.yml, b.yml]}, {@code [{ project: data/ci, file: [a.yml, b.yml] }]}) or one mapping under the key. Read
 * line by line, not as a YAML tree: an item's keys are the lines at its own key indentation, and only a key's scalar
 * or list of scalars is kept, so a {@code file:} list is the project's files, never local includes of their own, and
 * the values under {@code rules:} or {@code inputs:} are nobody's path.
 */
final class GitlabIncludeItems {
    /** {@code include:} at the top level: group 1 its value on the line, if any. */
    private static final Pattern INCLUDE = Pattern.compile("^include[ \\t]*:(?:[ \\t]+(.*))?$");
    /** {@code key: value} at the start of an item's text: group 1 the key, group 2 the value (possibly empty). */
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][\\w-]*)[ \\t]*:(?:[ \\t]+(.*)|$)");

    /** A scalar as written, unquoted, with its 1-based line and column. */
    record Value(String text, int line, int column) {
    }

    /**
     * One include: {@code plain} for a string item (else null), else its keys with their values (a scalar is a list of
     * one); {@code line} and {@code column} (1-based) where it is written (a string's value, a mapping's first key).
     */
    record Item(Value plain, Map<String, List<Value>> keys, int line, int column) {
        /** The first value of {@code key}, or null. */
        Value first(String key) {
            List<Value> v = keys.get(key);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private GitlabIncludeItems() {
    }

    /** The include items of a pipeline's text, in order. */
    static List<Item> of(String text) {
        List<Item> out = new ArrayList<>();
        if (!text.contains("include")) {
            return out;
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher inc = INCLUDE.matcher(lines[i]);
            if (!inc.matches()) {
                continue;
            }
            String value = inc.group(1) == null ? "" : uncommented(inc.group(1));
            if (!value.isBlank()) {
                flowItems(value, i, inc.start(1), out);
                continue;
            }
            int end = i + 1;
            while (end < lines.length && (isSkipped(lines[end]) || lines[end].startsWith(" ")
                    || lines[end].startsWith("\t") || lines[end].startsWith("-"))) {
                end++;
            }
            block(lines, i + 1, end, out);
            i = end - 1;
        }
        return out;
    }

    /** A block value: list items at the first line's indentation, or one mapping. */
    private static void block(String[] lines, int from, int to, List<Item> out) {
        int first = next(lines, from, to);
        if (first < 0) {
            return;
        }
        int indent = indentOf(lines[first]);
        if (!lines[first].startsWith("-", indent)) {
            mapping(lines, first, to, indent, indent, out);
            return;
        }
        for (int i = first; i < to; i++) {
            if (isSkipped(lines[i]) || indentOf(lines[i]) != indent || !lines[i].startsWith("-", indent)) {
                continue;
            }
            int end = i + 1;
            while (end < to && (isSkipped(lines[end]) || indentOf(lines[end]) > indent)) {
                end++;
            }
            item(lines, i, end, indent, out);
            i = end - 1;
        }
    }

    /** One list item: the dash on line {@code at}, its lines up to {@code end}. */
    private static void item(String[] lines, int at, int end, int dash, List<Item> out) {
        String line = lines[at];
        int start = dash + 1;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        String content = uncommented(line.substring(start));
        if (content.isBlank()) {
            int keys = next(lines, at + 1, end);
            if (keys >= 0) {
                mapping(lines, keys, end, indentOf(lines[keys]), indentOf(lines[keys]), out);
            }
            return;
        }
        if (KEY.matcher(content).matches() && !isQuoted(content)) {
            mapping(lines, at, end, start, start, out);
        } else {
            flowItems(content, at, start, out);
        }
    }

    /**
     * A block mapping whose keys stand at column {@code keyColumn} (the first one on line {@code at}, after the item's
     * dash, at {@code firstColumn}); a key's value is on its line (a scalar, a flow list) or a block list under it.
     */
    private static void mapping(String[] lines, int at, int end, int firstColumn, int keyColumn, List<Item> out) {
        Map<String, List<Value>> keys = new LinkedHashMap<>();
        for (int i = at; i < end; i++) {
            if (isSkipped(lines[i])) {
                continue;
            }
            int col = i == at ? firstColumn : indentOf(lines[i]);
            if (col != keyColumn) {
                continue; // a nested value: a key's block list is read with its key
            }
            Matcher k = KEY.matcher(uncommented(lines[i].substring(col)));
            if (!k.matches()) {
                continue;
            }
            List<Value> values = new ArrayList<>();
            String inline = k.group(2) == null ? "" : k.group(2);
            if (!inline.isBlank()) {
                Flow.Node n = new Flow(inline, i, col + k.start(2)).value();
                n.scalars(values);
            } else {
                blockList(lines, i + 1, end, keyColumn, values);
            }
            keys.put(k.group(1), values);
        }
        if (!keys.isEmpty()) {
            out.add(new Item(null, keys, at + 1, firstColumn + 1));
        }
    }

    /** The scalar items of a block list under a key (deeper than {@code keyColumn}, or at it with dashes). */
    private static void blockList(String[] lines, int from, int end, int keyColumn, List<Value> out) {
        int first = next(lines, from, end);
        if (first < 0) {
            return;
        }
        int indent = indentOf(lines[first]);
        if (indent < keyColumn || !lines[first].startsWith("-", indent)) {
            return;
        }
        for (int i = first; i < end; i++) {
            String l = lines[i];
            if (isSkipped(l)) {
                continue;
            }
            if (indentOf(l) < indent || indentOf(l) == indent && !l.startsWith("-", indent)) {
                return;
            }
            if (indentOf(l) != indent) {
                continue;
            }
            int start = indent + 1;
            while (start < l.length() && (l.charAt(start) == ' ' || l.charAt(start) == '\t')) {
                start++;
            }
            String content = uncommented(l.substring(start));
            if (!content.isBlank() && (isQuoted(content) || !KEY.matcher(content).matches())) {
                new Flow(content, i, start).value().scalars(out);
            }
        }
    }

    /** An inline value ({@code ci/a.yml}, {@code [a.yml, {project: x, file: y}]}, {@code {local: a.yml}}) as items. */
    private static void flowItems(String value, int line, int column, List<Item> out) {
        Flow.Node n = new Flow(value, line, column).value();
        List<Flow.Node> items = n instanceof Flow.Seq s ? s.items() : List.of(n);
        for (Flow.Node item : items) {
            if (item instanceof Flow.Scalar s && !s.value().text().isEmpty()) {
                out.add(new Item(s.value(), Map.of(), s.value().line(), s.value().column()));
            } else if (item instanceof Flow.Map m && !m.keys().isEmpty()) {
                Map<String, List<Value>> keys = new LinkedHashMap<>();
                m.keys().forEach((k, v) -> {
                    List<Value> values = new ArrayList<>();
                    v.scalars(values);
                    keys.put(k, values);
                });
                out.add(new Item(null, keys, line + 1, m.column() + 1));
            }
        }
    }

    /**
     * YAML's flow forms on one line: a plain or quoted scalar, {@code [ ... ]} and {@code { key: value, ... }}; each
     * scalar with its column. Enough for an include's value, not a YAML parser.
     */
    private static final class Flow {
        sealed interface Node permits Scalar, Seq, Map {
            /** The scalars of this node: itself, or a list's scalar items. */
            default void scalars(List<Value> out) {
                if (this instanceof Scalar s && !s.value().text().isEmpty()) {
                    out.add(s.value());
                } else if (this instanceof Seq q) {
                    q.items().forEach(i -> {
                        if (i instanceof Scalar s && !s.value().text().isEmpty()) {
                            out.add(s.value());
                        }
                    });
                }
            }
        }

        record Scalar(Value value) implements Node {
        }

        record Seq(List<Node> items) implements Node {
        }

        /** {@code column} 0-based, of its first key. */
        record Map(java.util.Map<String, Node> keys, int column) implements Node {
        }

        private final String s;
        private final int line;
        private final int offset;
        private int i;

        Flow(String s, int line, int offset) {
            this.s = s;
            this.line = line;
            this.offset = offset;
        }

        Node value() {
            return value(false);
        }

        private Node value(boolean inFlow) {
            blanks();
            if (i < s.length() && s.charAt(i) == '[') {
                i++;
                List<Node> items = new ArrayList<>();
                while (true) {
                    blanks();
                    if (i >= s.length() || s.charAt(i) == ']') {
                        i++;
                        return new Seq(items);
                    }
                    items.add(value(true));
                    blanks();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                    } else if (i < s.length() && s.charAt(i) != ']') {
                        i++; // not YAML: skip the character rather than loop
                    }
                }
            }
            if (i < s.length() && s.charAt(i) == '{') {
                i++;
                java.util.Map<String, Node> keys = new LinkedHashMap<>();
                blanks();
                int column = offset + i;
                while (true) {
                    blanks();
                    if (i >= s.length() || s.charAt(i) == '}') {
                        i++;
                        return new Map(keys, column);
                    }
                    Scalar key = scalar(true, true);
                    blanks();
                    Node v = new Scalar(new Value("", line + 1, offset + i + 1));
                    if (i < s.length() && s.charAt(i) == ':') {
                        i++;
                        v = value(true);
                    }
                    keys.put(key.value().text(), v);
                    blanks();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                    } else if (i < s.length() && s.charAt(i) != '}') {
                        i++;
                    }
                }
            }
            return scalar(inFlow, false);
        }

        /** A quoted or plain scalar: a plain one ends at a flow indicator in flow context, at ': ' as a key. */
        private Scalar scalar(boolean inFlow, boolean key) {
            blanks();
            int start = i;
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                char q = s.charAt(i++);
                StringBuilder b = new StringBuilder();
                while (i < s.length() && s.charAt(i) != q) {
                    b.append(s.charAt(i++));
                }
                i++;
                return new Scalar(new Value(b.toString(), line + 1, offset + start + 1));
            }
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inFlow && (c == ',' || c == ']' || c == '}')
                        || key && c == ':' && (i + 1 >= s.length() || " \t,}".indexOf(s.charAt(i + 1)) >= 0)) {
                    break;
                }
                i++;
            }
            return new Scalar(new Value(s.substring(start, i).strip(), line + 1, offset + start + 1));
        }

        private void blanks() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }
    }

    /** The text without a trailing comment: YAML starts one at a {@code #} after a blank, outside quotes. */
    static String uncommented(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                return text.substring(0, i).stripTrailing();
            }
        }
        return text.stripTrailing();
    }

    private static boolean isQuoted(String content) {
        return content.startsWith("\"") || content.startsWith("'");
    }

    private static boolean isSkipped(String line) {
        return line.isBlank() || line.strip().startsWith("#");
    }

    /** The first line from {@code from} (before {@code to}) that is neither blank nor a comment; -1 when none. */
    private static int next(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSkipped(lines[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
