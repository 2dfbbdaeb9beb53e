package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.query.Column;
import java.util.List;
import java.util.Map;

/**
 * Gives a side's stored columns the type their database declares where the column they are compared with calls for
 * it. The engine holds a database's columns as they were copied (a SQLite integer as BIGINT, a wide numeric as text);
 * {@link DeclaredIntegers} and {@link CopiedDecimals} each say when the declared type is the one to compare by.
 */
final class DeclaredTypes {
    /** Whether a stored column takes its declared type, facing {@code other} on the other side. */
    interface When {
        boolean retype(Column stored, String declaredType, Column other);
    }

    private DeclaredTypes() {
    }

    /**
     * @param plan     the plan resolved from the columns as the engine holds them
     * @param side     {@code legacy} or {@code new}
     * @param stored   the side's columns as stored (before renames), as the plan was resolved from
     * @param declared the types the side's database declares, by stored name (empty for files)
     */
    static List<Column> retype(DatasetPlan plan, String side, List<Column> stored, Map<String, String> declared,
                               When when) {
        if (declared.isEmpty()) {
            return stored;
        }
        Map<String, String> renames = plan.config().renames(side);
        return stored.stream().map(c -> {
            String type = declared.get(c.name());
            String compared = renames.getOrDefault(c.name(), c.name());
            Compared p = plan.all().stream().filter(x -> x.name().equals(compared)).findFirst().orElse(null);
            if (type == null || p == null) {
                return c;
            }
            Column other = "legacy".equals(side) ? p.current() : p.legacy();
            return when.retype(c, type, other) ? new Column(c.name(), type, c.nullable()) : c;
        }).toList();
    }
}
