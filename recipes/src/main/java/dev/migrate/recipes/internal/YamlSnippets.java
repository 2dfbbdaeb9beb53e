package dev.migrate.recipes.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.tree.ParseError;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Structural YAML edits done through text: the new value is written as YAML in the file's own
 * indentation and parsed back, so that its whitespace is exactly what a person would have typed.
 * Building rewrite-yaml trees by hand gets indentation of nested blocks wrong too easily.
 */
public final class YamlSnippets {
    private static final Pattern ALIAS = Pattern.compile("(?<![&\\w])\\*([A-Za-z_][A-Za-z0-9_-]*)");
    private YamlSnippets() {
    }

    /**
     * Parses {@code key:VALUE_TEXT} and returns the value block. {@code valueText} starts with its own
     * prefix (a space for inline values, a newline and indentation for block values).
     */
    public static Yaml.Block parseValue(String key, String valueText) {
        return parseEntry(key, valueText).getValue();
    }

    /** Parses {@code key:VALUE_TEXT} and returns the entry, without a prefix (see {@link #parseValue}). */
    public static Yaml.Mapping.Entry parseEntry(String key, String valueText) {
        // Aliases may point at anchors defined elsewhere in the file (compose `<<: *defaults`); declare
        // stand-ins first so the snippet parses. Aliases print by name, so the stand-ins leave no trace.
        StringBuilder anchors = new StringBuilder();
        Matcher alias = ALIAS.matcher(valueText);
        java.util.Set<String> declared = new java.util.LinkedHashSet<>();
        while (alias.find()) {
            String name = alias.group(1);
            if (!valueText.contains("&" + name) && declared.add(name)) {
                anchors.append("__migrate_anchor_").append(declared.size()).append(": &").append(name).append(" {}\n");
            }
        }
        String text = anchors + key + ":" + valueText;
        List<SourceFile> parsed = YamlParser.builder().build()
                .parse(new InMemoryExecutionContext(t -> { }), text)
                .collect(Collectors.toList());
        if (parsed.size() != 1 || parsed.get(0) instanceof ParseError) {
            throw new IllegalArgumentException("generated YAML does not parse: " + key + ":" + valueText);
        }
        Yaml.Documents docs = (Yaml.Documents) parsed.get(0);
        Yaml.Mapping root = (Yaml.Mapping) docs.getDocuments().get(0).getBlock();
        return root.getEntries().get(declared.size()).withPrefix("");
    }

    /** A key with nothing after it on its line, and the first item of a block sequence. */
    private static final Pattern BARE_KEY = Pattern.compile("^( *)[^\\s#-][^#]*:\\s*(#.*)?$");
    private static final Pattern DASH = Pattern.compile("^( *)- ");

    /**
     * Whether the document writes block sequences under a key at the key's own column ({@code key:} then
     * {@code - item}) rather than indented below it, going by the majority of its sequences.
     */
    public static boolean indentlessSequences(String documentText) {
        String[] lines = documentText.split("\n", -1);
        int indentless = 0;
        int indented = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher key = BARE_KEY.matcher(lines[i]);
            if (!key.matches()) {
                continue;
            }
            int next = i + 1;
            while (next < lines.length && (lines[next].isBlank() || lines[next].strip().startsWith("#"))) {
                next++;
            }
            Matcher dash = next < lines.length ? DASH.matcher(lines[next]) : null;
            if (dash != null && dash.find()) {
                if (dash.group(1).length() == key.group(1).length()) {
                    indentless++;
                } else {
                    indented++;
                }
            }
        }
        return indentless > indented;
    }

    /**
     * Turns the text of a mapping value into the text of a one-item sequence holding it:
     * a block mapping gains a dash at its own indentation (or, {@code indentless}, in the two columns before it,
     * so the dash stands at the key's column), a flow mapping is wrapped in brackets.
     */
    public static String wrapInSequence(String mappingText, boolean indentless) {
        if (!indentless || mappingText.strip().startsWith("{")) {
            return wrapInSequence(mappingText);
        }
        String[] lines = mappingText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (indent < 2) {
                return wrapInSequence(mappingText);
            }
            // the item's keys keep their column; only the first line's last two spaces become the dash
            lines[i] = line.substring(0, indent - 2) + "- " + line.substring(indent);
            break;
        }
        return String.join("\n", lines);
    }

    /**
     * Turns the text of a mapping value into the text of a one-item sequence holding it:
     * a block mapping gains a dash at its own indentation, a flow mapping is wrapped in brackets.
     */
    public static String wrapInSequence(String mappingText) {
        String trimmed = mappingText.strip();
        if (trimmed.startsWith("{")) {
            int at = mappingText.indexOf('{');
            int end = mappingText.lastIndexOf('}') + 1;
            return mappingText.substring(0, at) + "[" + mappingText.substring(at, end) + "]" + mappingText.substring(end);
        }
        String[] lines = mappingText.split("\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            lines[i] = line.substring(0, indent) + (first ? "- " : "  ") + line.substring(indent);
            first = false;
        }
        return String.join("\n", lines);
    }
}
