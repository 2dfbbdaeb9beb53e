package dev.migrate.validators.compare;

import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.TypeWidening;
import java.util.List;
import java.util.Map;

/**
 * A SQLite whole-number column is copied into the engine as BIGINT, as its INT affinity holds 64 bits whatever name
 * it was declared with. Facing a narrower whole-number type of the other side that its declared name names too
 * (SQLite {@code INTEGER} against PostgreSQL {@code int4}, or a Parquet int32), it is that type, as two SQLite files
 * or two databases compared where they are say: a table moved between the two engines is no narrowing. Facing
 * anything else (a BIGINT, a double, text) it stays BIGINT, which is what it holds.
 */
public final class DeclaredIntegers {
    private DeclaredIntegers() {
    }

    /**
     * @param plan     the plan resolved from the columns as the engine holds them
     * @param side     {@code legacy} or {@code new}
     * @param stored   the side's columns as stored (before renames), as the plan was resolved from
     * @param declared the types the side's database declares, by stored name (empty for files)
     * @return {@code stored}, with the columns whose declared name is the other side's type typed so
     */
    public static List<Column> apply(DatasetPlan plan, String side, List<Column> stored, Map<String, String> declared) {
        return DeclaredTypes.retype(plan, side, stored, declared, (c, type, other) ->
                other.isIntegral() && TypeWidening.sameType(type, other.type()));
    }
}
