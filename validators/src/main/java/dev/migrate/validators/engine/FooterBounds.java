package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
    /**
     * The footer query (null when no column qualifies), the columns the scan bounds instead, the bounds already
     * read from the row groups' statistics ({@code c<i>_count}, {@code _min}, {@code _max}), and the query that
     * read them (null when there was none), for {@code --dry-run}.
     */
    public record Split(Statement footers, IntPredicate inScan, Map<String, Object> known, Statement statistics) {
        static Split allInScan() {
            return new Split(null, i -> true, Map.of(), null);
        }
    }

    private FooterBounds() {
    }

    /**
     * Splits {@code columns} for {@code files} ({@code typeOf} gives a column's type on this side). Reads
     * footers only. CSV and other formats have no statistics: the scan bounds every column. {@code renames} (stored
     * name to compared name) are the side's renamed columns: the columns of the plan have their compared names.
     */
    public static Split split(DuckDbSession session, String side, List<Path> files, CsvOptions csv,
            Map<String, String> renames, List<ProfileQuery.ColumnPlan> columns, IntFunction<String> typeOf) {
        if (FileLoader.formatOf(files) != FileFormat.PARQUET) {
            return Split.allInScan();
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).asText() && !columns.get(i).widened() && !columns.get(i).json() && !READ_TYPES.contains(typeOf.apply(i).toUpperCase(Locale.ROOT))) {
                candidates.add(i);
            }
        }
        List<Integer> footer = candidates;
        if (!candidates.isEmpty() && !answeredFromFooters(session, query(side, files, csv, renames, columns, candidates), files, csv)) {
            // Some column lacks usable statistics: find which, one plan each (planning reads footers only).
            footer = new ArrayList<>();
            for (int i : candidates) {
                if (answeredFromFooters(session, query(side, files, csv, renames, columns, List.of(i)), files, csv)) {
                    footer.add(i);
                }
            }
        }
        List<Integer> booleans = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).asText() && !columns.get(i).widened() && !columns.get(i).json() && READ_TYPES.contains(typeOf.apply(i).toUpperCase(Locale.ROOT))) {
                booleans.add(i);
            }
        }
        Statement statistics = booleans.isEmpty() ? null : booleanQuery(side, files, renames, columns, booleans);
        Map<String, Object> known = new LinkedHashMap<>();
        if (statistics != null) {
            Map<String, Object> row = FileLoader.query(session, statistics, files, csv).get(0);
            for (int i : booleans) {
                long groups = ((Number) row.get("c" + i + "_groups")).longValue();
                if (groups > 0 && groups == ((Number) row.get("c" + i + "_complete")).longValue()) {
                    for (String stat : List.of("count", "min", "max")) {
                        known.put("c" + i + "_" + stat, row.get("c" + i + "_" + stat));
                    }
                }
            }
        }
        List<Integer> fromFooters = footer;
        return new Split(fromFooters.isEmpty() ? null : query(side, files, csv, renames, columns, fromFooters),
                i -> !fromFooters.contains(i) && !known.containsKey("c" + i + "_count"),
                java.util.Collections.unmodifiableMap(known), statistics);
    }

    /**
     * The bounds of BOOLEAN columns, which DuckDB reads the data for, straight from the row groups' statistics
     * ({@code parquet_metadata}): non-null count as rows minus nulls, min and max over the row groups' bounds
     * (an all-NULL row group has none), and whether every row group has them ({@code _groups} against
     * {@code _complete}); the scan bounds a column where one does not. About 0.09x of the hash pass on the
     * benchmark's one BOOLEAN column.
     */
    private static Statement booleanQuery(String side, List<Path> files, Map<String, String> renames,
            List<ProfileQuery.ColumnPlan> columns, List<Integer> which) {
        List<String> items = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String here = "CASE WHEN path_in_schema = ? THEN ";
        for (int i : which) {
            String c = "c" + i;
            items.add("count(" + here + "1 END) AS " + c + "_groups");
            items.add("count(" + here + "CASE WHEN stats_null_count = row_group_num_rows OR TRY_CAST(stats_min_value AS "
                    + "BOOLEAN) IS NOT NULL AND TRY_CAST(stats_max_value AS BOOLEAN) IS NOT NULL THEN stats_null_count END "
                    + "END) AS " + c + "_complete");
            items.add("CAST(sum(" + here + "row_group_num_rows - stats_null_count END) AS BIGINT) AS " + c + "_count");
            items.add("CAST(min(" + here + "TRY_CAST(stats_min_value AS BOOLEAN) END) AS VARCHAR) AS " + c + "_min");
            items.add("CAST(max(" + here + "TRY_CAST(stats_max_value AS BOOLEAN) END) AS VARCHAR) AS " + c + "_max");
            // the footers name a column as the file stores it
            params.addAll(java.util.Collections.nCopies(5, stored(columns.get(i).name(), renames)));
        }
        params.add(files.stream().map(Path::toString).toList());
        return new Statement("column bounds from row-group statistics (" + side + ")", "SELECT "
                + String.join(", ", items) + " FROM parquet_metadata(?)", params);
    }

    private static String stored(String compared, Map<String, String> renames) {
        return renames.entrySet().stream().filter(e -> e.getValue().equals(compared)).map(Map.Entry::getKey)
                .findFirst().orElse(compared);
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

    private static Statement query(String side, List<Path> files, CsvOptions csv, Map<String, String> renames,
            List<ProfileQuery.ColumnPlan> columns, List<Integer> which) {
        Statement scan = FileLoader.scan(files, csv, false, renames);
        List<String> items = new ArrayList<>();
        for (int i : which) {
            items.addAll(ProfileQuery.boundItems(Dialect.DUCKDB, columns.get(i), i));
        }
        return new Statement("column bounds from footers (" + side + ")", "SELECT " + String.join(", ", items)
                + " FROM " + scan.sql(), scan.params());
    }
}
