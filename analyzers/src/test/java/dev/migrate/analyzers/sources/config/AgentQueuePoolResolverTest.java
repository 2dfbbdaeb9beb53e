package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

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
 * An agent's PF203 names the pool the deployments of its queues move to (named after their infrastructure block), as
 * the rewrite's worker serves it: the agent runs in one file (compose, a systemd unit), a Makefile builds the
 * deployments in another.
 */
class AgentQueuePoolResolverTest {
    private static final String GENERIC = "Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, "
            + "run `prefect worker start --pool POOL` on a typed work pool";

    @TempDir
    Path tmp;

    private static String compose(String command) {
        return """
                services:
                  agent:
                    image: prefecthq/prefect:2.14.9-python3.10
                    command: %s
                """.formatted(command);
    }

    private static String makefile(String... buildArgs) {
        StringBuilder out = new StringBuilder("deploy:\n");
        for (int i = 0; i < buildArgs.length; i++) {
            out.append("\tprefect deployment build flows/etl.py:etl -n d").append(i).append(' ').append(buildArgs[i]).append(" -a\n");
        }
        return out.toString();
    }

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<String> pf203(Inventory inv, String path) {
        return inv.findings().stream().filter(f -> f.code().equals("PF203") && f.where().path().equals(path))
                .map(f -> f.message()).toList();
    }

    @Test
    void oneBlockOnTheQueueNamesItsPoolAndType() throws IOException {
        Inventory inv = scan("docker-compose.yml", compose("prefect agent start -q etl"),
                "Makefile", makefile("-q etl -ib docker-container/etl-runner", "-q etl -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "docker-compose.yml")).containsExactly("Prefect 2 agent (`prefect agent start`); agents "
                + "were removed in Prefect 3, run `prefect worker start --pool etl-runner --type docker --work-queue etl` "
                + "(the pool the deployments of queue etl move to, named after their infrastructure block); create it "
                + "first: `prefect work-pool create etl-runner --type docker`");
    }

    @Test
    void deploymentsWithoutABlockMoveToTheStandInOfTheAgentPool() throws IOException {
        Inventory inv = scan("docker-compose.yml", compose("prefect agent start --work-queue etl"),
                "Makefile", makefile("-q etl"));
        assertThat(pf203(inv, "docker-compose.yml")).singleElement().asString()
                .contains("run `prefect worker start --pool process-pool --type process --work-queue etl` (the pool the "
                        + "deployments of queue etl move to, standing in for the agent's default-agent-pool)");
    }

    @Test
    void twoBlocksOnTheQueueNameAWorkerForEachPool() throws IOException {
        Inventory inv = scan("docker-compose.yml", compose("prefect agent start -q etl -q reports"),
                "Makefile", makefile("-q etl -ib docker-container/etl-runner", "-q reports -ib kubernetes-job/k8s-runner"));
        assertThat(pf203(inv, "docker-compose.yml")).containsExactly("Prefect 2 agent (`prefect agent start`); agents "
                + "were removed in Prefect 3, run one worker for each work pool the deployments of queues etl, reports "
                + "move to (one per infrastructure block: the agent ran every block of its queues, a Prefect 3 worker "
                + "serves one pool): `prefect worker start --pool etl-runner --type docker --work-queue etl --work-queue "
                + "reports`; `prefect worker start --pool k8s-runner --type kubernetes --work-queue etl --work-queue reports`");
    }

    @Test
    void noDeploymentOfTheQueueKeepsTheMessage() throws IOException {
        Inventory inv = scan("docker-compose.yml", compose("prefect agent start -q etl"),
                "Makefile", makefile("-q reports -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "docker-compose.yml")).containsExactly(GENERIC);
    }

    /** An agent that named no queue, or a prefix, polled queues a worker cannot be told: the message stays. */
    @Test
    void anAgentMatchingAPrefixKeepsTheMessage() throws IOException {
        Inventory inv = scan("docker-compose.yml", compose("prefect agent start --match etl"),
                "Makefile", makefile("-q etl -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "docker-compose.yml")).containsExactly(GENERIC);
    }

    /** A pool a setup script types is the agent's own: its worker serves it, whatever its deployments' blocks. */
    @Test
    void aPoolAScriptCreatesStillWins() throws IOException {
        Inventory inv = scan("deploy/setup.sh", "#!/bin/bash\nprefect work-pool create etl-pool --type process\n",
                "docker-compose.yml", compose("prefect agent start --pool etl-pool -q etl"),
                "Makefile", makefile("-q etl -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "docker-compose.yml")).singleElement().asString().contains(
                "run `prefect worker start --pool etl-pool`: its work pool 'etl-pool' is created with --type process at "
                        + "deploy/setup.sh:2").doesNotContain("etl-runner");
    }

    @Test
    void aSystemdUnitsAgentNamesThePoolFromItsCommand() throws IOException {
        Inventory inv = scan("deploy/prefect-agent.service", """
                [Unit]
                Description=Prefect agent

                [Service]
                User=prefect
                ExecStart=/opt/prefect/bin/prefect agent start -q etl
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """, "Makefile", makefile("-q etl -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "deploy/prefect-agent.service")).singleElement().asString()
                .contains("run `prefect worker start --pool etl-runner --type docker --work-queue etl`");
    }

    @Test
    void theAgentChartsValuesNameAKubernetesPool() throws IOException {
        Inventory inv = scan("helm/values.yaml", """
                agent:
                  image:
                    prefectTag: 2.14.9-python3.10-kubernetes
                  config:
                    workQueues:
                      - etl
                """, "Makefile", makefile("-q etl -ib kubernetes-job/k8s-runner"));
        assertThat(pf203(inv, "helm/values.yaml")).singleElement().asString().endsWith("use the prefect-worker chart "
                + "(`worker:` values) on work pool `k8s-runner` (`config.workPool: k8s-runner`, type kubernetes), the "
                + "pool the deployments of workQueues etl move to, named after their infrastructure block");
    }

    /** The chart's worker is a Kubernetes worker: a Docker block's pool is not its to serve, and the message stays. */
    @Test
    void theAgentChartsValuesKeepTheMessageForAnotherType() throws IOException {
        Inventory inv = scan("helm/values.yaml", """
                agent:
                  config:
                    workQueues:
                      - etl
                """, "Makefile", makefile("-q etl -ib docker-container/etl-runner"));
        assertThat(pf203(inv, "helm/values.yaml")).singleElement().asString().endsWith("with a typed work pool");
    }
}
