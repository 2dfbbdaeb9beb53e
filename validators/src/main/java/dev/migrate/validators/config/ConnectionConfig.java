package dev.migrate.validators.config;

import java.nio.file.Path;

/** A named place where outputs live. Stored apart from the checks so that jobs only reference names. */
public sealed interface ConnectionConfig {
    String name();

    /** A local directory tree of output files (a mounted lake root, a sandbox root). */
    record Directory(String name, Path root) implements ConnectionConfig {
    }

    /** A DuckDB database file whose tables or queries are compared. */
    record DuckDbFile(String name, Path file) implements ConnectionConfig {
    }

    /**
     * A JDBC database. Credentials never live in the config: {@code userEnv}/{@code passwordEnv} name
     * environment variables read at connect time, and {@link #redactedUrl()} is what reports show.
     */
    record Jdbc(String name, String url, String user, String userEnv, String passwordEnv) implements ConnectionConfig {
        public String redactedUrl() {
            return Secrets.redactUrl(url);
        }
    }
}
