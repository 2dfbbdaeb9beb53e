package dev.migrate.validators.query;

import java.util.List;

/** A SQL statement with its bound parameters, as run, and as shown by {@code --dry-run}. */
public record Statement(String purpose, String sql, List<Object> params) {
    public Statement {
        params = List.copyOf(params);
    }

    public static Statement of(String purpose, String sql, Object... params) {
        return new Statement(purpose, sql, List.of(params));
    }
}
