package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.Tolerance;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV columns that must not be read as DOUBLE. DuckDB infers DOUBLE for any column of decimals, and a double
 * keeps 15 to 17 significant digits: {@code 0.10000000000000000000000001} and {@code 0.10000000000000000000000002}
 * become one double, so a changed value compared equal. A text that has at most 15 significant digits is one double
 * and no other such text is the same one, so those columns stay DOUBLE; a column holding a longer value is read as
 * {@code DECIMAL(38, s)} (s the most fraction digits either side writes) when its values fit, else as text, so that
 * every digit is compared. A column whose other side is an exact number (a DECIMAL or an integer in a database or a
 * Parquet file) is read as a DECIMAL too, since a double would round it. A column with a tolerance that fits no
 * DECIMAL stays DOUBLE: the user asked for numbers within a bound.
 */
public final class ExactNumbers {
    /** Significant digits any text of at most this many keeps through a double, whatever they are. */
    static final int DOUBLE_SAFE_DIGITS = 15;
    private static final int MAX_DECIMAL = 38;

    /** What one side's text values of a column need: significant, whole and fraction digits, any letter. */
    record Digits(int significant, int whole, int fraction, boolean letters) {
        Digits merge(Digits o) {
            return o == null ? this : new Digits(Math.max(significant, o.significant), Math.max(whole, o.whole),
                    Math.max(fraction, o.fraction), letters || o.letters);
        }
    }

    private ExactNumbers() {
    }

    /**
     * {@code ds} with its CSV sides reading the DOUBLE columns that need it as DECIMAL or text. Reads the values of
     * those columns once (only CSV sides with a DOUBLE column pay this read).
     *
     * @param legacy the legacy side's columns as stored (before the dataset's renames)
     */
    public static DatasetConfig resolve(DuckDbSession session, DatasetConfig ds, List<Path> legacyFiles,
            List<Column> legacy, List<Path> newFiles, List<Column> current) {
        Map<String, String> renames = ds.renames("legacy");
        Map<String, Column> legacyByName = byComparedName(legacy, renames);
        Map<String, Column> newByName = byComparedName(current, Map.of());
        Map<String, Digits> legacyDigits = digits(session, ds, ds.csv("legacy"), legacyFiles, legacyByName);
        Map<String, Digits> newDigits = digits(session, ds, ds.csv("new"), newFiles, newByName);
        if (legacyDigits.isEmpty() && newDigits.isEmpty()) {
            return ds;
        }
        Map<String, String> legacyTypes = new LinkedHashMap<>();
        Map<String, String> newTypes = new LinkedHashMap<>();
        for (String name : union(legacyDigits, newDigits)) {
            Column l = legacyByName.get(name);
            Column n = newByName.get(name);
            Digits d = legacyDigits.getOrDefault(name, newDigits.get(name)).merge(newDigits.get(name));
            boolean exactPartner = false;
            for (Column partner : new Column[] {legacyDigits.containsKey(name) ? null : l,
                    newDigits.containsKey(name) ? null : n}) {
                if (partner != null && exact(partner)) {
                    exactPartner = true;
                    d = d.merge(digitsOf(partner));
                }
            }
            String type = type(d, exactPartner, ds.tolerances().getOrDefault(name, Tolerance.EXACT));
            if (type == null) {
                continue;
            }
            if (legacyDigits.containsKey(name)) {
                legacyTypes.put(storedName(name, renames), type);
            }
            if (newDigits.containsKey(name)) {
                newTypes.put(name, type);
            }
        }
        if (legacyTypes.isEmpty() && newTypes.isEmpty()) {
            return ds;
        }
        return ds.withCsv(ds.csv("legacy").withColumnTypes(legacyTypes), ds.csv("new").withColumnTypes(newTypes));
    }

    /** The type a DOUBLE column with these digits is read as, or null to keep DOUBLE. */
    static String type(Digits d, boolean exactPartner, Tolerance tolerance) {
        boolean tooLong = d.significant() > DOUBLE_SAFE_DIGITS;
        if (!tooLong && !exactPartner) {
            return null;
        }
        if (!d.letters() && d.whole() + d.fraction() <= MAX_DECIMAL) {
            return "DECIMAL(" + MAX_DECIMAL + "," + d.fraction() + ")";
        }
        return tooLong && tolerance.isExact() ? "VARCHAR" : null;
    }

    /** The digits of each DOUBLE column of a CSV side, read from every value as text; empty for any other side. */
    private static Map<String, Digits> digits(DuckDbSession session, DatasetConfig ds, CsvOptions csv,
            List<Path> files, Map<String, Column> byName) {
        if (files == null || files.isEmpty() || FileLoader.formatOf(files) != FileFormat.CSV) {
            return Map.of();
        }
        Map<String, String> stored = new LinkedHashMap<>(); // compared name to the name in the files
        byName.forEach((name, c) -> {
            if (isFloat(c) && !ds.ignoreColumns().contains(name)) {
                stored.put(name, c.name());
            }
        });
        if (stored.isEmpty()) {
            return Map.of();
        }
        Map<String, String> asText = new LinkedHashMap<>();
        stored.values().forEach(s -> asText.put(s, "VARCHAR"));
        Statement scan = FileLoader.scan(files, csv.withColumnTypes(asText), false, Map.of());
        String point = Sql.literal("[" + (csv.decimal() == '.' ? "." : String.valueOf(csv.decimal())) + "]");
        List<String> select = new ArrayList<>();
        List<String> names = new ArrayList<>(stored.keySet());
        for (int i = 0; i < names.size(); i++) {
            String t = Sql.quote(stored.get(names.get(i)));
            String mantissa = "regexp_replace(" + t + ", '[eE].*$', '')";
            select.add("max(length(trim(regexp_replace(" + mantissa + ", '[^0-9]', '', 'g'), '0'))) AS s" + i);
            select.add("max(length(ltrim(regexp_extract(" + t + ", '^[^0-9]*?([0-9]*)(' || " + point
                    + " || '|$|[eE])', 1), '0'))) AS w" + i);
            select.add("max(length(rtrim(regexp_extract(" + mantissa + ", " + point + " || '([0-9]*)', 1), '0'))) AS f"
                    + i);
            select.add("bool_or(regexp_matches(" + t + ", '[A-Za-z]')) AS a" + i);
        }
        Map<String, Object> row = FileLoader.query(session, new Statement("digits of decimal columns",
                "SELECT " + String.join(", ", select) + " FROM " + scan.sql(), scan.params()), files, csv).get(0);
        Map<String, Digits> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), new Digits(count(row.get("s" + i)), count(row.get("w" + i)),
                    count(row.get("f" + i)), Boolean.TRUE.equals(row.get("a" + i))));
        }
        return out;
    }

    private static int count(Object v) {
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static Map<String, Column> byComparedName(List<Column> columns, Map<String, String> renames) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (Column c : columns) {
            if (!c.name().startsWith(FileLoader.ENGINE_PREFIX)) {
                out.put(renames.getOrDefault(c.name(), c.name()), c);
            }
        }
        return out;
    }

    private static String storedName(String compared, Map<String, String> renames) {
        return renames.entrySet().stream().filter(e -> e.getValue().equals(compared)).map(Map.Entry::getKey)
                .findFirst().orElse(compared);
    }

    private static List<String> union(Map<String, Digits> a, Map<String, Digits> b) {
        List<String> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(out::add);
        return out;
    }

    private static boolean isFloat(Column c) {
        return c.isFloat();
    }

    /** A number type that holds its values exactly: an integer or a DECIMAL. */
    static boolean exact(Column c) {
        return c.isNumeric() && !c.isFloat();
    }

    /** The whole and fraction digits a typed exact column holds. */
    static Digits digitsOf(Column c) {
        return new Digits(0, c.wholeDigits(), Math.max(c.scale(), 0), false);
    }
}
