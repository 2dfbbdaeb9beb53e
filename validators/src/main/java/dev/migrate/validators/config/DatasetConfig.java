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
        CsvOptions csv) {
}
