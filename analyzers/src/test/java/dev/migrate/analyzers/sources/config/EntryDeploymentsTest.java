package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
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
 * Several {@code prefect deploy} commands of one prefect.yaml entry: each deploys the entry as the file says it with
 * its own options, so the scan never shows the union of their schedules; where they disagree, PF230 lists each.
 */
class EntryDeploymentsTest {
    @TempDir
    Path tmp;

    private static final String FLOWS = """
            from prefect import flow


            @flow
            def etl():
                pass
            """;
    private static final String PREFECT_YAML = """
            name: lake
            prefect-version: 3.4.0
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 2 * * *"
                work_pool:
                  name: k8s
              - name: hourly
                entrypoint: flows/etl.py:etl
            """;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("flows/etl.py", FLOWS, "prefect.yaml", PREFECT_YAML));
        all.addAll(List.of(pathsAndTexts));
        TreeFiles.write(tmp, all.toArray(String[]::new));
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static String workflow(String name, String run) {
        return "name: " + name + "\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: " + run
                + "\n";
    }

    private static Job nightly(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.name().equals("etl/nightly")).findFirst().orElseThrow();
    }

    private static List<Finding> disagreements(Inventory inv) {
        return inv.findings().stream().filter(f -> f.code().equals("PF230")).toList();
    }

    /** Staging and production each add their own --cron: the deployment has one of them, never both. */
    @Test
    void commandsWithTheirOwnCronAreNotTheUnion() throws IOException {
        Inventory inv = scan(".github/workflows/deploy-prod.yml",
                workflow("prod", "prefect deploy --name nightly --cron \"30 3 * * *\""),
                ".github/workflows/deploy-staging.yml",
                workflow("staging", "prefect deploy --name nightly --cron \"0 * * * *\" --pool staging"));
        Job nightly = nightly(inv);
        // the first command's (by file): the entry's schedule and its own, as that run makes them
        assertThat(nightly.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "30 3 * * *");
        assertThat(nightly.schedules()).allSatisfy(s -> assertThat(s.unproven()).contains("ran last"));
        assertThat(nightly.attributes()).containsEntry("workPool", "k8s");
        assertThat(disagreements(inv)).singleElement().satisfies(f -> {
            assertThat(f.jobId()).isEqualTo(nightly.id());
            assertThat(f.message()).contains(".github/workflows/deploy-prod.yml:7 gives [0 2 * * * (UTC), 30 3 * * * (UTC)]"
                    + " pool 'k8s'", ".github/workflows/deploy-staging.yml:7 gives [0 2 * * * (UTC), 0 * * * * (UTC)]"
                    + " pool 'staging'", "whichever ran last");
        });
    }

    /** The same with entrypoints, from scripts: each command's options apply to the entry as the file says it. */
    @Test
    void scriptsWithEntrypointsAreNotTheUnion() throws IOException {
        Inventory inv = scan("deploy/prod.sh", """
                #!/bin/sh
                cd "$(dirname "$0")/.."
                prefect deploy flows/etl.py:etl -n nightly --interval 3600
                """, "deploy/staging.sh", """
                #!/bin/sh
                cd "$(dirname "$0")/.."
                prefect deploy flows/etl.py:etl -n nightly --interval 600
                """);
        assertThat(nightly(inv).schedules()).extracting(s -> s.expression()).hasSize(2).doesNotContain("PT10M");
        assertThat(disagreements(inv)).hasSize(1);
    }

    /** Must not change: commands that give the same settings make the same deployment, whichever ran last. */
    @Test
    void commandsThatAgreeNeedNoNote() throws IOException {
        Inventory inv = scan(".github/workflows/deploy-prod.yml", workflow("prod", "prefect deploy --name nightly"),
                ".github/workflows/deploy-staging.yml", workflow("staging", "prefect deploy --name nightly"));
        assertThat(nightly(inv).schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
        assertThat(nightly(inv).schedules()).allSatisfy(s -> assertThat(s.unproven()).isNull());
        assertThat(disagreements(inv)).isEmpty();
    }
}
