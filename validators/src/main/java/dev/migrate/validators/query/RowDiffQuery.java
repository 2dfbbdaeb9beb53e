package dev.migrate.validators.query;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.DatasetPlan.Compared;
import java.util.ArrayList;
import java.util.List;

/**
 * The key-based row diff inside one engine. Each side is reduced to (key, row hash, toleranced
 * columns) while it is scanned; the two reductions are joined on the key, and only keys whose hash
 * differs (or that one side lacks) are kept in a small table. Samples are then fetched for a bounded
 * number of those keys only.
 */
public final class RowDiffQuery {
    public static final String KIND = "__kind";

    private RowDiffQuery() {
    }

    private static String value(Compared c) {
        return c.asText() ? "CAST(" + Sql.quote(c.name()) + " AS VARCHAR)" : Sql.quote(c.name());
    }

    private static String qualified(Compared c, String alias) {
        String col = alias + "." + Sql.quote(c.name());
        return c.asText() ? "CAST(" + col + " AS VARCHAR)" : col;
    }

    private static String reduced(DatasetPlan plan, String relation) {
        List<String> select = new ArrayList<>();
        List<Compared> keys = plan.keys();
        for (int i = 0; i < keys.size(); i++) {
            select.add(value(keys.get(i)) + " AS k" + i);
        }
        select.add("true AS p");
        select.add(Dialect.DUCKDB.rowHash(plan.exact().stream().map(RowDiffQuery::value).toList()) + " AS h");
        List<Compared> tol = plan.tolerant();
        for (int i = 0; i < tol.size(); i++) {
            select.add("CAST(" + Sql.quote(tol.get(i).name()) + " AS DOUBLE) AS t" + i);
        }
        return "(SELECT " + String.join(", ", select) + " FROM " + relation + ")";
    }

    /** Creates {@code diffTable} with the keys that differ and their kind: missing, extra or differs. */
    public static Statement diff(DatasetPlan plan, String legacy, String current, String diffTable) {
        List<String> keyOut = new ArrayList<>();
        List<String> on = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            keyOut.add("coalesce(l.k" + i + ", n.k" + i + ") AS k" + i);
            on.add("l.k" + i + " IS NOT DISTINCT FROM n.k" + i);
        }
        List<String> differs = new ArrayList<>();
        differs.add("l.h <> n.h");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < plan.tolerant().size(); i++) {
            String l = "l.t" + i;
            String n = "n.t" + i;
            differs.add("((" + l + " IS NULL) <> (" + n + " IS NULL))");
            differs.add("NOT (abs(" + l + " - " + n + ") <= ? OR abs(" + l + " - " + n + ") <= ? * greatest(abs(" + l
                    + "), abs(" + n + ")))");
            params.add(plan.tolerant().get(i).tolerance().absolute());
            params.add(plan.tolerant().get(i).tolerance().relative());
        }
        String sql = "CREATE OR REPLACE TEMP TABLE " + Sql.quote(diffTable) + " AS SELECT " + String.join(", ", keyOut)
                + ", CASE WHEN l.p IS NULL THEN 'extra' WHEN n.p IS NULL THEN 'missing' ELSE 'differs' END AS "
                + KIND + " FROM " + reduced(plan, legacy) + " l FULL OUTER JOIN " + reduced(plan, current) + " n ON "
                + String.join(" AND ", on) + " WHERE l.p IS NULL OR n.p IS NULL OR " + String.join(" OR ", differs);
        return new Statement("row diff", sql, params);
    }

    public static Statement counts(String diffTable) {
        return Statement.of("row diff counts",
                "SELECT " + KIND + " AS kind, count(*) AS n FROM " + Sql.quote(diffTable) + " GROUP BY " + KIND);
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
        List<String> onL = new ArrayList<>();
        List<String> onN = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            Compared key = plan.keys().get(i);
            onL.add(qualified(key, "l") + " IS NOT DISTINCT FROM d.k" + i);
            onN.add(qualified(key, "n") + " IS NOT DISTINCT FROM d.k" + i);
        }
        String order = String.join(", ", keyNames);
        String sql = "SELECT " + String.join(", ", select) + " FROM (SELECT * FROM " + Sql.quote(diffTable)
                + " ORDER BY " + KIND + ", " + order + " LIMIT ?) d LEFT JOIN " + legacy + " l ON "
                + String.join(" AND ", onL) + " LEFT JOIN " + current + " n ON " + String.join(" AND ", onN)
                + " ORDER BY d." + KIND + ", " + keyNames.stream().map(k -> "d." + k).reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        return Statement.of("row diff samples", sql, limit);
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
