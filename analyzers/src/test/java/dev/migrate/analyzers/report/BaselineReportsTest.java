package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.migrate.analyzers.baseline.BaselineEntry;
import dev.migrate.analyzers.baseline.BaselineState;
import dev.migrate.analyzers.baseline.Fingerprints;
import dev.migrate.analyzers.scan.Estates;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every format shows which findings a baseline lists and counts them, and the baseline's stale entries. */
class BaselineReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Inventory plain;
    private static Inventory compared;
    private static final BaselineEntry STALE = new BaselineEntry("CRN001", "etc/cron.d/gone", "cron-gone-00000000",
            "0 1 * * * root /opt/gone.sh --password hunter2", 1);

    /** The "mixed" estate against a baseline that lists all its findings but the first, and one that is gone. */
    @BeforeAll
    static void scan() throws IOException {
        plain = Estates.scan("mixed");
        List<BaselineEntry> current = Fingerprints.of(plain, Estates.path("mixed"), ScanOptions.DEFAULT_MAX_FILE_BYTES);
        List<BaselineEntry> recorded = new ArrayList<>(current.subList(1, current.size()));
        recorded.add(STALE);
        Set<String> codes = plain.findings().stream().map(f -> f.code()).collect(Collectors.toSet());
        codes.add("CRN001");
        compared = plain.withBaseline(BaselineState.compare(plain, current, recorded, codes));
        assertThat(plain.findings().size()).isGreaterThan(3);
    }

    @Test
    void jsonCountsThemAndMarksEveryFindingAndStaysValid() throws IOException {
        JsonNode doc = JSON.readTree(ReportFormatsTest.render(ReportFormat.JSON, compared));
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(doc)).isEmpty();
        }
        assertThat(doc.get("schemaVersion").asText()).isEqualTo(JsonReport.SCHEMA_VERSION);
        assertThat(doc.at("/summary/findings").asInt()).isEqualTo(plain.findings().size());
        assertThat(doc.at("/summary/baselined").asInt()).isEqualTo(plain.findings().size() - 1);
        assertThat(doc.at("/summary/baselineAbsent").asInt()).isEqualTo(1);
        List<String> states = StreamSupport.stream(doc.get("findings").spliterator(), false)
                .map(f -> f.get("baselineState").asText()).toList();
        assertThat(states.get(0)).isEqualTo("new");
        assertThat(states.subList(1, states.size())).containsOnly("unchanged");

        JsonNode none = JSON.readTree(ReportFormatsTest.render(ReportFormat.JSON, plain));
        assertThat(none.at("/summary/baselined").asInt()).isZero();
        assertThat(none.at("/summary/baselineAbsent").asInt()).isZero();
        assertThat(none.get("findings").get(0).has("baselineState")).as("no baseline, no state").isFalse();
    }

    @Test
    void sarifGivesEveryResultItsBaselineState() throws IOException {
        String text = ReportFormatsTest.render(ReportFormat.SARIF, compared);
        JsonNode run = JSON.readTree(text).get("runs").get(0);
        List<JsonNode> results = StreamSupport.stream(run.get("results").spliterator(), false).toList();
        assertThat(results).hasSize(plain.findings().size() + 1);
        assertThat(results).extracting(r -> r.get("baselineState").asText())
                .containsOnly("new", "unchanged", "absent").containsOnlyOnce("new", "absent");
        JsonNode absent = results.stream().filter(r -> r.get("baselineState").asText().equals("absent")).findFirst().orElseThrow();
        assertThat(absent.get("kind").asText()).isEqualTo("pass");
        assertThat(absent.get("level").asText()).isEqualTo("none");
        assertThat(absent.get("ruleId").asText()).isEqualTo("CRN001");
        assertThat(absent.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("etc/cron.d/gone");
        assertThat(run.at("/properties/baselined").asInt()).isEqualTo(plain.findings().size() - 1);
        assertThat(text).doesNotContain("hunter2");
        assertThat(ReportFormatsTest.render(ReportFormat.SARIF, plain)).doesNotContain("baselineState");
    }

    @Test
    void peoplesFormatsCountThemInTheSummaryAndMarkThem() throws IOException {
        int n = plain.findings().size();
        String summary = n + " findings";
        for (ReportFormat f : List.of(ReportFormat.TERMINAL, ReportFormat.MD, ReportFormat.HTML)) {
            String text = ReportFormatsTest.render(f, compared);
            assertThat(text).as(f.name()).contains(summary).contains((n - 1) + " of them baselined")
                    .contains("1 baseline entry matches no finding (fixed or changed: rewrite the baseline with --write-baseline)");
            assertThat(ReportFormatsTest.render(f, plain)).as(f.name()).doesNotContain("baselined");
        }
        String terminal = ReportFormatsTest.render(ReportFormat.TERMINAL, compared);
        assertThat(terminal.lines().filter(l -> l.endsWith("(baselined)")).count()).isEqualTo(n - 1);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(ReportFormatsTest.render(ReportFormat.CSV, compared))).getRecords();
        assertThat(rows.stream().filter(r -> !r.get("code").isEmpty()).map(r -> r.get("baseline")))
                .containsOnly("new", "unchanged").containsOnlyOnce("new");
    }
}
