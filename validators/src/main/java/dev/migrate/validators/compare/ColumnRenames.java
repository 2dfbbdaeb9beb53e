package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.Suggest;
import dev.migrate.validators.engine.FileLoader;
import dev.migrate.validators.query.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dataset's {@code rename_columns} checked against the columns the two outputs really have, and applied to
 * the legacy schema: the legacy side's renamed columns take their new names, which is what every read of that
 * side does in SQL (see {@link dev.migrate.validators.query.Sql#renamed}), so the plan and the reads agree.
 */
final class ColumnRenames {
    private ColumnRenames() {
    }

    /** The legacy columns as the comparison sees them: renamed. Bad input when a rename does not fit the outputs. */
    static List<Column> apply(DatasetConfig ds, List<Column> legacyAll, List<Column> newAll) {
        Map<String, String> renames = ds.renameColumns();
        if (renames.isEmpty()) {
            return legacyAll;
        }
        List<String> legacy = names(legacyAll);
        List<String> current = names(newAll);
        for (Map.Entry<String, String> r : renames.entrySet()) {
            String from = r.getKey();
            String to = r.getValue();
            String at = ds.configPath() + ".rename_columns." + from;
            if (!legacy.contains(from)) {
                throw notThere(ds, at, from, legacy, "legacy");
            }
            if (!current.contains(to)) {
                throw notThere(ds, at, to, current, "new");
            }
            for (String other : legacy) {
                if (!other.equals(from) && other.equalsIgnoreCase(to)) {
                    throw new BadInputException(at + ": '" + from + "' is renamed to '" + to
                            + "', but the legacy output of dataset '" + ds.name() + "' already has a column '"
                            + other + "'"
                            + (other.equals(to) ? "" : " (names that differ only in case are one column to DuckDB)")
                            + "; after the rename two legacy columns would share the name. Compare '" + other + "' by "
                            + "its own name, or fix the rename");
                }
            }
        }
        for (String ignored : ds.ignoreColumns()) {
            String renamed = renames.get(ignored);
            if (renamed != null && !current.contains(ignored)) {
                throw new BadInputException(ds.configPath() + ".ignore_columns: '" + ignored + "' is renamed to '"
                        + renamed + "' by rename_columns; key, ignore_columns and tolerances name columns by their "
                        + "new names: write '" + renamed + "'");
            }
        }
        List<Column> out = new ArrayList<>();
        for (Column c : legacyAll) {
            String to = renames.get(c.name());
            out.add(to == null ? c : new Column(to, c.type(), c.nullable()));
        }
        return List.copyOf(out);
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).filter(n -> !n.startsWith(FileLoader.ENGINE_PREFIX)).toList();
    }

    private static BadInputException notThere(DatasetConfig ds, String at, String column, List<String> names,
            String side) {
        String hint = Suggest.closest(column, names)
                .map(s -> "; did you mean '" + s + "'? Names match exactly, case included").orElse("");
        String role = "legacy".equals(side) ? "the legacy name" : "the new name";
        return new BadInputException(at + ": column '" + column + "' (" + role + ") is not in the " + side
                + " output of dataset '" + ds.name() + "' (its columns: " + String.join(", ", names) + ")" + hint
                + "; fix the name in rename_columns");
    }
}
