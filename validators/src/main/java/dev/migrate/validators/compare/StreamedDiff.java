package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.engine.JdbcSide;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value checks of a database without hash functions (SQLite): every row of both sides is read once, through
 * JDBC, and compared in Java. Each column gets an order-independent fingerprint (the sum of its values' 64-bit
 * hashes, so a value counts each time it appears), which sees a value changed between its column's min and max.
 * With a key, both sides are read in key order and merged, so only the current row of each side is in memory:
 * missing, extra and differing rows are counted (toleranced columns within their tolerance) and the first ones
 * kept as samples, shaped like the other engines' samples.
 */
final class StreamedDiff {
    /** Per-side fingerprints ({@code c<i>_hash}, as the profile names them), the key diff's counts and samples. */
    record Outcome(Map<String, Object> legacyHashes, Map<String, Object> newHashes, Map<String, Long> counts,
            List<Map<String, Object>> samples) {
    }

    private final DatasetPlan plan;
    private final List<Compared> columns;
    private final int keys;
    private final int sampleSize;
    private final long[] legacySums;
    private final long[] newSums;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Map<String, Object>> samples = new ArrayList<>();

    private StreamedDiff(DatasetPlan plan, int sampleSize) {
        this.plan = plan;
        this.columns = plan.all();
        this.keys = plan.keys().size();
        this.sampleSize = sampleSize;
        this.legacySums = new long[columns.size()];
        this.newSums = new long[columns.size()];
    }

    /** The statement that reads one side: every compared column as compared, in key order when there are keys. */
    static Statement select(DatasetPlan plan, String relation) {
        List<String> items = new ArrayList<>();
        List<Compared> all = plan.all();
        for (int j = 0; j < all.size(); j++) {
            Compared c = all.get(j);
            String col = Sql.quote(c.name());
            // instants are read in Java (RowDiffVerdict.instant): standard SQL has no cast SQLite understands; numbers
            // of two types as stored, which ComparedValue compares exactly (a cast to REAL rounds integers past 2^53)
            String value = c.widened() ? col : c.value(Dialect.ANSI, col);
            items.add(value + " AS v" + j);
        }
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < plan.keys().size(); i++) {
            // BINARY whatever the column declares (COLLATE NOCASE would put 'a' before 'B'): the order the merge expects
            order.append(i == 0 ? " ORDER BY " : ", ").append("v").append(i).append(" COLLATE BINARY");
        }
        return Statement.of(plan.keys().isEmpty() ? "value fingerprints" : "rows in key order",
                "SELECT " + String.join(", ", items) + " FROM " + relation + order);
    }

    static Outcome run(DatasetPlan plan, JdbcSide legacy, JdbcSide current, int sampleSize) {
        StreamedDiff d = new StreamedDiff(plan, sampleSize);
        try (JdbcSide.Cursor l = legacy.cursor(select(plan, legacy.relation()));
                JdbcSide.Cursor n = current.cursor(select(plan, current.relation()))) {
            if (d.keys == 0) {
                d.drain(l, d.legacySums);
                d.drain(n, d.newSums);
            } else {
                d.merge(l, n, legacy.label(), current.label());
            }
        }
        d.samples.sort(Comparator.comparing(r -> String.valueOf(r.get("__kind"))));
        return new Outcome(d.hashes(d.legacySums), d.hashes(d.newSums), Map.copyOf(d.counts), List.copyOf(d.samples));
    }

    private void drain(JdbcSide.Cursor cursor, long[] sums) {
        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
            add(row, sums);
        }
    }

    private void add(Object[] row, long[] sums) {
        for (int j = 0; j < row.length; j++) {
            sums[j] += ComparedValue.hash(ComparedValue.canonical(row[j], columns.get(j)));
        }
    }

    private Map<String, Object> hashes(long[] sums) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int j = 0; j < sums.length; j++) {
            out.put("c" + j + "_hash", Long.toUnsignedString(sums[j]));
        }
        return out;
    }

    private void merge(JdbcSide.Cursor l, JdbcSide.Cursor n, String legacyLabel, String newLabel) {
        Object[] a = next(l, null, legacyLabel, legacySums);
        Object[] b = next(n, null, newLabel, newSums);
        while (a != null || b != null) {
            int cmp = a == null ? 1 : b == null ? -1 : compareKeys(a, b);
            if (cmp < 0) {
                record("missing", a, null);
                a = next(l, a, legacyLabel, legacySums);
            } else if (cmp > 0) {
                record("extra", null, b);
                b = next(n, b, newLabel, newSums);
            } else {
                if (!sameValues(a, b)) {
                    record("differs", a, b);
                }
                a = next(l, a, legacyLabel, legacySums);
                b = next(n, b, newLabel, newSums);
            }
        }
    }

    /**
     * The row after {@code previous}, added to the side's fingerprints. The merge needs keys that strictly increase
     * in the order {@link #compareValues} defines (SQLite's): repeated keys were rejected before the read, so a key
     * that does not increase means the database ordered them another way, and no count could be trusted.
     */
    private Object[] next(JdbcSide.Cursor cursor, Object[] previous, String side, long[] sums) {
        Object[] row = cursor.next();
        if (row == null) {
            return null;
        }
        if (previous != null && compareKeys(previous, row) >= 0) {
            throw new IllegalStateException(side + " side returned key " + keyText(row) + " after " + keyText(previous)
                    + " in a query ordered by key: the database orders keys differently from SQLite");
        }
        add(row, sums);
        return row;
    }

    private int compareKeys(Object[] a, Object[] b) {
        for (int i = 0; i < keys; i++) {
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * SQLite's order of values: NULL, then numbers (integers and reals by value), then text (by code point, as
     * BINARY collation compares UTF-8 bytes), then blobs (by unsigned bytes).
     */
    static int compareValues(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> 0;
            case 1 -> decimal((Number) a).compareTo(decimal((Number) b));
            case 2 -> compareCodePoints(a.toString(), b.toString());
            default -> java.util.Arrays.compareUnsigned((byte[]) a, (byte[]) b);
        };
    }

    private static int rank(Object v) {
        return v == null ? 0 : v instanceof Number ? 1 : v instanceof byte[] ? 3 : 2;
    }

    private static BigDecimal decimal(Number n) {
        String t = ComparedValue.number(n);
        return switch (t) {
            case "NaN", "Infinity" -> BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN);
            case "-Infinity" -> BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
            default -> new BigDecimal(t);
        };
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private boolean sameValues(Object[] a, Object[] b) {
        for (int j = keys; j < columns.size(); j++) {
            if (!same(columns.get(j), a[j], b[j])) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Compared c, Object l, Object n) {
        if (!c.tolerance().isExact() && l instanceof Number x && n instanceof Number y) {
            return c.tolerance().accepts(x.doubleValue(), y.doubleValue());
        }
        return Objects.equals(ComparedValue.canonical(l, c), ComparedValue.canonical(n, c));
    }

    private void record(String kind, Object[] legacy, Object[] current) {
        counts.merge(kind, 1L, Long::sum);
        if ("differs".equals(kind)) {
            // every differing row passes here, sampled or not: the per-column counts are exact
            for (int j = keys; j < columns.size(); j++) {
                if (!same(columns.get(j), legacy[j], current[j])) {
                    counts.merge(RowDiffVerdict.COLUMN + columns.get(j).name(), 1L, Long::sum);
                }
            }
        }
        if (samples.size() >= sampleSize) {
            return;
        }
        Object[] keyed = legacy != null ? legacy : current;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("__kind", kind);
        for (int i = 0; i < keys; i++) {
            row.put("k" + i, ComparedValue.shown(keyed[i], columns.get(i)));
        }
        for (int j = 0; j < columns.size(); j++) {
            Compared c = columns.get(j);
            String l = legacy == null ? null : ComparedValue.shown(legacy[j], c);
            String n = current == null ? null : ComparedValue.shown(current[j], c);
            if (legacy != null && current != null && l != null && l.equals(n) && !same(c, legacy[j], current[j])) {
                // the number 1 and the text '1' print alike: say which is which, so the sample shows the change
                l += " (" + ComparedValue.storage(legacy[j]) + ")";
                n += " (" + ComparedValue.storage(current[j]) + ")";
            }
            row.put("l" + j, l);
            row.put("n" + j, n);
        }
        samples.add(row);
    }

    private String keyText(Object[] row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            parts.add(plan.keys().get(i).name() + "=" + ComparedValue.shown(row[i], columns.get(i)));
        }
        return "(" + String.join(", ", parts) + ")";
    }
}
