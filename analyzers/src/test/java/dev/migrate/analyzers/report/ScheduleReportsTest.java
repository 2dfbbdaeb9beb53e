package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import dev.migrate.analyzers.sources.JobBuilder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every format shows each schedule's description and its Prefect 3 translation with the proof's verdict. */
class ScheduleReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Inventory inv;
    private static String saved;

    @BeforeAll
    static void build() {
        saved = System.getProperty("migrate.now");
        System.setProperty("migrate.now", "2026-11-21T12:00:00Z");
        SourceRef a = SourceRef.at("etc/crontab", 3, 1);
        SourceRef b = SourceRef.at("etc/crontab", 4, 1);
        SourceRef c = SourceRef.at("etc/crontab", 5, 1);
        dev.migrate.analyzers.model.ScanFile crontab = new dev.migrate.analyzers.model.ScanFile("etc/crontab", "");
        Job nightly = new JobBuilder(crontab, JobKind.CRON, "nightly", a, "nightly")
                .schedule(new ScheduleSpec(Form.CRON_UNIX, "0 2 * * *", null, a)).build();
        Job berlin = new JobBuilder(crontab, JobKind.CRON, "berlin", b, "berlin")
                .schedule(new ScheduleSpec(Form.CRON_UNIX, "30 2 * * *", "Europe/Berlin", b)).build();
        Job boot = new JobBuilder(crontab, JobKind.CRON, "boot", c, "boot")
                .schedule(new ScheduleSpec(Form.AT_BOOT, "@reboot", null, c)).build();
        List<Finding> fs = List.of(Findings.of("CRN001", "cron job", a, nightly.id()));
        inv = new Inventory("x", List.of(nightly, berlin, boot), fs, List.of(), new ScanStats(1, 1, 10));
    }

    @AfterAll
    static void restore() {
        if (saved == null) {
            System.clearProperty("migrate.now");
        } else {
            System.setProperty("migrate.now", saved);
        }
    }

    @Test
    void jsonCarriesDescriptionTranslationAndProof() throws IOException {
        JsonNode jobs = JSON.readTree(ReportFormatsTest.render(ReportFormat.JSON, inv)).get("jobs");
        JsonNode exact = jobs.get(0).get("schedules").get(0);
        assertThat(exact.get("description").asText()).isEqualTo("at 02:00 (UTC)");
        assertThat(exact.get("prefect").get("schedule").asText()).isEqualTo("cron: 0 2 * * *, timezone: UTC");
        assertThat(exact.get("prefect").get("exact").asBoolean()).isTrue();
        assertThat(exact.get("prefect").get("compared").asInt()).isEqualTo(50);
        assertThat(exact.get("prefect").get("sourceAt").isNull()).isTrue();
        JsonNode berlin = jobs.get(1).get("schedules").get(0).get("prefect");
        assertThat(berlin.get("exact").asBoolean()).isFalse();
        // 02:30 does not exist on 2027-03-28 in Berlin: cron and Prefect disagree there.
        assertThat(berlin.get("sourceAt").asText()).startsWith("2027-03-28");
        assertThat(berlin.get("reason").asText()).isNotBlank();
        JsonNode boot = jobs.get(2).get("schedules").get(0).get("prefect");
        assertThat(boot.get("schedule").isNull()).isTrue();
        assertThat(boot.get("exact").isNull()).isTrue();
    }

    @Test
    void textFormatsShowTheVerdict() throws IOException {
        String term = ReportFormatsTest.render(ReportFormat.TERMINAL, inv);
        assertThat(term).contains(inv.jobs().get(0).id() + ": at 02:00 (UTC) -> cron: 0 2 * * *, timezone: UTC: exact over 50 fire times");
        assertThat(term).contains(inv.jobs().get(1).id() + ": ").contains("not exact, first difference 2027-03-28");
        String md = ReportFormatsTest.render(ReportFormat.MD, inv);
        assertThat(md).contains("## Schedules").contains("| at 02:00 (UTC) | cron: 0 2 \\* \\* \\*, timezone: UTC | exact over 50 fire times |");
        String html = ReportFormatsTest.render(ReportFormat.HTML, inv);
        assertThat(html).contains("<table id=\"schedules\">").contains("<tr class=\"inexact\">").contains("exact over 50 fire times");
        String csv = ReportFormatsTest.render(ReportFormat.CSV, inv);
        assertThat(csv).contains("prefect_proof").contains("\"cron: 0 2 * * *, timezone: UTC\",exact over 50 fire times");
        JsonNode sarif = JSON.readTree(ReportFormatsTest.render(ReportFormat.SARIF, inv));
        JsonNode props = sarif.get("runs").get(0).get("results").get(0).get("properties");
        assertThat(props.get("schedules").get(0).get("prefect").asText()).endsWith("exact over 50 fire times");
    }

    /**
     * A Prefect 2 deployment's naive anchor read as UTC: before, only the JSON's attributes said so; the people's
     * formats now say it after the interval's description. Must not change: a cron schedule gets no such words.
     */
    @Test
    void aNaiveAnchorsReadingIsShownBesideItsInterval() throws IOException {
        SourceRef at = SourceRef.at("deployment.yaml", 4, 3);
        dev.migrate.analyzers.model.ScanFile file = new dev.migrate.analyzers.model.ScanFile("deployment.yaml", "");
        String note = dev.migrate.analyzers.schedule.NaiveAnchors.Reading.PREFECT2.note();
        Job hourly = new JobBuilder(file, JobKind.PREFECT2_DEPLOYMENT, "hourly", at, "hourly")
                .schedule(new ScheduleSpec(Form.INTERVAL, "R/2024-01-01T09:00Z/PT1H", "America/Chicago", at))
                .attr(dev.migrate.analyzers.schedule.NaiveAnchors.ATTRIBUTE, note).build();
        Job cron = new JobBuilder(file, JobKind.PREFECT2_DEPLOYMENT, "cron", at, "cron")
                .schedule(new ScheduleSpec(Form.CRON_PREFECT, "0 9 * * *", "America/Chicago", at))
                .attr(dev.migrate.analyzers.schedule.NaiveAnchors.ATTRIBUTE, note).build();
        Inventory anchored = new Inventory("x", List.of(hourly, cron), List.of(), List.of(), new ScanStats(1, 1, 10));
        String term = ReportFormatsTest.render(ReportFormat.TERMINAL, anchored);
        assertThat(term.lines().filter(l -> l.startsWith(hourly.id() + ": ")).findFirst().orElseThrow())
                .contains(" (naive anchor read as UTC, as Prefect 2 does) -> ");
        assertThat(term.lines().filter(l -> l.startsWith(cron.id() + ": ")).findFirst().orElseThrow()).doesNotContain("naive");
        assertThat(ReportFormatsTest.render(ReportFormat.MD, anchored)).contains("(naive anchor read as UTC, as Prefect 2 does) |");
        assertThat(ReportFormatsTest.render(ReportFormat.HTML, anchored)).contains("(naive anchor read as UTC, as Prefect 2 does)</td>");
    }
}
