package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as SnakeYAML nodes (never as objects: nothing is constructed or executed), keeping each node's
 * line and column. Helm and other Go-template files are read after blanking their {@code {{ }}} actions,
 * with lines kept in place. A syntax error becomes a CFG003 finding and an empty result.
 */
public final class YamlDocs {
    /** What an inline template action becomes; detectors treat values containing it as unknown. */
    public static final String TEMPLATED = "TEMPLATED";
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}");

    private YamlDocs() {
    }

    /** Every document's root node; empty (plus a CFG003 finding) when the file does not parse. */
    public static List<Node> parse(ScanFile file, InventorySink sink) {
        String text = file.text();
        boolean templated = text.contains("{{");
        if (templated) {
            text = blankTemplates(text);
        }
        try {
            List<Node> docs = new ArrayList<>();
            for (Node n : yaml().composeAll(new StringReader(text))) {
                if (n != null) {
                    docs.add(n);
                }
            }
            return docs;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceRef where = m == null ? SourceRef.file(file.path())
                    : SourceRef.at(file.path(), m.getLine() + 1, m.getColumn() + 1);
            sink.finding(Findings.of("CFG003", "YAML syntax error" + (templated ? " (after removing template actions)" : "")
                    + ": " + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem())
                    + "; jobs in this file are not in the inventory", where, null));
            return List.of();
        } catch (YAMLException e) {
            sink.finding(Findings.of("CFG003", "YAML could not be read: " + firstLine(e.getMessage()),
                    SourceRef.file(file.path()), null));
            return List.of();
        }
    }

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);
        o.setMaxAliasesForCollections(50);
        o.setCodePointLimit(8 * 1024 * 1024);
        o.setNestingDepthLimit(100);
        return new Yaml(new SafeConstructor(o));
    }

    /** Lines that hold only a template action vanish; inline actions become a plain word. */
    static String blankTemplates(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String stripped = TEMPLATE_ACTION.matcher(line).replaceAll("").strip();
            if (stripped.isEmpty() && line.contains("{{")) {
                sb.append('\n');
            } else {
                sb.append(TEMPLATE_ACTION.matcher(line).replaceAll(Matcher.quoteReplacement(TEMPLATED))).append('\n');
            }
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    public static SourceRef where(ScanFile file, Node n) {
        return SourceRef.at(file.path(), n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    /**
     * The entries of a mapping with YAML merge keys expanded ({@code <<: *defaults}, or {@code <<: [*a, *b]}), as a
     * loader sees them: the mapping's own keys, then the merged mappings' keys it does not set itself (an earlier
     * merged mapping wins over a later one). Compose files keep shared environments that way ({@code x-env: &env}).
     */
    public static List<NodeTuple> tuples(MappingNode m) {
        return tuples(m, 0);
    }

    private static List<NodeTuple> tuples(MappingNode m, int depth) {
        List<NodeTuple> own = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!isMergeKey(t.getKeyNode())) {
                own.add(t);
            } else if (depth < 16) {
                Node v = t.getValueNode();
                List<Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                for (Node source : sources) {
                    if (source instanceof MappingNode sm) {
                        merged.addAll(tuples(sm, depth + 1));
                    }
                }
            }
        }
        if (merged.isEmpty()) {
            return own;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<NodeTuple> out = new ArrayList<>();
        for (NodeTuple t : own) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                seen.add(k.getValue());
            }
            out.add(t);
        }
        for (NodeTuple t : merged) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || seen.add(k.getValue())) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode k && (Tag.MERGE.equals(k.getTag()) || k.getValue().equals("<<") && k.isPlain());
    }

    /** The value node under a key of a mapping, or null. */
    public static Node get(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : tuples(m)) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /** The key node of an entry (for pointing findings at the key), or null. */
    public static Node keyNode(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : tuples(m)) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k;
                }
            }
        }
        return null;
    }

    /** Follows a path of mapping keys. */
    public static Node path(Node n, String... keys) {
        Node cur = n;
        for (String k : keys) {
            cur = get(cur, k);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** The text of a scalar; null for a missing node, a collection, or a YAML null ({@code null}, {@code ~}, empty). */
    public static String scalar(Node n) {
        return n instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null;
    }

    public static String scalar(Node n, String... keys) {
        return scalar(path(n, keys));
    }

    public static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** The entries of a mapping with scalar keys, in file order. */
    public static Map<String, Node> entries(Node n) {
        Map<String, Node> m = new LinkedHashMap<>();
        if (n instanceof MappingNode mn) {
            for (NodeTuple t : tuples(mn)) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    m.put(k.getValue(), t.getValueNode());
                }
            }
        }
        return m;
    }

    /** A command given as a string or as a list of strings, as one line (list items quoted when needed). */
    public static Optional<String> commandLine(Node n) {
        if (n instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        if (n instanceof SequenceNode seq) {
            List<String> parts = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String v = scalar(item);
                if (v != null) {
                    parts.add(v.isEmpty() || v.matches("(?s).*[\\s\"'].*") ? "'" + v.replace("'", "'\\''") + "'" : v);
                }
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
        }
        return Optional.empty();
    }
}
