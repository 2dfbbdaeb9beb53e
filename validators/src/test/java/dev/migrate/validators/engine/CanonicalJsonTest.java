package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
