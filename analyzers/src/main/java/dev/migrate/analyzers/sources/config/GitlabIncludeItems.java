package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The items of a pipeline's top-level {@code include:}, each with its keys, as GitLab reads them: a string
 * ({@code include: ci/a.yml}, a plain list item), a list of those or of mappings ({@code - project: group/x} with its
 * {@code ref:} and {@code file:}, {@code - local: ci/b.yml} with its {@code rules:}), in block or flow style, or one
 * mapping under the key. Read from the file's YAML ({@link GitlabCiFile}); only a key's scalar or list of scalars is
 * kept, so a {@code file:} list is the project's files, never local includes of their own, and the values under
 * {@code rules:} or {@code inputs:} are nobody's path.
 */
final class GitlabIncludeItems {
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
        for (GitlabCiFile.TopKey k : GitlabCiFile.of(text).keys()) {
            if (k.name().equals("include")) {
                List<Node> items = k.value() instanceof SequenceNode s ? s.getValue() : List.of(k.value());
                items.forEach(i -> item(i, out));
            }
        }
        return out;
    }

    private static void item(Node n, List<Item> out) {
        if (n instanceof ScalarNode s) {
            Value v = value(s);
            if (v != null) {
                out.add(new Item(v, Map.of(), v.line(), v.column()));
            }
        } else if (n instanceof MappingNode m && !m.getValue().isEmpty()) {
            Map<String, List<Value>> keys = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    List<Value> values = new ArrayList<>();
                    Node v = t.getValueNode();
                    List<Node> scalars = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                    for (Node s : scalars) {
                        Value sv = s instanceof ScalarNode sn ? value(sn) : null;
                        if (sv != null) {
                            values.add(sv);
                        }
                    }
                    keys.put(key.getValue(), values);
                }
            }
            Node first = m.getValue().get(0).getKeyNode();
            out.add(new Item(null, keys, first.getStartMark().getLine() + 1, first.getStartMark().getColumn() + 1));
        }
    }

    /** A non-empty scalar with where it is written; null for an empty one or YAML's null. */
    private static Value value(ScalarNode s) {
        if (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty()) {
            return null;
        }
        return new Value(s.getValue(), s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + 1);
    }
}
