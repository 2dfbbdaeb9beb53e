package dev.migrate.validators.pg;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases one test class makes on the {@linkplain PostgresServer#shared shared server}: the class names them as
 * it likes ({@code old_wh}, {@code lake_new}), and each is created under that name with a suffix of its own, so that
 * no two classes ever see each other's tables or database settings. {@link #close} drops them.
 */
final class PostgresDatabases implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final PostgresServer server;
    private final String suffix;
    private final Map<String, String> created = new LinkedHashMap<>();

    private PostgresDatabases(PostgresServer server, String suffix) {
        this.server = server;
        this.suffix = suffix;
    }

    /** Databases on the shared server; skips the calling tests when PostgreSQL is not installed. */
    public static PostgresDatabases open() throws Exception {
        Assumptions.assumeTrue(PostgresServer.binaries().isPresent(),
                "PostgreSQL (initdb, pg_ctl) is not installed: skipping the PostgreSQL tests; .ci/run installs it");
        return new PostgresDatabases(PostgresServer.shared(), "_t" + NEXT.incrementAndGet());
    }

    /**
     * Creates database {@code name} of this class, {@code options} after {@code CREATE DATABASE <name>} (a template,
     * a locale), and returns the name it has on the server.
     */
    public String create(String name, String options) throws SQLException {
        String actual = name + suffix;
        server.execute("postgres", "CREATE DATABASE " + actual + (options.isEmpty() ? "" : " " + options));
        created.put(name, actual);
        return actual;
    }

    public String create(String name) throws SQLException {
        return create(name, "");
    }

    /** The server's name of this class's database {@code name}. */
    public String name(String name) {
        String actual = created.get(name);
        if (actual == null) {
            throw new IllegalArgumentException("no database " + name + " created by this test class: " + created.keySet());
        }
        return actual;
    }

    public String url(String database) {
        return server.url(name(database));
    }

    public void execute(String database, String... sql) throws SQLException {
        server.execute(name(database), sql);
    }

    /** Sets a default of {@code database} ({@code ALTER DATABASE ... SET setting}) for every later session of it. */
    public void set(String database, String setting) throws SQLException {
        server.execute("postgres", "ALTER DATABASE " + name(database) + " SET " + setting);
    }

    /** The shared server's log: every class's lines, and the statements of a database that logs them. */
    public Path log() {
        return server.log();
    }

    /** Drops this class's databases, ending any session a test left open on them. */
    @Override
    public void close() throws SQLException {
        List<String> drops = new ArrayList<>();
        for (String actual : created.values()) {
            drops.add("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + actual + "'");
            drops.add("DROP DATABASE IF EXISTS " + actual);
        }
        created.clear();
        server.execute("postgres", drops.toArray(String[]::new));
    }
}
