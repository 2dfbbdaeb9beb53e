package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in one clear line naming the file (and line), a non-zero exit, and no stack trace. */
class ValidateBadInputTest {
    @TempDir
    Path tmp;

    private Path config(String datasetExtras) throws IOException {
        Path cfg = tmp.resolve("validate.yaml");
        Files.writeString(cfg, """
                connections:
                  old: {type: directory, path: prod}
                  new: {type: directory, path: dev}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - name: d
                        files: "d_*.csv"
                        key: id
                """ + datasetExtras.indent(8));
        return cfg;
    }

    private void write(String side, String name, String text) throws IOException {
        write(side, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String side, String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(side).resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }

    private CliRun run(Path cfg) {
        return CliRun.of("validate", cfg.toString(), "--no-store", "--threads", "1");
    }

    private static void assertOneLine(CliRun run, int exit) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void goodInputMatches() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n2,b\n");
        write("dev", "d_20240302.csv", "id,name\n2,b\n1,a\n");
        CliRun run = run(config(""));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("result: match");
    }

    @Test
    void formatTakesScansSpellingOfMarkdown() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("dev", "d_20240302.csv", "id,name\n1,a\n");
        Path config = config("");
        CliRun md = CliRun.of("validate", config.toString(), "--no-store", "--format", "md");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).isEqualTo(CliRun.of("validate", config.toString(), "--no-store", "--format", "markdown").out());
        CliRun bad = CliRun.of("validate", config.toString(), "--no-store", "--format", "xml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'xml' is not a format; use one of text, json, markdown, junit");
    }

    @Test
    void malformedRowNamesFileAndLine() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n2,b,extra\n3,c\n");
        write("dev", "d_20240301.csv", "id,name\n1,a\n2,b\n3,c\n");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("prod/d_20240301.csv:3: row has 3 fields but the header has 2");
    }

    @Test
    void unterminatedQuoteNamesFileAndLine() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n2,\"b\n3,c\n");
        write("dev", "d_20240301.csv", "id,name\n1,a\n2,b\n3,c\n");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("prod/d_20240301.csv:3:3: a quoted field is never closed");
    }

    @Test
    void mixedEncodingNamesFileLineAndColumn() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,caf\u00e9\n2,b\n");
        byte[] latin1 = "id,name\n1,caf\u00e9\n2,b\n".getBytes(StandardCharsets.ISO_8859_1);
        write("dev", "d_20240301.csv", latin1);
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("dev/d_20240301.csv:2:6: byte 0xE9 is not UTF-8").contains("csv.encoding");
    }

    @Test
    void emptyFileIsBadInput() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("dev", "d_20240301.csv", "");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("dev/d_20240301.csv: the file is empty (0 bytes)").contains("allow_empty")
                // allow_empty alone would not do for a CSV without its header: the hint says both steps
                .contains("write the header even when it has no rows and set allow_empty: true");
    }

    @Test
    void headerOnlyFileIsBadInputUnlessAllowed() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n");
        write("dev", "d_20240301.csv", "id,name\n");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("prod/d_20240301.csv: the file has no data rows");

        CliRun allowed = run(config("allow_empty: true"));
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();

        // a 0-byte file has no header: allowed empty or not, its columns are unknown, which the error says
        write("prod", "d_20240301.csv", "");
        CliRun noHeader = run(config("allow_empty: true"));
        assertOneLine(noHeader, 2);
        assertThat(noHeader.err()).contains("prod/d_20240301.csv: the file is empty (0 bytes), without the header")
                .doesNotContain("column0");
    }

    @Test
    void duplicateKeysNameTheKeyAndFile() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n2,b\n2,c\n");
        write("dev", "d_20240301.csv", "id,name\n1,a\n2,b\n");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("prod/d_20240301.csv")
                .contains("duplicate key in the legacy output of dataset 'd': (id=2) appears 2 times")
                .contains("jobs[0].datasets[0].key");
    }

    @Test
    void toleranceOnATextColumnIsAMismatchedType() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("dev", "d_20240301.csv", "id,name\n1,a\n");
        CliRun run = run(config("tolerances: {name: {absolute: 1}}"));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("jobs[0].datasets[0].tolerances.name: column 'name' is VARCHAR");
    }

    @Test
    void keyTypesThatDifferStillCompareByText() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n2,b\n");
        write("dev", "d_20240301.csv", "id,name\nx1,a\n2,b\n");
        CliRun run = run(config(""));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("type changed: 'id' is BIGINT in legacy and VARCHAR in new")
                .contains("1 missing from new, 1 extra in new");
    }

    @Test
    void unknownKeyColumnNamesTheConfigPath() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("dev", "d_20240301.csv", "id,name\n1,a\n");
        Path cfg = config("");
        Files.writeString(cfg, Files.readString(cfg).replace("key: id", "key: order_id"));
        CliRun run = run(cfg);
        assertOneLine(run, 2);
        assertThat(run.err()).contains("jobs[0].datasets[0].key: column 'order_id' is not in the legacy output");
    }

    @Test
    void aKeyWhoseHeaderChangedCaseIsNamedAsTheLikelyColumn() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("dev", "d_20240301.csv", "ID,name\n1,a\n");
        CliRun run = run(config(""));
        assertOneLine(run, 2);
        assertThat(run.err()).contains("jobs[0].datasets[0].key: column 'id' is not in the new output")
                .contains("did you mean 'ID'? Names match exactly, case included");
    }

    @Test
    void mixedFormatsInOneDatasetAreRejected() throws IOException {
        write("prod", "d_20240301.csv", "id,name\n1,a\n");
        write("prod", "d_20240302.json", "[{\"id\": 1}]");
        write("dev", "d_20240301.csv", "id,name\n1,a\n");
        Path cfg = config("");
        Files.writeString(cfg, Files.readString(cfg).replace("\"d_*.csv\"", "\"d_*\""));
        CliRun run = run(cfg);
        assertOneLine(run, 2);
        assertThat(run.err()).contains("mix formats");
    }
}
