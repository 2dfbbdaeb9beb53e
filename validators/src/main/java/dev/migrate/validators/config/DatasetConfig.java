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
        CsvOptions newCsv) {
    /** The CSV options of side {@code side} ("legacy" or "new"). */
    public CsvOptions csv(String side) {
        return "new".equals(side) ? newCsv : csv;
    }
}
