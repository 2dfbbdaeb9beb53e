package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.ConfigException;
import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.JobConfig;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.engine.JdbcSide;
import dev.migrate.validators.query.Dialect;
import dev.migrate.validators.query.ProfileQuery;
import dev.migrate.validators.query.SegmentQuery;
import dev.migrate.validators.query.SegmentQuery.Shape;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Compares a dataset held in two JDBC databases without moving it: schemas from metadata, counts
 * and aggregates computed by each database, and the key diff by segment checksums. Only PostgreSQL
 * has the hash functions the segment checksums need; two SQLite files are each read once, in key order, and
 * compared in Java ({@link StreamedDiff}).
 */
public final class RemoteComparison {
    /** Split a differing segment into this many tiles... */
    static final int FACTOR = 16;
    /** ...until it holds at most this many rows, then compare key hashes directly. */
    static final int THRESHOLD = 512;

    private RemoteComparison() {
    }

    /** Byte and query counts of the last comparison, for the benchmark and the result message. */
    public record Traffic(long bytesFetched, int queries, int segments) {
    }

    private static ConnectionConfig.Jdbc jdbc(ValidateConfig config, String name, DatasetConfig ds) {
        if (!(config.connection(name) instanceof ConnectionConfig.Jdbc j)) {
            throw new ConfigException(ds.configPath() + ": one side is a JDBC database and the other is not; compare "
                    + "a database with a database (files with files)");
        }
        return j;
    }

    /**
     * Whether the dataset is compared where it is: two PostgreSQL databases (each computes its segment checksums, so
     * only differing segments cross the wire) or two SQLite files (read once each, in key order). Two databases of
     * different engines share neither hash nor order, so they are copied into the embedded engine instead
     * (engine.DatabaseSides), where they get the key diff files get.
     */
    public static boolean suits(ConnectionConfig legacy, ConnectionConfig current) {
        return legacy instanceof ConnectionConfig.Jdbc l && current instanceof ConnectionConfig.Jdbc n
                && (dialect(l) == Dialect.POSTGRES && dialect(n) == Dialect.POSTGRES || sqlite(l) && sqlite(n));
    }

    /**
     * The same, for dataset {@code ds}: one that declares {@code json_columns} is copied into the embedded engine
     * instead, which reads JSON text into its one canonical form; a database reads a text as JSON only through a cast
     * that fails on the first text that is no JSON (PostgreSQL before 16), or not at all (SQLite). json against jsonb
     * needs no declaration and stays in place.
     */
    public static boolean suits(ConnectionConfig legacy, ConnectionConfig current, DatasetConfig ds) {
        return suits(legacy, current) && ds.jsonColumns().isEmpty();
    }

    private static boolean sqlite(ConnectionConfig.Jdbc c) {
        return c.url().startsWith("jdbc:sqlite:");
    }

    static Dialect dialect(ConnectionConfig.Jdbc c) {
        return c.url().startsWith("jdbc:postgresql:") ? Dialect.POSTGRES : null;
    }

    public static List<CheckResult> compare(ValidateConfig config, JobConfig job, DatasetConfig ds,
            EngineSettings settings, UnaryOperator<String> env) {
        ConnectionConfig.Jdbc lc = jdbc(config, job.legacy().connection(), ds);
        ConnectionConfig.Jdbc nc = jdbc(config, job.current().connection(), ds);
        try (JdbcSide l = JdbcSide.open("legacy", lc, ds.legacy(), env);
                JdbcSide n = JdbcSide.open("new", nc, ds.current(), env)) {
            return compare(ds, l, n, dialect(lc) == Dialect.POSTGRES && dialect(nc) == Dialect.POSTGRES,
                    settings.sampleSize(), new ArrayList<>());
        }
    }

    /**
     * @param traffic receives what crossed the wire (one entry), for benchmarks
     */
    public static List<CheckResult> compare(DatasetConfig ds, JdbcSide l, JdbcSide n, boolean postgres, int sampleSize,
            List<Traffic> traffic) {
        List<dev.migrate.validators.query.Column> legacyStored = l.columns();
        DatasetPlan plan = resolve(ds, legacyStored, l, n);
        ds = plan.config(); // with the columns ignore_column_case renames
        Dialect dialect = postgres ? Dialect.POSTGRES : null;
        if (postgres) {
            // a text or smallint flag ('Y'/'N', 1/0) facing a boolean: the spelled side's values say which pair it is;
            // json facing jsonb (or json written with other spacing): the values jsonb reads; text facing numbers: the
            // numbers it spells
            plan = spelledBooleans(plan, l, n).withJsonValues().withNumberTexts();
        }
        if (!postgres && !(l.sqlite() && n.sqlite())) {
            // suits() sends only these two pairs here; databases of two engines are copied into the embedded engine
            throw new IllegalArgumentException("compared in place: two PostgreSQL databases or two SQLite files");
        }
        boolean streamed = !postgres;
        java.util.Set<String> instants = streamed ? readAsInstants(ds, plan, legacyStored, l, n) : java.util.Set.of();
        if (streamed) {
            plan = sqliteBooleans(ds, plan, legacyStored, l, n);
        }
        List<CheckResult> out = new ArrayList<>();
        Map<String, Object> pl = new LinkedHashMap<>(l.query(profile(plan, l.relation(), dialect, instants)).get(0));
        Map<String, Object> pn = new LinkedHashMap<>(n.query(profile(plan, n.relation(), dialect, instants)).get(0));
        long nl = Verdicts.number(pl.get("n")).longValue();
        long nn = Verdicts.number(pn.get("n")).longValue();
        if (streamed) {
            return streamed(ds, plan, l, n, pl, pn, sampleSize, traffic);
        }
        out.add(Verdicts.rowCount(ds.name(), nl, nn, ds.rowCount()));
        out.addAll(Verdicts.schema(plan, false));
        out.addAll(Verdicts.aggregates(plan, pl, pn));
        if (plan.keys().isEmpty()) {
            return out;
        }
        rejectDuplicates(plan, l);
        rejectDuplicates(plan, n);
        SegmentDiff.Outcome diff = new SegmentDiff(l, n, shape(plan, l.relation()), shape(plan, n.relation()), FACTOR,
                THRESHOLD, sampleSize).run();
        List<Map<String, Object>> rows = samples(plan, l, n, diff);
        Traffic t = new Traffic(l.bytesFetched() + n.bytesFetched(), l.queries() + n.queries(), diff.segments());
        traffic.add(t);
        CheckResult verdict = RowDiffVerdict.of(plan, diff.counts(), rows, Math.max(nl, nn), nl);
        out.add(new CheckResult(verdict.dataset(), verdict.check(), verdict.subject(), verdict.legacyValue(),
                verdict.newValue(), verdict.difference(), verdict.threshold(), verdict.status(),
                verdict.message() + "; segment checksums: " + t.segments() + " segments, " + t.queries() + " queries, "
                        + String.format(java.util.Locale.ROOT, "%.1f", t.bytesFetched() / 1024.0) + " KB fetched",
                verdict.samples()));
        return out;
    }

    /**
     * A database without hash functions (SQLite): counts, bounds and sums come from the database, and every row is
     * then read once to fingerprint each column's values and, with a key, to diff the rows in key order.
     */
    private static List<CheckResult> streamed(DatasetConfig ds, DatasetPlan plan, JdbcSide l, JdbcSide n,
            Map<String, Object> pl, Map<String, Object> pn, int sampleSize, List<Traffic> traffic) {
        List<CheckResult> out = new ArrayList<>();
        long nl = Verdicts.number(pl.get("n")).longValue();
        long nn = Verdicts.number(pn.get("n")).longValue();
        out.add(Verdicts.rowCount(ds.name(), nl, nn, ds.rowCount()));
        out.addAll(Verdicts.schema(plan, false));
        if (!plan.keys().isEmpty()) {
            rejectDuplicates(plan, l);
            rejectDuplicates(plan, n);
        }
        StreamedDiff.Outcome o = StreamedDiff.run(plan, l, n, sampleSize);
        pl.putAll(o.legacyHashes());
        pn.putAll(o.newHashes());
        out.addAll(Verdicts.aggregates(plan, pl, pn));
        Traffic t = new Traffic(l.bytesFetched() + n.bytesFetched(), l.queries() + n.queries(), 0);
        traffic.add(t);
        if (plan.keys().isEmpty()) {
            return out;
        }
        CheckResult verdict = RowDiffVerdict.of(plan, o.counts(), o.samples(), Math.max(nl, nn), nl);
        out.add(new CheckResult(verdict.dataset(), verdict.check(), verdict.subject(), verdict.legacyValue(),
                verdict.newValue(), verdict.difference(), verdict.threshold(), verdict.status(),
                verdict.message() + "; every row read in key order (the database has no hash function): "
                        + String.format(java.util.Locale.ROOT, "%.1f", t.bytesFetched() / 1024.0) + " KB read",
                verdict.samples()));
        return out;
    }

    /** Statements of the remote plan, per side: schema probe, aggregates, top-level checksum. */
    public static List<PlannedStatement> plan(ValidateConfig config, JobConfig job, DatasetConfig ds,
            UnaryOperator<String> env) {
        ConnectionConfig.Jdbc lc = jdbc(config, job.legacy().connection(), ds);
        ConnectionConfig.Jdbc nc = jdbc(config, job.current().connection(), ds);
        List<PlannedStatement> out = new ArrayList<>();
        try (JdbcSide l = JdbcSide.open("legacy", lc, ds.legacy(), env);
                JdbcSide n = JdbcSide.open("new", nc, ds.current(), env)) {
            List<dev.migrate.validators.query.Column> legacyStored = l.columns();
            DatasetPlan plan = resolve(ds, legacyStored, l, n);
            ds = plan.config();
            Dialect dialect = dialect(lc) == Dialect.POSTGRES && dialect(nc) == Dialect.POSTGRES ? Dialect.POSTGRES : null;
            java.util.Set<String> instants = dialect == null && l.sqlite() && n.sqlite()
                    ? readAsInstants(ds, plan, legacyStored, l, n) : java.util.Set.of();
            // the flags' spellings are read from the data at run time; json against jsonb, and text against numbers,
            // are known from the metadata
            if (dialect == Dialect.POSTGRES) {
                plan = plan.withJsonValues().withNumberTexts();
            }
            out.add(new PlannedStatement(job.name(), ds.name(), "both", ColumnReadings.of(plan, instants)));
            if (dialect == Dialect.POSTGRES) {
                // what each side's values are spelt and ordered by, whatever its server's defaults
                out.add(new PlannedStatement(job.name(), ds.name(), "both", Statement.of("session settings (each "
                        + "PostgreSQL session, before any statement)", String.join(";\n", JdbcSide.POSTGRES_SESSION))));
            }
            for (JdbcSide s : List.of(l, n)) {
                out.add(new PlannedStatement(job.name(), ds.name(), s.label(), profile(plan, s.relation(), dialect,
                        instants)));
                if (dialect != null && !plan.keys().isEmpty()) {
                    out.add(new PlannedStatement(job.name(), ds.name(), s.label(),
                            SegmentQuery.checksum(shape(plan, s.relation()), null, null)));
                } else if (dialect == null && l.sqlite() && n.sqlite()) {
                    out.add(new PlannedStatement(job.name(), ds.name(), s.label(), StreamedDiff.select(plan,
                            s.relation())));
                }
            }
        }
        return out;
    }

    /**
     * The plan from both sides' columns as stored; the legacy side then reads its renamed columns by their new
     * names.
     */
    private static DatasetPlan resolve(DatasetConfig ds, List<dev.migrate.validators.query.Column> stored, JdbcSide l,
            JdbcSide n) {
        DatasetPlan plan = DatasetPlan.resolve(ds, stored, n.columns());
        l.renameColumns(plan.config().renames("legacy"), stored);
        return plan;
    }

    private static DatasetPlan spelledBooleans(DatasetPlan plan, JdbcSide l, JdbcSide n) {
        try {
            return BooleanColumns.resolve(plan, (side, c) -> {
                JdbcSide s = "legacy".equals(side) ? l : n;
                return s.query(BooleanColumns.distinct(Dialect.POSTGRES, s.relation(), c.name(), List.of()));
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("JdbcSide reports its own errors", e);
        }
    }

    /**
     * Two SQLite files, one column declared BOOLEAN on one side (SQLite stores it as 0 and 1) and text or whole numbers
     * on the other ('Y'/'N', 't'/'f'): the spelled side's values say which pair it uses, as between PostgreSQL
     * databases, and the BOOLEAN side is read as {@code true}/{@code false}, the text a BOOLEAN has elsewhere, so both
     * compare through the pair.
     */
    private static DatasetPlan sqliteBooleans(DatasetConfig ds, DatasetPlan plan,
            List<dev.migrate.validators.query.Column> legacyStored, JdbcSide l, JdbcSide n) {
        DatasetPlan spelled;
        try {
            spelled = BooleanColumns.resolve(plan, (side, c) -> {
                JdbcSide s = "legacy".equals(side) ? l : n;
                return s.query(BooleanColumns.distinct(Dialect.ANSI, s.relation(), c.name(), List.of()));
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("JdbcSide reports its own errors", e);
        }
        java.util.Set<String> legacyFlags = new java.util.HashSet<>();
        java.util.Set<String> newFlags = new java.util.HashSet<>();
        for (Compared c : spelled.all()) {
            if (c.booleans() != null && !c.booleans().againstNumbers()) {
                ("legacy".equals(c.booleans().side()) ? newFlags : legacyFlags).add(c.name());
            }
        }
        Map<String, String> renames = ds.renames("legacy");
        l.readAsBooleans(legacyStored.stream().map(c -> renames.getOrDefault(c.name(), c.name())).toList(), legacyFlags);
        n.readAsBooleans(n.columns().stream().map(dev.migrate.validators.query.Column::name).toList(), newFlags);
        return spelled;
    }

    /**
     * Two SQLite files: the compared columns declared as dates or timestamps on both sides are read as moments
     * ({@link dev.migrate.validators.engine.SqliteInstant}), so that keys written in two spellings (or as text on one
     * side and epoch numbers on the other) pair and sort in time order, and their bounds and values compare as
     * moments. So are those declared as text on one side and as a date or timestamp on the other: the other side says
     * what the values are, and {@code 2024-01-02 03:04:05} pairs with {@code 2024-01-02T03:04:05}; only a text that
     * is a moment's spelling is read so (a number, or a text padded with spaces, stays as written on the text side,
     * where it is data, and differs). Returns their names.
     */
    private static java.util.Set<String> readAsInstants(DatasetConfig ds, DatasetPlan plan,
            List<dev.migrate.validators.query.Column> legacyStored, JdbcSide l, JdbcSide n) {
        java.util.Set<String> temporal = new java.util.LinkedHashSet<>();
        java.util.Set<String> exact = new java.util.HashSet<>();
        java.util.Set<String> dates = new java.util.HashSet<>();
        for (Compared c : plan.all()) {
            boolean both = c.legacy().isTemporal() && c.current().isTemporal();
            boolean mixed = c.legacy().isTemporal() && sqliteText(c.current())
                    || sqliteText(c.legacy()) && c.current().isTemporal();
            if (both || mixed) {
                temporal.add(c.name());
            }
            if (mixed) {
                exact.add(c.name());
            }
            // a midnight shows as its date when every side that declares a temporal type declares DATE
            boolean legacyDate = !c.legacy().isTemporal() || c.legacy().type().equalsIgnoreCase("DATE");
            boolean newDate = !c.current().isTemporal() || c.current().type().equalsIgnoreCase("DATE");
            if ((both || mixed) && legacyDate && newDate) {
                dates.add(c.name());
            }
        }
        Map<String, String> renames = ds.renames("legacy");
        l.readAsInstants(legacyStored.stream().map(c -> renames.getOrDefault(c.name(), c.name())).toList(), temporal,
                dates, exact);
        n.readAsInstants(n.columns().stream().map(dev.migrate.validators.query.Column::name).toList(), temporal,
                dates, exact);
        return temporal;
    }

    /** A SQLite declared type of text affinity (its rule: the name holds CHAR, CLOB or TEXT), which stores text. */
    private static boolean sqliteText(dev.migrate.validators.query.Column c) {
        String t = c.type().toUpperCase(java.util.Locale.ROOT);
        return t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT");
    }

    /**
     * @param instants columns read as moments in one sortable spelling: their bounds are those of that text, not of
     *                 a cast SQLite would make to a number
     */
    private static Statement profile(DatasetPlan plan, String relation, Dialect dialect, java.util.Set<String> instants) {
        List<ProfileQuery.ColumnPlan> cols = plan.all().stream()
                .map(c -> instants.contains(c.name()) ? new ProfileQuery.ColumnPlan(c.name(), false, true, false)
                        : new ProfileQuery.ColumnPlan(c.name(), c.numeric(), c.asText() || !c.numeric() && !c.widened()
                                && !durations(c, dialect), c.widened(), c.integral(), c.exact(), c.moments(),
                                c.booleans(), c.json(), c.durations(), c.numbers()))
                .toList();
        return Statement.of("aggregates", ProfileQuery.build(dialect == null ? Dialect.ANSI : dialect, relation, cols,
                !plan.keys().isEmpty()));
    }

    /**
     * An interval on both PostgreSQL sides: bounded by its value (the text of the least and greatest duration), as its
     * text sorts {@code '10 days'} before {@code '2 days'}; its hashes still read its text, spelt alike on both
     * servers ({@code IntervalStyle} is fixed per session).
     */
    private static boolean durations(Compared c, Dialect dialect) {
        return dialect == Dialect.POSTGRES && !c.asText() && c.legacy().isInterval() && c.current().isInterval();
    }

    static Shape shape(DatasetPlan plan, String relation) {
        List<String> keys = plan.keys().stream().map(Compared::name).toList();
        List<String> keyValues = plan.keys().stream().map(c -> c.value(Dialect.POSTGRES, Sql.quote(c.name()))).toList();
        List<String> hashed = new ArrayList<>(keyValues);
        plan.exact().forEach(c -> hashed.add(c.value(Dialect.POSTGRES, Sql.quote(c.name()))));
        // keys of two types that do not compare with each other's bounds (text against a timestamp) range as compared
        // text keys range in one order on both servers (Dialect#ordered), whatever their collations
        List<String> rangeKeys = plan.keys().stream().map(c -> c.asText() ? Dialect.POSTGRES.ordered(c.value(
                Dialect.POSTGRES, Sql.quote(c.name()))) : c.legacy().isText() && c.current().isText()
                        ? Dialect.POSTGRES.ordered(Sql.quote(c.name())) : Sql.quote(c.name())).toList();
        return new Shape(Dialect.POSTGRES, relation, keys, keyValues, hashed, rangeKeys);
    }

    private static void rejectDuplicates(DatasetPlan plan, JdbcSide side) {
        String keys = Sql.quoteAll(plan.keys().stream().map(Compared::name).toList(), "");
        List<Map<String, Object>> dups = side.query(Statement.of("duplicate keys", "SELECT " + keys
                + ", count(*) AS n FROM " + side.relation() + " GROUP BY " + keys + " HAVING count(*) > 1 LIMIT 3"));
        if (!dups.isEmpty()) {
            Map<String, Object> first = dups.get(0);
            List<String> key = new ArrayList<>();
            plan.keys().forEach(k -> key.add(k.name() + "=" + first.get(k.name())));
            throw new dev.migrate.validators.DuplicateKeyException(side.label(), "", plan.config().name(),
                    "(" + String.join(", ", key) + ")", first.get("n"), dups.size() > 1, plan.config().configPath());
        }
    }

    /** Rows of both sides for the sampled keys, shaped like the embedded engine's sample rows. */
    private static List<Map<String, Object>> samples(DatasetPlan plan, JdbcSide l, JdbcSide n, SegmentDiff.Outcome diff) {
        if (diff.samples().isEmpty()) {
            return List.of();
        }
        List<String> columns = plan.all().stream().map(Compared::name).toList();
        List<List<Object>> keys = diff.samples().stream().map(SegmentDiff.Difference::key).toList();
        Map<String, Map<String, Object>> legacyRows = byKey(sampleRows(l, plan, columns, keys), plan.keys().size());
        Map<String, Map<String, Object>> newRows = byKey(sampleRows(n, plan, columns, keys), plan.keys().size());
        List<Map<String, Object>> out = new ArrayList<>();
        for (SegmentDiff.Difference d : diff.samples()) {
            String k = String.join("\u0000", d.keyText());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("__kind", d.kind());
            for (int i = 0; i < d.keyText().size(); i++) {
                row.put("k" + i, d.keyText().get(i));
            }
            Map<String, Object> lr = legacyRows.getOrDefault(k, Map.of());
            Map<String, Object> nr = newRows.getOrDefault(k, Map.of());
            for (int j = 0; j < columns.size(); j++) {
                row.put("l" + j, lr.get("v" + j));
                row.put("n" + j, nr.get("v" + j));
                if (plan.all().get(j).shownAsCompared()) {
                    // shown as compared, as the embedded engine's samples are; the stored text beside it
                    row.put(dev.migrate.validators.query.RowDiffQuery.RAW + "l" + j, lr.get("r" + j));
                    row.put(dev.migrate.validators.query.RowDiffQuery.RAW + "n" + j, nr.get("r" + j));
                }
            }
            out.add(row);
        }
        return out;
    }

    /** One side's rows of the sampled keys, a batch of keys at a time (see {@link SegmentQuery#samples}). */
    private static List<Map<String, Object>> sampleRows(JdbcSide side, DatasetPlan plan, List<String> columns,
            List<List<Object>> keys) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<java.util.function.UnaryOperator<String>> shown = plan.all().stream()
                .map(c -> c.shownAsCompared() ? (java.util.function.UnaryOperator<String>) col -> c.value(
                        Dialect.POSTGRES, col) : null).toList();
        for (Statement st : SegmentQuery.samples(shape(plan, side.relation()), columns, shown, keys)) {
            rows.addAll(side.query(st));
        }
        return rows;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, int keys) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            List<String> k = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                k.add(String.valueOf(r.get("k" + i)));
            }
            out.put(String.join("\u0000", k), r);
        }
        return out;
    }
}
