package dev.migrate.validators.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One text per JSON value, so that the same document compares equal however each side wrote it: a PostgreSQL
 * {@code jsonb} (keys in its own order, {@code ": "} and {@code ", "}, numbers as written), a JSON file's objects,
 * which DuckDB reads as STRUCTs (fields in the order the first object wrote them, floats as doubles), or JSON text in
 * a CSV. Keys are sorted (by code unit), whitespace is dropped, a number is its shortest exact decimal ({@code 1.0},
 * {@code 1.00} and {@code 1} are {@code 1}; {@code 1e2} is {@code 100}), strings are written with JSON's minimal
 * escapes, the last of repeated keys is kept (as jsonb keeps it), and a member whose value is null is left out: a
 * STRUCT holds every field its column has, null where an object lacks the key, so a side read as a STRUCT cannot
 * tell an absent key from a null one. A text that is no JSON is returned as it is.
 *
 * <p>Registered in the embedded engine as {@link #FUNCTION} ({@code VARCHAR -> VARCHAR}), so that hashes, bounds,
 * the key diff and samples all read the same canonical text.
 */
public final class CanonicalJson {
    /** The engine function's name. */
    public static final String FUNCTION = "migrate_canonical_json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private CanonicalJson() {
    }

    /** Adds {@link #FUNCTION} to the engine {@code c} belongs to (its twins share it). */
    static void register(Connection c) throws SQLException {
        try (var builder = org.duckdb.DuckDBFunctions.scalarFunction()) {
            builder.withName(FUNCTION).withParameter(String.class).withReturnType(String.class)
                    .withFunction((String text) -> of(text)).register(c);
        }
    }

    /** The canonical text of the JSON value {@code text}; {@code text} itself when it is no JSON; null for null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
        if (node == null || node.isMissingNode()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                if (!m.getValue().isNull()) {
                    members.add(m);
                }
            }
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(n.get(i), out);
            }
            out.append(']');
        } else if (n.isNumber()) {
            out.append(number(n.decimalValue()));
        } else if (n.isTextual()) {
            string(n.textValue(), out);
        } else {
            out.append(n.toString()); // true, false, null
        }
    }

    /** The shortest exact decimal: no exponent, no trailing fraction zeros, zero without a sign. */
    static String number(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = d.stripTrailingZeros();
        // 1e400 as 401 digits would only cost memory: both sides write the same exponent form
        return Math.abs(stripped.scale()) > 1000 ? stripped.toString() : stripped.toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        try {
            out.append(MAPPER.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Java string is always writable as JSON", e);
        }
    }
}
