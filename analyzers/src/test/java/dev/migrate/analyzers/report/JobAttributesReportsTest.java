package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import dev.migrate.analyzers.sources.JobBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The reports for people show each job's attributes (as the JSON does), redacted the same way: a value whose name says
 * secret is masked, and a secret inside any other value (a URL's password, an assignment, a token) is hidden.
 */
class JobAttributesReportsTest {
    private static final List<String> SECRETS = List.of("hunter2xyz", "Tr0ub4dor", "S3cretPw77",
            "pnu_0123456789abcdefghijKLMN");

    /** A Prefect 1 flow with attributes, two of them secret, one with a password in a URL; a cron job with none. */
    static Inventory inventory() {
        SourceRef flowAt = SourceRef.at("flows/etl.py", 12, 1);
        Job flow = new JobBuilder(new ScanFile("flows/etl.py", ""), JobKind.PREFECT1_FLOW, "etl", flowAt, "etl")
                .schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 3 * * *", "UTC", flowAt))
                .attr("prefect1.project", "warehouse")
                .attr("installer.DB_PASSWORD", "hunter2xyz")
                .attr("service", "postgresql://etl:Tr0ub4dor@db/prefect")
                .attr("stdin", "PGPASSWORD=S3cretPw77 psql -c 'select 1'")
                .attr("prefect.deploymentRun", "pnu_0123456789abcdefghijKLMN")
                .build();
        SourceRef cronAt = SourceRef.at("etc/cron.d/plain", 1, 1);
        Job plain = new JobBuilder(new ScanFile("etc/cron.d/plain", ""), JobKind.CRON, "plain", cronAt, "plain")
                .schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 2 * * *", null, cronAt)).command("/bin/plain")
                .build();
        List<Finding> none = new ArrayList<>();
        return new Inventory("root", List.of(flow, plain), none, List.of(), new ScanStats(2, 2, 100));
    }

    /** The job of this kind (the inventory orders its jobs by source). */
    static Job of(Inventory inv, JobKind kind) {
        return inv.jobs().stream().filter(j -> j.kind() == kind).findFirst().orElseThrow();
    }

    /** What every report shows for the flow: sorted by name, each secret masked or redacted. */
    private static final List<String> SHOWN = List.of("installer.DB_PASSWORD=***", "prefect.deploymentRun=***",
            "prefect1.project=warehouse", "service=postgresql://etl:***@db/prefect", "stdin=PGPASSWORD=*** psql -c 'select 1'");

    @Test
    void theTerminalListsEachJobsAttributesOnOneLineAfterTheSchedules() throws IOException {
        Inventory inv = inventory();
        String out = ReportFormatsTest.render(ReportFormat.TERMINAL, inv);
        String flow = of(inv, JobKind.PREFECT1_FLOW).id();
        assertThat(out).contains("\nJob attributes (1)\n" + flow + ": " + String.join(", ", SHOWN) + "\n\nFindings (0)");
        // the job without attributes has no line of its own there
        String plain = of(inv, JobKind.CRON).id();
        assertThat(out.lines().filter(l -> l.startsWith(plain + ": ") && l.contains("="))).isEmpty();
        assertNoSecret(out);
    }

    @Test
    void markdownHasAnAttributesColumnOfCodeSpans() throws IOException {
        Inventory inv = inventory();
        String md = ReportFormatsTest.render(ReportFormat.MD, inv);
        assertThat(md).contains("| source | command | attributes |\n|---|---|---|---|---|---|---|\n")
                .contains("`installer.DB_PASSWORD=***`, `prefect.deploymentRun=***`, `prefect1.project=warehouse`");
        List<List<String>> rows = MarkdownRenderTest.jobRows(md);
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r).hasSize(7));
        int flow = inv.jobs().indexOf(of(inv, JobKind.PREFECT1_FLOW));
        assertThat(rows.get(flow).get(6)).isEqualTo(String.join(", ", SHOWN));
        assertThat(rows.get(1 - flow).get(6)).isEmpty();
        assertNoSecret(md);
    }

    @Test
    void htmlHasAnAttributesColumnWithOneAttributeALine() throws IOException {
        String html = ReportFormatsTest.render(ReportFormat.HTML, inventory());
        assertThat(html).contains("<th data-key=\"attributes\" tabindex=\"0\">Attributes</th>")
                .contains("<code>installer.DB_PASSWORD=***</code><br><code>prefect.deploymentRun=***</code><br>"
                        + "<code>prefect1.project=warehouse</code><br><code>service=postgresql://etl:***@db/prefect</code><br>"
                        + "<code>stdin=PGPASSWORD=*** psql -c &#39;select 1&#39;</code></td>")
                .contains("<td data-key=\"attributes\" data-value=\"\"></td>");
        assertNoSecret(html);
    }

    @Test
    void jsonMasksTheSameValues() throws IOException {
        String json = ReportFormatsTest.render(ReportFormat.JSON, inventory());
        assertThat(json).contains("\"installer.DB_PASSWORD\" : \"***\"", "\"service\" : \"postgresql://etl:***@db/prefect\"");
        assertNoSecret(json);
    }

    @Test
    void controlCharactersInAnAttributeShowAsEscapesOnTheTerminal() throws IOException {
        SourceRef at = SourceRef.at("etc/cron.d/x", 1, 1);
        Job j = new JobBuilder(new ScanFile("etc/cron.d/x", ""), JobKind.CRON, "x", at, "x")
                .schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 2 * * *", null, at))
                .attr("stdin", "line one\nline\u001b[2J two\u202e").build();
        Inventory inv = new Inventory("root", List.of(j), List.of(), List.of(), new ScanStats(1, 1, 10));
        String out = ReportFormatsTest.render(ReportFormat.TERMINAL, inv);
        assertThat(out).contains(j.id() + ": stdin=line one\\nline\\x1b[2J two\\u202e\n")
                .doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E]");
    }

    private static void assertNoSecret(String out) {
        for (String secret : SECRETS) {
            assertThat(out.toLowerCase(Locale.ROOT)).doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }
}
