package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A CI job that runs {@code docker compose --env-file X} gives compose X for interpolation, as a deploy script does:
 * X's keys and the compose references that read them are renamed together. X is read from where the job runs compose
 * (the repository root unless its script {@code cd}s), for the compose files the command names with {@code -f}, else
 * for those of that directory.
 */
class RenameRemovedPrefectSettingsWithCiEnvFilesTest implements RewriteTest {
    private static final String COMPOSE = """
            services:
              server:
                image: prefecthq/prefect:3-latest
                command: prefect server start --host ${PREFECT_ORION_API_HOST} --port ${PREFECT_ORION_API_PORT}
            """;
    private static final String RENAMED = """
            services:
              server:
                image: prefecthq/prefect:3-latest
                command: prefect server start --host ${PREFECT_SERVER_API_HOST} --port ${PREFECT_SERVER_API_PORT}
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    // the env files were renamed and the compose file kept ${PREFECT_ORION_API_PORT}: the CI server started on an
    // empty port
    @DocumentExample
    @Test
    void aGithubStepsEnvFilesAreDefinitionsForTheComposeFileItNames() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .anySatisfy(r -> assertThat(r.message()).contains("with its definition in ../ci/test.env"))),
            yaml(
                """
                name: integration
                on: [push]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Start Prefect server
                        run: docker compose --env-file ci/base.env --env-file=ci/test.env -f deploy/compose.yml up -d --wait
                """,
                spec -> spec.path(".github/workflows/integration.yml")),
            text("PREFECT_ORION_API_HOST=0.0.0.0\n", "PREFECT_SERVER_API_HOST=0.0.0.0\n", spec -> spec.path("ci/base.env")),
            text("PREFECT_ORION_API_PORT=4200\n", "PREFECT_SERVER_API_PORT=4200\n", spec -> spec.path("ci/test.env")),
            yaml(COMPOSE, RENAMED, spec -> spec.path("deploy/compose.yml")));
    }

    // the job's before_script moved it to deploy/, whence docker-compose reads ../config/prod.env for deploy's project
    @Test
    void aGitlabJobsEnvFileIsReadFromWhereItsScriptRunsCompose() {
        rewriteRun(
            yaml(
                """
                deploy:
                  stage: deploy
                  image: docker:24
                  services: [docker:24-dind]
                  before_script:
                    - cd deploy
                  script:
                    - docker-compose --env-file ../config/prod.env up -d
                """,
                spec -> spec.path(".gitlab-ci.yml")),
            text("PREFECT_ORION_API_HOST=0.0.0.0\nPREFECT_ORION_API_PORT=4200\n",
                "PREFECT_SERVER_API_HOST=0.0.0.0\nPREFECT_SERVER_API_PORT=4200\n", spec -> spec.path("config/prod.env")),
            yaml(COMPOSE, RENAMED, spec -> spec.path("deploy/docker-compose.yml")));
    }

    // the compose command is in a file the pipeline includes under a name of its own
    @Test
    void theEnvFileOfAnIncludedFilesJobIsADefinitionToo() {
        rewriteRun(
            yaml("include:\n  - local: ci/deploy.yml\nstages: [deploy]\n", spec -> spec.path(".gitlab-ci.yml")),
            yaml(
                """
                deploy:
                  stage: deploy
                  script:
                    - docker compose --env-file .env.ci up -d
                """,
                spec -> spec.path("ci/deploy.yml")),
            text("PREFECT_ORION_API_HOST=0.0.0.0\nPREFECT_ORION_API_PORT=4200\n",
                "PREFECT_SERVER_API_HOST=0.0.0.0\nPREFECT_SERVER_API_PORT=4200\n", spec -> spec.path(".env.ci")),
            yaml(COMPOSE, RENAMED, spec -> spec.path("docker-compose.yml")));
    }

    /** Must not change: the job names an env file the repository does not hold; the references stay the host's. */
    @Test
    void anEnvFileOutsideTheRunLeavesTheReferences() {
        rewriteRun(
            yaml("test:\n  script:\n    - docker compose --env-file /etc/prefect/ci.env up -d\n", spec -> spec.path(".gitlab-ci.yml")),
            yaml(COMPOSE, spec -> spec.path("docker-compose.yml")));
    }
}
