package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of a {@code prefect deploy} that deploys a prefect.yaml entry, as Prefect applies them to the entry
 * (2.16+ and every 3.x: {@code _apply_cli_options_to_deploy_config}): schedules appended to the entry's, the zone set
 * on all of them, the anchor on every interval, pool and queue each replaced only where given. Before, the command's
 * schedules replaced the entry's, its zone and anchor left the entry's schedules as written, and its queue was lost.
 */
class DeployCommandOptionsTest {
    @TempDir
    Path tmp;

    private static final String FLOW = """
            from prefect import flow

            @flow
            def etl():
                pass
            """;
    private static final String PREFECT_YAML = """
            name: lake
            prefect-version: 3.8.3
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 2 * * *"
                    timezone: Europe/Paris
                  - interval: 3600
                    anchor_date: "2024-01-01T00:15:00+00:00"
                    active: false
                work_pool:
                  name: k8s
                  work_queue_name: etl
              - name: hourly
                entrypoint: flows/etl.py:etl
                work_pool:
                  name: k8s
            """;

    private Job nightly(String script) throws IOException {
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/etl.py"), FLOW);
        Files.writeString(tmp.resolve("prefect.yaml"), PREFECT_YAML);
        Files.writeString(tmp.resolve("deploy.sh"), script);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> "nightly".equals(j.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME))
                && j.source().path().equals("prefect.yaml")).findFirst().orElseThrow();
    }

    /** A schedule's expression, its zone (a schedule of none is read in UTC, as Prefect's server reads it), paused or not. */
    private static String shown(ScheduleSpec s) {
        return s.expression() + (s.timezone() == null ? "" : " " + s.timezone()) + (s.paused() ? " paused" : "");
    }

    @Test
    void theCommandsSchedulesAreAddedToTheEntrys() throws IOException {
        Job job = nightly("""
                #!/bin/sh
                prefect --no-prompt deploy --name nightly --cron "30 4 * * *" --interval 600
                """);
        assertThat(job.schedules()).extracting(DeployCommandOptionsTest::shown).containsExactly(
                "0 2 * * * Europe/Paris", "R/2024-01-01T00:15Z/PT3600S UTC paused", "30 4 * * * UTC", "PT600S");
        assertThat(job.attributes()).containsEntry("deployment.deployedBy", "deploy.sh:2:1");
    }

    /** --timezone is set on every schedule, the entry's too; --anchor-date on every interval, the entry's too. */
    @Test
    void theZoneAndTheAnchorAreSetOnTheEntrysSchedulesToo() throws IOException {
        Job job = nightly("""
                #!/bin/sh
                prefect --no-prompt deploy flows/etl.py:etl -n nightly --timezone America/Chicago --anchor-date 2024-01-01T00:45:00+00:00
                """);
        assertThat(job.schedules()).extracting(DeployCommandOptionsTest::shown).containsExactly(
                "0 2 * * * America/Chicago", "R/2024-01-01T00:45Z/PT3600S America/Chicago paused");
    }

    @Test
    void aPoolGivenAloneKeepsTheEntrysQueue() throws IOException {
        Job job = nightly("""
                #!/bin/sh
                prefect --no-prompt deploy --name nightly --pool k8s-prod
                """);
        assertThat(job.attributes()).containsEntry("workPool", "k8s-prod").containsEntry("workQueue", "etl");
        Job queued = nightly("""
                #!/bin/sh
                prefect --no-prompt deploy --name nightly --work-queue critical
                """);
        assertThat(queued.attributes()).containsEntry("workPool", "k8s").containsEntry("workQueue", "critical");
    }

    /** Must not change: a command without options deploys the entry as the file says it. */
    @Test
    void noOptionsLeaveTheEntryAsWritten() throws IOException {
        Job job = nightly("""
                #!/bin/sh
                prefect --no-prompt deploy --name nightly
                """);
        assertThat(job.schedules()).extracting(DeployCommandOptionsTest::shown).containsExactly(
                "0 2 * * * Europe/Paris", "R/2024-01-01T00:15Z/PT3600S UTC paused");
        assertThat(job.attributes()).containsEntry("workPool", "k8s").containsEntry("workQueue", "etl");
    }
}
