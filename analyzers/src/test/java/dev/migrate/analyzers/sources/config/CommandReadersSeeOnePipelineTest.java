package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
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
 * The passes that read a pipeline's commands again after the scan ({@link CommandDirectory} for the build-to-file
 * match, {@link ComposeCommands}) read the same commands as the command line detector: a Jenkinsfile's steps as
 * {@link JenkinsShSteps} gives them, and a GitLab pipeline merged with the templates it includes.
 */
class CommandReadersSeeOnePipelineTest {
    @TempDir
    Path tmp;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** The file the build at {@code path} was matched with, or null. */
    private static String builtFile(Inventory inv, String path) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT2_DEPLOYMENT && j.source().path().equals(path))
                .findFirst().map(Job::attributes).map(a -> a.get("deployment.builtFile")).orElse(null);
    }

    private static final String ROOT_FILE = BuiltDeploymentFileMergerTest.builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *");
    private static final String FLOWS_FILE = ROOT_FILE;

    /**
     * {@code \"} is one character to Groovy: the detector places the build six columns left of where it is written
     * (three quoted words), and the directory is read at that same column, after the {@code cd} just before it, not
     * within the {@code cd}.
     */
    @Test
    void aJenkinsBuildAfterAnEscapedQuoteRunsWhereItsStepsCdLeftIt() throws IOException {
        String jenkinsfile = """
                pipeline {
                    agent any
                    stages {
                        stage('Deploy') {
                            steps {
                                sh "echo \\"deploying\\" \\"etl\\" \\"nightly\\" && cd flows && prefect deployment build etl.py:etl -n nightly -q etl -a"
                            }
                        }
                    }
                }
                """;
        Inventory inv = scan("etl-deployment.yaml", ROOT_FILE, "flows/etl-deployment.yaml", FLOWS_FILE,
                "Jenkinsfile", jenkinsfile);
        assertThat(builtFile(inv, "Jenkinsfile")).isEqualTo("flows/etl-deployment.yaml:4");
    }

    /**
     * A compose command in a Groovy string is no command: only the steps run compose, each in its dir block's
     * directory, also a block opened on the step's own line.
     */
    @Test
    void aJenkinsComposeCommandInGroovyIsNotRead() {
        String jenkinsfile = """
                def composeUp = "docker compose -f deploy/old-stack.yml up -d"
                pipeline {
                    agent any
                    stages {
                        stage('Up') {
                            steps {
                                echo "would run: docker compose -f deploy/echoed.yml up"
                                dir('deploy') {
                                    sh 'docker compose -f stack.yml up -d'
                                }
                                dir('ops') { sh 'docker compose -f monitoring.yml up -d' }
                                sh "echo \\"up\\" && cd deploy && docker compose -f prod.yml up -d"
                            }
                        }
                    }
                }
                """;
        List<ComposeCommands.Command> commands = ComposeCommands.of("Jenkinsfile", jenkinsfile);
        assertThat(commands).flatExtracting(c -> List.copyOf(c.composeFiles()))
                .containsExactly("deploy/stack.yml", "ops/monitoring.yml", "deploy/prod.yml");
    }

    private static final String INCLUDING_PIPELINE = """
            include:
              - local: ci/templates.yml
            stages: [deploy]
            deploy:
              stage: deploy
              extends: .in_flows
              script:
                - prefect deployment build etl.py:etl -n nightly -q etl -a
                - docker compose -f compose.yml up -d
            """;
    private static final String TEMPLATES = """
            .in_flows:
              image: prefecthq/prefect:2.14-python3.11
              before_script:
                - pip install -r requirements.txt
                - cd flows
            """;

    /** The template that moves the job into flows/ is in an included file no detector was handed. */
    @Test
    void aBuildInAJobWhoseIncludedTemplateCdsWritesThere() throws IOException {
        Inventory inv = scan("etl-deployment.yaml", ROOT_FILE, "flows/etl-deployment.yaml", FLOWS_FILE,
                "ci/templates.yml", TEMPLATES, ".gitlab-ci.yml", INCLUDING_PIPELINE);
        assertThat(builtFile(inv, ".gitlab-ci.yml")).isEqualTo("flows/etl-deployment.yaml:4");

        Inventory withoutCd = scan("ci/templates.yml", TEMPLATES.replace("    - cd flows\n", ""));
        assertThat(builtFile(withoutCd, ".gitlab-ci.yml")).isEqualTo("etl-deployment.yaml:4");
    }

    /** Compose runs in flows/ too, given the included file's text. */
    @Test
    void composeInAJobWhoseIncludedTemplateCdsRunsThere() {
        assertThat(ComposeCommands.of(".gitlab-ci.yml", INCLUDING_PIPELINE, p -> p.equals("ci/templates.yml") ? TEMPLATES : null))
                .singleElement().satisfies(c -> {
                    assertThat(c.directory()).isEqualTo("flows");
                    assertThat(c.composeFiles()).containsExactly("flows/compose.yml");
                });
        assertThat(ComposeCommands.of(".gitlab-ci.yml", INCLUDING_PIPELINE)).singleElement()
                .satisfies(c -> assertThat(c.directory()).isEmpty());
    }

    /** {@code default: before_script: - !reference [.setup, script]}: the referenced cd is where every job starts. */
    @Test
    void aReferenceInTheDefaultBeforeScriptIsWhereJobsStart() throws IOException {
        String pipeline = """
                .setup:
                  script:
                    - pip install -r requirements.txt
                    - cd flows
                default:
                  image: prefecthq/prefect:2.14-python3.11
                  before_script:
                    - !reference [.setup, script]
                    - echo "in $PWD"
                deploy:
                  stage: deploy
                  script:
                    - prefect deployment build etl.py:etl -n nightly -q etl -a
                """;
        Inventory inv = scan("etl-deployment.yaml", ROOT_FILE, "flows/etl-deployment.yaml", FLOWS_FILE,
                ".gitlab-ci.yml", pipeline);
        assertThat(builtFile(inv, ".gitlab-ci.yml")).isEqualTo("flows/etl-deployment.yaml:4");
        // the same reference in an included file's default
        Inventory included = scan(".gitlab-ci.yml", """
                include: ci/defaults.yml
                deploy:
                  stage: deploy
                  script:
                    - prefect deployment build etl.py:etl -n nightly -q etl -a
                """, "ci/defaults.yml", pipeline.substring(0, pipeline.indexOf("deploy:")));
        assertThat(builtFile(included, ".gitlab-ci.yml")).isEqualTo("flows/etl-deployment.yaml:4");
    }
}
