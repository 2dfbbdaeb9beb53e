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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PREFECT_DEFAULT_WORK_POOL_NAME} (and 3.1+'s {@code PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME}) is
 * {@code prefect deploy --pool}'s default: where the command's environment sets it and the command gives no
 * {@code --pool}, the deployment's pool is the setting's, over a prefect.yaml entry's too, as Prefect applies the option.
 * Before, such a deployment had no pool, or the entry's.
 */
class DefaultWorkPoolTest {
    @TempDir
    Path tmp;

    private static final String FLOW = "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n";
    private static final String PREFECT_YAML = """
            name: lake
            prefect-version: 3.1.0
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                work_pool:
                  name: k8s
              - name: weekly
                entrypoint: flows/etl.py:etl
                work_pool:
                  name: k8s
            """;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + inv.jobs().stream().map(Job::name).toList()));
    }

    @Test
    void aWorkflowsEnvGivesTheCommandItsPool() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, ".github/workflows/deploy.yml", """
                on: push
                env:
                  PREFECT_DEFAULT_WORK_POOL_NAME: k8s-prod
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: prefect deploy flows/etl.py:etl -n hourly --cron "0 * * * *"
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "k8s-prod")
                .containsEntry(DefaultWorkPool.FROM, "PREFECT_DEFAULT_WORK_POOL_NAME");
    }

    /** The setting is the option's default, so it replaces the entry's pool, as a --pool would. */
    @Test
    void anExportedSettingIsThePoolOfTheEntryTheCommandDeploys() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                export PREFECT_DEFAULT_WORK_POOL_NAME=etl-pool
                prefect deploy -n nightly
                """);
        assertThat(job(inv, "etl/nightly").attributes()).containsEntry("workPool", "etl-pool")
                .containsEntry("deployment.deployedBy", "deploy.sh:3:1");
        assertThat(job(inv, "etl/weekly").attributes()).containsEntry("workPool", "k8s");
    }

    /** Must not change: a shell variable not exported stays the shell's; Prefect never sees it. */
    @Test
    void aVariableNotExportedIsNotTheCommandsEnvironment() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                PREFECT_DEFAULT_WORK_POOL_NAME=etl-pool
                prefect deploy -n nightly
                """);
        assertThat(job(inv, "etl/nightly").attributes()).containsEntry("workPool", "k8s")
                .doesNotContainKey(DefaultWorkPool.FROM);
    }

    /** Must not change: a --pool given is the pool, whatever the setting says. */
    @Test
    void aPoolGivenWins() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "deploy.sh", """
                #!/bin/sh
                export PREFECT_DEFAULT_WORK_POOL_NAME=etl-pool
                prefect deploy flows/etl.py:etl -n hourly -p given
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "given")
                .doesNotContainKey(DefaultWorkPool.FROM);
    }

    /** The command's own prefix, by 3.1+'s canonical name. */
    @Test
    void theCommandsPrefixSetsIt() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "deploy.sh", """
                #!/bin/sh
                PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME=lake prefect deploy flows/etl.py:etl -n hourly
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "lake")
                .containsEntry(DefaultWorkPool.FROM, "PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME");
    }

    @Test
    void aComposeServicesEnvironmentSetsIt() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "docker-compose.yml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-latest
                    command: prefect deploy flows/etl.py:etl -n hourly --cron "0 * * * *"
                    environment:
                      PREFECT_DEFAULT_WORK_POOL_NAME: compose-pool
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "compose-pool");
    }

    /**
     * A compose service's {@code env_file:} is the container's environment too: the files in order, a later one's
     * value winning, and the canonical name over the legacy alias.
     */
    @Test
    void aComposeServicesEnvFileSetsIt() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "deploy/compose.yaml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-latest
                    env_file:
                      - common.env
                      - path: prod.env
                        required: false
                    command: prefect deploy flows/etl.py:etl -n hourly --cron "0 * * * *"
                """, "deploy/common.env", """
                PREFECT_DEFAULT_WORK_POOL_NAME=common-pool
                PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME=shared-pool
                """, "deploy/prod.env", """
                # production
                PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME="prod-pool"
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "prod-pool")
                .containsEntry(DefaultWorkPool.FROM, "PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME");
    }

    /** Must not change: the service's {@code environment:} comes before its env files, as compose applies them. */
    @Test
    void aComposeServicesEnvironmentWinsOverItsEnvFile() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "docker-compose.yml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-latest
                    env_file: deploy.env
                    environment:
                      PREFECT_DEFAULT_WORK_POOL_NAME: compose-pool
                    command: prefect deploy flows/etl.py:etl -n hourly
                """, "deploy.env", """
                PREFECT_DEFAULT_WORK_POOL_NAME=file-pool
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "compose-pool");
    }

    /**
     * A script a systemd unit runs gets the unit's environment: its {@code EnvironmentFile=} (an absolute path, read
     * where the tree holds its tail) over its {@code Environment=}.
     */
    @Test
    void theSystemdUnitThatRunsTheScriptSetsIt() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "bin/deploy.sh", """
                #!/bin/sh
                cd /srv/lake
                prefect deploy flows/etl.py:etl -n hourly --cron "0 * * * *"
                """, "ops/lake-deploy.service", """
                [Unit]
                Description=Deploy the lake flows

                [Service]
                Type=oneshot
                Environment=PREFECT_DEFAULT_WORK_POOL_NAME=unit-pool
                EnvironmentFile=-/srv/lake/ops/deploy.env
                ExecStart=/srv/lake/bin/deploy.sh
                """, "ops/lake-deploy.timer", """
                [Timer]
                OnCalendar=daily

                [Install]
                WantedBy=timers.target
                """, "ops/deploy.env", """
                PREFECT_DEFAULT_WORK_POOL_NAME=file-pool
                """);
        assertThat(job(inv, "etl/hourly").attributes()).containsEntry("workPool", "file-pool");
    }

    /** Must not change: a script's own export wins over the unit's; units that disagree give no pool. */
    @Test
    void aScriptsOwnSettingOrDisagreeingUnitsKeepThePoolUnread() throws IOException {
        String timer = "[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n";
        Inventory inv = scan("flows/etl.py", FLOW, "bin/deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl -n hourly
                """, "bin/own.sh", """
                #!/bin/sh
                export PREFECT_DEFAULT_WORK_POOL_NAME=script-pool
                prefect deploy flows/etl.py:etl -n nightly
                """, "ops/a.service", "[Service]\nEnvironment=PREFECT_DEFAULT_WORK_POOL_NAME=a-pool\n"
                        + "ExecStart=/srv/lake/bin/deploy.sh\nExecStartPost=/srv/lake/bin/own.sh\n", "ops/a.timer", timer,
                "ops/b.service", "[Service]\nEnvironment=PREFECT_DEFAULT_WORK_POOL_NAME=b-pool\n"
                        + "ExecStart=/srv/lake/bin/deploy.sh\n", "ops/b.timer", timer);
        assertThat(job(inv, "etl/hourly").attributes()).doesNotContainKey("workPool");
        assertThat(job(inv, "etl/nightly").attributes()).containsEntry("workPool", "script-pool");
    }

    /** Must not change: several entries at once are deployed as the file says them; Prefect ignores the options. */
    @Test
    void severalEntriesKeepTheirPools() throws IOException {
        Inventory inv = scan("flows/etl.py", FLOW, "prefect.yaml", PREFECT_YAML, "deploy.sh", """
                #!/bin/sh
                export PREFECT_DEFAULT_WORK_POOL_NAME=etl-pool
                prefect deploy --all
                """);
        assertThat(job(inv, "etl/nightly").attributes()).containsEntry("workPool", "k8s");
        assertThat(job(inv, "etl/weekly").attributes()).containsEntry("workPool", "k8s");
    }
}
