package dev.migrate.validators.pg;

import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Two databases, {@code old_wh} (the legacy pipeline's) and {@code new_wh} (the rewrite's), of one test class on the
 * {@linkplain PostgresServer#shared shared server}, and the validator that compares their tables in place: the set-up
 * every in-place test repeated (skip without PostgreSQL, create the databases, pass the password through the
 * environment).
 */
final class PostgresPair implements AutoCloseable {
    private final PostgresDatabases server;
    private long logStart;

    private PostgresPair(PostgresDatabases server) {
        this.server = server;
    }

    /** Creates both databases; skips the calling tests when PostgreSQL is not installed. */
    static PostgresPair start() throws Exception {
        PostgresDatabases databases = PostgresDatabases.open();
        databases.create("old_wh");
        databases.create("new_wh");
        return new PostgresPair(databases);
    }

    /** The databases themselves, for what a test does beside in-place comparisons (their URLs, settings, more). */
    PostgresDatabases server() {
        return server;
    }

    void legacy(String... sql) throws SQLException {
        server.execute("old_wh", sql);
    }

    void current(String... sql) throws SQLException {
        server.execute("new_wh", sql);
    }

    /** Logs every statement of every later session of both databases, for {@link #loggedSince()}. */
    void logStatements() throws Exception {
        logStart = Files.size(server.log());
        server.set("old_wh", "log_statement = 'all'");
        server.set("new_wh", "log_statement = 'all'");
    }

    /** What the shared server logged since {@link #logStatements}: only this class's sessions ran since. */
    String loggedSince() throws Exception {
        byte[] log = Files.readAllBytes(server.log());
        return new String(log, (int) logStart, log.length - (int) logStart, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A config comparing {@code legacyTable} with {@code newTable} in place, keyed by {@code id}. */
    String inPlace(String legacyTable, String newTable) {
        return config(connection("old_wh"), "table: " + legacyTable, connection("new_wh"), "table: " + newTable);
    }

    /**
     * A config comparing the legacy file {@code legacyFile} of {@code dir} with {@code newTable} of {@code new_wh}, keyed
     * by {@code id}: the legacy export against the rewrite's table, compared in the embedded engine.
     */
    String againstFile(Path dir, String legacyFile, String newTable) {
        return config(directory(dir), "files: " + legacyFile, connection("new_wh"), "table: " + newTable);
    }

    /** The connection (a YAML flow mapping) to {@code database} of this server. */
    String connection(String database) {
        return "{type: jdbc, url: \"" + server.url(database) + "\", user: postgres, password_env: PG_TEST_PASSWORD}";
    }

    /** A connection (a YAML flow mapping) to the files of {@code dir}. */
    static String directory(Path dir) {
        return "{type: directory, path: \"" + dir + "\"}";
    }

    /**
     * A config comparing {@code legacySource} ({@code table: t}, {@code files: f.parquet}) read through connection
     * {@code legacy} with {@code newSource} read through {@code current} (connections as YAML flow mappings), keyed by
     * {@code id}: two PostgreSQL databases are compared in place, any other pair in the embedded engine.
     */
    static String config(String legacy, String legacySource, String current, String newSource) {
        return """
                connections:
                  old: %s
                  new: %s
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: d, legacy: {%s}, new: {%s}, key: id}]
                """.formatted(legacy, current, legacySource, newSource);
    }

    /**
     * Copies the rows of {@code query}, run in {@code database}, into the database at JDBC {@code url} (a DuckDB or
     * SQLite file), whose table {@code create} makes: each value bound as the driver reads it (text as text, a float8
     * as a double), as a legacy job's export would write them.
     */
    void copyRows(String database, String query, String url, String create) throws SQLException {
        try (Connection p = DriverManager.getConnection(server.url(database), "postgres", PostgresServer.PASSWORD);
                java.sql.Statement ps = p.createStatement();
                ResultSet rows = ps.executeQuery(query);
                Connection c = DriverManager.getConnection(url);
                java.sql.Statement cs = c.createStatement()) {
            cs.execute(create);
            String table = create.replaceFirst("(?i)^CREATE TABLE\\s+(\\S+).*", "$1");
            int columns = rows.getMetaData().getColumnCount();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")")) {
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        insert.setObject(i, rows.getObject(i));
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * The rows of {@code query}, run in {@code database}, as a Parquet {@code file}: copied into table {@code t} of an
     * in-memory DuckDB ({@code columns}: its column definitions), then written by {@code select} over it.
     */
    void exportParquet(String database, String query, String columns, String select, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Path db = Files.createTempFile(file.getParent(), "export", ".duckdb");
        Files.delete(db);
        try {
            copyRows(database, query, "jdbc:duckdb:" + db, "CREATE TABLE t (" + columns + ")");
            try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + db);
                    java.sql.Statement ds = d.createStatement()) {
                ds.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
            }
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(Path.of(db + ".wal"));
        }
    }

    static Validator validator() {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        return new Validator(new EngineSettings(1, "256MB", null, 10), env::get);
    }

    JobResult run(String yaml) {
        return validator().run(ConfigLoader.parse("v.yaml", yaml, Path.of(".")), RunOverrides.NONE).jobs().get(0);
    }

    List<PlannedStatement> dryRun(String yaml) {
        return validator().dryRun(ConfigLoader.parse("v.yaml", yaml, Path.of(".")), RunOverrides.NONE);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
