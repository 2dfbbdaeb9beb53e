package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI job that runs {@code docker compose --env-file X} (GitLab {@code script:}/{@code before_script:}, GitHub
 * Actions {@code run:}) gives compose X for interpolation, as a deploy script does: X's keys that the compose file
 * reads as {@code ${NAME}} are compose variables, which the rewrite renames with their references. X is read from the
 * directory the job runs compose in: the repository root, unless the script {@code cd}s.
 */
class ComposeEnvFilesInCiTest {
    private static final String COMPOSE = """
            services:
              server:
                image: prefecthq/prefect:3-latest
                command: prefect server start --host ${PREFECT_ORION_API_HOST} --port ${PREFECT_ORION_API_PORT}
            """;

    @TempDir
    Path tmp;

    // the shape of a public repository's integration-test workflow: base settings, then the CI overrides
    @Test
    void aGithubStepsEnvFilesFeedTheComposeFileItNames() throws IOException {
        write(".github/workflows/integration.yml", """
                name: integration
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Start Prefect server
                        run: docker compose --env-file ci/base.env --env-file=ci/test.env -f deploy/compose.yml up -d --wait
                      - run: pytest tests/integration
                """);
        write("ci/base.env", "PREFECT_ORION_API_HOST=0.0.0.0\n");
        write("ci/test.env", "PREFECT_ORION_API_PORT=4200\n");
        write("deploy/compose.yml", COMPOSE);
        assertThat(composeVariables()).containsExactly("ci/base.env:1 PREFECT_ORION_API_HOST compose.yml:4",
                "ci/test.env:1 PREFECT_ORION_API_PORT compose.yml:4");
    }

    // a GitLab job runs docker-compose from deploy/, where its before_script moved it; the env file is named from there
    @Test
    void aGitlabJobsEnvFileIsReadFromWhereItsScriptRunsCompose() throws IOException {
        write(".gitlab-ci.yml", """
                stages: [deploy]
                deploy:
                  stage: deploy
                  image: docker:24
                  services: [docker:24-dind]
                  before_script:
                    - cd deploy
                  script:
                    - docker-compose --env-file ../config/prod.env up -d
                """);
        write("config/prod.env", "PREFECT_ORION_API_HOST=0.0.0.0\nPREFECT_ORION_API_PORT=4200\n");
        write("deploy/docker-compose.yml", COMPOSE);
        assertThat(composeVariables()).containsExactly("config/prod.env:1 PREFECT_ORION_API_HOST docker-compose.yml:4",
                "config/prod.env:2 PREFECT_ORION_API_PORT docker-compose.yml:4");
    }

    // the compose command is in ci/deploy.yml, which the pipeline includes under a name of its own
    @Test
    void theEnvFileOfAnIncludedFilesJobCountsToo() throws IOException {
        write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\nstages: [deploy]\n");
        write("ci/deploy.yml", """
                deploy:
                  stage: deploy
                  script:
                    - docker compose --env-file .env.ci up -d
                """);
        write(".env.ci", "PREFECT_ORION_API_PORT=4200\n");
        write("docker-compose.yml", COMPOSE);
        assertThat(composeVariables()).containsExactly(".env.ci:1 PREFECT_ORION_API_PORT docker-compose.yml:4");
    }

    /** Must not change: a job that runs compose without --env-file reads no other env file; .env.ci is a setting. */
    @Test
    void withoutEnvFileTheFileIsCheckedAsASetting() throws IOException {
        write(".github/workflows/integration.yml", """
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: docker compose up -d
                """);
        write(".env.ci", "PREFECT_ORION_API_PORT=4200\n");
        write("docker-compose.yml", COMPOSE);
        assertThat(composeVariables()).isEmpty();
        assertThat(cfg001()).containsExactly(".env.ci:1 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 gave "
                + "PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade");
    }

    @Test
    void envFilesAreReadInTheOrderGivenForTheProjectTheCommandRuns() {
        String run = "      - run: |\n          cd deploy\n"
                + "          docker compose --env-file ../ci/test.env --env-file ../ci/base.env up -d\n"
                + "          docker-compose --env-file=.env.local -f ../ops/stack.yml --env-file \"../ci/z.env\" config\n";
        String workflow = "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n" + run;
        assertThat(ComposeEnvFileProjects.of(".github/workflows/ci.yml", workflow, null)).isEqualTo(Map.of(
                "deploy", List.of("ci/test.env", "ci/base.env"), "ops", List.of("deploy/.env.local", "ci/z.env")));
        assertThat(ComposeEnvFileProjects.of(".github/workflows/ci.yml", workflow.replace("--env-file", "--profile"), null))
                .isEmpty();
    }

    /** "ENV:LINE NAME READERS" of each CFG001 that calls a key a compose variable. */
    private List<String> composeVariables() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("CFG001") && f.message().contains("is a compose variable here"))
                .map(f -> f.where().path() + ":" + f.where().line() + " " + f.message().replaceFirst(
                        "^setting (\\S+) is a compose variable here: (\\S+) reads? .*$", "$1 $2"))
                .sorted().toList();
    }

    private List<String> cfg001() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("CFG001")).map(f -> f.where().path() + ":" + f.where().line() + " " + f.message())
                .sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
