package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code prefect deploy ENTRYPOINT -n NAME} of a prefect.yaml entry, by its own name or as FLOW/DEPLOYMENT: one
 * deployment, one job, named and keyed as the prefect.yaml entry is.
 */
class DeployCommandDeploymentsTest {
    @TempDir
    Path tmp;

    private static final String FLOW = """
            from prefect import flow

            @flow(name="lake-etl")
            def etl():
                pass
            """;
    private static final String PREFECT_YAML = """
            name: lake
            prefect-version: 3.1.0
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                schedules:
                  - cron: "0 2 * * *"
                work_pool:
                  name: k8s
            """;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<String> jobs(Inventory inv) {
        return inv.jobs().stream().map(j -> j.id().replaceFirst("-[0-9a-f]{8}$", "") + " " + j.name() + " @ " + j.source())
                .sorted().toList();
    }

    /** Before: two jobs, `nightly` at the command and `lake-etl/nightly` at the entry. */
    @Test
    void aCommandOfAnEntrysOwnNameIsThatEntry() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n nightly -p k8s-prod --cron "30 2 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        Job job = inv.jobs().get(0);
        assertThat(job.attributes()).containsEntry("deployment.deployedBy", "deploy.sh:2:1")
                .containsEntry("workPool", "k8s-prod").containsEntry(PrefectYamlDetector.DEPLOYMENT_NAME, "nightly");
        // the pool given wins; --cron is appended to the entry's schedules, as Prefect 3 does (prefect/cli/deploy/_config.py,
        // _apply_cli_options_to_deploy_config): the deployment runs at 2:00 and at 2:30
        assertThat(job.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "30 2 * * *");
        assertThat(inv.findings().stream().filter(f -> f.code().equals("PF290")).toList()).hasSize(1);
    }

    // the flow part of -n is the entrypoint's function (etl), not the @flow(name="lake-etl") shown in FLOW/DEPLOYMENT
    @Test
    void aCommandOfFunctionSlashDeploymentIsThatEntryToo() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n etl/nightly
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        assertThat(inv.jobs().get(0).schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("0 2 * * *"));
    }

    @Test
    void anotherFlowOrDirectoryIsAnotherDeployment() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "ops/deploy.sh", """
                #!/bin/sh
                cd "$(dirname "$0")/.."
                prefect deploy flows/etl.py:etl -n other-flow/nightly
                prefect deploy flows/etl.py:etl -n hourly
                """, "jobs/run.sh", """
                #!/bin/sh
                cd /srv/elsewhere
                prefect deploy flows/etl.py:etl -n nightly
                """);
        // no entry of that flow, that name or that place: deployments of their own, named FLOW/DEPLOYMENT as Prefect
        // names them (the entrypoint's flow, whatever -n says it is), keyed as before
        assertThat(jobs(inv)).containsExactly(
                "prefect3-hourly lake-etl/hourly @ ops/deploy.sh:4:1",
                "prefect3-nightly lake-etl/nightly @ jobs/run.sh:3:1",
                "prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5",
                "prefect3-other-flow-nightly lake-etl/nightly @ ops/deploy.sh:3:1");
        assertThat(inv.jobs()).filteredOn(j -> j.source().path().endsWith(".sh"))
                .allSatisfy(j -> assertThat(j.attributes()).containsEntry("flowName", "lake-etl"));
        // a bare -n keeps its key, the deployment's own name; -n FLOW/NAME is keyed by its name
        assertThat(inv.jobs()).filteredOn(j -> j.source().path().equals("ops/deploy.sh"))
                .extracting(j -> j.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME))
                .containsExactlyInAnyOrder("hourly", null);
    }

    /**
     * Before: `-n lake-etl/nightly` was read as the entry, and `-n load_orders/nightly` was not. Prefect 3 compares the
     * flow part, '-' read as '_', with the function of the entry's entrypoint (prefect/cli/deploy/_config.py,
     * _filter_matching_deploy_config); a second entry keeps Prefect from taking a lone entry whatever -n says.
     */
    @Test
    void theFlowPartOfTheNameIsTheEntrypointsFunctionWithDashesAsUnderscores() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "flows/load_orders.py", """
                from prefect import flow

                @flow(name="Load Orders")
                def load_orders():
                    pass
                """, "prefect.yaml", """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                  - name: nightly
                    entrypoint: flows/load_orders.py:load_orders
                """, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n lake-etl/nightly
                prefect deploy flows/load_orders.py:load_orders -n load-orders/nightly -p k8s
                prefect deploy flows/load_orders.py:load_orders -n load_orders/nightly -p k8s
                """);
        // the @flow name selects no entry: a deployment of its own, still shown as Prefect names it, FLOW/DEPLOYMENT
        assertThat(jobs(inv)).containsExactly(
                "prefect3-lake-etl-nightly lake-etl/nightly @ deploy.sh:2:1",
                "prefect3-nightly Load Orders/nightly @ prefect.yaml:4:5",
                "prefect3-nightly lake-etl/nightly @ prefect.yaml:2:5");
        assertThat(inv.jobs()).filteredOn(j -> j.name().startsWith("Load Orders/")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("deployment.deployedBy", "deploy.sh:4:1"));
    }

    /** Before: `nightly`, named by -n alone; Prefect names it after the function's flow. */
    @Test
    void aCommandOfNoEntryIsNamedAfterTheEntrypointsFlow() throws IOException {
        Inventory inv = scan("src/pipelines/load_orders.py", """
                import prefect

                @prefect.flow
                def load_orders():
                    pass
                """, "src/pipelines/named.py", """
                from prefect import flow

                @flow(name="Nightly Report", log_prints=True)
                def report():
                    pass
                """, "scripts/deploy.sh", """
                #!/bin/sh
                cd "$(dirname "$0")/../src"
                prefect deploy pipelines/load_orders.py:load_orders -n nightly -p etl
                prefect deploy ./pipelines/named.py:report --name daily -p etl
                prefect deploy pipelines/missing.py:some_flow -n weekly -p etl
                """);
        assertThat(jobs(inv)).containsExactly(
                "prefect3-daily Nightly Report/daily @ scripts/deploy.sh:4:1",
                "prefect3-nightly load-orders/nightly @ scripts/deploy.sh:3:1",
                // a file the tree does not hold: Prefect's default name for the function
                "prefect3-weekly some-flow/weekly @ scripts/deploy.sh:5:1");
    }

    @Test
    void aCommandOfFlowSlashDeploymentOfItsOwnFlowKeepsItsName() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n lake-etl/nightly
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-lake-etl-nightly lake-etl/nightly @ deploy.sh:2:1");
        assertThat(inv.jobs().get(0).attributes()).doesNotContainKey(PrefectYamlDetector.DEPLOYMENT_NAME);
    }

    /**
     * Prefect picks the entry by name alone and deploys it from the command's entrypoint (_pick_deploy_configs, then
     * _apply_cli_options_to_deploy_config): `./flows/etl.py:etl` is the entry's flow, so the entry's deployment. Before,
     * the entrypoints were compared as written, and the command was a second job for the same deployment.
     */
    @Test
    void anEntrypointWrittenWithDotSlashIsTheEntrysFlow() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                prefect deploy ./flows/etl.py:etl -n nightly --interval 600
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        assertThat(inv.jobs().get(0).schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "PT600S");
    }

    /**
     * The entry's name from another flow's entrypoint: Prefect deploys that flow with the entry's settings, another
     * deployment (backfill/nightly) than the entry's, which stays. Before, the entry's schedules and pool were not its.
     */
    @Test
    void anotherFlowsEntrypointIsADeploymentTheEntryConfigures() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "flows/backfill.py", """
                from prefect import flow

                @flow
                def backfill():
                    pass
                """, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/backfill.py:backfill -n nightly --cron "0 5 * * *"
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly backfill/nightly @ deploy.sh:2:1",
                "prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        Job own = inv.jobs().stream().filter(j -> j.name().equals("backfill/nightly")).findFirst().orElseThrow();
        assertThat(own.attributes()).containsEntry("deployment.config", "prefect.yaml:4:5").containsEntry("workPool", "k8s")
                .containsEntry("entrypoint", "flows/backfill.py:backfill");
        assertThat(own.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "0 5 * * *");
        // not the file's only entry taken whatever the name says: no PF229
        assertThat(inv.findings()).noneMatch(f -> f.code().equals("PF229"));
    }

    /**
     * Prefect counts every entry of {@code deployments:}, one without an entrypoint too (it holds shared settings): a
     * file of that one entry is deployed under the command's name, with its pool and schedules. Before, the scan
     * counted no entry there and saw a deployment of its own, without PF229.
     */
    @Test
    void anEntryWithoutAnEntrypointIsTheFilesOnlyEntry() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", """
                name: lake
                prefect-version: 3.1.0
                deployments:
                  - name: defaults
                    work_pool:
                      name: k8s
                    schedules:
                      - cron: "0 4 * * *"
                """, "deploy.sh", """
                #!/bin/sh
                prefect --no-prompt deploy flows/etl.py:etl -n nightly
                """);
        Job own = inv.jobs().stream().filter(j -> j.name().equals("lake-etl/nightly")).findFirst().orElseThrow();
        assertThat(own.attributes()).containsEntry("deployment.config", "prefect.yaml:4:5").containsEntry("workPool", "k8s")
                .containsEntry("entrypoint", "flows/etl.py:etl");
        assertThat(own.schedules()).extracting(s -> s.expression()).containsExactly("0 4 * * *");
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("PF229")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'defaults'"));
    }

    /**
     * Two entries, one without an entrypoint: not the file's only entry, so Prefect picks by name, and a name of no
     * entry is a deployment of its own. Before, the scan counted one entry and had the command deploy it (PF229).
     */
    @Test
    void anEntryWithoutAnEntrypointCountsAmongSeveral() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML + """
                  - name: defaults
                    work_pool:
                      name: shared
                """, "deploy.sh", """
                #!/bin/sh
                prefect --no-prompt deploy flows/etl.py:etl -n weekly --cron "0 3 * * 0"
                """);
        Job own = inv.jobs().stream().filter(j -> j.name().equals("lake-etl/weekly")).findFirst().orElseThrow();
        assertThat(own.attributes()).doesNotContainKey("deployment.config").doesNotContainKey("workPool");
        assertThat(own.schedules()).extracting(s -> s.expression()).containsExactly("0 3 * * 0");
        assertThat(inv.findings()).noneMatch(f -> f.code().equals("PF229"));
    }

    /** An entry without an entrypoint, deployed by name from a command's: one deployment of the command's flow. */
    @Test
    void anEntryWithoutAnEntrypointTakesTheCommands() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", """
                name: lake
                prefect-version: 3.1.0
                deployments:
                  - name: nightly
                    work_pool:
                      name: k8s
                  - name: other
                    entrypoint: flows/etl.py:etl
                """, "deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n nightly --cron "0 2 * * *"
                """);
        Job job = inv.jobs().stream().filter(j -> j.name().endsWith("/nightly")).collect(
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    assertThat(l).hasSize(1);
                    return l.get(0);
                }));
        assertThat(job.name()).isEqualTo("lake-etl/nightly");
        assertThat(job.source().toString()).isEqualTo("prefect.yaml:4:5");
        assertThat(job.attributes()).containsEntry("entrypoint", "flows/etl.py:etl").containsEntry("workPool", "k8s")
                .containsEntry("deployment.deployedBy", "deploy.sh:2:1");
        assertThat(job.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
    }

    /** A Python script's subprocess call of {@code prefect deploy -n NAME} deploys the entry, as a shell line does. */
    @Test
    void aPythonSubprocessWithoutAnEntrypointIsLinked() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.py", """
                import subprocess

                subprocess.run(["prefect", "deploy", "-n", "nightly", "--cron", "30 2 * * *"], check=True)
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        Job job = inv.jobs().get(0);
        assertThat(job.attributes().get("deployment.deployedBy")).startsWith("deploy.py:3:");
        assertThat(job.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *", "30 2 * * *");
    }

    /**
     * A compose service that deploys by name, then starts its worker: the worker stays the service's job (before, the
     * deploy would have taken its place and been dropped), and the entry is linked to the service's command.
     */
    @Test
    void aComposeDeployBeforeTheWorkerLeavesTheWorkerTheServicesJob() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "docker-compose.yml", """
                services:
                  worker:
                    image: prefecthq/prefect:3-latest
                    command: sh -c "prefect deploy -n nightly && prefect worker start --pool k8s"
                """);
        assertThat(inv.jobs()).extracting(j -> j.kind() + " " + j.name())
                .containsExactlyInAnyOrder("PREFECT3_DEPLOYMENT lake-etl/nightly", "PREFECT_WORKER worker");
        Job entry = inv.jobs().stream().filter(j -> j.name().equals("lake-etl/nightly")).findFirst().orElseThrow();
        assertThat(entry.attributes().get("deployment.deployedBy")).startsWith("docker-compose.yml:");
    }

    /** A Kubernetes Job's container deploying by name, its env setting the default pool: the entry, on that pool. */
    @Test
    void aKubernetesContainerWithoutAnEntrypointIsLinked() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "k8s/deploy-job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: deploy-flows
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: deploy
                          image: prefecthq/prefect:3-latest
                          command: ["prefect", "deploy", "-n", "nightly"]
                          env:
                            - name: PREFECT_DEFAULT_WORK_POOL_NAME
                              value: k8s-prod
                """);
        assertThat(jobs(inv)).containsExactly("prefect3-nightly lake-etl/nightly @ prefect.yaml:4:5");
        Job job = inv.jobs().get(0);
        assertThat(job.attributes().get("deployment.deployedBy")).startsWith("k8s/deploy-job.yaml:");
        assertThat(job.attributes()).containsEntry("workPool", "k8s-prod");
    }
}
