package dev.migrate.validators.compare;

import dev.migrate.validators.query.Column;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL {@code numeric} whose values no engine DECIMAL holds (more than 38 digits, {@code NaN}, an infinity) is
 * copied into the engine as the text of its exact decimals (engine.ExactCopy). Facing text or exact numbers that text
 * is compared exactly; facing a float (a DuckDB {@code DOUBLE}, a SQLite {@code REAL}, a Parquet double) it is the
 * number its database declares, so that it compares as doubles, as every number facing a float does and as the same
 * two columns compared in place in PostgreSQL do ({@code numeric::double precision}). Read as text it was compared
 * exactly with the double's shortest text: {@code 0.1} against {@code 0.1000000000000000055511151231257827} passed in
 * place and failed here.
 */
public final class CopiedDecimals {
    private CopiedDecimals() {
    }

    /**
     * @param plan     the plan resolved from the columns as the engine holds them
     * @param side     {@code legacy} or {@code new}
     * @param stored   the side's columns as stored (before renames), as the plan was resolved from
     * @param declared the types the side's database declares, by stored name (empty for files)
     * @return {@code stored}, with each text column its database declares a number and that faces a float typed as
     *         that number
     */
    public static List<Column> apply(DatasetPlan plan, String side, List<Column> stored, Map<String, String> declared) {
        return DeclaredTypes.retype(plan, side, stored, declared, (c, type, other) ->
                c.isText() && new Column(c.name(), type, true).isNumeric() && other.isFloat());
    }
}
