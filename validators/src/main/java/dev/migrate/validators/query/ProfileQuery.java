package dev.migrate.validators.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Builds the one-pass aggregate query of a relation: the row count and, per column, non-null count,
 * min, max, sum (numeric columns) and a hash aggregate. Result aliases are positional ({@code c3_min}),
 * so column names never need to survive as aliases.
 */
public final class ProfileQuery {
    /** How one column is profiled: {@code asText} when the two sides disagree on its type. */
    public record ColumnPlan(String name, boolean numeric, boolean asText) {
    }

    private ProfileQuery() {
    }

    public static String build(Dialect d, String relation, List<ColumnPlan> columns, boolean keyed) {
        return "SELECT " + String.join(", ", items(d, columns, keyed)) + " FROM " + relation;
    }

    /**
     * The select items alone, for queries that compute more in the same pass; {@code keyed} when the dataset
     * has keys, so that a row diff backs the hash aggregates (see {@link Dialect#columnHash}).
     */
    public static List<String> items(Dialect d, List<ColumnPlan> columns, boolean keyed) {
        return items(d, columns, keyed, null, i -> true);
    }

    /**
     * The select items, where the hash aggregate of column {@code i} reads a hash the relation already
     * has in column {@code hashColumns.apply(i)} (computed once, also for the row hash), when that is given.
     * The per-column count, min and max are computed for the columns {@code bounds} accepts; the others are
     * left to {@link #boundItems} (asked from Parquet footers).
     */
    public static List<String> items(Dialect d, List<ColumnPlan> columns, boolean keyed, IntFunction<String> hashColumns,
            IntPredicate bounds) {
        List<String> select = new ArrayList<>();
        select.add("count(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            String col = Sql.quote(c.name());
            String value = c.asText() ? d.text(col) : col;
            if (bounds.test(i)) {
                select.addAll(boundItems(d, c, i));
            }
            if (c.numeric() && !c.asText()) {
                select.add(d.text("sum(" + col + ")") + " AS c" + i + "_sum");
            }
            select.add((hashColumns == null ? d.columnHash(value, keyed)
                    : d.hashAggregate(Sql.quote(hashColumns.apply(i)), keyed)) + " AS c" + i + "_hash");
        }
        return select;
    }

    /** Non-null count, min and max of column {@code i}: what a Parquet footer's statistics can answer. */
    public static List<String> boundItems(Dialect d, ColumnPlan c, int i) {
        String col = Sql.quote(c.name());
        String value = c.asText() ? d.text(col) : col;
        return List.of("count(" + col + ") AS c" + i + "_count", d.text("min(" + value + ")") + " AS c" + i + "_min",
                d.text("max(" + value + ")") + " AS c" + i + "_max");
    }
}
