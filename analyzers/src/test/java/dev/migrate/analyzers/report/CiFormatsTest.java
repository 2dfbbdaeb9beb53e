package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.baseline.BaselineState;
import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.Estates;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The formats CI systems read: GitHub workflow commands and GitLab Code Quality. */
class CiFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What GitHub's runner accepts: a command, properties without raw ':' or ',', and a message without a line break. */
    private static final Pattern COMMAND = Pattern.compile(
            "::(error|warning|notice) file=([^:,]+)(?:,line=(\\d+)(?:,col=(\\d+))?)?,title=([^:,]+)::([^\\r\\n]*)");

    private static Inventory of(Finding... findings) {
        return new Inventory("x", List.of(), List.of(findings), List.of(), new ScanStats(1, 1, 1, 0));
    }

    private static Finding finding(String code, Severity s, String message, String path, int line) {
        return new Finding(code, s, Applicability.MANUAL, message, SourceRef.at(path, line, 1), null);
    }

    @Test
    void githubGetsOneWellFormedCommandPerFinding() throws IOException {
        Inventory inv = Estates.scan("mixed");
        String out = ReportFormatsTest.render(ReportFormat.GITHUB, inv);
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(inv.findings().size() + 1);
        for (int i = 0; i < inv.findings().size(); i++) {
            Finding f = inv.findings().get(i);
            Matcher m = COMMAND.matcher(lines.get(i));
            assertThat(m.matches()).as(lines.get(i)).isTrue();
            assertThat(m.group(1)).isEqualTo(GithubAnnotations.command(f.severity()));
            assertThat(m.group(5)).startsWith(f.code());
        }
        assertThat(lines.get(lines.size() - 1)).isEqualTo("migrate scan: " + inv.findings().size() + " findings");
    }

    @Test
    void githubEscapesWhatWouldEndOrForgeACommand() throws IOException {
        String out = ReportFormatsTest.render(ReportFormat.GITHUB, of(finding("CRN001", Severity.BREAKING,
                "runs 50% of the time\n::error file=x::forged", "dir,with:odd/cron tab", 7)));
        String first = out.lines().findFirst().orElseThrow();
        assertThat(first).startsWith("::error file=dir%2Cwith%3Aodd/cron tab,line=7,col=1,title=CRN001")
                .contains("runs 50%25 of the time").doesNotContain("\n::error file=x");
        assertThat(out.lines().filter(l -> l.startsWith("::"))).hasSize(1);
    }

    @Test
    void gitlabIsACodeQualityReportWithFingerprintsThatIgnoreTheLine() throws IOException {
        Inventory inv = Estates.scan("mixed");
        JsonNode issues = JSON.readTree(ReportFormatsTest.render(ReportFormat.GITLAB, inv));
        assertThat(issues.isArray()).isTrue();
        assertThat(issues).hasSize(inv.findings().size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode i : issues) {
            assertThat(i.get("description").asText()).isNotBlank();
            assertThat(i.get("check_name").asText()).matches("[A-Z][A-Z0-9]*[0-9]{3}");
            assertThat(i.get("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(i.at("/location/path").asText()).isNotBlank();
            assertThat(i.at("/location/lines/begin").asInt()).isPositive();
            fingerprints.add(i.get("fingerprint").asText());
        }
        assertThat(fingerprints).as("every finding has its own").hasSize(issues.size());

        Finding here = finding("CRN001", Severity.BREAKING, "cron job x runs outside any orchestrator", "etc/crontab", 3);
        Finding moved = finding("CRN001", Severity.BREAKING, "cron job x runs outside any orchestrator", "etc/crontab", 9);
        Finding other = finding("CRN001", Severity.BREAKING, "cron job y runs outside any orchestrator", "etc/crontab", 3);
        assertThat(fingerprint(of(here), 0)).isEqualTo(fingerprint(of(moved), 0)).isNotEqualTo(fingerprint(of(other), 0));
        // two equal findings stay apart, by which of them each is
        assertThat(fingerprint(of(here, moved), 0)).isNotEqualTo(fingerprint(of(here, moved), 1));
    }

    @Test
    void baselinedFindingsAreLeftOutOfBoth() throws IOException {
        Finding kept = finding("CRN001", Severity.BREAKING, "accepted", "etc/crontab", 3);
        Finding fresh = finding("SYD001", Severity.BREAKING, "new", "etc/systemd/system/a.timer", 5);
        Inventory inv = new Inventory("x", List.of(), new ArrayList<>(List.of(kept, fresh)), List.of(),
                new ScanStats(1, 1, 1, 0), new BaselineState(true, Set.of(kept), List.of()));
        String github = ReportFormatsTest.render(ReportFormat.GITHUB, inv);
        assertThat(github).contains("title=SYD001").doesNotContain("title=CRN001")
                .endsWith("migrate scan: 1 finding (1 more listed in the baseline)\n");
        JsonNode gitlab = JSON.readTree(ReportFormatsTest.render(ReportFormat.GITLAB, inv));
        assertThat(gitlab).hasSize(1);
        assertThat(gitlab.get(0).get("check_name").asText()).isEqualTo("SYD001");
    }

    private static String fingerprint(Inventory inv, int i) throws IOException {
        return JSON.readTree(ReportFormatsTest.render(ReportFormat.GITLAB, inv)).get(i).get("fingerprint").asText();
    }
}
