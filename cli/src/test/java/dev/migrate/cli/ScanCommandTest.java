package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path tmp;
    Path estate;

    @BeforeEach
    void writeEstate() throws IOException {
        estate = Files.createDirectories(tmp.resolve("estate"));
        Files.writeString(estate.resolve("run-agent.sh"), "#!/bin/sh\nprefect agent start -q default\n");
        Files.writeString(estate.resolve("prefect.yaml"), """
                prefect-version: 3.1.0
                deployments:
                  - name: daily
                    entrypoint: flows/daily.py:daily
                    schedules: [{cron: "0 6 * * *"}]
                """);
    }

    @Test
    void defaultTerminalReportExitsZeroWithoutFailOn() {
        CliRun r = CliRun.of("scan", estate.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Jobs (2)", "run-agent.sh:2:1: PF203 [breaking]", "prefect.yaml:3:5: PF290 [info]")
                .contains("2 jobs, 2 findings (1 breaking, 0 deprecated, 1 info)");
        // stderr is not a terminal in tests: no progress output.
        assertThat(r.err()).isEmpty();
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertThat(CliRun.of("scan", estate.toString(), "--fail-on", "breaking").exitCode()).isEqualTo(1);
        assertThat(CliRun.of("scan", estate.toString(), "--fail-on", "info", "--select", "PF290").exitCode()).isEqualTo(1);
        assertThat(CliRun.of("scan", estate.toString(), "--fail-on", "deprecated", "--ignore", "PF203").exitCode()).isZero();
    }

    @Test
    void selectAndIgnoreFilterFindingsButKeepJobs() {
        CliRun r = CliRun.of("scan", estate.toString(), "--select", "PF2", "--ignore", "PF290", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(",PF203,").doesNotContain("PF290").contains("prefect3-daily-");
    }

    @Test
    void unknownRuleCodeIsBadUsageListingFamilies() {
        CliRun r = CliRun.of("scan", estate.toString(), "--select", "PF2,XYZ1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("migrate: unknown rule code or family 'XYZ1'; known families: ")
                .contains("PF2", "K8S", "JAV").doesNotContain("Exception");
    }

    @Test
    void markdownAndTextAreTheOtherCommandsSpellingsOfMdAndTerminal() {
        CliRun md = CliRun.of("scan", estate.toString(), "--format", "md");
        CliRun markdown = CliRun.of("scan", estate.toString(), "--format", "Markdown");
        assertThat(markdown.exitCode()).isEqualTo(md.exitCode()).isNotEqualTo(2);
        assertThat(markdown.out()).isEqualTo(md.out()).startsWith("#");
        CliRun text = CliRun.of("scan", estate.toString(), "--format", "text");
        assertThat(text.out()).isEqualTo(CliRun.of("scan", estate.toString()).out());
    }

    @Test
    void badFormatAndMissingPathAreBadUsage() {
        CliRun bad = CliRun.of("scan", estate.toString(), "--format", "yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--format").contains("'yaml' is not a format; use one of terminal, json, csv, md");
        CliRun missing = CliRun.of("scan", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void outputFileGetsTheReportAndStdoutStaysEmpty() throws IOException {
        Path out = tmp.resolve("scan.sarif");
        CliRun r = CliRun.of("scan", estate.toString(), "--format", "sarif", "--output", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("wrote " + out);
        assertThat(Files.readString(out)).contains("\"version\" : \"2.1.0\"", "\"ruleId\" : \"PF203\"");
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("estate", "scan.sarif");
        }
        CliRun quiet = CliRun.of("scan", estate.toString(), "-q", "-f", "json", "-o", tmp.resolve("s.json").toString());
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void outputIntoAMissingDirectoryIsBadUsage() {
        CliRun r = CliRun.of("scan", estate.toString(), "--output", tmp.resolve("no/such/dir/x.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist; create it");
    }

    @Test
    void aSingleFileCanBeScanned() {
        CliRun r = CliRun.of("scan", estate.resolve("run-agent.sh").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run-agent.sh:2:1: PF203 [breaking]", "1 job, 1 finding");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        CliRun r = CliRun.of("scan", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("migrate scan repo/ --format html --output scan.html", "--fail-on", "--select",
                "Exit codes:");
    }

    @Test
    void logsNamedOnTheCommandLineAreJoinedWithTheJobs() throws IOException {
        Files.writeString(estate.resolve("crontab"), "*/10 * * * * /opt/etl/bin/poll.sh\n0 2 * * * /opt/etl/bin/nightly.sh\n");
        Path log = Files.writeString(tmp.resolve("cron.log"), """
                2026-11-21T00:00:01+00:00 etl-host CROND[11]: (etl) CMD (/opt/etl/bin/nightly.sh)
                2026-11-21T02:00:01+00:00 etl-host CROND[12]: (etl) CMD (/opt/etl/bin/nightly.sh)
                2026-11-21T06:00:00+00:00 etl-host CROND[13]: (root) CMD (run-parts /etc/cron.hourly)
                """);
        CliRun r = CliRun.of("scan", estate.toString(), "--logs", log.toString(), "--select", "ACT");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ACT001 [info] poll has no recorded run in " + log + " (2026-11-21 00:00 to "
                + "2026-11-21 06:00), where its schedule fires 36 times").doesNotContain("nightly has no recorded run");
        CliRun json = CliRun.of("scan", estate.toString(), "--logs", log.toString(), "--format", "json");
        assertThat(json.out()).contains("\"activity.runs\" : \"2\"");
        CliRun missing = CliRun.of("scan", estate.toString(), "--logs", tmp.resolve("nope.log").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--logs " + tmp.resolve("nope.log") + " is not a file");
    }
}
