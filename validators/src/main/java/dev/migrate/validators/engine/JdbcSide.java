package dev.migrate.validators.engine;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.Errors;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.SourceSpec;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * One side of a dataset in a JDBC database. All work is pushed down as SQL; this class only counts
 * what comes back ({@link #bytesFetched()}), so the segment-checksum method can show how little
 * data crossed the wire. Credentials come from environment variables and never appear in messages.
 */
public final class JdbcSide implements AutoCloseable {
    private final String label;
    private final String shownUrl;
    private final Handle handle;
    private final boolean sqlite;
    private final String database;
    private String relation;
    private long bytesFetched;
    private int queries;

    private JdbcSide(String label, String shownUrl, Handle handle, String relation, boolean sqlite, String database) {
        this.label = label;
        this.database = database;
        this.shownUrl = shownUrl;
        this.handle = handle;
        this.relation = relation;
        this.sqlite = sqlite;
    }

    /**
     * Connects to {@code c} with credentials looked up through {@code env} (normally {@link System#getenv}).
     *
     * @param label the side ("legacy" or "new") for messages
     */
    public static JdbcSide open(String label, ConnectionConfig.Jdbc c, SourceSpec source, UnaryOperator<String> env) {
        Properties p = new Properties();
        String user = c.user() != null ? c.user() : c.userEnv() != null ? required(env, c, c.userEnv(), "user_env") : null;
        if (user != null) {
            p.setProperty("user", user);
        }
        if (c.passwordEnv() != null) {
            p.setProperty("password", required(env, c, c.passwordEnv(), "password_env"));
        }
        boolean sqlite = c.url().startsWith("jdbc:sqlite:");
        if (sqlite) {
            // sqlite-jdbc takes read-only only when it opens the file (setReadOnly afterwards throws), and a
            // read-only open also keeps a mistyped path from creating an empty database
            p.setProperty("open_mode", "1");
        }
        try {
            Handle h = Jdbi.create(c.url(), p).open();
            if (!sqlite) {
                h.getConnection().setReadOnly(true);
            }
            if (c.url().startsWith("jdbc:postgresql:")) {
                try (java.sql.Statement st = h.getConnection().createStatement()) {
                    for (String setting : POSTGRES_SESSION) {
                        st.execute(setting);
                    }
                }
            }
            // the driver's name in the URL (jdbc:postgresql:, jdbc:sqlite:): which rules type a copy of its columns
            String database = c.url().substring("jdbc:".length()).replaceFirst(":.*", "");
            return new JdbcSide(label, c.redactedUrl(), h, relation(source), sqlite, database);
        } catch (JdbiException | SQLException e) {
            throw new EnvironmentException("connection '" + c.name() + "' (" + c.redactedUrl() + "): cannot connect ("
                    + Errors.cause(e) + "); check that the database is running and reachable, and the "
                    + "credentials in the environment", e);
        }
    }

    /**
     * The settings that spell values as text, fixed in every PostgreSQL session: each side hashes, bounds and samples
     * the text of its values, and two servers (or databases, or roles) with other defaults wrote the same interval as
     * {@code 1:30:00} and {@code 01:30:00}, a bytea as escapes and as hex, a float with 15 digits and with its shortest
     * exact text, so every such row differed. A timestamp without zone is read as UTC, as everywhere in validate (the
     * driver would otherwise set the JVM's zone, and a timestamp against a timestamptz would shift by it). A float is
     * the shortest text that reads back as it from PostgreSQL 12 on (17 digits before).
     */
    public static final List<String> POSTGRES_SESSION = List.of("SET TIME ZONE 'UTC'", "SET extra_float_digits = 3",
            "SET DateStyle = 'ISO, MDY'", "SET IntervalStyle = 'postgres'", "SET bytea_output = 'hex'",
            "SET lc_monetary = 'C'");

    private static String required(UnaryOperator<String> env, ConnectionConfig.Jdbc c, String variable, String key) {
        String v = env.apply(variable);
        if (v == null || v.isEmpty()) {
            throw new EnvironmentException("connection '" + c.name() + "': environment variable " + variable + " (named by "
                    + key + ") is not set; export it before running migrate validate");
        }
        return v;
    }

    /** Tables are quoted identifiers; queries are the user's own SQL, wrapped as a subquery. */
    public static String relation(SourceSpec source) {
        if (source instanceof SourceSpec.Table t) {
            return (t.schema() == null ? "" : Sql.quote(t.schema()) + ".") + Sql.quote(t.table());
        }
        if (source instanceof SourceSpec.Query q) {
            return "(" + q.sql() + ") AS q";
        }
        throw new IllegalArgumentException("a JDBC side reads a table or a query, not files");
    }

    public String relation() {
        return relation;
    }

    /**
     * From now on the side is read with the columns of {@code renames} (stored name to new name) renamed: every
     * query reads {@link #relation()}, which becomes a select of {@code columns} (this side's, as stored) with
     * those aliases. The database flattens it, so key ranges still use the table's indexes.
     */
    public void renameColumns(Map<String, String> renames, List<Column> columns) {
        relation = Sql.renamed(relation, columns.stream().map(Column::name).toList(), renames);
    }

    /**
     * SQLite only: from now on the columns of {@code temporal} (named as {@link #relation()} names them, among
     * {@code columns}) are read through {@link SqliteInstant}, one UTC spelling per moment that sorts in time order,
     * so that every later query (bounds, duplicate keys, the key-ordered read) sees moments, not the writer's text.
     * The columns of {@code dates} (among them) show a midnight as its date alone; those of {@code exact}, declared as
     * text on one of the two sides, keep a text padded with spaces as written.
     */
    public void readAsInstants(List<String> columns, java.util.Set<String> temporal, java.util.Set<String> dates,
            java.util.Set<String> exact) {
        if (!sqlite || temporal.isEmpty()) {
            return;
        }
        try {
            SqliteInstant.register(handle.getConnection());
        } catch (SQLException e) {
            throw new EnvironmentException(label + " side (" + shownUrl + "): cannot add the function "
                    + SqliteInstant.NAME + " to the SQLite connection: " + Errors.cause(e), e);
        }
        List<String> items = new java.util.ArrayList<>();
        for (String c : columns) {
            String function = SqliteInstant.function(dates.contains(c), exact.contains(c));
            items.add(temporal.contains(c) ? function + "(" + Sql.quote(c) + ") AS " + Sql.quote(c) : Sql.quote(c));
        }
        relation = "(SELECT " + String.join(", ", items) + " FROM " + relation + ") AS instants";
    }

    /**
     * SQLite only: from now on the columns of {@code flags} (declared BOOLEAN, named as {@link #relation()} names them,
     * among {@code columns}) are read as {@code 'true'} and {@code 'false'}, the text of a BOOLEAN elsewhere, where
     * SQLite stores 1 and 0; any other value stays as stored, and differs.
     */
    public void readAsBooleans(List<String> columns, java.util.Set<String> flags) {
        if (!sqlite || flags.isEmpty()) {
            return;
        }
        List<String> items = new java.util.ArrayList<>();
        for (String c : columns) {
            String q = Sql.quote(c);
            items.add(flags.contains(c) ? "CASE WHEN " + q + " = 1 THEN 'true' WHEN " + q + " = 0 THEN 'false' ELSE "
                    + q + " END AS " + q : q);
        }
        relation = "(SELECT " + String.join(", ", items) + " FROM " + relation + ") AS booleans";
    }

    public String label() {
        return label;
    }

    /** A SQLite file: its rows are compared in Java (it has no hash function), in its own order of values. */
    public boolean sqlite() {
        return sqlite;
    }

    /** The database's kind as its JDBC URL names it: {@code postgresql}, {@code sqlite}, ... */
    public String database() {
        return database;
    }

    /** The URL as reports show it, without credentials. */
    public String shownUrl() {
        return shownUrl;
    }

    /** Reads one row of a result; may throw what the driver throws. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Reads every row of {@code st} in turn, holding only the driver's fetch buffer: PostgreSQL's driver would read the
     * whole result into memory unless the read runs in a transaction with a fetch size, so one is opened (and rolled
     * back: the session is read-only) around it. Returns the number of rows read.
     */
    public long forEachRow(Statement st, RowReader reader) {
        queries++;
        java.sql.Connection c = handle.getConnection();
        try {
            boolean autoCommit = c.getAutoCommit();
            if (!sqlite && autoCommit) {
                c.setAutoCommit(false);
            }
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(st.sql())) {
                ps.setFetchSize(1000);
                for (int i = 0; i < st.params().size(); i++) {
                    ps.setObject(i + 1, st.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                        rows++;
                    }
                }
            } finally {
                if (!sqlite && autoCommit) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(st, e);
        }
    }

    public List<Column> columns() {
        queries++;
        try (PreparedStatement ps = handle.getConnection().prepareStatement("SELECT * FROM " + relation + " WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            return withDecimalPrecision(DuckDbSession.Rows.columns(rs.getMetaData()), rs.getMetaData());
        } catch (SQLException e) {
            throw new BadInputException(label + " side (" + shownUrl + "): cannot read " + relation + ": "
                    + Errors.cause(e) + "; check the table name or query", e);
        }
    }

    /** PostgreSQL's largest declared length; an unbounded varchar or text reports more (the driver's "unknown"). */
    private static final int MAX_BOUNDED_LENGTH = 10_485_760;

    /**
     * PostgreSQL's metadata names {@code numeric(12,2)} and {@code numeric(14,3)} both {@code numeric}: the plan then
     * took them for one type and compared 3.17 with 3.170 as differing text on every row. The precision and scale
     * the driver reports are added to the name ({@code numeric(12,2)}), as DuckDB writes them, so that a changed
     * scale is a type change (a widening when the new type holds every value) whose values compare as numbers. The
     * same for the length of {@code varchar(n)} and {@code char(n)}.
     */
    private static List<Column> withDecimalPrecision(List<Column> columns, java.sql.ResultSetMetaData md)
            throws SQLException {
        List<Column> out = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int sqlType = md.getColumnType(i + 1);
            int precision = md.getPrecision(i + 1);
            // an unconstrained numeric reports precision 0 (or the type's maximum): no bound to add
            boolean decimal = sqlType == java.sql.Types.NUMERIC || sqlType == java.sql.Types.DECIMAL;
            if (decimal && !c.type().contains("(") && precision > 0 && precision < 1000) {
                c = new Column(c.name(), c.type() + "(" + precision + "," + Math.max(0, md.getScale(i + 1)) + ")",
                        c.nullable());
            }
            // varchar(50) and varchar(20) are both "varchar" too: a narrowed column went unreported
            boolean bounded = sqlType == java.sql.Types.VARCHAR || sqlType == java.sql.Types.CHAR;
            if (bounded && !c.type().contains("(") && precision > 0 && precision <= MAX_BOUNDED_LENGTH) {
                c = new Column(c.name(), c.type() + "(" + precision + ")", c.nullable());
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Runs a query and returns typed rows, adding their size to {@link #bytesFetched()}. Through the driver itself,
     * which finds the placeholders: JDBI's SQL parser loses every placeholder after a quoted identifier that ends in
     * a doubled quote (a column named {@code Amount "EUR"}), and reads {@code :name} in identifiers as parameters.
     */
    public List<Map<String, Object>> query(Statement st) {
        queries++;
        List<Map<String, Object>> rows;
        try (PreparedStatement ps = handle.getConnection().prepareStatement(st.sql())) {
            for (int i = 0; i < st.params().size(); i++) {
                ps.setObject(i + 1, st.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rows = sqlite ? DuckDbSession.Rows.read(rs) : read(rs);
            }
        } catch (SQLException e) {
            throw failed(st, e);
        }
        for (Map<String, Object> r : rows) {
            for (Object v : r.values()) {
                bytesFetched += size(v);
            }
        }
        return rows;
    }

    /**
     * Typed rows, with dates and timestamps as java.time values rather than java.sql ones. A java.sql.Timestamp is
     * built in the JVM's zone, and bound again (a key range's bound, taken from one side and given to the other) it
     * is written with that zone's offset, which a timestamp column drops: a naive key moved by the JVM's offset
     * against a timestamptz one. A LocalDateTime or OffsetDateTime is bound as it was read. Not for SQLite, whose
     * declared types say nothing of what a value holds.
     */
    private static List<Map<String, Object>> read(ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String type = md.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
                Object v = switch (type) {
                    case "timestamp" -> rs.getObject(i, java.time.LocalDateTime.class);
                    case "timestamptz" -> rs.getObject(i, java.time.OffsetDateTime.class);
                    case "date" -> rs.getObject(i, java.time.LocalDate.class);
                    default -> rs.getObject(i);
                };
                row.put(md.getColumnLabel(i), v);
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Rows of {@code st} one at a time, for a comparison that must see every value but not hold them all: only the
     * current row is in memory. Each row's size is added to {@link #bytesFetched()}.
     */
    public Cursor cursor(Statement st) {
        queries++;
        PreparedStatement ps = null;
        try {
            ps = handle.getConnection().prepareStatement(st.sql());
            ps.setFetchSize(1000);
            for (int i = 0; i < st.params().size(); i++) {
                ps.setObject(i + 1, st.params().get(i));
            }
            return new Cursor(st, ps, ps.executeQuery());
        } catch (SQLException e) {
            closeQuietly(ps);
            throw failed(st, e);
        }
    }

    private EnvironmentException failed(Statement st, SQLException e) {
        return new EnvironmentException(label + " side (" + shownUrl + "): " + st.purpose() + " failed: "
                + Errors.cause(e), e);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // a read-only statement: nothing to lose
        }
    }

    /** An open result, read forward; {@link #next} returns null after the last row. */
    public final class Cursor implements AutoCloseable {
        private final Statement statement;
        private final PreparedStatement ps;
        private final ResultSet rs;
        private final int width;

        private Cursor(Statement statement, PreparedStatement ps, ResultSet rs) throws SQLException {
            this.statement = statement;
            this.ps = ps;
            this.rs = rs;
            this.width = rs.getMetaData().getColumnCount();
        }

        /** The next row's values in select order, as the driver types them, or null at the end. */
        public Object[] next() {
            try {
                if (!rs.next()) {
                    return null;
                }
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                    bytesFetched += size(row[i]);
                }
                return row;
            } catch (SQLException e) {
                throw failed(statement, e);
            }
        }

        @Override
        public void close() {
            closeQuietly(rs);
            closeQuietly(ps);
        }
    }

    private static long size(Object v) {
        if (v == null) {
            return 1;
        }
        if (v instanceof Number) {
            return 8;
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        return v.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    public long bytesFetched() {
        return bytesFetched;
    }

    public int queries() {
        return queries;
    }


    @Override
    public void close() {
        try {
            handle.close();
        } catch (JdbiException e) {
            // A read-only session: nothing can be lost by a failed close.
        }
    }

}
