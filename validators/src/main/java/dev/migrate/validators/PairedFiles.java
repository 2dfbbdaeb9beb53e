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
import dev.migrate.validators.query.ProfileQuery;
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
 * The key diff of two single-file Parquet sides read in one pass, row beside row ({@link PairedScan}). It is
 * tried first when the footers give both files the same row count and their first rows pair; when the full
 * read finds rows that do not pair (a missing row, another order) or a repeated key, it says so and the caller
 * takes the other paths, which handle every case. Sides in the same order but not in key order pair too: then
 * the legacy keys alone are sorted to show that none repeats.
 */
final class PairedFiles {
    private final DuckDbSession session;
    private final EngineSettings settings;
    private final DatasetPlan plan;
    private final DatasetConfig ds;
    private final Path legacy;
    private final Path current;
    private boolean threadsLowered;

    PairedFiles(DuckDbSession session, EngineSettings settings, DatasetPlan plan, DatasetConfig ds, Path legacy,
            Path current) {
        this.session = session;
        this.settings = settings;
        this.plan = plan;
        this.ds = ds;
        this.legacy = legacy;
        this.current = current;
    }

    /** The checks, or null when the sides do not pair row by row (nothing is kept then). */
    List<CheckResult> compare() throws SQLException {
        List<Path> legacyFiles = List.of(legacy);
        List<Path> newFiles = List.of(current);
        FileLoader.precheck(legacyFiles, ds.allowEmpty());
        FileLoader.precheck(newFiles, ds.allowEmpty());
        long rows = footerRows(legacy);
        if (rows == 0 || rows != footerRows(current) || !firstRowsPair()) {
            return null;
        }
        List<ProfileQuery.ColumnPlan> columns = EmbeddedComparison.columnPlans(plan);
        FooterBounds.Split legacyBounds = FooterBounds.split(session, "legacy", legacyFiles, ds.csv(), columns,
                Validator.typeOf(plan, "legacy"));
        FooterBounds.Split newBounds = FooterBounds.split(session, "new", newFiles, ds.csv(), columns,
                Validator.typeOf(plan, "new"));
        List<Statement> ranges = ranges(rows, legacyBounds, newBounds);
        List<String> tables = ranges.stream().map(PairedFiles::table).toList();
        try {
            readRanges(ranges);
            Map<String, Object> pairs = session.query(PairedScan.pairs(tables)).get(0);
            if (Verdicts.number(pairs.get("paired")).longValue() != rows
                    || Verdicts.number(pairs.get("unordered")).longValue() != 0 && !legacyKeysUnique()) {
                restoreThreads();
                return null;
            }
            long differs = Verdicts.number(pairs.get("differs")).longValue();
            Map<String, Object> l = aggregates("legacy", legacyBounds, legacyFiles, tables);
            Map<String, Object> n = aggregates("new", newBounds, newFiles, tables);
            if (differs > 0) {
                session.execute(PairedScan.differingKeys(plan, tables, EmbeddedComparison.diffTable(plan)));
            }
            return new EmbeddedComparison(session, settings).compare(plan, l, n, new EmbeddedComparison.Relations(
                    null, null, Sql.quote("legacy"), Sql.quote("new"), null), false, new EmbeddedComparison.Rereads() {
                        @Override
                        public void samples(String diff) throws SQLException {
                            Validator.sampleRows(session, plan, ds, diff, legacyFiles, newFiles, settings.sampleSize());
                        }
                    }, differs > 0 ? Map.of("differs", differs) : Map.of());
        } finally {
            for (String t : tables) {
                session.execute(PairedScan.drop(t));
            }
        }
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
        out.add(PairedScan.footerRows(legacy));
        out.add(PairedScan.footerRows(current));
        out.add(PairedScan.probe(plan, legacy, current));
        List<ProfileQuery.ColumnPlan> columns = EmbeddedComparison.columnPlans(plan);
        FooterBounds.Split legacyBounds = FooterBounds.split(session, "legacy", List.of(legacy), ds.csv(), columns,
                Validator.typeOf(plan, "legacy"));
        FooterBounds.Split newBounds = FooterBounds.split(session, "new", List.of(current), ds.csv(), columns,
                Validator.typeOf(plan, "new"));
        long rows;
        try {
            rows = footerRows(legacy);
        } catch (SQLException e) {
            rows = 0;
        }
        List<Statement> ranges = ranges(Math.max(rows, 1), legacyBounds, newBounds);
        List<String> tables = ranges.stream().map(PairedFiles::table).toList();
        out.addAll(ranges);
        out.add(PairedScan.pairs(tables));
        out.add(PairedScan.combined(plan, "legacy", legacyBounds.inScan(), tables));
        out.add(PairedScan.combined(plan, "new", newBounds.inScan(), tables));
        for (FooterBounds.Split b : List.of(legacyBounds, newBounds)) {
            if (b.footers() != null) {
                out.add(b.footers());
            }
        }
        out.addAll(PairedScan.uniqueKeys(plan, legacy, "diff_keys"));
        out.add(PairedScan.differingKeys(plan, tables, "diff"));
        return out;
    }

    /** One range per engine thread: each is read on a connection of its own, all at once. */
    private List<Statement> ranges(long rows, FooterBounds.Split legacyBounds, FooterBounds.Split newBounds) {
        List<Statement> out = new ArrayList<>();
        List<long[]> ranges = PairedScan.ranges(rows, Math.max(1, settings.threads()));
        for (int i = 0; i < ranges.size(); i++) {
            out.add(PairedScan.range("pairs_" + i, plan, legacy, current, ranges.get(i)[0], ranges.get(i)[1],
                    legacyBounds.inScan(), newBounds.inScan(), settings.sampleSize()));
        }
        return out;
    }

    /** The range table a range statement creates ({@code pairs_<i>}, from its purpose). */
    private static String table(Statement range) {
        String p = range.purpose();
        return p.substring(p.lastIndexOf('(') + 1, p.length() - 1);
    }

    /**
     * Runs the range statements at once, the first on this connection and each other one on a second connection
     * to the same database (a positional scan reads its two files in step, on one thread). All finish before
     * this returns; the first failure is rethrown.
     */
    private void readRanges(List<Statement> ranges) throws SQLException {
        List<Path> files = List.of(legacy, current);
        if (ranges.size() == 1) {
            FileLoader.execute(session, ranges.get(0), files, ds.csv());
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size() - 1, r -> {
            Thread t = new Thread(r, "migrate-validate-range");
            t.setDaemon(true);
            return t;
        });
        List<DuckDbSession> twins = new ArrayList<>();
        // Each range runs on the thread that sends it; engine workers would only wait beside them. The count is
        // given back only if the other paths follow (it costs about 0.05 s; what follows a pairing is small).
        session.execute(Statement.of("settings", "SET threads = 1"));
        threadsLowered = true;
        try {
            List<Future<?>> others = new ArrayList<>();
            for (Statement range : ranges.subList(1, ranges.size())) {
                DuckDbSession twin = session.twin();
                twins.add(twin);
                others.add(pool.submit(() -> FileLoader.execute(twin, range, files, ds.csv())));
            }
            RuntimeException failure = null;
            try {
                FileLoader.execute(session, ranges.get(0), files, ds.csv());
            } catch (RuntimeException e) {
                failure = e;
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

    private Map<String, Object> aggregates(String side, FooterBounds.Split bounds, List<Path> files,
            List<String> tables) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>(session.query(PairedScan.combined(plan, side, bounds.inScan(),
                tables)).get(0));
        if (bounds.footers() != null) {
            out.putAll(FileLoader.query(session, bounds.footers(), files, ds.csv()).get(0));
        }
        return out;
    }

    private long footerRows(Path file) throws SQLException {
        Object n = FileLoader.query(session, PairedScan.footerRows(file), List.of(file), ds.csv()).get(0).get("n");
        return n == null ? 0 : Verdicts.number(n).longValue();
    }

    private boolean firstRowsPair() throws SQLException {
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
        List<Statement> check = PairedScan.uniqueKeys(plan, legacy, sorted);
        FileLoader.execute(session, check.get(0), List.of(legacy), ds.csv());
        long repeats = Verdicts.number(session.query(check.get(1)).get(0).get("n")).longValue();
        session.execute(PairedScan.drop(sorted));
        return repeats == 0;
    }
}
