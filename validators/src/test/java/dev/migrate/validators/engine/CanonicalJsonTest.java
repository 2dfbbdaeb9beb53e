package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one spelling of a JSON value that both sides of a comparison are read through. */
class CanonicalJsonTest {
    @Test
    void keyOrderWhitespaceAndNumberSpellingDoNotMatter() {
        String jsonb = "{\"b\": [1, 2.50, {\"y\": 1e2, \"x\": -0.0}], \"a\": \"Zo\\u00eb\"}";
        String struct = "{\"a\":\"Zoë\",\"b\":[1.0,2.5,{\"x\":0,\"y\":100}]}";
        assertThat(CanonicalJson.of(jsonb)).isEqualTo(CanonicalJson.of(struct))
                .isEqualTo("{\"a\":\"Zoë\",\"b\":[1,2.5,{\"x\":0,\"y\":100}]}");
    }

    @Test
    void aNullMemberIsAnAbsentOneAndTheLastOfRepeatedKeysIsKept() {
        assertThat(CanonicalJson.of("{\"a\": 1, \"gone\": null, \"a\": 2}")).isEqualTo("{\"a\":2}");
        // a null element of a list is data: its position counts
        assertThat(CanonicalJson.of("[null, 1]")).isEqualTo("[null,1]");
    }

    @Test
    void valuesThatDifferStayApart() {
        assertThat(CanonicalJson.of("{\"n\": 1}")).isNotEqualTo(CanonicalJson.of("{\"n\": \"1\"}"));
        assertThat(CanonicalJson.of("[1, 2]")).isNotEqualTo(CanonicalJson.of("[2, 1]"));
        assertThat(CanonicalJson.of("{\"n\": 0.1}")).isNotEqualTo(CanonicalJson.of("{\"n\": 0.10000000000000001}"));
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedOneWay() {
        assertThat(CanonicalJson.of("[\"a\\u0001b\\/c\\td\\\"e\\\\f\\u00e9\\u2028\"]"))
                .isEqualTo("[\"a\\u0001b/c\\td\\\"e\\\\fé\u2028\"]");
        assertThat(CanonicalJson.of("{\"k\\n\": 1}")).isEqualTo("{\"k\\n\":1}");
    }

    @Test
    void numbersAreTheirShortestExactDecimal() {
        assertThat(CanonicalJson.of("[-0, -0.0, 0.000, 10, 12.50, 3.00, -3.10, 1E2, 1.5e-3, 2e1400, 100.0e-2]"))
                .isEqualTo("[0,0,0,10,12.5,3,-3.1,100,0.0015,2E+1400,1]");
    }

    /**
     * The streaming writer agrees with the canonical form defined over a Jackson tree (sorted keys, null members left
     * out, the last of repeated keys, exact numbers) on random documents with keys in any order, repeats and nulls.
     */
    @Test
    void agreesWithTheTreeDefinitionOnRandomDocuments() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String doc = randomValue(random, 0);
            assertThat(CanonicalJson.of(doc)).as(doc).isEqualTo(TreeForm.of(doc));
        }
    }

    @Test
    void oneValueFollowedByMoreTextIsNoJson() {
        assertThat(CanonicalJson.of("{\"a\": 1} {\"b\": 2}")).isEqualTo("{\"a\": 1} {\"b\": 2}");
        assertThat(CanonicalJson.of("  [1, 2]  ")).isEqualTo("[1,2]");
    }

    @Test
    void textsThatBreakTheGrammarStayAsWritten() {
        for (String bad : List.of("{\"a\":}", "[1,]", "{'a': 1}", "\"raw\ttab\"", "01", "1.", ".5", "+1", "[1 2]",
                "{\"a\" 1}", "\"\\x\"", "tru", "[\"\\u12G4\"]", "{\"a\": 1,}", "[", "\"open", "nul", "{\"a\": nullx}",
                "-", "1e", "1e+", "[".repeat(1500) + "]".repeat(1500))) {
            assertThat(CanonicalJson.of(bad)).as(bad).isEqualTo(bad);
        }
    }

    private static final String[] KEYS = {"a", "b", "id", "Z", "é", "a b", "qty", "\\n"};

    private static String randomValue(Random r, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(5) : r.nextInt(7);
        return switch (kind) {
            case 0 -> {
                List<String> members = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    members.add("\"" + KEYS[r.nextInt(KEYS.length)] + "\"" + (r.nextBoolean() ? ": " : ":")
                            + randomValue(r, depth + 1));
                }
                yield "{" + String.join(r.nextBoolean() ? ", " : ",", members) + "}";
            }
            case 1 -> {
                List<String> items = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    items.add(randomValue(r, depth + 1));
                }
                yield "[" + String.join(", ", items) + "]";
            }
            case 2 -> String.valueOf(r.nextInt(2000) - 1000);
            case 3 -> List.of("0.0", "-0.50", "12.500", "1e3", "2.5E-2", "-7.0", "3.14159").get(r.nextInt(7));
            case 4 -> "\"" + List.of("x", "Zo\\u00eb", "tab\\there", "q\\\"t", "", "\\u0007").get(r.nextInt(6)) + "\"";
            case 5 -> r.nextBoolean() ? "true" : "false";
            default -> "null";
        };
    }

    /** The canonical form as defined over a Jackson tree: the reference the streaming writer is checked against. */
    private static final class TreeForm {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        static String of(String text) {
            try {
                StringBuilder out = new StringBuilder();
                write(MAPPER.readTree(text), out);
                return out.toString();
            } catch (Exception e) {
                return text;
            }
        }

        private static void write(JsonNode n, StringBuilder out) throws Exception {
            if (n.isObject()) {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                n.fields().forEachRemaining(m -> {
                    if (!m.getValue().isNull()) {
                        members.add(m);
                    }
                });
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(MAPPER.writeValueAsString(members.get(i).getKey()))
                            .append(':');
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
                out.append(CanonicalJson.number(n.decimalValue()));
            } else {
                out.append(n.isTextual() ? MAPPER.writeValueAsString(n.textValue()) : n.toString());
            }
        }
    }

    @Test
    void aTextThatIsNoJsonStaysAsWritten() {
        assertThat(CanonicalJson.of("n/a")).isEqualTo("n/a");
        assertThat(CanonicalJson.of("")).isEqualTo("");
        assertThat(CanonicalJson.of(null)).isNull();
    }

    /** Registered in the engine, the function reads a STRUCT (written as JSON by the cast) like the text. */
    @Test
    void theEngineFunctionReadsStructsAndTextAlike() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            CanonicalJson.register(c);
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + CanonicalJson.FUNCTION
                    + "(CAST(TRY_CAST({'b': 2.50::DOUBLE, 'a': NULL} AS JSON) AS VARCHAR)), " + CanonicalJson.FUNCTION
                    + "('{\"b\" : 2.5}')")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("{\"b\":2.5}").isEqualTo(r.getString(2));
            }
        }
    }
}
