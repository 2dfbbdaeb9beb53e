package dev.migrate.analyzers.sources.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows an SQL dump inserts into one table: {@code INSERT INTO [schema.]table [(col, ...)] VALUES (...), (...);}
 * as mysqldump, pg_dump {@code --inserts} and hand-written seed scripts write them. Values are read as text: quoted
 * strings unquoted ({@code ''} and backslash escapes, PostgreSQL's {@code E'...'}), {@code NULL} as null, anything else
 * as written. Nothing is executed.
 */
final class SqlInserts {
    /** One row: the columns (lower case) by position, its values, and where its opening parenthesis is. */
    record Row(List<String> columns, List<String> values, int offset) {
        /** The value of a column by name, or by its position in the table's own column order when none were named. */
        String get(String column, int defaultPosition) {
            int i = columns.isEmpty() ? defaultPosition : columns.indexOf(column);
            return i >= 0 && i < values.size() ? values.get(i) : null;
        }
    }

    private SqlInserts() {
    }

    static List<Row> rows(String sql, String table) {
        Pattern insert = Pattern.compile("(?i)\\binsert\\s+into\\s+(?:[`\"\\[]?\\w+[`\"\\]]?\\.)?[`\"\\[]?" + Pattern.quote(table)
                + "[`\"\\]]?\\s*(\\(([^)]*)\\))?\\s*values\\s*");
        List<Row> out = new ArrayList<>();
        Matcher m = insert.matcher(sql);
        while (m.find()) {
            List<String> columns = new ArrayList<>();
            if (m.group(2) != null) {
                for (String c : m.group(2).split(",")) {
                    columns.add(c.strip().replaceAll("^[`\"\\[]|[`\"\\]]$", "").toLowerCase(Locale.ROOT));
                }
            }
            int i = m.end();
            while (i < sql.length() && sql.charAt(i) == '(') {
                int start = i;
                List<String> values = new ArrayList<>();
                i = tuple(sql, i + 1, values);
                if (i < 0) {
                    break; // an unterminated row: the dump is cut off here
                }
                out.add(new Row(columns, values, start));
                while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == ',')) {
                    i++;
                }
            }
        }
        return out;
    }

    /** Reads values up to the closing parenthesis; returns the index after it, or -1 when the text ends first. */
    static int tuple(String sql, int i, List<String> values) {
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\''
                    && cur.toString().isBlank()) {
                if (c != '\'') {
                    i++;
                }
                i = string(sql, i + 1, cur);
                if (i < 0) {
                    return -1;
                }
                quoted = true;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                String v = cur.toString().strip();
                values.add(!quoted && v.equalsIgnoreCase("null") ? null : v);
                cur.setLength(0);
                quoted = false;
                if (c == ')') {
                    return i + 1;
                }
                i++;
                continue;
            }
            if (!quoted) {
                cur.append(c);
            }
            i++;
        }
        return -1;
    }

    /** A quoted string's text from after its opening quote; returns the index after the closing quote. */
    private static int string(String sql, int i, StringBuilder out) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < sql.length()) {
                out.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                out.append('\'');
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return -1;
    }
}
