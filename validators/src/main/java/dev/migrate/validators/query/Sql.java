package dev.migrate.validators.query;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text helpers. Identifiers are always quoted; values never appear in SQL text (they are bound). */
public final class Sql {
    private Sql() {
    }

    /** A double-quoted identifier, safe for any name a config or a file header may contain. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String quoteAll(List<String> identifiers, String prefix) {
        return identifiers.stream().map(c -> prefix + quote(c)).collect(Collectors.joining(", "));
    }
}
