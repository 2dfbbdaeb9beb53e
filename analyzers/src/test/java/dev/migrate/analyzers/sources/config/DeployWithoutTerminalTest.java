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
 * A {@code prefect deploy} where nothing answers a prompt: Prefect's console is interactive only where its output is
 * a terminal (3.x {@code prefect/cli/_app.py}, {@code is_interactive()}), so a container without {@code tty: true}, an
 * image build and a CI job run it as {@code --no-prompt} does: with one entry in prefect.yaml, that entry is deployed
 * under the command's name (PF229). Where a terminal is given, or the variables say so, it prompts.
 */
class DeployWithoutTerminalTest {
    @TempDir
    Path tmp;

    private static final String FLOWS = """
            from prefect import flow


            @flow
            def etl():
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
            """;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("flows/etl.py", FLOWS, "prefect.yaml", ONE_ENTRY));
        all.addAll(List.of(pathsAndTexts));
        TreeFiles.write(tmp, all.toArray(String[]::new));
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<String> onlyEntryFindings(Inventory inv) {
        return inv.findings().stream().filter(f -> f.code().equals("PF229")).map(Finding::where)
                .map(Object::toString).toList();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aComposeServiceWithoutATerminalDoesNotPrompt() throws IOException {
        Inventory inv = scan("docker-compose.yml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-python3.12
                    command: prefect deploy flows/etl.py:etl --name backfill
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("docker-compose.yml:4:14");
        assertThat(job(inv, "etl/backfill").attributes()).containsEntry("deployment.config", "prefect.yaml:4:5");
    }

    /** Must not change: {@code tty: true} gives the service a terminal, so Prefect asks which entry. */
    @Test
    void aComposeServiceWithATerminalPrompts() throws IOException {
        Inventory inv = scan("docker-compose.yml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-python3.12
                    tty: true
                    stdin_open: true
                    command: prefect deploy flows/etl.py:etl --name backfill
                """);
        assertThat(onlyEntryFindings(inv)).isEmpty();
        assertThat(job(inv, "etl/backfill").attributes()).doesNotContainKey("deployment.config");
    }

    /** {@code prefect deploy --name other} (no entrypoint) in a service: the only entry, deployed as 'other'. */
    @Test
    void aComposeSelectionWithoutATerminalDeploysTheOnlyEntry() throws IOException {
        Inventory inv = scan("compose.yaml", """
                services:
                  deploy:
                    image: prefecthq/prefect:3-python3.12
                    command: ["prefect", "deploy", "--name", "other"]
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("compose.yaml:4:14");
        assertThat(job(inv, "etl/other").schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
    }

    @Test
    void aKubernetesJobWithoutATerminalDoesNotPrompt() throws IOException {
        Inventory inv = scan("k8s/deploy-job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: deploy
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: deploy
                          image: registry.example.com/lake:1.4
                          command: ["prefect", "deploy", "flows/etl.py:etl", "--name", "backfill"]
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("k8s/deploy-job.yaml:12:22");
    }

    /** Must not change: a container with {@code tty: true} and {@code stdin: true} has a terminal. */
    @Test
    void aKubernetesContainerWithATerminalPrompts() throws IOException {
        Inventory inv = scan("k8s/deploy-job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: deploy
                spec:
                  template:
                    spec:
                      containers:
                        - name: deploy
                          image: registry.example.com/lake:1.4
                          stdin: true
                          tty: true
                          command: ["prefect", "deploy", "flows/etl.py:etl", "--name", "backfill"]
                """);
        assertThat(onlyEntryFindings(inv)).isEmpty();
    }

    /** An image build has no terminal; a CMD the compose service that builds the image runs has none either. */
    @Test
    void aDockerfileRunAndACmdComposeRunsDoNotPrompt() throws IOException {
        Inventory inv = scan("deploy/Dockerfile", """
                FROM prefecthq/prefect:3-python3.12
                COPY . /opt/lake
                WORKDIR /opt/lake
                RUN prefect deploy flows/etl.py:etl --name built
                CMD prefect deploy flows/etl.py:etl --name started
                """, "docker-compose.yml", """
                services:
                  deployer:
                    build:
                      context: .
                      dockerfile: deploy/Dockerfile
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("deploy/Dockerfile:4:5", "deploy/Dockerfile:5:5");
    }

    /**
     * Must not change: a CMD no service is seen to run (the image may be run with {@code docker run -it}), or run by a
     * service that replaces it with its own {@code command:}, is not known to run without a terminal.
     */
    @Test
    void aDockerfileCmdNothingIsSeenToRunMayPrompt() throws IOException {
        Inventory inv = scan("Dockerfile", """
                FROM prefecthq/prefect:3-python3.12
                CMD ["prefect", "deploy", "flows/etl.py:etl", "--name", "started"]
                """, "docker-compose.yml", """
                services:
                  worker:
                    build: .
                    command: prefect worker start --pool docker
                """);
        assertThat(onlyEntryFindings(inv)).isEmpty();
    }

    /**
     * A CI job has no terminal, unless rich is told it has one ({@code FORCE_COLOR}, {@code TTY_COMPATIBLE=1},
     * {@code TTY_INTERACTIVE=1}) or Prefect is told to prompt ({@code PREFECT_CLI_PROMPT=true}, {@code --prompt}).
     */
    @Test
    void aCiJobDoesNotPromptUnlessToldTo() throws IOException {
        Inventory inv = scan(".github/workflows/deploy.yml", """
                name: deploy
                on: push
                jobs:
                  plain:
                    runs-on: ubuntu-latest
                    steps:
                      - run: prefect deploy flows/etl.py:etl --name plain
                """, ".github/workflows/colored.yml", """
                name: colored
                on: push
                env:
                  FORCE_COLOR: "1"
                jobs:
                  colored:
                    runs-on: ubuntu-latest
                    steps:
                      - run: prefect deploy flows/etl.py:etl --name colored
                """, ".github/workflows/asked.yml", """
                name: asked
                on: push
                jobs:
                  asked:
                    runs-on: ubuntu-latest
                    steps:
                      - run: PREFECT_CLI_PROMPT=true prefect deploy flows/etl.py:etl --name setting
                      - run: prefect --prompt deploy flows/etl.py:etl --name option
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly(".github/workflows/deploy.yml:7:14");
    }

    /** {@code TTY_INTERACTIVE=0} makes even a terminal's console not interactive: a script run by hand does not ask. */
    @Test
    void richsVariableTurnsPromptsOffInAScript() throws IOException {
        Inventory inv = scan("deploy.sh", """
                #!/bin/sh
                export TTY_INTERACTIVE=0
                prefect deploy flows/etl.py:etl --name by-hand
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("deploy.sh:3:1");
    }

    /** A job of a file the GitLab pipeline includes under a name of its own is the pipeline's: no terminal either. */
    @Test
    void aGitlabJobOfAnIncludedFileDoesNotPrompt() throws IOException {
        Inventory inv = scan(".gitlab-ci.yml", """
                include:
                  - local: ci/deploy.yml
                stages: [deploy]
                """, "ci/deploy.yml", """
                deploy:
                  stage: deploy
                  script:
                    - prefect deploy flows/etl.py:etl --name from-gitlab
                """);
        assertThat(onlyEntryFindings(inv)).containsExactly("ci/deploy.yml:4:7");
    }
}
