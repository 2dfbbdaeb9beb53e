package dev.migrate.validators.query;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.DatasetPlan.Compared;
import java.util.ArrayList;
import java.util.List;

/**
 * The key-based row diff inside one engine. Each side is reduced to (key, row hash, toleranced
 * columns) while it is scanned; the reductions are joined on the key once, which counts the pairs
 * and collects the differing keys. Samples are then fetched for a bounded number of those keys only.
 */
public final class RowDiffQuery {
    public static final String KIND = "__kind";
    /** The per-row hash, computed while the side is read so that the diff never re-reads the values. */
    public static final String ROW_HASH = dev.migrate.validators.engine.FileLoader.ENGINE_PREFIX + "row_hash";

    /** The select item that computes {@link #ROW_HASH} during the load: ", hash(...) AS ...". */
    public static String rowHashColumn(DatasetPlan plan) {
        return ", " + rowHashExpr(plan) + " AS " + Sql.quote(ROW_HASH);
    }

    /** The per-row hash of the exactly compared columns (text where the two sides' types differ). */
    public static String rowHashExpr(DatasetPlan plan) {
        return Dialect.DUCKDB.rowHash(plan.exact().stream().map(RowDiffQuery::value).toList());
    }

    /** The first {@code limit} differing keys, in the order the samples show them. */
    public static String sampleKeys(DatasetPlan plan, String diffTable) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            keys.add("k" + i);
        }
        return "SELECT * FROM " + Sql.quote(diffTable) + " ORDER BY " + KIND + ", "
                + String.join(", ", keys) + " LIMIT ?";
    }

    /** Join condition between a relation aliased {@code alias} and sample keys aliased {@code d}. */
    public static String keyMatch(DatasetPlan plan, String alias) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            on.add(qualified(plan.keys().get(i), alias) + " IS NOT DISTINCT FROM d.k" + i);
        }
        return String.join(" AND ", on);
    }

    private RowDiffQuery() {
    }

    private static String value(Compared c) {
        return c.asText() ? "CAST(" + Sql.quote(c.name()) + " AS VARCHAR)" : Sql.quote(c.name());
    }

    private static String qualified(Compared c, String alias) {
        String col = alias + "." + Sql.quote(c.name());
        return c.asText() ? "CAST(" + col + " AS VARCHAR)" : col;
    }

    /** One side reduced to key, presence flag, row hash and toleranced columns: all the diff needs. */
    private static String reduced(DatasetPlan plan, String relation) {
        List<String> select = new ArrayList<>();
        List<Compared> keys = plan.keys();
        for (int i = 0; i < keys.size(); i++) {
            select.add(value(keys.get(i)) + " AS k" + i);
        }
        select.add("true AS p");
        select.add(Sql.quote(ROW_HASH) + " AS h");
        List<Compared> tol = plan.tolerant();
        for (int i = 0; i < tol.size(); i++) {
            select.add("CAST(" + Sql.quote(tol.get(i).name()) + " AS DOUBLE) AS t" + i);
        }
        return "(SELECT " + String.join(", ", select) + " FROM " + relation + ")";
    }

    /** Both reduced sides joined on the key; {@code params} receives the tolerances of the differs test. */
    private static String joined(DatasetPlan plan, String legacy, String current) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            on.add("l.k" + i + " IS NOT DISTINCT FROM n.k" + i);
        }
        return reduced(plan, legacy) + " AS l FULL OUTER JOIN " + reduced(plan, current) + " AS n ON "
                + String.join(" AND ", on);
    }

    /** True for a matched pair whose values differ beyond the tolerances. */
    private static String differs(DatasetPlan plan, List<Object> params) {
        return differs(plan, params, "l.", "n.");
    }

    /** {@link #differs} where the sides' columns are {@code <lp>h}, {@code <lp>t0} ... and {@code <np>h} ... */
    private static String differs(DatasetPlan plan, List<Object> params, String lp, String np) {
        List<String> differs = new ArrayList<>();
        differs.add(lp + "h <> " + np + "h");
        for (int i = 0; i < plan.tolerant().size(); i++) {
            String l = lp + "t" + i;
            String n = np + "t" + i;
            differs.add("((" + l + " IS NULL) <> (" + n + " IS NULL))");
            differs.add("NOT coalesce(abs(" + l + " - " + n + ") <= ? OR abs(" + l + " - " + n + ") <= ? * greatest(abs("
                    + l + "), abs(" + n + ")), true)");
            params.add(plan.tolerant().get(i).tolerance().absolute());
            params.add(plan.tolerant().get(i).tolerance().relative());
        }
        return "(" + String.join(" OR ", differs) + ")";
    }

    /**
     * The whole key diff in one hash join: the pairs counted by kind and, in the same pass, the
     * differing keys with their kind collected into a list ({@code diff}), so the sides are joined
     * only once. With unique keys, matched plus missing equals the legacy row count and matched plus
     * extra the new one; any other result means a key repeats. Creates the one-row {@code statsTable}.
     */
    public static Statement joinedDiff(DatasetPlan plan, String legacy, String current, String statsTable) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            fields.add("'k" + i + "': coalesce(l.k" + i + ", n.k" + i + ")");
        }
        fields.add("'" + KIND + "': CASE WHEN l.p IS NULL THEN 'extra' WHEN n.p IS NULL THEN 'missing' ELSE 'differs' END");
        List<Object> params = new ArrayList<>();
        String differs = differs(plan, params);
        List<Object> all = new ArrayList<>(params);
        all.addAll(params);
        String sql = "CREATE OR REPLACE TEMP TABLE " + Sql.quote(statsTable) + " AS SELECT count(*) FILTER (WHERE l.p "
                + "AND n.p) AS matched, count(*) FILTER (WHERE n.p IS NULL) AS missing, count(*) FILTER (WHERE l.p IS "
                + "NULL) AS extra, count(*) FILTER (WHERE l.p AND n.p AND " + differs + ") AS differs, list({"
                + String.join(", ", fields) + "}) FILTER (WHERE l.p IS NULL OR n.p IS NULL OR " + differs + ") AS diff "
                + "FROM " + joined(plan, legacy, current);
        return new Statement("row diff", sql, all);
    }

    /**
     * One side's key-diff columns (keys, row hash, toleranced values, under their own names) copied into
     * {@code table} sorted by key as compared. Two sides with the same keys then line up row by row, so a
     * positional join pairs them without a hash table, and a repeated key sits next to itself.
     */
    public static Statement sortedKeys(DatasetPlan plan, String relation, String table) {
        List<String> columns = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Compared k : plan.keys()) {
            columns.add(Sql.quote(k.name()));
            order.add(value(k) + " NULLS LAST");
        }
        columns.add(Sql.quote(ROW_HASH));
        plan.tolerant().forEach(t -> columns.add(Sql.quote(t.name())));
        return Statement.of("keys sorted (" + table + ")", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table) + " AS SELECT "
                + String.join(", ", columns) + " FROM " + relation + " ORDER BY " + String.join(", ", order));
    }

    /**
     * Rows of a table from {@link #sortedKeys} whose key equals the previous row's: with the side sorted by
     * key, every repeated key shows here. {@code lag} over the table's own order reads it as stored.
     */
    public static Statement adjacentRepeats(DatasetPlan plan, String sortedTable) {
        List<String> select = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            String v = value(plan.keys().get(i));
            select.add(v + " AS k" + i + ", lag(" + v + ") OVER () AS p" + i);
            same.add("k" + i + " IS NOT DISTINCT FROM p" + i);
        }
        select.add("lag(true, 1, false) OVER () AS has_previous");
        return Statement.of("repeated keys (" + sortedTable + ")", "SELECT count(*) AS n FROM (SELECT " + String.join(", ",
                select) + " FROM " + Sql.quote(sortedTable) + ") AS s WHERE has_previous AND " + String.join(" AND ", same));
    }

    /** True where both sides have a row at this position and the keys are the same. */
    private static String aligned(DatasetPlan plan, String l, String n) {
        List<String> on = new ArrayList<>();
        on.add(l + "." + Sql.quote(ROW_HASH) + " IS NOT NULL");
        on.add(n + "." + Sql.quote(ROW_HASH) + " IS NOT NULL");
        for (Compared k : plan.keys()) {
            on.add(qualified(k, l) + " IS NOT DISTINCT FROM " + qualified(k, n));
        }
        return "(" + String.join(" AND ", on) + ")";
    }

    /**
     * Pairs two sorted sides by position: rows at the same position with the same key are matched (and differ
     * or not); the others, counted as {@code misaligned}, are left to {@link #misaligned} and the join. The
     * differing keys of the matched pairs are collected as {@link #joinedDiff} collects them.
     */
    public static Statement alignedDiff(DatasetPlan plan, String sortedLegacy, String sortedNew, String statsTable) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            fields.add("'k" + i + "': l_k" + i);
        }
        fields.add("'" + KIND + "': 'differs'");
        List<Object> params = new ArrayList<>();
        String differs = differs(plan, params, "l_", "n_");
        List<Object> all = new ArrayList<>(params);
        all.addAll(params);
        String pairs = Sql.quote(sortedLegacy) + " AS a POSITIONAL JOIN " + Sql.quote(sortedNew) + " AS b";
        String sql = "CREATE OR REPLACE TEMP TABLE " + Sql.quote(statsTable) + " AS SELECT count(*) FILTER (WHERE "
                + "same_key) AS matched, count(*) FILTER (WHERE same_key AND " + differs + ") AS differs, count(*) "
                + "FILTER (WHERE NOT same_key) AS misaligned, list({" + String.join(", ", fields) + "}) FILTER (WHERE "
                + "same_key AND " + differs + ") AS diff FROM " + alignedSides(plan, pairs);
        return new Statement("row diff by position", sql, all);
    }

    /** Both sides of the positional pairs under the names {@link #differs} reads: l_k0, l_h, l_t0, n_k0 ... */
    private static String alignedSides(DatasetPlan plan, String pairs) {
        List<String> select = new ArrayList<>(List.of(aligned(plan, "a", "b") + " AS same_key"));
        for (String side : List.of("l", "n")) {
            String from = side.equals("l") ? "a" : "b";
            for (int i = 0; i < plan.keys().size(); i++) {
                select.add(qualified(plan.keys().get(i), from) + " AS " + side + "_k" + i);
            }
            select.add(from + "." + Sql.quote(ROW_HASH) + " AS " + side + "_h");
            for (int i = 0; i < plan.tolerant().size(); i++) {
                select.add("CAST(" + from + "." + Sql.quote(plan.tolerant().get(i).name()) + " AS DOUBLE) AS " + side
                        + "_t" + i);
            }
        }
        return "(SELECT " + String.join(", ", select) + " FROM " + pairs + ") AS u";
    }

    /**
     * The rows of one sorted side ({@code legacy} or not) at the positions {@link #alignedDiff} could not
     * pair, with their own column names, for the join to settle.
     */
    public static Statement misaligned(DatasetPlan plan, String sortedLegacy, String sortedNew, boolean legacy,
            String table) {
        String side = legacy ? "a" : "b";
        return Statement.of("rows not paired by position (" + table + ")", "CREATE OR REPLACE TEMP TABLE "
                + Sql.quote(table) + " AS SELECT " + side + ".* FROM " + Sql.quote(sortedLegacy) + " AS a POSITIONAL JOIN "
                + Sql.quote(sortedNew) + " AS b WHERE " + side + "." + Sql.quote(ROW_HASH) + " IS NOT NULL AND NOT "
                + aligned(plan, "a", "b"));
    }

    /**
     * Creates {@code diffTable} (keys {@code k<i>} and their kind) from the lists that {@link #joinedDiff} and
     * {@link #alignedDiff} collected in {@code statsTables}.
     */
    public static Statement diffFromList(DatasetPlan plan, List<String> statsTables, String diffTable) {
        List<String> select = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add("d.k" + i + " AS k" + i);
        }
        select.add("d." + KIND + " AS " + KIND);
        List<String> lists = new ArrayList<>();
        for (String stats : statsTables) {
            lists.add("SELECT unnest(diff) AS d FROM " + Sql.quote(stats));
        }
        return Statement.of("differing keys", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(diffTable) + " AS SELECT "
                + String.join(", ", select) + " FROM (" + String.join(" UNION ALL ", lists) + ") AS u");
    }

    /** One side reduced for stacking: key, side marker, row hash and toleranced columns. */
    private static String stacked(DatasetPlan plan, String relation, int side) {
        List<String> select = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add(value(plan.keys().get(i)) + " AS k" + i);
        }
        select.add(side + " AS s");
        select.add(Sql.quote(ROW_HASH) + " AS h");
        for (int i = 0; i < plan.tolerant().size(); i++) {
            select.add("CAST(" + Sql.quote(plan.tolerant().get(i).name()) + " AS DOUBLE) AS t" + i);
        }
        return "SELECT " + String.join(", ", select) + " FROM " + relation;
    }

    /**
     * The key diff for sides too large to join in memory: both sides stacked and grouped by key, an
     * aggregation DuckDB can spill to disk. Creates {@code diffTable} like {@link #diff}, with one more
     * kind, {@code duplicate}, for a key seen more than once on a side.
     */
    public static Statement diffGrouped(DatasetPlan plan, String legacy, String current, String diffTable) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            keys.add("k" + i);
        }
        List<String> select = new ArrayList<>(keys);
        select.add("count(*) FILTER (WHERE s = 0) AS cl");
        select.add("count(*) FILTER (WHERE s = 1) AS cn");
        select.add("min(h) FILTER (WHERE s = 0) AS hl");
        select.add("min(h) FILTER (WHERE s = 1) AS hn");
        List<String> same = new ArrayList<>(List.of("cl = 1", "cn = 1", "hl = hn"));
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < plan.tolerant().size(); i++) {
            String l = "tl" + i;
            String n = "tn" + i;
            select.add("min(t" + i + ") FILTER (WHERE s = 0) AS " + l);
            select.add("min(t" + i + ") FILTER (WHERE s = 1) AS " + n);
            same.add("((" + l + " IS NULL AND " + n + " IS NULL) OR abs(" + l + " - " + n + ") <= ? OR abs(" + l + " - "
                    + n + ") <= ? * greatest(abs(" + l + "), abs(" + n + ")))");
            params.add(plan.tolerant().get(i).tolerance().absolute());
            params.add(plan.tolerant().get(i).tolerance().relative());
        }
        String grouped = "SELECT " + String.join(", ", select) + " FROM (" + stacked(plan, legacy, 0) + " UNION ALL "
                + stacked(plan, current, 1) + ") AS both_sides GROUP BY " + String.join(", ", keys)
                + " HAVING NOT coalesce(" + String.join(" AND ", same) + ", false)";
        String sql = "CREATE OR REPLACE TEMP TABLE " + Sql.quote(diffTable) + " AS SELECT " + String.join(", ", keys)
                + ", CASE WHEN cl > 1 OR cn > 1 THEN 'duplicate' WHEN cn = 0 THEN 'missing' WHEN cl = 0 THEN 'extra' "
                + "ELSE 'differs' END AS " + KIND + " FROM (" + grouped + ") AS g";
        return new Statement("differing keys (grouped)", sql, params);
    }

    public static Statement counts(String diffTable) {
        return Statement.of("differing keys by kind",
                "SELECT " + KIND + " AS kind, count(*) AS n FROM " + Sql.quote(diffTable) + " GROUP BY " + KIND);
    }

    /** A key listed twice among the differing keys repeats on one side (e.g. a missing key written twice). */
    public static Statement repeatedKeys(DatasetPlan plan, String diffTable) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            keys.add("k" + i);
        }
        return Statement.of("repeated keys", "SELECT " + String.join(", ", keys) + " FROM " + Sql.quote(diffTable)
                + " GROUP BY " + String.join(", ", keys) + " HAVING count(*) > 1 LIMIT 1");
    }


    /**
     * Full rows of both sides for the first {@code limit} differing keys (in a stable order):
     * columns {@code k<i>}, {@code l<j>} and {@code n<j>} where j indexes {@link DatasetPlan#all()}.
     */
    public static Statement samples(DatasetPlan plan, String legacy, String current, String diffTable, int limit) {
        List<String> select = new ArrayList<>();
        select.add("d." + KIND);
        List<String> keyNames = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add("d.k" + i);
            keyNames.add("k" + i);
        }
        List<Compared> all = plan.all();
        for (int j = 0; j < all.size(); j++) {
            select.add(Dialect.DUCKDB.text("l." + Sql.quote(all.get(j).name())) + " AS l" + j);
            select.add(Dialect.DUCKDB.text("n." + Sql.quote(all.get(j).name())) + " AS n" + j);
        }
        String keys = "(" + sampleKeys(plan, diffTable) + ")";
        String sql = "SELECT " + String.join(", ", select) + " FROM " + keys + " d LEFT JOIN " + sampled(plan, legacy,
                keys, "l") + " l ON " + keyMatch(plan, "l") + " LEFT JOIN " + sampled(plan, current, keys, "n") + " n ON "
                + keyMatch(plan, "n") + " ORDER BY d." + KIND + ", "
                + keyNames.stream().map(k -> "d." + k).reduce((a, b) -> a + ", " + b).orElseThrow();
        return Statement.of("row diff samples", sql, limit, limit, limit);
    }

    /**
     * The rows of {@code relation} with a sampled key. A semi join builds its hash table on the few
     * sampled keys and streams the large side past it, instead of building on the large side.
     */
    private static String sampled(DatasetPlan plan, String relation, String keys, String alias) {
        return "(SELECT " + alias + ".* FROM " + relation + " " + alias + " SEMI JOIN " + keys + " d ON "
                + keyMatch(plan, alias) + ")";
    }



    /** Keys that appear more than once on one side; a key diff is meaningless until they are fixed. */
    public static Statement duplicates(DatasetPlan plan, String relation, String fileColumn) {
        String keys = Sql.quoteAll(plan.keys().stream().map(Compared::name).toList(), "");
        List<String> select = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            select.add(Dialect.DUCKDB.text(Sql.quote(plan.keys().get(i).name())) + " AS k" + i);
        }
        String files = fileColumn == null ? "NULL" : "string_agg(DISTINCT " + Sql.quote(fileColumn) + ", ', ')";
        return Statement.of("duplicate keys", "SELECT " + String.join(", ", select) + ", count(*) AS n, " + files
                + " AS files FROM " + relation + " GROUP BY " + keys + " HAVING count(*) > 1 ORDER BY n DESC LIMIT 3");
    }

    /**
     * Order check: among the keys both sides have, compares each key's rank in file order.
     * Returns how many are out of place and the first such key.
     */
    public static Statement order(DatasetPlan plan, String legacy, String current) {
        List<String> k = new ArrayList<>();
        List<String> on = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            k.add(value(plan.keys().get(i)) + " AS k" + i);
            on.add("l.k" + i + " = n.k" + i);
        }
        String select = "(SELECT " + String.join(", ", k) + ", row_number() OVER () AS rn FROM ";
        String sql = "SELECT count(*) FILTER (WHERE lr <> nr) AS moved, min(lr) FILTER (WHERE lr <> nr) AS first FROM "
                + "(SELECT rank() OVER (ORDER BY l.rn) AS lr, rank() OVER (ORDER BY n.rn) AS nr FROM "
                + select + legacy + ") l JOIN " + select + current + ") n ON "
                + String.join(" AND ", on) + ")";
        return Statement.of("row order", sql);
    }
}
