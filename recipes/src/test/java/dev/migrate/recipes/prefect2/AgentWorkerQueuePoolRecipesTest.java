package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RewriteTest;

/**
 * The recipes turning a Prefect 2 agent into a worker (a compose service, a systemd unit, the prefect-agent Helm
 * chart's values) read the run's deployments of the agent's queues: when another file builds them all on one
 * infrastructure block, the worker serves the pool they were moved to, named after that block and of its type.
 */
class AgentWorkerQueuePoolRecipesTest implements RewriteTest {
    /** A Makefile building the deployments of queue {@code etl} on a saved Docker block, as the run reads it. */
    private static final String MAKEFILE = """
            deploy:
            \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner -a
            """;

    @DocumentExample
    @Test
    void composeAgentsWorkerServesThePoolOfItsQueuesDeployments() {
        rewriteRun(spec -> spec.recipe(new MigrateComposeAgentToWorker()).dataTable(MigrationNotes.Row.class, rows ->
                        assertThat(rows).extracting(MigrationNotes.Row::message).anyMatch(m -> m.contains(
                                "the worker serves work pool `etl-runner` (type docker), where the deployments of the "
                                        + "agent's queue were moved (named after their infrastructure block)"))
                                // a docker worker imports prefect-docker, which the plain Prefect image does not hold
                                .contains("a docker worker needs the prefect-docker package, which image "
                                        + "`prefecthq/prefect:2.14.9-python3.10` does not hold: set "
                                        + "EXTRA_PIP_PACKAGES=prefect-docker in the service's environment (the image "
                                        + "installs it at start) or run an image that holds it")),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            yaml(
            """
            services:
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q etl
            """,
            """
            services:
              prefect-worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                command: sh -c "n=0; until prefect work-pool inspect etl-runner >/dev/null 2>&1 || prefect work-pool create etl-runner --type docker; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool etl-runner, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect worker start --work-queue etl --pool etl-runner --type docker
                depends_on:
                  prefect-worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // an environment that installs the worker's package needs no note about it
    @Test
    void composeWorkerWhoseEnvironmentInstallsItsPackageGetsNoPackageNote() {
        rewriteRun(spec -> spec.recipe(new MigrateComposeAgentToWorker()).dataTable(MigrationNotes.Row.class, rows ->
                        assertThat(rows).extracting(MigrationNotes.Row::message).noneMatch(m -> m.contains("package"))),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            yaml(
            """
            services:
              agent:
                image: prefecthq/prefect:2.14.9-python3.10
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker
                command: prefect agent start -q etl
            """,
            """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker
                command: sh -c "n=0; until prefect work-pool inspect etl-runner >/dev/null 2>&1 || prefect work-pool create etl-runner --type docker; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool etl-runner, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.14.9-python3.10
                environment:
                  EXTRA_PIP_PACKAGES: prefect-docker
                command: prefect worker start --work-queue etl --pool etl-runner --type docker
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a worker already serving the pool is left as it is, whatever the deployments of its queue
    @Test
    void composeWorkerIsLeftAlone() {
        rewriteRun(spec -> spec.recipe(new MigrateComposeAgentToWorker()),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            yaml(
            """
            services:
              prefect-worker:
                image: prefecthq/prefect:3.8.3-python3.10
                command: prefect worker start --work-queue etl --pool etl-runner --type docker
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void systemdAgentsWorkerServesThePoolOfItsQueuesDeployments() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInSystemdUnits()),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            text(
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect agent start -q etl
            Restart=always
            """,
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect worker start --work-queue etl --pool etl-runner --type docker
            Restart=always
            """,
            spec -> spec.path("etc/systemd/system/prefect-agent.service")));
    }

    // the agent of another queue keeps the pool standing in for default-agent-pool
    @Test
    void systemdAgentOfAnotherQueueKeepsTheStandIn() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInSystemdUnits()),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            text(
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect agent start -q reports
            """,
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect worker start --work-queue reports --pool process-pool --type process
            """,
            spec -> spec.path("etc/systemd/system/prefect-agent.service")));
    }

    @Test
    void systemdWorkerIsLeftAlone() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInSystemdUnits()),
            text(
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect worker start --work-queue etl --pool etl-runner --type docker
            """,
            spec -> spec.path("etc/systemd/system/prefect-worker.service")));
    }

    // the chart runs a Kubernetes worker: the deployments of its queues moved to one kubernetes pool, which it serves
    @Test
    void helmAgentsWorkerServesTheKubernetesPoolOfItsQueuesDeployments() {
        rewriteRun(spec -> spec.recipe(new MigrateHelmAgentValuesToWorker()),
            text("""
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q k8s-etl -ib kubernetes-job/etl-jobs -a
                """, spec -> spec.path("Makefile")),
            yaml(
            """
            agent:
              config:
                workQueues:
                  - k8s-etl
              apiConfig: server
            """,
            """
            worker:
              config:
                workQueues:
                  - k8s-etl
                workPool: etl-jobs
              apiConfig: selfHostedServer
            """,
            spec -> spec.path("helm/prefect-agent/values.yaml")));
    }

    // a Docker pool is no Kubernetes worker's: the stand-in stays, and the note asks for a worker of that pool's type
    @Test
    void helmAgentWhoseQueuesDeploymentsMovedToADockerPoolIsToldToRunADockerWorker() {
        rewriteRun(spec -> spec.recipe(new MigrateHelmAgentValuesToWorker()).dataTable(MigrationNotes.Row.class, rows ->
                        assertThat(rows).extracting(MigrationNotes.Row::message).anyMatch(m -> m.contains(
                                "were moved to work pool `etl-runner` (type docker), which this chart's Kubernetes "
                                        + "worker cannot serve: run one worker for each: prefect worker start --pool "
                                        + "etl-runner --type docker --work-queue etl"))),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            yaml(
            """
            agent:
              config:
                workQueues:
                  - etl
              apiConfig: server
            """,
            """
            worker:
              config:
                workQueues:
                  - etl
                workPool: kubernetes-pool
              apiConfig: selfHostedServer
            """,
            spec -> spec.path("helm/prefect-agent/values.yaml")));
    }

    @Test
    void helmWorkerValuesAreLeftAlone() {
        rewriteRun(spec -> spec.recipe(new MigrateHelmAgentValuesToWorker()),
            text(MAKEFILE, spec -> spec.path("Makefile")),
            yaml(
            """
            worker:
              config:
                workQueues:
                  - etl
                workPool: etl-runner
            """,
            spec -> spec.path("helm/prefect-worker/values.yaml")));
    }

    // a Kubernetes manifest's agent: the deployments of its queue run as Kubernetes jobs of a saved block, whose pool
    // its worker now serves
    @Test
    void kubernetesManifestsAgentServesThePoolOfItsQueuesDeployments() {
        rewriteRun(spec -> spec.recipe(new dev.migrate.recipes.prefectcli.RewritePrefectCliInYamlCommands()),
            text("""
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q k8s-etl -ib kubernetes-job/etl-jobs -a
                """, spec -> spec.path("Makefile")),
            yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: prefecthq/prefect:2.14.3-python3.10-kubernetes
                      command: ["prefect", "agent", "start", "-q", "k8s-etl"]
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: prefecthq/prefect:2.14.3-python3.10-kubernetes
                      command: ["prefect", "worker", "start", "--work-queue", "k8s-etl", "--pool", "etl-jobs", "--type", "kubernetes"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    @Test
    void kubernetesManifestsWorkerIsLeftAlone() {
        rewriteRun(spec -> spec.recipe(new dev.migrate.recipes.prefectcli.RewritePrefectCliInYamlCommands()),
            yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: worker
                      image: prefecthq/prefect:3.8.3-python3.10-kubernetes
                      command: ["prefect", "worker", "start", "--work-queue", "k8s-etl", "--pool", "etl-jobs", "--type", "kubernetes"]
            """,
            spec -> spec.path("k8s/worker.yaml")));
    }
}
