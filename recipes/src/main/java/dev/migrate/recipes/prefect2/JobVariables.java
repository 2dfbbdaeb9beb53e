package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code job_variables} dict of a converted deployment: an infrastructure block's fields, then the
 * {@code infra_overrides} applied as Prefect 2's agent applied them. Prefect 2.20 read each override key as a
 * dot-delimited path into the block's settings ({@code "env.B"} sets one entry of {@code env}; a plain key
 * replaces the whole field), while Prefect 3 reads job variables as they are: {@code "env.B"} would be a job
 * variable of that name, which no work pool has. Values stay the source's expression text.
 */
final class JobVariables {
    /** Each value is an expression's text (String) or a nested dict (JobVariables). */
    private final Map<String, Object> entries = new LinkedHashMap<>();
    /** {@code **expr} entries: a dict expression the entries above are laid over. */
    private final List<String> spreads = new ArrayList<>();
    /** The dict literal's own text while nothing was set inside it (it is written back as it was). */
    private String original;

    /** A block field: a dict literal whose keys are all strings stays open to paths into it. */
    void field(String key, Node value) {
        entries.put(key, nested(Expressions.unwrap(value)).map(Object.class::cast).orElse(value.text().strip()));
    }

    /** A field written by the recipe itself, ahead of the others. */
    void first(String key, String expression) {
        Map<String, Object> rest = new LinkedHashMap<>(entries);
        entries.clear();
        entries.put(key, expression);
        entries.putAll(rest);
    }

    boolean isEmpty() {
        return entries.isEmpty() && spreads.isEmpty();
    }

    /**
     * Whether the overrides must be merged into the block's fields, not just appended to them: a key is a
     * dotted path, or names a field the block sets (appending would repeat that key in the dict).
     */
    boolean needsMerge(Node overrides) {
        for (Node entry : overrides.nodes()) {
            Optional<String> key = staticKey(entry);
            if (key.isPresent() && (key.get().contains(".") || entries.containsKey(key.get()))) {
                return true;
            }
        }
        return false;
    }

    /** Applies a dict literal of overrides in order; false (nothing applied) when a key is not a string literal. */
    boolean apply(Node overrides) {
        for (Node entry : overrides.nodes()) {
            if (staticKey(entry).isEmpty()) {
                return false;
            }
        }
        for (Node entry : overrides.nodes()) {
            String[] path = staticKey(entry).orElseThrow().split("\\.", -1);
            JobVariables at = this;
            for (int i = 0; i < path.length - 1; i++) {
                at.original = null;
                Object current = at.entries.get(path[i]);
                if (!(current instanceof JobVariables inner)) {
                    JobVariables created = new JobVariables();
                    if (current instanceof String expression) {
                        created.spreads.add(expression); // a dict the block held as an expression: set inside it
                    }
                    at.entries.put(path[i], created);
                    at = created;
                } else {
                    at = inner;
                }
            }
            at.original = null;
            at.entries.put(path[path.length - 1], entry.nodes().get(1).text().strip());
        }
        return true;
    }

    /** The dict's Python text, keys quoted by {@code quote}, then {@code moreEntries} (entries' text, may be empty). */
    String render(UnaryOperator<String> quote, String moreEntries) {
        List<String> parts = new ArrayList<>();
        spreads.forEach(s -> parts.add("**" + s));
        entries.forEach((k, v) -> parts.add(quote.apply(k) + ": "
                + (v instanceof JobVariables inner ? inner.text(quote) : v)));
        if (!moreEntries.isEmpty()) {
            parts.add(moreEntries);
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private String text(UnaryOperator<String> quote) {
        return original != null ? original : render(quote, "");
    }

    private static Optional<String> staticKey(Node entry) {
        return entry.kind() == NodeKind.DICT_ENTRY && entry.nodes().size() == 2
                ? PyValues.string(entry.nodes().get(0)) : Optional.empty();
    }

    private static Optional<JobVariables> nested(Node value) {
        if (value.kind() != NodeKind.DICT) {
            return Optional.empty();
        }
        JobVariables out = new JobVariables();
        for (Node entry : value.nodes()) {
            Optional<String> key = staticKey(entry);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            out.entries.put(key.get(), entry.nodes().get(1).text().strip());
        }
        out.original = value.text().strip();
        return Optional.of(out);
    }
}
