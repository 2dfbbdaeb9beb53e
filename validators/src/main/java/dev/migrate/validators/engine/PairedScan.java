package dev.migrate.validators.engine;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Both sides of a keyed Parquet dataset read in one statement, row beside row: DuckDB's positional scan reads
 * the two files in step, so the n-th legacy row meets the n-th new row without any list, table or join. While
 * reading, the statement computes each side's aggregates (as {@link StreamingScan} does), counts the pairs with
 * equal keys and the pairs whose values differ, counts the legacy keys that do not increase (a third stream
 * reads the legacy keys one row ahead), and keeps only the smallest differing keys, enough for the samples.
 * Memory therefore does not grow with the data.
 *
 * <p>When every row pairs with the row of the same key and no key repeats (shown by increasing keys, or else
 * by {@link #uniqueKeys}), nothing is missing or extra: the key diff is proven. Otherwise (a missing row shifts
 * every row after it, or the files are in another order) the caller falls back to the other paths.
 *
 * <p>The rows are split into ranges of {@code file_row_number}, which the Parquet reader turns into skipped row
 * groups; each range is one statement, so that several connections read several ranges at once. Each range
 * leaves partial aggregates in a table; {@link #combined} adds them up.
 */
public final class PairedScan {
    /** The reader's row number column (a file with a column of that name is left to the other paths). */
    private static final String ROW_NUMBER = "file_row_number";

    /** Rows of the quick check that the first rows pair, before the full read is started. */
    public static final int PROBE_ROWS = 2048;

    private PairedScan() {
    }

    /**
     * Parquet sides of as many files, and keys: the sides this scan can pair (file by file). Its reads are bare (see
     * {@link #rows}), so a side whose columns are read through a conversion (struct fields cast to the other side's
     * order, {@code epoch_columns}) is left to the scans that read through {@link FileLoader#scan}.
     */
    public static boolean suits(List<Path> legacyFiles, List<Path> newFiles, DatasetPlan plan) {
        return legacyFiles != null && newFiles != null && !legacyFiles.isEmpty()
                && java.util.stream.Stream.of("legacy", "new").map(plan.config()::csv)
                        .allMatch(c -> c.columnTypes().isEmpty() && c.epochColumns().isEmpty())
                && legacyFiles.size() == newFiles.size()
                && !plan.keys().isEmpty()
                && java.util.stream.Stream.concat(plan.legacyColumns().stream(), plan.newColumns().stream())
                        .noneMatch(c -> c.name().equalsIgnoreCase(ROW_NUMBER))
                && FileLoader.formatOf(legacyFiles) == FileFormat.PARQUET
                && FileLoader.formatOf(newFiles) == FileFormat.PARQUET;
    }

    /** The row count a Parquet file's footer records. */
    public static Statement footerRows(Path file) {
        return StreamingScan.footerRows(List.of(file));
    }

    /** The row counts of a Parquet file's row groups, in file order. */
    public static Statement rowGroups(Path file) {
        return Statement.of("row groups from footer", "SELECT row_group_id, any_value(row_group_num_rows) AS n FROM "
                + "parquet_metadata(?) GROUP BY row_group_id ORDER BY row_group_id", file.toString());
    }

    /** Splits rows {@code [0, rows)} into {@code parts} ranges of about the same size. */
    public static List<long[]> ranges(long rows, int parts) {
        List<long[]> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            long from = rows * p / parts;
            long to = rows * (p + 1) / parts;
            if (to > from) {
                out.add(new long[] {from, to});
            }
        }
        return out;
    }

    /**
     * Whether the first rows pair, read from the key columns alone: a file in another order or with a missing
     * first row is found in a few milliseconds, before the full read.
     */
    public static Statement probe(DatasetPlan plan, Path legacy, Path current) {
        String sql = "SELECT count(*) AS n, count(*) FILTER (WHERE " + paired(plan) + ") AS paired FROM "
                + positional(plan, legacy, current, 0, PROBE_ROWS, true);
        return new Statement("first rows pair by position", sql, List.of(legacy.toString(), current.toString()));
    }

    /**
     * Reads rows {@code [from, to)} of both files into the one-row table {@code table}: each side's partial
     * aggregates (columns {@code l_<alias>} and {@code n_<alias>}), {@code paired}, {@code differs},
     * {@code unordered} and {@code diff}, the {@code samples} smallest differing keys. {@code legacyBounds} and
     * {@code newBounds} say which columns the scan bounds (see {@link FooterBounds}).
     */
    public static Statement range(String table, DatasetPlan plan, Path legacy, Path current, long from, long to,
            IntPredicate legacyBounds, IntPredicate newBounds, int samples) {
        List<String> select = new ArrayList<>();
        for (ProfileQuery.Aggregate a : aggregates(plan, "l", legacyBounds)) {
            select.add(a.partial("l_" + a.alias()));
        }
        for (ProfileQuery.Aggregate a : aggregates(plan, "n", newBounds)) {
            if (!sameAsLegacy(plan, a)) {
                select.add(a.partial("n_" + a.alias()));
            }
        }
        select.add("count(*) FILTER (WHERE pr) AS paired");
        select.add("count(*) FILTER (WHERE df) AS differs");
        select.add("count(*) FILTER (WHERE NOT io) AS unordered");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            fields.add("'k" + i + "': " + Sql.quote("l" + i));
        }
        fields.add("'" + RowDiffQuery.KIND + "': 'differs'");
        select.add("min({" + String.join(", ", fields) + "}, " + samples + ") FILTER (WHERE df) AS diff");
        // Each row's verdicts are computed once, for the aggregates that filter on them: paired (pr), differing
        // (df) and in order (io). The tolerances come first in the text, then the files.
        List<Object> all = new ArrayList<>();
        String flagged = "(SELECT *, " + paired(plan) + " AS pr, " + paired(plan) + " AND " + differs(plan, all)
                + " AS df, " + inOrder(plan) + " AS io FROM " + positional(plan, legacy, current, from, to, false)
                + ") AS flagged";
        all.addAll(List.of(legacy.toString(), current.toString(), legacy.toString()));
        String sql = "CREATE OR REPLACE TABLE " + Sql.quote(table) + " AS SELECT " + String.join(", ", select)
                + " FROM " + flagged;
        return new Statement("both sides paired by position, rows " + from + " to " + to + " (" + table + ")", sql,
                all);
    }

    /**
     * The pair counts ({@code paired}, {@code differs}, {@code unordered}) and both sides' aggregates, named
     * {@code legacy.<alias>} and {@code new.<alias>} (aliases as {@link StreamingScan}'s), from the partials of
     * every range table.
     */
    public static Statement summary(DatasetPlan plan, IntPredicate legacyBounds, IntPredicate newBounds,
            List<String> tables) {
        List<String> select = new ArrayList<>(List.of("CAST(sum(paired) AS BIGINT) AS paired",
                "CAST(sum(differs) AS BIGINT) AS differs", "CAST(sum(unordered) AS BIGINT) AS unordered"));
        for (ProfileQuery.Aggregate a : aggregates(plan, "l", legacyBounds)) {
            select.add(a.combined(Dialect.DUCKDB, "l_" + a.alias(), "legacy." + a.alias()));
        }
        for (ProfileQuery.Aggregate a : aggregates(plan, "n", newBounds)) {
            String from = (sameAsLegacy(plan, a) ? "l_" : "n_") + a.alias();
            select.add(a.combined(Dialect.DUCKDB, from, "new." + a.alias()));
        }
        return Statement.of("pair counts and aggregates", "SELECT " + String.join(", ", select) + " FROM "
                + union(tables));
    }

    /** The differing keys every range kept, as the table the samples read (keys {@code k<i>} and their kind). */
    public static Statement differingKeys(DatasetPlan plan, List<String> tables, String diffTable) {
        return RowDiffQuery.diffFromLists(plan, union(tables), diffTable);
    }

    /**
     * The legacy keys read from the file alone and sorted into {@code table}, then the count of keys equal to
     * the one before them ({@code n}): for sides that pair row by row but are not in key order.
     */
    public static List<Statement> uniqueKeys(DatasetPlan plan, List<Path> legacy, String table) {
        Statement sorted = RowDiffQuery.sortedKeys(plan, Sql.renamed("read_parquet(?)", legacyRenames(plan)), table);
        return List.of(new Statement(sorted.purpose(), sorted.sql(), List.of(legacy.stream().map(Path::toString)
                .toList())), RowDiffQuery.adjacentRepeats(plan, table));
    }

    /**
     * Whether the first key of legacy file {@code next} comes after the last key of file {@code previous}
     * ({@code rows} rows): {@code unordered} is 1 when it does not. The ranges check the keys within each file.
     */
    public static Statement boundary(DatasetPlan plan, Path previous, long rows, Path next) {
        List<String> keys = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Compared k : plan.keys()) {
            keys.add(Sql.quote(k.name()));
            read.add(stored(plan, k.name()));
        }
        String columns = String.join(", ", read);
        String sql = "SELECT count(*) FILTER (WHERE NOT coalesce(" + RowDiffQuery.greater(
                i -> "b." + keys.get(i), i -> "a." + keys.get(i), keys.size(), 0) + ", false)) AS unordered FROM "
                + rows(columns, rows - 1, rows) + " AS a POSITIONAL JOIN " + rows(columns, 0, 1) + " AS b";
        return new Statement("keys between files", sql, List.of(previous.toString(), next.toString()));
    }

    public static Statement drop(String table) {
        return Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(table));
    }

    private static String union(List<String> tables) {
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add("SELECT * FROM " + Sql.quote(t));
        }
        return "(" + String.join(" UNION ALL ", parts) + ") AS partials";
    }

    /**
     * The profile of one side over the paired relation, where column {@code i} of the plan is {@code <s><i>}
     * and its hash {@code <s>h<i>}.
     */
    private static List<ProfileQuery.Aggregate> aggregates(DatasetPlan plan, String s, IntPredicate bounds) {
        return ProfileQuery.aggregates(columnPlans(plan), i -> Sql.quote(s + i), true, i -> s + "h" + i, bounds);
    }

    private static List<ProfileQuery.ColumnPlan> columnPlans(DatasetPlan plan) {
        return plan.all().stream().map(Compared::profile).toList();
    }

    /**
     * Whether a new-side aggregate is the legacy one: the sum and hash aggregate of a key column, once every row
     * has paired with the row of the same key (the summary is read only then), so the scan computes them once.
     * Bounds stay per side: one side may take them from its footers and the other from the scan.
     */
    private static boolean sameAsLegacy(DatasetPlan plan, ProfileQuery.Aggregate a) {
        for (int i = 0; i < plan.keys().size(); i++) {
            if (a.alias().equals("c" + i + "_sum") || a.alias().equals("c" + i + "_hash")) {
                return true;
            }
        }
        return false;
    }

    /** Keys equal (both rows are present: the files have as many rows). */
    private static String paired(DatasetPlan plan) {
        List<String> same = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            // keys whose types differ compare by their text, as on the other paths
            boolean text = plan.keys().get(i).asText();
            String l = Sql.quote("l" + i);
            String n = Sql.quote("n" + i);
            if (plan.keys().get(i).booleans() != null || plan.keys().get(i).json()
                    || plan.keys().get(i).durations() || plan.keys().get(i).numbers()) {
                // a spelled flag in a key compares as the flag it spells, as every other path compares it
                same.add(plan.keys().get(i).value(Dialect.DUCKDB, l) + " IS NOT DISTINCT FROM "
                        + plan.keys().get(i).value(Dialect.DUCKDB, n));
                continue;
            }
            if (plan.keys().get(i).moments()) {
                same.add(Dialect.DUCKDB.moment(l) + " IS NOT DISTINCT FROM " + Dialect.DUCKDB.moment(n));
                continue;
            }
            same.add((text ? Dialect.DUCKDB.text(l) : l) + " IS NOT DISTINCT FROM " + (text ? Dialect.DUCKDB.text(n) : n));
        }
        return "(" + String.join(" AND ", same) + ")";
    }

    /** Whether the next legacy row's keys come after this row's (true past the last row; NULL keys are not in order). */
    private static String inOrder(DatasetPlan plan) {
        return "(NOT xp OR coalesce(" + RowDiffQuery.greater(i -> Sql.quote("x" + i), i -> Sql.quote("l" + i),
                plan.keys().size(), 0) + ", false))";
    }

    /**
     * An exactly compared column's hash differs, or a toleranced value is out of its tolerance; {@code params}
     * takes the tolerances. The keys are equal in a pair, so the hashes of the other columns decide: comparing
     * them one by one costs less than hashing them into a row hash per side first (about 0.07x of the hash pass)
     * and tells more, as two rows can no longer differ under one equal row hash.
     */
    private static String differs(DatasetPlan plan, List<Object> params) {
        List<Compared> all = plan.all();
        List<String> columns = new ArrayList<>();
        for (Compared c : plan.exact()) {
            int i = all.indexOf(c);
            columns.add(Sql.quote("lh" + i) + " <> " + Sql.quote("nh" + i));
        }
        String hashes = columns.isEmpty() ? "false" : String.join(" OR ", columns);
        return RowDiffQuery.differs(plan, params, "(" + hashes + ")",
                i -> plan.tolerant().get(i).tolerantValue(Sql.quote("l" + all.indexOf(plan.tolerant().get(i)))),
                i -> plan.tolerant().get(i).tolerantValue(Sql.quote("n" + all.indexOf(plan.tolerant().get(i)))));
    }

    /**
     * Rows {@code [from, to)} of both files side by side: column {@code i} of the plan as {@code l<i>} and
     * {@code n<i>} with its hash {@code lh<i>} and {@code nh<i>} (unless {@code keysOnly}), and the next legacy
     * row's keys as {@code x<i>}, with {@code xp} false past the last row. The file
     * paths are the statement's first three parameters (legacy, new, legacy).
     */
    private static String positional(DatasetPlan plan, Path legacy, Path current, long from, long to, boolean keysOnly) {
        List<Compared> columns = keysOnly ? plan.keys() : plan.all();
        // no presence flags for l and n: the caller saw the same row count in both footers, so neither pads
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Compared c = columns.get(i);
            for (String s : List.of("l", "n")) {
                String col = s + "." + Sql.quote(c.name());
                select.add(col + " AS " + Sql.quote(s + i));
                // a key's hash feeds only its hash aggregate, the legacy one serving both sides (sameAsLegacy)
                if (!keysOnly && (s.equals("l") || i >= plan.keys().size())) {
                    select.add("hash(" + c.value(Dialect.DUCKDB, col) + ") AS " + Sql.quote(s + "h" + i));
                }
            }
        }
        String legacyRows = rows(Sql.starRenamed(legacyRenames(plan)), from, to);
        if (keysOnly) {
            return "(SELECT " + String.join(", ", select) + " FROM " + legacyRows + " AS l POSITIONAL JOIN "
                    + rows("*", from, to) + " AS n) AS pairs";
        }
        select.add("x." + ROW_NUMBER + " IS NOT NULL AS xp");
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add("x." + Sql.quote(plan.keys().get(i).name()) + " AS " + Sql.quote("x" + i));
        }
        // the row number, then the keys in the file's own order: a read that only takes columns in its own order
        // joins the positional scan; anything else is buffered whole first
        List<String> keys = new ArrayList<>(List.of(ROW_NUMBER));
        plan.legacyColumns().stream().filter(c -> plan.keys().stream().anyMatch(k -> k.name().equals(c.name())))
                .forEach(c -> keys.add(stored(plan, c.name())));
        return "(SELECT " + String.join(", ", select) + " FROM " + legacyRows + " AS l POSITIONAL JOIN "
                + rows("*", from, to) + " AS n POSITIONAL JOIN " + rows(String.join(", ", keys), from + 1, to + 1)
                + " AS x) AS pairs";
    }

    /** The legacy side's renamed columns (stored name to compared name): its files store the legacy names. */
    private static java.util.Map<String, String> legacyRenames(DatasetPlan plan) {
        return plan.config().renames("legacy");
    }

    /**
     * A legacy key read by its compared name from a bare read of the file: its stored name, renamed when the
     * dataset renames it (the same projection as {@link Sql#starRenamed}).
     */
    private static String stored(DatasetPlan plan, String compared) {
        String legacyName = plan.config().legacyName(compared);
        return legacyName.equals(compared) ? Sql.quote(compared) : Sql.quote(legacyName) + " AS " + Sql.quote(compared);
    }

    /**
     * Rows {@code [from, to)} of the file bound to the next parameter. Only its own columns in its own order, and
     * the row number only in the filter: over two such bare reads DuckDB plans a positional scan, which reads
     * the files in step, where anything computed or reordered makes it a positional join, which first buffers a
     * whole side (several times slower). Renaming the legacy side's columns ({@code * RENAME}, {@code a AS b})
     * keeps the positional scan: DuckDB puts the names in a projection above it. The third read, of the next
     * rows' keys, is buffered that way, but it holds only the keys. The bounds are numbers this class computed, never config text; as constants they
     * reach the reader, which skips the row groups outside them.
     */
    private static String rows(String columns, long from, long to) {
        return "(SELECT " + columns + " FROM read_parquet(?, file_row_number = true) WHERE " + ROW_NUMBER + " >= "
                + from + " AND " + ROW_NUMBER + " < " + to + ")";
    }
}
