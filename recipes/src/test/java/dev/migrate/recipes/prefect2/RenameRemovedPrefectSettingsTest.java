package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenameRemovedPrefectSettingsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    private static InMemoryExecutionContext target(String release) {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse(release).putInto(ctx);
        return ctx;
    }

    // the rename stopped at PREFECT_API_DATABASE_CONNECTION_URL, the 2.x name that 3.1 and later deprecate again
    @DocumentExample
    @Test
    void orionNamesGoStraightToTheTargetsCanonicalName() {
        rewriteRun(text("export PREFECT_ORION_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
            "export PREFECT_SERVER_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
            spec -> spec.path("start.sh")));
    }

    // 3.0 has no PREFECT_SERVER_DATABASE_* settings yet: its canonical name is the 2.x one
    @Test
    void aTargetBeforeTheServerRenamesStopsAtTheNameItReads() {
        rewriteRun(spec -> spec.executionContext(target("3.0")),
            text("export PREFECT_ORION_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
                "export PREFECT_API_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
                spec -> spec.path("start.sh")));
    }

    // an agent unit and its .env tuned the agent's polling: the settings were left, and the worker that replaced
    // the agent ignored them (Prefect 3 reads only their worker successors)
    @Test
    void agentSettingsMoveToTheirWorkerSuccessors() {
        rewriteRun(text("""
                PREFECT_AGENT_QUERY_INTERVAL=15
                PREFECT_AGENT_PREFETCH_SECONDS=30
                PREFECT_LOGGING_LEVEL=INFO
                """, """
                PREFECT_WORKER_QUERY_SECONDS=15
                PREFECT_WORKER_PREFETCH_SECONDS=30
                PREFECT_LOGGING_LEVEL=INFO
                """, spec -> spec.path(".env")));
    }

    // compose reads ${...} from the host's environment or its .env: renaming the reference read an unset variable,
    // and the server started on SQLite; an escaped $$NAME is read by the container's shell, from the renamed keys
    @Test
    void composeRenamesTheSettingAndKeepsTheHostVariableItReads() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual() + ": " + r.message())
                        .containsExactly("docker-compose.yml:5 CFG001 false: ${PREFECT_ORION_DATABASE_CONNECTION_URL} is kept as "
                                + "written: it reads PREFECT_ORION_DATABASE_CONNECTION_URL from outside this file (the host, the "
                                + "shell, a .env file, CI settings), which this rename leaves as it is; where "
                                + "PREFECT_ORION_DATABASE_CONNECTION_URL is defined for Prefect itself, rename it there to "
                                + "PREFECT_SERVER_DATABASE_CONNECTION_URL (Prefect 3 does not read the old name)",
                                "docker-compose.yml:6 CFG001 false: ${PREFECT_ORION_API_HOST} is kept as written: it reads "
                                + "PREFECT_ORION_API_HOST from outside this file (the host, the shell, a .env file, CI settings), "
                                + "which this rename leaves as it is; where PREFECT_ORION_API_HOST is defined for Prefect itself, "
                                + "rename it there to PREFECT_SERVER_API_HOST (Prefect 3 does not read the old name)")),
            yaml(
                """
                services:
                  server:
                    image: prefecthq/prefect:2.14.9-python3.11
                    environment:
                      PREFECT_ORION_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                      PREFECT_ORION_API_HOST: "${PREFECT_ORION_API_HOST:-0.0.0.0}"
                  worker:
                    environment:
                      - PREFECT_ORION_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}
                      - PREFECT_AGENT_QUERY_INTERVAL=15
                    command: sh -c 'echo "polling every $$PREFECT_AGENT_QUERY_INTERVAL s"; prefect worker start -p p'
                """,
                """
                services:
                  server:
                    image: prefecthq/prefect:2.14.9-python3.11
                    environment:
                      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                      PREFECT_SERVER_API_HOST: "${PREFECT_ORION_API_HOST:-0.0.0.0}"
                  worker:
                    environment:
                      - PREFECT_SERVER_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}
                      - PREFECT_WORKER_QUERY_SECONDS=15
                    command: sh -c 'echo "polling every $$PREFECT_WORKER_QUERY_SECONDS s"; prefect worker start -p p'
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // `- PREFECT_ORION_X` passes the host's variable of that name on: renamed alone, compose passed the new name,
    // which the host does not set; the setting is renamed and the host's variable kept
    @Test
    void composeEntriesWithoutAValuePassTheHostVariableUnderTheNewName() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.message().substring(0, r.message().indexOf(" is kept")))
                        .containsExactlyInAnyOrder("4 CFG001 ${PREFECT_ORION_DATABASE_CONNECTION_URL}",
                                "7 CFG001 ${PREFECT_AGENT_QUERY_INTERVAL}")),
            yaml(
                """
                services:
                  server:
                    environment:
                      - PREFECT_ORION_DATABASE_CONNECTION_URL
                  agent:
                    environment:
                      PREFECT_AGENT_QUERY_INTERVAL:
                      PREFECT_API_URL:
                """,
                """
                services:
                  server:
                    environment:
                      - PREFECT_SERVER_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}
                  agent:
                    environment:
                      PREFECT_WORKER_QUERY_SECONDS: ${PREFECT_AGENT_QUERY_INTERVAL}
                      PREFECT_API_URL:
                """,
                spec -> spec.path("docker-compose.yml")),
            // not compose: a list of names, renamed as names
            yaml("environment:\n  - PREFECT_ORION_API_PORT\n", "environment:\n  - PREFECT_SERVER_API_PORT\n",
                spec -> spec.path("settings.yml")));
    }

    // a workflow read the setting from a repository secret: `secrets.PREFECT_ORION_...` was renamed with the key,
    // naming a secret nobody created, and the step ran with an empty value
    @Test
    void ciSecretsAndVariablesAreReferencesToo() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.message().substring(0, r.message().indexOf(" is kept")))
                        .containsExactly("7 secrets.PREFECT_ORION_DATABASE_CONNECTION_URL", "8 vars.PREFECT_ORION_API_PORT")),
            yaml(
                """
                on: push
                jobs:
                  migrate-db:
                    runs-on: ubuntu-latest
                    steps:
                      - env:
                          PREFECT_ORION_DATABASE_CONNECTION_URL: ${{ secrets.PREFECT_ORION_DATABASE_CONNECTION_URL }}
                          PREFECT_ORION_API_PORT: ${{ vars.PREFECT_ORION_API_PORT }}
                        run: prefect server database upgrade -y
                """,
                """
                on: push
                jobs:
                  migrate-db:
                    runs-on: ubuntu-latest
                    steps:
                      - env:
                          PREFECT_SERVER_DATABASE_CONNECTION_URL: ${{ secrets.PREFECT_ORION_DATABASE_CONNECTION_URL }}
                          PREFECT_SERVER_API_PORT: ${{ vars.PREFECT_ORION_API_PORT }}
                        run: prefect server database upgrade -y
                """,
                spec -> spec.path(".github/workflows/db.yml")));
    }

    // an env file's $NAME reads the host's variable; a name the file itself set on an earlier line is its own
    // setting, renamed there, so the reference follows it
    @Test
    void envFileReferencesFollowOnlyTheFilesOwnSettings() {
        rewriteRun(text(
                """
                PREFECT_ORION_API_PORT=4200
                PREFECT_UI_API_URL=http://prefect:${PREFECT_ORION_API_PORT}/api
                PREFECT_ORION_DATABASE_CONNECTION_URL=$PREFECT_ORION_DATABASE_CONNECTION_URL
                DB_URL=${PREFECT_ORION_DATABASE_PASSWORD:-secret}
                """,
                """
                PREFECT_SERVER_API_PORT=4200
                PREFECT_UI_API_URL=http://prefect:${PREFECT_SERVER_API_PORT}/api
                PREFECT_SERVER_DATABASE_CONNECTION_URL=$PREFECT_ORION_DATABASE_CONNECTION_URL
                DB_URL=${PREFECT_ORION_DATABASE_PASSWORD:-secret}
                """,
                spec -> spec.path("prefect.env")));
    }

    @Test
    void systemdEnvironmentKeepsHostReferencesAndExecStartFollowsTheUnitsOwnSettings() {
        rewriteRun(text(
                """
                [Service]
                Environment="PREFECT_ORION_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}"
                Environment=PREFECT_ORION_API_PORT=4200
                ExecStart=/opt/prefect/bin/prefect server start --port ${PREFECT_ORION_API_PORT}
                """,
                """
                [Service]
                Environment="PREFECT_SERVER_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}"
                Environment=PREFECT_SERVER_API_PORT=4200
                ExecStart=/opt/prefect/bin/prefect server start --port ${PREFECT_SERVER_API_PORT}
                """,
                spec -> spec.path("prefect-server.service")));
    }

    // Kubernetes $(NAME) reads the container's own env, whose names are renamed with it
    @Test
    void kubernetesEnvNamesAndTheirDependentValues() {
        rewriteRun(yaml(
                """
                spec:
                  containers:
                    - name: server
                      env:
                        - name: PREFECT_ORION_API_PORT
                          value: "4200"
                        - name: PREFECT_UI_API_URL
                          value: http://prefect:$(PREFECT_ORION_API_PORT)/api
                """,
                """
                spec:
                  containers:
                    - name: server
                      env:
                        - name: PREFECT_SERVER_API_PORT
                          value: "4200"
                        - name: PREFECT_UI_API_URL
                          value: http://prefect:$(PREFECT_SERVER_API_PORT)/api
                """,
                spec -> spec.path("k8s/server.yaml")));
    }

    @Test
    void currentNamesAndHostReferencesAreLeftAlone() {
        rewriteRun(text("export PREFECT_API_DATABASE_CONNECTION_URL=sqlite:///x.db\n", spec -> spec.path("start.sh")));
        rewriteRun(text("export DB_URL=\"${PREFECT_ORION_DATABASE_CONNECTION_URL:-sqlite:///x.db}\"\n"
                + "echo $PREFECT_ORION_API_HOST\n", spec -> spec.path("env.sh")));
    }

    // make imports the environment: `$(PREFECT_ORION_API_HOST)` and the recipe shell's `$$PREFECT_ORION_API_HOST`
    // read the host's variable unless the Makefile defines it (anywhere: make reads the whole file first); renamed
    // alone, they read a variable the host does not set
    @Test
    void makefileReferencesFollowOnlyTheMakefilesOwnVariables() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.message().substring(0, r.message().indexOf(" is kept")))
                        .containsExactly("3 $(PREFECT_ORION_API_HOST)", "4 $PREFECT_ORION_DATABASE_CONNECTION_URL")),
            text(
                """
                serve:
                \tprefect server start --port $(PREFECT_ORION_API_PORT)
                \tprefect config view | grep $(PREFECT_ORION_API_HOST)
                \tpg_isready -d $$PREFECT_ORION_DATABASE_CONNECTION_URL

                PREFECT_ORION_API_PORT ?= 4200
                export PREFECT_ORION_API_PORT
                """,
                """
                serve:
                \tprefect server start --port $(PREFECT_SERVER_API_PORT)
                \tprefect config view | grep $(PREFECT_ORION_API_HOST)
                \tpg_isready -d $$PREFECT_ORION_DATABASE_CONNECTION_URL

                PREFECT_SERVER_API_PORT ?= 4200
                export PREFECT_SERVER_API_PORT
                """,
                spec -> spec.path("Makefile")));
    }

    // PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED became PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED
    // in 2.8.1, which 3.8.3 no longer reads (notifications became automations): the rename swapped one ignored name
    // for another and said nothing
    @Test
    void aSettingWhoseSuccessorTheTargetDropsIsKeptWithAManualNote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.manual() + ": " + r.message())
                        .containsExactly("server.env:2 CFG001 true: PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED "
                                + "is kept as written: it was renamed PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED, "
                                + "which Prefect 3.8 does not read, and no setting succeeds it there; it is ignored after the "
                                + "upgrade: remove it, or replace what it configured by hand")),
            text(
                """
                PREFECT_ORION_API_PORT=4200
                PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false
                """,
                """
                PREFECT_SERVER_API_PORT=4200
                PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false
                """,
                spec -> spec.path("server.env")));
    }

    @Test
    void aSettingWithoutASuccessorIsLeftAlone() {
        rewriteRun(text("PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false\n", spec -> spec.path("server.env")));
    }

    @Test
    void aComposeSettingWithoutASuccessorIsLeftAlone() {
        rewriteRun(yaml(
            """
            services:
              server:
                image: prefecthq/prefect:2.10.21-python3.11
                environment:
                  PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED: "false"
            """, spec -> spec.path("docker-compose.yml")));
    }

    // 3.0.0 still reads PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED (its settings.py), so the rename holds there
    @Test
    void aTargetThatStillReadsTheSuccessorGetsTheRename() {
        rewriteRun(spec -> spec.executionContext(target("3.0")),
            text("PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false\n",
                "PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false\n",
                spec -> spec.path("server.env")));
    }

    // 3.8.3 no longer reads it and no data says which release between dropped it: 3.5 keeps the old name, as 3.8 does
    @Test
    void aTargetThatMayNotReadTheSuccessorKeepsTheOldName() {
        rewriteRun(spec -> spec.executionContext(target("3.5")),
            text("PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false\n", spec -> spec.path("server.env")));
    }
}
