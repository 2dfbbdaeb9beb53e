package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.Errors;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.engine.SideBySide;
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
 * only for the sampled keys. Sides whose row checksums show the same rows skip the key diff: only
 * their keys are checked for repeats.
 */
public final class EmbeddedComparison {
    private final DuckDbSession session;
    private final SideBySide sides;
    private final int sampleSize;
    private final long memoryBytes;

    public EmbeddedComparison(DuckDbSession session, EngineSettings settings) {
        this(session, settings, SideBySide.inTurn(session));
    }

    /** With {@code sides}, two independent statements of the key diff may run at once. */
    public EmbeddedComparison(DuckDbSession session, EngineSettings settings, SideBySide sides) {
        this.session = session;
        this.sides = sides;
        this.sampleSize = settings.sampleSize();
        this.memoryBytes = settings.memoryBytes();
    }

    /** The statements a comparison runs, in order; what {@code --dry-run} prints. */
    public static List<Statement> plan(DatasetPlan plan, String legacy, String current, String diffTable,
            int sampleSize) {
        return plan(plan, legacy, current, diffTable, sampleSize, List.of(), legacy, current);
    }

    /**
     * The same, with {@code rereads} (see {@link Rereads#samples}) run before the samples, which read their rows from
     * {@code legacySampled} and {@code newSampled} (see {@link Rereads#sampled}).
     */
    public static List<Statement> plan(DatasetPlan plan, String legacy, String current, String diffTable,
            int sampleSize, List<Statement> rereads, String legacySampled, String newSampled) {
        List<Statement> out = new ArrayList<>();
        out.add(aggregates(plan, legacy, "legacy"));
        out.add(aggregates(plan, current, "new"));
        if (!plan.keys().isEmpty()) {
            out.addAll(uniqueKeysPlan(plan, legacy, diffTable));
            out.add(RowDiffQuery.joinedDiff(plan, legacy, current, diffTable + "_stats"));
            out.add(RowDiffQuery.diffFromList(plan, diffTable + "_stats", diffTable));
            out.addAll(rereads);
            out.add(RowDiffQuery.samples(plan, legacySampled, newSampled, diffTable, sampleSize));
            if (!plan.values().isEmpty()) {
                out.add(RowDiffQuery.columnCounts(plan, Statement.of("legacy rows", legacy), Statement.of("new rows",
                        current), diffTable));
            }
            if (plan.config().ordered()) {
                out.add(RowDiffQuery.order(plan, legacy, current));
            }
        }
        return out;
    }

    /** The aggregates of a materialized relation and, with keys, its {@link RowDiffQuery#ROWS_CHECKSUM}. */
    private static Statement aggregates(DatasetPlan plan, String relation, String side) {
        boolean keyed = !plan.keys().isEmpty();
        // the side was loaded with RowDiffQuery.rowHashColumn: JSON columns' canonical text is read, not recomputed
        List<String> items = new ArrayList<>(ProfileQuery.items(Dialect.DUCKDB, RowDiffQuery.materialized(plan), keyed));
        if (keyed) {
            items.add(RowDiffQuery.rowsChecksum(plan));
        }
        return Statement.of("aggregates (" + side + ")", "SELECT " + String.join(", ", items) + " FROM " + relation);
    }

    /**
     * What runs instead of the key diff when both sides hold the same rows: the legacy keys sorted, and the
     * count of keys equal to the one before them.
     */
    public static List<Statement> uniqueKeysPlan(DatasetPlan plan, String legacyKeys, String diffTable) {
        return List.of(RowDiffQuery.sortedKeys(plan, legacyKeys, diffTable + "_keys"),
                RowDiffQuery.adjacentRepeats(plan, diffTable + "_keys"));
    }

    public static List<ProfileQuery.ColumnPlan> columnPlans(DatasetPlan plan) {
        return plan.all().stream()
                .map(DatasetPlan.Compared::profile)
                .toList();
    }

    /**
     * What a side that kept only (key, row hash) reads again, and only when needed. Materialized sides
     * need nothing, which is the default.
     */
    public interface Rereads {
        /**
         * Runs before the key diff joins or sorts the (key, row hash) relations: the legacy one, and the new one
         * too when {@code both}. Sides holding the same rows only need the legacy keys.
         */
        default void keys(boolean both) throws SQLException {
        }

        /** Runs once the differing keys are in {@code diffTable}, before their rows are sampled. */
        default void samples(String diffTable) throws SQLException {
        }

        /**
         * Where the samples read the rows of their keys, once {@link #samples} ran: the row relations of {@code r}, or
         * relations holding the sampled rows as stored where the row relations hold some values as compared.
         */
        default Relations sampled(Relations r) {
            return r;
        }

        /**
         * Whether each (key, row hash) relation holds its side's rows in file order, so that pairing the rows by
         * position may prove the key diff without a join (see {@link RowDiffQuery#positionalDiff}).
         */
        default boolean fileOrder() {
            return false;
        }

        /**
         * Relations that read each side's (key, row hash) rows where they were collected, without {@link #keys}
         * building tables first: for the single in-order passes of the pairing and the order check. Materialized
         * sides have nothing to build, so by default they are {@code r}'s.
         */
        default Relations listed(Relations r) {
            return r;
        }

        /**
         * Reads of every row of each side (legacy, new), for counting the differing rows per column when there are
         * more than the sample holds; null when the row relations of {@code Relations} hold every row (materialized
         * sides). Sides whose rows are read again only for the sampled keys give their files' scans.
         */
        default List<Statement> allRows() {
            return null;
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
        return compare(plan, legacy, current, typesInferred, fileColumn, new Rereads() { });
    }

    /** The same, {@code rereads} reading what the materialized relations do not hold (see {@link Rereads#sampled}). */
    public List<CheckResult> compare(DatasetPlan plan, String legacy, String current, boolean typesInferred,
            String fileColumn, Rereads rereads) {
        try {
            Map<String, Object> l = session.query(aggregates(plan, legacy, "legacy")).get(0);
            Map<String, Object> n = session.query(aggregates(plan, current, "new")).get(0);
            return compare(plan, l, n, new Relations(legacy, current, legacy, current, fileColumn), typesInferred,
                    rereads);
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
        return compare(plan, l, n, r, typesInferred, rereads, null);
    }

    /** The table of differing keys a comparison of {@code plan} reads its samples from. */
    public static String diffTable(DatasetPlan plan) {
        return "diff_" + Integer.toHexString(System.identityHashCode(plan));
    }

    /**
     * Compares from aggregates and a key diff already proven ({@code counts} per kind; the differing keys in
     * {@link #diffTable}), as a scan that pairs rows while reading them does; null {@code counts} runs the
     * key diff here.
     */
    public List<CheckResult> compare(DatasetPlan plan, Map<String, Object> l, Map<String, Object> n, Relations r,
            boolean typesInferred, Rereads rereads, Map<String, Long> provenCounts) {
        String ds = plan.config().name();
        String diffTable = diffTable(plan);
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
            Map<String, Long> counts;
            if (provenCounts != null) {
                counts = provenCounts;
            } else if (sameRows(l, n, nl, nn)) {
                requireUniqueKeys(plan, r, diffTable, rereads);
                counts = Map.of();
            } else if (!fitsInMemory(plan, nl + nn)) {
                rereads.keys(true);
                counts = groupedDiff(plan, r, diffTable, rereads);
            } else {
                counts = rereads.fileOrder() && nl == nn ? pairedByPosition(plan, rereads.listed(r), nl, diffTable)
                        : null;
                if (counts == null) {
                    rereads.keys(true);
                    counts = joinedDiff(plan, r, nl, nn, diffTable, rereads);
                }
            }
            List<Map<String, Object>> samples = List.of();
            if (!counts.isEmpty()) {
                rereads.samples(diffTable);
                Relations sampled = rereads.sampled(r);
                samples = session.query(RowDiffQuery.samples(plan, sampled.legacyRows(), sampled.newRows(), diffTable,
                        sampleSize));
            }
            out.add(RowDiffVerdict.of(plan, withColumnCounts(plan, r, counts, samples, diffTable, rereads), samples,
                    Math.max(nl, nn), nl));
            if (plan.config().ordered()) {
                // rows proven paired by position are in the same order: nothing moved
                Map<String, Object> o = provenCounts != null ? Map.of("moved", 0L)
                        : session.query(RowDiffQuery.order(plan, r.legacyRows(), r.newRows())).get(0);
                long moved = Verdicts.number(o.get("moved")).longValue();
                out.add(CheckResult.of(ds, Check.ORDER, "rows", moved == 0 ? Status.PASS : Status.FAIL,
                        moved == 0 ? "rows are in the same order" : (moved == 1 ? "1 row is" : moved + " rows are") + " out of order; the first is at "
                                + "legacy position " + o.get("first"))
                        .withValues(null, null, String.valueOf(moved), "exact"));
            }
            session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(diffTable)));
            return out;
        } catch (SQLException e) {
            throw engineFailure(plan, e);
        }
    }

    /**
     * {@code counts} with the differing rows of each column ({@link RowDiffVerdict#COLUMN}) when the row relations
     * hold every row: one join of the differing keys with both sides, run only when rows differ.
     */
    private Map<String, Long> withColumnCounts(DatasetPlan plan, Relations r, Map<String, Long> counts,
            List<Map<String, Object>> samples, String diffTable, Rereads rereads) throws SQLException {
        long differs = counts.getOrDefault("differs", 0L);
        long sampled = samples.stream().filter(s -> "differs".equals(String.valueOf(s.get(RowDiffQuery.KIND)))).count();
        if (differs == 0 || sampled == differs || plan.values().isEmpty()) {
            return counts; // the sample holds every differing row: RowDiffVerdict counts them there
        }
        List<Statement> all = rereads.allRows();
        Statement legacy = all == null ? Statement.of("legacy rows", r.legacyRows()) : all.get(0);
        Statement current = all == null ? Statement.of("new rows", r.newRows()) : all.get(1);
        // a scan that pairs rows while reading keeps only the differing keys the samples need: then compare all pairs
        long listed = Verdicts.number(session.query(Statement.of("differing keys listed", "SELECT count(*) AS n FROM "
                + Sql.quote(diffTable) + " WHERE " + RowDiffQuery.KIND + " = 'differs'")).get(0).get("n")).longValue();
        Map<String, Object> row = session.query(RowDiffQuery.columnCounts(plan, legacy, current, diffTable,
                listed == differs)).get(0);
        Map<String, Long> out = new java.util.LinkedHashMap<>(counts);
        for (int j = 0; j < plan.values().size(); j++) {
            long n = Verdicts.number(row.get("d" + j)).longValue();
            if (n > 0) {
                out.put(RowDiffVerdict.COLUMN + plan.values().get(j).name(), n);
            }
        }
        return out;
    }

    private static EnvironmentException engineFailure(DatasetPlan plan, SQLException e) {
        return new EnvironmentException("dataset '" + plan.config().name() + "': the engine failed while comparing: "
                + Errors.cause(e) + ". Re-run with --stacktrace for details", e);
    }

    /**
     * Whether both sides hold the same rows (key, row hash, toleranced values), whatever their order: same
     * count and same {@link RowDiffQuery#ROWS_CHECKSUM}. Then every key pairs with an identical row, and the
     * key diff would find nothing, as long as no key repeats.
     */
    private static boolean sameRows(Map<String, Object> l, Map<String, Object> n, long nl, long nn) {
        Object checksum = l.get(RowDiffQuery.ROWS_CHECKSUM);
        return nl == nn && checksum != null && checksum.equals(n.get(RowDiffQuery.ROWS_CHECKSUM));
    }

    /**
     * With the same rows on both sides, a key repeats on one side exactly when it repeats on the other: sorting
     * the legacy keys (far cheaper than joining the sides) shows it next to itself.
     */
    private void requireUniqueKeys(DatasetPlan plan, Relations r, String diffTable, Rereads rereads)
            throws SQLException {
        if (rereads.fileOrder() && keysIncrease(plan, rereads.listed(r).legacyKeys())) {
            return;
        }
        rereads.keys(false);
        List<Statement> check = uniqueKeysPlan(plan, r.legacyKeys(), diffTable);
        session.execute(check.get(0));
        long repeats = Verdicts.number(session.query(check.get(1)).get(0).get("n")).longValue();
        session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(diffTable + "_keys")));
        if (repeats > 0) {
            rejectDuplicates(plan, rereads.duplicates(r));
        }
    }

    /** Whether the keys of {@code relation}, read as stored, strictly increase: then none repeats. */
    private boolean keysIncrease(DatasetPlan plan, String relation) throws SQLException {
        return keysIncrease(session, plan, relation);
    }

    private static boolean keysIncrease(DuckDbSession on, DatasetPlan plan, String relation) throws SQLException {
        return Verdicts.number(on.query(RowDiffQuery.keysInFileOrder(plan, relation)).get(0).get("unordered"))
                .longValue() == 0;
    }

    /**
     * The key diff of sides in file order with {@code rows} rows each, by position: proven when the legacy keys
     * strictly increase and every position pairs equal keys (then nothing is missing or extra, and no key
     * repeats on either side). Null when that does not hold, and the caller joins instead.
     */
    private Map<String, Long> pairedByPosition(DatasetPlan plan, Relations r, long rows, String diffTable)
            throws SQLException {
        String stats = diffTable + "_stats";
        Statement pairs = RowDiffQuery.positionalDiff(plan, r.legacyKeys(), r.newKeys(), stats);
        boolean increasing;
        if (sides.concurrent()) {
            // Independent of each other, both on one thread: the pairs are counted while a second connection
            // checks the keys' order; the count only stands if the keys increase.
            increasing = sides.run(s -> {
                s.execute(pairs);
                return true;
            }, s -> keysIncrease(s, plan, r.legacyKeys())).current();
        } else {
            increasing = keysIncrease(plan, r.legacyKeys());
            if (increasing) {
                session.execute(pairs);
            }
        }
        if (!increasing) {
            session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(stats)));
            return null;
        }
        Map<String, Object> paired = session.query(Statement.of("row diff counts",
                "SELECT paired, differs FROM " + Sql.quote(stats))).get(0);
        long differs = Verdicts.number(paired.get("differs")).longValue();
        boolean proven = Verdicts.number(paired.get("paired")).longValue() == rows;
        if (proven && differs > 0) {
            session.execute(RowDiffQuery.diffFromList(plan, stats, diffTable));
        }
        session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(stats)));
        return !proven ? null : differs > 0 ? Map.of("differs", differs) : Map.of();
    }

    /** Whether both sides' (key, hash) fit a hash join in half the memory; past that, a spilling aggregation. */
    private boolean fitsInMemory(DatasetPlan plan, long rows) {
        return rows * 16L * (plan.keys().size() + 1 + plan.tolerant().size()) <= memoryBytes / 2;
    }

    /**
     * One join counts the pairs and collects the differing keys; they become a table only when there are
     * some. With unique keys, matched plus missing is the legacy row count and matched plus extra the new
     * one: otherwise a key repeats.
     */
    private Map<String, Long> joinedDiff(DatasetPlan plan, Relations r, long nl, long nn, String diffTable,
            Rereads rereads) throws SQLException {
        String stats = diffTable + "_stats";
        session.execute(RowDiffQuery.joinedDiff(plan, r.legacyKeys(), r.newKeys(), stats));
        Map<String, Object> joined = session.query(Statement.of("row diff counts",
                "SELECT matched, missing, extra, differs FROM " + Sql.quote(stats))).get(0);
        long matched = Verdicts.number(joined.get("matched")).longValue();
        Map<String, Long> counts = new HashMap<>();
        for (String kind : List.of("missing", "extra", "differs")) {
            long c = Verdicts.number(joined.get(kind)).longValue();
            if (c > 0) {
                counts.put(kind, c);
            }
        }
        if (matched + counts.getOrDefault("missing", 0L) != nl || matched + counts.getOrDefault("extra", 0L) != nn) {
            rejectDuplicates(plan, rereads.duplicates(r));
        }
        if (!counts.isEmpty()) {
            session.execute(RowDiffQuery.diffFromList(plan, stats, diffTable));
            if (!session.query(RowDiffQuery.repeatedKeys(plan, diffTable)).isEmpty()) {
                rejectDuplicates(plan, rereads.duplicates(r));
            }
        }
        session.execute(Statement.of("cleanup", "DROP TABLE IF EXISTS " + Sql.quote(stats)));
        return counts;
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
        throw new dev.migrate.validators.DuplicateKeyException(side, files == null ? "" : files + ": ",
                plan.config().name(), "(" + String.join(", ", key) + ")", first.get("n"), dups.size() > 1,
                plan.config().configPath());
    }
}
