package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule switched off on its own ({@code active: false}) is marked where people read the job list (terminal,
 * Markdown, HTML), so a row does not pass for two live schedules; the CSV keeps the expressions as data and the JSON
 * report says {@code "active": false} on the schedule.
 */
class ScanPausedScheduleTest {
    @TempDir
    Path project;

    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(project.resolve("prefect.yaml"), """
                name: lake
                prefect-version: 2.20.3
                deployments:
                  - name: nightly-load
                    entrypoint: flows/load.py:load
                    work_pool: {name: etl-pool}
                    schedules:
                      - cron: "0 9 * * 1"
                        timezone: Europe/London
                        active: false
                      - cron: "0 6 * * *"
                        timezone: Europe/London
                """);
    }

    @Test
    void humanReportsMarkThePausedSchedule() {
        // the terminal table clips the column at 48 characters: the first schedule's mark is within them
        CliRun terminal = CliRun.of("scan", project.toString());
        assertThat(terminal.out()).contains("0 9 * * 1 (Europe/London) [paused]; 0 6 * * *");
        CliRun markdown = CliRun.of("scan", project.toString(), "--format", "markdown");
        assertThat(markdown.out()).contains("| 0 9 \\* \\* 1 (Europe/London) \\[paused\\]; 0 6 \\* \\* \\* (Europe/London) |");
        CliRun csv = CliRun.of("scan", project.toString(), "--format", "csv");
        assertThat(csv.out()).contains("0 9 * * 1 (Europe/London); 0 6 * * * (Europe/London)").doesNotContain("[paused]");
    }

    @Test
    void liveSchedulesAreNotMarked() throws IOException {
        Files.writeString(project.resolve("prefect.yaml"), Files.readString(project.resolve("prefect.yaml"))
                .replace("active: false", "active: true"));
        assertThat(CliRun.of("scan", project.toString()).out())
                .contains("0 9 * * 1 (Europe/London); 0 6 * * *").doesNotContain("[paused]");
    }
}
