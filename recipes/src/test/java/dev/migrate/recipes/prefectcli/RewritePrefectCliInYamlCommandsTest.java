package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectCli;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInYamlCommandsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInYamlCommands());
    }

    @DocumentExample
    @Test
    void agentCommandListBecomesWorker() {
        rewriteRun(yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: prefecthq/prefect:2.14.3-python3.10
                      command: ["prefect", "agent", "start", "-q", "default"]
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: agent
                      image: prefecthq/prefect:2.14.3-python3.10
                      command: ["prefect", "worker", "start", "--work-queue", "default", "--pool", "kubernetes-pool", "--type", "kubernetes"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    // agent manifests ran the plain image (prefecthq/prefect:2-python3.10): the kubernetes worker they became
    // needs prefect-kubernetes, which only the image's -kubernetes flavour holds, and no note said so
    @Test
    void aKubernetesWorkerOnAnImageWithoutPrefectKubernetesGetsANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("prefect-kubernetes")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("`prefecthq/prefect:2-python3.10`", "-kubernetes` flavour"))),
            yaml(
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:2-python3.10
                  command: ["prefect", "agent", "start", "-q", "k8s"]
                - name: agent2
                  image: prefecthq/prefect:2.14.3-python3.11-kubernetes
                  command: ["prefect", "agent", "start", "-q", "k8s"]
            """,
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:2-python3.10
                  command: ["prefect", "worker", "start", "--work-queue", "k8s", "--pool", "kubernetes-pool", "--type", "kubernetes"]
                - name: agent2
                  image: prefecthq/prefect:2.14.3-python3.11-kubernetes
                  command: ["prefect", "worker", "start", "--work-queue", "k8s", "--pool", "kubernetes-pool", "--type", "kubernetes"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    // session 19: once the image recipe has made the image a Prefect 3 one, the worker's container runs that
    // release's -kubernetes flavour (same release and Python, with prefect-kubernetes) instead of only a note
    @Test
    void aKubernetesWorkerOnAPrefect3ImageRunsItsKubernetesFlavour() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("prefect-kubernetes")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("is now `prefecthq/prefect:3.8.3-python3.10-kubernetes`"))),
            yaml(
            """
            spec:
              containers:
                - name: agent
                  image: "prefecthq/prefect:3.8.3-python3.10"
                  command: ["prefect", "agent", "start", "-q", "k8s"]
                - name: sidecar
                  image: prefecthq/prefect:3.8.3-python3.10
                  command: ["sleep", "infinity"]
            """,
            """
            spec:
              containers:
                - name: agent
                  image: "prefecthq/prefect:3.8.3-python3.10-kubernetes"
                  command: ["prefect", "worker", "start", "--work-queue", "k8s", "--pool", "kubernetes-pool", "--type", "kubernetes"]
                - name: sidecar
                  image: prefecthq/prefect:3.8.3-python3.10
                  command: ["sleep", "infinity"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    // a manifest kept the image's init in `command:` and gave the agent in `args:` (the scan found the agent, the
    // rewrite left it, without a note, as a command that no longer exists)
    @Test
    void anAgentBehindTheContainersInitBecomesAWorker() {
        rewriteRun(yaml(
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11-kubernetes
                  command: ["/usr/bin/tini", "-g", "--", "/opt/prefect/entrypoint.sh"]
                  args: ["prefect", "agent", "start", "-q", "k8s"]
            """,
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11-kubernetes
                  command: ["/usr/bin/tini", "-g", "--", "/opt/prefect/entrypoint.sh"]
                  args: ["prefect", "worker", "start", "--work-queue", "k8s", "--pool", "kubernetes-pool", "--type", "kubernetes"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    // a manifest ran the agent in a shell after installing packages (`command: [/bin/bash, -c]`, the line in args):
    // the kubernetes worker it became kept the plain image, which has no prefect-kubernetes, with no note
    @Test
    void aKubernetesWorkerStartedInAShellRunsTheKubernetesFlavourToo() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("prefect-kubernetes")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("is now `prefecthq/prefect:3.8.3-python3.11-kubernetes`"))),
            yaml(
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11
                  command:
                    - /bin/bash
                    - -c
                  args:
                    - pip install s3fs && prefect agent start -q etl
            """,
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11-kubernetes
                  command:
                    - /bin/bash
                    - -c
                  args:
                    - pip install s3fs && prefect worker start --work-queue etl --pool kubernetes-pool --type kubernetes
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    // a shell that starts a process worker needs no prefect-kubernetes: the image stays as it was
    @Test
    void aProcessWorkerStartedInAShellKeepsItsImage() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInYamlCommands("process")), yaml(
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11
                  command: ["sh", "-c", "prefect agent start -q etl"]
            """,
            """
            spec:
              containers:
                - name: agent
                  image: prefecthq/prefect:3.8.3-python3.11
                  command: ["sh", "-c", "prefect worker start --work-queue etl --pool process-pool --type process"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    @Test
    void aShellThatStartsAKubernetesWorkerAlreadyIsLeftAlone() {
        rewriteRun(yaml(
            """
            spec:
              containers:
                - name: worker
                  image: prefecthq/prefect:3.8.3-python3.11
                  command: ["sh", "-c", "prefect worker start --pool k8s --type kubernetes"]
            """,
            spec -> spec.path("k8s/worker.yaml")));
    }

    // a Helm template ran the agent on the chart's queues and one from the pod's environment (`$(QUEUE)`, which
    // Kubernetes expands to one argument): the worker came out on a pool named after the first queue, or not at all
    @Test
    void everyQueueOfAnAgentContainerIsKept() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInYamlCommands("kubernetes")), yaml(
            """
            containers:
              - name: agent
                command: ["prefect", "agent", "start", "-q", "ingest", "-q", "report"]
              - name: adhoc
                args: ["prefect", "agent", "start", "$(QUEUE)"]
            """,
            """
            containers:
              - name: agent
                command: ["prefect", "worker", "start", "--work-queue", "ingest", "--work-queue", "report", "--pool", "kubernetes-pool", "--type", "kubernetes"]
              - name: adhoc
                args: ["prefect", "worker", "start", "--work-queue", "$(QUEUE)", "--pool", "kubernetes-pool", "--type", "kubernetes"]
            """,
            spec -> spec.path("templates/agent.yaml")));
    }

    @Test
    void commandAndBlockArgsSplitWhereTheyWere() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInYamlCommands("process")), yaml(
            """
            containers:
              - name: agent
                command: [prefect]
                args:
                  - agent
                  - start
                  - -q
                  - etl
            """,
            """
            containers:
              - name: agent
                command: [prefect]
                args:
                  - worker
                  - start
                  - --work-queue
                  - etl
                  - --pool
                  - process-pool
                  - --type
                  - process
            """,
            spec -> spec.path("templates/agent.yaml")));
    }

    @Test
    void prefect1KubernetesAgentInShellText() {
        rewriteRun(yaml(
            """
            containers:
              - name: agent
                command: ["/bin/bash", "-c"]
                args: ["prefect agent kubernetes start -l prod"]
            """,
            """
            containers:
              - name: agent
                command: ["/bin/bash", "-c"]
                args: ["prefect worker start --pool prod --type kubernetes"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    /** The Prefect 1 sample's agent manifest, as `prefect agent kubernetes install` wrote it. */
    @Test
    void prefect1SampleAgentManifest() throws Exception {
        Path sample = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples/prefect1-lake/k8s/agent.yaml");
        String before = Files.readString(sample);
        String after = before.replace("args: [\"prefect agent kubernetes start\"]",
                "args: [\"prefect worker start --pool default-kubernetes-pool --type kubernetes\"]");
        assertThat(after).isNotEqualTo(before);
        rewriteRun(yaml(before, after, spec -> spec.path("k8s/agent.yaml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "prefect worker start --pool default --type kubernetes",
        "prefect worker start --pool default-kubernetes-pool --type kubernetes",
        "prefect worker start --pool prod --type kubernetes",
        "prefect worker start --pool etl --type process",
        "prefect deploy --all"})
    void translatedCommandsExistInPrefect3(String commandLine) {
        List<String> argv = Arrays.asList(commandLine.split(" "));
        PrefectCli cli = PrefectApi.get().cli(PrefectApi.Version.V3);
        String path = cli.longestPath(argv.subList(1, argv.size())).orElseThrow();
        assertThat(String.join(" ", argv.subList(1, argv.size()).stream().takeWhile(w -> !w.startsWith("-")).toList()))
                .isEqualTo(path);
        for (String word : argv) {
            if (word.startsWith("--")) {
                assertThat(cli.accepts(path, word)).as(path + " " + word).isTrue();
            }
        }
    }

    @Test
    void argsAloneStartingWithPrefect() {
        rewriteRun(yaml(
            """
            containers:
              - name: deploy
                args: [prefect, deployment, apply, etl-deployment.yaml]
            """,
            """
            containers:
              - name: deploy
                args: [prefect, --no-prompt, deploy, --all]
            """,
            spec -> spec.path("k8s/job.yaml")));
    }

    // a deploy Job passing an override: the JSON job variable has double quotes, which neither a double-quoted
    // nor a plain entry can hold unescaped; the edit was refused although single quotes hold it as it is
    @Test
    void aJsonWordIsWrittenInSingleQuotes() {
        rewriteRun(yaml(
            """
            containers:
              - name: deploy
                command: ["prefect"]
                args: ["deployment", "build", "flows/etl.py:etl", "-n", "etl", "-p", "k8s", "--override", "env.MODE=batch", "-a"]
              - name: deploy2
                args:
                  - prefect
                  - deployment
                  - build
                  - flows/etl.py:etl
                  - -p
                  - k8s
                  - --override
                  - env.MODE=batch
                  - --apply
            """,
            """
            containers:
              - name: deploy
                command: ["prefect"]
                args: ["--no-prompt", "deploy", "flows/etl.py:etl", "--name", "etl", "--pool", "k8s", "--job-variable", '{"env":{"MODE":"batch"}}']
              - name: deploy2
                args:
                  - prefect
                  - --no-prompt
                  - deploy
                  - flows/etl.py:etl
                  - --pool
                  - k8s
                  - --job-variable
                  - '{"env":{"MODE":"batch"}}'
            """,
            spec -> spec.path("k8s/job.yaml")));
    }

    @Test
    void withoutUnsafeFixesOnlyANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        // the note names the line of the command (it said line 0)
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.line() + " " + r.text()).startsWith("3 PF203: unsafe fix not "
                        + "applied (rerun with --unsafe-fixes): prefect worker start"))), yaml(
            """
            containers:
              - name: agent
                command: ["prefect", "agent", "start", "-q", "default"]
            """,
            spec -> spec.path("k8s/agent.yaml")));
    }

    @Test
    void composeFilesAreLeftToTheComposeRecipe() {
        rewriteRun(yaml(
            """
            services:
              agent:
                command: ["prefect", "agent", "start", "-q", "default"]
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    @Test
    void workerCommandIsLeftAlone() {
        rewriteRun(yaml(
            """
            containers:
              - command: ["prefect", "worker", "start", "--pool", "k8s"]
            """));
    }
}
