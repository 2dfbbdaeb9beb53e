package dev.migrate.validators.compare;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.engine.FileLoader;
import dev.migrate.validators.query.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dataset's {@code ignore_column_case}: a pipeline rewritten on another stack often writes the same headers in
 * another case ({@code OrderID} as {@code orderid}, pandas' {@code Amount} as Spark's {@code amount}). Each legacy
 * column without a new column of its exact name is compared with the one new column whose name differs from it
 * only in case, as if {@code rename_columns} listed it; the dataset's settings may then name such a column in
 * either case.
 */
public final class ColumnCase {
    private ColumnCase() {
    }

    /** The dataset with the case-only renames added, and its settings naming those columns by their new names. */
    public static DatasetConfig apply(DatasetConfig ds, List<Column> legacyAll, List<Column> newAll) {
        if (!ds.ignoreColumnCase()) {
            return ds;
        }
        List<String> legacy = names(legacyAll);
        List<String> current = names(newAll);
        Map<String, String> renames = new LinkedHashMap<>(ds.renameColumns());
        for (String l : legacy) {
            if (renames.containsKey(l) || current.contains(l) || renames.containsValue(l)) {
                continue;
            }
            List<String> candidates = current.stream().filter(n -> n.equalsIgnoreCase(l)).toList();
            if (candidates.size() > 1) {
                throw new BadInputException(ds.configPath() + ".ignore_column_case: legacy column '" + l + "' of "
                        + "dataset '" + ds.name() + "' matches " + candidates.size() + " new columns when case is "
                        + "ignored (" + String.join(", ", candidates) + "); name the one it is in rename_columns ({"
                        + l + ": " + candidates.get(0) + "})");
            }
            if (candidates.isEmpty()) {
                continue;
            }
            String to = candidates.get(0);
            boolean taken = legacy.contains(to) || renames.containsValue(to)
                    || legacy.stream().anyMatch(o -> !o.equals(l) && o.equalsIgnoreCase(to) && !current.contains(o));
            if (!taken) {
                renames.put(l, to);
            }
        }
        if (renames.equals(ds.renameColumns())) {
            return ds;
        }
        Map<String, String> byCase = new LinkedHashMap<>();
        renames.forEach((from, to) -> {
            if (!ds.renameColumns().containsKey(from)) {
                byCase.put(from.toLowerCase(Locale.ROOT), to);
            }
        });
        return new DatasetConfig(ds.name(), ds.configPath(), ds.legacy(), ds.current(), named(ds.key(), byCase),
                named(ds.ignoreColumns(), byCase), namedKeys(ds.tolerances(), byCase), ds.rowCount(),
                ds.allowNewColumns(), ds.ordered(), ds.allowEmpty(), ds.csv(), ds.newCsv(),
                java.util.Collections.unmodifiableMap(renames), namedKeys(ds.acceptTypeChanges(), byCase), true,
                ds.strictFieldOrder(), named(ds.jsonColumns(), byCase));
    }

    /** Names in the config, a column renamed by case named by its new name whatever case the config wrote. */
    private static List<String> named(List<String> names, Map<String, String> byCase) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(byCase.getOrDefault(n.toLowerCase(Locale.ROOT), n));
        }
        return List.copyOf(out);
    }

    private static <V> Map<String, V> namedKeys(Map<String, V> map, Map<String, String> byCase) {
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(byCase.getOrDefault(k.toLowerCase(Locale.ROOT), k), v));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).filter(n -> !n.startsWith(FileLoader.ENGINE_PREFIX)).toList();
    }
}
