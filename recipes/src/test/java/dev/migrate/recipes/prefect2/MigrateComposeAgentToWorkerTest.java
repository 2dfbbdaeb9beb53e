package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

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
                  - prefect-server
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                container_name: k2-prefect-worker
                environment:
                  PREFECT_API_URL: http://prefect-server:4200/api
                command: prefect worker start --work-queue iceberg-offload --pool process-pool --type process
                depends_on:
                  - prefect-server
              monitor:
                image: busybox
                depends_on: [prefect-worker]
            """,
            spec -> spec.path("docker-compose.v2.yml")));
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              worker:
                image: prefecthq/prefect:2-python3.11
                entrypoint: ["prefect", "worker", "start", "--work-queue", "nightly", "--pool", "process-pool", "--type", "process"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              prefect-worker:
                build:
                  context: .
                command: prefect worker start --work-queue default --pool process-pool --type process
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.6.5-python3.10
                entrypoint: ["prefect", "worker", "start", "--work-queue", "main", "--pool", "process-pool", "--type", "process"]
                environment:
                  - PREFECT_API_URL=http://server:4200/api
            #       set the key when the agent talks to Prefect Cloud
            #     - PREFECT_API_KEY=YOUR_KEY
                profiles: ["agent"]
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
                command: sh -c "prefect work-pool inspect etl >/dev/null 2>&1 || prefect work-pool create etl --type process"
                restart: "no"
              etl-worker:
                image: prefecthq/prefect:2.16.4-python3.10
                command: >
                  bash -c "prefect worker start --pool etl --type process"
              ml-worker-create-pool:
                image: prefecthq/prefect:2.16.4-python3.10
                depends_on:
                  - etl-worker
                command: sh -c "prefect work-pool inspect train >/dev/null 2>&1 || prefect work-pool create train --type process"
                restart: "no"
              ml-worker:
                image: prefecthq/prefect:2.16.4-python3.10
                command: ["prefect", "worker", "start", "--pool", "train", "--type", "process"]
                depends_on:
                  - etl-worker
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              worker-etl:
                <<: *prefect
                profiles: ["etl"]
                command: prefect worker start --work-queue etl --pool process-pool --type process
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
                command: sh -c "prefect work-pool inspect ${POOL} >/dev/null 2>&1 || prefect work-pool create ${POOL} --type process"
                restart: "no"
              worker:
                build: .
                command: 'prefect worker start --pool "${POOL}" --work-queue a --type process'
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
                        .containsOnly(13);
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              prefect-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect worker start --work-queue lake --pool process-pool --type process
              # the sea jobs
              sea-worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: >-
                  prefect worker start --work-queue sea --pool process-pool --type process
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
                command: sh -c "prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process"
                restart: "no"
              worker:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect worker start --work-queue ingest --work-queue "${EXTRA_QUEUE}" --pool process-pool --type process
            """,
            spec -> spec.path("docker-compose.yml")));
    }
}
