package dev.migrate.rewriters.envfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.text.RandomText;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvFileTest {
    private static final String ENV = """
            # Prefect settings
            export PREFECT_API_URL=http://prefect:4200/api   # the server
            PREFECT_ORION_DATABASE_CONNECTION_URL='postgresql+asyncpg://u:p@db/prefect'
            GREETING="hello \\"world\\"\\nsecond"
              SPACED = value with spaces
            MULTI="line one
            line two"
            EMPTY=
            this is not valid
            BROKEN="no end
            """;

    @Test
    void printsByteForByte() {
        assertThat(EnvFile.parse(ENV).print()).isEqualTo(ENV);
        String crlf = ENV.replace("\n", "\r\n");
        assertThat(EnvFile.parse(crlf).print()).isEqualTo(crlf);
    }

    @Test
    void decodesValues() {
        EnvFile f = EnvFile.parse(ENV);
        assertThat(f.variables()).containsExactly(
                Map.entry("PREFECT_API_URL", "http://prefect:4200/api"),
                Map.entry("PREFECT_ORION_DATABASE_CONNECTION_URL", "postgresql+asyncpg://u:p@db/prefect"),
                Map.entry("GREETING", "hello \"world\"\nsecond"),
                Map.entry("SPACED", "value with spaces"),
                Map.entry("MULTI", "line one\nline two"),
                Map.entry("EMPTY", ""));
        assertThat(f.lineNumber(6)).isEqualTo(8);
        assertThat(f.lines().get(7)).isInstanceOf(EnvLine.Unparsed.class);
        assertThat(((EnvLine.Unparsed) f.lines().get(8)).problem()).isEqualTo("unterminated double quote");
    }

    @Test
    void renamesAndSetsValuesKeepingStyle() {
        EnvFile f = EnvFile.parse(ENV)
                .withRenamed("PREFECT_ORION_DATABASE_CONNECTION_URL", "PREFECT_SERVER_DATABASE_CONNECTION_URL")
                .withValue("PREFECT_API_URL", "http://prefect3:4200/api")
                .withValue("GREETING", "a$b");
        assertThat(f.print()).isEqualTo(ENV
                .replace("PREFECT_ORION_DATABASE", "PREFECT_SERVER_DATABASE")
                .replace("http://prefect:4200/api   #", "http://prefect3:4200/api   #")
                .replace("\"hello \\\"world\\\"\\nsecond\"", "\"a\\$b\""));
        assertThat(f.value("GREETING")).contains("a$b");
    }

    @Test
    void appendsNewVariablesKeepingMissingFinalNewline() {
        assertThat(EnvFile.parse("A=1\r\nB=2").withValue("C", "x y").print()).isEqualTo("A=1\r\nB=2\r\nC=\"x y\"");
        assertThat(EnvFile.parse("A=1\n").withValue("C", "3").print()).isEqualTo("A=1\nC=3\n");
        assertThat(EnvFile.parse("A='q'\n").withValue("A", "it's").print()).isEqualTo("A=\"it's\"\n");
    }

    @Test
    void roundTripsGeneratedInputs() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            String text = RandomText.generate(random, 40);
            assertThat(EnvFile.parse(text).print()).as("input %s", text).isEqualTo(text);
        }
    }
}
