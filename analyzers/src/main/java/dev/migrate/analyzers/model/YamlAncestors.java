package dev.migrate.analyzers.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields above each line of block YAML read one line at a time (a diff's hunk, whose lines come in order): a
 * line's ancestors are the {@code field:} lines without a value above it, each less indented than the last. Only
 * what the lines read so far show is known; a hunk that starts below the field gives fewer ancestors, never wrong
 * ones, since the lines of a hunk are contiguous.
 */
public final class YamlAncestors {
    /** A mapping entry: indentation, sequence dashes, the key (quoted or not), the rest of the line. */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*(?:-\\s+)*)[\"']?([A-Za-z0-9_.$/-]+)[\"']?\\s*:(?:\\s+(.*))?$");

    private record Field(int indent, String name) {
    }

    private final Deque<Field> open = new ArrayDeque<>();
    /** The indentation of the field whose block scalar ({@code run: |}) the next, deeper lines belong to; -1 for none. */
    private int blockScalarAt = -1;

    /** Forgets the lines read so far: a new hunk or file. */
    public void reset() {
        open.clear();
        blockScalarAt = -1;
    }

    /** The fields above {@code line} (outermost first), then reads it as the next line. */
    public List<String> next(String line) {
        String stripped = line.stripTrailing();
        if (stripped.isBlank() || stripped.stripLeading().startsWith("#")) {
            return names();
        }
        int leading = stripped.length() - stripped.stripLeading().length();
        if (blockScalarAt >= 0 && leading > blockScalarAt) {
            return List.of(); // text of a block scalar (a script), whatever it looks like: no field of the YAML
        }
        blockScalarAt = -1;
        Matcher m = ENTRY.matcher(stripped);
        int indent = m.matches() ? m.group(1).length() : leading;
        while (!open.isEmpty() && open.peekLast().indent() >= indent) {
            open.removeLast();
        }
        List<String> above = names();
        String rest = m.matches() && m.group(3) != null ? m.group(3).strip() : "";
        if (rest.matches("[|>][-+0-9]*(\\s+#.*)?")) {
            blockScalarAt = leading;
        }
        if (m.matches() && (rest.isEmpty() || rest.startsWith("#") || rest.matches("[&!][^\\s]*(\\s+#.*)?"))) {
            open.addLast(new Field(indent, m.group(2)));
        }
        return above;
    }

    private List<String> names() {
        List<String> out = new ArrayList<>(open.size());
        open.forEach(f -> out.add(f.name()));
        return out;
    }
}
