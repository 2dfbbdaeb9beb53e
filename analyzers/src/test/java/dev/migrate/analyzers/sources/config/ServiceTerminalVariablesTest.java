package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
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
 * rich's terminal variables ({@code FORCE_COLOR}, {@code TTY_INTERACTIVE}, ...) are read from the environment of the
 * compose service or Kubernetes container whose {@code prefect deploy} they decide, never from another service of the
 * same file: one service's {@code FORCE_COLOR} made the next one's command read as prompting, so the only prefect.yaml
 * entry it deploys under another name (PF229) was missed.
 */
class ServiceTerminalVariablesTest {
    @TempDir
    Path tmp;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("flows/etl.py", """
                from prefect import flow


                @flow
                def etl():
                    pass
                """, "prefect.yaml", """
                name: lake
                prefect-version: 3.4.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                """));
        all.addAll(List.of(pathsAndTexts));
        TreeFiles.write(tmp, all.toArray(String[]::new));
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** Where the command deploys the only entry under its own name: it ran without a terminal. */
    private static List<String> withoutTerminal(Inventory inv) {
        return inv.findings().stream().filter(f -> f.code().equals("PF229")).map(Finding::where)
                .map(Object::toString).toList();
    }

    @Test
    void onlyTheServiceThatSetsForceColorHasATerminal() throws IOException {
        Inventory inv = scan("docker-compose.yml", """
                services:
                  colored:
                    image: prefecthq/prefect:3-python3.12
                    environment:
                      FORCE_COLOR: "1"
                    command: prefect deploy flows/etl.py:etl --name colored
                  plain:
                    image: prefecthq/prefect:3-python3.12
                    command: prefect deploy flows/etl.py:etl --name plain
                """);
        assertThat(withoutTerminal(inv)).containsExactly("docker-compose.yml:9:14");
    }

    /** An {@code x-} anchor merged into a service's environment is that service's; an env_file's too. */
    @Test
    void anchorsAndEnvFilesGiveTheServiceItsVariables() throws IOException {
        Inventory inv = scan("compose.yaml", """
                x-interactive: &interactive
                  TTY_INTERACTIVE: "1"
                services:
                  anchored:
                    image: prefecthq/prefect:3-python3.12
                    environment:
                      <<: *interactive
                      PREFECT_API_URL: http://server:4200/api
                    command: prefect deploy flows/etl.py:etl --name anchored
                  filed:
                    image: prefecthq/prefect:3-python3.12
                    env_file: [config/base.env, config/colors.env]
                    command: prefect deploy flows/etl.py:etl --name filed
                  overruled:
                    image: prefecthq/prefect:3-python3.12
                    env_file: config/colors.env
                    environment:
                      FORCE_COLOR: ""
                    command: prefect deploy flows/etl.py:etl --name overruled
                  plain:
                    image: prefecthq/prefect:3-python3.12
                    command: prefect deploy flows/etl.py:etl --name plain
                """, "config/base.env", "FORCE_COLOR=\n", "config/colors.env", "# rich's colours in the logs\nFORCE_COLOR=1\n");
        assertThat(withoutTerminal(inv)).containsExactly("compose.yaml:19:14", "compose.yaml:22:14");
    }

    /**
     * Kubernetes objects of one file: a container's command is read with its own {@code env:}, not with another
     * container's, nor with a ConfigMap that no container of it loads.
     */
    @Test
    void aKubernetesContainersVariablesAreItsOwn() throws IOException {
        Inventory inv = scan("k8s/deploy.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: colored}
                spec:
                  template:
                    spec:
                      containers:
                        - name: deploy
                          image: registry.example.com/lake:1.4
                          env:
                            - {name: FORCE_COLOR, value: "1"}
                          command: ["prefect", "deploy", "flows/etl.py:etl", "--name", "colored"]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ui-colors}
                data:
                  FORCE_COLOR: "1"
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: plain}
                spec:
                  template:
                    spec:
                      containers:
                        - name: deploy
                          image: registry.example.com/lake:1.4
                          command: ["prefect", "deploy", "flows/etl.py:etl", "--name", "plain"]
                """);
        assertThat(withoutTerminal(inv)).containsExactly("k8s/deploy.yaml:29:22");
    }

    /** Must not change: a script's variables are those set above the command, as before. */
    @Test
    void aScriptReadsWhatItSetsAboveTheCommand() throws IOException {
        Inventory inv = scan("deploy.sh", """
                #!/bin/sh
                prefect deploy flows/etl.py:etl --name first
                export TTY_INTERACTIVE=0
                prefect deploy flows/etl.py:etl --name second
                """);
        assertThat(withoutTerminal(inv)).containsExactly("deploy.sh:4:1");
    }
}
