package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.query.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of a JSON object have no order (RFC 8259), but DuckDB types a JSON column of objects as a STRUCT whose
 * fields come in the order the first object wrote its keys: a rewrite that builds its dicts in another order
 * ({"b": .., "a": ..}) reads as another type, and every value as different. When a JSON side's column and the other
 * side's differ only in the order of struct fields (at any depth: structs in lists, in maps), the JSON side is read
 * with the other side's type (DuckDB casts structs by field name), so both compare as one type and one value.
 */
public final class JsonFieldOrder {
    /** Marks the type a JSON side is read with for this reason, among the side's column types. */
    public static final String STRUCT = "STRUCT(";

    private JsonFieldOrder() {
    }

    /**
     * {@code ds} with each JSON side reading such columns with the other side's type (the new side when both are
     * JSON); {@code ds} itself when there is none.
     *
     * @param legacy the legacy side's columns as stored (before the dataset's renames)
     */
    public static DatasetConfig resolve(DatasetConfig ds, List<Path> legacyFiles, List<Column> legacy,
            List<Path> newFiles, List<Column> current) {
        boolean legacyJson = json(legacyFiles);
        boolean newJson = json(newFiles);
        if (!legacyJson && !newJson) {
            return ds;
        }
        Map<String, String> renames = ds.renames("legacy");
        Map<String, String> legacyTypes = new LinkedHashMap<>();
        Map<String, String> newTypes = new LinkedHashMap<>();
        for (Column l : legacy) {
            String name = renames.getOrDefault(l.name(), l.name());
            Column n = current.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (n == null || l.type().equals(n.type()) || !l.type().contains(STRUCT) || !n.type().contains(STRUCT)) {
                continue;
            }
            String canonicalL = canonical(l.type());
            String canonicalN = canonical(n.type());
            if (canonicalL == null || !canonicalL.equals(canonicalN)) {
                continue;
            }
            if (newJson) {
                newTypes.put(n.name(), l.type());
            } else {
                legacyTypes.put(l.name(), n.type());
            }
        }
        if (legacyTypes.isEmpty() && newTypes.isEmpty()) {
            return ds;
        }
        return ds.withCsv(with(ds.csv("legacy"), legacyTypes), with(ds.csv("new"), newTypes));
    }

    private static CsvOptions with(CsvOptions csv, Map<String, String> types) {
        if (types.isEmpty()) {
            return csv;
        }
        Map<String, String> all = new LinkedHashMap<>(csv.columnTypes());
        all.putAll(types);
        return csv.withColumnTypes(all);
    }

    private static boolean json(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        FileFormat f = FileLoader.formatOf(files);
        return f == FileFormat.JSON || f == FileFormat.NDJSON;
    }

    /**
     * A DuckDB type with the fields of every STRUCT sorted by name, or null when the type is not of the shape this
     * reads (then nothing is cast): {@code STRUCT(b VARCHAR, a BIGINT)[]} becomes {@code STRUCT(a BIGINT, b VARCHAR)[]}.
     * Field names are plain identifiers or double-quoted ones without a quote inside, as a cast written from them must
     * stay one name.
     */
    static String canonical(String type) {
        Parser p = new Parser(type);
        String out = p.type();
        return out != null && p.at == type.length() ? out : null;
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        String type() {
            String base;
            if (s.startsWith("STRUCT(", at)) {
                at += "STRUCT(".length();
                base = fields();
            } else if (s.startsWith("MAP(", at)) {
                at += "MAP(".length();
                String k = type();
                if (k == null || !s.startsWith(", ", at)) {
                    return null;
                }
                at += 2;
                String v = type();
                if (v == null || !s.startsWith(")", at)) {
                    return null;
                }
                at++;
                base = "MAP(" + k + ", " + v + ")";
            } else {
                base = simple();
            }
            if (base == null) {
                return null;
            }
            StringBuilder out = new StringBuilder(base);
            while (at < s.length() && s.charAt(at) == '[') {
                int end = s.indexOf(']', at);
                if (end < 0) {
                    return null;
                }
                out.append(s, at, end + 1);
                at = end + 1;
            }
            return out.toString();
        }

        /** Fields up to the closing parenthesis, sorted by name. */
        private String fields() {
            List<String[]> fields = new ArrayList<>();
            while (true) {
                String name = name();
                if (name == null || !s.startsWith(" ", at)) {
                    return null;
                }
                at++;
                String t = type();
                if (t == null) {
                    return null;
                }
                fields.add(new String[] {name, t});
                if (s.startsWith(", ", at)) {
                    at += 2;
                } else if (s.startsWith(")", at)) {
                    at++;
                    break;
                } else {
                    return null;
                }
            }
            fields.sort((a, b) -> a[0].compareTo(b[0]));
            List<String> parts = new ArrayList<>();
            fields.forEach(f -> parts.add(f[0] + " " + f[1]));
            return "STRUCT(" + String.join(", ", parts) + ")";
        }

        private String name() {
            if (at < s.length() && s.charAt(at) == '"') {
                int end = s.indexOf('"', at + 1);
                if (end < 0) {
                    return null;
                }
                String quoted = s.substring(at, end + 1);
                at = end + 1;
                return quoted;
            }
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
                at++;
            }
            return at == start ? null : s.substring(start, at);
        }

        /** A type without fields: words (TIMESTAMP WITH TIME ZONE) and parameters (DECIMAL(18,3)). */
        private String simple() {
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_'
                    || s.charAt(at) == ' ' && at + 1 < s.length() && Character.isLetter(s.charAt(at + 1))
                            && at > start)) {
                at++;
            }
            if (at < s.length() && s.charAt(at) == '(') {
                int end = s.indexOf(')', at);
                if (end < 0 || !s.substring(at + 1, end).matches("[0-9, ]*")) {
                    return null;
                }
                at = end + 1;
            }
            return at == start ? null : s.substring(start, at);
        }
    }
}
