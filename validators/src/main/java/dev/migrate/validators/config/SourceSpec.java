package dev.migrate.validators.config;

/** What one side of a dataset reads: files matched by a glob, a table, or a SQL query. */
public sealed interface SourceSpec {
    /** Files under the side's root matching a glob such as {@code orders/orders_*.csv}. */
    record Files(String glob) implements SourceSpec {
    }

    /** A table, optionally schema-qualified; both parts are quoted as identifiers, never concatenated raw. */
    record Table(String schema, String table) implements SourceSpec {
    }

    /** A read-only query written by the user; it is wrapped as a subquery and run as written. */
    record Query(String sql) implements SourceSpec {
    }
}
