package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.CsvOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quoted field that never closes is named at its line and the column of its opening quote. */
class CsvDiagnoserTest {
    @TempDir
    Path tmp;

    private String diagnose(String text, CsvOptions o) throws Exception {
        Path f = Files.writeString(tmp.resolve("t.csv"), text);
        return CsvDiagnoser.diagnose(f, o).orElseThrow().replace(f.toString(), "t.csv");
    }

    @Test
    void namesTheColumnOfTheOpeningQuote() throws Exception {
        assertThat(diagnose("id,name,note\n1,a,b\n2,\"x \"\"y\"\" z\",\"open\n3,c,d\n", CsvOptions.DEFAULT))
                .startsWith("t.csv:3:15: a quoted field is never closed (unbalanced \")");
        assertThat(diagnose("id\tname\n1\ta\n2\t\"b\n", new CsvOptions('\t', '"', true, "utf-8")))
                .startsWith("t.csv:3:3: a quoted field is never closed");
    }

    @Test
    void aRecordWithAClosedMultiLineFieldNamesTheQuoteThatStaysOpen() throws Exception {
        // the quote opened on line 2 closes on line 3, where the next field opens and never closes
        assertThat(diagnose("id,note,x\r\n1,\"first\r\nsecond\",\"x\r\n2,a,b\r\n", CsvOptions.DEFAULT))
                .startsWith("t.csv:3:9: a quoted field is never closed");
    }
}
