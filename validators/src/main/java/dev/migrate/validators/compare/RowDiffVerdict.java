package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the row-diff result from the counts per kind and the sampled rows (aliases k/l/n as in RowDiffQuery). */
public final class RowDiffVerdict {
    /**
     * Prefix of a count of differing rows per column ({@code column:amount}), which an engine that compares every
     * differing row column by column (SQLite's merge) adds to the counts: exact whatever the sample's size.
     */
    public static final String COLUMN = "column:";

    private RowDiffVerdict() {
    }

    public static CheckResult of(DatasetPlan plan, Map<String, Long> counts, List<Map<String, Object>> sampleRows,
            long comparedRows) {
        return of(plan, counts, sampleRows, comparedRows, -1);
    }

    /**
     * @param legacyRows the legacy output's row count, from which the pairs (legacy rows less the missing ones) are
     *                   counted for the per-column percentages; negative when not known
     */
    public static CheckResult of(DatasetPlan plan, Map<String, Long> counts, List<Map<String, Object>> sampleRows,
            long comparedRows, long legacyRows) {
        long missing = counts.getOrDefault("missing", 0L);
        long extra = counts.getOrDefault("extra", 0L);
        long differs = counts.getOrDefault("differs", 0L);
        List<SampleRow> samples = new ArrayList<>();
        // per column, the sampled differing rows in which it differs: datacompy's "# unequal" per column
        Map<String, Long> byColumn = new LinkedHashMap<>();
        long sampledDiffering = 0;
        for (Map<String, Object> row : sampleRows) {
            SampleRow s = sample(plan, row);
            samples.add(s);
            sampledDiffering += "differs".equals(s.kind()) ? 1 : 0;
            s.differing().forEach(c -> byColumn.merge(c, 1L, Long::sum));
        }
        boolean exact = sampledDiffering == differs;
        if (counts.keySet().stream().anyMatch(k -> k.startsWith(COLUMN))) {
            byColumn.clear();
            for (Compared c : plan.all()) {
                Long n = counts.get(COLUMN + c.name());
                if (n != null) {
                    byColumn.put(c.name(), n);
                }
            }
            exact = true;
        }
        // in the plan's column order, however they were counted
        Map<String, Long> ordered = new LinkedHashMap<>();
        plan.all().forEach(c -> {
            if (byColumn.containsKey(c.name())) {
                ordered.put(c.name(), byColumn.get(c.name()));
            }
        });
        boolean ok = missing + extra + differs == 0;
        String keyText = String.join(", ", plan.keys().stream().map(c -> plan.label(c.name())).toList());
        String message = ok
                ? (comparedRows == 1 ? "the 1 row matches" : "all " + comparedRows + " rows match") + " by key ("
                        + keyText + ")"
                : (differs == 1 ? "1 row differs" : differs + " rows differ")
                        + columns(plan, ordered, exact, sampledDiffering,
                                legacyRows < 0 ? -1 : legacyRows - missing)
                        + ", " + missing + " missing from new, " + extra + " extra in new; key " + keyText
                        + jsonPaths(plan, samples);
        return CheckResult.of(plan.config().name(), Check.ROW_DIFF, "rows", ok ? Status.PASS : Status.FAIL, message)
                .withValues("missing=" + missing, "extra=" + extra, "differs=" + differs, "exact")
                .withSamples(samples);
    }

    /**
     * The columns that differ and in how many rows each: exact when the sample holds every differing row (the
     * samples show differing rows first), with the share of the paired rows; else the counts of the sample, said so.
     */
    private static String columns(DatasetPlan plan, Map<String, Long> byColumn, boolean exact, long sampled,
            long paired) {
        if (byColumn.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byColumn.forEach((c, n) -> parts.add(plan.label(c) + ": " + n
                + (exact && paired > 0 ? " (" + share(n, paired) + ")" : "")));
        return exact ? " (" + String.join(", ", parts) + (paired > 0 ? " of " + paired + " paired rows" : "") + ")"
                : " (in the " + sampled + " sampled: " + String.join(", ", parts) + "; a --sample-size of at least "
                        + "the differing rows counts every column)";
    }

    /**
     * Where each JSON column's first sampled differing value differs from its pair ({@code ; 'payload' of id=3
     * differs at $.items[1].qty: 2 in legacy, 3 in new}): a long document's change is otherwise hard to find.
     */
    private static String jsonPaths(DatasetPlan plan, List<SampleRow> samples) {
        StringBuilder out = new StringBuilder();
        for (Compared c : plan.all()) {
            if (!c.json()) {
                continue;
            }
            samples.stream().filter(s -> s.differing().contains(c.name())).findFirst().ifPresent(s ->
                    JsonValues.firstDifference(s.legacy().get(c.name()), s.current().get(c.name())).ifPresent(at ->
                            out.append("; '").append(plan.label(c.name())).append("' of ").append(keyOf(s))
                                    .append(" differs at ").append(at)));
        }
        return out.toString();
    }

    private static String keyOf(SampleRow s) {
        return String.join(", ", s.key().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** {@code part} of {@code whole} in percent, without trailing zeros: 5%, 2.5%, 0.0125%, 0.000033%. */
    private static String share(long part, long whole) {
        java.math.BigDecimal p = java.math.BigDecimal.valueOf(part).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(whole), java.math.MathContext.DECIMAL64);
        java.math.BigDecimal shown = p.compareTo(new java.math.BigDecimal("0.0001")) >= 0
                ? p.setScale(4, java.math.RoundingMode.HALF_UP) : p.round(new java.math.MathContext(2));
        return shown.stripTrailingZeros().toPlainString() + "%";
    }

    private static SampleRow sample(DatasetPlan plan, Map<String, Object> row) {
        String kind = String.valueOf(row.get("__kind"));
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            key.put(plan.keys().get(i).name(), Verdicts.text(row.get("k" + i)));
        }
        Map<String, String> legacy = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        Map<String, String> legacyRaw = new LinkedHashMap<>();
        Map<String, String> currentRaw = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        List<Compared> all = plan.all();
        for (int j = 0; j < all.size(); j++) {
            Compared c = all.get(j);
            String l = Verdicts.text(row.get("l" + j));
            String n = Verdicts.text(row.get("n" + j));
            if (!"extra".equals(kind)) {
                legacy.put(c.name(), l);
                raw(c, c.legacy(), row, RowDiffQuery.RAW + "l" + j, l).ifPresent(r -> legacyRaw.put(c.name(), r));
            }
            if (!"missing".equals(kind)) {
                current.put(c.name(), n);
                raw(c, c.current(), row, RowDiffQuery.RAW + "n" + j, n).ifPresent(r -> currentRaw.put(c.name(), r));
            }
            if ("differs".equals(kind) && !same(c, l, n)) {
                differing.add(c.name());
            }
        }
        return new SampleRow(kind, key, differing, legacy, current, legacyRaw, currentRaw);
    }

    /**
     * The stored text in column {@code name} of a sample row, when the row has it and it differs from {@code shown}:
     * for a side that stores text, or any JSON document. A typed side's number or interval has no stored text, only
     * each engine's spelling of it (DuckDB's {@code nan}, PostgreSQL's {@code NaN}), which would tell the paths apart
     * and the outputs not.
     */
    private static java.util.Optional<String> raw(Compared c, dev.migrate.validators.query.Column side,
            Map<String, Object> row, String name, String shown) {
        if (!row.containsKey(name) || !c.json() && !side.isText()) {
            return java.util.Optional.empty();
        }
        String raw = Verdicts.text(row.get(name));
        return Objects.equals(raw, shown) || raw == null ? java.util.Optional.empty() : java.util.Optional.of(raw);
    }

    /** A date or timestamp as the engine renders it, as an instant (naive ones in UTC, as compared); else null. */
    static java.time.Instant instant(String value) {
        String t = value.strip().replace(' ', 'T');
        if (t.length() > 10) {
            t = t.replaceFirst("([+-]\\d{2})$", "$1:00"); // a zone as DuckDB prints it (+00), not a date's day
        }
        try {
            if (t.length() == 10) {
                return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean same(Compared c, String l, String n) {
        if (c.booleans() != null) {
            return Objects.equals(c.booleans().canonical(l), c.booleans().canonical(n));
        }
        if (c.json()) {
            return JsonValues.same(l, n);
        }
        if ((c.widened() && !c.numeric() || c.moments()) && l != null && n != null) {
            java.time.Instant a = instant(l);
            java.time.Instant b = instant(n);
            if (a != null && b != null) {
                return a.equals(b);
            }
        }
        boolean asNumbers = !c.tolerance().isExact() || c.widened() || c.unboundedDecimals() || c.numbers();
        if (!asNumbers || l == null || n == null) {
            return Objects.equals(l, n);
        }
        try {
            if (c.tolerance().isExact()) {
                // exactly: a double would make two BIGINTs past 2^53 that differ by one the same number
                return new java.math.BigDecimal(l.strip()).compareTo(new java.math.BigDecimal(n.strip())) == 0;
            }
            return c.tolerance().accepts(new java.math.BigDecimal(l.strip()), new java.math.BigDecimal(n.strip()));
        } catch (NumberFormatException e) {
            return Objects.equals(l, n);
        }
    }
}
