package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.Tolerance;
import dev.migrate.validators.engine.FileLoader;
import dev.migrate.validators.query.BooleanSpelling;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.TypeWidening;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What will be compared for one dataset, worked out from the config and the two schemas before any
 * data is read: keys, columns compared exactly (hashed), columns compared within a tolerance, columns
 * only one side has, and columns whose type differs (compared as text).
 */
public record DatasetPlan(
        DatasetConfig config,
        List<Column> legacyColumns,
        List<Column> newColumns,
        List<Compared> keys,
        List<Compared> exact,
        List<Compared> tolerant,
        List<Column> missing,
        List<Column> added) {

    /**
     * A column both sides have. {@code asText} when their types differ, so values compare by their text;
     * {@code booleans} when one side spells the booleans the other side holds ({@link BooleanSpelling}), else null.
     */
    public record Compared(String name, Column legacy, Column current, boolean asText, Tolerance tolerance,
            BooleanSpelling booleans, boolean jsonValues, boolean numberTexts) {
        public Compared(String name, Column legacy, Column current, boolean asText, Tolerance tolerance) {
            this(name, legacy, current, asText, tolerance, null, false, false);
        }

        public Compared(String name, Column legacy, Column current, boolean asText, Tolerance tolerance,
                BooleanSpelling booleans, boolean jsonValues) {
            this(name, legacy, current, asText, tolerance, booleans, jsonValues, false);
        }

        /**
         * The side whose values may spell booleans: text or whole numbers there, a BOOLEAN on the other side; else
         * null. Only its values say whether they do ({@link BooleanSpelling#choose}).
         */
        public String spelledSide() {
            if (legacy.isBoolean() && spells(current)) {
                return "new";
            }
            return current.isBoolean() && spells(legacy) ? "legacy" : null;
        }

        /**
         * The side holding text when the other holds whole numbers and neither a BOOLEAN: both may be flags (a CSV's
         * Y/N against a SQLite INTEGER of 1/0), which only both sides' values say
         * ({@link BooleanSpelling#againstNumbers}); else null.
         */
        public String textFlagSide() {
            if (legacy.isText() && current.isIntegral()) {
                return "legacy";
            }
            return current.isText() && legacy.isIntegral() ? "new" : null;
        }

        private static boolean spells(Column c) {
            return c.isText() || c.isIntegral();
        }

        /**
         * json or jsonb on both sides of an engine that reads JSON values ({@link #withJsonValues}): compared as the
         * values, as jsonb reads them (key order and whitespace aside; {@link Dialect#json}).
         */
        public boolean json() {
            return jsonValues;
        }

        public Compared withBooleans(BooleanSpelling spelling) {
            return new Compared(name, legacy, current, asText, tolerance, spelling, jsonValues, numberTexts);
        }

        /**
         * Text on one side and numbers on the other, on an engine that reads the text as numbers
         * ({@link #withNumberTexts}): a text that reads as a number compares as that number, trailing fraction zeros
         * aside ({@link Dialect#numberText}).
         */
        public boolean numbers() {
            return numberTexts;
        }
        public boolean numeric() {
            return legacy.isNumeric() && current.isNumeric();
        }

        /**
         * Numbers of different types on the two sides (BIGINT and DOUBLE), compared as doubles, or dates and
         * timestamps of different types, compared as instants: not as text.
         */
        public boolean widened() {
            return !asText && !sameType(legacy, current);
        }

        /** Both sides hold whole numbers (INTEGER and BIGINT), compared as exact integers when widened. */
        public boolean integral() {
            return legacy.isIntegral() && current.isIntegral();
        }

        /** The column's value as compared in dialect {@code d}: its text, a number of one type, or itself. */
        public String value(Dialect d, String col) {
            return profile().value(d, col);
        }

        /**
         * Whether a sample shows this column's compared value rather than its stored text: a JSON document's
         * canonical text, the number or duration a text spells. Other readings (a double's widening, a spelled flag)
         * would only make a value harder to find in the output, and are shown as stored.
         */
        public boolean shownAsCompared() {
            return json() || durations() || numbers();
        }

        public ProfileQuery.ColumnPlan profile() {
            return new ProfileQuery.ColumnPlan(name, numeric(), asText, widened(), integral(), exact(), moments(),
                    booleans, json(), durations(), numbers());
        }

        /**
         * Text on one side and a date or timestamp on the other (a pipeline that now writes typed timestamps where it
         * wrote ISO text, or the reverse): a text that reads as a moment compares as that moment, as the other side
         * says what the values are; any other text differs. The schema check still reports the type change.
         */
        public boolean moments() {
            return asText && (legacy.isTemporal() && current.isText() || legacy.isText() && current.isTemporal());
        }

        /**
         * Text on one side and an interval on the other (a psql COPY export of an interval column,
         * {@code 1 mon 2 days}, against the table, copied as the engine's INTERVAL): a text that reads as an interval compares as that
         * duration, in the engine's spelling; any other text differs. The schema check still reports the type change.
         */
        public boolean durations() {
            return asText && (legacy.isInterval() && current.isText() || legacy.isText() && current.isInterval());
        }

        /**
         * Two exact number types that differ and are not both integers (BIGINT and DECIMAL(12,2), DECIMAL(38,10) and
         * DECIMAL(38,20)): compared as exact decimals; null for any other pair (a DOUBLE side is compared as doubles).
         */
        public ProfileQuery.Exact exact() {
            if (unboundedDecimals()) {
                return new ProfileQuery.Exact(38, Math.max(legacy.wholeDigits(), current.wholeDigits()));
            }
            if (!widened() || !numeric() || integral() || !exactNumber(legacy) || !exactNumber(current)) {
                return null;
            }
            int scale = Math.max(scaleOf(legacy), scaleOf(current));
            return new ProfileQuery.Exact(scale, Math.max(legacy.wholeDigits(), current.wholeDigits()));
        }

        /**
         * A decimal without a declared scale on both sides (PostgreSQL's {@code numeric}): one type, but each value
         * keeps the scale it was written with, so the same number is {@code 2.50} in one output and {@code 2.5} in the
         * other, and compared as text every such row differed. Compared as exact decimals instead, trailing fraction
         * zeros aside, as a column whose declared scale changed is (a declared scale's change stays a type change).
         */
        public boolean unboundedDecimals() {
            return !asText && exactNumber(legacy) && exactNumber(current) && !legacy.isIntegral()
                    && !current.isIntegral() && legacy.scale() < 0 && current.scale() < 0;
        }

        /**
         * The column's value as a tolerance compares it: exact numbers as exact numbers (a DOUBLE would make two
         * values 1e-21 apart equal, within any tolerance), other numbers as DOUBLE.
         */
        public String tolerantValue(String col) {
            if (exactNumber(legacy) && exactNumber(current)) {
                if (!widened()) {
                    return col;
                }
                if (integral()) {
                    return Dialect.DUCKDB.integer(col);
                }
                ProfileQuery.Exact e = exact();
                if (e != null && e.scale() + e.whole() <= 38) {
                    return Dialect.DUCKDB.decimal(col, e.scale(), e.whole());
                }
            }
            return "CAST(" + col + " AS DOUBLE)";
        }

        private static boolean exactNumber(Column c) {
            return c.isNumeric() && !c.isFloat() && !unsigned128(c);
        }

        /** A DECIMAL without a declared scale (PostgreSQL's numeric) may hold any: counted as the widest. */
        private static int scaleOf(Column c) {
            return c.scale() < 0 ? 38 : c.scale();
        }
    }

    /**
     * @param legacyAll the legacy output's columns as stored: the dataset's {@code rename_columns} are checked
     *                  against them and applied here, as every read of the legacy side applies them
     */
    public static DatasetPlan resolve(DatasetConfig configured, List<Column> legacyAll, List<Column> newAll) {
        DatasetConfig ds = ColumnCase.apply(configured, legacyAll, newAll);
        List<Column> legacy = visible(ColumnRenames.apply(ds, legacyAll, newAll), ds);
        List<Column> current = visible(newAll, ds);
        Map<String, Column> byName = new LinkedHashMap<>();
        current.forEach(c -> byName.put(c.name(), c));
        for (String k : ds.key()) {
            requireColumn(ds, k, legacy, "legacy", "key");
            requireColumn(ds, k, current, "new", "key");
        }
        for (String t : ds.tolerances().keySet()) {
            requireColumn(ds, t, legacy, "legacy", "tolerances");
        }
        for (String t : ds.acceptTypeChanges().keySet()) {
            requireColumn(ds, t, legacy, "legacy", "accept_type_changes");
            requireColumn(ds, t, current, "new", "accept_type_changes");
        }
        for (String j : ds.jsonColumns()) {
            requireColumn(ds, j, legacy, "legacy", "json_columns");
            requireColumn(ds, j, current, "new", "json_columns");
        }
        List<Compared> keys = new ArrayList<>();
        List<Compared> exact = new ArrayList<>();
        List<Compared> tolerant = new ArrayList<>();
        List<Column> missing = new ArrayList<>();
        for (Column l : legacy) {
            Column n = byName.get(l.name());
            if (n == null) {
                missing.add(l);
                continue;
            }
            // A pipeline that writes 3750.0 where the old one wrote 3750 wrote the same number: numbers of which
            // one is not whole compare as doubles; whole numbers of two widths (INTEGER and BIGINT) as exact
            // integers, so that their sums, bounds and tolerances are those of numbers, not of text.
            boolean asText = !sameType(l, n)
                    && !(l.isNumeric() && n.isNumeric() && !unsigned128(l) && !unsigned128(n))
                    && !(l.isTemporal() && n.isTemporal());
            Tolerance tol = ds.tolerances().get(l.name());
            Compared c = new Compared(l.name(), l, n, asText, tol == null ? Tolerance.EXACT : tol);
            if (ds.key().contains(l.name())) {
                keys.add(c);
            } else if (tol != null && !tol.isExact()) {
                if (!c.numeric()) {
                    throw new BadInputException(ds.configPath() + ".tolerances." + l.name() + ": column '" + l.name()
                            + "' is " + l.type() + " on the legacy side and " + n.type() + " on the new side; a "
                            + "tolerance needs numbers on both. Remove the tolerance or fix the column type");
                }
                tolerant.add(c);
            } else {
                exact.add(c);
            }
        }
        keys.sort(java.util.Comparator.comparingInt(c -> ds.key().indexOf(c.name())));
        List<Column> added = current.stream()
                .filter(c -> legacy.stream().noneMatch(l -> l.name().equals(c.name())))
                .toList();
        return new DatasetPlan(ds, legacy, current, List.copyOf(keys), List.copyOf(exact), List.copyOf(tolerant),
                List.copyOf(missing), added);
    }

    /**
     * The same plan, its columns of {@code spellings} (compared name to the spelling one side's values were found
     * to use) compared as booleans.
     */
    public DatasetPlan withBooleans(Map<String, BooleanSpelling> spellings) {
        if (spellings.isEmpty()) {
            return this;
        }
        java.util.function.Function<List<Compared>, List<Compared>> apply = cs -> cs.stream()
                .map(c -> spellings.containsKey(c.name()) ? c.withBooleans(spellings.get(c.name())) : c).toList();
        return new DatasetPlan(config, legacyColumns, newColumns, apply.apply(keys), apply.apply(exact),
                apply.apply(tolerant), missing, added);
    }

    /**
     * The same plan, its columns that are json or jsonb on both sides compared as JSON values: only PostgreSQL reads
     * them so ({@link Dialect#json}); SQLite's and DuckDB's are compared as written.
     */
    public DatasetPlan withJsonValues() {
        java.util.function.Function<List<Compared>, List<Compared>> apply = cs -> cs.stream()
                .map(c -> c.legacy().isJson() && c.current().isJson() ? new Compared(c.name(), c.legacy(), c.current(),
                        c.asText(), c.tolerance(), c.booleans(), true, c.numberTexts()) : c).toList();
        return new DatasetPlan(config, legacyColumns, newColumns, apply.apply(keys), apply.apply(exact),
                apply.apply(tolerant), missing, added);
    }

    /**
     * The same plan, its columns that are text on one side and numbers on the other (a pipeline that now writes
     * {@code numeric} where it wrote the text of the amounts) compared as numbers where the text reads as one: PostgreSQL
     * compared in place and the embedded engine read them alike ({@link Dialect#numberText}); elsewhere (two SQLite
     * files in place) the text is compared as
     * written. A column read as spelled flags is left as it is.
     */
    public DatasetPlan withNumberTexts() {
        java.util.function.Function<List<Compared>, List<Compared>> apply = cs -> cs.stream()
                .map(c -> c.booleans() == null && !c.json() && c.asText() && (c.legacy().isNumeric()
                        && c.current().isText() || c.legacy().isText() && c.current().isNumeric())
                        ? new Compared(c.name(), c.legacy(), c.current(), c.asText(), c.tolerance(), null, false, true)
                        : c).toList();
        return new DatasetPlan(config, legacyColumns, newColumns, apply.apply(keys), apply.apply(exact),
                apply.apply(tolerant), missing, added);
    }

    /**
     * The same plan for the embedded engine: a column that is JSON on one side (a database's json or jsonb, copied as
     * the engine's JSON) and JSON, text, a STRUCT, a MAP or a list on the other (a JSON file's objects, which DuckDB
     * reads as STRUCTs; JSON written into a CSV or a Parquet string) compared as JSON values in one canonical spelling
     * ({@link Dialect#json}): the same document, written with other key order, spacing or number spelling, is equal.
     * So is a column the dataset's {@code json_columns} names, whatever its types: neither side's type says it holds
     * JSON when a JSON file's objects (STRUCTs) face JSON text in a CSV cell, or text faces text.
     */
    public DatasetPlan withJsonDocuments() {
        java.util.function.Function<List<Compared>, List<Compared>> apply = cs -> cs.stream()
                .map(c -> jsonDocuments(c) || config.jsonColumns().contains(c.name()) ? new Compared(c.name(), c.legacy(), c.current(), c.asText(), c.tolerance(),
                        c.booleans(), true, c.numberTexts()) : c).toList();
        return new DatasetPlan(config, legacyColumns, newColumns, apply.apply(keys), apply.apply(exact),
                apply.apply(tolerant), missing, added);
    }

    private static boolean jsonDocuments(Compared c) {
        return c.legacy().isJson() && holdsJson(c.current()) || c.current().isJson() && holdsJson(c.legacy());
    }

    /** A type whose values may be written as a JSON document: JSON, text, a STRUCT, a MAP or a list. */
    private static boolean holdsJson(Column c) {
        String t = c.type().strip().toUpperCase(java.util.Locale.ROOT);
        return c.isJson() || c.isText() || t.startsWith("STRUCT(") || t.startsWith("MAP(") || t.endsWith("[]");
    }

    /** Every compared column: keys first, then exact, then tolerant. */
    public List<Compared> all() {
        List<Compared> out = new ArrayList<>(keys);
        out.addAll(exact);
        out.addAll(tolerant);
        return out;
    }

    public List<Compared> values() {
        List<Compared> out = new ArrayList<>(exact);
        out.addAll(tolerant);
        return out;
    }

    /**
     * Column {@code name} (its new name) as a report shows it: with its legacy name too when the dataset renames
     * it ({@code customer_id (legacy cust_id)}), so that a reader can find it in the legacy output.
     */
    public String label(String name) {
        String legacyName = config.legacyName(name);
        return legacyName.equals(name) ? name : name + " (legacy " + legacyName + ")";
    }

    public Optional<Compared> column(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static List<Column> visible(List<Column> all, DatasetConfig ds) {
        return all.stream()
                .filter(c -> !c.name().startsWith(FileLoader.ENGINE_PREFIX))
                .filter(c -> !ds.ignoreColumns().contains(c.name()))
                .toList();
    }

    /** UHUGEINT has values no other integer type holds: compared by text rather than cast to HUGEINT. */
    private static boolean unsigned128(Column c) {
        return c.type().equalsIgnoreCase("UHUGEINT");
    }

    /** One type, perhaps under two names ({@code TIMESTAMP} and {@code DATETIME}: {@link TypeWidening#sameType}). */
    private static boolean sameType(Column a, Column b) {
        return TypeWidening.sameType(a.type(), b.type());
    }

    private static void requireColumn(DatasetConfig ds, String name, List<Column> cols, String side, String what) {
        if (cols.stream().noneMatch(c -> c.name().equals(name))) {
            List<String> names = cols.stream().map(Column::name).toList();
            // a pipeline that renames headers (Id -> id) is the usual cause: say which column it probably is
            String hint = dev.migrate.validators.config.Suggest.closest(name, names)
                    .map(s -> "; did you mean '" + s + "'? Names match exactly, case included"
                            + (s.equalsIgnoreCase(name) && !ds.ignoreColumnCase() ? " (ignore_column_case: true "
                                    + "compares columns whose names differ only in case)" : ""))
                    .orElse("");
            throw new BadInputException(ds.configPath() + "." + what + ": column '" + name + "' is not in the " + side
                    + " output of dataset '" + ds.name() + "' (its columns: " + String.join(", ", names) + ")" + hint
                    + "; fix the name in the config");
        }
    }
}
