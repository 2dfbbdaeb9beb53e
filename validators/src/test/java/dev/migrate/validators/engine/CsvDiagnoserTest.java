package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.CsvOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aFileThatMixesLineEndingsIsNamedAtTheFirstLineThatEndsOtherwise() throws Exception {
        // a header written by hand, then csv.writer's rows
        assertThat(diagnose("id,v\n1,a\r\n2,b\r\n", CsvOptions.DEFAULT))
                .startsWith("t.csv:2: this line ends with \\r\\n where line 1 ends with \\n: the file mixes line endings");
        // line breaks inside quoted values are data: the record endings agree until line 6
        assertThat(diagnose("id,v\r\n1,\"a\nb\"\r\n2,\"c\"\"\r\n\"\r\n3,d\n", CsvOptions.DEFAULT))
                .startsWith("t.csv:6: this line ends with \\n where line 1 ends with \\r\\n");
    }

    @Test
    void oneLineEndingThroughoutIsNoProblem() throws Exception {
        for (String text : List.of("id,v\r\n1,\"a\nb\"\r\n", "id,v\n1,\"a\r\nb\"\n2,c", "id,v\r1,a\r")) {
            Path f = Files.writeString(tmp.resolve("ok.csv"), text);
            assertThat(CsvDiagnoser.firstOtherLineEnding(f, CsvOptions.DEFAULT)).as(text).isEmpty();
        }
    }

    /** Spark and MySQL exports escape a quote with a backslash by default: the message says so, and what CSV expects. */
    @Test
    void aQuoteEscapedWithABackslashIsNamedAsTheCause() throws Exception {
        assertThat(diagnose("id,v\n1,a\n2,\"say \\\"hi\\\"\"\n", CsvOptions.DEFAULT))
                .startsWith("t.csv:3: a quoted field is never closed")
                .contains("the row escapes a quote with a backslash (\\\"), which CSV reads as the end of the field",
                        "option(\"escape\", \"\\\"\")");
        assertThat(diagnose("id,v\n1,\"open\n2,b\n", CsvOptions.DEFAULT)).doesNotContain("backslash");
    }
}
