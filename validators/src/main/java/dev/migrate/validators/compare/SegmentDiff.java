package dev.migrate.validators.compare;

import dev.migrate.validators.engine.JdbcSide;
import dev.migrate.validators.query.SegmentQuery;
import dev.migrate.validators.query.SegmentQuery.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Key diff between two remote tables by segment checksums, in the manner of data-diff's hashdiff:
 * compare (count, sum of row hashes) of a key range on both sides; when they differ, split the range
 * into {@code factor} tiles and recurse; below {@code threshold} rows, fetch keys and hashes and
 * compare them. Matching data costs one small query per side, whatever its size.
 */
public final class SegmentDiff {
    /** A key found on one side only, or on both with different hashes. */
    public record Difference(String kind, List<Object> key, List<String> keyText) {
    }

    public record Outcome(Map<String, Long> counts, List<Difference> samples, int segments) {
    }

    private final JdbcSide legacy;
    private final JdbcSide current;
    private final Shape legacyShape;
    private final Shape currentShape;
    private final int factor;
    private final int threshold;
    private final int sampleSize;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Difference> samples = new ArrayList<>();
    private int segments;

    public SegmentDiff(JdbcSide legacy, JdbcSide current, Shape legacyShape, Shape currentShape, int factor,
            int threshold, int sampleSize) {
        this.legacy = legacy;
        this.current = current;
        this.legacyShape = legacyShape;
        this.currentShape = currentShape;
        this.factor = factor;
        this.threshold = threshold;
        this.sampleSize = sampleSize;
    }

    public Outcome run() {
        diff(null, null, 0);
        samples.sort(Comparator.comparing(Difference::kind).thenComparing(Difference::key, SegmentDiff::compareKeys));
        return new Outcome(Map.copyOf(counts), List.copyOf(samples), segments);
    }

    private void diff(List<Object> lo, List<Object> hi, int depth) {
        segments++;
        Map<String, Object> l = legacy.query(SegmentQuery.checksum(legacyShape, lo, hi)).get(0);
        Map<String, Object> n = current.query(SegmentQuery.checksum(currentShape, lo, hi)).get(0);
        long nl = ((Number) l.get("n")).longValue();
        long nn = ((Number) n.get("n")).longValue();
        if (nl == nn && Objects.equals(l.get("h"), n.get("h"))) {
            return;
        }
        if (Math.max(nl, nn) <= threshold || depth >= 40) {
            compareRows(lo, hi);
            return;
        }
        boolean legacyBigger = nl >= nn;
        List<List<Object>> bounds = new ArrayList<>();
        for (Map<String, Object> row : (legacyBigger ? legacy : current)
                .query(SegmentQuery.boundaries(legacyBigger ? legacyShape : currentShape, lo, hi, factor))) {
            bounds.add(new ArrayList<>(row.values()));
        }
        List<Object> from = lo;
        for (List<Object> b : bounds) {
            diff(from, b, depth + 1);
            from = b;
        }
        diff(from, hi, depth + 1);
    }

    private void compareRows(List<Object> lo, List<Object> hi) {
        Map<List<String>, Row> l = rows(legacy, legacyShape, lo, hi);
        Map<List<String>, Row> n = rows(current, currentShape, lo, hi);
        for (Map.Entry<List<String>, Row> e : l.entrySet()) {
            Row other = n.get(e.getKey());
            if (other == null) {
                record("missing", e.getValue(), e.getKey());
            } else if (!Objects.equals(other.hash, e.getValue().hash)) {
                record("differs", e.getValue(), e.getKey());
            }
        }
        for (Map.Entry<List<String>, Row> e : n.entrySet()) {
            if (!l.containsKey(e.getKey())) {
                record("extra", e.getValue(), e.getKey());
            }
        }
    }

    /**
     * Keys in the database's order as far as Java sees it: numbers by value (2 before 10, which their text puts
     * after), other comparable values of one class by their own order, anything else by text.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : -1) : 1;
            } else if (x instanceof Number nx && y instanceof Number ny) {
                c = compareNumbers(nx, ny);
            } else if (x instanceof Comparable cx && x.getClass() == y.getClass()) {
                c = cx.compareTo(y);
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareNumbers(Number x, Number y) {
        try {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
        } catch (NumberFormatException e) {
            return Double.compare(x.doubleValue(), y.doubleValue()); // NaN or an infinity
        }
    }

    private record Row(List<Object> key, Object hash) {
    }

    private static Map<List<String>, Row> rows(JdbcSide side, Shape shape, List<Object> lo, List<Object> hi) {
        Map<List<String>, Row> out = new LinkedHashMap<>();
        int keys = shape.keys().size();
        for (Map<String, Object> r : side.query(SegmentQuery.rows(shape, lo, hi))) {
            List<Object> values = new ArrayList<>(r.values());
            List<Object> key = values.subList(0, keys);
            List<String> text = values.subList(keys, 2 * keys).stream().map(String::valueOf).toList();
            out.put(text, new Row(new ArrayList<>(key), values.get(2 * keys)));
        }
        return out;
    }

    private void record(String kind, Row row, List<String> keyText) {
        counts.merge(kind, 1L, Long::sum);
        if (samples.size() < sampleSize) {
            samples.add(new Difference(kind, row.key(), keyText));
        }
    }
}
