package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF224 and PF225: a work pool created without a type, a work queue created without a pool, wherever the Prefect CLI
 * line detector reads commands (a setup script, a CI job, a Jenkins step), as the rewrite gives them one.
 */
class UntargetedCreateFindingsTest {
    @TempDir
    Path tmp;

    private List<String> findings(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        return inv.findings().stream().filter(f -> f.code().equals("PF224") || f.code().equals("PF225"))
                .map(f -> f.where().path() + ":" + f.where().line() + " " + f.code()).toList();
    }

    @Test
    void aSetupScriptsBarePoolAndQueueAreReported() throws IOException {
        String script = """
                #!/usr/bin/env bash
                set -euo pipefail
                prefect work-pool create etl-pool
                prefect work-queue create nightly --limit 2
                prefect work-queue create hourly --pool etl-pool
                """;
        assertThat(findings("scripts/setup-prefect.sh", script))
                .containsExactly("scripts/setup-prefect.sh:3 PF224", "scripts/setup-prefect.sh:4 PF225");
        Finding pool = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF224")).findFirst().orElseThrow();
        assertThat(pool.message()).contains("--type");
    }

    @Test
    void aCiJobsAndAJenkinsStepsBareCreatesAreReported() throws IOException {
        String gitlab = """
                setup:
                  image: prefecthq/prefect:2.14.4-python3.10
                  script:
                    - prefect work-pool create k8s-pool
                    - prefect work-queue create nightly
                """;
        assertThat(findings(".gitlab-ci.yml", gitlab)).containsExactly(".gitlab-ci.yml:4 PF224", ".gitlab-ci.yml:5 PF225");
        String jenkins = """
                pipeline {
                    agent any
                    stages {
                        stage('Pools') {
                            steps {
                                sh 'prefect work-pool create etl-pool'
                            }
                        }
                    }
                }
                """;
        assertThat(findings("Jenkinsfile", jenkins)).contains("Jenkinsfile:6 PF224");
    }

    // must not change: a type or a pool, in any spelling, is what Prefect 3 needs
    @Test
    void aTypedPoolOrAQueueInAPoolIsNotReported() throws IOException {
        String script = """
                #!/usr/bin/env bash
                prefect work-pool create etl-pool --type process
                prefect work-pool create k8s -t kubernetes
                prefect work-pool create ecs --type=ecs
                prefect work-pool create "$POOL" --type "$POOL_TYPE"
                prefect work-queue create nightly --pool etl-pool
                prefect work-queue create hourly -p etl-pool
                prefect work-pool ls
                """;
        assertThat(findings("setup.sh", script)).isEmpty();
    }
}
