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
    /**
     * How one column is profiled: {@code asText} when the two sides disagree on its type, {@code widened} when
     * both are numbers of different types (compared as doubles, or as exact integers when {@code integral}: both
     * whole-number types).
     */
    public record ColumnPlan(String name, boolean numeric, boolean asText, boolean widened, boolean integral,
            Exact exact, boolean moments, BooleanSpelling booleans, boolean json, boolean durations, boolean numbers) {
        public ColumnPlan(String name, boolean numeric, boolean asText, boolean widened, boolean integral,
                Exact exact, boolean moments, BooleanSpelling booleans, boolean json, boolean durations) {
            this(name, numeric, asText, widened, integral, exact, moments, booleans, json, durations, false);
        }

        public ColumnPlan(String name, boolean numeric, boolean asText, boolean widened, boolean integral,
                Exact exact, boolean moments, BooleanSpelling booleans, boolean json) {
            this(name, numeric, asText, widened, integral, exact, moments, booleans, json, false);
        }

        public ColumnPlan(String name, boolean numeric, boolean asText, boolean widened) {
            this(name, numeric, asText, widened, false, null, false);
        }

        public ColumnPlan(String name, boolean numeric, boolean asText, boolean widened, boolean integral) {
            this(name, numeric, asText, widened, integral, null, false);
        }

        public ColumnPlan(String name, boolean numeric, boolean asText, boolean widened, boolean integral,
                Exact exact, boolean moments) {
            this(name, numeric, asText, widened, integral, exact, moments, null, false);
        }

        /**
         * The column's value as compared: its text, a number of one type, an instant, or itself; with {@code moments}
         * (text on one side, a date or timestamp on the other) a text that reads as a moment is that moment; with
         * {@code booleans} (spelled booleans on one side, a BOOLEAN on the other) the pair reads as true and false;
         * with {@code json} (json or jsonb on both sides) a value is its JSON value's one text ({@link Dialect#json});
         * with {@code durations} or {@code numbers} (text on one side, an interval or a number on the other) a text
         * that reads as a duration or a number is that value's one text ({@link Dialect#duration},
         * {@link Dialect#numberText}).
         */
        /** Whether {@link #value} is a text: spelled booleans, JSON, moments' spelling or the column's text. */
        public boolean textual() {
            return booleans != null || json || moments || durations || numbers || asText;
        }

        /**
         * What the column's sum adds up: a column compared as doubles (numbers of two types, one a float) sums its
         * values as doubles, as they are compared; one side may hold a numeric copied as the text of its exact decimals
         * (compare.CopiedDecimals), which has no sum of its own. Any other number sums as it is stored.
         */
        public String summed(Dialect d, String col) {
            boolean doubles = numeric && widened && !asText && !integral && exact == null && booleans == null && !json
                    && !durations && !numbers && !moments;
            return doubles ? d.number(col) : col;
        }

        public String value(Dialect d, String col) {
            return booleans != null ? booleans.text(d, col) : json ? d.json(col) : moments ? d.moment(col)
                    : durations ? d.duration(col) : numbers ? d.numberText(col) : asText ? d.text(col)
                    : exact != null && !integral ? d.decimal(col, exact.scale(), exact.whole()) : !widened ? col
                    : integral ? d.integer(col) : numeric ? d.number(col) : d.instant(col);
        }
    }

    /**
     * Two exact number types that differ (DECIMAL(38,10) and DECIMAL(38,20), BIGINT and DECIMAL(12,2)): compared as
     * exact decimals of {@code scale} fraction digits and up to {@code whole} digits before the point, not as doubles,
     * which keep 15 to 17 significant digits and made values that differ past them equal.
     */
    public record Exact(int scale, int whole) {
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
        if (hashColumns != null) {
            return aggregates(columns, i -> Sql.quote(columns.get(i).name()), keyed, hashColumns, bounds).stream()
                    .map(a -> a.select(d)).toList();
        }
        List<String> select = new ArrayList<>();
        select.add("count(*) AS n");
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            String col = Sql.quote(c.name());
            String value = c.value(d, col);
            if (bounds.test(i)) {
                select.addAll(boundItems(d, c, i));
            }
            if (c.numeric() && !c.asText()) {
                select.add(d.text("sum(" + c.summed(d, col) + ")") + " AS c" + i + "_sum");
            }
            if (d.hashes()) {
                select.add(d.columnHash(value, keyed) + " AS c" + i + "_hash");
            }
        }
        return select;
    }

    /**
     * One aggregate of a profile: {@code function(argument) AS alias}, as text when {@code text}. Partial
     * results of the same aggregate over parts of a relation combine into the whole one ({@link #combined}).
     */
    public record Aggregate(String alias, String function, String argument, boolean text, boolean number) {
        public Aggregate(String alias, String function, String argument, boolean text) {
            this(alias, function, argument, text, false);
        }

        /** {@code number}: a bound of {@link Dialect#numberOrNull}, read through {@link Dialect#numberBound}. */
        private String shown(Dialect d, String call) {
            String value = number ? d.numberBound(call) : call;
            return text ? d.text(value) : value;
        }

        public String select(Dialect d) {
            return shown(d, function + "(" + argument + ")") + " AS " + alias;
        }

        /** The partial value as column {@code as}, uncast, so that partials can still be combined. */
        public String partial(String as) {
            return function + "(" + argument + ") AS " + Sql.quote(as);
        }

        /** The whole value, from the partial values in column {@code source} of every row. */
        public String combined(Dialect d, String source) {
            return combined(d, source, alias);
        }

        /** The same, named {@code as}. */
        public String combined(Dialect d, String source, String as) {
            String column = Sql.quote(source);
            String call = switch (function) {
                case "count" -> "CAST(sum(" + column + ") AS BIGINT)";
                case "sum", "min", "max", "bit_xor" -> function + "(" + column + ")";
                default -> throw new IllegalStateException("no way to combine partial " + function + " results");
            };
            return shown(d, call) + " AS " + Sql.quote(as);
        }
    }

    /**
     * The DuckDB profile as aggregates: the row count and, per column, bounds (where {@code bounds} accepts),
     * sum and hash aggregate. {@code columnOf.apply(i)} is the expression of column {@code i}'s value
     * (uncast); {@code hashColumns.apply(i)} names its hash, computed once beside the row hash.
     */
    public static List<Aggregate> aggregates(List<ColumnPlan> columns, IntFunction<String> columnOf, boolean keyed,
            IntFunction<String> hashColumns, IntPredicate bounds) {
        Dialect d = Dialect.DUCKDB;
        List<Aggregate> out = new ArrayList<>();
        out.add(new Aggregate("n", "count", "*", false));
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan c = columns.get(i);
            String col = columnOf.apply(i);
            String value = c.value(d, col);
            if (bounds.test(i)) {
                // text facing intervals or numbers is bounded by the durations and numbers it reads as (boundItems)
                String bounded = c.durations() ? d.durationOrNull(col) : c.numbers() ? d.numberOrNull(col) : value;
                out.add(new Aggregate("c" + i + "_count", "count", col, false));
                out.add(new Aggregate("c" + i + "_min", "min", bounded, true, c.numbers()));
                out.add(new Aggregate("c" + i + "_max", "max", bounded, true, c.numbers()));
            }
            if (c.numeric() && !c.asText()) {
                out.add(new Aggregate("c" + i + "_sum", "sum", c.summed(d, col), true));
            }
            // see Dialect.DUCKDB.hashAggregate: a XOR with keys, a multiset sum without
            out.add(new Aggregate("c" + i + "_hash", keyed ? "bit_xor" : "sum", Sql.quote(hashColumns.apply(i)), true));
        }
        return out;
    }

    /**
     * Non-null count, min and max of column {@code i}: what a Parquet footer's statistics can answer. A value compared
     * as text is bounded in the one order of {@link Dialect#ordered}, whatever the database's collation.
     */
    public static List<String> boundItems(Dialect d, ColumnPlan c, int i) {
        String col = Sql.quote(c.name());
        // text facing intervals or numbers is bounded by the durations and numbers it reads as, as the typed side is
        String typed = c.durations() ? d.durationOrNull(col) : c.numbers() ? d.numberOrNull(col) : null;
        String value = typed != null ? typed : c.textual() ? d.ordered(c.value(d, col)) : c.value(d, col);
        java.util.function.UnaryOperator<String> bound = c.numbers() ? d::numberBound : b -> b;
        return List.of("count(" + col + ") AS c" + i + "_count", d.text(bound.apply("min(" + value + ")")) + " AS c"
                + i + "_min", d.text(bound.apply("max(" + value + ")")) + " AS c" + i + "_max");
    }
}
