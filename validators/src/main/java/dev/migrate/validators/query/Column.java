package dev.migrate.validators.query;

/** A column of a compared relation, with its engine type and declared nullability. */
public record Column(String name, String type, boolean nullable) {
    public boolean isNumeric() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.matches("(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT"
                + "|FLOAT|REAL|DOUBLE|DOUBLE PRECISION|NUMERIC|DECIMAL|INT2|INT4|INT8|FLOAT4|FLOAT8)(\\(.*\\))?");
    }

    /** A date or timestamp, with or without a zone (DuckDB and PostgreSQL spellings). */
    public boolean isTemporal() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.matches("DATE|TIMESTAMP(_S|_MS|_NS)?|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ|DATETIME");
    }

    /** A whole-number type, whose text is the same whatever its width (11 as INTEGER or BIGINT). */
    public boolean isIntegral() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.matches("U?(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT)|INT2|INT4|INT8|SERIAL|BIGSERIAL");
    }
}
