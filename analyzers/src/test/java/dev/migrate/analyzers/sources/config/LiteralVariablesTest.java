package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiteralVariablesTest {
    // a deploy script keeps its block names at the top; the command reads them as "$INFRA"
    @Test
    void aScriptsTopLevelAssignmentsAboveTheCommandAreKnown() {
        String script = """
                #!/usr/bin/env bash
                set -euo pipefail
                INFRA=kubernetes-job/prod   # the cluster's job template
                export STORAGE="s3/flows"
                QUEUE='k8s'
                prefect deployment build flows/etl.py:etl -ib "$INFRA" -sb "$STORAGE" -q "$QUEUE"
                LATER=process/x
                """;
        Map<String, String> known = LiteralVariables.known(LiteralVariables.shell(script), script.indexOf("prefect"));
        assertThat(known).containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "kubernetes-job/prod",
                "STORAGE", "s3/flows", "QUEUE", "k8s"));
    }

    @Test
    void valuesThatDependOnTheRunAreNotKnown() {
        String script = """
                INFRA="${INFRA:-kubernetes-job/prod}"
                POOL=$1
                NAME="etl-$ENV"
                TAG=$(git rev-parse --short HEAD)
                QUEUE=prod
                if [ "$ENV" = dev ]; then
                  QUEUE=dev
                fi
                BLOCK=process/a
                BLOCK=process/b
                SAME=docker-container/x
                SAME=docker-container/x
                ONE=x prefect deployment build flows/a.py:a
                prefect deployment build flows/etl.py:etl
                """;
        Map<String, String> known = LiteralVariables.known(LiteralVariables.shell(script), script.lastIndexOf("prefect"));
        assertThat(known).containsExactly(Map.entry("SAME", "docker-container/x"));
    }

    @Test
    void makeVariablesCountWhereverTheyAreSet() {
        String makefile = """
                deploy:
                \tprefect deployment build flows/etl.py:etl -ib $(INFRA) -a

                INFRA ?= docker-container/etl
                export STORAGE := "gcs/bucket"
                FLAGS += -a
                HASH != git rev-parse HEAD
                """;
        assertThat(LiteralVariables.known(LiteralVariables.make(makefile)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "docker-container/etl", "STORAGE", "gcs/bucket"));
    }

    @Test
    void aPipelinesEnvMappingsAtEveryLevelAreRead() {
        String workflow = """
                on: push
                env:
                  INFRA: kubernetes-job/default-k8s-job   # shared by all jobs
                  STORAGE: "gcs/my-flow-storage-block/my-deployment"
                  PREFECT_API_KEY: ${{ secrets.PREFECT_API_KEY }}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      QUEUE: default
                    steps:
                      - run: prefect deployment build flows/etl.py:etl -ib $INFRA
                        env:
                          NAME: etl
                  other:
                    env:
                      QUEUE: other
                variables:
                  LEVEL:
                    value: "2"
                    description: not a plain value
                """;
        assertThat(LiteralVariables.known(LiteralVariables.ci(workflow))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "INFRA", "kubernetes-job/default-k8s-job", "STORAGE", "gcs/my-flow-storage-block/my-deployment",
                "NAME", "etl"));
    }

    @Test
    void onlyAWholeReferenceResolves() {
        Map<String, String> known = Map.of("INFRA", "process/etl");
        assertThat(LiteralVariables.resolve("$INFRA", known)).contains("process/etl");
        assertThat(LiteralVariables.resolve("${INFRA}", known)).contains("process/etl");
        assertThat(LiteralVariables.resolve("$(INFRA)", known)).contains("process/etl");
        assertThat(LiteralVariables.resolve("${{ env.INFRA }}", known)).contains("process/etl");
        assertThat(LiteralVariables.resolve("${{ vars.INFRA }}", known)).isEmpty();
        assertThat(LiteralVariables.resolve("$INFRA-2", known)).isEmpty();
        assertThat(LiteralVariables.resolve("process/$INFRA", known)).isEmpty();
        assertThat(LiteralVariables.resolve("$OTHER", known)).isEmpty();
        assertThat(LiteralVariables.resolve("process/etl", known)).isEmpty();
    }
}
