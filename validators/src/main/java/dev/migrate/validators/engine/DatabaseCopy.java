package dev.migrate.validators.engine;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.Errors;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Copies one side's table or query from a JDBC database (PostgreSQL, SQLite) into a temporary table of the embedded
 * engine, so that a database written by one pipeline compares with the files written by the other with everything
 * files are compared with (keys, tolerances, renamed columns, spelled booleans, the other side's epoch columns and
 * CSV options). The engine reads no database (DuckDB's postgres extension is not there offline), so the rows are
 * streamed through JDBC: the driver's fetch buffer and one batch of inserts are all that is held in the JVM, and the
 * engine's table spills to disk past its memory limit. Each column is typed from the JDBC metadata by
 * {@link CopyTypes}, so a {@code numeric(12,2)} stays an exact DECIMAL(12,2) and a {@code timestamptz} a moment.
 */
public final class DatabaseCopy {
    /** Values bound per insert statement: a few thousand keeps the statement cheap to prepare and the batch small. */
    private static final int PARAMETERS_PER_INSERT = 2048;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMPTZ =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT);

    /**
     * A copied column: its name, its type in the database, the engine type it is copied as, and, for a type read from
     * the values ({@link ExactCopy}), what was chosen and why (else null), which the evidence records.
     */
    public record CopiedColumn(String name, String sourceType, String type, String note) {
        public CopiedColumn(String name, String sourceType, String type) {
            this(name, sourceType, type, null);
        }
    }

    /** What a copy planned or did: the statements (database read, engine table) and the columns' types. */
    public record Copy(List<Statement> statements, List<CopiedColumn> columns) {
    }

    private DatabaseCopy() {
    }

    /** The engine table holding the copy of {@code side}; the side is then read from it as from a DuckDB table. */
    public static String table(String side) {
        return "db_" + side;
    }

    /**
     * Creates the side's copy table and, when {@code fill}, copies every row of the database's relation into it
     * (without {@code fill}, a dry run, only the metadata is read).
     */
    public static Copy copy(DuckDbSession session, JdbcSide db, DatasetConfig ds, String side, boolean fill) {
        List<CopiedColumn> columns = new ArrayList<>();
        for (Column c : db.columns()) {
            columns.add(new CopiedColumn(c.name(), c.type(), CopyTypes.of(db.database(), c.type())));
        }
        // an unbounded numeric takes the DECIMAL its values fit, or stays exact text; a dry run reads no value
        columns = fill ? ExactCopy.sized(db, columns) : columns;
        String target = Sql.quote(table(side));
        // a dry run defines a column sized by its values (read only by the run) as the widest whole-number DECIMAL
        List<String> defined = columns.stream().map(c -> Sql.quote(c.name()) + " "
                + (ExactCopy.sizedByValues(c.type()) ? "DECIMAL(38,0)" : c.type())).toList();
        Statement create = Statement.of("copy " + side + ": the engine table typed from the database's metadata",
                "CREATE OR REPLACE TEMP TABLE " + target + " (" + String.join(", ", defined) + ")");
        Statement read = Statement.of("copy " + side + ": every row read from " + db.shownUrl()
                + " (streamed, inserted in batches)", "SELECT " + Sql.quoteAll(columns.stream()
                        .map(CopiedColumn::name).toList(), "") + " FROM " + db.relation());
        java.util.Map<String, String> declared = declaredIntegers(db, columns);
        // a numeric copied as the text of its exact decimals is still a number: compare.CopiedDecimals
        columns.stream().filter(ExactCopy::isText).forEach(c -> declared.put(c.name(), c.sourceType()));
        session.declare(side, declared);
        try {
            session.execute(create);
        } catch (SQLException e) {
            throw new BadInputException(ds.configPath() + " (" + side + "): cannot copy the columns of " + db.relation()
                    + " from " + db.shownUrl() + ": " + Errors.cause(e) + "; select the columns under distinct "
                    + "names in a query", e);
        }
        if (fill) {
            new Inserter(session, db, ds, side, target, columns).copy(read);
        }
        Statement types = Statement.of("copy " + side + ": each column's type in the database and in the engine",
                String.join("\n", columns.stream().map(c -> "-- " + c.name() + ": " + c.sourceType() + " -> "
                        + (ExactCopy.sizedByValues(c.type()) ? ExactCopy.PLANNED : c.type())
                        + (c.type().equals(CopyTypes.TEXT) && !c.sourceType().toLowerCase(Locale.ROOT).matches(
                                ".*(char|text|clob).*") ? " (its text)" : "")).toList()));
        return new Copy(List.of(types, read, create), List.copyOf(columns));
    }

    /**
     * SQLite's whole-number columns copied as BIGINT (an INT affinity holds 64 bits whatever the declared name), with
     * the name they are declared with (INTEGER, SMALLINT), which the schema check may use (compare.DeclaredIntegers).
     */
    private static java.util.Map<String, String> declaredIntegers(JdbcSide db, List<CopiedColumn> columns) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (!"sqlite".equals(db.database())) {
            return out;
        }
        for (CopiedColumn c : columns) {
            String declared = c.sourceType().strip().toUpperCase(Locale.ROOT);
            if (c.type().equals("BIGINT") && new Column(c.name(), declared, true).isIntegral()
                    && dev.migrate.validators.query.TypeWidening.widens(declared, "BIGINT")) {
                out.put(c.name(), declared);
            }
        }
        return out;
    }

    /** Streams the rows of the database into the engine table, one multi-row insert at a time. */
    private static final class Inserter {
        private final DuckDbSession session;
        private final JdbcSide db;
        private final DatasetConfig ds;
        private final String side;
        private final String target;
        private final List<CopiedColumn> columns;
        private final int perInsert;
        private final Object[][] rows;
        private int buffered;
        private long copied;
        private PreparedStatement full;

        Inserter(DuckDbSession session, JdbcSide db, DatasetConfig ds, String side, String target,
                List<CopiedColumn> columns) {
            this.session = session;
            this.db = db;
            this.ds = ds;
            this.side = side;
            this.target = target;
            this.columns = columns;
            this.perInsert = Math.max(1, Math.min(1000, PARAMETERS_PER_INSERT / Math.max(1, columns.size())));
            this.rows = new Object[perInsert][];
        }

        void copy(Statement read) {
            session.ran(read.purpose());
            try {
                db.forEachRow(read, rs -> {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        CopiedColumn c = columns.get(i);
                        row[i] = ExactCopy.isText(c) ? ExactCopy.text(rs.getString(i + 1))
                                : value(rs, i + 1, c.type(), "sqlite".equals(db.database()));
                    }
                    rows[buffered++] = row;
                    if (buffered == perInsert) {
                        flush();
                    }
                });
                flush();
            } finally {
                closeQuietly(full);
            }
        }

        private void flush() {
            if (buffered == 0) {
                return;
            }
            Connection c = session.connection();
            try {
                PreparedStatement ps;
                if (buffered == perInsert) {
                    if (full == null) {
                        full = c.prepareStatement(insert(perInsert));
                    }
                    ps = full;
                    execute(ps, 0, buffered);
                } else {
                    try (PreparedStatement rest = c.prepareStatement(insert(buffered))) {
                        execute(rest, 0, buffered);
                    }
                }
            } catch (SQLException e) {
                throw unreadable(e);
            }
            copied += buffered;
            buffered = 0;
        }

        private void execute(PreparedStatement ps, int from, int count) throws SQLException {
            int p = 1;
            for (int r = from; r < from + count; r++) {
                for (int i = 0; i < rows[r].length; i++) {
                    Object v = rows[r][i];
                    if (v instanceof byte[] b) {
                        ps.setBytes(p++, b);
                    } else if (v instanceof Object[] elements) {
                        // an array of the database, bound as the engine's list of its element type
                        String list = columns.get(i).type();
                        ps.setObject(p++, session.connection().createArrayOf(list.substring(0, list.length() - 2),
                                elements));
                    } else {
                        ps.setObject(p++, v);
                    }
                }
            }
            ps.execute();
        }

        private String insert(int count) {
            String one = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            return "INSERT INTO " + target + " VALUES " + String.join(", ", java.util.Collections.nCopies(count, one));
        }

        /**
         * A value the engine's type does not take (a SQLite column declared INTEGER holding a text, a declared
         * DATETIME holding {@code n/a}): the row is found by inserting the batch's rows one at a time, and named with
         * the column types, so that a query can read the column another way.
         */
        private BadInputException unreadable(SQLException batch) {
            String cause = Errors.cause(batch);
            long row = copied + 1;
            try (PreparedStatement one = session.connection().prepareStatement("SELECT " + String.join(", ",
                    columns.stream().map(c -> "CAST(? AS " + c.type() + ")").toList()))) {
                for (int r = 0; r < buffered; r++) {
                    try {
                        execute(one, r, 1);
                    } catch (SQLException e) {
                        row = copied + r + 1;
                        cause = Errors.cause(e);
                        break;
                    }
                }
            } catch (SQLException e) {
                // the batch's own error is reported
            }
            return new BadInputException(ds.configPath() + " (" + side + "): row " + row + " of " + db.relation()
                    + " in " + db.shownUrl() + " cannot be copied for the comparison with files: " + cause
                    + "; its columns are read as " + String.join(", ", columns.stream().map(c -> c.name() + " "
                            + c.type() + " (" + c.sourceType() + ")").toList()) + "; read the column as text with a "
                    + "query (CAST(col AS TEXT)) if it holds values of another type", batch);
        }
    }

    /**
     * A value as the engine's column type takes it. Dates and timestamps are bound as text in one spelling (a
     * java.sql.Timestamp would carry the JVM's zone); SQLite's, which may be text in any ISO spelling or epoch numbers,
     * are read as {@link SqliteInstant} reads them. A fraction in a whole-number column is bound as its text, which
     * the insert refuses, as the engine would round the number.
     */
    private static Object value(ResultSet rs, int i, String type, boolean sqlite) throws SQLException {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.equals("TIMESTAMP") || t.equals("DATE")) {
            if (sqlite) {
                Object v = rs.getObject(i);
                String c = v == null ? null : SqliteInstant.canonical(v);
                return c == null ? v : t.equals("DATE") && c.endsWith(" 00:00:00") ? c.substring(0, 10) : c;
            }
            if (t.equals("DATE")) {
                LocalDate d = rs.getObject(i, LocalDate.class);
                return d == null ? null : d.toString();
            }
            LocalDateTime at = rs.getObject(i, LocalDateTime.class);
            return at == null ? null : TIMESTAMP.format(at);
        }
        if (t.equals("TIMESTAMP WITH TIME ZONE")) {
            OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
            return at == null ? null : TIMESTAMPTZ.format(at);
        }
        if (t.endsWith("[]")) {
            java.sql.Array a = rs.getArray(i);
            Object[] elements = a == null ? null : (Object[]) a.getArray();
            // a list holds one dimension: a nested array is bound as its text, which the insert refuses, naming the row
            return elements != null && java.util.Arrays.stream(elements).anyMatch(e -> e instanceof Object[])
                    ? rs.getString(i) : elements;
        }
        if (t.equals("INTERVAL")) {
            return interval(rs.getObject(i));
        }
        if (t.equals(CopyTypes.TEXT) || t.equals("TIME") || t.equals("JSON")) {
            return rs.getString(i);
        }
        if (t.equals("BLOB")) {
            return rs.getBytes(i);
        }
        if (t.startsWith("DECIMAL")) {
            Object v = rs.getObject(i);
            return v instanceof Double d ? BigDecimal.valueOf(d).toPlainString()
                    : v instanceof BigDecimal b ? b.toPlainString() : v;
        }
        Object v = rs.getObject(i);
        if (t.equals("BOOLEAN") && v instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)
                && n.doubleValue() == n.longValue()) {
            return n.longValue() == 1; // SQLite stores a BOOLEAN as 0 or 1
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString(); // an unbounded numeric read as DOUBLE
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.longValue();
        }
        boolean whole = t.equals("SMALLINT") || t.equals("INTEGER") || t.equals("BIGINT");
        if (whole && v instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
            return String.valueOf(v);
        }
        return v;
    }

    /**
     * A PostgreSQL interval as the engine reads one: its months, days and microseconds, each keeping its sign
     * ({@code 1 mon -2 days}), as both engines hold an interval. The server's own text ({@code -1 days +02:00:00})
     * is not one the engine reads.
     */
    static String interval(Object v) {
        if (!(v instanceof org.postgresql.util.PGInterval p)) {
            return v == null ? null : v.toString();
        }
        long months = p.getYears() * 12L + p.getMonths();
        long micros = ((p.getHours() * 60L + p.getMinutes()) * 60L + p.getWholeSeconds()) * 1_000_000L
                + p.getMicroSeconds();
        return months + " months " + p.getDays() + " days " + micros + " microseconds";
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // a statement of the engine's own session: nothing to lose
        }
    }
}
