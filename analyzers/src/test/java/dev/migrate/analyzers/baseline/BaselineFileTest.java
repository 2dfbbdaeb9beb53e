package dev.migrate.analyzers.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineFileTest {
    private static final List<BaselineEntry> ENTRIES = List.of(
            new BaselineEntry("CRN001", "etc/cron.d/etl", "cron-nightly-18332f5a", "0 2 * * * etl /opt/nightly.sh", 1),
            new BaselineEntry("PF102", "flows/a.py", "prefect1-a-0a1b2c3d", "from prefect import Flow", 2),
            new BaselineEntry("PF102", "flows/a.py", "prefect1-a-0a1b2c3d", "from prefect import Flow", 1),
            new BaselineEntry("CFG003", "k8s/bad.yaml", "", "", 1),
            new BaselineEntry("CRN001", "etc/cron.d/données", "cron-x-00000000", "say \"hi\"\\there", 1));

    @Test
    void theFileIsSortedOneEntryPerLineAndTheSameWhateverTheOrder() {
        List<BaselineEntry> shuffled = new ArrayList<>(ENTRIES);
        Collections.reverse(shuffled);
        String text = BaselineFile.write(ENTRIES);
        assertThat(BaselineFile.write(shuffled)).isEqualTo(text);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(ENTRIES.size() + 6);
        List<String> entryLines = lines.subList(4, 4 + ENTRIES.size());
        assertThat(entryLines).allMatch(l -> l.startsWith("    {\"code\":"));
        assertThat(entryLines.get(0)).contains("etc/cron.d/données");
        assertThat(entryLines.get(1)).contains("etc/cron.d/etl");
        assertThat(entryLines.get(2)).contains("\"occurrence\":1");
        assertThat(entryLines.get(3)).contains("\"occurrence\":2");
        assertThat(entryLines.get(4)).contains("k8s/bad.yaml");
        assertThat(BaselineFile.read("b.json", text)).containsExactlyInAnyOrderElementsOf(ENTRIES);
        assertThat(BaselineFile.read("b.json", BaselineFile.write(List.of()))).isEmpty();
    }

    @Test
    void controlCharactersAndBidiOverridesAreWrittenAsEscapes() {
        BaselineEntry tricky = new BaselineEntry("CRN001", "etc/crontab", "cron-x-00000000",
                "0 1 * * * root /opt/a.sh # \u202e hs.b/tpo \u0085\u007f\u001b[31m", 1);
        String text = BaselineFile.write(List.of(tricky));
        assertThat(text).contains("# \\u202E hs.b/tpo \\u0085\\u007F\\u001B[31m")
                .doesNotContain("\u202e").doesNotContain("\u001b").doesNotContain("\u0085");
        assertThat(BaselineFile.read("b.json", text)).containsExactly(tricky);
    }

    @Test
    void brokenJsonIsReportedWhereItIs() {
        String text = BaselineFile.write(ENTRIES);
        String broken = text.replaceFirst("\\},\n", "}\n");
        assertThatThrownBy(() -> BaselineFile.read("ci/b.json", broken)).isInstanceOf(InvalidBaselineException.class)
                .hasMessageStartingWith("ci/b.json:6:5: not valid JSON: ")
                .hasMessageEndingWith("fix the file, or write it again with migrate scan PATH --write-baseline ci/b.json");
        // a baseline cut short (a disk full, an interrupted copy): what is wrong, without Jackson's own source settings
        assertThatThrownBy(() -> BaselineFile.read("b.json", text.substring(0, text.length() / 2)))
                .hasMessageContaining("not valid JSON: Unexpected end-of-input").hasMessageNotContaining("Source:")
                .hasMessageNotContaining("REDACTED");
        assertThatThrownBy(() -> BaselineFile.read("b.json", "")).hasMessageStartingWith("b.json:1:1: the file is empty");
        assertThatThrownBy(() -> BaselineFile.read("b.json", "[]")).hasMessageStartingWith("b.json:1:1: expected a JSON object");
        assertThatThrownBy(() -> BaselineFile.read("b.json", text + "x"))
                .hasMessageStartingWith("b.json:" + (text.lines().count() + 1) + ":1:");
    }

    @Test
    void aBrokenEntryIsReportedAtItsLine() {
        String text = BaselineFile.write(ENTRIES);
        assertThatThrownBy(() -> BaselineFile.read("b.json", text.replaceFirst("\"occurrence\":1,", "")))
                .hasMessageStartingWith("b.json:5:5: entry without an \"occurrence\" of 1 or more");
        assertThatThrownBy(() -> BaselineFile.read("b.json", text.replaceFirst("\"job\":", "\"jobb\":")))
                .hasMessageStartingWith("b.json:5:5: unknown field \"jobb\" in an entry");
        assertThatThrownBy(() -> BaselineFile.read("b.json", text.replaceFirst("\"text\":\"\"", "\"text\":null")))
                .hasMessageStartingWith("b.json:9:5: entry without a text \"text\" field");
    }

    @Test
    void aNewerFormatOrAnotherFileIsAClearError() {
        String text = BaselineFile.write(ENTRIES);
        assertThatThrownBy(() -> BaselineFile.read("b.json", text.replace("\"migrateBaseline\": 1", "\"migrateBaseline\": 2")))
                .hasMessageStartingWith("b.json:2:22: written in baseline format 2 by a newer migrate; this one reads format 1");
        assertThatThrownBy(() -> BaselineFile.read("scan.sarif", "{\"version\": \"2.1.0\", \"runs\": []}"))
                .hasMessageStartingWith("scan.sarif:1:1: not a migrate baseline (no \"migrateBaseline\" field)");
        assertThatThrownBy(() -> BaselineFile.read("b.json", "{\"migrateBaseline\": 1}"))
                .hasMessageStartingWith("b.json:1:1: no \"entries\" list");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirPlace() {
        byte[] text = BaselineFile.write(ENTRIES).getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = BaselineFile.write(ENTRIES).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BaselineFile.read("b.json", text)).hasSize(ENTRIES.size());
        // "données" in ISO-8859-1: the é is byte 0xe9 on line 5
        assertThatThrownBy(() -> BaselineFile.read("b.json", latin1))
                .hasMessageStartingWith("b.json:5:").hasMessageContaining("not UTF-8 text (byte 0xe9)");
    }
}
