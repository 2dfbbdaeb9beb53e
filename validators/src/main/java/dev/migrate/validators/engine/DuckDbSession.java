package dev.migrate.validators.engine;

import dev.migrate.validators.Errors;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Statement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One embedded, in-memory DuckDB database holding both sides of the datasets being compared. */
public final class DuckDbSession implements AutoCloseable {
    private final Connection connection;
    /** The purpose of every statement run so far, in order: tests check which statements a comparison needed. */
    private final List<String> purposes;
    /** Per side, the types its database declares for copied columns the schema check shows (see DatabaseCopy). */
    private final Map<String, Map<String, String>> declared = new java.util.concurrent.ConcurrentHashMap<>();

    private DuckDbSession(Connection connection, List<String> purposes) {
        this.connection = connection;
        this.purposes = purposes;
    }

    /** Records the types the database of {@code side}'s copy declares, by stored column name, replacing any before. */
    void declare(String side, Map<String, String> types) {
        declared.put(side, Map.copyOf(types));
    }

    /** The types the database of {@code side}'s copy declares, by stored column name (none for files). */
    public Map<String, String> declared(String side) {
        return declared.getOrDefault(side, Map.of());
    }

    public static DuckDbSession open(EngineSettings settings) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            // JSON values in one spelling on both sides (query.Dialect#json): hashes, bounds, key diff and samples
            CanonicalJson.register(c);
            DuckDbSession s = new DuckDbSession(c, java.util.Collections.synchronizedList(new ArrayList<>()));
            s.execute(Statement.of("settings", "SET threads = " + settings.threads()));
            // Zoned timestamps become text (samples, columns compared as text, their hashes) in the session's zone:
            // UTC, not the host's, so the same outputs give the same evidence on every machine.
            s.execute(Statement.of("settings", "SET GLOBAL TimeZone = 'UTC'"));
            s.execute(Statement.of("settings", "SET memory_limit = ?", settings.memoryLimit()));
            // a comparison reads each Parquet footer a dozen times (schema, counts, bounds, each range's readers)
            s.execute(Statement.of("settings", "SET parquet_metadata_cache = true"));
            if (settings.tempDir() != null) {
                s.execute(Statement.of("settings", "SET temp_directory = ?", settings.tempDir().toString()));
            }
            return s;
        } catch (SQLException e) {
            throw new EnvironmentException("cannot start the embedded DuckDB engine: " + Errors.cause(e) + ".", e);
        }
    }

    public void execute(Statement st) throws SQLException {
        purposes.add(st.purpose());
        long t0 = System.nanoTime();
        try (PreparedStatement ps = prepare(st)) {
            ps.execute();
        }
        trace(st, t0);
        watchMemory();
    }

    /** The greatest {@link #watchMemory} reading since {@link #resetMemoryPeak}, in bytes. */
    private static final java.util.concurrent.atomic.AtomicLong MEMORY_PEAK = new java.util.concurrent.atomic.AtomicLong();

    /**
     * {@code -Dmigrate.engineMemory=true} reads, after each statement, what the engine holds (its
     * {@code duckdb_memory()}: in memory and spilled to its temporary files) and keeps the greatest reading, which
     * bench/validate reports as a check's memory. Tables a comparison loads stay until it ends, so the readings after
     * the statements that make them count them; what a statement holds only while it runs is not seen.
     */
    private void watchMemory() {
        if (!Boolean.getBoolean("migrate.engineMemory")) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT CAST(sum(memory_usage_bytes + "
                + "temporary_storage_bytes) AS BIGINT) FROM duckdb_memory()"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                MEMORY_PEAK.accumulateAndGet(rs.getLong(1), Math::max);
            }
        } catch (SQLException e) {
            // a reading for a benchmark: a failed one is left out
        }
    }

    /** See {@link #watchMemory}. */
    public static long memoryPeak() {
        return MEMORY_PEAK.get();
    }

    public static void resetMemoryPeak() {
        MEMORY_PEAK.set(0);
    }

    /**
     * {@code -Dmigrate.trace=true} prints each statement's duration to stderr (for benchmarking), after the
     * JVM's uptime when it ended, which shows the time spent between statements too.
     */
    private static void trace(Statement st, long t0) {
        if (Boolean.getBoolean("migrate.trace")) {
            System.err.printf(java.util.Locale.ROOT, "trace at %8.3f s %7.3f s  %s%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                    (System.nanoTime() - t0) / 1e9, st.purpose());
        }
    }

    /** Runs a query whose result is small (aggregates, samples); rows keep column order. */
    public List<Map<String, Object>> query(Statement st) throws SQLException {
        purposes.add(st.purpose());
        long t0 = System.nanoTime();
        try (PreparedStatement ps = prepare(st); ResultSet rs = ps.executeQuery()) {
            return Rows.read(rs);
        } finally {
            trace(st, t0);
            watchMemory();
        }
    }

    /** The purposes of the statements this session (and its twins) ran, in order. */
    public List<String> purposes() {
        synchronized (purposes) {
            return List.copyOf(purposes);
        }
    }

    /**
     * A second connection to the same database, so that another thread can run a statement at the same time;
     * it sees the same (non-temporary) tables and records into the same {@link #purposes()}. Close it after use.
     */
    public DuckDbSession twin() throws SQLException {
        return new DuckDbSession(connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate(), purposes);
    }

    /** The connection itself, for a statement prepared once and run many times (a copy's inserts). */
    Connection connection() {
        return connection;
    }

    /** Records a statement run through {@link #connection()} in {@link #purposes()}. */
    void ran(String purpose) {
        purposes.add(purpose);
    }

    public List<Column> columns(String relation) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM " + relation + " LIMIT 0");
                ResultSet rs = ps.executeQuery()) {
            return Rows.columns(rs.getMetaData());
        }
    }

    private PreparedStatement prepare(Statement st) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(st.sql());
        for (int i = 0; i < st.params().size(); i++) {
            Object p = st.params().get(i);
            if (p instanceof List<?> list) {
                ps.setObject(i + 1, connection.createArrayOf("VARCHAR", list.toArray()));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }


    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing an in-memory database cannot lose data; nothing useful to report.
        }
    }

    /** Reading JDBC results into plain maps, shared by the embedded and the remote engines. */
    public static final class Rows {
        private Rows() {
        }

        public static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }

        public static List<Column> columns(ResultSetMetaData md) throws SQLException {
            List<Column> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(new Column(md.getColumnLabel(i), md.getColumnTypeName(i),
                        md.isNullable(i) != ResultSetMetaData.columnNoNulls));
            }
            return out;
        }
    }
}
