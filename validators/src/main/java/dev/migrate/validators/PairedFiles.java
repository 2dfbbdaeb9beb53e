package dev.migrate.validators;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.EmbeddedComparison;
import dev.migrate.validators.compare.Verdicts;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.engine.FileLoader;
import dev.migrate.validators.engine.FooterBounds;
import dev.migrate.validators.engine.PairedScan;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.CheckResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The key diff of two Parquet sides read in one pass, row beside row ({@link PairedScan}): the n-th file of one
 * side beside the n-th file of the other. It is tried first when the footers give each pair of files the same
 * row count and the first rows pair; when the full
 * read finds rows that do not pair (a missing row, another order) or a repeated key, it says so and the caller
 * takes the other paths, which handle every case. Sides in the same order but not in key order pair too: then
 * the legacy keys alone are sorted to show that none repeats.
 */
final class PairedFiles {
    private final DuckDbSession session;
    private final EngineSettings settings;
    private final DatasetPlan plan;
    private final DatasetConfig ds;
    /** The files of each side, paired in the order the sides are read (by name). */
    private final List<Path> legacyFiles;
    private final List<Path> newFiles;
    private boolean threadsLowered;

    PairedFiles(DuckDbSession session, EngineSettings settings, DatasetPlan plan, DatasetConfig ds,
            List<Path> legacyFiles, List<Path> newFiles) {
        this.session = session;
        this.settings = settings;
        this.plan = plan;
        this.ds = ds;
        this.legacyFiles = List.copyOf(legacyFiles);
        this.newFiles = List.copyOf(newFiles);
    }

    /** The checks, or null when the sides do not pair row by row (nothing is kept then). */
    List<CheckResult> compare() throws SQLException {
        FileLoader.precheck(legacyFiles, ds.allowEmpty());
        FileLoader.precheck(newFiles, ds.allowEmpty());
        long[] rows = new long[legacyFiles.size()];
        long[][] groups = new long[rows.length][];
        long total = 0;
        for (int i = 0; i < rows.length; i++) {
            groups[i] = rowGroups(legacyFiles.get(i));
            rows[i] = java.util.Arrays.stream(groups[i]).sum();
            if (rows[i] == 0 || rows[i] != footerRows(newFiles.get(i))) {
                return null; // the other paths report files without rows, and pair files of other lengths
            }
            total += rows[i];
        }
        if (!firstRowsPair()) {
            return null;
        }
        FooterBounds.Split legacyBounds = bounds("legacy", legacyFiles);
        FooterBounds.Split newBounds = bounds("new", newFiles);
        List<Statement> ranges = ranges(groups, legacyBounds, newBounds);
        List<String> tables = ranges.stream().map(PairedFiles::table).toList();
        try {
            readRanges(ranges);
            Map<String, Object> pairs = session.query(PairedScan.summary(plan, legacyBounds.inScan(),
                    newBounds.inScan(), tables)).get(0);
            if (Verdicts.number(pairs.get("paired")).longValue() != total) {
                restoreThreads();
                return null;
            }
            if (Verdicts.number(pairs.get("unordered")).longValue() + unorderedBetweenFiles(rows) != 0
                    && !legacyKeysUnique()) {
                restoreThreads();
                return null;
            }
            long differs = Verdicts.number(pairs.get("differs")).longValue();
            Map<String, Object> l = aggregates("legacy", pairs, legacyBounds, legacyFiles);
            Map<String, Object> n = aggregates("new", pairs, newBounds, newFiles);
            if (differs > 0) {
                session.execute(PairedScan.differingKeys(plan, tables, EmbeddedComparison.diffTable(plan)));
            }
            return new EmbeddedComparison(session, settings).compare(plan, l, n, new EmbeddedComparison.Relations(
                    null, null, Sql.quote("legacy"), Sql.quote("new"), null), false, new EmbeddedComparison.Rereads() {
                        /** Only the sampled rows are read again: the per-column counts read the files once more. */
                        @Override
                        public List<Statement> allRows() {
                            return List.of(FileLoader.scan(legacyFiles, ds.csv("legacy"), false, ds.renames("legacy")),
                                    FileLoader.scan(newFiles, ds.csv("new"), false, ds.renames("new")));
                        }

                        @Override
                        public void samples(String diff) throws SQLException {
                            Validator.sampleRows(session, plan, ds, diff, legacyFiles, newFiles, settings.sampleSize());
                        }
                    }, differs > 0 ? Map.of("differs", differs) : Map.of());
        } finally {
            dropAll(tables);
        }
    }

    /** Drops the range tables; a failure to drop never hides the failure that is already on its way up. */
    private void dropAll(List<String> tables) {
        for (String t : tables) {
            try {
                session.execute(PairedScan.drop(t));
            } catch (SQLException e) {
                return; // the engine is failing: what failed first is reported, and the database goes with the session
            }
        }
    }

    /** Where each column's count, min and max come from on one side (see {@link FooterBounds}). */
    private FooterBounds.Split bounds(String side, List<Path> files) {
        return FooterBounds.split(session, side, files, ds.csv(), ds.renames(side),
                EmbeddedComparison.columnPlans(plan),
                Validator.typeOf(plan, side));
    }

    private void restoreThreads() throws SQLException {
        if (threadsLowered) {
            session.execute(Statement.of("settings", "SET threads = " + settings.threads()));
            threadsLowered = false;
        }
    }

    /** What {@link #compare} runs, for {@code --dry-run} (before the statements it falls back to). */
    List<Statement> plan() {
        List<Statement> out = new ArrayList<>();
        long[] rows = new long[legacyFiles.size()];
        long[][] groups = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out.add(PairedScan.rowGroups(legacyFiles.get(i)));
            out.add(PairedScan.footerRows(newFiles.get(i)));
            try {
                groups[i] = rowGroups(legacyFiles.get(i));
            } catch (SQLException e) {
                groups[i] = new long[] {1};
            }
            rows[i] = Math.max(1, java.util.Arrays.stream(groups[i]).sum());
        }
        out.add(PairedScan.probe(plan, legacyFiles.get(0), newFiles.get(0)));
        FooterBounds.Split legacyBounds = bounds("legacy", legacyFiles);
        FooterBounds.Split newBounds = bounds("new", newFiles);
        List<Statement> ranges = ranges(groups, legacyBounds, newBounds);
        List<String> tables = ranges.stream().map(PairedFiles::table).toList();
        out.addAll(ranges);
        out.add(PairedScan.summary(plan, legacyBounds.inScan(), newBounds.inScan(), tables));
        for (int i = 1; i < rows.length; i++) {
            out.add(PairedScan.boundary(plan, legacyFiles.get(i - 1), rows[i - 1], legacyFiles.get(i)));
        }
        for (FooterBounds.Split b : List.of(legacyBounds, newBounds)) {
            if (b.statistics() != null) {
                out.add(b.statistics());
            }
            if (b.footers() != null) {
                out.add(b.footers());
            }
        }
        out.addAll(PairedScan.uniqueKeys(plan, legacyFiles, "diff_keys"));
        out.add(PairedScan.differingKeys(plan, tables, "diff"));
        return out;
    }

    /**
     * The range statements, largest first. Each file pair is cut at legacy row-group boundaries (no row group
     * is decoded by two ranges) into about four ranges per engine thread over all files, so that the lanes,
     * which take the next range as they finish one, end at about the same time; a range never spans two files.
     * A file of too few row groups is cut by rows instead.
     */
    private List<Statement> ranges(long[][] groups, FooterBounds.Split legacyBounds, FooterBounds.Split newBounds) {
        int threads = Math.max(1, settings.threads());
        long total = 0;
        for (long[] g : groups) {
            total += java.util.Arrays.stream(g).sum();
        }
        // A range buffers the next rows' keys when DuckDB cannot read them in step: a quarter of the memory limit
        // at most, over all lanes at once.
        long maxRows = Math.max(100_000, settings.memoryBytes() / (4L * threads * 8 * (plan.keys().size() + 1)));
        long target = Math.min(maxRows, Math.max(PairedScan.PROBE_ROWS, total / (threads == 1 ? 1 : 4L * threads)));
        List<long[]> pieces = new ArrayList<>(); // file index, from, to
        for (int f = 0; f < groups.length; f++) {
            long rows = java.util.Arrays.stream(groups[f]).sum();
            long parts = (rows + target - 1) / target;
            if (groups[f].length < parts) {
                for (long[] r : PairedScan.ranges(rows, (int) parts)) {
                    pieces.add(new long[] {f, r[0], r[1]});
                }
                continue;
            }
            // as many row groups in each (the parts end together when row groups are alike)
            long[] starts = new long[groups[f].length + 1];
            for (int g = 0; g < groups[f].length; g++) {
                starts[g + 1] = starts[g] + groups[f][g];
            }
            for (long k = 0; k < parts; k++) {
                long from = starts[(int) (k * groups[f].length / parts)];
                long to = starts[(int) ((k + 1) * groups[f].length / parts)];
                if (to > from) {
                    pieces.add(new long[] {f, from, to});
                }
            }
        }
        pieces.sort((a, b) -> Long.compare(b[2] - b[1], a[2] - a[1]));
        List<Statement> out = new ArrayList<>();
        for (int j = 0; j < pieces.size(); j++) {
            long[] p = pieces.get(j);
            int f = (int) p[0];
            out.add(PairedScan.range("pairs_" + j, plan, legacyFiles.get(f), newFiles.get(f), p[1], p[2],
                    legacyBounds.inScan(), newBounds.inScan(), settings.sampleSize()));
        }
        return out;
    }

    /** The range table a range statement creates ({@code pairs_<i>}, from its purpose). */
    private static String table(Statement range) {
        String p = range.purpose();
        return p.substring(p.lastIndexOf('(') + 1, p.length() - 1);
    }

    /** Legacy files whose first key does not come after the last key of the file before them. */
    private long unorderedBetweenFiles(long[] rows) throws SQLException {
        long unordered = 0;
        for (int i = 1; i < rows.length; i++) {
            Statement st = PairedScan.boundary(plan, legacyFiles.get(i - 1), rows[i - 1], legacyFiles.get(i));
            unordered += Verdicts.number(FileLoader.query(session, st, legacyFiles, ds.csv()).get(0).get("unordered"))
                    .longValue();
        }
        return unordered;
    }

    /**
     * Runs the ranges on one lane per engine thread: the first lane on this connection, each other one on a second
     * connection to the same database; each lane takes the next range as it finishes one (a positional scan reads
     * its files in step, on one thread). All finish before this returns; the first failure is rethrown.
     */
    private void readRanges(List<Statement> ranges) throws SQLException {
        List<Path> files = new ArrayList<>(legacyFiles);
        files.addAll(newFiles);
        java.util.Queue<Statement> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(ranges);
        int lanes = Math.min(Math.max(1, settings.threads()), ranges.size());
        if (lanes == 1) {
            runLane(session, queue, files);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(lanes - 1, r -> {
            Thread t = new Thread(r, "migrate-validate-range");
            t.setDaemon(true);
            return t;
        });
        List<DuckDbSession> twins = new ArrayList<>();
        // Each lane runs on the thread that sends it; engine workers would only wait beside them. The count is
        // given back only if the other paths follow (it costs about 0.05 s; what follows a pairing is small).
        session.execute(Statement.of("settings", "SET threads = 1"));
        threadsLowered = true;
        try {
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i < lanes; i++) {
                DuckDbSession twin = session.twin();
                twins.add(twin);
                others.add(pool.submit(() -> runLane(twin, queue, files)));
            }
            RuntimeException failure = null;
            try {
                runLane(session, queue, files);
            } catch (RuntimeException e) {
                failure = e;
                queue.clear(); // the other lanes stop after their current range
            }
            for (Future<?> other : others) {
                try {
                    other.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new EnvironmentException("dataset '" + ds.name() + "': the engine failed while reading "
                                    + "both sides: " + e.getCause().getMessage(), e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while both sides were being read", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
            twins.forEach(DuckDbSession::close);
        }
    }

    private Void runLane(DuckDbSession on, java.util.Queue<Statement> queue, List<Path> files) {
        try {
            for (Statement st = queue.poll(); st != null; st = queue.poll()) {
                FileLoader.execute(on, st, files, ds.csv());
            }
        } catch (RuntimeException e) {
            queue.clear();
            throw e;
        }
        return null;
    }

    /** One side's aggregates: its columns of the summary ({@code <side>.<alias>}), and its bounds from elsewhere. */
    private Map<String, Object> aggregates(String side, Map<String, Object> summary, FooterBounds.Split bounds,
            List<Path> files) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        summary.forEach((k, v) -> {
            if (k.startsWith(side + ".")) {
                out.put(k.substring(side.length() + 1), v);
            }
        });
        if (bounds.footers() != null) {
            out.putAll(FileLoader.query(session, bounds.footers(), files, ds.csv()).get(0));
        }
        out.putAll(bounds.known());
        return out;
    }

    /** The row counts of a Parquet file's row groups, in order. */
    private long[] rowGroups(Path file) throws SQLException {
        return FileLoader.query(session, PairedScan.rowGroups(file), List.of(file), ds.csv()).stream()
                .mapToLong(r -> Verdicts.number(r.get("n")).longValue()).toArray();
    }

    private long footerRows(Path file) throws SQLException {
        Object n = FileLoader.query(session, PairedScan.footerRows(file), List.of(file), ds.csv()).get(0).get("n");
        return n == null ? 0 : Verdicts.number(n).longValue();
    }

    /** Whether the first rows of the first file pair. */
    private boolean firstRowsPair() throws SQLException {
        Path legacy = legacyFiles.get(0);
        Path current = newFiles.get(0);
        Map<String, Object> probe = FileLoader.query(session, PairedScan.probe(plan, legacy, current),
                List.of(legacy, current), ds.csv()).get(0);
        return Verdicts.number(probe.get("paired")).longValue() == Verdicts.number(probe.get("n")).longValue();
    }

    /**
     * Every row paired, but the legacy keys do not increase in file order, so that alone does not show that no
     * key repeats: the legacy key columns (a small part of the file) are read again and sorted, and a repeat
     * sits next to itself. A repeat sends the caller to the other paths, which name it.
     */
    private boolean legacyKeysUnique() throws SQLException {
        restoreThreads(); // the sort runs in parallel
        String sorted = EmbeddedComparison.diffTable(plan) + "_keys";
        List<Statement> check = PairedScan.uniqueKeys(plan, legacyFiles, sorted);
        FileLoader.execute(session, check.get(0), legacyFiles, ds.csv());
        long repeats = Verdicts.number(session.query(check.get(1)).get(0).get("n")).longValue();
        session.execute(PairedScan.drop(sorted));
        return repeats == 0;
    }
}
