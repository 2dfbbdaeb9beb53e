package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.Errors;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two relations held by one DuckDB session: counts, schema, per-column aggregates, key
 * diff with samples, and (optionally) order. The key diff joins the sides' (key, row hash) and only
 * counts the pairs; differing keys are stored only when there are some, and full rows are fetched
 * only for the sampled keys.
 */
public final class EmbeddedComparison {
    private final DuckDbSession session;
    private final int sampleSize;
    private final long memoryBytes;

    public EmbeddedComparison(DuckDbSession session, EngineSettings settings) {
        this.session = session;
        this.sampleSize = settings.sampleSize();
        this.memoryBytes = settings.memoryBytes();
    }

    /** The statements a comparison runs, in order; what {@code --dry-run} prints. */
    public static List<Statement> plan(DatasetPlan plan, String legacy, String current, String diffTable,
            int sampleSize) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of("aggregates (legacy)", ProfileQuery.build(Dialect.DUCKDB,
                legacy, columnPlans(plan))));
        out.add(Statement.of("aggregates (new)", ProfileQuery.build(Dialect.DUCKDB,
                current, columnPlans(plan))));
        if (!plan.keys().isEmpty()) {
            out.addAll(keyDiffPlan(plan, legacy, current, diffTable));
            out.add(RowDiffQuery.samples(plan, legacy, current, diffTable, sampleSize));
            if (plan.config().ordered()) {
                out.add(RowDiffQuery.order(plan, legacy, current));
            }
        }
        return out;
    }

    /**
     * The key diff's statements when both sides have as many rows (sorted, paired by position, the rest
     * joined); with different row counts only the join runs, over the whole relations.
     */
    public static List<Statement> keyDiffPlan(DatasetPlan plan, String legacyKeys, String newKeys, String diffTable) {
        String sortedLegacy = diffTable + "_legacy";
        String sortedNew = diffTable + "_new";
        return List.of(RowDiffQuery.sortedKeys(plan, legacyKeys, sortedLegacy),
                RowDiffQuery.sortedKeys(plan, newKeys, sortedNew),
                RowDiffQuery.adjacentRepeats(plan, sortedLegacy), RowDiffQuery.adjacentRepeats(plan, sortedNew),
                RowDiffQuery.alignedDiff(plan, sortedLegacy, sortedNew, diffTable + "_aligned"),
                RowDiffQuery.misaligned(plan, sortedLegacy, sortedNew, true, diffTable + "_legacy_rest"),
                RowDiffQuery.misaligned(plan, sortedLegacy, sortedNew, false, diffTable + "_new_rest"),
                RowDiffQuery.joinedDiff(plan, Sql.quote(diffTable + "_legacy_rest"), Sql.quote(diffTable + "_new_rest"),
                        diffTable + "_stats"),
                RowDiffQuery.diffFromList(plan, List.of(diffTable + "_aligned", diffTable + "_stats"), diffTable));
    }

    public static List<ProfileQuery.ColumnPlan> columnPlans(DatasetPlan plan) {
        return plan.all().stream()
                .map(c -> new ProfileQuery.ColumnPlan(c.name(), c.numeric(), c.asText()))
                .toList();
    }

    /**
     * What a side that kept only (key, row hash) reads again, and only when needed. Materialized sides
     * need nothing, which is the default.
     */
    public interface Rereads {
        /** Runs once the differing keys are in {@code diffTable}, before their rows are sampled. */
        default void samples(String diffTable) throws SQLException {
        }

        /** Runs once the key diff has sorted copies of the (key, row hash) relations, which it reads from then on. */
        default void sorted() throws SQLException {
        }

        /** Relations to search for repeated keys, once the counts show that a key repeats. */
        default Relations duplicates(Relations r) throws SQLException {
            return r;
        }
    }

    /**
     * Compares two materialized relations.
     *
     * @param legacy     relation SQL of the legacy side (a quoted table name)
     * @param fileColumn the column naming each row's source file, or null for tables
     */
    public List<CheckResult> compare(DatasetPlan plan, String legacy, String current, boolean typesInferred,
            String fileColumn) {
        try {
            Map<String, Object> l = session.query(Statement.of("aggregates (legacy)",
                    ProfileQuery.build(Dialect.DUCKDB, legacy, columnPlans(plan)))).get(0);
            Map<String, Object> n = session.query(Statement.of("aggregates (new)",
                    ProfileQuery.build(Dialect.DUCKDB, current, columnPlans(plan)))).get(0);
            return compare(plan, l, n, new Relations(legacy, current, legacy, current, fileColumn), typesInferred,
                    new Rereads() { });
        } catch (SQLException e) {
            throw engineFailure(plan, e);
        }
    }

    /**
     * Where the key diff reads (key, row hash) and where samples, order and duplicate checks read full rows.
     * For a materialized side both are the same table.
     */
    public record Relations(String legacyKeys, String newKeys, String legacyRows, String newRows, String fileColumn) {
    }

    /** Compares from aggregates already computed; {@code rereads} fills the row relations when they are needed. */
    public List<CheckResult> compare(DatasetPlan plan, Map<String, Object> l, Map<String, Object> n, Relations r,
            boolean typesInferred, Rereads rereads) {
        String ds = plan.config().name();
        String diffTable = "diff_" + Integer.toHexString(System.identityHashCode(plan));
        List<CheckResult> out = new ArrayList<>();
        try {
            long nl = Verdicts.number(l.get("n")).longValue();
            long nn = Verdicts.number(n.get("n")).longValue();
            out.add(Verdicts.rowCount(ds, nl, nn, plan.config().rowCount()));
            out.addAll(Verdicts.schema(plan, typesInferred));
            out.addAll(Verdicts.aggregates(plan, l, n));
            if (plan.keys().isEmpty()) {
                return out;
            }
            Map<String, Long> counts = !fitsInMemory(plan, nl + nn) ? groupedDiff(plan, r, diffTable, rereads)
                    : nl == nn ? alignedDiff(plan, r, nl, nn, diffTable, rereads)
                    : joinedDiff(plan, r, nl, nn, diffTable, rereads);
            List<Map<String, Object>> samples = List.of();
            if (!counts.isEmpty()) {
                rereads.samples(diffTable);
                samples = session.query(RowDiffQuery.samples(plan, r.legacyRows(), r.newRows(), diffTable, sampleSize));
            }
            out.add(RowDiffVerdict.of(plan, counts, samples, Math.max(nl, nn)));
            if (plan.config().ordered()) {
                Map<String, Object> o = session.query(RowDiffQuery.order(plan, r.legacyRows(), r.newRows())).get(0);
                long moved = Verdicts.number(o.get("moved")).longValue();
                out.add(CheckResult.of(ds, Check.ORDER, "rows", moved == 0 ? Status.PASS : Status.FAIL,
                        moved == 0 ? "rows are in the same order" : moved + " rows are out of order; the first is at "
                                + "legacy position " + o.get("first"))
                        .withValues(null, null, String.valueOf(moved), "exact"));
            }
            session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(diffTable)));
            return out;
        } catch (SQLException e) {
            throw engineFailure(plan, e);
        }
    }

    private static EnvironmentException engineFailure(DatasetPlan plan, SQLException e) {
        return new EnvironmentException("dataset '" + plan.config().name() + "': the engine failed while comparing: "
                + Errors.cause(e) + ". Re-run with --stacktrace for details", e);
    }

    /** Whether both sides' (key, hash) fit a hash join in half the memory; past that, a spilling aggregation. */
    private boolean fitsInMemory(DatasetPlan plan, long rows) {
        return rows * 16L * (plan.keys().size() + 1 + plan.tolerant().size()) <= memoryBytes / 2;
    }

    /**
     * Sides with as many rows as each other are sorted by key and paired by position, which needs no hash
     * table: with the same keys on both sides every row pairs up. Rows a missing or extra key pushed out of
     * place are left to the join. Sorted, a repeated key sits next to itself, so repeats are found first.
     */
    private Map<String, Long> alignedDiff(DatasetPlan plan, Relations r, long nl, long nn, String diffTable,
            Rereads rereads) throws SQLException {
        String sortedLegacy = diffTable + "_legacy";
        String sortedNew = diffTable + "_new";
        session.execute(RowDiffQuery.sortedKeys(plan, r.legacyKeys(), sortedLegacy));
        session.execute(RowDiffQuery.sortedKeys(plan, r.newKeys(), sortedNew));
        rereads.sorted();
        for (String sorted : List.of(sortedLegacy, sortedNew)) {
            if (Verdicts.number(session.query(RowDiffQuery.adjacentRepeats(plan, sorted)).get(0).get("n")).longValue() > 0) {
                rejectDuplicates(plan, rereads.duplicates(r));
            }
        }
        String stats = diffTable + "_aligned";
        session.execute(RowDiffQuery.alignedDiff(plan, sortedLegacy, sortedNew, stats));
        Map<String, Object> paired = session.query(Statement.of("row diff by position counts",
                "SELECT matched, differs, misaligned FROM " + Sql.quote(stats))).get(0);
        Map<String, Long> counts = new HashMap<>();
        counts.put("matched", Verdicts.number(paired.get("matched")).longValue());
        counts.put("differs", Verdicts.number(paired.get("differs")).longValue());
        List<String> statsTables = new ArrayList<>(List.of(stats));
        if (Verdicts.number(paired.get("misaligned")).longValue() > 0) {
            String restLegacy = diffTable + "_legacy_rest";
            String restNew = diffTable + "_new_rest";
            session.execute(RowDiffQuery.misaligned(plan, sortedLegacy, sortedNew, true, restLegacy));
            session.execute(RowDiffQuery.misaligned(plan, sortedLegacy, sortedNew, false, restNew));
            String joined = diffTable + "_stats";
            joinCounts(plan, Sql.quote(restLegacy), Sql.quote(restNew), joined).forEach((k, v) -> counts.merge(k, v, Long::sum));
            statsTables.add(joined);
            drop(restLegacy, restNew);
        }
        drop(sortedLegacy, sortedNew);
        return settle(plan, r, nl, nn, counts, statsTables, diffTable, rereads);
    }

    /** One join counts the pairs and collects the differing keys. */
    private Map<String, Long> joinedDiff(DatasetPlan plan, Relations r, long nl, long nn, String diffTable,
            Rereads rereads) throws SQLException {
        String stats = diffTable + "_stats";
        return settle(plan, r, nl, nn, joinCounts(plan, r.legacyKeys(), r.newKeys(), stats), List.of(stats), diffTable,
                rereads);
    }

    /** Joins two (key, row hash) relations into {@code stats}; the pairs counted by kind, {@code matched} included. */
    private Map<String, Long> joinCounts(DatasetPlan plan, String legacy, String current, String stats)
            throws SQLException {
        session.execute(RowDiffQuery.joinedDiff(plan, legacy, current, stats));
        Map<String, Object> joined = session.query(Statement.of("row diff counts",
                "SELECT matched, missing, extra, differs FROM " + Sql.quote(stats))).get(0);
        Map<String, Long> counts = new HashMap<>();
        for (String kind : List.of("matched", "missing", "extra", "differs")) {
            counts.put(kind, Verdicts.number(joined.get(kind)).longValue());
        }
        return counts;
    }

    /**
     * Turns the counts of every pairing into the verdict's counts and, when some keys differ, collects them
     * from {@code statsTables} into {@code diffTable}. With unique keys, matched plus missing is the legacy
     * row count and matched plus extra the new one: otherwise a key repeats.
     */
    private Map<String, Long> settle(DatasetPlan plan, Relations r, long nl, long nn, Map<String, Long> all,
            List<String> statsTables, String diffTable, Rereads rereads) throws SQLException {
        Map<String, Long> counts = new HashMap<>(all);
        long matched = counts.remove("matched");
        counts.values().removeIf(c -> c == 0);
        if (matched + counts.getOrDefault("missing", 0L) != nl || matched + counts.getOrDefault("extra", 0L) != nn) {
            rejectDuplicates(plan, rereads.duplicates(r));
        }
        if (!counts.isEmpty()) {
            session.execute(RowDiffQuery.diffFromList(plan, statsTables, diffTable));
            if (!session.query(RowDiffQuery.repeatedKeys(plan, diffTable)).isEmpty()) {
                rejectDuplicates(plan, rereads.duplicates(r));
            }
        }
        drop(statsTables.toArray(String[]::new));
        return counts;
    }

    private void drop(String... tables) throws SQLException {
        for (String t : tables) {
            session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(t)));
        }
    }

    /** Stacks and groups both sides by key: slower than the join, but it spills, so any size completes. */
    private Map<String, Long> groupedDiff(DatasetPlan plan, Relations r, String diffTable, Rereads rereads)
            throws SQLException {
        session.execute(RowDiffQuery.diffGrouped(plan, r.legacyKeys(), r.newKeys(), diffTable));
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : session.query(RowDiffQuery.counts(diffTable))) {
            counts.put(String.valueOf(row.get("kind")), Verdicts.number(row.get("n")).longValue());
        }
        if (counts.containsKey("duplicate")) {
            rejectDuplicates(plan, rereads.duplicates(r));
        }
        return counts;
    }

    /** Only reached when the counts show a repeated key: now pay for finding where it is. */
    private void rejectDuplicates(DatasetPlan plan, Relations r) throws SQLException {
        rejectDuplicates(plan, r.legacyKeys(), "legacy", r.fileColumn());
        rejectDuplicates(plan, r.newKeys(), "new", r.fileColumn());
    }

    private void rejectDuplicates(DatasetPlan plan, String relation, String side, String fileColumn)
            throws SQLException {
        List<Map<String, Object>> dups = session.query(RowDiffQuery.duplicates(plan, relation, fileColumn));
        if (dups.isEmpty()) {
            return;
        }
        Map<String, Object> first = dups.get(0);
        List<String> key = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            key.add(plan.keys().get(i).name() + "=" + first.get("k" + i));
        }
        Object files = first.get("files");
        throw new BadInputException((files == null ? "" : files + ": ") + "duplicate key in the " + side
                + " output of dataset '" + plan.config().name() + "': (" + String.join(", ", key) + ") appears "
                + first.get("n") + " times" + (dups.size() > 1 ? " (and other keys too)" : "")
                + "; fix the output, or make " + plan.config().configPath() + ".key name columns that identify a row");
    }
}
