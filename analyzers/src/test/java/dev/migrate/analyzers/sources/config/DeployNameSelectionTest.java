package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which prefect.yaml entries a {@code prefect deploy ENTRYPOINT --name NAME} deploys, as Prefect 3's CLI picks them:
 * the file's only entry without a prompt, the entries a {@code *} pattern matches, the name a variable holds, and the
 * prefect.yaml of an absolute directory the command {@code cd}s into.
 */
class DeployNameSelectionTest {
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
    private static final String ONE_ENTRY = """
            name: lake
            prefect-version: 3.4.0
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 2 * * *"
                work_pool:
                  name: k8s
                  work_queue_name: etl
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

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<String> jobs(Inventory inv) {
        return inv.jobs().stream().map(j -> CutoverJob.keyOf(CutoverJob.deploymentName(j)) + " " + j.name() + " @ "
                + j.source()).sorted().toList();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * {@code prefect --no-prompt deploy} with one entry in the file deploys that entry whatever {@code --name} says,
     * under the command's name: a deployment of its own, configured by the entry where the command says nothing.
     */
    @Test
    void withoutAPromptTheOnlyEntryConfiguresADeploymentOfAnotherName() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY, "ci/deploy.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                cd "$(dirname "$0")/.."
                prefect --no-prompt deploy flows/etl.py:etl --name nightly-backfill
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ prefect.yaml:4:5",
                "nightly-backfill lake-etl/nightly-backfill @ ci/deploy.sh:4:1");
        Job command = job(inv, "lake-etl/nightly-backfill");
        assertThat(command.attributes()).containsEntry("deployment.config", "prefect.yaml:4:5")
                .containsEntry("workPool", "k8s").containsEntry("workQueue", "etl");
        assertThat(command.schedules()).singleElement().satisfies(s -> assertThat(s.expression()).isEqualTo("0 2 * * *"));
        assertThat(inv.findings().stream().filter(f -> f.code().equals("PF229")).toList()).singleElement()
                .satisfies(f -> {
                    assertThat(f.jobId()).isEqualTo(command.id());
                    assertThat(f.message()).contains("'nightly' (prefect.yaml:4)", "as 'nightly-backfill'");
                });
    }

    /** The same without its name: the only entry, whatever the entrypoint says, is that entry deployed. */
    @Test
    void withoutAPromptTheOnlyEntryOfTheSameNameIsThatEntry() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY, "Makefile", """
                deploy:
                \tPREFECT_CLI_PROMPT=false prefect deploy ./flows/etl.py:etl -n nightly --cron "15 2 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ prefect.yaml:4:5");
        // Prefect appends --cron to the entry's schedules (_apply_cli_options_to_deploy_config), it does not replace them
        assertThat(inv.jobs().get(0).schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "15 2 * * *");
    }

    /** Must not change: with a prompt Prefect asks; the command of another name is a deployment the entry does not configure. */
    @Test
    void withAPromptTheOnlyEntryIsNotTaken() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl --name nightly-backfill
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ prefect.yaml:4:5",
                "nightly-backfill lake-etl/nightly-backfill @ deploy.sh:2:1");
        assertThat(job(inv, "lake-etl/nightly-backfill").attributes()).doesNotContainKey("deployment.config");
        assertThat(job(inv, "lake-etl/nightly-backfill").schedules()).isEmpty();
        assertThat(inv.findings()).noneMatch(f -> f.code().equals("PF229"));
    }

    /** Must not change: two entries without a matching name are not picked among, prompt or not. */
    @Test
    void withoutAPromptTwoEntriesAreNotPickedAmong() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ENTRIES, "deploy.sh", """
                #!/bin/sh
                prefect --no-prompt deploy flows/etl.py:etl --name weekly
                """);
        assertThat(jobs(inv)).containsExactly("daily daily-report/daily @ prefect.yaml:16:5",
                "etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5", "etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5",
                "weekly lake-etl/weekly @ deploy.sh:2:1");
    }

    /** {@code --name 'etl-*'} deploys every entry whose name it matches, as the file says them; the command is no job. */
    @Test
    void aPatternDeploysTheEntriesItMatches() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ENTRIES, ".github/workflows/deploy.yml", """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: pip install -r requirements.txt
                      - run: prefect --no-prompt deploy flows/etl.py:etl --name 'etl-*' --cron "5 * * * *"
                """);
        assertThat(jobs(inv)).containsExactly("daily daily-report/daily @ prefect.yaml:16:5",
                "etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5", "etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5");
        // several entries: Prefect ignores the command's options
        assertThat(job(inv, "lake-etl/etl-hourly").schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("0 * * * *"));
        assertThat(job(inv, "lake-etl/etl-nightly").attributes()).containsEntry("deployment.deployedBy",
                ".github/workflows/deploy.yml:11:14");
        assertThat(job(inv, "daily-report/daily").attributes()).doesNotContainKey("deployment.deployedBy");
    }

    /** {@code daily-*} then {@code /daily}: the flow part matches the entrypoint's function with '_' as '-'; one entry takes the options. */
    @Test
    void aPatternsFlowPartIsTheFunction() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ENTRIES, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:daily_report --name 'daily-*/daily' --cron "0 7 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("daily daily-report/daily @ prefect.yaml:16:5",
                "etl-hourly lake-etl/etl-hourly @ prefect.yaml:4:5", "etl-nightly lake-etl/etl-nightly @ prefect.yaml:10:5");
        assertThat(job(inv, "daily-report/daily").schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("0 7 * * *"));
    }

    /** Must not change: a pattern of no entry is no name of one (its job keeps the text; nothing is renamed). */
    @Test
    void aPatternOfNoEntryStaysAsWritten() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ENTRIES, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl --name 'lake-*'
                """);
        assertThat(jobs(inv)).contains("lake lake-* @ deploy.sh:2:1").hasSize(4);
    }

    /** {@code -n "$NAME"} of a value the script sets: named and keyed by that value, as its build line is. */
    @Test
    void aNameInAVariableIsItsValue() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "deploy.sh", """
                #!/bin/sh
                NAME=nightly
                prefect --no-prompt deploy flows/etl.py:etl --name "$NAME" --pool k8s
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ deploy.sh:3:1");
        assertThat(inv.jobs().get(0).attributes()).containsEntry(PrefectYamlDetector.DEPLOYMENT_NAME, "nightly");
    }

    /** Must not change: a name the scan cannot read stays as written (before, {@code lake-etl/$DEPLOYMENT}). */
    @Test
    void aNameTheScanCannotReadStaysAsWritten() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "deploy.sh", """
                #!/bin/sh
                prefect --no-prompt deploy flows/etl.py:etl --name "${DEPLOYMENT}" --pool k8s
                """);
        assertThat(jobs(inv)).containsExactly("deployment ${DEPLOYMENT} @ deploy.sh:2:1");
    }

    /**
     * After {@code cd /home/prefect/app}, the prefect.yaml whose deployments pull into that directory (as the rewrite
     * writes for a build that ran there) is the file read.
     */
    @Test
    void anAbsoluteDirectoryReadsThePrefectYamlThatPullsIntoIt() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY + """
                    pull:
                      - prefect.deployments.steps.set_working_directory:
                          directory: /home/prefect/app
                """, "scripts/deploy.sh", """
                #!/usr/bin/env bash
                cd /home/prefect/app
                prefect deploy flows/etl.py:etl --name nightly --cron "0 3 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ prefect.yaml:4:5");
        assertThat(inv.jobs().get(0).attributes()).containsEntry("deployment.deployedBy", "scripts/deploy.sh:3:1");
    }

    /** Must not change: a prefect.yaml that pulls elsewhere is not the one an absolute cd reads. */
    @Test
    void anAbsoluteDirectoryOfAnotherPullReadsNothing() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY + """
                    pull:
                      - prefect.deployments.steps.set_working_directory:
                          directory: /opt/lake
                """, "scripts/deploy.sh", """
                #!/usr/bin/env bash
                cd /home/prefect/app
                prefect deploy flows/etl.py:etl --name nightly --cron "0 3 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("nightly lake-etl/nightly @ prefect.yaml:4:5",
                "nightly lake-etl/nightly @ scripts/deploy.sh:3:1");
    }
}
