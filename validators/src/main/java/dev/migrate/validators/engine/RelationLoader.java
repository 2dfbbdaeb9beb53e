package dev.migrate.validators.engine;

import dev.migrate.validators.Errors;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.SourceSpec;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Puts one dataset side into the session as a table named after the side ({@code "legacy"} or
 * {@code "new"}): files are read once by DuckDB; DuckDB database files are attached read-only and
 * the table or query is copied. For a schema-only load the copy is empty, so no data is read.
 */
public final class RelationLoader {
    private final DuckDbSession session;

    public RelationLoader(DuckDbSession session) {
        this.session = session;
    }

    /**
     * Loads (or, when {@code schemaOnly}, defines without reading) the side and returns the statement.
     *
     * @param renames the columns renamed as they are read (stored name to new name): the dataset's
     *                {@link DatasetConfig#renames(String)} for the side, or none to see the columns as stored
     * @param extra select items computed during the same read (", expr AS name"), or ""
     */
    public Statement load(String side, DatasetConfig ds, SourceSpec spec, ConnectionConfig connection, List<Path> files,
            Map<String, String> renames, boolean schemaOnly, String extra) {
        if (files != null) {
            Statement st = FileLoader.loadStatement("load " + side, side, files, ds.csv(side), renames, extra);
            FileLoader.load(session, "load " + side, side, files, ds.csv(side), renames, ds.allowEmpty(), extra,
                    schemaOnly);
            return st;
        }
        if (connection instanceof ConnectionConfig.Jdbc) {
            // copied by DatabaseCopy before the plan: from here on the side is a table of the session
            Statement st = Statement.of("load " + side, "CREATE OR REPLACE TEMP TABLE " + Sql.quote(side)
                    + " AS SELECT *" + extra + " FROM " + Sql.renamed(Sql.quote(DatabaseCopy.table(side)), renames));
            run(ds, side, schemaOnly ? Statement.of(st.purpose(), st.sql() + " LIMIT 0") : st);
            return st;
        }
        String source = attached(side, ds, spec, connection);
        Statement st = Statement.of("load " + side, "CREATE OR REPLACE TEMP TABLE " + Sql.quote(side)
                + " AS SELECT *" + extra + " FROM " + Sql.renamed(source, renames));
        // For a schema-only load, an empty copy carries the schema without reading the data.
        inDatabase(ds, side, spec, schemaOnly ? Statement.of(st.purpose(), st.sql() + " LIMIT 0") : st);
        return st;
    }

    /**
     * Reads the side's source again into {@code table}: the rows {@code select} keeps of it, {@code select} given the
     * source as a relation aliased {@code s} (the files' scan, the copy of a database, the attached table or query,
     * with {@code renames} applied, as {@link #load} reads it). Returns the statement run.
     */
    public Statement reread(String side, String table, DatasetConfig ds, SourceSpec spec, ConnectionConfig connection,
            List<Path> files, Map<String, String> renames, java.util.function.Function<String, Statement> select) {
        Statement st = rereadStatement(side, table, ds, spec, connection, files, renames, select);
        if (files != null) {
            FileLoader.execute(session, st, files, ds.csv(side));
        } else if (connection instanceof ConnectionConfig.Jdbc) {
            run(ds, side, st);
        } else {
            attached(side, ds, spec, connection);
            inDatabase(ds, side, spec, st);
        }
        return st;
    }

    /**
     * The statement {@link #reread} runs, built without reading anything (for the dry run). A scan of files other
     * than Parquet sits under an unbounded limit, which keeps {@code select}'s filter out of the reader: a limit in
     * {@code select} then stops the read as soon as it has its rows, where a filter inside the reader would read the
     * whole file first. Parquet keeps the filter in the reader, whose row-group statistics skip what cannot match.
     */
    public static Statement rereadStatement(String side, String table, DatasetConfig ds, SourceSpec spec,
            ConnectionConfig connection, List<Path> files, Map<String, String> renames,
            java.util.function.Function<String, Statement> select) {
        String create = "CREATE OR REPLACE TEMP TABLE " + Sql.quote(table) + " AS ";
        if (files != null) {
            Statement scan = FileLoader.scan(files, ds.csv(side), renames);
            String unbounded = FileLoader.formatOf(files) == FileFormat.PARQUET ? "" : " LIMIT " + Long.MAX_VALUE;
            Statement rows = select.apply("(SELECT * FROM " + scan.sql() + unbounded + ") AS s");
            List<Object> params = new java.util.ArrayList<>(scan.params());
            params.addAll(rows.params());
            return new Statement(rows.purpose(), create + rows.sql(), params);
        }
        String source = connection instanceof ConnectionConfig.Jdbc ? Sql.quote(DatabaseCopy.table(side))
                : relation(side, spec);
        Statement rows = select.apply("(SELECT * FROM " + Sql.renamed(source, renames) + ") AS s");
        return new Statement(rows.purpose(), create + rows.sql(), rows.params());
    }

    /**
     * Runs {@code query} over the side's relation as stored in its database ({@code "relation"} in it stands for
     * that relation, with {@code renames} applied): used before the side is loaded, to read a few of its values (the
     * spellings of a flag column).
     */
    public List<java.util.Map<String, Object>> query(String side, DatasetConfig ds, SourceSpec spec,
            ConnectionConfig connection, Map<String, String> renames, java.util.function.Function<String, Statement> query) {
        String source = connection instanceof ConnectionConfig.Jdbc ? Sql.quote(DatabaseCopy.table(side))
                : attached(side, ds, spec, connection);
        Statement st = query.apply("(SELECT * FROM " + Sql.renamed(source, renames) + ") AS relation");
        if (connection instanceof ConnectionConfig.Jdbc || spec instanceof SourceSpec.Table) {
            return query(ds, side, st);
        }
        use(ds, side, Sql.quote("src_" + side));
        try {
            return query(ds, side, st);
        } finally {
            use(ds, side, "memory");
        }
    }

    /** Attaches the side's DuckDB database (read-only) and returns its relation: the table, or the user's query. */
    private String attached(String side, DatasetConfig ds, SourceSpec spec, ConnectionConfig connection) {
        if (!(connection instanceof ConnectionConfig.DuckDbFile db)) {
            throw new IllegalStateException("relation loader only reads files, DuckDB databases and database copies");
        }
        if (!Files.isRegularFile(db.file())) {
            throw new EnvironmentException(db.file() + ": DuckDB database of connection '" + db.name()
                    + "' not found; check connections." + db.name() + ".path in the config");
        }
        run(ds, side, Statement.of("attach " + side, "ATTACH IF NOT EXISTS ? AS " + Sql.quote("src_" + side)
                + " (READ_ONLY)", db.file().toString()));
        return relation(side, spec);
    }

    /** The relation of a side's DuckDB database attached by {@link #attached}: the table, or the user's query. */
    private static String relation(String side, SourceSpec spec) {
        String catalog = "src_" + side;
        return spec instanceof SourceSpec.Table t
                ? Sql.quote(catalog) + "." + (t.schema() == null ? "" : Sql.quote(t.schema()) + ".") + Sql.quote(t.table())
                : "(" + ((SourceSpec.Query) spec).sql() + ") q";
    }

    /** Runs a statement over an attached database; unqualified names in a user query resolve in that database. */
    private void inDatabase(DatasetConfig ds, String side, SourceSpec spec, Statement st) {
        if (!(spec instanceof SourceSpec.Query)) {
            run(ds, side, st);
            return;
        }
        use(ds, side, Sql.quote("src_" + side));
        try {
            run(ds, side, st);
        } finally {
            use(ds, side, "memory");
        }
    }

    private void use(DatasetConfig ds, String side, String catalog) {
        run(ds, side, Statement.of("use " + side, "USE " + catalog));
    }

    private List<java.util.Map<String, Object>> query(DatasetConfig ds, String side, Statement st) {
        try {
            return session.query(st);
        } catch (SQLException e) {
            throw new dev.migrate.validators.BadInputException(ds.configPath() + " (" + side + "): cannot read the "
                    + "source: " + Errors.cause(e) + "; check the table name or query", e);
        }
    }

    private void run(DatasetConfig ds, String side, Statement st) {
        try {
            session.execute(st);
        } catch (SQLException e) {
            throw new dev.migrate.validators.BadInputException(ds.configPath() + " (" + side + "): cannot read the "
                    + "source: " + Errors.cause(e) + "; check the table name or query", e);
        }
    }

}
