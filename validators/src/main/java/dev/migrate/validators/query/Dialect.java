package dev.migrate.validators.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few places where engines differ: text casts and hash functions. Both hashes are computed inside
 * the engine, so only aggregates and differing keys cross the wire.
 */
public enum Dialect {
    DUCKDB {
        @Override
        public String text(String expr) {
            return "CAST(" + expr + " AS VARCHAR)";
        }

        @Override
        public String columnHash(String expr, boolean keyed) {
            return hashAggregate("hash(" + expr + ")", keyed);
        }

        /**
         * A sum of the 64-bit hashes (128 bits wide) is a multiset fingerprint: a repeated value counts each time.
         * A XOR costs half as much per row (0.9 s less per 10M-row side of the benchmark's ten columns) but drops
         * every value present an even number of times, so two rows of a column changing from one frequent value
         * to another leave it unchanged. With keys the row diff compares every value anyway, and the XOR only
         * adds evidence; without keys the aggregates are the only value check, and the sum is used.
         */
        @Override
        public String hashAggregate(String hash, boolean keyed) {
            return "CAST(" + (keyed ? "bit_xor" : "sum") + "(" + hash + ") AS VARCHAR)";
        }

        @Override
        public String rowHash(List<String> exprs) {
            return exprs.isEmpty() ? "CAST(0 AS UBIGINT)" : "hash(" + String.join(", ", exprs) + ")";
        }
    },
    POSTGRES {
        @Override
        public String text(String expr) {
            return "(" + expr + ")::text";
        }

        /** Always a sum of 60-bit hashes as numeric (a multiset fingerprint), keyed or not. */
        @Override
        public String columnHash(String expr, boolean keyed) {
            return "sum(" + md5Bigint("(" + expr + ")::text") + ")::text";
        }

        @Override
        public String rowHash(List<String> exprs) {
            if (exprs.isEmpty()) {
                return "0::bigint";
            }
            // chr(30) marks NULL and chr(31) separates fields, so (NULL,'a') and ('','a') hash differently.
            String joined = exprs.stream()
                    .map(e -> "coalesce((" + e + ")::text, chr(30))")
                    .collect(Collectors.joining(" || chr(31) || "));
            return md5Bigint(joined);
        }

        /** The first 60 bits of an MD5 as a bigint: sums of millions of them stay far from overflow in numeric. */
        private String md5Bigint(String textExpr) {
            return "('x' || substr(md5(" + textExpr + "), 1, 15))::bit(60)::bigint";
        }
    },

    /** Any other JDBC database: standard SQL only, so no hash aggregate and no row hash. */
    ANSI {
        @Override
        public String text(String expr) {
            return "CAST(" + expr + " AS VARCHAR(4000))";
        }

        @Override
        public String columnHash(String expr, boolean keyed) {
            throw new UnsupportedOperationException("standard SQL has no hash function");
        }

        @Override
        public boolean hashes() {
            return false;
        }

        @Override
        public String rowHash(List<String> exprs) {
            throw new UnsupportedOperationException("standard SQL has no row hash");
        }
    };

    public abstract String text(String expr);

    /**
     * {@code expr} as a double: two numeric columns whose types differ (3750 as BIGINT on one side, 3750.0 as
     * DOUBLE or 3750.00 as DECIMAL on the other) are hashed as the same number, not as differing text. Two values
     * are the same exactly when they are the same double: both engines read a decimal as its nearest double, and
     * PostgreSQL's session writes a double as its shortest text that reads back as it ({@code extra_float_digits = 3},
     * at most 17 significant digits, as Java's {@code Double.toString}), never rounded to 15 digits
     * ({@code PostgresFloatAgainstNumericTest}).
     */
    public String number(String expr) {
        // + 0 makes a float's -0 the 0 a numeric has (-0 + 0 is 0): PostgreSQL spells them apart, and the row hash
        // reads the text. The engine's hash already takes them as one value, as both engines' = does.
        return this == POSTGRES ? "(" + pgDouble(expr) + " + 0)" : "CAST(" + expr + " AS DOUBLE)";
    }

    /**
     * PostgreSQL's nearest double of {@code expr}, a numeric beyond a double's range included: its cast refuses one
     * ({@code out of range for type double precision}), where IEEE 754's rounding, which the embedded engine's cast
     * follows, makes it the infinity of its sign or zero. Such a numeric's text is past 308 characters, which no
     * float's or integer's is, so other types take the plain cast, and the length is tested before the numeric is read
     * (a float's infinity has no numeric before PostgreSQL 14).
     */
    private static String pgDouble(String expr) {
        String text = "(" + expr + ")::text";
        String magnitude = "abs((" + expr + ")::numeric)";
        String cast = "(" + expr + ")::double precision";
        return "(CASE WHEN length(" + text + ") > 308 THEN CASE WHEN " + magnitude + " >= " + DOUBLE_OVERFLOW
                + " THEN (CASE WHEN " + text + " LIKE '-%' THEN '-Infinity' ELSE 'Infinity' END)::double precision WHEN "
                + magnitude + " <= " + DOUBLE_UNDERFLOW + " THEN 0::double precision ELSE " + cast + " END ELSE " + cast
                + " END)";
    }

    /** The least magnitude that rounds to an infinity (half a unit past the greatest double: 2^1024 - 2^970). */
    private static final String DOUBLE_OVERFLOW = java.math.BigInteger.TWO.pow(1024)
            .subtract(java.math.BigInteger.TWO.pow(970)).toString();
    /** The greatest magnitude that rounds to zero (half the least subnormal double: 2^-1075, a tie kept even). */
    private static final String DOUBLE_UNDERFLOW = java.math.BigDecimal.ONE
            .divide(new java.math.BigDecimal(java.math.BigInteger.TWO.pow(1075))).toPlainString();

    /**
     * {@code expr} as a whole number wide enough for any integer type but the unsigned 128-bit one: INTEGER on one
     * side and BIGINT on the other compare as the same numbers, exactly (a double would round past 2^53).
     */
    public String integer(String expr) {
        return switch (this) {
            case DUCKDB -> "CAST(" + expr + " AS HUGEINT)";
            case POSTGRES -> "(" + expr + ")::numeric";
            case ANSI -> "CAST(" + expr + " AS DECIMAL(38,0))";
        };
    }

    /**
     * {@code expr}, an exact number (integer or DECIMAL), as an exact decimal that reads the same for the same number
     * whatever its type: DuckDB casts to {@code DECIMAL(38, scale)} when {@code whole + scale} digits fit, else compares
     * the shortest text (trailing fraction zeros dropped); PostgreSQL's numeric holds any, with its trailing zeros
     * trimmed (1.50 and 1.5 are one value), still a numeric, so its bounds are a number's; SQLite's own values are
     * compared in Java, exactly. PostgreSQL's {@code trim_scale} would do the same, but only from 13 on: the trailing
     * zeros are cut from the text and the rest read back, which every server does (about 0.5 s per million values).
     */
    public String decimal(String expr, int scale, int whole) {
        return switch (this) {
            case DUCKDB -> scale + whole <= 38 ? "CAST(" + expr + " AS DECIMAL(38, " + scale + "))"
                    : "CASE WHEN contains(CAST(" + expr + " AS VARCHAR), '.') THEN rtrim(rtrim(CAST(" + expr
                            + " AS VARCHAR), '0'), '.') ELSE CAST(" + expr + " AS VARCHAR) END";
            case POSTGRES -> "(regexp_replace(((" + expr + ")::numeric)::text, '" + TRAILING_FRACTION_ZEROS
                    + "', '\\1'))::numeric";
            case ANSI -> expr;
        };
    }

    /**
     * {@code expr} (a text, date or timestamp) as text in which a moment has one spelling: a text that reads as a
     * date or an ISO timestamp ({@code 2024-01-02T03:04:05}, with or without a zone, a timestamp without one read as
     * UTC) is written as the timestamp with zone it is, any other text stays as written (and differs from every
     * moment). PostgreSQL before 16 has no cast that fails softly, so the text is first matched against the ISO shape
     * with valid fields and its day checked against its month's length: no value makes the query fail.
     */
    public String moment(String expr) {
        return switch (this) {
            case DUCKDB -> "coalesce(CAST(TRY_CAST(CAST(" + expr + " AS VARCHAR) AS TIMESTAMPTZ) AS VARCHAR), CAST("
                    + expr + " AS VARCHAR))";
            case POSTGRES -> {
                String t = "btrim((" + expr + ")::text)";
                yield "CASE WHEN " + t + " ~ '" + ISO_MOMENT + "' THEN CASE WHEN substr(" + t + ", 9, 2)::int <= "
                        + "extract(day from make_date(substr(" + t + ", 1, 4)::int, substr(" + t + ", 6, 2)::int, 1) "
                        + "+ interval '1 month' - interval '1 day') THEN ((" + t + ")::timestamptz)::text ELSE " + t
                        + " END ELSE " + t + " END";
            }
            case ANSI -> text(expr);
        };
    }

    /**
     * {@code expr} as the one text of its JSON value. PostgreSQL (json or jsonb on both sides): the jsonb value's text;
     * jsonb drops whitespace, orders an object's keys and keeps the last of repeated keys, so a json text written with
     * other spacing or key order is the same value ({@code DatasetPlan#withJsonValues}). DuckDB (a database's json or
     * jsonb copied as JSON, facing JSON text or the STRUCTs, MAPs and lists DuckDB reads a JSON file's values as):
     * the value as JSON ({@code TRY_CAST} writes a STRUCT as JSON and checks a text is JSON) in
     * {@link dev.migrate.validators.engine.CanonicalJson}'s one spelling, keys sorted and numbers normalised on both
     * sides; a text that is no JSON stays as written, and differs ({@code DatasetPlan#withJsonDocuments}).
     */
    public String json(String expr) {
        return switch (this) {
            case POSTGRES -> "((" + expr + ")::jsonb)::text";
            case DUCKDB -> "coalesce(" + dev.migrate.validators.engine.CanonicalJson.FUNCTION + "(CAST(TRY_CAST(" + expr
                    + " AS JSON) AS VARCHAR)), CAST(" + expr + " AS VARCHAR))";
            case ANSI -> throw new UnsupportedOperationException(this + " compares JSON as written");
        };
    }

    /**
     * {@code textExpr} (a text) in the order every server gives it: PostgreSQL's ordering of text follows the
     * collation of the database or column (C puts {@code 'B'} before {@code 'a'}, an ICU or glibc locale after it, and
     * glibc's versions differ), so two servers set up differently disagreed on a text column's min and max and on which
     * keys a key range holds, reporting a changed row as missing and extra. {@code COLLATE "C"} orders by the
     * characters' code points on every server. Other engines order text by code point already.
     */
    public String ordered(String textExpr) {
        return this == POSTGRES ? "(" + textExpr + ") COLLATE \"C\"" : textExpr;
    }

    /**
     * The zeros that end a numeric's fraction, with its point when nothing else is left of the fraction: {@code 2.50}
     * is {@code 2.5}, {@code 2.00} is {@code 2}, {@code 100} and {@code NaN} stay (a numeric's text has no exponent).
     */
    private static final String TRAILING_FRACTION_ZEROS = "(\\.[0-9]*[1-9])0+$|\\.0+$";

    /** A date or ISO timestamp with fields in range (a day past its month's length is checked apart). */
    private static final String ISO_MOMENT = "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
            + "([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,9})?)?)? ?(Z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?$";

    /**
     * {@code expr} (a text or an interval) as text in which a duration has one spelling, the engine's: a text that
     * reads as an interval (PostgreSQL's {@code 1 mon 2 days}, {@code -1 days +02:00:00} as psql's COPY exports it) is
     * written as the interval it is, any other text stays as written (and differs from every duration). The embedded
     * engine reads it with {@code TRY_CAST} (the {@code +} it does not read dropped) and writes {@code 1 month 2 days};
     * PostgreSQL, which has no cast that fails softly before 16, casts only a text of the shape {@link #PG_INTERVAL}
     * (fields in PostgreSQL's order, each at most once, with digits few enough that no field overflows) and writes it
     * in the session's {@code IntervalStyle}, {@code postgres} ({@code 1 mon 2 days}). Both sides of a column go
     * through the same expression, so an interval's own text is read back to itself.
     */
    public String duration(String expr) {
        return switch (this) {
            case DUCKDB -> "coalesce(CAST(" + durationOrNull(expr) + " AS VARCHAR), CAST(" + expr + " AS VARCHAR))";
            case POSTGRES -> "CASE WHEN " + readsAsInterval(expr) + " THEN ((" + trimmed(expr) + ")::interval)::text "
                    + "ELSE (" + expr + ")::text END";
            case ANSI -> text(expr);
        };
    }

    /**
     * {@code expr} (a text or an interval) as the interval it reads as, NULL for a text that reads as none: what its
     * bounds are taken over on PostgreSQL and DuckDB ({@code 10 days} after {@code 2 days}); null for ANSI, which bounds
     * the value as compared.
     */
    public String durationOrNull(String expr) {
        return switch (this) {
            case POSTGRES -> "CASE WHEN " + readsAsInterval(expr) + " THEN (" + trimmed(expr) + ")::interval END";
            // an INTERVAL is itself; a text only of PostgreSQL's shape, so that both paths read the same texts (DuckDB
            // alone would read '1 day 1 day' as 2 days), its '+' signs dropped as DuckDB does not read them
            case DUCKDB -> "CASE WHEN typeof(" + expr + ") = 'INTERVAL' THEN TRY_CAST(" + expr + " AS INTERVAL) WHEN "
                    + duckReadsAsInterval(expr) + " THEN TRY_CAST(regexp_replace(" + duckTrimmed(expr)
                    + ", '(^| )[+]', '\\1', 'g') AS INTERVAL) END";
            case ANSI -> null;
        };
    }

    /**
     * {@code expr} (a text or a number) as the text of the number it reads as, on PostgreSQL: a text of a decimal
     * number's shape ({@link #PG_NUMBER}: {@code 2.50}, {@code -3}, {@code 1e3}, {@code .5}) is read as a numeric and
     * written without trailing fraction zeros ({@code 2.5}, {@code 1000}), as a number column's own values are; a NaN
     * or an infinity in any spelling a double reads is written one way ({@link #nonFinite}: {@code nan} is
     * {@code NaN}); any other text ({@code n/a}, {@code 1,5}) stays as written and differs from every number. DuckDB writes the same text
     * from the same shape ({@link #duckNumberText}); ANSI compares the text as written.
     */
    public String numberText(String expr) {
        if (this == DUCKDB) {
            return "CASE WHEN " + duckReadsAsNumber(expr) + " THEN " + duckNumberText(duckTrimmed(expr)) + " ELSE "
                    + "coalesce(" + nonFinite("lower(" + duckTrimmed(expr) + ")") + ", CAST(" + expr + " AS VARCHAR)) END";
        }
        if (this != POSTGRES) {
            return text(expr);
        }
        return "CASE WHEN " + readsAsNumber(expr) + " THEN regexp_replace(((" + trimmed(expr) + ")::numeric)::text, '"
                + TRAILING_FRACTION_ZEROS + "', '\\1') ELSE coalesce(" + nonFinite("lower(" + trimmed(expr) + ")")
                + ", (" + expr + ")::text) END";
    }

    /**
     * A float's NaN or infinity, {@code lowered} (a trimmed text in lower case) spelt as PostgreSQL writes it
     * ({@code NaN}, {@code Infinity}, {@code -Infinity}), NULL for any other text. The spellings are those both
     * engines read as a double ({@code nan}, {@code inf}, {@code +Infinity}, any case): DuckDB writes a DOUBLE's NaN as
     * {@code nan} and PostgreSQL a float8's as {@code NaN}, so the same column compared in place and through the
     * engine gave two verdicts. A migration compares outputs, not arithmetic: NaN written by one pipeline and NaN (or
     * {@code nan}) by the other is the same value, as PostgreSQL's and DuckDB's own equality have it. Bounds leave
     * them out on both sides ({@link #numberOrNull}), as they leave out any text that is no decimal.
     */
    private static String nonFinite(String lowered) {
        return "CASE WHEN " + lowered + " = 'nan' THEN 'NaN' WHEN " + lowered + " IN ('inf', '+inf', 'infinity', "
                + "'+infinity') THEN 'Infinity' WHEN " + lowered + " IN ('-inf', '-infinity') THEN '-Infinity' END";
    }

    /**
     * The number {@code expr} reads as, for its bounds, NULL for a text that reads as none: on PostgreSQL a numeric
     * without trailing fraction zeros (so that its bound reads {@code 2.5} on both sides); on DuckDB a STRUCT of the
     * number's one text ({@code v}) and a text that sorts as the number does ({@code k}, {@link #numberOrder}), whose
     * least and greatest are read through {@link #numberBound}; null for ANSI. DuckDB has no type that holds a thousand
     * digits, and a DOUBLE (what was used) keeps 15 to 17 significant digits: two 20-digit amounts that differ only
     * past the 17th digit had one bound, and the evidence showed {@code 1.2345678901234568e+19} where PostgreSQL in
     * place showed the number.
     */
    public String numberOrNull(String expr) {
        return switch (this) {
            case POSTGRES -> "CASE WHEN " + readsAsNumber(expr) + " THEN (" + numberText(expr) + ")::numeric END";
            case DUCKDB -> "CASE WHEN " + duckReadsAsNumber(expr) + " THEN list_transform([" + duckNumberText(
                    duckTrimmed(expr)) + "], lambda " + LAMBDA + "t: {'k': " + numberOrder(LAMBDA + "t") + ", 'v': " + LAMBDA
                    + "t})[1] END";
            case ANSI -> null;
        };
    }

    /** The bound {@code aggregate} ({@code min} or {@code max} of {@link #numberOrNull}) as the number it is. */
    public String numberBound(String aggregate) {
        return this == DUCKDB ? "struct_extract(" + aggregate + ", 'v')" : aggregate;
    }

    /**
     * A text that sorts (by code point) as the number {@code t} does, {@code t} being a number's one text (no
     * exponent, no leading zeros, trailing fraction zeros dropped, {@code 0} unsigned): negatives ({@code A}) before
     * zero ({@code B}) before positives ({@code C}); then the count of whole digits (four wide: at most 1000), then
     * the digits. A negative's count and digits are complemented and end with {@code :} (after every digit), so that
     * a greater magnitude sorts first and {@code -1.5} after {@code -1.51}.
     */
    private static String numberOrder(String t) {
        String whole = "split_part(ltrim(" + t + ", '-'), '.', 1)";
        String fraction = "split_part(ltrim(" + t + ", '-'), '.', 2)";
        String wholeDigits = "CASE WHEN " + whole + " = '0' THEN 0 ELSE length(" + whole + ") END";
        String digits = "CASE WHEN " + whole + " = '0' THEN " + fraction + " ELSE " + whole + " || " + fraction + " END";
        return "CASE WHEN " + t + " = '0' THEN 'B' WHEN starts_with(" + t + ", '-') THEN 'A' || lpad(CAST(9999 - "
                + wholeDigits + " AS VARCHAR), 4, '0') || translate(" + digits + ", '0123456789', '9876543210') || ':' "
                + "ELSE 'C' || lpad(CAST(" + wholeDigits + " AS VARCHAR), 4, '0') || " + digits + " END";
    }

    private static String duckTrimmed(String expr) {
        return "trim(CAST(" + expr + " AS VARCHAR))";
    }

    /** {@link #readsAsNumber} in DuckDB's SQL: the one shape, {@link #PG_NUMBER}, on both paths. */
    private static String duckReadsAsNumber(String expr) {
        return "(length(" + duckTrimmed(expr) + ") <= 1000 AND regexp_full_match(" + duckTrimmed(expr) + ", '"
                + PG_NUMBER + "'))";
    }

    /** {@link #readsAsInterval} in DuckDB's SQL: the one shape, {@link #PG_INTERVAL}, matched ignoring case. */
    private static String duckReadsAsInterval(String expr) {
        return "(regexp_matches(" + duckTrimmed(expr) + ", '[0-9]') AND regexp_matches(" + duckTrimmed(expr)
                + " || ' ', '" + PG_INTERVAL + "', 'i'))";
    }

    /**
     * A number's text (of the shape {@link #PG_NUMBER}) written as PostgreSQL's numeric writes it, trailing fraction
     * zeros dropped: no exponent, no leading zeros, {@code -0} as {@code 0}. DuckDB has no type that holds a thousand
     * digits, so the digits are moved by the exponent as text: {@code d} the digits, {@code p} where the point goes.
     */
    private static String duckNumberText(String text) {
        String b = LAMBDA + "b";
        String x = LAMBDA + "x";
        String y = LAMBDA + "y";
        String parts = "list_transform([lower(ltrim(" + text + ", '+-'))], lambda " + b + ": {'d': replace(split_part("
                + b + ", 'e', 1), '.', ''), 'p': length(split_part(split_part(" + b + ", 'e', 1), '.', 1)) + coalesce("
                + "TRY_CAST(nullif(split_part(" + b + ", 'e', 2), '') AS INTEGER), 0)})[1]";
        String p = x + ".p";
        String d = x + ".d";
        String whole = "coalesce(nullif(ltrim(CASE WHEN " + p + " <= 0 THEN '' WHEN " + p + " >= length(" + d + ") THEN "
                + d + " || repeat('0', " + p + " - length(" + d + ")) ELSE left(" + d + ", " + p + ") END, '0'), ''), "
                + "'0')";
        String fraction = "rtrim(CASE WHEN " + p + " <= 0 THEN repeat('0', -" + p + ") || " + d + " WHEN " + p
                + " >= length(" + d + ") THEN '' ELSE substr(" + d + ", " + p + " + 1) END, '0')";
        return "list_transform([" + parts + "], lambda " + x + ": list_transform([{'w': " + whole + ", 'f': " + fraction
                + "}], lambda " + y + ": CASE WHEN starts_with(" + text + ", '-') AND (" + y + ".w <> '0' OR " + y
                + ".f <> '') THEN '-' ELSE '' END || " + y + ".w || CASE WHEN " + y + ".f = '' THEN '' ELSE '.' || " + y
                + ".f END)[1])[1]";
    }

    /**
     * The prefix of lambda parameters' names: DuckDB binds a name inside a lambda to a column of the same name before
     * the lambda's parameter, so a text column named {@code x} facing numbers failed to bind ({@code x.p}).
     */
    private static final String LAMBDA = "__migrate_";

    private static String trimmed(String expr) {
        return "btrim((" + expr + ")::text)";
    }

    /** At most 1000 characters: PostgreSQL's patterns bound a repetition to 255, and numeric its digits. */
    private static String readsAsNumber(String expr) {
        return "char_length(" + trimmed(expr) + ") <= 1000 AND " + trimmed(expr) + " ~ '" + PG_NUMBER + "'";
    }

    /** A digit, so that {@code ago} or {@code @} alone is no interval; a space after the text ends its last field. */
    private static String readsAsInterval(String expr) {
        return trimmed(expr) + " ~ '[0-9]' AND (" + trimmed(expr) + " || ' ') ~* '" + PG_INTERVAL + "'";
    }

    /**
     * An interval as PostgreSQL writes it with {@code IntervalStyle = 'postgres'} (and as people write it): years,
     * months, weeks, days, hours, minutes and seconds, each at most once and in that order, then a time
     * ({@code -04:05:06.5}), then {@code ago}. Digits are bounded so that no value overflows a field: years by 6
     * (months are 32-bit), months and days by 9, weeks by 8 (seven days each, added to the days), hours and minutes by 9 (the
     * time is 64-bit microseconds), fractions of seconds by 6. One space between a number and its unit and between
     * fields. A field repeated, ISO 8601 ({@code P1D}) and SQL-standard ({@code 1-2}) forms do not match and are
     * compared as written.
     */
    private static final String PG_INTERVAL = "^(@ )?([+-]?[0-9]{1,6} years? )?([+-]?[0-9]{1,9} (mons?|months?) )?"
            + "([+-]?[0-9]{1,8} weeks? )?([+-]?[0-9]{1,9} days? )?([+-]?[0-9]{1,9} hours? )?"
            + "([+-]?[0-9]{1,9} (mins?|minutes?) )?([+-]?[0-9]{1,9}([.][0-9]{1,6})? (secs?|seconds?) )?"
            + "([+-]?[0-9]{1,9}:[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)? )?(ago )?$";

    /** A decimal number as PostgreSQL's numeric reads it, with digits bounded so that no text is too long to cast. */
    private static final String PG_NUMBER = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$";

    /**
     * {@code expr} as an instant: a date, a timestamp without zone (read in the session's zone, UTC) and one with
     * a zone compare as the same moment, as they do in output paths, not as text that differs by a "+00".
     */
    public String instant(String expr) {
        return this == POSTGRES ? "(" + expr + ")::timestamptz" : "CAST(" + expr + " AS TIMESTAMPTZ)";
    }

    /**
     * Whether this engine can hash values. Without it no hash aggregate is computed, and a report must not say one
     * matched: two columns whose values changed but whose count, min and max did not would read as proven equal.
     */
    public boolean hashes() {
        return true;
    }

    /**
     * An order-independent hash aggregate of one column, as text (it may exceed 64 bits); {@code keyed} when a
     * key-based row diff of the same dataset compares every value as well.
     */
    public abstract String columnHash(String expr, boolean keyed);

    /** The aggregate of {@link #columnHash} over hashes the relation already holds (only DuckDB computes them). */
    public String hashAggregate(String hash, boolean keyed) {
        throw new UnsupportedOperationException(this + " does not aggregate precomputed hashes");
    }

    /** A per-row hash of the given expressions. */
    public abstract String rowHash(List<String> exprs);
}
