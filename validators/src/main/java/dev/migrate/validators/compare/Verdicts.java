package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.config.SourceSpec;
import dev.migrate.validators.config.Tolerance;
import dev.migrate.validators.engine.StructFieldOrder;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.BooleanSpelling;
import dev.migrate.validators.query.TypeWidening;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns schemas and engine-computed aggregates into check results. Pure Java, the same for every
 * engine, so it is tested on plain values.
 */
public final class Verdicts {
    /** Float sums depend on summation order (threads); differences below this are noise, not data. */
    private static final Tolerance FLOAT_SUM_NOISE = new Tolerance(0, 1e-9);

    private Verdicts() {
    }

    /**
     * Every legacy column must exist in the new output; new columns are features (INFO) unless the
     * dataset forbids them. Type changes fail when both sides declare types (typed formats, databases),
     * unless the new type holds every value of the old one (INTEGER to BIGINT: {@link TypeWidening}); for
     * inferred types (CSV) they are INFO, since the values are still compared as text.
     */
    public static List<CheckResult> schema(DatasetPlan plan, boolean typesInferred) {
        String ds = plan.config().name();
        List<CheckResult> out = new ArrayList<>();
        for (Map.Entry<String, String> r : plan.config().renameColumns().entrySet()) {
            boolean ignored = plan.config().ignoreColumns().contains(r.getValue());
            out.add(CheckResult.of(ds, Check.SCHEMA, r.getValue(), Status.INFO, r.getKey() + " -> " + r.getValue()
                    + " (renamed): " + (ignored ? "ignored (ignore_columns)" : "legacy '" + r.getKey()
                    + "' is compared with new '" + r.getValue() + "'"))
                    .withValues(r.getKey(), r.getValue(), null, null));
        }
        for (String side : List.of("legacy", "new")) {
            plan.config().csv(side).columnTypes().forEach((stored, type) -> {
                if (type.startsWith(StructFieldOrder.STRUCT)) {
                    String name = "legacy".equals(side) ? plan.config().renames("legacy").getOrDefault(stored, stored)
                            : stored;
                    out.add(CheckResult.of(ds, Check.SCHEMA, name, Status.INFO, "'" + plan.label(name) + "': the "
                            + side + " output's structs hold the same fields in another order than the other side's; "
                            + "fields are named (and JSON objects have no order), so they are compared field by field "
                            + "(strict_field_order: true makes the order a type change)")
                            .withValues(null, null, null, "read as " + type));
                }
            });
        }
        for (Column m : plan.missing()) {
            out.add(CheckResult.of(ds, Check.SCHEMA, m.name(), Status.FAIL,
                    "missing column: '" + m.name() + "' (" + m.type() + ") is in the legacy output but not in the new one"
                            + caseHint(plan, m) + unnamedColumnHint(m))
                    .withValues(m.type(), null, null, null));
        }
        for (Column a : plan.added()) {
            Status s = plan.config().allowNewColumns() ? Status.INFO : Status.FAIL;
            out.add(CheckResult.of(ds, Check.SCHEMA, a.name(), s, "new column: '" + a.name() + "' (" + a.type()
                    + ") is only in the new output" + (s == Status.FAIL ? " and allow_new_columns is false" : "")
                    + unnamedColumnHint(a))
                    .withValues(null, a.type(), null, null));
        }
        for (Compared c : plan.all()) {
            String accepted = plan.config().acceptTypeChanges().get(c.name());
            if (c.booleans() != null) {
                out.add(booleans(plan, c));
            } else if (c.json() && c.asText() && c.legacy().isJson() && c.current().isJson()) {
                out.add(CheckResult.of(ds, Check.SCHEMA, c.name(), Status.INFO, "'" + plan.label(c.name()) + "' is "
                        + c.legacy().type() + " in legacy and " + c.current().type() + " in new; compared as JSON "
                        + "values, as jsonb reads them (key order and whitespace aside, the last of repeated keys kept)")
                        .withValues(c.legacy().type(), c.current().type(), null, "compared as jsonb"));
            } else if (c.json() && c.asText()) {
                out.add(CheckResult.of(ds, Check.SCHEMA, c.name(), Status.INFO, "'" + plan.label(c.name()) + "' is "
                        + c.legacy().type() + " in legacy and " + c.current().type() + " in new; compared as JSON "
                        + "values in one canonical form (keys sorted, numbers as their shortest exact decimal, no "
                        + "whitespace, a null member as an absent one), so the same document written another way is "
                        + "equal; a value that is no JSON is compared as written"
                        + (plan.config().jsonColumns().contains(c.name()) ? " (json_columns declares it)" : ""))
                        .withValues(c.legacy().type(), c.current().type(), null, "compared as canonical JSON"));
            } else if (c.asText() || c.widened()) {
                boolean wider = !typesInferred && TypeWidening.widens(c.legacy().type(), c.current().type());
                Status s = typesInferred || wider ? Status.INFO : Status.FAIL;
                String acceptance = "";
                if (accepted != null && s == Status.FAIL) {
                    boolean asAccepted = TypeWidening.sameType(accepted, c.current().type());
                    s = asAccepted ? Status.INFO : Status.FAIL;
                    acceptance = asAccepted ? "; accepted by accept_type_changes (the values are still compared)"
                            : "; accept_type_changes accepts " + accepted + " for it, not " + c.current().type();
                }
                out.add(CheckResult.of(ds, Check.SCHEMA, c.name(), s, "type " + (wider ? "widened" : "changed") + ": '"
                        + plan.label(c.name()) + "' is " + c.legacy().type() + " in legacy and " + c.current().type()
                        + " in new"
                        + (wider ? ", which holds every legacy value; the values are still compared" : "")
                        + (c.durations() ? "; a text that reads as an interval (1 mon 2 days) is compared as that "
                                + "duration, any other text differs" : "")
                        + (c.numbers() ? "; a text that reads as a number (2.50, 1e3) is compared as that number, "
                                + "trailing fraction zeros aside, any other text differs" : "")
                        + (c.moments() && !typesInferred ? "; a text that reads as a date or timestamp is compared as "
                                + "that moment, any other text differs" : "")
                        + (typesInferred ? " (types inferred from text; values compared as "
                                + (c.moments() ? "moments where the text reads as one, else text)" : !c.widened()
                                        ? "text)" : c.numeric() ? "numbers)" : "instants, naive ones read as UTC)")
                                : "")
                        + acceptance + epochHint(plan, c) + structHint(plan, c)
                        + (typesInferred ? thousandsHint(plan, c) : ""))
                        .withValues(c.legacy().type(), c.current().type(), null, accepted));
            } else if (accepted != null) {
                // a stale entry accepts nothing; said, so that it is removed before it hides a later change
                out.add(CheckResult.of(ds, Check.SCHEMA, c.name(), Status.INFO, "accept_type_changes lists '"
                        + plan.label(c.name()) + "', whose type did not change (" + c.current().type() + " on both "
                        + "sides); the entry accepts nothing")
                        .withValues(c.legacy().type(), c.current().type(), null, accepted));
            }
            if (c.legacy().nullable() != c.current().nullable()) {
                out.add(CheckResult.of(ds, Check.SCHEMA, c.name(), Status.INFO, "nullability changed: '"
                        + plan.label(c.name())
                        + "' is " + nullability(c.legacy()) + " in legacy and " + nullability(c.current()) + " in new")
                        .withValues(nullability(c.legacy()), nullability(c.current()), null, null));
            }
        }
        if (out.stream().noneMatch(r -> r.status() == Status.FAIL)) {
            out.add(0, CheckResult.of(ds, Check.SCHEMA, "columns", Status.PASS, "all " + plan.legacyColumns().size()
                    + " legacy columns are present in the new output")
                    .withValues(String.valueOf(plan.legacyColumns().size()), String.valueOf(plan.newColumns().size()),
                            null, null));
        }
        return out;
    }

    /**
     * A column one side spells as text or numbers and the other holds as BOOLEAN, read as booleans: info, naming the
     * spelling; values outside it are compared as written, so the values check names their rows.
     */
    private static CheckResult booleans(DatasetPlan plan, Compared c) {
        BooleanSpelling b = c.booleans();
        String spelled = "legacy".equals(b.side()) ? c.legacy().type() : c.current().type();
        if (b.againstNumbers()) {
            String numbers = "legacy".equals(b.side()) ? "new" : "legacy";
            return CheckResult.of(plan.config().name(), Check.SCHEMA, c.name(), Status.INFO, "'"
                    + plan.label(c.name()) + "' is " + c.legacy().type() + " in legacy and " + c.current().type()
                    + " in new; both hold flags, so both are read as boolean: the " + b.side() + " values spell only "
                    + b.pair() + " ('" + b.yes() + "' true, '" + b.no() + "' false) and the " + numbers
                    + " values are only 1 and 0 (1 true, 0 false)")
                    .withValues(c.legacy().type(), c.current().type(), null, "read as boolean from " + spelled + " "
                            + b.pair() + " and whole numbers 1/0");
        }
        return CheckResult.of(plan.config().name(), Check.SCHEMA, c.name(), Status.INFO, "'" + plan.label(c.name())
                + "' is " + c.legacy().type() + " in legacy and " + c.current().type() + " in new; the " + b.side()
                + " values are read as boolean from the spellings " + b.pair() + " ('" + b.yes() + "' true, '" + b.no()
                + "' false)" + (b.others() == 0 ? "" : "; " + b.others() + " " + (b.others() == 1 ? "value is" : "values are")
                        + " neither (" + b.examples().stream().map(v -> "'" + v + "'").collect(
                                java.util.stream.Collectors.joining(", ")) + (b.others() > b.examples().size() ? ", ..."
                                        : "") + "): compared as written, they differ"))
                .withValues(c.legacy().type(), c.current().type(), null, "read as boolean from " + spelled + " "
                        + b.pair());
    }

    /**
     * {@code part} of {@code whole} in percent, signed: four decimals, or two significant digits below 0.0001 % (one
     * row of three million is -0.000033 %, not -0.0000 %, which reads as no difference).
     */
    static String percent(long part, long whole) {
        BigDecimal p = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), java.math.MathContext.DECIMAL64);
        BigDecimal shown = part == 0 || p.abs().compareTo(new BigDecimal("0.0001")) >= 0
                ? p.setScale(4, java.math.RoundingMode.HALF_UP) : p.round(new java.math.MathContext(2));
        return (p.signum() >= 0 ? "+" : "") + shown.toPlainString() + "%";
    }

    /**
     * pandas' {@code to_csv} writes the DataFrame's index as a first column with an empty header unless told
     * {@code index=False}, and DuckDB names such a column {@code column0}: a legacy job that wrote it and a new one
     * that does not (or the reverse) differ by a column no reader asked for. Said where the column is reported.
     */
    /** Whole numbers a file's column holds (a timestamp as epoch seconds or milliseconds has no fraction). */
    private static final java.util.Set<String> WHOLE_NUMBERS = java.util.Set.of("TINYINT", "SMALLINT", "INTEGER",
            "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");

    /**
     * Numbers in one side's files against timestamps in the other's: perhaps epoch time (pandas' to_json writes
     * epoch milliseconds by default), which is said, not guessed, as numbers may be anything.
     */
    private static String epochHint(DatasetPlan plan, Compared c) {
        for (String side : List.of("legacy", "new")) {
            boolean legacy = "legacy".equals(side);
            String numbers = (legacy ? c.legacy() : c.current()).type();
            String other = (legacy ? c.current() : c.legacy()).type();
            SourceSpec source = legacy ? plan.config().legacy() : plan.config().current();
            if (WHOLE_NUMBERS.contains(numbers) && other.startsWith("TIMESTAMP") && source instanceof SourceSpec.Files) {
                // named as the side's files name it: the legacy name of a renamed column
                String stored = legacy ? plan.config().legacyName(c.name()) : c.name();
                return "; if its numbers count time since 1970 (pandas' to_json writes epoch milliseconds by default), "
                        + "read them as instants with " + side + ": {epoch_columns: {" + yamlKey(stored)
                        + ": milliseconds}} (or seconds, ...) in " + plan.config().configPath();
            }
        }
        return "";
    }

    /**
     * Where two struct types differ, by field name and path ({@code meta.zip is INTEGER in legacy and VARCHAR in
     * new}), rather than only the two whole types, which hide one changed field among many; or, when only the order
     * of their fields differs (compared as a type change only with strict_field_order), that it does.
     */
    private static String structHint(DatasetPlan plan, Compared c) {
        String legacy = c.legacy().type();
        String current = c.current().type();
        if (StructFieldOrder.reordered(legacy, current)) {
            return "; the fields are the same in another order, a type change as strict_field_order is true (without "
                    + "it, fields are compared by name)";
        }
        List<String> fields = StructFieldOrder.fieldDifferences(c.name(), legacy, current);
        return fields.isEmpty() ? "" : "; by field name: " + String.join(", ", fields);
    }

    private static final java.util.Set<String> NUMBERS = java.util.Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "HUGEINT", "DOUBLE", "FLOAT");

    /**
     * Text in one side's CSV files where the other's hold numbers: perhaps numbers whose digits are grouped
     * (1.234,50 from a German Excel export, "1,234.50"), which DuckDB reads as numbers only when told the separator.
     */
    private static String thousandsHint(DatasetPlan plan, Compared c) {
        for (String side : List.of("legacy", "new")) {
            boolean legacy = "legacy".equals(side);
            String text = (legacy ? c.legacy() : c.current()).type();
            String other = (legacy ? c.current() : c.legacy()).type();
            SourceSpec source = legacy ? plan.config().legacy() : plan.config().current();
            if ("VARCHAR".equals(text) && (NUMBERS.contains(other) || other.startsWith("DECIMAL"))
                    && source instanceof SourceSpec.Files && plan.config().csv(side).thousands().isEmpty()) {
                boolean comma = plan.config().csv(side).decimal() == ',';
                return "; if the " + side + " numbers group their digits (" + (comma ? "1.234,50" : "1,234.50")
                        + "), read them with " + side + ": {csv: {thousands: \"" + (comma ? "." : ",") + "\"}} in "
                        + plan.config().configPath();
            }
        }
        return "";
    }

    /** A column name as a YAML flow mapping's key: quoted unless it is a plain word. */
    private static String yamlKey(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "'" + name.replace("'", "''") + "'";
    }

    private static String unnamedColumnHint(Column c) {
        if (c.name().matches("__index_level_\\d+__")) {
            // pyarrow's name for a DataFrame index that is not a plain range (after a filter or a sort)
            return "; '" + c.name() + "' is the index pandas' to_parquet stores when it is not a plain range (after "
                    + "a filter, sort or concat) unless index=False: if it is that, add it to ignore_columns";
        }
        if ((c.name().equals("index") || c.name().equals("level_0")) && c.isIntegral()) {
            return "; '" + c.name() + "' is the name of the column pandas' to_sql writes for the DataFrame's index "
                    + "unless index=False: if it is that, add it to ignore_columns";
        }
        if (!c.name().matches("column\\d+")) {
            return "";
        }
        return "; '" + c.name() + "' is the name the engine gives a CSV column whose header is empty, such as the index "
                + "pandas' to_csv writes unless index=False: if it is that, add it to ignore_columns";
    }

    /**
     * A legacy column the new output writes in another case ({@code Amount} as {@code AMOUNT}) reads as one missing
     * and one new column, whose values are never compared: say which setting compares them.
     */
    private static String caseHint(DatasetPlan plan, Column missing) {
        List<String> sameButCase = plan.added().stream().map(Column::name)
                .filter(n -> n.equalsIgnoreCase(missing.name())).toList();
        if (sameButCase.size() != 1 || plan.config().ignoreColumnCase()) {
            return "";
        }
        return "; the new output has '" + sameButCase.get(0) + "', which differs from it only in case: set "
                + "ignore_column_case: true for the dataset (or rename_columns: {" + missing.name() + ": "
                + sameButCase.get(0) + "}) to compare them as one column";
    }

    private static String nullability(Column c) {
        return c.nullable() ? "nullable" : "NOT NULL";
    }

    public static CheckResult rowCount(String dataset, long legacy, long current, Tolerance tolerance) {
        boolean ok = tolerance.accepts(legacy, current);
        long diff = current - legacy;
        String pct = legacy == 0 ? "" : " (" + percent(diff, legacy) + ")";
        return CheckResult.of(dataset, Check.ROW_COUNT, "rows", ok ? Status.PASS : Status.FAIL,
                        ok ? "row counts match: " + legacy + (diff == 0 ? "" : " vs " + current + " within " + tolerance)
                           : "row counts differ: " + legacy + " legacy vs " + current + " new" + pct)
                .withValues(String.valueOf(legacy), String.valueOf(current), String.valueOf(diff), tolerance.toString());
    }

    /**
     * Compares the per-column aggregates computed by {@code ProfileQuery} (aliases {@code c<i>_<stat>}).
     * One result per column, naming each statistic that differs.
     */
    public static List<CheckResult> aggregates(DatasetPlan plan, Map<String, Object> legacy, Map<String, Object> current) {
        String ds = plan.config().name();
        long nLegacy = number(legacy.get("n")).longValue();
        long nNew = number(current.get("n")).longValue();
        List<CheckResult> out = new ArrayList<>();
        List<Compared> cols = plan.all();
        for (int i = 0; i < cols.size(); i++) {
            Compared c = cols.get(i);
            String p = "c" + i + "_";
            List<String> diffs = new ArrayList<>();
            StringBuilder lv = new StringBuilder();
            StringBuilder nv = new StringBuilder();
            long nullsL = nLegacy - number(legacy.get(p + "count")).longValue();
            long nullsN = nNew - number(current.get(p + "count")).longValue();
            compare("nulls", nullsL, nullsN, Tolerance.EXACT, false, false, diffs, lv, nv);
            boolean numeric = c.numeric() && !c.asText();
            Tolerance tol = c.tolerance();
            // exact numbers' bounds compare exactly: as doubles, two 20-digit values one apart were one bound
            boolean exact = numeric && tol.isExact() && !c.legacy().isFloat() && !c.current().isFloat();
            compare("min", legacy.get(p + "min"), current.get(p + "min"), tol, numeric, exact, diffs, lv, nv);
            compare("max", legacy.get(p + "max"), current.get(p + "max"), tol, numeric, exact, diffs, lv, nv);
            if (legacy.containsKey(p + "sum")) {
                Tolerance sumTol = tol.isExact() ? FLOAT_SUM_NOISE
                        : new Tolerance(tol.absolute() * Math.max(nLegacy, nNew), tol.relative());
                compare("sum", legacy.get(p + "sum"), current.get(p + "sum"), sumTol, true, false, diffs, lv, nv);
            }
            // a side whose engine cannot hash (standard SQL) has no hash aggregate: none is compared or claimed
            boolean hashed = tol.isExact() && legacy.containsKey(p + "hash") && current.containsKey(p + "hash");
            if (hashed) {
                compare("hash", legacy.get(p + "hash"), current.get(p + "hash"), Tolerance.EXACT, false, false, diffs,
                        lv, nv);
            }
            Status s = diffs.isEmpty() ? Status.PASS : Status.FAIL;
            String msg = diffs.isEmpty() ? "count, nulls, min, max" + (legacy.containsKey(p + "sum") ? ", sum" : "")
                    + (hashed ? ", hash" : "") + " match" : "aggregates differ: " + String.join(", ", diffs);
            String legacyName = plan.config().legacyName(c.name());
            if (!legacyName.equals(c.name())) {
                msg += " (renamed from " + legacyName + ")";
            }
            out.add(CheckResult.of(ds, Check.AGGREGATE, c.name(), s, msg)
                    .withValues(lv.toString(), nv.toString(), diffs.isEmpty() ? null : String.join(", ", diffs),
                            tol.toString()));
        }
        return out;
    }

    /**
     * With a key, the row diff compares every value of every row, so when it fails, aggregates that differ say
     * nothing it does not (one dropped row changes the count, sum and hash of every column): they become info,
     * pointing at the row diff. When the row diff passes, a differing aggregate stays a failure.
     */
    public static List<CheckResult> explainedByRowDiff(List<CheckResult> checks) {
        boolean rowsDiffer = checks.stream().anyMatch(c -> c.check() == Check.ROW_DIFF && c.status() == Status.FAIL);
        if (!rowsDiffer) {
            return checks;
        }
        return checks.stream().map(c -> c.check() == Check.AGGREGATE && c.status() == Status.FAIL
                ? c.withStatus(Status.INFO, c.message() + " (follows from the row differences: the key diff compares "
                        + "every value)")
                : c).toList();
    }

    /** @param exact compare numbers as exact decimals ({@code 2.50} is {@code 2.5}), not as doubles */
    private static void compare(String stat, Object l, Object n, Tolerance tol, boolean numeric, boolean exact,
            List<String> diffs, StringBuilder lv, StringBuilder nv) {
        boolean same;
        try {
            same = exact && l != null && n != null
                    ? new BigDecimal(text(l).strip()).compareTo(new BigDecimal(text(n).strip())) == 0
                    : numeric && l != null && n != null ? tol.accepts(number(l).doubleValue(), number(n).doubleValue())
                    : Objects.equals(text(l), text(n));
        } catch (NumberFormatException e) {
            // a SQLite column declared NUMERIC (or with no type) may hold text: its bounds are then text; a double's
            // NaN or infinity is one value however the engine spells it (DuckDB's sum of inf and -inf is -nan)
            same = numeric ? Objects.equals(nonFinite(text(l)), nonFinite(text(n))) : Objects.equals(text(l), text(n));
        }
        if (!same) {
            diffs.add(stat);
            lv.append(lv.length() == 0 ? "" : "; ").append(stat).append('=').append(text(l));
            nv.append(nv.length() == 0 ? "" : "; ").append(stat).append('=').append(text(n));
        }
    }

    /** A NaN or infinity in PostgreSQL's spelling (DuckDB writes {@code nan}, {@code -nan}, {@code inf}); else as is. */
    private static String nonFinite(String t) {
        String v = t == null ? null : t.strip().toLowerCase(java.util.Locale.ROOT);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "nan", "-nan", "+nan" -> "NaN";
            case "inf", "+inf", "infinity", "+infinity" -> "Infinity";
            case "-inf", "-infinity" -> "-Infinity";
            default -> t;
        };
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }

    public static Number number(Object o) {
        if (o instanceof Number n) {
            return n;
        }
        return o == null ? 0 : new BigDecimal(o.toString());
    }
}
