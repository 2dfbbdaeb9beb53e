package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
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
 * A {@code prefect deployment build} in a script and the deployment YAML it wrote, kept in the repository: one
 * deployment, so one job, found as the command, with the file as its second definition.
 */
class BuiltDeploymentFileMergerTest {
    @TempDir
    Path tmp;

    private static final String DEPLOY_SH = """
            #!/usr/bin/env bash
            set -euo pipefail
            prefect deployment build flows/etl.py:etl \\
                -n nightly \\
                -q etl \\
                -ib process/prod \\
                --cron "0 2 * * *" --timezone "Europe/Paris" \\
                -a
            """;

    /** What the build above writes as etl-deployment.yaml (the editable fields, then the rest). */
    static String builtYaml(String name, String entrypoint, String queue, String cron) {
        return """
                ###
                ### A complete description of a Prefect Deployment for flow 'ETL'
                ###
                name: %s
                description: null
                work_queue_name: %s
                work_pool_name: default-agent-pool
                tags: []
                parameters: {}
                schedule:
                  cron: %s
                  timezone: Europe/Paris
                  day_or: true
                is_schedule_active: true
                infra_overrides: {}
                ###
                ### DO NOT EDIT BELOW THIS LINE
                ###
                flow_name: ETL
                manifest_path: null
                infrastructure:
                  type: process
                  env: {}
                  _block_document_name: prod
                  _is_anonymous: false
                  _block_type_slug: process
                storage: null
                path: /srv/etl
                entrypoint: %s
                """.formatted(name, queue, cron, entrypoint);
    }

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<Job> deployments(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT2_DEPLOYMENT).toList();
    }

    private static List<String> findingsOf(Inventory inv, Job job) {
        return inv.findings().stream().filter(f -> job.id().equals(f.jobId()))
                .map(f -> f.code() + " " + f.where().path() + ":" + f.where().line()).sorted().toList();
    }

    @Test
    void theCommandAndTheFileItWroteAreOneJobKeptAsTheCommand() throws IOException {
        Inventory alone = scan("scripts/deploy.sh", DEPLOY_SH);
        String commandId = deployments(alone).get(0).id();
        Inventory inv = scan("etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).hasSize(1);
        Job job = deployments(inv).get(0);
        // the command's id, so the job keeps the id it had before the file was kept in the repository
        assertThat(job.id()).isEqualTo(commandId);
        assertThat(job.source().path()).isEqualTo("scripts/deploy.sh");
        assertThat(job.source().line()).isEqualTo(3);
        assertThat(job.name()).isEqualTo("ETL/nightly");
        assertThat(job.command()).startsWith("prefect deployment build flows/etl.py:etl");
        assertThat(job.attributes()).containsEntry("deployment.builtFile", "etl-deployment.yaml:4")
                .containsEntry("infrastructure", "process/prod").containsEntry("infrastructureBlock", "prod")
                .containsEntry("workPool", "default-agent-pool").containsEntry("workQueue", "etl")
                .doesNotContainKey("deployment.builtFileDiffers");
        // they agree: nothing for a person to decide
        assertThat(inv.findings()).extracting(Finding::code).doesNotContain("PF223");
        assertThat(job.schedules()).singleElement().satisfies(s -> {
            assertThat(s.expression()).isEqualTo("0 2 * * *");
            assertThat(s.where().path()).isEqualTo("scripts/deploy.sh");
        });
        // both files' findings, on the one job; none is left on a job that no longer exists
        assertThat(findingsOf(inv, job)).contains("PF201 scripts/deploy.sh:3", "PF204 etl-deployment.yaml:4",
                "PF212 etl-deployment.yaml:14");
        assertThat(inv.findings()).extracting(Finding::jobId).filteredOn(id -> id != null && id.startsWith("prefect2-"))
                .containsOnly(job.id());
    }

    @Test
    void anOutputPathNamesTheFileFromTheScriptsDirectoryOrTheRoot() throws IOException {
        String sh = DEPLOY_SH.replace("    -a\n", "    -o deployments/nightly.yaml -a\n");
        Inventory inv = scan("scripts/deploy.sh", sh,
                "deployments/nightly.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"),
                // the default name is not what this build writes
                "etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).extracting(j -> j.source().path())
                .containsExactlyInAnyOrder("scripts/deploy.sh", "etl-deployment.yaml");
        Job job = deployments(inv).stream().filter(j -> j.source().path().equals("scripts/deploy.sh")).findFirst()
                .orElseThrow();
        assertThat(job.attributes()).containsEntry("deployment.builtFile", "deployments/nightly.yaml:4");
    }

    @Test
    void anOutputOptionWithAnEqualsSignAndADotSlashNamesTheSameFile() throws IOException {
        String sh = DEPLOY_SH.replace("    -a\n", "    --output=./deployments/nightly.yaml -a\n");
        Inventory inv = scan("deploy.sh", sh,
                "deployments/nightly.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).singleElement().satisfies(j -> {
            assertThat(j.source().path()).isEqualTo("deploy.sh");
            assertThat(j.attributes()).containsEntry("deployment.builtFile", "deployments/nightly.yaml:4");
        });
    }

    @Test
    void aFileInTheScriptsOwnDirectoryComesFirst() throws IOException {
        Inventory inv = scan("ops/deploy.sh", DEPLOY_SH,
                "ops/etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"),
                "etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).hasSize(2);
        Job job = deployments(inv).stream().filter(j -> j.source().path().equals("ops/deploy.sh")).findFirst()
                .orElseThrow();
        assertThat(job.attributes()).containsEntry("deployment.builtFile", "ops/etl-deployment.yaml:4");
    }

    @Test
    void anotherDeploymentNameOrEntrypointInTheFileIsAnotherJob() throws IOException {
        Inventory otherName = scan("scripts/deploy.sh", DEPLOY_SH,
                "etl-deployment.yaml", builtYaml("weekly", "flows/etl.py:etl", "etl", "0 2 * * *"));
        assertThat(deployments(otherName)).hasSize(2)
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.builtFile"));

        Files.delete(tmp.resolve("etl-deployment.yaml"));
        Inventory otherEntrypoint = scan("etl-deployment.yaml", builtYaml("nightly", "pipelines/etl.py:etl", "etl", "0 2 * * *"));
        assertThat(deployments(otherEntrypoint)).hasSize(2)
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.builtFile"));
    }

    /** Same name and entrypoint, but not where the command writes: another checkout's or a hand-kept file. */
    @Test
    void aFileTheCommandDidNotWriteStaysAJobOfItsOwn() throws IOException {
        Inventory inv = scan("scripts/deploy.sh", DEPLOY_SH,
                "archive/2023/etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"),
                "nightly-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).hasSize(3)
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.builtFile"));
    }

    /** The file was edited after the build: which one the server holds depends on which ran last. */
    @Test
    void whereTheFileSaysOtherwiseBothValuesStay() throws IOException {
        Inventory inv = scan("scripts/deploy.sh", DEPLOY_SH,
                "etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl-edited", "30 3 * * *")
                        .replace("type: process\n", "type: docker-container\n")
                        .replace("_block_type_slug: process", "_block_type_slug: docker-container"));

        assertThat(deployments(inv)).hasSize(1);
        Job job = deployments(inv).get(0);
        assertThat(job.attributes().get("deployment.builtFileDiffers")).isEqualTo(
                "workQueue: command etl, file etl-edited; infrastructure: command process/prod, file docker-container/prod; "
                        + "schedule: command 0 2 * * * [Europe/Paris], file 30 3 * * * [Europe/Paris]");
        // the command's values are the job's: it is what creates the deployment
        assertThat(job.attributes()).containsEntry("workQueue", "etl");
        assertThat(job.schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
        // and the report says so, at the command, naming both values and both places
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("PF223")).singleElement().satisfies(f -> {
            assertThat(f.jobId()).isEqualTo(job.id());
            assertThat(f.where().path() + ":" + f.where().line()).isEqualTo("scripts/deploy.sh:3");
            assertThat(f.message()).contains("scripts/deploy.sh:3", "etl-deployment.yaml:4",
                    "work queue: command etl, file etl-edited", "infrastructure: command process/prod, file docker-container/prod",
                    "schedule: command 0 2 * * * [Europe/Paris], file 30 3 * * * [Europe/Paris]",
                    "prefect deployment apply etl-deployment.yaml", "The migration takes the command's values");
        });
    }

    /**
     * {@code -sb s3/prod} is saved in the file as the block's type ({@code _block_type_slug: s3}) and, apart, its name
     * ({@code _block_document_name: prod}): the file of that build says the same, so nothing is for a person to decide.
     * A file whose block was renamed after the build does say something else.
     */
    @Test
    void aStorageBlockTheFileKeptByTypeAndNameIsTheCommandsOwn() throws IOException {
        String sh = DEPLOY_SH.replace("    -a\n", "    -sb s3/prod-flows \\\n    -a\n");
        String file = builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *").replace("storage: null\n", """
                storage:
                  bucket_path: acme/etl
                  _block_document_name: prod-flows
                  _is_anonymous: false
                  _block_type_slug: s3
                """);

        Inventory same = scan("scripts/deploy.sh", sh, "etl-deployment.yaml", file);
        assertThat(deployments(same)).singleElement().satisfies(j -> assertThat(j.attributes())
                .containsEntry("storage", "s3/prod-flows").doesNotContainKey("deployment.builtFileDiffers"));
        assertThat(same.findings()).extracting(Finding::code).doesNotContain("PF223");

        Inventory renamed = scan("etl-deployment.yaml", file.replace("_block_document_name: prod-flows",
                "_block_document_name: prod-archive"));
        assertThat(deployments(renamed)).singleElement().satisfies(j -> assertThat(j.attributes())
                .containsEntry("deployment.builtFileDiffers", "storage: command s3/prod-flows, file s3/prod-archive"));
        assertThat(renamed.findings()).filteredOn(f -> f.code().equals("PF223")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("storage block: command s3/prod-flows, file s3/prod-archive"));
    }

    /** {@code cd flows} in a script moves the build there: its file is written in flows/, not beside the script. */
    @Test
    void aRelativeCdBeforeTheBuildIsWhereItsFileIs() throws IOException {
        String sh = DEPLOY_SH.replace("flows/etl.py:etl", "etl.py:etl").replace("set -euo pipefail\n", "set -euo pipefail\ncd ../flows\n");
        Inventory inv = scan("scripts/deploy.sh", sh,
                "flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"),
                // where the script would write without its cd: not this build's file
                "etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"),
                "scripts/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).hasSize(3);
        Job job = deployments(inv).stream().filter(j -> j.source().path().equals("scripts/deploy.sh")).findFirst()
                .orElseThrow();
        assertThat(job.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4");
    }

    /** A Makefile recipe runs in the Makefile's directory, and its {@code cd flows &&} moves that one line. */
    @Test
    void aCdAndBuildOnOneRecipeLineWritesInThatDirectory() throws IOException {
        String makefile = """
                deploy:
                	cd flows && prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        Inventory inv = scan("ops/Makefile", makefile,
                "ops/flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"),
                "flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"));

        Job job = deployments(inv).stream().filter(j -> j.source().path().equals("ops/Makefile")).findFirst()
                .orElseThrow();
        assertThat(job.attributes()).containsEntry("deployment.builtFile", "ops/flows/etl-deployment.yaml:4");
        assertThat(deployments(inv)).extracting(j -> j.source().path())
                .containsExactlyInAnyOrder("ops/Makefile", "flows/etl-deployment.yaml");
    }

    /** {@code cd /srv/app/flows}: the file whose recorded path is that directory, at a place in the tree ending it. */
    @Test
    void anAbsoluteCdFindsTheFileThatRecordsThatDirectory() throws IOException {
        String sh = DEPLOY_SH.replace("flows/etl.py:etl", "etl.py:etl").replace("set -euo pipefail\n", "set -euo pipefail\ncd /srv/app/flows\n");
        Inventory inv = scan("scripts/deploy.sh", sh,
                "flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *")
                        .replace("path: /srv/etl", "path: /srv/app/flows"));
        assertThat(deployments(inv)).singleElement().satisfies(j ->
                assertThat(j.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4"));

        // a file built elsewhere (its path says so) is not this command's, whatever its place
        Inventory elsewhere = scan("flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"));
        assertThat(deployments(elsewhere)).hasSize(2)
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.builtFile"));
    }

    /** A cd the tree cannot follow: the file could be anywhere, so no file is taken for the build's. */
    @Test
    void aCdTheTreeCannotResolveMergesNothing() throws IOException {
        String sh = DEPLOY_SH.replace("set -euo pipefail\n", "set -euo pipefail\ncd \"$APP_DIR\"\n");
        Inventory inv = scan("scripts/deploy.sh", sh,
                "etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"),
                "scripts/etl-deployment.yaml", builtYaml("nightly", "flows/etl.py:etl", "etl", "0 2 * * *"));

        assertThat(deployments(inv)).hasSize(3)
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.builtFile"));
        assertThat(inv.findings()).extracting(Finding::code).doesNotContain("PF223");
    }

    /** A workflow whose build step runs in {@code flows}, from the workflow's text {@code stepLines}. */
    private static String workflow(String stepLines) {
        return """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                %s
                """.formatted(stepLines.stripTrailing());
    }

    private static final String[] FILES_IN_EACH_PLACE = {
            "flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *"),
            "etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *")};

    private String builtFileOf(String workflowText) throws IOException {
        Inventory inv = scan(FILES_IN_EACH_PLACE[0], FILES_IN_EACH_PLACE[1], FILES_IN_EACH_PLACE[2], FILES_IN_EACH_PLACE[3],
                ".github/workflows/deploy.yml", workflowText);
        return deployments(inv).stream().filter(j -> j.source().path().equals(".github/workflows/deploy.yml"))
                .findFirst().orElseThrow().attributes().get("deployment.builtFile");
    }

    /** A step's {@code working-directory: flows} is where its build runs, so where its file is written. */
    @Test
    void aStepsWorkingDirectoryIsWhereItsBuildWrites() throws IOException {
        String steps = """
                      - name: Build
                        working-directory: flows
                        run: prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        assertThat(builtFileOf(workflow(steps))).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /** {@code defaults: run: working-directory:} of the job holds for a step that names none. */
    @Test
    void theJobsDefaultWorkingDirectoryIsWhereItsBuildWrites() throws IOException {
        String text = workflow("""
                      - name: Build
                        run: |
                          prefect deployment build etl.py:etl -n nightly -q etl -a
                """).replace("    runs-on: ubuntu-latest\n",
                "    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: ./flows\n");
        assertThat(builtFileOf(text)).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /** Each step is a new shell in the workspace: an earlier step's {@code cd flows} does not move the build. */
    @Test
    void aCdInAnEarlierStepDoesNotMoveTheBuild() throws IOException {
        String steps = """
                      - name: Lint
                        run: |
                          cd flows
                          ruff check .
                      - name: Build
                        run: prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        assertThat(builtFileOf(workflow(steps))).isEqualTo("etl-deployment.yaml:4");
    }

    /** Within one step the shell is one: its {@code cd flows} carries to its next line. */
    @Test
    void aCdEarlierInTheSameStepMovesTheBuild() throws IOException {
        String steps = """
                      - name: Build
                        run: |
                          cd flows
                          prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        assertThat(builtFileOf(workflow(steps))).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /** A GitLab job's script lines share a shell; the next job starts again in the root. */
    @Test
    void aGitlabJobsCdCarriesWithinTheJobOnly() throws IOException {
        String gitlab = """
                stages: [lint, deploy]
                lint:
                  stage: lint
                  script:
                    - cd flows
                    - ruff check .
                deploy:
                  stage: deploy
                  script:
                    - pip install prefect==2.14.0
                    - prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        Inventory inv = scan(FILES_IN_EACH_PLACE[0], FILES_IN_EACH_PLACE[1], FILES_IN_EACH_PLACE[2], FILES_IN_EACH_PLACE[3],
                ".gitlab-ci.yml", gitlab);
        assertThat(deployments(inv)).filteredOn(j -> j.source().path().equals(".gitlab-ci.yml")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("deployment.builtFile", "etl-deployment.yaml:4"));

        Inventory withinJob = scan(".gitlab-ci.yml", gitlab.replace("    - pip install prefect==2.14.0\n",
                "    - cd flows\n"));
        assertThat(deployments(withinJob)).filteredOn(j -> j.source().path().equals(".gitlab-ci.yml")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4"));
    }

    /** A working-directory the tree cannot hold ({@code ${{ github.workspace }}/..}): no file is taken for the build's. */
    @Test
    void aWorkingDirectoryOutsideTheTreeMergesNothing() throws IOException {
        String steps = """
                      - name: Build
                        working-directory: ${{ env.APP_DIR }}
                        run: prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        assertThat(builtFileOf(workflow(steps))).isNull();
    }

    /** {@code run: cd /srv/app/flows && ...}: the absolute cd behind the YAML key is read, the file matched by its path. */
    @Test
    void anAbsoluteCdInARunLineFindsTheFileThatRecordsThatDirectory() throws IOException {
        String steps = """
                      - name: Build
                        run: cd /srv/app/flows && prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        Inventory inv = scan("flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *")
                        .replace("path: /srv/etl", "path: /srv/app/flows"),
                ".github/workflows/deploy.yml", workflow(steps));
        assertThat(deployments(inv)).singleElement().satisfies(j ->
                assertThat(j.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4"));
    }

    /** The checkout, by variable, expression or runner path, is the tree: its flows/ is the tree's. */
    @Test
    void aCdIntoTheCheckoutIsADirectoryOfTheTree() throws IOException {
        for (String cd : List.of("cd \"$GITHUB_WORKSPACE/flows\"", "cd ${{ github.workspace }}/flows",
                "cd /home/runner/work/etl/etl/flows")) {
            String steps = """
                          - name: Build
                            run: |
                              %s
                              prefect deployment build etl.py:etl -n nightly -q etl -a
                    """.formatted(cd);
            assertThat(builtFileOf(workflow(steps))).as(cd).isEqualTo("flows/etl-deployment.yaml:4");
        }
        String steps = """
                      - name: Build
                        working-directory: ${{ github.workspace }}/flows
                        run: prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        assertThat(builtFileOf(workflow(steps))).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /** A declarative Jenkinsfile whose deploy stage's steps are {@code steps}. */
    private static String jenkinsfile(String steps) {
        return """
                pipeline {
                    agent { docker { image 'prefecthq/prefect:2.14-python3.11' } }
                    stages {
                        stage('Deploy') {
                            steps {
                %s
                            }
                        }
                    }
                }
                """.formatted(steps.stripTrailing());
    }

    private String builtFileOfJenkinsfile(String steps) throws IOException {
        Inventory inv = scan(FILES_IN_EACH_PLACE[0], FILES_IN_EACH_PLACE[1], FILES_IN_EACH_PLACE[2], FILES_IN_EACH_PLACE[3],
                "Jenkinsfile", jenkinsfile(steps));
        return deployments(inv).stream().filter(j -> j.source().path().equals("Jenkinsfile"))
                .findFirst().orElseThrow().attributes().get("deployment.builtFile");
    }

    /** A Jenkins {@code sh} step reads its {@code cd} as a shell does: the build runs, and writes, in flows/. */
    @Test
    void aJenkinsStepsCdIsWhereItsBuildWrites() throws IOException {
        assertThat(builtFileOfJenkinsfile("""
                                sh 'cd flows && prefect deployment build etl.py:etl -n nightly -q etl -a'
                """)).isEqualTo("flows/etl-deployment.yaml:4");
        assertThat(builtFileOfJenkinsfile("""
                                sh \"""
                                    cd flows
                                    prefect deployment build etl.py:etl -n nightly -q etl -a
                                \"""
                """)).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /** {@code dir('flows') { }} is the working directory of the steps in it, however it names the directory. */
    @Test
    void aJenkinsDirBlockIsWhereItsStepsBuildWrites() throws IOException {
        for (String dir : List.of("dir('flows')", "dir(\"${env.WORKSPACE}/flows\")", "dir(path: 'flows')")) {
            assertThat(builtFileOfJenkinsfile("""
                                    %s {
                                        sh 'prefect deployment build etl.py:etl -n nightly -q etl -a'
                                    }
                    """.formatted(dir))).as(dir).isEqualTo("flows/etl-deployment.yaml:4");
        }
        assertThat(builtFileOfJenkinsfile("""
                                dir('flows') {
                                    sh 'echo building'
                                }
                                sh 'prefect deployment build etl.py:etl -n nightly -q etl -a'
                """)).isEqualTo("etl-deployment.yaml:4");
    }

    /** Each {@code sh} step is a new shell in the workspace: an earlier step's {@code cd flows} does not move the build. */
    @Test
    void anEarlierJenkinsStepsCdDoesNotMoveTheBuild() throws IOException {
        assertThat(builtFileOfJenkinsfile("""
                                sh 'cd flows'
                                sh 'prefect deployment build etl.py:etl -n nightly -q etl -a'
                """)).isEqualTo("etl-deployment.yaml:4");
        assertThat(builtFileOfJenkinsfile("""
                                sh '''
                                    cd flows
                                    ruff check .
                                '''
                                sh 'prefect deployment build etl.py:etl -n nightly -q etl -a'
                """)).isEqualTo("etl-deployment.yaml:4");
    }

    /** {@code dir('/srv/app')}: the agent's directory, matched by the file's recorded path; a variable's, by none. */
    @Test
    void aJenkinsDirOutsideTheTreeIsMatchedByPathOrNotAtAll() throws IOException {
        Inventory inv = scan("flows/etl-deployment.yaml", builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *")
                        .replace("path: /srv/etl", "path: /srv/app/flows"),
                "Jenkinsfile", jenkinsfile("""
                                dir('/srv/app') {
                                    sh 'cd flows && prefect deployment build etl.py:etl -n nightly -q etl -a'
                                }
                """));
        assertThat(deployments(inv)).singleElement().satisfies(j ->
                assertThat(j.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4"));
        assertThat(builtFileOfJenkinsfile("""
                                dir("${env.APP_DIR}") {
                                    sh 'prefect deployment build etl.py:etl -n nightly -q etl -a'
                                }
                """)).isNull();
    }
}
