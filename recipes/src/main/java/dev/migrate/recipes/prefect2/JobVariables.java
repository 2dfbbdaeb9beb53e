package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.InfraOverrides;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code job_variables} dict of a converted deployment, as Python source: an infrastructure block's fields,
 * then the {@code infra_overrides} applied by {@link InfraOverrides}, the rule the config recipes use too (a
 * dotted key is a path into the block's fields, a plain key replaces the field). Values stay the source's
 * expression text; a dict literal the overrides did not touch is written back as it was.
 */
final class JobVariables {
    /** The key under which a nested dict keeps the expression it is laid over ({@code {**env, "B": "2"}}). */
    private static final String SPREAD = "**";

    /** Each value is an expression's text (String) or a dict (Map) read from a literal or made by a path. */
    private final Map<String, Object> fields = new LinkedHashMap<>();
    /** The literal text of the dicts read from the source; a dict a path went into is a copy, so not in here. */
    private final Map<Object, String> literals = new IdentityHashMap<>();

    /** A block field: a dict literal whose keys are all strings stays open to paths into it. */
    void field(String key, Node value) {
        Node v = Expressions.unwrap(value);
        Optional<Map<String, Object>> dict = dictLiteral(v);
        dict.ifPresent(d -> literals.put(d, v.text().strip()));
        fields.put(key, dict.map(Object.class::cast).orElse(value.text().strip()));
    }

    /** A block field whose value the recipe wrote ({@code "Always"} for an enum member Prefect 3 has not). */
    void field(String key, String expression) {
        fields.put(key, expression);
    }

    /** A field written by the recipe itself, ahead of the others. */
    void first(String key, String expression) {
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        fields.clear();
        fields.put(key, expression);
        fields.putAll(rest);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * Whether the overrides must be merged into the block's fields, not just appended to them: a key is a
     * dotted path, or names a field the block sets (appending would repeat that key in the dict).
     */
    boolean needsMerge(Node overrides) {
        return dictLiteral(overrides).map(o -> o.keySet().stream()
                .anyMatch(k -> InfraOverrides.isPath(k) || fields.containsKey(k))).orElse(false);
    }

    /** Applies a dict literal of overrides in order; false (nothing applied) when a key is not a string literal. */
    boolean apply(Node overrides) {
        Optional<Map<String, Object>> o = dictLiteral(overrides);
        o.ifPresent(entries -> InfraOverrides.apply(fields, entries, value -> {
            Map<String, Object> over = new LinkedHashMap<>();
            over.put(SPREAD, value); // a dict the block held as an expression: set inside it
            return over;
        }));
        return o.isPresent();
    }

    /** The dict's Python text, keys quoted by {@code quote}, then {@code moreEntries} (entries' text, may be empty). */
    String render(UnaryOperator<String> quote, String moreEntries) {
        String dict = render(fields, quote);
        return moreEntries.isEmpty() ? dict : dict.substring(0, dict.length() - 1) + (fields.isEmpty() ? "" : ", ")
                + moreEntries + "}";
    }

    @SuppressWarnings("unchecked")
    private String render(Map<String, Object> dict, UnaryOperator<String> quote) {
        List<String> parts = new ArrayList<>();
        dict.forEach((k, v) -> parts.add((k.equals(SPREAD) ? "**" : quote.apply(k) + ": ")
                + (v instanceof Map<?, ?> inner ? literals.getOrDefault(inner, render((Map<String, Object>) inner, quote))
                : v)));
        return "{" + String.join(", ", parts) + "}";
    }

    /** A dict literal's entries as (key, value text), when every key is a string literal. */
    private static Optional<Map<String, Object>> dictLiteral(Node value) {
        if (value.kind() != NodeKind.DICT) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node entry : value.nodes()) {
            Optional<String> key = entry.kind() == NodeKind.DICT_ENTRY && entry.nodes().size() == 2
                    ? PyValues.string(entry.nodes().get(0)) : Optional.empty();
            if (key.isEmpty()) {
                return Optional.empty();
            }
            out.put(key.get(), entry.nodes().get(1).text().strip());
        }
        return Optional.of(out);
    }
}
