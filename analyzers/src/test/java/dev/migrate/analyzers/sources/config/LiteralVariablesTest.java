package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
                .containsExactlyInAnyOrderEntriesOf(Map.of("(INFRA", "docker-container/etl", "(STORAGE", "gcs/bucket"));
    }

    @Test
    void aMakeRecipeLinesShellReadsExportedVariablesAndTheFilesTheLineSources() {
        String makefile = """
                export INFRA := docker-container/etl
                LOCAL := kubernetes-job/x
                deploy:
                \t. scripts/env.sh && prefect deployment build flows/etl.py:etl -ib $$STORAGE
                other:
                \tprefect deployment build flows/etl.py:etl -ib $$STORAGE
                """;
        List<LiteralVariables.Assignment> a = LiteralVariables.make("Makefile", makefile,
                p -> p.equals("scripts/env.sh") ? "STORAGE=s3/flows\n" : null);
        int deploy = makefile.indexOf("prefect");
        int other = makefile.lastIndexOf("prefect");
        assertThat(LiteralVariables.resolve("$$STORAGE", LiteralVariables.known(a, deploy))).contains("s3/flows");
        assertThat(LiteralVariables.resolve("$$STORAGE", LiteralVariables.known(a, other))).isEmpty();
        assertThat(LiteralVariables.resolve("$${INFRA}", LiteralVariables.known(a, other))).contains("docker-container/etl");
        assertThat(LiteralVariables.resolve("$$LOCAL", LiteralVariables.known(a, other))).isEmpty();
        assertThat(LiteralVariables.resolve("$(LOCAL)", LiteralVariables.known(a, other))).contains("kubernetes-job/x");
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
        // `$(INFRA)` is a shell's command substitution; make's and Azure Pipelines' variables are keyed apart
        assertThat(LiteralVariables.resolve("$(INFRA)", known)).isEmpty();
        assertThat(LiteralVariables.resolve("$(INFRA)", Map.of("(INFRA", "process/etl"))).contains("process/etl");
        assertThat(LiteralVariables.resolve("${{ env.INFRA }}", known)).contains("process/etl");
        assertThat(LiteralVariables.resolve("${{ vars.INFRA }}", known)).isEmpty();
        assertThat(LiteralVariables.resolve("$INFRA-2", known)).isEmpty();
        assertThat(LiteralVariables.resolve("process/$INFRA", known)).isEmpty();
        assertThat(LiteralVariables.resolve("$OTHER", known)).isEmpty();
        assertThat(LiteralVariables.resolve("process/etl", known)).isEmpty();
    }

    // a declarative Jenkinsfile keeps its block names in environment { } blocks: the pipeline's for every stage, a
    // stage's (often on one line) over it for that stage only
    @Test
    void aJenkinsfilesEnvironmentIsReadPerStage() {
        String jenkinsfile = """
                pipeline {
                    agent any
                    environment {
                        INFRA = 'kubernetes-job/prod'   // the cluster's job template
                        STORAGE = "s3/flows"
                        NAME = "etl-${BRANCH_NAME}"
                        PREFECT_API_KEY = credentials('prefect-api-key')
                    }
                    stages {
                        stage('Dev') {
                            environment { INFRA = 'process/dev' }
                            steps {
                                sh 'prefect deployment build flows/etl.py:etl -ib $INFRA -sb $STORAGE'
                            }
                        }
                        stage('Prod') {
                            steps {
                                echo "deploying {prod}"
                                sh "prefect deployment build flows/etl.py:etl -ib ${INFRA}"
                            }
                        }
                    }
                }
                """;
        var assignments = LiteralVariables.jenkins(jenkinsfile);
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("sh 'prefect")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "process/dev", "STORAGE", "s3/flows"));
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("sh \"prefect")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "kubernetes-job/prod", "STORAGE", "s3/flows"));
        assertThat(LiteralVariables.origins(assignments, jenkinsfile.indexOf("sh \"prefect")))
                .containsExactly(Map.entry("PREFECT_API_KEY", "the Jenkins credential 'prefect-api-key' (Manage Jenkins > "
                        + "Credentials, or the credentials of the job's folder)"));
    }

    // withEnv([...]) { } sets its entries for the steps inside its block only, over the stage's and pipeline's; its list
    // may span lines; a GString with ${...} is set but not known, and PATH+X=... prepends to PATH, setting nothing
    @Test
    void aJenkinsfilesWithEnvBlockIsReadForTheStepsInsideIt() {
        String jenkinsfile = """
                node {
                    withEnv(['INFRA=process/dev', "STORAGE=s3/flows"]) {
                        sh 'prefect deployment build flows/etl.py:etl -ib $INFRA -sb $STORAGE'
                    }
                    withEnv([
                        "INFRA=kubernetes-job/${BRANCH_NAME}",
                        'PATH+VENV=/opt/venv/bin',
                    ]) {
                        sh "prefect deployment build flows/etl.py:etl -ib ${INFRA}"
                    }
                    sh 'prefect deployment build flows/etl.py:etl -ib $INFRA'
                }
                """;
        var assignments = LiteralVariables.jenkins(jenkinsfile);
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("sh 'prefect")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "process/dev", "STORAGE", "s3/flows"));
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("sh \"prefect"))).isEmpty();
        assertThat(LiteralVariables.names(assignments)).containsExactlyInAnyOrder("INFRA", "STORAGE");
        assertThat(LiteralVariables.known(assignments, jenkinsfile.lastIndexOf("sh 'prefect"))).isEmpty();
        // a stage's environment is overridden inside the withEnv, and in effect again after it
        String declarative = """
                pipeline {
                    stages {
                        stage('Deploy') {
                            environment { INFRA = 'kubernetes-job/prod' }
                            steps {
                                withEnv(['INFRA=process/dev']) { sh 'prefect deployment build a.py:a -ib $INFRA' }
                                sh 'prefect deployment build b.py:b -ib $INFRA'
                            }
                        }
                    }
                }
                """;
        var staged = LiteralVariables.jenkins(declarative);
        assertThat(LiteralVariables.known(staged, declarative.indexOf("sh 'prefect deployment build a")))
                .containsExactly(Map.entry("INFRA", "process/dev"));
        assertThat(LiteralVariables.known(staged, declarative.indexOf("sh 'prefect deployment build b")))
                .containsExactly(Map.entry("INFRA", "kubernetes-job/prod"));
    }

    @Test
    void aJenkinsfileWithoutEnvironmentSetsNothing() {
        assertThat(LiteralVariables.jenkins("""
                pipeline {
                    stages {
                        stage('Deploy') {
                            steps { sh 'INFRA=process/x prefect deployment build flows/a.py:a -ib $INFRA' }
                        }
                    }
                }
                """)).isEmpty();
    }

    // a value GitHub reads from the repository's settings is not in the repository: where it is set is said instead
    @Test
    void githubVariablesAndSecretsAreSetOutsideTheRepository() {
        String workflow = """
                env:
                  INFRA: ${{ vars.INFRA_BLOCK }}
                  STORAGE: "${{ secrets.STORAGE_BLOCK }}"
                  QUEUE: default
                """;
        var assignments = LiteralVariables.ci(workflow);
        assertThat(LiteralVariables.known(assignments)).containsExactly(Map.entry("QUEUE", "default"));
        assertThat(LiteralVariables.origins(assignments, Integer.MAX_VALUE)).containsOnlyKeys("INFRA", "STORAGE");
        assertThat(LiteralVariables.origins(assignments, Integer.MAX_VALUE).get("STORAGE"))
                .startsWith("the GitHub Actions secret STORAGE_BLOCK (Settings > Secrets and variables > Actions > Secrets");
    }

    // a value never shown: a name that says it holds a secret is not resolved into a block's name or a message
    @Test
    void secretNamedVariablesAreNeverKnown() {
        String script = """
                PREFECT_API_KEY=pnu_0123456789abcdefghijklmnopqrstuvwxyz
                DB_PASSWORD='hunter2'
                INFRA=process/etl
                STORAGE_URL=https://etl:s3cr3t@storage.example.com/flows
                """;
        assertThat(LiteralVariables.known(LiteralVariables.shell(script))).containsExactly(Map.entry("INFRA", "process/etl"));
    }

    @Test
    void groovysEnvReferenceResolves() {
        assertThat(LiteralVariables.resolve("${env.INFRA}", Map.of("INFRA", "process/etl"))).contains("process/etl");
        assertThat(LiteralVariables.referenced("${env.INFRA}")).contains("INFRA");
        assertThat(LiteralVariables.referenced("prefix-$INFRA")).isEmpty();
    }
}
