package dev.migrate.analyzers.sources.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * One file of a GitLab CI pipeline, parsed once into YAML nodes that keep their places (SnakeYAML's composed nodes,
 * whose marks are 0-based line:column): its top-level keys in order, each a job, a hidden template ({@code .base}) or
 * a keyword ({@code variables:}, {@code default:}, {@code include:}). YAML itself resolves anchors, aliases and merge
 * keys here ({@code <<: *defaults}): an alias is the anchored node, whose marks are where the anchor is written, in
 * this file (YAML shares nothing between files). The documents of a file with a {@code spec:} header are read as one.
 * A file that is not YAML has no keys: GitLab would refuse the pipeline.
 */
final class GitlabCiFile {
    /** A top-level key: its name, the 0-based line of the key, the value node, the last line the value spans. */
    record TopKey(String name, int line, Node key, Node value, int lastLine) {
    }

    /** The files read last, by text: the scan's passes and the rewrite read the same pipeline files many times. */
    private static final Map<String, GitlabCiFile> READ = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GitlabCiFile> eldest) {
            return size() > 64;
        }
    };

    private final String[] lines;
    private final List<TopKey> keys = new ArrayList<>();

    /** The file of {@code text}, parsed once while it is among the files read last (the result is never changed). */
    static GitlabCiFile of(String text) {
        synchronized (READ) {
            GitlabCiFile known = READ.get(text);
            if (known != null) {
                return known;
            }
        }
        GitlabCiFile read = new GitlabCiFile(text);
        synchronized (READ) {
            READ.put(text, read);
        }
        return read;
    }

    private GitlabCiFile(String text) {
        this.lines = text.split("\r?\n", -1);
        List<MappingNode> roots = roots(text);
        for (MappingNode root : roots) {
            List<NodeTuple> tuples = root.getValue();
            for (NodeTuple t : tuples) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.add(new TopKey(k.getValue(), k.getStartMark().getLine(), k, t.getValueNode(),
                            lastLine(t.getValueNode(), k.getStartMark().getLine())));
                }
            }
        }
    }

    /**
     * The documents' root mappings. An alias whose anchor the file does not define (one written in another file, which
     * YAML does not see) is read as an empty value, as if not written, rather than losing the whole file; a file that
     * is not YAML otherwise has none.
     */
    private static List<MappingNode> roots(String text) {
        String read = text;
        for (int attempt = 0; attempt < UNDEFINED_ALIASES; attempt++) {
            List<MappingNode> roots = new ArrayList<>();
            try {
                for (Node doc : yaml().composeAll(new StringReader(read))) {
                    if (doc instanceof MappingNode m) {
                        roots.add(m);
                    }
                }
                return roots;
            } catch (MarkedYAMLException e) {
                Mark at = e.getProblemMark();
                if (at == null || e.getProblem() == null || !e.getProblem().startsWith("found undefined alias")
                        || at.getIndex() >= read.length() || read.charAt(at.getIndex()) != '*') {
                    return List.of();
                }
                int end = at.getIndex() + 1;
                while (end < read.length() && !Character.isWhitespace(read.charAt(end)) && ",[]{}".indexOf(read.charAt(end)) < 0) {
                    end++;
                }
                // blanked, so every other node keeps its line and column
                read = read.substring(0, at.getIndex()) + " ".repeat(end - at.getIndex()) + read.substring(end);
            } catch (YAMLException | IllegalArgumentException e) {
                return List.of(); // not YAML: GitLab refuses it, so no job of it runs
            }
        }
        return List.of();
    }

    /** How many undefined aliases a file may have before it is not read at all. */
    private static final int UNDEFINED_ALIASES = 16;

    private static Yaml yaml() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true);
        o.setMaxAliasesForCollections(1000); // pipelines share lists and mappings through many aliases
        o.setCodePointLimit(8 * 1024 * 1024);
        o.setNestingDepthLimit(100);
        return new Yaml(new SafeConstructor(o));
    }

    /** The file's lines, as split for their 0-based numbers. */
    String[] lines() {
        return lines;
    }

    /** The top-level keys, in the order written (a key written twice is there twice). */
    List<TopKey> keys() {
        return keys;
    }

    /**
     * The last line a value written at its key spans (the key's own line for an alias, whose node is written above):
     * the line before its end mark when that mark stands at a line's start.
     */
    static int lastLine(Node value, int keyLine) {
        if (value.getStartMark().getLine() < keyLine) {
            return keyLine; // an alias: the anchored node is written elsewhere
        }
        int end = value.getEndMark().getLine();
        if (value.getEndMark().getColumn() == 0 && end > value.getStartMark().getLine()) {
            end--;
        }
        return Math.max(end, keyLine);
    }

    /** Whether a key's value node is an alias: the anchored node, written before the key. */
    static boolean isAlias(Node key, Node value) {
        return value.getStartMark().getIndex() < key.getStartMark().getIndex();
    }
}
