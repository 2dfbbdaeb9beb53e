package dev.migrate.recipes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Flow mappings that OpenRewrite's YAML parser keeps as one plain scalar. The parser takes {@code {word ...}} with a
 * space in it for a single-brace template placeholder, so {@code data: {PREFECT_ORION_API_PORT: "4200"}} reaches a
 * visitor as the scalar {@code {PREFECT_ORION_API_PORT: "4200"}}, not as a mapping with a key. Here that text is parsed
 * on its own with rewrite-yaml, with one space after the brace (which no placeholder starts with) so the parser reads
 * a mapping, and printed back without that space: every other byte (quotes, commas, line breaks, comments) is the
 * tree's own, so an edit of a key or a value is lossless.
 */
final class FlowMappings {
    private FlowMappings() {
    }

    /** One entry of a flow mapping: its key and its value as written, the value null when it is no scalar. */
    record Entry(String key, String value) {
    }

    /** The entries of a flow mapping written as one scalar; empty when the text is none, or does not parse back to itself. */
    static Optional<List<Entry>> entries(String text) {
        return mapping(text).map(m -> {
            List<Entry> out = new ArrayList<>();
            m.getEntries().forEach(e -> out.add(new Entry(e.getKey().getValue(),
                    e.getValue() instanceof Yaml.Scalar v ? v.getValue() : null)));
            return out;
        });
    }

    /**
     * The flow mapping's text with each key replaced by {@code keys} and each scalar value by {@code values}, every
     * other character as written; empty when the text is no flow mapping that parses back to itself.
     */
    static Optional<String> edit(String text, UnaryOperator<String> keys, UnaryOperator<String> values) {
        return edit(text, keys, (key, value) -> values.apply(value));
    }

    /**
     * The flow mapping's text with the scalar value of its {@code key} entry set to {@code value}, every other character
     * (the value's quotes too) as written; the text as it is when it has no such entry, empty when it is no flow mapping
     * that parses back to itself.
     */
    static Optional<String> withValue(String text, String key, String value) {
        return edit(text, UnaryOperator.identity(), (k, v) -> key.equals(k) ? value : v);
    }

    /** {@link #edit(String, UnaryOperator, UnaryOperator)} with each value's new text chosen knowing its (old) key. */
    private static Optional<String> edit(String text, UnaryOperator<String> keys, BinaryOperator<String> values) {
        Optional<Yaml.Documents> docs = parse(text);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        Yaml.Documents edited = (Yaml.Documents) new YamlIsoVisitor<Integer>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, Integer p) {
                // only the entries of the outer mapping: a nested value is the data's, not a key of the object
                if (getCursor().getParentTreeCursor().getParentTreeCursor().getValue() instanceof Yaml.Document) {
                    Yaml.Mapping.Entry e = entry;
                    String key = e.getKey().getValue();
                    if (e.getKey() instanceof Yaml.Scalar k) {
                        e = e.withKey(k.withValue(keys.apply(k.getValue())));
                    }
                    if (e.getValue() instanceof Yaml.Scalar v) {
                        e = e.withValue(v.withValue(values.apply(key, v.getValue())));
                    }
                    return e;
                }
                return entry;
            }
        }.visitNonNull(docs.get(), 0);
        String printed = edited.printAll();
        return printed.startsWith("{ ") ? Optional.of("{" + printed.substring(2)) : Optional.empty();
    }

    private static Optional<Yaml.Mapping> mapping(String text) {
        return parse(text).map(d -> (Yaml.Mapping) d.getDocuments().get(0).getBlock());
    }

    /** The text, with a space after its brace, as one document holding one flow mapping that prints back to it. */
    private static Optional<Yaml.Documents> parse(String text) {
        if (!text.startsWith("{") || !text.stripTrailing().endsWith("}") || text.contains("{{")) {
            return Optional.empty(); // a Helm template's {{ }} is no YAML to edit
        }
        String padded = "{ " + text.substring(1);
        try {
            Optional<SourceFile> parsed = YamlParser.builder().build()
                    .parse(new InMemoryExecutionContext(e -> { }), padded).findFirst();
            if (parsed.isPresent() && parsed.get() instanceof Yaml.Documents docs && docs.getDocuments().size() == 1
                    && docs.getDocuments().get(0).getBlock() instanceof Yaml.Mapping m && m.getOpeningBracePrefix() != null
                    && docs.printAll().equals(padded)) {
                return Optional.of(docs);
            }
        } catch (RuntimeException e) {
            // not YAML after all: the caller leaves the scalar as it is
        }
        return Optional.empty();
    }
}
