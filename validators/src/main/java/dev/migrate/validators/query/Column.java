package dev.migrate.validators.query;

/** A column of a compared relation, with its engine type and declared nullability. */
public record Column(String name, String type, boolean nullable) {
    public boolean isNumeric() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.matches("(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT"
                + "|FLOAT|REAL|DOUBLE|DOUBLE PRECISION|NUMERIC|DECIMAL|INT2|INT4|INT8|FLOAT4|FLOAT8)(\\(.*\\))?");
    }

    /** A binary floating-point type, which keeps 15 to 17 significant digits of a decimal. */
    public boolean isFloat() {
        String t = type.strip().toUpperCase(java.util.Locale.ROOT);
        return t.matches("DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8|DOUBLE PRECISION");
    }

    /** A text type: VARCHAR, TEXT, CHAR, with a length or not (DuckDB and PostgreSQL spellings). */
    public boolean isText() {
        String t = type.strip().toUpperCase(java.util.Locale.ROOT);
        return t.matches("(VARCHAR|TEXT|CHARACTER VARYING|CHARACTER|CHAR|BPCHAR|STRING|NVARCHAR)(\\s*\\(\\d+\\))?");
    }

    /** PostgreSQL's json or jsonb (DuckDB's JSON). */
    public boolean isJson() {
        return type.strip().toUpperCase(java.util.Locale.ROOT).matches("JSONB?");
    }

    /**
     * A duration: PostgreSQL's and DuckDB's INTERVAL (with PostgreSQL's field restrictions, {@code interval day to
     * second}). Its text does not sort as its value: {@code '10 days'} comes before {@code '2 days'}.
     */
    public boolean isInterval() {
        return type.strip().toUpperCase(java.util.Locale.ROOT).startsWith("INTERVAL");
    }

    /** A boolean (DuckDB's and PostgreSQL's spellings). */
    public boolean isBoolean() {
        return type.strip().toUpperCase(java.util.Locale.ROOT).matches("BOOLEAN|BOOL");
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

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("(?i)(?:DECIMAL|NUMERIC)\\s*\\((\\d+)\\s*(?:,\\s*(\\d+))?\\)");
    /** Decimal digits of the largest value of each whole-number type. */
    private static final java.util.Map<String, Integer> INTEGER_DIGITS = java.util.Map.ofEntries(
            java.util.Map.entry("TINYINT", 3), java.util.Map.entry("UTINYINT", 3), java.util.Map.entry("SMALLINT", 5),
            java.util.Map.entry("INT2", 5), java.util.Map.entry("USMALLINT", 5), java.util.Map.entry("INTEGER", 10),
            java.util.Map.entry("INT", 10), java.util.Map.entry("INT4", 10), java.util.Map.entry("SERIAL", 10),
            java.util.Map.entry("UINTEGER", 10), java.util.Map.entry("BIGINT", 19), java.util.Map.entry("INT8", 19),
            java.util.Map.entry("BIGSERIAL", 19), java.util.Map.entry("UBIGINT", 20), java.util.Map.entry("HUGEINT", 39),
            java.util.Map.entry("UHUGEINT", 39));

    /**
     * Digits after the point of an exact number type: a DECIMAL's scale, 0 for an integer; -1 for any other type and
     * for a DECIMAL without a declared scale (PostgreSQL's unbounded numeric).
     */
    public int scale() {
        java.util.regex.Matcher m = DECIMAL.matcher(type.strip());
        if (m.matches()) {
            return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        }
        return isIntegral() ? 0 : -1;
    }

    /** Digits before the point the type holds: a DECIMAL's precision less its scale, an integer's widest value. */
    public int wholeDigits() {
        java.util.regex.Matcher m = DECIMAL.matcher(type.strip());
        if (m.matches()) {
            return Integer.parseInt(m.group(1)) - (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        }
        return INTEGER_DIGITS.getOrDefault(type.strip().toUpperCase(java.util.Locale.ROOT), 1000);
    }
}
