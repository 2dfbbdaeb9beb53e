package dev.migrate.validators.engine;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass per side for files that are cheap to read again (Parquet): while DuckDB reads a side it
 * computes the column aggregates and collects each row's key, row hash and toleranced values into
 * a list, and nothing else is kept. The key diff unnests those lists; rows are read again only for
 * the sampled keys, which Parquet's row-group statistics make cheap.
 */
public final class StreamingScan {
    /** The collected (key, hash, toleranced values) structs and the files that had rows. */
    static final String ROWS = FileLoader.ENGINE_PREFIX + "rows";
    static final String FILES = FileLoader.ENGINE_PREFIX + "files";

    private StreamingScan() {
    }

    /** Only formats whose selective re-reads are cheap, and not when row order is checked (lists lose it). */
    public static boolean suits(List<Path> legacyFiles, List<Path> newFiles, boolean ordered) {
        return !ordered && legacyFiles != null && newFiles != null
                && FileLoader.formatOf(legacyFiles) == FileFormat.PARQUET
                && FileLoader.formatOf(newFiles) == FileFormat.PARQUET;
    }

    /**
     * Whether both sides' collected (key, hash) lists fit comfortably in half the engine's memory; they
     * cannot spill to disk, so larger inputs take the materialized path, which can. Row counts come
     * from the Parquet footers, without reading data.
     */
    public static boolean fitsInMemory(DuckDbSession session, DatasetPlan plan, List<Path> legacyFiles,
            List<Path> newFiles, long memoryBytes) throws java.sql.SQLException {
        long rows = 0;
        for (List<Path> files : List.of(legacyFiles, newFiles)) {
            Object n = session.query(new Statement("row count from footers",
                    "SELECT sum(num_rows) AS n FROM parquet_file_metadata(?)",
                    List.of(files.stream().map(Path::toString).toList()))).get(0).get("n");
            rows += n == null ? 0 : ((Number) n).longValue();
        }
        // Per row: keys, hash and toleranced values at 8 bytes or more each, and list/struct overhead.
        long perRow = 16L * (plan.keys().size() + 1 + plan.tolerant().size());
        return rows * perRow <= memoryBytes / 2;
    }

    /** Reads one side once into a one-row table: aggregates, the reduced rows and the contributing files. */
    public static Statement profileAndReduce(String table, DatasetPlan plan, List<Path> files, CsvOptions csv,
            List<ProfileQuery.ColumnPlan> columns) {
        Statement scan = FileLoader.scan(files, csv);
        List<String> select = new ArrayList<>(ProfileQuery.items(Dialect.DUCKDB, columns));
        if (!plan.keys().isEmpty()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                fields.add("'k" + i + "': " + Sql.quote(plan.keys().get(i).name()));
            }
            fields.add("'h': " + RowDiffQuery.rowHashExpr(plan));
            for (int i = 0; i < plan.tolerant().size(); i++) {
                fields.add("'t" + i + "': CAST(" + Sql.quote(plan.tolerant().get(i).name()) + " AS DOUBLE)");
            }
            // One list of structs, so key, hash and values of a row stay together.
            select.add("list({" + String.join(", ", fields) + "}) AS " + Sql.quote(ROWS));
        }
        select.add("list(DISTINCT " + Sql.quote(FileLoader.SOURCE_FILE) + ") AS " + Sql.quote(FILES));
        return new Statement("aggregates and row hashes (" + table + ")", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table)
                + " AS SELECT " + String.join(", ", select) + " FROM " + scan.sql(), scan.params());
    }

    /** The aggregates row, without the (large) list columns. */
    public static Statement profileRow(String table, DatasetPlan plan) {
        String lists = plan.keys().isEmpty() ? Sql.quote(FILES) : Sql.quote(ROWS) + ", " + Sql.quote(FILES);
        return Statement.of("aggregates (" + table + ")", "SELECT * EXCLUDE (" + lists + ") FROM " + Sql.quote(table));
    }

    public static Statement files(String table) {
        return Statement.of("files with rows", "SELECT unnest(" + Sql.quote(FILES) + ") AS f FROM " + Sql.quote(table));
    }

    /** The reduced rows as a relation with the original column names, as the row diff expects. */
    public static String reducedRelation(String table, DatasetPlan plan) {
        List<String> select = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add("r.k" + i + " AS " + Sql.quote(plan.keys().get(i).name()));
        }
        select.add("r.h AS " + Sql.quote(RowDiffQuery.ROW_HASH));
        List<Compared> tol = plan.tolerant();
        for (int i = 0; i < tol.size(); i++) {
            select.add("r.t" + i + " AS " + Sql.quote(tol.get(i).name()));
        }
        return "(SELECT " + String.join(", ", select) + " FROM (SELECT unnest(" + Sql.quote(ROWS) + ") AS r FROM "
                + Sql.quote(table) + ") AS u)";
    }

    /**
     * Reads again only the rows of the sampled keys into {@code table}. The keys are bound as constants,
     * so DuckDB can skip every Parquet row group whose statistics exclude them.
     */
    public static Statement sampleRows(String table, DatasetPlan plan, List<Path> files, CsvOptions csv,
            List<List<Object>> keys) {
        Statement scan = FileLoader.scan(files, csv);
        List<Object> params = new ArrayList<>(scan.params());
        List<String> anyOf = new ArrayList<>();
        for (List<Object> key : keys) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                Compared k = plan.keys().get(i);
                String col = k.asText() ? "CAST(" + Sql.quote(k.name()) + " AS VARCHAR)" : Sql.quote(k.name());
                if (key.get(i) == null) {
                    all.add(col + " IS NULL");
                } else {
                    all.add(col + " = ?");
                    params.add(key.get(i));
                }
            }
            anyOf.add("(" + String.join(" AND ", all) + ")");
        }
        String where = anyOf.isEmpty() ? "false" : String.join(" OR ", anyOf);
        return new Statement("sample rows (" + table + ")", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table)
                + " AS SELECT * FROM " + scan.sql() + " WHERE " + where, params);
    }
}
