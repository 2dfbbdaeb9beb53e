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
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * One side of a dataset in a JDBC database. All work is pushed down as SQL; this class only counts
 * what comes back ({@link #bytesFetched()}), so the segment-checksum method can show how little
 * data crossed the wire. Credentials come from environment variables and never appear in messages.
 */
public final class JdbcSide implements AutoCloseable {
    private final String label;
    private final String shownUrl;
    private final Handle handle;
    private String relation;
    private long bytesFetched;
    private int queries;

    private JdbcSide(String label, String shownUrl, Handle handle, String relation) {
        this.label = label;
        this.shownUrl = shownUrl;
        this.handle = handle;
        this.relation = relation;
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
            return new JdbcSide(label, c.redactedUrl(), h, relation(source));
        } catch (JdbiException | SQLException e) {
            throw new EnvironmentException("connection '" + c.name() + "' (" + c.redactedUrl() + "): cannot connect ("
                    + Errors.cause(e) + "); check that the database is running and reachable, and the "
                    + "credentials in the environment", e);
        }
    }

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

    public String label() {
        return label;
    }

    public List<Column> columns() {
        try {
            queries++;
            return handle.createQuery("SELECT * FROM " + relation + " WHERE 1 = 0")
                    .scanResultSet((rs, ctx) -> DuckDbSession.Rows.columns(rs.get().getMetaData()));
        } catch (JdbiException e) {
            throw new BadInputException(label + " side (" + shownUrl + "): cannot read " + relation + ": "
                    + Errors.cause(e) + "; check the table name or query", e);
        }
    }

    /** Runs a query and returns typed rows, adding their size to {@link #bytesFetched()}. */
    public List<Map<String, Object>> query(Statement st) {
        try {
            Query q = handle.createQuery(st.sql());
            for (int i = 0; i < st.params().size(); i++) {
                q.bind(i, st.params().get(i));
            }
            queries++;
            List<Map<String, Object>> rows = q.map((rs, ctx) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }).list();
            for (Map<String, Object> r : rows) {
                for (Object v : r.values()) {
                    bytesFetched += size(v);
                }
            }
            return rows;
        } catch (JdbiException e) {
            throw new EnvironmentException(label + " side (" + shownUrl + "): " + st.purpose() + " failed: "
                    + Errors.cause(e), e);
        }
    }

    private static long size(Object v) {
        if (v == null) {
            return 1;
        }
        if (v instanceof Number) {
            return 8;
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
