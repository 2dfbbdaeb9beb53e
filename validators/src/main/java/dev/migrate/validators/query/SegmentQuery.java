package dev.migrate.validators.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements of the segment-checksum diff on a remote database: a key range is summarised by its row
 * count and the sum of per-row hashes, so two sides can be compared without moving their rows.
 * Ranges are half-open {@code (lo, hi]} over the key in row-value order; a null bound is open.
 */
public final class SegmentQuery {
    private SegmentQuery() {
    }

    /**
     * The key and row hash of each row, as seen by the ranges below; {@code hashed} are SQL expressions.
     * {@code keyValues} are the keys as compared (a timestamp against a timestamptz as an instant), whose text both
     * sides' rows are matched on: the stored text of two key types differs ({@code 02:00:00} and {@code 02:00:00+00}).
     */
    public record Shape(Dialect dialect, String relation, List<String> keys, List<String> keyValues,
            List<String> hashed, List<String> rangeKeys) {
        /**
         * Ranges over the stored keys (an index serves them), except where the two sides' key types cannot be
         * compared to each other's bounds (text against a timestamp): those ranges are over the keys as compared.
         */
        public Shape(Dialect dialect, String relation, List<String> keys, List<String> keyValues, List<String> hashed) {
            this(dialect, relation, keys, keyValues, hashed, keys.stream().map(Sql::quote).toList());
        }

        String keyTuple() {
            return "(" + String.join(", ", rangeKeys) + ")";
        }

        /** The range keys, each named {@code k<i>}. */
        String keyItems() {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < rangeKeys.size(); i++) {
                items.add(rangeKeys.get(i) + " AS " + Sql.quote("k" + i));
            }
            return String.join(", ", items);
        }

        String placeholders() {
            return "(" + String.join(", ", keys.stream().map(k -> "?").toList()) + ")";
        }

        String rowHash() {
            return dialect.rowHash(hashed);
        }
    }

    private static String where(Shape s, List<Object> lo, List<Object> hi, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (lo != null) {
            conditions.add(s.keyTuple() + " > " + s.placeholders());
            params.addAll(lo);
        }
        if (hi != null) {
            conditions.add(s.keyTuple() + " <= " + s.placeholders());
            params.addAll(hi);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public static Statement checksum(Shape s, List<Object> lo, List<Object> hi) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) AS n, " + s.dialect().text("sum(h)") + " AS h FROM (SELECT " + s.rowHash()
                + " AS h FROM " + s.relation() + where(s, lo, hi, params) + ") AS seg";
        return new Statement("segment checksum", sql, params);
    }

    /** The last key of each of {@code parts} equal-sized tiles of the range: the inner split points. */
    public static Statement boundaries(Shape s, List<Object> lo, List<Object> hi, int parts) {
        List<Object> params = new ArrayList<>();
        params.add(parts);
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < s.keys().size(); i++) {
            aliases.add(Sql.quote("k" + i));
        }
        String keys = String.join(", ", aliases);
        String desc = String.join(", ", aliases.stream().map(k -> k + " DESC").toList());
        String inner = "SELECT " + s.keyItems() + ", ntile(?) OVER (ORDER BY " + String.join(", ", s.rangeKeys())
                + ") AS tile FROM " + s.relation() + where(s, lo, hi, params);
        String sql = "SELECT DISTINCT ON (tile) " + keys + " FROM (" + inner + ") AS t ORDER BY tile, " + desc;
        return new Statement("segment boundaries", sql, params);
    }

    /**
     * Keys (typed, then as text) and row hashes of a small range, fetched to find exactly which keys
     * differ. The text form is what both sides are matched on and what samples show.
     */
    public static Statement rows(Shape s, List<Object> lo, List<Object> hi) {
        List<Object> params = new ArrayList<>();
        String keys = s.keyItems();
        List<String> textKeys = new ArrayList<>();
        for (int i = 0; i < s.keys().size(); i++) {
            textKeys.add(s.dialect().text(s.keyValues().get(i)) + " AS t" + i);
        }
        String texts = String.join(", ", textKeys);
        String sql = "SELECT " + keys + ", " + texts + ", " + s.rowHash() + " AS h FROM " + s.relation() + where(s, lo, hi, params)
                + " ORDER BY " + String.join(", ", s.rangeKeys());
        return new Statement("segment rows", sql, params);
    }

    /**
     * Keys bound by one sample statement: PostgreSQL's protocol takes at most 65535 parameters per statement, and a
     * list of key tuples far past a thousand only makes the statement longer, not the lookups fewer.
     */
    public static final int KEYS_PER_SAMPLE = 1000;

    /**
     * Full rows (as text) for the given keys, the samples: one statement per {@link #KEYS_PER_SAMPLE} keys, so a
     * {@code --sample-size} of hundreds of thousands stays within the protocol's parameter limit.
     */
    public static List<Statement> samples(Shape s, List<String> columns, List<List<Object>> keys) {
        return samples(s, columns, java.util.Collections.nCopies(columns.size(), null), keys);
    }

    /**
     * The same, column {@code j} shown as {@code shown.get(j)} (an expression over the column's quoted name, its
     * value as compared) when that is not null, and then its stored text too ({@code r<j>}).
     */
    public static List<Statement> samples(Shape s, List<String> columns, List<java.util.function.UnaryOperator<String>> shown,
            List<List<Object>> keys) {
        List<Statement> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_SAMPLE) {
            out.add(sample(s, columns, shown, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SAMPLE))));
        }
        return out;
    }

    /** Full rows (as text) for the given keys. */
    public static Statement sample(Shape s, List<String> columns, List<List<Object>> keys) {
        return sample(s, columns, java.util.Collections.nCopies(columns.size(), null), keys);
    }

    private static Statement sample(Shape s, List<String> columns, List<java.util.function.UnaryOperator<String>> shown,
            List<List<Object>> keys) {
        List<Object> params = new ArrayList<>();
        List<String> tuples = new ArrayList<>();
        for (List<Object> k : keys) {
            tuples.add(s.placeholders());
            params.addAll(k);
        }
        List<String> select = new ArrayList<>();
        for (int i = 0; i < s.keys().size(); i++) {
            select.add(s.dialect().text(s.keyValues().get(i)) + " AS k" + i);
        }
        for (int j = 0; j < columns.size(); j++) {
            String col = Sql.quote(columns.get(j));
            if (shown.get(j) == null) {
                select.add(s.dialect().text(col) + " AS v" + j);
            } else {
                select.add(s.dialect().text(shown.get(j).apply(col)) + " AS v" + j);
                select.add(s.dialect().text(col) + " AS r" + j);
            }
        }
        String sql = "SELECT " + String.join(", ", select) + " FROM " + s.relation() + " WHERE " + s.keyTuple() + " IN ("
                + String.join(", ", tuples) + ")";
        return new Statement("sample rows", sql, params);
    }
}
