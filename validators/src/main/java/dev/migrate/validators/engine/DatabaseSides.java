package dev.migrate.validators.engine;

import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The database sides of a dataset compared in the embedded engine: a JDBC database facing files or a DuckDB file is
 * copied into the engine ({@link DatabaseCopy}); a DuckDB file named by a {@code jdbc:duckdb:} URL is attached as a
 * {@code type: duckdb} connection would be, with no copy. Two JDBC databases of different engines (PostgreSQL
 * against SQLite) are both copied; two PostgreSQL databases or two SQLite files are compared where they are (see
 * compare.RemoteComparison#suits), so none of this applies to them.
 */
public final class DatabaseSides {
    private final UnaryOperator<String> env;

    /** A side's copy: which side, and what it read and how it typed the columns. */
    public record Planned(String side, DatabaseCopy.Copy copy) {
    }

    /** @param env looks up the environment variables that hold database credentials */
    public DatabaseSides(UnaryOperator<String> env) {
        this.env = env;
    }

    /** The connection as the embedded engine reads it: a DuckDB file is attached, whatever names it. */
    public static ConnectionConfig embedded(ConnectionConfig c) {
        if (c instanceof ConnectionConfig.Jdbc j && j.url().startsWith("jdbc:duckdb:")) {
            String file = j.url().substring("jdbc:duckdb:".length()).replaceFirst("\\?.*", "");
            if (!file.isEmpty() && !file.startsWith(":memory:")) {
                return new ConnectionConfig.DuckDbFile(j.name(), Path.of(file));
            }
        }
        return c;
    }

    /**
     * Copies (with {@code fill}) or only defines (a dry run) the JDBC sides of the dataset in the session, so that the
     * relation loader reads them as tables of the engine; returns what each copy reads.
     */
    public List<Planned> copy(DuckDbSession session, DatasetConfig ds, ConnectionConfig legacy, ConnectionConfig current,
            boolean fill) {
        List<Planned> out = new ArrayList<>();
        // a session may plan several datasets: a side read from files declares nothing another dataset's copy did
        session.declare("legacy", java.util.Map.of());
        session.declare("new", java.util.Map.of());
        if (legacy instanceof ConnectionConfig.Jdbc l) {
            out.add(new Planned("legacy", copy(session, ds, "legacy", l, fill)));
        }
        if (current instanceof ConnectionConfig.Jdbc n) {
            out.add(new Planned("new", copy(session, ds, "new", n, fill)));
        }
        return out;
    }

    /**
     * The evidence of the copies' types chosen from the values (a numeric without precision: {@link ExactCopy}), one
     * info row of the schema check per such column, named {@code <column> (copy)}.
     */
    public static List<CheckResult> notes(DatasetConfig ds, List<Planned> copies) {
        List<CheckResult> out = new ArrayList<>();
        for (Planned p : copies) {
            for (DatabaseCopy.CopiedColumn c : p.copy().columns()) {
                if (c.note() != null) {
                    String shown = "legacy".equals(p.side()) ? ds.renames("legacy").getOrDefault(c.name(), c.name())
                            : c.name();
                    boolean legacy = "legacy".equals(p.side());
                    out.add(CheckResult.of(ds.name(), Check.SCHEMA, shown + " (copy)", Status.INFO, "the " + p.side()
                            + " side's " + c.note()).withValues(legacy ? c.sourceType() : null,
                                    legacy ? null : c.sourceType(), null, c.type()));
                }
            }
        }
        return out;
    }

    private DatabaseCopy.Copy copy(DuckDbSession session, DatasetConfig ds, String side, ConnectionConfig.Jdbc c,
            boolean fill) {
        try (JdbcSide db = JdbcSide.open(side, c, "legacy".equals(side) ? ds.legacy() : ds.current(), env)) {
            return DatabaseCopy.copy(session, db, ds, side, fill);
        }
    }
}
