package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds the row-diff result from the counts per kind and the sampled rows (aliases k/l/n as in RowDiffQuery). */
public final class RowDiffVerdict {
    private RowDiffVerdict() {
    }

    public static CheckResult of(DatasetPlan plan, Map<String, Long> counts, List<Map<String, Object>> sampleRows,
            long comparedRows) {
        long missing = counts.getOrDefault("missing", 0L);
        long extra = counts.getOrDefault("extra", 0L);
        long differs = counts.getOrDefault("differs", 0L);
        List<SampleRow> samples = new ArrayList<>();
        Set<String> differingColumns = new LinkedHashSet<>();
        for (Map<String, Object> row : sampleRows) {
            SampleRow s = sample(plan, row);
            samples.add(s);
            differingColumns.addAll(s.differing());
        }
        boolean ok = missing + extra + differs == 0;
        String keyText = String.join(", ", plan.keys().stream().map(c -> plan.label(c.name())).toList());
        String message = ok
                ? (comparedRows == 1 ? "the 1 row matches" : "all " + comparedRows + " rows match") + " by key ("
                        + keyText + ")"
                : (differs == 1 ? "1 row differs" : differs + " rows differ") + (differingColumns.isEmpty() ? "" : " (in " + String.join(", ",
                        differingColumns.stream().map(plan::label).toList())
                        + (samples.size() < missing + extra + differs ? ", in the sample" : "") + ")")
                        + ", " + missing + " missing from new, " + extra + " extra in new; key " + keyText;
        return CheckResult.of(plan.config().name(), Check.ROW_DIFF, "rows", ok ? Status.PASS : Status.FAIL, message)
                .withValues("missing=" + missing, "extra=" + extra, "differs=" + differs, "exact")
                .withSamples(samples);
    }

    private static SampleRow sample(DatasetPlan plan, Map<String, Object> row) {
        String kind = String.valueOf(row.get("__kind"));
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            key.put(plan.keys().get(i).name(), Verdicts.text(row.get("k" + i)));
        }
        Map<String, String> legacy = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        List<String> differing = new ArrayList<>();
        List<Compared> all = plan.all();
        for (int j = 0; j < all.size(); j++) {
            Compared c = all.get(j);
            String l = Verdicts.text(row.get("l" + j));
            String n = Verdicts.text(row.get("n" + j));
            if (!"extra".equals(kind)) {
                legacy.put(c.name(), l);
            }
            if (!"missing".equals(kind)) {
                current.put(c.name(), n);
            }
            if ("differs".equals(kind) && !same(c, l, n)) {
                differing.add(c.name());
            }
        }
        return new SampleRow(kind, key, differing, legacy, current);
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
        if ((c.widened() && !c.numeric() || c.moments()) && l != null && n != null) {
            java.time.Instant a = instant(l);
            java.time.Instant b = instant(n);
            if (a != null && b != null) {
                return a.equals(b);
            }
        }
        boolean asNumbers = !c.tolerance().isExact() || c.widened();
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
