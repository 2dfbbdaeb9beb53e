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
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One pass per side for Parquet and plain CSV files: while DuckDB reads a side it computes the column
 * aggregates, a checksum of its rows, and collects each row's key, row hash and toleranced values into a
 * list, and nothing else is kept. The key diff unnests those lists (only the legacy one when the checksums
 * show the same rows on both sides); rows are read again only for the sampled keys: Parquet's row-group
 * statistics skip most of the file, and a CSV re-read stops once every sampled key is found. A side read on
 * one engine thread keeps its list in file order (threads would each collect a part), which lets the key
 * diff pair rows by position.
 */
public final class StreamingScan {
    /** The collected (key, hash, toleranced values) structs and the files that had rows. */
    static final String ROWS = FileLoader.ENGINE_PREFIX + "rows";
    static final String FILES = FileLoader.ENGINE_PREFIX + "files";
    /** Prefix of the per-column hashes computed while reading: column {@code i} of the plan is hashed once. */
    static final String HASH = FileLoader.ENGINE_PREFIX + "h";

    private StreamingScan() {
    }

    /** Bytes of a CSV file read to estimate its row count from its average line length. */
    private static final int CSV_SAMPLE_BYTES = 1 << 20;

    /**
     * Parquet and uncompressed CSV (whose row count can be estimated without reading it), and not when
     * row order is checked (lists lose it).
     */
    public static boolean suits(List<Path> legacyFiles, List<Path> newFiles, boolean ordered) {
        return !ordered && legacyFiles != null && newFiles != null && suits(legacyFiles) && suits(newFiles);
    }

    private static boolean suits(List<Path> files) {
        FileFormat format = FileLoader.formatOf(files);
        return format == FileFormat.PARQUET || format == FileFormat.CSV && files.stream()
                .noneMatch(f -> f.getFileName().toString().matches("(?i).*\\.(gz|gzip|zst|zstd)$"));
    }

    /**
     * Whether both sides' collected (key, hash) lists fit comfortably in half the engine's memory; they
     * cannot spill to disk, so larger inputs take the materialized path, which can. Parquet row counts
     * come from the footers; CSV row counts are estimated from the size and the first lines.
     */
    public static boolean fitsInMemory(DuckDbSession session, DatasetPlan plan, List<Path> legacyFiles,
            List<Path> newFiles, long memoryBytes) throws java.sql.SQLException {
        long rows = rows(session, legacyFiles) + rows(session, newFiles);
        // Per row: keys, hash and toleranced values at 8 bytes or more each, and list/struct overhead.
        long perRow = 16L * (plan.keys().size() + 1 + plan.tolerant().size());
        return rows * perRow <= memoryBytes / 2;
    }

    /** The rows the Parquet files' footers record, as {@code n}. */
    static Statement footerRows(List<Path> files) {
        return new Statement("row count from footers", "SELECT sum(num_rows) AS n FROM parquet_file_metadata(?)",
                List.of(files.stream().map(Path::toString).toList()));
    }

    private static long rows(DuckDbSession session, List<Path> files) throws java.sql.SQLException {
        if (FileLoader.formatOf(files) == FileFormat.PARQUET) {
            Object n = session.query(footerRows(files)).get(0).get("n");
            return n == null ? 0 : ((Number) n).longValue();
        }
        long rows = 0;
        for (Path f : files) {
            rows += estimatedCsvRows(f);
        }
        return rows;
    }

    /** Size over the average length of the first lines, with a quarter more for shorter lines later on. */
    static long estimatedCsvRows(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(CSV_SAMPLE_BYTES);
            long lines = 0;
            for (byte b : head) {
                if (b == '\n') {
                    lines++;
                }
            }
            long size = java.nio.file.Files.size(file);
            if (head.length == size) {
                return lines + 1;
            }
            return (long) (size / ((double) head.length / Math.max(1, lines)) * 1.25) + 1;
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE / 4; // unreadable now: the materialized path reports it properly
        }
    }

    /**
     * Reads one side once into a one-row table: aggregates, the reduced rows and, for several files, the
     * files that had rows (a single file had rows when the count is not zero).
     */
    public static Statement profileAndReduce(String table, DatasetPlan plan, List<Path> files, CsvOptions csv,
            Map<String, String> renames, List<ProfileQuery.ColumnPlan> columns, IntPredicate boundsInScan) {
        boolean several = files.size() > 1;
        Statement scan = FileLoader.scan(files, csv, several, renames);
        // Each column is hashed once: its hash feeds both the column's hash aggregate and the row hash.
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String col = Sql.quote(columns.get(i).name());
            hashes.add("hash(" + columns.get(i).value(Dialect.DUCKDB, col) + ") AS "
                    + Sql.quote(HASH + i));
        }
        // Parquet footers answer count, min and max of most columns (see FooterBounds); the scan bounds the rest.
        List<String> select = new ArrayList<>(ProfileQuery.items(Dialect.DUCKDB, columns, !plan.keys().isEmpty(),
                i -> HASH + i, boundsInScan));
        if (!plan.keys().isEmpty()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                fields.add("'k" + i + "': " + Sql.quote(plan.keys().get(i).name()));
            }
            fields.add("'h': " + Sql.quote(RowDiffQuery.ROW_HASH));
            for (int i = 0; i < plan.tolerant().size(); i++) {
                fields.add("'t" + i + "': " + plan.tolerant().get(i).tolerantValue(Sql.quote(plan.tolerant().get(i).name())));
            }
            // One list of structs, so key, hash and values of a row stay together.
            select.add("list({" + String.join(", ", fields) + "}) AS " + Sql.quote(ROWS));
            select.add(RowDiffQuery.rowsChecksum(plan));
        }
        if (several) {
            select.add("list(DISTINCT " + Sql.quote(FileLoader.SOURCE_FILE) + ") AS " + Sql.quote(FILES));
        }
        String hashed = "(SELECT *" + (hashes.isEmpty() ? "" : ", " + String.join(", ", hashes)) + " FROM " + scan.sql()
                + ") AS hashed";
        if (!plan.keys().isEmpty()) {
            // The row hash (of the key and exact columns' hashes, as RowDiffQuery.rowHashExpr) is a column of its
            // own: the list and the checksum both read it.
            List<String> hashedColumns = new ArrayList<>();
            for (Compared c : plan.keys()) {
                hashedColumns.add(Sql.quote(HASH + plan.all().indexOf(c)));
            }
            for (Compared c : plan.exact()) {
                hashedColumns.add(Sql.quote(HASH + plan.all().indexOf(c)));
            }
            hashed = "(SELECT *, " + Dialect.DUCKDB.rowHash(hashedColumns) + " AS " + Sql.quote(RowDiffQuery.ROW_HASH)
                    + " FROM " + hashed + ") AS row_hashed";
        }
        // Not TEMP: the two sides may be read on two connections at once (see Validator), and each must see both.
        return new Statement("aggregates and row hashes (" + table + ")", "CREATE OR REPLACE TABLE " + Sql.quote(table)
                + " AS SELECT " + String.join(", ", select) + " FROM " + hashed, scan.params());
    }

    /** The aggregates row, without the (large) list columns. */
    public static Statement profileRow(String table, DatasetPlan plan, int files) {
        List<String> lists = new ArrayList<>();
        if (!plan.keys().isEmpty()) {
            lists.add(Sql.quote(ROWS));
        }
        if (files > 1) {
            lists.add(Sql.quote(FILES));
        }
        return Statement.of("aggregates (" + table + ")", "SELECT *" + (lists.isEmpty() ? "" : " EXCLUDE ("
                + String.join(", ", lists) + ")") + " FROM " + Sql.quote(table));
    }

    /** The files that had rows, for a side of several files. */
    public static Statement files(String table) {
        return Statement.of("files with rows", "SELECT unnest(" + Sql.quote(FILES) + ") AS f FROM " + Sql.quote(table));
    }

    /**
     * Unnests a side's collected rows into a table with the original key names, the row hash and the
     * toleranced values, as the row diff expects, and drops the list. A list unnests in one thread, but a
     * table is read by all, so the join that follows runs in parallel.
     */
    public static List<Statement> keysTable(String scanTable, String keysTable, DatasetPlan plan) {
        return List.of(Statement.of("(key, row hash) table (" + keysTable + ")", "CREATE OR REPLACE TABLE "
                        + Sql.quote(keysTable) + " AS SELECT * FROM " + listed(scanTable, plan)),
                Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(scanTable)));
    }

    /**
     * A side's collected rows as a relation with the original column names, as the row diff expects, read
     * straight from the list in {@code table}: in file order when one thread built the list.
     */
    public static String listed(String table, DatasetPlan plan) {
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
     * Up to this many sampled keys are bound as constants (see {@link #sampleRows}); more are joined from their
     * table, as a filter that tests every row against each bound key grows with the sample, and its statement with
     * it (a {@code --sample-size} of 300000 never finished binding).
     */
    public static final int BOUND_KEYS = 100;

    /**
     * Reads again only the rows of the sampled keys into {@code table}; {@code present} of them are on this
     * side. The keys are bound as constants, so DuckDB can skip every Parquet row group whose statistics
     * exclude them. Other formats have no statistics: there the filter sits above an unbounded limit, which
     * keeps it out of the reader, so that the outer limit stops the read as soon as every present key is
     * found (at once when the file is in key order, as the smallest differing keys are sampled).
     */
    public static Statement sampleRows(String table, DatasetPlan plan, List<Path> files, CsvOptions csv,
            Map<String, String> renames, List<List<Object>> keys, int present) {
        Statement scan = FileLoader.scan(files, csv, renames);
        List<Object> params = new ArrayList<>(scan.params());
        List<String> anyOf = new ArrayList<>();
        for (List<Object> key : keys) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                String col = compared(plan.keys().get(i), "");
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
        String source = FileLoader.formatOf(files) == FileFormat.PARQUET ? scan.sql()
                : "(SELECT * FROM " + scan.sql() + " LIMIT " + Long.MAX_VALUE + ") AS s";
        params.add(present);
        return new Statement("sample rows (" + table + ")", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table)
                + " AS SELECT * FROM " + source + " WHERE " + where + " LIMIT ?", params);
    }

    /**
     * The same for many keys, held in table {@code keysTable} (columns {@code k<i>}, as compared): a semi join
     * reads each row once whatever the sample's size. DuckDB pushes the keys' range down into a Parquet read, and
     * the limit still stops a CSV read once every present key is found.
     */
    public static Statement sampleRowsJoined(String table, DatasetPlan plan, List<Path> files, CsvOptions csv,
            Map<String, String> renames, String keysTable, int present) {
        Statement scan = FileLoader.scan(files, csv, renames);
        List<Object> params = new ArrayList<>(scan.params());
        List<String> on = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            on.add(compared(plan.keys().get(i), "s.") + " IS NOT DISTINCT FROM d.k" + i);
        }
        String limit = FileLoader.formatOf(files) == FileFormat.PARQUET ? "" : " LIMIT " + Long.MAX_VALUE;
        params.add(present);
        return new Statement("sample rows (" + table + ")", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table)
                + " AS SELECT s.* FROM (SELECT * FROM " + scan.sql() + limit + ") AS s SEMI JOIN " + Sql.quote(keysTable)
                + " AS d ON " + String.join(" AND ", on) + " LIMIT ?", params);
    }

    /** Key {@code k} of a row (columns prefixed {@code prefix}) as the differing keys hold it. */
    private static String compared(Compared k, String prefix) {
        String col = prefix + Sql.quote(k.name());
        if (k.booleans() != null || k.json() || k.durations() || k.numbers()) {
            return k.value(Dialect.DUCKDB, col); // 'Y' is the key true: the flag as compared, not as written
        }
        return k.moments() ? Dialect.DUCKDB.moment(col) : k.asText() ? "CAST(" + col + " AS VARCHAR)" : col;
    }
}
