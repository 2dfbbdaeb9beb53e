package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class MigrateComposeAgentToWorkerTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateComposeAgentToWorker());
    }

    @DocumentExample
    @Test
    void agentServiceBecomesWorkerWithPoolCreation() {
        rewriteRun(yaml(
            """
            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start --host 0.0.0.0
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                container_name: k2-prefect-agent
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                command: prefect agent start -q iceberg-offload
                depends_on:
                  - prefect-server
              monitor:
                image: busybox
                depends_on: [prefect-agent]
            """,
            """
            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start --host 0.0.0.0
              prefect-worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                depends_on:
                  prefect-server:
                    condition: service_started
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                container_name: k2-prefect-worker
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                command: prefect worker start --work-queue iceberg-offload --pool process-pool --type process
                depends_on:
                  prefect-server:
                    condition: service_started
                  prefect-worker-create-pool:
                    condition: service_completed_successfully
              monitor:
                image: busybox
                depends_on: [prefect-worker]
            """,
            spec -> spec.path("docker-compose.v2.yml").afterRecipe(docs -> assertComposeSemantics(docs.printAll()))));
    }

    // a server + agent compose file where the agent runs from `entrypoint:` as an exec list: it was left as
    // an agent without a word
    @Test
    void agentGivenAsEntrypointListBecomesWorker() {
        rewriteRun(yaml(
            """
            services:
              agent:
                image: prefecthq/prefect:2-python3.11
                entrypoint: ["prefect", "agent", "start", "-q", "nightly"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
            """,
            """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2-python3.11
                environment:
                  - PREFECT_API_URL=http://server:4200/api
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2-python3.11
                entrypoint: ["prefect", "worker", "start", "--work-queue", "nightly", "--pool", "process-pool", "--type", "process"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // an agent whose command gave the entrypoint its queue became a worker entrypoint whose appended command named a
    // queue of pool `default`, with a note that the agent named no queue; a queue list in a variable kept
    // `prefect agent start $QUEUES` under a Prefect 3 image without a word
    @Test
    void entrypointArgumentsAndExpandedQueuesAreLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .allSatisfy(r -> assertThat(r.manual()).isTrue())
                .anySatisfy(r -> assertThat(r.message()).contains("command gives this entrypoint its arguments"))
                .anySatisfy(r -> assertThat(r.message()).contains("`$QUEUES` is given to the agent as it expands"))),
            yaml(
            """
            services:
              agent:
                image: prefecthq/prefect:2-python3.11
                entrypoint: ["prefect", "agent", "start"]
                command: ["-q", "${AGENT_QUEUE:-default}"]
              agent2:
                image: prefecthq/prefect:2-python3.11
                command: prefect agent start $QUEUES
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a forecasting stack whose agent is built from the project's Dockerfile: the pool service had neither
    // image nor build, which compose rejects
    @Test
    void poolServiceOfABuiltWorkerBuildsTheSameImage() {
        rewriteRun(yaml(
            """
            services:
              prefect-agent:
                build:
                  context: .
                command: prefect agent start -q default
            """,
            """
            services:
              prefect-worker-create-pool:
                build:
                  context: .
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              prefect-worker:
                build:
                  context: .
                command: prefect worker start --work-queue default --pool process-pool --type process
                depends_on:
                  prefect-worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a compose stack whose agent lists its environment with a commented-out API key below: the comment lines
    // sit before the next field, and the pool service copied them with that field, the first one re-indented
    @Test
    void commentsBetweenCopiedFieldsStayWithTheWorkerOnly() {
        rewriteRun(yaml(
            """
            services:
              agent:
                image: prefecthq/prefect:2.6.5-python3.10
                entrypoint: ["prefect", "agent", "start", "-q", "main"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
            #       set the key when the agent talks to Prefect Cloud
            #     - PREFECT_API_KEY=YOUR_KEY
                profiles: ["agent"]
            """,
            """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2.6.5-python3.10
                environment:
                  - PREFECT_API_URL=http://server:4200/api
                profiles: ["agent"]
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.6.5-python3.10
                entrypoint: ["prefect", "worker", "start", "--work-queue", "main", "--pool", "process-pool", "--type", "process"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
            #       set the key when the agent talks to Prefect Cloud
            #     - PREFECT_API_KEY=YOUR_KEY
                profiles: ["agent"]
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a stack of two agents, one started through `bash -c "..."` in a folded command, the other after it: the pool
    // service took the closing quote of the bash text as part of the type (`--type process""`), and the second
    // pool service kept `depends_on: [etl-agent]`, a service that no longer exists
    @Test
    void poolServicesTakeCleanPoolNamesAndTheRenamedDependencies() {
        rewriteRun(yaml(
            """
            services:
              etl-agent:
                image: prefecthq/prefect:2.16.4-python3.10
                command: >
                  bash -c "prefect agent start -p etl"
              ml-agent:
                image: prefecthq/prefect:2.16.4-python3.10
                command: ["prefect", "agent", "start", "-p", "train"]
                depends_on:
                  - etl-agent
            """,
            """
            services:
              etl-worker-create-pool:
                image: prefecthq/prefect:2.16.4-python3.10
                command: sh -c "n=0; until prefect work-pool inspect etl >/dev/null 2>&1 || prefect work-pool create etl --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool etl, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              etl-worker:
                image: prefecthq/prefect:2.16.4-python3.10
                depends_on:
                  etl-worker-create-pool:
                    condition: service_completed_successfully
                command: >
                  bash -c "prefect worker start --pool etl --type process"
              ml-worker-create-pool:
                image: prefecthq/prefect:2.16.4-python3.10
                depends_on:
                  etl-worker:
                    condition: service_started
                command: sh -c "n=0; until prefect work-pool inspect train >/dev/null 2>&1 || prefect work-pool create train --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool train, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              ml-worker:
                image: prefecthq/prefect:2.16.4-python3.10
                command: ["prefect", "worker", "start", "--pool", "train", "--type", "process"]
                depends_on:
                  etl-worker:
                    condition: service_started
                  ml-worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a deployer service folds `sh -c "build &&` and a deeper-indented `apply"` over two lines: the break is
    // kept, the recipe cannot read the command, and it said nothing because the note looked only for agents
    @Test
    void anUnreadableCommandWithDeploymentCommandsGetsANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.message()).contains("service `deployer`", "rewrite its Prefect 2 commands by hand");
                })),
            yaml(
            """
            services:
              deployer:
                image: prefecthq/prefect:2.20.4-python3.12
                command: >
                  sh -c "prefect deployment build flows/main.py:main -n main -q etl -o main.yaml &&
                         prefect deployment apply main.yaml"
            """,
            spec -> spec.path("docker-compose.yaml")));
    }

    // a compose file sharing its Prefect settings through an `x-prefect` anchor, one agent per profile: the
    // pool service had neither image nor build (compose rejects it) and ran without its worker's profile
    @Test
    void poolServiceInheritsTheMergedSettingsAndTheProfileOfItsWorker() {
        rewriteRun(yaml(
            """
            x-prefect: &prefect
              image: prefecthq/prefect:2.19.4-python3.11
              restart: unless-stopped
            services:
              agent-etl:
                <<: *prefect
                profiles: ["etl"]
                command: prefect agent start -q etl
            """,
            """
            x-prefect: &prefect
              image: prefecthq/prefect:2.19.4-python3.11
              restart: unless-stopped
            services:
              worker-etl-create-pool:
                <<: *prefect
                profiles: ["etl"]
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker-etl:
                <<: *prefect
                profiles: ["etl"]
                command: prefect worker start --work-queue etl --pool process-pool --type process
                depends_on:
                  worker-etl-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a tools service deploying with a folded `command: >`: YAML reads its line breaks as spaces, the shell
    // rewrite read them as ends of commands, so the overrides on the second line were left for Prefect 3 to reject
    @Test
    void foldedCommandIsOneCommandOverItsLines() {
        rewriteRun(yaml(
            """
            services:
              deployer:
                image: prefecthq/prefect:2.19.4-python3.11
                command: >
                  bash -c "prefect deployment build flows/etl.py:etl -n nightly -q etl
                  --override env.DB_HOST=warehouse -p etl -a"
            """,
            """
            services:
              deployer:
                image: prefecthq/prefect:2.19.4-python3.11
                command: >
                  bash -c "prefect --no-prompt deploy flows/etl.py:etl --name nightly --work-queue etl
                  --job-variable '{\\"env\\":{\\"DB_HOST\\":\\"warehouse\\"}}' --pool etl"
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // an agent on a pool given by the environment (`--pool "${POOL}"`): the pool service's sh -c text took the
    // quotes along and closed its own string
    @Test
    void aQuotedPoolNameStandsUnquotedInThePoolService() {
        rewriteRun(yaml(
            """
            services:
              agent:
                build: .
                command: 'prefect agent start --pool "${POOL}" -q a'
            """,
            """
            services:
              worker-create-pool:
                build: .
                command: sh -c "n=0; until prefect work-pool inspect ${POOL} >/dev/null 2>&1 || prefect work-pool create ${POOL} --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool ${POOL}, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                build: .
                command: 'prefect worker start --pool "${POOL}" --work-queue a --type process'
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void workerComposeIsLeftAlone() {
        rewriteRun(yaml(
            """
            services:
              prefect-worker:
                image: prefecthq/prefect:3-python3.12
                command: prefect worker start --pool iceberg-offload --type process
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void aNoteNamesTheLineOfItsService() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(6);
                    assertThat(r.code()).isEqualTo("PF203");
                    assertThat(r.message()).contains("service `prefect-agent`");
                })),
            yaml(
            """
            # agents for the lake jobs
            services:
              prefect-server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q lake
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a compose file with two agents: the notes named the lines the agents had in the input, which in the
    // output are the pool services inserted above them; they name the workers' command lines now. The comment
    // above an agent stays with it (above the worker). Both agents polled queues of default-agent-pool: their
    // workers share the pool that stands in for it, created once
    @Test
    void notesNameTheLinesOfTheRewrittenCommandsInTheOutput() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).filteredOn(r -> r.message().contains("`lake`")).extracting(MigrationNotes.Row::line)
                        .containsOnly(9);
                assertThat(rows).filteredOn(r -> r.message().contains("`sea`")).extracting(MigrationNotes.Row::line)
                        .containsOnly(16);
            }),
            yaml(
            """
            # agents for the lake jobs
            services:
              prefect-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q lake
              # the sea jobs
              sea-agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: >-
                  prefect agent start -q sea
            """,
            """
            # agents for the lake jobs
            services:
              prefect-worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect worker start --work-queue lake --pool process-pool --type process
                depends_on:
                  prefect-worker-create-pool:
                    condition: service_completed_successfully
              # the sea jobs
              sea-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: >-
                  prefect worker start --work-queue sea --pool process-pool --type process
                depends_on:
                  prefect-worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void serviceLinesComeFromTheServicesBlockOnly() {
        String text = "x-defaults:\n  worker: {}\nservices:\n  \"worker\":\n    image: a\n";
        assertThat(MigrateComposeAgentToWorker.serviceLine(text, "worker")).isEqualTo(4);
        assertThat(MigrateComposeAgentToWorker.serviceLine("services: {worker: {image: a}}\n", "worker")).isZero();
    }

    // a compose agent on two queues, one from the environment in double quotes
    @Test
    void everyQueueOfAComposeAgentIsKept() {
        rewriteRun(yaml(
            """
            services:
              agent:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect agent start -q ingest -q "${EXTRA_QUEUE}"
            """,
            """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2.14.9-python3.10
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect worker start --work-queue ingest --work-queue "${EXTRA_QUEUE}" --pool process-pool --type process
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // a server with a healthcheck and an agent with long-form and flow-list dependencies: the pool service ran as soon
    // as the server's container started, before its API answered, failed, and the worker started anyway (its
    // depends_on only waited for the pool service to start) and exited on a pool that did not exist
    @Test
    void poolServiceWaitsForAHealthyServerAndWorkersForThePool() {
        rewriteRun(yaml(
            """
            services:
              db:
                image: postgres:15
              server:
                image: prefecthq/prefect:2.19.4-python3.11
                command: ["prefect", "server", "start", "--host", "0.0.0.0"]
                healthcheck:
                  test: ["CMD", "python", "-c", "import urllib.request as u; u.urlopen('http://localhost:4200/api/health')"]
                  interval: 5s
              agent:
                image: prefecthq/prefect:2.19.4-python3.11
                command: prefect agent start -q etl
                depends_on:
                  db:
                    condition: service_healthy
                    required: false
                  server:
                    condition: service_started
              agent-ml:
                image: prefecthq/prefect:2.19.4-python3.11
                command: prefect agent start -q ml
                depends_on: [server, db]
            """,
            """
            services:
              db:
                image: postgres:15
              server:
                image: prefecthq/prefect:2.19.4-python3.11
                command: ["prefect", "server", "start", "--host", "0.0.0.0"]
                healthcheck:
                  test: ["CMD", "python", "-c", "import urllib.request as u; u.urlopen('http://localhost:4200/api/health')"]
                  interval: 5s
              worker-create-pool:
                image: prefecthq/prefect:2.19.4-python3.11
                depends_on:
                  db:
                    condition: service_healthy
                    required: false
                  server:
                    condition: service_healthy
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.19.4-python3.11
                command: prefect worker start --work-queue etl --pool process-pool --type process
                depends_on:
                  db:
                    condition: service_healthy
                    required: false
                  server:
                    condition: service_started
                  worker-create-pool:
                    condition: service_completed_successfully
              worker-ml:
                image: prefecthq/prefect:2.19.4-python3.11
                command: prefect worker start --work-queue ml --pool process-pool --type process
                depends_on:
                  server:
                    condition: service_started
                  db:
                    condition: service_started
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml").afterRecipe(docs -> assertComposeSemantics(docs.printAll()))));
    }

    // a server without a healthcheck (or one disabled) is waited for as started, the command's retries cover the rest;
    // 2.x's `prefect orion start` is the server too (and becomes `prefect server start`)
    @Test
    void poolServiceWaitsForAStartedServerWithoutHealthcheck() {
        rewriteRun(yaml(
            """
            services:
              orion:
                image: prefecthq/prefect:2.7.0-python3.10
                command: prefect orion start
                healthcheck:
                  disable: true
              agent:
                image: prefecthq/prefect:2.7.0-python3.10
                command: prefect agent start -q etl
            """,
            """
            services:
              orion:
                image: prefecthq/prefect:2.7.0-python3.10
                command: prefect server start
                healthcheck:
                  disable: true
              worker-create-pool:
                image: prefecthq/prefect:2.7.0-python3.10
                depends_on:
                  orion:
                    condition: service_started
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.7.0-python3.10
                command: prefect worker start --work-queue etl --pool process-pool --type process
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("docker-compose.yml").afterRecipe(docs -> assertComposeSemantics(docs.printAll()))));
    }

    /**
     * Reads the file as compose does: every worker waits for a pool service to complete, every pool service's
     * command is one {@code sh -c} script that {@code sh -n} reads (compose's {@code $$} escapes unescaped first),
     * and its work-pool commands exist in the Prefect 3 CLI.
     */
    @SuppressWarnings("unchecked")
    private static void assertComposeSemantics(String compose) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(compose);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) root.get("services");
        services.forEach((name, svc) -> {
            String command = String.valueOf(svc.get("command"));
            if (name.endsWith("-create-pool")) {
                assertThat(svc.get("restart")).isEqualTo("no");
                assertThat(command).startsWith("sh -c \"").endsWith("\"");
                String script = command.substring(7, command.length() - 1).replace("$$", "$");
                assertThat(script).doesNotContain("\"");
                assertShellParses(script);
                PrefectCli cli = PrefectApi.get().cli(PrefectApi.Version.V3);
                assertThat(cli.has("work-pool inspect")).isTrue();
                assertThat(cli.has("work-pool create")).isTrue();
            } else if (command.contains("worker start")) {
                Map<String, Map<String, Object>> deps = (Map<String, Map<String, Object>>) svc.get("depends_on");
                assertThat(deps).as(name).isNotNull();
                assertThat(deps.entrySet()).as(name).anySatisfy(d -> {
                    assertThat(services).containsKey(d.getKey());
                    assertThat(d.getKey()).endsWith("-create-pool");
                    assertThat(d.getValue()).containsEntry("condition", "service_completed_successfully");
                });
            }
        });
    }

    /** sh -n reads the script without running it; skipped without sh. */
    private static void assertShellParses(String script) {
        try {
            Process p = new ProcessBuilder("sh", "-n").redirectErrorStream(true).start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "no sh");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // `docker compose -f deploy/stack.yml up -d` in a Makefile makes deploy/stack.yml a compose file of the project
    @Test
    void aComposeFileNamedWithFInAMakefileIsMigratedWhateverItsName() {
        rewriteRun(
            org.openrewrite.test.SourceSpecs.text("up:\n\tdocker compose -f deploy/stack.yml up -d\n",
                spec -> spec.path("Makefile")),
            yaml(
            """
            services:
              worker:
                image: prefecthq/prefect:2-python3.11
                command: prefect agent start -q nightly
            """,
            """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2-python3.11
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2-python3.11
                command: prefect worker start --work-queue nightly --pool process-pool --type process
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """,
            spec -> spec.path("deploy/stack.yml")));
    }

    // the same file that nothing names, and one a command only follows the logs of, is no compose file
    @Test
    void aYamlFileNoCommandNamesIsLeftAlone() {
        rewriteRun(
            org.openrewrite.test.SourceSpecs.text("logs:\n\tdocker compose logs -f deploy/stack.yml\n",
                spec -> spec.path("Makefile")),
            yaml(
            """
            services:
              worker:
                image: prefecthq/prefect:2-python3.11
                command: prefect agent start -q nightly
            """,
            spec -> spec.path("deploy/stack.yml")));
    }

    // COMPOSE_FILE in the project's .env and a compose file's include: name compose files too
    @Test
    void composeFilesNamedByComposeFileAndIncludeAreMigrated() {
        String before = """
            services:
              worker:
                image: prefecthq/prefect:2-python3.11
                command: prefect agent start -q nightly
            """;
        String after = """
            services:
              worker-create-pool:
                image: prefecthq/prefect:2-python3.11
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:2-python3.11
                command: prefect worker start --work-queue nightly --pool process-pool --type process
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """;
        rewriteRun(
            org.openrewrite.test.SourceSpecs.text("COMPOSE_FILE=base.yml:agents.yml\n", spec -> spec.path("ops/.env")),
            yaml(before, after, spec -> spec.path("ops/agents.yml")),
            yaml("include:\n  - workers/stack.yml\nservices:\n  db:\n    image: postgres:16\n", spec -> spec.path("compose.yaml")),
            yaml(before, after, spec -> spec.path("workers/stack.yml")));
    }
}
