package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prefect deploy} without an entrypoint ({@code -n NAME}, {@code --name 'etl-*'}, {@code --all}) deploys the
 * prefect.yaml entries Prefect 3 picks ({@code _pick_deploy_configs}): each is the job, deployed by the command
 * ({@code deployment.deployedBy}), with its key. Before, the command was linked to nothing and its options were lost.
 */
class DeploySelectionCommandsTest {
    @TempDir
    Path tmp;

    private static final String FLOWS = """
            from prefect import flow


            @flow(name="lake-etl")
            def etl():
                pass


            @flow
            def daily_report():
                pass
            """;
    private static final String ENTRIES = """
            name: lake
            prefect-version: 3.4.0
            deployments:
              - name: etl-hourly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 * * * *"
                work_pool:
                  name: k8s
              - name: etl-nightly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 2 * * *"
                work_pool:
                  name: k8s
              - name: daily
                entrypoint: flows/etl.py:daily_report
                work_pool:
                  name: k8s
            """;

    private Inventory scan(String script) throws IOException {
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/etl.py"), FLOWS);
        Files.writeString(tmp.resolve("prefect.yaml"), ENTRIES);
        Files.createDirectories(tmp.resolve("ci"));
        Files.writeString(tmp.resolve("ci/deploy.sh"), script);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** Each job: its id without the hash, its name, where it is, and the command that deploys it, if any. */
    private static List<String> jobs(Inventory inv) {
        return inv.jobs().stream().map(j -> j.id().replaceFirst("-[0-9a-f]{8}$", "") + " " + j.name() + " @ " + j.source()
                + " by " + j.attributes().getOrDefault("deployment.deployedBy", "-")).sorted().toList();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aNameDeploysTheEntryOfThatNameWithTheCommandsOptions() throws IOException {
        Inventory inv = scan("""
                #!/bin/sh
                cd "$(dirname "$0")/.."
                prefect deploy -n etl-nightly --pool k8s-prod --cron "0 3 * * *"
                """);
        assertThat(jobs(inv)).containsExactly(
                "prefect3-daily daily-report/daily @ prefect.yaml:16:5 by -",
                "prefect3-etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5 by -",
                "prefect3-etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5 by ci/deploy.sh:3:1");
        Job nightly = job(inv, "lake-etl/etl-nightly");
        assertThat(nightly.attributes()).containsEntry("workPool", "k8s-prod");
        assertThat(nightly.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "0 3 * * *");
    }

    /** FLOW/NAME: the flow part is the entrypoint's function, '-' read as '_' (_filter_matching_deploy_config). */
    @Test
    void aFlowSlashNameIsOfTheEntrypointsFunction() throws IOException {
        Inventory inv = scan("""
                #!/bin/sh
                prefect deploy -n daily-report/daily
                prefect deploy -n lake-etl/etl-hourly
                """);
        assertThat(jobs(inv)).containsExactly(
                "prefect3-daily daily-report/daily @ prefect.yaml:16:5 by ci/deploy.sh:2:1",
                "prefect3-etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5 by -",
                "prefect3-etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5 by -");
    }

    /** Several entries: each as the file says it, the command's options ignored, as Prefect's multi-deploy does. */
    @Test
    void aPatternOrAllDeploysEachEntryAsTheFileSaysIt() throws IOException {
        Inventory inv = scan("""
                #!/bin/sh
                prefect deploy --name 'etl-*' --cron "0 5 * * *"
                """);
        assertThat(jobs(inv)).containsExactly(
                "prefect3-daily daily-report/daily @ prefect.yaml:16:5 by -",
                "prefect3-etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5 by ci/deploy.sh:2:1",
                "prefect3-etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5 by ci/deploy.sh:2:1");
        assertThat(job(inv, "lake-etl/etl-nightly").schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
        Inventory all = scan("""
                #!/bin/sh
                prefect deploy --all --pool other
                """);
        assertThat(jobs(all)).allSatisfy(j -> assertThat(j).endsWith("by ci/deploy.sh:2:1"));
        assertThat(all.jobs()).allSatisfy(j -> assertThat(j.attributes()).containsEntry("workPool", "k8s"));
    }

    /** A pattern that matches one entry is that entry's name: one deployment, with the command's options. */
    @Test
    void aPatternOfOneEntryTakesTheOptions() throws IOException {
        Inventory inv = scan("""
                #!/bin/sh
                prefect deploy --name 'dai*' --interval 3600
                """);
        assertThat(job(inv, "daily-report/daily").schedules()).extracting(s -> s.expression()).containsExactly("PT3600S");
        assertThat(job(inv, "daily-report/daily").attributes()).containsEntry("deployment.deployedBy", "ci/deploy.sh:2:1");
    }

    /**
     * Must not change: no entry of that name (Prefect then needs the entrypoint the command lacks), --all with a name
     * (an error), no name with several entries (Prefect asks, or fails without prompts): the entries stay as they were,
     * and the command adds no job.
     */
    @Test
    void aCommandThatDeploysNoEntryAddsNothing() throws IOException {
        Inventory inv = scan("""
                #!/bin/sh
                prefect deploy -n weekly --cron "0 0 * * 0"
                prefect deploy --all -n daily
                prefect --no-prompt deploy
                """);
        assertThat(jobs(inv)).containsExactly(
                "prefect3-daily daily-report/daily @ prefect.yaml:16:5 by -",
                "prefect3-etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5 by -",
                "prefect3-etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5 by -");
        assertThat(inv.jobs()).allSatisfy(j -> assertThat(j.schedules()).hasSizeLessThan(2));
    }

    /** Without prompts, a file of one entry: a bare `prefect deploy` deploys it; another name is a deployment of its own. */
    @Test
    void withoutPromptsTheOnlyEntryIsDeployed() throws IOException {
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/etl.py"), FLOWS);
        Files.writeString(tmp.resolve("prefect.yaml"), """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    schedules:
                      - cron: "0 2 * * *"
                    work_pool:
                      name: k8s
                """);
        Files.writeString(tmp.resolve(".gitlab-ci.yml"), """
                deploy:
                  script:
                    - prefect deploy --timezone Europe/Paris
                    - prefect deploy --name backfill
                """);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        Job entry = job(inv, "lake-etl/nightly");
        assertThat(entry.attributes()).containsEntry("deployment.deployedBy", ".gitlab-ci.yml:3:7");
        assertThat(entry.schedules()).singleElement().satisfies(s -> assertThat(s.timezone()).isEqualTo("Europe/Paris"));
        Job backfill = job(inv, "lake-etl/backfill");
        assertThat(backfill.source().path()).isEqualTo(".gitlab-ci.yml");
        assertThat(backfill.attributes()).containsEntry("deployment.config", "prefect.yaml:2:5")
                .containsEntry("workPool", "k8s").containsEntry("entrypoint", "flows/etl.py:etl")
                .doesNotContainKeys(PrefectCommandReport.SELECTION, PrefectCommandReport.SELECTED_NAMES);
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("PF229")).singleElement()
                .satisfies(f -> assertThat(f.jobId()).isEqualTo(backfill.id()));
    }
}
