package dev.migrate.validators.query;

import java.util.ArrayList;
import java.util.List;

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

    public static String build(Dialect d, String relation, List<ColumnPlan> columns) {
        return "SELECT " + String.join(", ", items(d, columns)) + " FROM " + relation;
    }

    /** The select items alone, for queries that compute more in the same pass. */
    public static List<String> items(Dialect d, List<ColumnPlan> columns) {
        List<String> select = new ArrayList<>();
        select.add("count(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            String col = Sql.quote(c.name());
            String value = c.asText() ? d.text(col) : col;
            select.add("count(" + col + ") AS c" + i + "_count");
            select.add(d.text("min(" + value + ")") + " AS c" + i + "_min");
            select.add(d.text("max(" + value + ")") + " AS c" + i + "_max");
            if (c.numeric() && !c.asText()) {
                select.add(d.text("sum(" + col + ")") + " AS c" + i + "_sum");
            }
            select.add(d.columnHashSum(value) + " AS c" + i + "_hash");
        }
        return select;
    }
}
