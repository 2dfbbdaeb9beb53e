package dev.migrate.validators.config;

import java.util.List;
import java.util.Map;

/**
 * One dataset compared between the legacy and the new side.
 *
 * @param key             columns that identify a row; empty means no row diff (counts, schema, aggregates only)
 * @param tolerances      per-column numeric tolerance; columns not listed must match exactly
 * @param rowCount        how far the row counts may differ
 * @param allowNewColumns columns only in the new output are new features (reported, not failures)
 * @param ordered         whether row order is part of the contract
 * @param allowEmpty      whether an output without rows is acceptable rather than bad input
 * @param csv             how the legacy side's CSV files are read (the dataset's {@code csv}, with legacy's own keys)
 * @param newCsv          how the new side's are read: a new pipeline may write another encoding or delimiter
 * @param renameColumns   legacy column name to the name the new output gives it, in config order; every other
 *                        setting ({@link #key}, {@link #ignoreColumns}, {@link #tolerances}) and every report
 *                        names a renamed column by its new name
 * @param acceptTypeChanges column (its new name) to the type the new output now gives it on purpose: that type
 *                        change is reported as accepted (info) instead of failing the schema check; any other
 *                        type still fails, and the values are compared as without the entry
 * @param ignoreColumnCase a legacy column without a new column of its exact name is compared with the one new
 *                        column whose name differs from it only in case, as if {@link #renameColumns} listed it
 * @param strictFieldOrder two structs with the same fields in another order are a type change, as written; by
 *                        default their fields are compared by name ({@code StructFieldOrder})
 * @param jsonColumns     columns (their new names) that hold JSON documents on both sides whatever their types (a JSON
 *                        file's objects, JSON text in a CSV cell or a text column): compared as JSON values in one
 *                        canonical form, as a column typed JSON on one side is
 */
public record DatasetConfig(
        String name,
        String configPath,
        SourceSpec legacy,
        SourceSpec current,
        List<String> key,
        List<String> ignoreColumns,
        Map<String, Tolerance> tolerances,
        Tolerance rowCount,
        boolean allowNewColumns,
        boolean ordered,
        boolean allowEmpty,
        CsvOptions csv,
        CsvOptions newCsv,
        Map<String, String> renameColumns,
        Map<String, String> acceptTypeChanges,
        boolean ignoreColumnCase,
        boolean strictFieldOrder,
        List<String> jsonColumns) {
    /** A dataset that declares no JSON columns. */
    public DatasetConfig(String name, String configPath, SourceSpec legacy, SourceSpec current, List<String> key,
            List<String> ignoreColumns, Map<String, Tolerance> tolerances, Tolerance rowCount, boolean allowNewColumns,
            boolean ordered, boolean allowEmpty, CsvOptions csv, CsvOptions newCsv, Map<String, String> renameColumns,
            Map<String, String> acceptTypeChanges, boolean ignoreColumnCase, boolean strictFieldOrder) {
        this(name, configPath, legacy, current, key, ignoreColumns, tolerances, rowCount, allowNewColumns, ordered,
                allowEmpty, csv, newCsv, renameColumns, acceptTypeChanges, ignoreColumnCase, strictFieldOrder, List.of());
    }

    /** The CSV options of side {@code side} ("legacy" or "new"). */
    public CsvOptions csv(String side) {
        return "new".equals(side) ? newCsv : csv;
    }

    /**
     * The renames a read of side {@code side} applies (legacy name to new name): the legacy side's columns take
     * their new names as they are read, so every check compares both sides under one name; the new side reads
     * its columns as they are.
     */
    public Map<String, String> renames(String side) {
        return "legacy".equals(side) ? renameColumns : Map.of();
    }

    /** The legacy name of column {@code name} as compared (its new name), or {@code name} when it is not renamed. */
    public String legacyName(String name) {
        for (Map.Entry<String, String> e : renameColumns.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return name;
    }

    /** The same dataset with its sides' CSV files read with {@code legacyCsv} and {@code newCsv}. */
    public DatasetConfig withCsv(CsvOptions legacyCsv, CsvOptions newCsv) {
        return new DatasetConfig(name, configPath, legacy, current, key, ignoreColumns, tolerances, rowCount,
                allowNewColumns, ordered, allowEmpty, legacyCsv, newCsv, renameColumns, acceptTypeChanges,
                ignoreColumnCase, strictFieldOrder, jsonColumns);
    }

    /** The same dataset with {@code renames} (legacy name to new name) as its renamed columns. */
    public DatasetConfig withRenames(Map<String, String> renames) {
        return new DatasetConfig(name, configPath, legacy, current, key, ignoreColumns, tolerances, rowCount,
                allowNewColumns, ordered, allowEmpty, csv, newCsv, renames, acceptTypeChanges, ignoreColumnCase,
                strictFieldOrder, jsonColumns);
    }
}
