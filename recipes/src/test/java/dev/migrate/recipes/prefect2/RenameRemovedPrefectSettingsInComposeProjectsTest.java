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
 * A compose project's {@code .env} feeds the compose file's {@code ${VAR}} interpolation: its keys and the references
 * that read them are renamed together or kept together, never one without the other.
 */
class RenameRemovedPrefectSettingsInComposeProjectsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    // the .env key was renamed and the compose file kept ${PREFECT_ORION_DATABASE_CONNECTION_URL}: compose read an
    // unset variable and the server got an empty database URL
    @DocumentExample
    @Test
    void dotEnvKeysAndTheComposeReferencesThatReadThemAreRenamedTogether() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual() + ": " + r.message())
                        .containsExactly("docker-compose.yml:7 CFG001 false: ${PREFECT_ORION_DATABASE_CONNECTION_URL} is renamed "
                                + "to ${PREFECT_SERVER_DATABASE_CONNECTION_URL} with its definition in .env, which compose reads "
                                + "for interpolation and this run renames too; where the shell that runs docker compose sets "
                                + "PREFECT_ORION_DATABASE_CONNECTION_URL (CI settings, a deploy script outside the repository), "
                                + "rename it there to PREFECT_SERVER_DATABASE_CONNECTION_URL (Prefect 3 does not read the old name)")),
            text(
                """
                POSTGRES_PASSWORD=change-me
                PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:change-me@db:5432/prefect
                """,
                """
                POSTGRES_PASSWORD=change-me
                PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:change-me@db:5432/prefect
                """,
                spec -> spec.path(".env")),
            yaml(
                """
                services:
                  db:
                    environment:
                      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
                  server:
                    environment:
                      PREFECT_ORION_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """,
                """
                services:
                  db:
                    environment:
                      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
                  server:
                    environment:
                      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_SERVER_DATABASE_CONNECTION_URL}
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // the worker loads .env as its environment (env_file:) and the server reads a key of it by interpolation: the
    // worker needs the new name in .env, the server's reference must read that same key
    @Test
    void aDotEnvAlsoLoadedWithEnvFileServesBothRolesUnderTheNewName() {
        rewriteRun(
            text(
                """
                PREFECT_ORION_API_PORT=4200
                PREFECT_AGENT_QUERY_INTERVAL=10
                """,
                """
                PREFECT_SERVER_API_PORT=4200
                PREFECT_WORKER_QUERY_SECONDS=10
                """,
                spec -> spec.path("deploy/.env")),
            yaml(
                """
                services:
                  server:
                    command: prefect server start --port ${PREFECT_ORION_API_PORT:-4200}
                    environment:
                      - PREFECT_ORION_API_PORT
                  worker:
                    env_file:
                      - path: ./.env
                        required: true
                    environment:
                      PREFECT_AGENT_QUERY_INTERVAL: "$PREFECT_AGENT_QUERY_INTERVAL"
                """,
                """
                services:
                  server:
                    command: prefect server start --port ${PREFECT_SERVER_API_PORT:-4200}
                    environment:
                      - PREFECT_SERVER_API_PORT
                  worker:
                    env_file:
                      - path: ./.env
                        required: true
                    environment:
                      PREFECT_WORKER_QUERY_SECONDS: "$PREFECT_WORKER_QUERY_SECONDS"
                """,
                spec -> spec.path("deploy/docker-compose.yml")));
    }

    // env_file: is the container's environment, never interpolation: its keys are settings and renamed, while the
    // compose reference reads the shell's variable, kept with its note as before
    @Test
    void envFileKeysAreContainerEnvironmentAndDoNotMoveReferences() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.message().substring(0, r.message().indexOf(" is ")))
                        .containsExactly("docker-compose.yml:5 ${PREFECT_ORION_API_HOST}")),
            text("PREFECT_ORION_API_HOST=0.0.0.0\n", "PREFECT_SERVER_API_HOST=0.0.0.0\n", spec -> spec.path("prefect.env")),
            yaml(
                """
                services:
                  server:
                    env_file: prefect.env
                    environment:
                      PREFECT_UI_API_URL: http://${PREFECT_ORION_API_HOST}:4200/api
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // only the template is committed; the real .env lives on the server with the old key, so the key the compose file
    // reads stays in the template, and the reference with it; a key nothing reads by interpolation is renamed
    @Test
    void aTemplateKeepsTheKeysComposeReadsFromADotEnvOutsideTheRepository() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.message().substring(0, r.message().indexOf(" is ")))
                        .containsExactlyInAnyOrder(".env.example:1 false PREFECT_ORION_DATABASE_CONNECTION_URL",
                                "docker-compose.yml:4 false ${PREFECT_ORION_DATABASE_CONNECTION_URL}")),
            text(
                """
                PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:CHANGE_ME@db/prefect
                PREFECT_ORION_API_PORT=4200
                """,
                """
                PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:CHANGE_ME@db/prefect
                PREFECT_SERVER_API_PORT=4200
                """,
                spec -> spec.path(".env.example")),
            yaml(
                """
                services:
                  server:
                    environment:
                      PREFECT_ORION_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """,
                """
                services:
                  server:
                    environment:
                      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // the real .env is also the worker's environment (env_file:): kept, its old key reaches Prefect 3 nowhere there,
    // which only the owner of that file can fix, so the note is a manual step
    @Test
    void aTemplateOfADotEnvAlsoLoadedWithEnvFileAsksForTheNewNameThere() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> r.sourcePath().equals(".env.example"))
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.message().substring(r.message().indexOf(". A service")))
                        .containsExactly("1 true . A service also loads .env with env_file: as its environment, where Prefect 3 "
                                + "does not read the old name: set PREFECT_WORKER_QUERY_SECONDS there too, or rename the "
                                + "variable everywhere")),
            text("PREFECT_AGENT_QUERY_INTERVAL=10\n", spec -> spec.path(".env.example")),
            yaml(
                """
                services:
                  worker:
                    env_file: .env
                    command: prefect worker start --pool p
                  monitor:
                    environment:
                      - PREFECT_AGENT_QUERY_INTERVAL
                """,
                """
                services:
                  worker:
                    env_file: .env
                    command: prefect worker start --pool p
                  monitor:
                    environment:
                      - PREFECT_WORKER_QUERY_SECONDS=${PREFECT_AGENT_QUERY_INTERVAL}
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // a deploy script exports the variable and runs compose with --env-file: both definitions are renamed in the run,
    // so the reference follows them
    @Test
    void aScriptThatRunsComposeAndItsEnvFileAreDefinitionsToo() {
        rewriteRun(
            text(
                """
                #!/bin/sh
                export PREFECT_ORION_API_HOST=0.0.0.0
                docker compose --env-file prod.env up -d
                """,
                """
                #!/bin/sh
                export PREFECT_SERVER_API_HOST=0.0.0.0
                docker compose --env-file prod.env up -d
                """,
                spec -> spec.path("ops/deploy.sh")),
            text("PREFECT_ORION_API_PORT=4200\n", "PREFECT_SERVER_API_PORT=4200\n", spec -> spec.path("ops/prod.env")),
            yaml(
                """
                services:
                  server:
                    command: prefect server start --host ${PREFECT_ORION_API_HOST} --port ${PREFECT_ORION_API_PORT}
                """,
                """
                services:
                  server:
                    command: prefect server start --host ${PREFECT_SERVER_API_HOST} --port ${PREFECT_SERVER_API_PORT}
                """,
                spec -> spec.path("ops/compose.yaml")));
    }

    // run from the repository root: the env file there is read for the compose file the same command names with -f,
    // and not for a compose file of another directory that nothing runs with it
    @Test
    void anEnvFileNamedBesideDashFIsADefinitionForThatComposeFile() {
        rewriteRun(
            text(
                """
                deploy:
                	docker compose --env-file .env.prod -f deploy/compose.yml up -d
                """,
                spec -> spec.path("Makefile")),
            text("PREFECT_ORION_API_PORT=4200\n", "PREFECT_SERVER_API_PORT=4200\n", spec -> spec.path(".env.prod")),
            yaml(
                """
                services:
                  server:
                    command: prefect server start --port ${PREFECT_ORION_API_PORT}
                """,
                """
                services:
                  server:
                    command: prefect server start --port ${PREFECT_SERVER_API_PORT}
                """,
                spec -> spec.path("deploy/compose.yml")),
            yaml(
                """
                services:
                  server:
                    environment:
                      PREFECT_ORION_API_PORT: ${PREFECT_ORION_API_PORT}
                """,
                """
                services:
                  server:
                    environment:
                      PREFECT_SERVER_API_PORT: ${PREFECT_ORION_API_PORT}
                """,
                spec -> spec.path("staging/compose.yml")));
    }

    // an included compose file is read with the including project's interpolation variables
    @Test
    void aComposeFileIncludedByTheProjectReadsItsDotEnv() {
        rewriteRun(
            text("PREFECT_ORION_API_HOST=0.0.0.0\n", "PREFECT_SERVER_API_HOST=0.0.0.0\n", spec -> spec.path(".env")),
            yaml("include:\n  - path: deploy/compose.server.yaml\n", spec -> spec.path("compose.yaml")),
            yaml(
                """
                services:
                  server:
                    command: prefect server start --host ${PREFECT_ORION_API_HOST}
                """,
                """
                services:
                  server:
                    command: prefect server start --host ${PREFECT_SERVER_API_HOST}
                """,
                spec -> spec.path("deploy/compose.server.yaml")));
    }

    // compose reads the .env of the compose file's own directory: one elsewhere defines nothing for it
    @Test
    void aDotEnvOfAnotherDirectoryDoesNotMoveTheReference() {
        rewriteRun(
            text("PREFECT_ORION_API_PORT=4200\n", "PREFECT_SERVER_API_PORT=4200\n", spec -> spec.path(".env")),
            yaml(
                """
                services:
                  server:
                    environment:
                      PREFECT_ORION_API_PORT: ${PREFECT_ORION_API_PORT}
                """,
                """
                services:
                  server:
                    environment:
                      PREFECT_SERVER_API_PORT: ${PREFECT_ORION_API_PORT}
                """,
                spec -> spec.path("deploy/docker-compose.yml")));
    }

    @Test
    void currentNamesInDotEnvAndComposeAreLeftAlone() {
        rewriteRun(
            text("PREFECT_SERVER_API_PORT=4200\nPOSTGRES_PASSWORD=secret\n", spec -> spec.path(".env")),
            yaml("services:\n  server:\n    environment:\n      PREFECT_SERVER_API_PORT: ${PREFECT_SERVER_API_PORT}\n",
                spec -> spec.path("docker-compose.yml")));
    }

    // a second run over a kept pair (template and reference) changes nothing
    @Test
    void aTemplateWhoseKeysComposeReadsIsLeftAlone() {
        rewriteRun(
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n", spec -> spec.path(".env.example")),
            yaml("services:\n  server:\n    environment:\n      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}\n",
                spec -> spec.path("docker-compose.yml")));
    }

    // a script reads .env into its own variables and uses one: its reference reads the .env key, renamed in the run,
    // so it follows; a variable no file of the run sets stays the host's
    @Test
    void aScriptThatSourcesTheDotEnvFollowsItsKeys() {
        rewriteRun(
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n", spec -> spec.path(".env")),
            text(
                """
                #!/bin/sh
                set -a; . ./.env; set +a
                psql "${PREFECT_ORION_DATABASE_CONNECTION_URL#*+asyncpg}" -c 'select 1'
                echo "$PREFECT_ORION_API_HOST"
                """,
                """
                #!/bin/sh
                set -a; . ./.env; set +a
                psql "${PREFECT_SERVER_DATABASE_CONNECTION_URL#*+asyncpg}" -c 'select 1'
                echo "$PREFECT_ORION_API_HOST"
                """,
                spec -> spec.path("check-db.sh")),
            text(
                """
                include .env
                export
                upgrade:
                \tpg_isready -d ${PREFECT_ORION_DATABASE_CONNECTION_URL} && prefect server database upgrade -y
                """,
                """
                include .env
                export
                upgrade:
                \tpg_isready -d ${PREFECT_SERVER_DATABASE_CONNECTION_URL} && prefect server database upgrade -y
                """,
                spec -> spec.path("Makefile")));
    }

    // `cd deploy && docker compose --env-file ../config/prod.env up`: the env file feeds deploy's compose file, the
    // project of the directory the command runs in, not a project of config/
    @Test
    void anEnvFileNamedFromAnotherDirectoryFeedsTheProjectTheCommandRunsIn() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .anySatisfy(r -> assertThat(r.message()).contains("with its definition in ../config/prod.env"))),
            text("#!/bin/sh\ncd deploy && docker compose --env-file ../config/prod.env up -d\n", spec -> spec.path("up.sh")),
            text(
                "PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect@db/prefect\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect@db/prefect\n",
                spec -> spec.path("config/prod.env")),
            yaml(
                """
                services:
                  server:
                    environment:
                      PREFECT_ORION_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """,
                """
                services:
                  server:
                    environment:
                      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_SERVER_DATABASE_CONNECTION_URL}
                """,
                spec -> spec.path("deploy/docker-compose.yml")));
    }

    // deploy/stack.yml is the compose file of `docker compose -f deploy/stack.yml`: its reference follows deploy/.env
    @Test
    void aComposeFileNamedWithFReadsItsDirectorysDotEnv() {
        rewriteRun(
            text("up:\n\tdocker compose -f deploy/stack.yml up -d\n", spec -> spec.path("Makefile")),
            text(
                "PREFECT_ORION_API_PORT=4200\n",
                "PREFECT_SERVER_API_PORT=4200\n",
                spec -> spec.path("deploy/.env")),
            yaml(
                """
                services:
                  server:
                    ports:
                      - "${PREFECT_ORION_API_PORT}:4200"
                """,
                """
                services:
                  server:
                    ports:
                      - "${PREFECT_SERVER_API_PORT}:4200"
                """,
                spec -> spec.path("deploy/stack.yml")));
    }
}
