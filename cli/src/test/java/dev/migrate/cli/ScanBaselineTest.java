package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scan --write-baseline} and {@code --baseline} on copies of the sample estates, as CI would run them. */
class ScanBaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode json(CliRun r) throws IOException {
        return JSON.readTree(r.out());
    }

    /**
     * A baseline of an estate keeps the gate green after unrelated edits (lines inserted above findings, a file turned
     * CRLF, the tree scanned from another place under another path) and turns it red for a new finding only.
     */
    @ParameterizedTest
    @CsvSource({"legacy-host, etc/crontab, var/spool/cron/crontabs/etl", "k2-platform, docker-compose.v2.yml, docker/offload/flows/prefect.yaml"})
    void aBaselineFailsOnlyOnNewFindings(String sample, String insertInto, String toCrlf) throws IOException {
        Path estate = CutoverK2PlatformTest.copy(CutoverK2PlatformTest.ROOT.resolve("samples/" + sample), tmp.resolve("a/" + sample));
        Path baseline = tmp.resolve("scan-baseline.json");
        CliRun write = CliRun.of("scan", estate.toString(), "--write-baseline", baseline.toString(), "--fail-on", "info",
                "--format", "json");
        assertThat(write.exitCode()).as("the findings just recorded are baselined").isZero();
        int findings = json(write).at("/summary/findings").asInt();
        assertThat(findings).isGreaterThan(5);
        assertThat(json(write).at("/summary/baselined").asInt()).isEqualTo(findings);
        assertThat(write.err()).contains("wrote baseline " + baseline + " (" + findings + " findings)");
        assertThat(CliRun.of("scan", estate.toString(), "--fail-on", "info").exitCode()).as("without it: red").isEqualTo(1);
        String bytes = Files.readString(baseline);
        assertThat(bytes.lines().filter(l -> l.startsWith("    {\"code\":")).count()).isEqualTo(findings);

        // unrelated edits, and the same tree moved and named through another path
        Path moved = CutoverK2PlatformTest.copy(estate, tmp.resolve("b/elsewhere/" + sample));
        Path file = moved.resolve(insertInto);
        Files.writeString(file, "# owned by the data platform team\n#\n\n" + Files.readString(file));
        Path crlf = moved.resolve(toCrlf);
        Files.writeString(crlf, Files.readString(crlf).replace("\r\n", "\n").replace("\n", "\r\n"));
        String roundabout = tmp.resolve("b/elsewhere/../elsewhere/" + sample).toString();
        CliRun same = CliRun.of("scan", roundabout, "--baseline", baseline.toString(), "--fail-on", "info", "--format", "json");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(json(same).at("/summary/findings").asInt()).isEqualTo(findings);
        assertThat(json(same).at("/summary/baselined").asInt()).isEqualTo(findings);
        assertThat(json(same).at("/summary/baselineAbsent").asInt()).isZero();

        // a new job is a new finding: red, and only it is new
        Files.createDirectories(moved.resolve("etc/cron.d"));
        Files.writeString(moved.resolve("etc/cron.d/added"), "15 5 * * * root /opt/jobs/added-after-the-baseline.sh\n");
        CliRun red = CliRun.of("scan", moved.toString(), "--baseline", baseline.toString(), "--fail-on", "breaking");
        assertThat(red.exitCode()).isEqualTo(1);
        assertThat(red.out()).contains("etc/cron.d/added:1:1: CRN001 [breaking]")
                .contains((findings + 1) + " findings").contains(findings + " of them baselined");
        assertThat(red.out().lines().filter(l -> l.contains(": CRN001 [breaking]") && !l.endsWith("(baselined)")))
                .singleElement().asString().startsWith("etc/cron.d/added:1:1:");

        // writing again gives the same bytes
        Path again = tmp.resolve("again.json");
        assertThat(CliRun.of("scan", estate.toString(), "-q", "--write-baseline", again.toString()).exitCode()).isZero();
        assertThat(Files.readString(again)).isEqualTo(bytes);
    }

    @Test
    void sarifSaysNewUnchangedAndAbsent() throws IOException {
        Path estate = CutoverK2PlatformTest.copy(CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host"), tmp.resolve("lh"));
        Path baseline = tmp.resolve("b.json");
        assertThat(CliRun.of("scan", estate.toString(), "-q", "--write-baseline", baseline.toString()).exitCode()).isZero();
        Files.delete(estate.resolve("etc/anacrontab"));
        Files.writeString(estate.resolve("etc/cron.d/added"), "15 5 * * * root /opt/jobs/added.sh\n");
        CliRun r = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString(), "--format", "sarif",
                "--fail-on", "breaking");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        List<JsonNode> results = StreamSupport.stream(run.get("results").spliterator(), false).toList();
        assertThat(results).extracting(n -> n.get("baselineState").asText()).containsOnly("new", "unchanged", "absent");
        assertThat(results.stream().filter(n -> n.get("baselineState").asText().equals("new")))
                .singleElement().satisfies(n -> assertThat(n.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText()).isEqualTo("etc/cron.d/added"));
        List<JsonNode> absent = results.stream().filter(n -> n.get("baselineState").asText().equals("absent")).toList();
        assertThat(absent).hasSize(8).allSatisfy(n -> {
            assertThat(n.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("etc/anacrontab");
            assertThat(n.get("kind").asText()).isEqualTo("pass");
        });
        assertThat(run.at("/properties/baselineAbsent").asInt()).isEqualTo(8);

        CliRun terminal = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString());
        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.out()).contains("8 baseline entries match no finding (fixed or changed: rewrite the baseline "
                + "with --write-baseline)")
                .contains("Baseline entries that match no finding (8; rewrite it with --write-baseline)\n"
                        + "etc/anacrontab: CRN001 \"1 5 cron.daily run-parts --report /etc/cron.daily\"\n");
    }

    @Test
    void aMissingBrokenOrNewerBaselineIsInvalidInput() throws IOException {
        Path estate = CutoverK2PlatformTest.copy(CutoverK2PlatformTest.ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        Path baseline = tmp.resolve("b.json");
        CliRun missing = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString(), "--fail-on", "info");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("migrate: --baseline " + baseline + " does not exist; write one with migrate scan "
                + "PATH --write-baseline " + baseline + "\n");

        assertThat(CliRun.of("scan", estate.toString(), "-q", "--write-baseline", baseline.toString()).exitCode()).isZero();
        String good = Files.readString(baseline);
        Files.writeString(baseline, good.replaceFirst("\"occurrence\":1,", "\"occurrence\":1"));
        CliRun broken = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString(), "--fail-on", "info");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).startsWith("migrate: " + baseline + ":5:").contains("not valid JSON")
                .contains("write it again with migrate scan PATH --write-baseline").doesNotContain("Exception");

        Files.writeString(baseline, good.replace("\"migrateBaseline\": 1", "\"migrateBaseline\": 7"));
        CliRun newer = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString());
        assertThat(newer.exitCode()).isEqualTo(2);
        assertThat(newer.err()).startsWith("migrate: " + baseline + ":2:22: written in baseline format 7 by a newer migrate");

        Files.write(baseline, new byte[] {'{', '\n', (byte) 0xff, '\n'});
        assertThat(CliRun.of("scan", estate.toString(), "--baseline", baseline.toString()).err())
                .startsWith("migrate: " + baseline + ":2:1: not UTF-8 text (byte 0xff)");

        CliRun dir = CliRun.of("scan", estate.toString(), "--baseline", tmp.toString());
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is not a file");
        CliRun nowhere = CliRun.of("scan", estate.toString(), "--write-baseline", tmp.resolve("no/such/dir/b.json").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("does not exist; create it or choose another path");
    }

    @Test
    void selectedCodesOnlyAreWrittenAndJudged() throws IOException {
        Path estate = CutoverK2PlatformTest.copy(CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host"), tmp.resolve("lh"));
        Path baseline = tmp.resolve("b.json");
        assertThat(CliRun.of("scan", estate.toString(), "-q", "--select", "CRN", "--write-baseline", baseline.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(baseline)).contains("\"code\":\"CRN001\"").doesNotContain("\"code\":\"SYD");
        // the other codes are new against it, and its CRN entries are not absent under another --select
        assertThat(CliRun.of("scan", estate.toString(), "--baseline", baseline.toString(), "--fail-on", "info").exitCode())
                .isEqualTo(1);
        CliRun other = CliRun.of("scan", estate.toString(), "--baseline", baseline.toString(), "--select", "SYD",
                "--format", "json");
        assertThat(json(other).at("/summary/baselined").asInt()).isZero();
        assertThat(json(other).at("/summary/baselineAbsent").asInt()).isZero();
    }
}
