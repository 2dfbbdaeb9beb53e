package dev.migrate.validators.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** SQL text helpers. Identifiers are always quoted; values never appear in SQL text (they are bound). */
public final class Sql {
    private Sql() {
    }

    /** A double-quoted identifier, safe for any name a config or a file header may contain. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A single-quoted SQL string literal, for the few places an engine takes no parameter (DuckDB's {@code types}
     * struct of {@code read_csv}): quotes are doubled, so any name a file header holds stays one literal.
     */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * DuckDB's star with the columns of {@code renames} (stored name to compared name) renamed: {@code *} when
     * there is none. The other columns keep their names and their order.
     */
    public static String starRenamed(Map<String, String> renames) {
        if (renames.isEmpty()) {
            return "*";
        }
        List<String> items = new ArrayList<>();
        renames.forEach((from, to) -> items.add(quote(from) + " AS " + quote(to)));
        return "* RENAME (" + String.join(", ", items) + ")";
    }

    /**
     * A DuckDB relation ({@code read_parquet(?)}, a table, a subquery with its alias) whose columns of
     * {@code renames} take their new names; the relation itself when there is none. A projection that only
     * renames: DuckDB still pushes filters and statistics down to the reader.
     */
    public static String renamed(String relation, Map<String, String> renames) {
        return renames.isEmpty() ? relation : "(SELECT " + starRenamed(renames) + " FROM " + relation + ")";
    }

    /**
     * The same for any SQL database, which has no {@code RENAME}: every column of {@code columns} (stored names)
     * listed, each renamed one with its new name as alias.
     */
    public static String renamed(String relation, List<String> columns, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return relation;
        }
        List<String> items = new ArrayList<>();
        for (String c : columns) {
            String to = renames.get(c);
            items.add(to == null ? quote(c) : quote(c) + " AS " + quote(to));
        }
        return "(SELECT " + String.join(", ", items) + " FROM " + relation + ") AS renamed";
    }

    public static String quoteAll(List<String> identifiers, String prefix) {
        return identifiers.stream().map(c -> prefix + quote(c)).collect(Collectors.joining(", "));
    }
}
