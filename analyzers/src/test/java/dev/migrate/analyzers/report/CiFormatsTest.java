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
    void githubGetsOneWellFormedCommandPerFindingWithinGithubsLimits() throws IOException {
        Inventory inv = Estates.scan("mixed");
        String out = ReportFormatsTest.render(ReportFormat.GITHUB, inv);
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(inv.findings().size() + 1 + (int) lines.stream().filter(l -> l.contains(" title=migrate scan::")).count());
        List<String> annotated = new ArrayList<>();
        java.util.Map<String, Integer> perKind = new java.util.HashMap<>();
        Severity last = Severity.BREAKING;
        for (String line : lines.subList(0, lines.size() - 1)) {
            if (line.startsWith("  ")) {
                annotated.add(line.strip());
                continue;
            }
            perKind.merge(line.substring(2, line.indexOf(' ')), 1, Integer::sum);
            if (line.contains(" title=migrate scan::")) {
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            Finding f = inv.findings().stream().filter(x -> m.group(6).equals(Printable.line(x.message()).replace("%", "%25"))
                    && m.group(5).startsWith(x.code())).findFirst().orElseThrow();
            assertThat(m.group(1)).isEqualTo(GithubAnnotations.command(f.severity()));
            assertThat(f.severity()).as("most severe first").isGreaterThanOrEqualTo(last);
            last = f.severity();
            annotated.add(f.where() + " " + f.code());
        }
        assertThat(perKind.values()).allMatch(n -> n <= GithubAnnotations.SHOWN_PER_KIND);
        assertThat(annotated).hasSize(inv.findings().size());
        assertThat(lines.get(lines.size() - 1)).startsWith("migrate scan: " + inv.findings().size() + " findings");
    }

    // GitHub shows ten annotations of a kind per step and drops the rest silently: the eleventh error and after are
    // counted in a last annotation and listed in the log, while the warnings keep their own ten
    @Test
    void githubNeverWritesMoreAnnotationsOfAKindThanAStepShows() throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            findings.add(finding("CRN001", Severity.BREAKING, "job " + i + " runs outside any orchestrator", "etc/crontab", i));
        }
        for (int i = 1; i <= 10; i++) {
            findings.add(finding("PF201", Severity.DEPRECATED, "deprecated " + i, "flows/etl.py", i));
        }
        findings.add(finding("CRN003", Severity.INFO, "note", "etc/crontab", 40));
        String out = ReportFormatsTest.render(ReportFormat.GITHUB, of(findings.toArray(Finding[]::new)));
        List<String> lines = out.lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(GithubAnnotations.SHOWN_PER_KIND);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning "))).hasSize(10);
        assertThat(lines.stream().filter(l -> l.startsWith("::notice "))).hasSize(1);
        assertThat(lines.get(9)).isEqualTo("::error title=migrate scan::3 more breaking findings are not annotated (GitHub "
                + "shows 10 per kind in a step): see this step's log, or a full report (--format sarif or html)");
        assertThat(lines.get(8)).contains("line=9,").endsWith("::job 9 runs outside any orchestrator");
        assertThat(lines.stream().filter(l -> l.startsWith("  "))).containsExactly(
                "  etc/crontab:10:1 CRN001 job 10 runs outside any orchestrator",
                "  etc/crontab:11:1 CRN001 job 11 runs outside any orchestrator",
                "  etc/crontab:12:1 CRN001 job 12 runs outside any orchestrator");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("migrate scan: 23 findings (3 listed above without an annotation)");
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
