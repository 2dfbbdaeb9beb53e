package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a Prefect 2 project whose agent runs in docker compose (or under systemd) while a Makefile or a CI
 * workflow builds the deployments of its queue on an infrastructure block, rewritten by the Prefect 2 set with unsafe
 * fixes, then rewritten again: the agent's worker serves the pool those deployments were moved to, typed as their block.
 */
class AgentWorkerPoolProjectRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern DEPLOY_POOL = Pattern.compile("prefect --no-prompt deploy --pool (\\S+) ");
    private static final Pattern CREATE = Pattern.compile("prefect work-pool create (\\S+) --type ([\\w-]+)");

    @TempDir
    Path project;

    @Test
    void theComposeAgentsWorkerServesThePoolTheMakefilesDeploymentsOfItsQueueMovedTo() throws Exception {
        write("docker-compose.yml", """
                services:
                  prefect-server:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: prefect server start --host 0.0.0.0
                  prefect-agent:
                    image: prefecthq/prefect:2.14.9-python3.10
                    environment:
                      PREFECT_API_URL: http://prefect-server:4200/api
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock
                    command: prefect agent start -q etl
                    depends_on:
                      - prefect-server
                """);
        write("Makefile", """
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner --cron "0 3 * * *" -a
                \tprefect deployment build flows/etl.py:etl -n hourly -q etl -ib docker-container/etl-runner -a
                """);
        write("flows/etl.py", """
                from prefect import flow


                @flow
                def etl():
                    pass
                """);

        RewriteResult first = run();
        RewriteEngine.apply(project, first);

        String makefile = read("Makefile");
        Matcher deployed = DEPLOY_POOL.matcher(makefile);
        assertThat(deployed.find()).isTrue();
        String pool = deployed.group(1);
        assertThat(pool).isEqualTo("etl-runner");
        String compose = read("docker-compose.yml");
        // the worker serves the deployments' pool, with the type of their block, and its pool service creates that one
        assertThat(compose).contains("command: prefect worker start --work-queue etl --pool " + pool + " --type docker\n")
                .contains("prefect work-pool create " + pool + " --type docker;").doesNotContain("process-pool");
        // the type the deployments' notes create the pool with is the worker's
        assertThat(first.notes()).filteredOn(n -> n.sourcePath().equals("Makefile")).extracting(n -> {
            Matcher m = CREATE.matcher(n.message());
            return m.find() ? m.group(1) + " " + m.group(2) : null;
        }).filteredOn(c -> c != null).containsOnly(pool + " docker");

        assertThat(run().changes()).isEmpty();
    }

    @Test
    void aBlockNamedInAFileTheMakefileIncludesOrAScriptSourcesChoosesTheWorkersPoolToo() throws Exception {
        write("docker-compose.yml", """
                services:
                  agent:
                    image: prefecthq/prefect:2.14.3-python3.11
                    command: prefect agent start -q etl
                  reports-agent:
                    image: prefecthq/prefect:2.14.3-python3.11
                    command: prefect agent start -q reports
                """);
        // the .env and the sourced script name no deployment: the index must still read them for the variables
        write(".env", "INFRA=docker-container/etl-runner\n");
        write("Makefile", """
                include .env
                export

                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib $(INFRA) -a
                """);
        write("scripts/vars.sh", "REPORTS_BLOCK=kubernetes-job/reports-k8s\n");
        write("scripts/deploy.sh", """
                #!/bin/sh
                . ./scripts/vars.sh
                prefect deployment build flows/etl.py:etl -n reports -q reports -ib "$REPORTS_BLOCK" -a
                """);
        write("flows/etl.py", """
                from prefect import flow


                @flow
                def etl():
                    pass
                """);

        RewriteResult first = run();
        RewriteEngine.apply(project, first);

        assertThat(read("Makefile")).contains("deploy --pool etl-runner ");
        assertThat(read("scripts/deploy.sh")).contains("deploy --pool reports-k8s ");
        assertThat(read("docker-compose.yml"))
                .contains("command: prefect worker start --work-queue etl --pool etl-runner --type docker\n")
                .contains("command: prefect worker start --work-queue reports --pool reports-k8s --type kubernetes\n");
        assertThat(run().changes()).isEmpty();
    }

    @Test
    void anAgentWhoseQueueRanTwoBlocksKeepsTheStandInAndIsToldToRunAWorkerPerPool() throws Exception {
        write("deploy/prefect-agent.service", """
                [Unit]
                Description=Prefect agent
                
                [Service]
                ExecStart=/opt/venv/bin/prefect agent start -q reports
                Restart=always
                """);
        write(".github/workflows/deploy.yml", """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: pip install prefect==2.14.9
                      - run: prefect deployment build flows/daily.py:daily -n daily -q reports -ib process/reports -a
                      - run: prefect deployment build flows/heavy.py:heavy -n heavy -q reports -ib kubernetes-job/heavy -a
                """);

        RewriteResult first = run();
        RewriteEngine.apply(project, first);

        assertThat(read("deploy/prefect-agent.service"))
                .contains("ExecStart=/opt/venv/bin/prefect worker start --work-queue reports --pool process-pool --type process\n");
        assertThat(read(".github/workflows/deploy.yml")).contains("deploy --pool reports ").contains("deploy --pool heavy ");
        assertThat(first.notes()).filteredOn(n -> n.sourcePath().endsWith("prefect-agent.service") && n.manual())
                .extracting(n -> n.message()).anyMatch(m -> m.contains("were moved to 2 work pools")
                        && m.contains("this worker serves `process-pool`, which none of them uses")
                        && m.contains("prefect worker start --pool reports --type process --work-queue reports")
                        && m.contains("prefect worker start --pool heavy --type kubernetes --work-queue reports"));

        assertThat(run().changes()).isEmpty();
    }

    private String read(String path) throws Exception {
        return Files.readString(project.resolve(path));
    }

    private RewriteResult run() {
        return new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)), PrefectTarget.defaultTarget(), true)
                .run(project);
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(project.resolve(path).getParent() == null ? project : project.resolve(path).getParent());
        Files.writeString(project.resolve(path), text);
    }
}
