package dev.migrate.validators.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit of a column of numbers that count time since 1970-01-01 UTC, read as the instants they are
 * ({@code epoch_columns}): pandas' {@code to_json} writes datetimes as epoch milliseconds by default
 * ({@code date_unit} may be s, ms, us or ns), where the new pipeline writes ISO text.
 */
public enum EpochUnit {
    SECONDS("s", " * 1000000"),
    MILLISECONDS("ms", " * 1000"),
    MICROSECONDS("us", ""),
    NANOSECONDS("ns", " // 1000");

    private final String shortName;
    private final String toMicros;

    EpochUnit(String shortName, String toMicros) {
        this.shortName = shortName;
        this.toMicros = toMicros;
    }

    /** {@code seconds}, {@code milliseconds}, ... or pandas' {@code date_unit} spelling ({@code s}, {@code ms}, ...). */
    public static Optional<EpochUnit> named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(u -> u.shortName.equals(n) || u.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    /**
     * DuckDB SQL reading {@code column} (a number, or its text) as a TIMESTAMP WITH TIME ZONE: whole microseconds
     * added to the epoch, no floating point on the way (a double of epoch seconds loses microseconds).
     */
    public String instant(String column) {
        return "(to_timestamp(0) + to_microseconds(CAST(" + column + " AS BIGINT)" + toMicros + "))";
    }
}
