package dev.migrate.validators.pg;

import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Two databases, {@code old_wh} (the legacy pipeline's) and {@code new_wh} (the rewrite's), on one throw-away
 * {@link PostgresServer}, and the validator that compares their tables in place: the set-up every in-place test
 * repeated (skip without PostgreSQL, start, create the databases, pass the password through the environment).
 */
final class PostgresPair implements AutoCloseable {
    private final PostgresServer server;

    private PostgresPair(PostgresServer server) {
        this.server = server;
    }

    /** Starts the server and creates both databases; skips the calling tests when PostgreSQL is not installed. */
    static PostgresPair start() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent(),
                "PostgreSQL (initdb, pg_ctl) is not installed: skipping the PostgreSQL tests; .ci/run installs it");
        PostgresServer server = PostgresServer.start();
        server.execute("postgres", "CREATE DATABASE old_wh", "CREATE DATABASE new_wh");
        return new PostgresPair(server);
    }

    /** The server itself, for what a test does beside in-place comparisons (its URLs, other databases). */
    PostgresServer server() {
        return server;
    }

    void legacy(String... sql) throws SQLException {
        server.execute("old_wh", sql);
    }

    void current(String... sql) throws SQLException {
        server.execute("new_wh", sql);
    }

    /** Logs every statement of every later session of both databases to {@link #serverLog()}. */
    void logStatements() throws SQLException {
        server.execute("postgres", "ALTER DATABASE old_wh SET log_statement = 'all'",
                "ALTER DATABASE new_wh SET log_statement = 'all'");
    }

    Path serverLog() {
        return server.log();
    }

    /** A config comparing {@code legacyTable} with {@code newTable} in place, keyed by {@code id}. */
    String inPlace(String legacyTable, String newTable) {
        return """
                connections:
                  old: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                  new: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: d, legacy: {table: %s}, new: {table: %s}, key: id}]
                """.formatted(server.url("old_wh"), server.url("new_wh"), legacyTable, newTable);
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
