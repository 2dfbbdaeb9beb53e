package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Where each column's non-null count, min and max come from for a one-pass scan: Parquet footers where
 * DuckDB answers them from the row-group statistics, the scan itself otherwise.
 *
 * <p>DuckDB answers an ungrouped count/min/max query without reading data only when every aggregate in it
 * can be answered that way; a single column it cannot answer (a BOOLEAN, a column compared as text, a file
 * written without statistics) makes it read every column the query names. So the columns that qualify are
 * asked in one footer query, checked beforehand with {@code EXPLAIN} (the plan must not read the file),
 * and the others are bounded by the scan, which reads them anyway. Ten separate per-column queries cost
 * about 0.09 s per side on the benchmark's files; one footer query and its check about 0.01 s.
 */
public final class FooterBounds {
    /**
     * Types whose min and max DuckDB computes by reading even when the footer has statistics: their bounds are
     * taken from the row groups' statistics ourselves, when every row group has them.
     */
    private static final List<String> READ_TYPES = List.of("BOOLEAN", "BOOL");

    /** The footer query (null when no column qualifies) and the columns the scan bounds instead. */
    public record Split(Statement footers, IntPredicate inScan) {
        static Split allInScan() {
            return new Split(null, i -> true);
        }
    }

    private FooterBounds() {
    }

    /**
     * Splits {@code columns} for {@code files} ({@code typeOf} gives a column's type on this side). Reads
     * footers only. CSV and other formats have no statistics: the scan bounds every column.
     */
    public static Split split(DuckDbSession session, String side, List<Path> files, CsvOptions csv,
            List<ProfileQuery.ColumnPlan> columns, IntFunction<String> typeOf) {
        if (FileLoader.formatOf(files) != FileFormat.PARQUET) {
            return Split.allInScan();
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).asText() && !READ_TYPES.contains(typeOf.apply(i).toUpperCase(Locale.ROOT))) {
                candidates.add(i);
            }
        }
        List<Integer> footer = candidates;
        if (!candidates.isEmpty() && !answeredFromFooters(session, query(side, files, csv, columns, candidates), files, csv)) {
            // Some column lacks usable statistics: find which, one plan each (planning reads footers only).
            footer = new ArrayList<>();
            for (int i : candidates) {
                if (answeredFromFooters(session, query(side, files, csv, columns, List.of(i)), files, csv)) {
                    footer.add(i);
                }
            }
        }
        List<Integer> booleans = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).asText() && READ_TYPES.contains(typeOf.apply(i).toUpperCase(Locale.ROOT))
                    && statisticsComplete(session, files, csv, columns.get(i).name())) {
                booleans.add(i);
            }
        }
        List<Integer> fromFooters = footer;
        return new Split(combined(fromFooters.isEmpty() ? null : query(side, files, csv, columns, fromFooters),
                booleans.isEmpty() ? null : booleanQuery(side, files, columns, booleans)),
                i -> !fromFooters.contains(i) && !booleans.contains(i));
    }

    /**
     * The bounds of BOOLEAN columns, which DuckDB reads the data for, straight from the row groups' statistics
     * ({@code parquet_metadata}): non-null count as rows minus nulls, min and max over the row groups' bounds
     * (an all-NULL row group has none). About 0.09x of the hash pass on the benchmark's one BOOLEAN column.
     */
    private static Statement booleanQuery(String side, List<Path> files, List<ProfileQuery.ColumnPlan> columns,
            List<Integer> which) {
        List<String> items = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        // CASE, not FILTER: the cast must only see this column's bounds
        String here = "CASE WHEN path_in_schema = ? THEN ";
        for (int i : which) {
            items.add("CAST(sum(" + here + "row_group_num_rows - stats_null_count END) AS BIGINT) AS c" + i + "_count");
            items.add("CAST(min(" + here + "CAST(stats_min_value AS BOOLEAN) END) AS VARCHAR) AS c" + i + "_min");
            items.add("CAST(max(" + here + "CAST(stats_max_value AS BOOLEAN) END) AS VARCHAR) AS c" + i + "_max");
            params.addAll(java.util.Collections.nCopies(3, columns.get(i).name()));
        }
        params.add(files.stream().map(Path::toString).toList());
        return new Statement("column bounds from row-group statistics (" + side + ")", "SELECT "
                + String.join(", ", items) + " FROM parquet_metadata(?)", params);
    }

    /** Whether every row group of every file has the null count, and bounds unless all its values are NULL. */
    private static boolean statisticsComplete(DuckDbSession session, List<Path> files, CsvOptions csv, String column) {
        Statement check = new Statement("row-group statistics check", "SELECT count(*) AS groups, count(*) FILTER "
                + "(WHERE stats_null_count IS NOT NULL AND (stats_null_count = row_group_num_rows OR stats_min_value IS "
                + "NOT NULL AND stats_max_value IS NOT NULL)) AS complete FROM parquet_metadata(?) WHERE path_in_schema "
                + "= ?", List.of(files.stream().map(Path::toString).toList(), column));
        var row = FileLoader.query(session, check, files, csv).get(0);
        long groups = ((Number) row.get("groups")).longValue();
        return groups > 0 && groups == ((Number) row.get("complete")).longValue();
    }

    /** Both bound queries as one statement of one row (either may be missing). */
    private static Statement combined(Statement footers, Statement booleans) {
        if (footers == null || booleans == null) {
            return footers != null ? footers : booleans;
        }
        List<Object> params = new ArrayList<>(footers.params());
        params.addAll(booleans.params());
        return new Statement(footers.purpose(), "SELECT * FROM (" + footers.sql() + ") AS f, (" + booleans.sql()
                + ") AS b", params);
    }

    /** Whether DuckDB's plan for {@code st} reads no data: the statistics answer it. */
    private static boolean answeredFromFooters(DuckDbSession session, Statement st, List<Path> files, CsvOptions csv) {
        StringBuilder plan = new StringBuilder();
        for (var row : FileLoader.query(session, new Statement("footer statistics check", "EXPLAIN " + st.sql(),
                st.params()), files, csv)) {
            plan.append(row.get("explain_value"));
        }
        return plan.length() > 0 && !plan.toString().toUpperCase(Locale.ROOT).contains("READ_PARQUET");
    }

    private static Statement query(String side, List<Path> files, CsvOptions csv, List<ProfileQuery.ColumnPlan> columns,
            List<Integer> which) {
        Statement scan = FileLoader.scan(files, csv, false);
        List<String> items = new ArrayList<>();
        for (int i : which) {
            items.addAll(ProfileQuery.boundItems(Dialect.DUCKDB, columns.get(i), i));
        }
        return new Statement("column bounds from footers (" + side + ")", "SELECT " + String.join(", ", items)
                + " FROM " + scan.sql(), scan.params());
    }
}
