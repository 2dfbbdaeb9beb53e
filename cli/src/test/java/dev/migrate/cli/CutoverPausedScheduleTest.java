package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prefect 2 deployment with one schedule that runs and one switched off on its own ({@code active: false}): the dual
 * run shifts only the one that runs, and the cutover moves it to its legacy time while the other stays off. Before: both
 * were shifted and resumed, starting runs the legacy side never made.
 */
class CutoverPausedScheduleTest {
    @TempDir
    Path project;

    @Test
    void aScheduleSwitchedOffStaysOffThroughTheCutover() throws IOException {
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/load.py"), "from prefect import flow\n\n@flow\ndef load():\n    pass\n");
        Files.writeString(project.resolve("prefect.yaml"), """
                name: lake
                prefect-version: 2.20.3
                deployments:
                  - name: nightly-load
                    entrypoint: flows/load.py:load
                    work_pool: {name: etl-pool}
                    schedules:
                      - cron: "0 6 * * *"
                        timezone: Europe/London
                      - interval: 604800
                        anchor_date: "2024-01-01T09:00:00"
                        timezone: Europe/London
                        active: false
                """);
        CliRun plan = CliRun.of("cutover", "plan", project.toString());
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("# prefect.yaml, deployment 'nightly-load': schedules: "
                        + "[{cron: \"30 6 * * *\", timezone: \"Europe/London\"}]")
                .contains("'R/2024-01-01T09:00Z/PT604800S' is switched off (active: false) and makes no runs: the new "
                        + "deployment keeps it with active: false")
                .contains("# prefect.yaml: outputs to production, schedule '0 6 * * *' Europe/London (and "
                        + "'R/2024-01-01T09:00Z/PT604800S' Europe/London with active: false, as before) without the offset");
    }
}
