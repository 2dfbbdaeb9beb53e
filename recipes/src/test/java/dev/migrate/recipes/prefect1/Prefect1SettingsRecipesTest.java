package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;

/** The small Prefect 1 recipes for settings, config.toml, requirements and import paths. */
class Prefect1SettingsRecipesTest implements PythonRewriteTest {
    @Test
    void prefect1EnvironmentVariablesGetTheirPrefect3Names() {
        rewriteRun(spec -> spec.recipe(new RenamePrefect1Settings()),
                text(
                        """
                        export PREFECT__BACKEND=server
                        export PREFECT__LOGGING__LEVEL=DEBUG
                        export PREFECT__SERVER__ENDPOINT="http://p1:4200/graphql"
                        """,
                        """
                        export PREFECT__BACKEND=server
                        export PREFECT_LOGGING_LEVEL=DEBUG
                        export PREFECT_API_URL="http://p1:4200/graphql"
                        """,
                        s -> s.path("scripts/env.sh")));
    }

    // only a /graphql URL got a note: Prefect 1's bare server endpoint and its Cloud API were renamed without a word
    @Test
    void renamedApiUrlsThatAreNotPrefect3ApisGetANote() {
        rewriteRun(spec -> spec.recipe(new RenamePrefect1Settings()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + ": " + r.message())
                                .containsExactlyInAnyOrder(
                                        ".env:1 PF111: PREFECT_API_URL names Prefect 1 Cloud (api.prefect.io), which is "
                                                + "shut down; `prefect cloud login` sets the URL of a Prefect Cloud workspace",
                                        "k8s/agent.yaml:5 PF111: PREFECT_API_URL must point at the Prefect 3 server's /api "
                                                + "endpoint (http://HOST:4200/api), not Prefect 1's server endpoint")),
                text("PREFECT__CLOUD__API=https://api.prefect.io\nPREFECT__LOGGING__LEVEL=INFO\n",
                        "PREFECT_API_URL=https://api.prefect.io\nPREFECT_LOGGING_LEVEL=INFO\n", s -> s.path(".env")),
                text(
                        """
                        containers:
                          - name: agent
                            env:
                              - name: PREFECT__SERVER__ENDPOINT
                                value: http://apollo.prefect:4200
                              - name: OTHER
                                value: http://x/graphql
                        """,
                        """
                        containers:
                          - name: agent
                            env:
                              - name: PREFECT_API_URL
                                value: http://apollo.prefect:4200
                              - name: OTHER
                                value: http://x/graphql
                        """,
                        s -> s.path("k8s/agent.yaml")),
                text("export PREFECT__SERVER__ENDPOINT=http://p3:4200/api\n", "export PREFECT_API_URL=http://p3:4200/api\n",
                        s -> s.path("ok.sh")));
    }

    // a compose service read its Prefect 1 values from the host's .env: the references were renamed with the keys (an
    // unset variable), and once kept they got "has no Prefect 3 setting", which said the opposite of the truth
    @Test
    void hostVariableReferencesAreKeptWithAnAccurateNote() {
        rewriteRun(spec -> spec.recipe(new RenamePrefect1Settings()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).extracting(r -> r.line() + " " + r.code() + " " + r.manual() + ": " + r.message())
                                .containsExactlyInAnyOrder(
                                        "4 PF111 false: ${PREFECT__LOGGING__LEVEL} is kept as written: it reads PREFECT__LOGGING__LEVEL "
                                                + "from outside this file (the host, the shell, a .env file, CI settings), which this rename "
                                                + "leaves as it is; where PREFECT__LOGGING__LEVEL is defined for Prefect itself, rename it there "
                                                + "to PREFECT_LOGGING_LEVEL (Prefect 3 does not read Prefect 1 names)",
                                        "5 PF111 false: ${PREFECT__SERVER__ENDPOINT} is kept as written: it reads "
                                                + "PREFECT__SERVER__ENDPOINT from outside this file (the host, the shell, a .env file, CI "
                                                + "settings), which this rename leaves as it is; where PREFECT__SERVER__ENDPOINT is defined for "
                                                + "Prefect itself, rename it there to PREFECT_API_URL (Prefect 3 does not read Prefect 1 names)",
                                        "6 PF111 true: PREFECT__BACKEND has no Prefect 3 setting; remove it and set "
                                                + "PREFECT_API_URL")),
                yaml(
                        """
                        services:
                          agent:
                            environment:
                              PREFECT__LOGGING__LEVEL: ${PREFECT__LOGGING__LEVEL:-INFO}
                              PREFECT__SERVER__ENDPOINT: ${PREFECT__SERVER__ENDPOINT}/graphql
                              PREFECT__BACKEND: ${PREFECT__BACKEND}
                              TOKEN: ${PREFECT__CONTEXT__SECRETS__TOKEN}
                        """,
                        """
                        services:
                          agent:
                            environment:
                              PREFECT_LOGGING_LEVEL: ${PREFECT__LOGGING__LEVEL:-INFO}
                              PREFECT_API_URL: ${PREFECT__SERVER__ENDPOINT}/graphql
                              PREFECT__BACKEND: ${PREFECT__BACKEND}
                              TOKEN: ${PREFECT__CONTEXT__SECRETS__TOKEN}
                        """,
                        s -> s.path("docker-compose.yml")));
    }

    // an ECS task definition reading the key from SSM: the parameter's name in its ARN was renamed with the variable,
    // pointing at a parameter nobody created
    @Test
    void aSettingNameEndingAnArnOrPathIsAStoredParameterNotAVariable() {
        rewriteRun(spec -> spec.recipe(new RenamePrefect1Settings()),
                text(
                        """
                        {"secrets": [{"name": "PREFECT__CLOUD__API_KEY",
                          "valueFrom": "arn:aws:ssm:us-east-1:1:parameter/PREFECT__CLOUD__API_KEY"}]}
                        """,
                        """
                        {"secrets": [{"name": "PREFECT_API_KEY",
                          "valueFrom": "arn:aws:ssm:us-east-1:1:parameter/PREFECT__CLOUD__API_KEY"}]}
                        """,
                        s -> s.path("ecs/agent-task.json")));
    }

    @Test
    void settingsWithoutPrefect1NamesAreLeftAlone() {
        rewriteRun(spec -> spec.recipe(new RenamePrefect1Settings()),
                text("export PREFECT_API_URL=http://p3:4200/api\n", s -> s.path("env.sh")));
    }

    @Test
    void configTomlBecomesPrefectTomlWithoutSecrets() {
        // each note names the line of its key in config.toml (they said line 0)
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1ConfigToml()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).extracting(MigrationNotes.Row::line).containsExactlyInAnyOrder(1, 4, 14)),
                text(
                        """
                        backend = "server"

                        [server]
                        endpoint = "http://p1:4200/graphql"

                        [logging]
                        level = "INFO"
                        extra_loggers = "['adlfs', 'azure.storage']"

                        [flows]
                        checkpointing = true

                        [context.secrets]
                        TOKEN = "s3cr3t-value"
                        """,
                        s -> s.path("config/config.toml")),
                text(null,
                        """
                        # Prefect 3 settings, converted by migrate from the Prefect 1 config.toml next to this file.
                        # Prefect reads prefect.toml from the working directory of the worker and of flow runs.

                        [api]
                        url = "http://p1:4200/graphql"

                        [logging]
                        level = "INFO"
                        extra_loggers = "adlfs,azure.storage"

                        [results]
                        persist_by_default = true
                        """,
                        s -> s.path("config/prefect.toml")));
    }

    @Test
    void configReferencesAreResolvedAsPrefect1DidAndHostPortMakeTheApiUrl() {
        // Prefect 1 resolved ${server.host}:${server.port} (it was copied as written: a URL Prefect 3 cannot use);
        // a file with host and port but no endpoint moved the API too (api.url was not written at all)
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1ConfigToml()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).extracting(MigrationNotes.Row::message)
                                .anyMatch(m -> m.contains("`logging.level` refers with ${...}"))
                                .anyMatch(m -> m.contains("api.url was built from server.host and server.port"))),
                text(
                        """
                        backend = "server"
                        [server]
                        host = "http://10.1.2.3"
                        port = "14200"
                        endpoint = "${server.host}:${server.port}"
                        [logging]
                        level = "${custom.level}"
                        """,
                        s -> s.path("agent/config.toml")),
                text(null,
                        """
                        # Prefect 3 settings, converted by migrate from the Prefect 1 config.toml next to this file.
                        # Prefect reads prefect.toml from the working directory of the worker and of flow runs.

                        [api]
                        url = "http://10.1.2.3:14200"
                        """,
                        s -> s.path("agent/prefect.toml")),
                text("[server]\nhost = \"http://10.9.9.9\"\n", s -> s.path("client/config.toml")),
                text(null,
                        """
                        # Prefect 3 settings, converted by migrate from the Prefect 1 config.toml next to this file.
                        # Prefect reads prefect.toml from the working directory of the worker and of flow runs.

                        [api]
                        url = "http://10.9.9.9:4200"
                        """,
                        s -> s.path("client/prefect.toml")),
                // the cloud backend ignores the server's port: nothing for Prefect 3, so no (empty) prefect.toml
                text("backend = \"cloud\"\n[server]\nport = \"4300\"\n", s -> s.path("cloud/config.toml")));
    }

    @Test
    void keyLinesComeFromTheirTableOrTheirDottedName() {
        String toml = "backend = \"server\"\n[server]\nport = 1\n[context]\nsecrets.TOKEN = \"x\"\nserver.port = 2\n";
        assertThat(ConvertPrefect1ConfigToml.lineOf(toml, "backend")).isEqualTo(1);
        assertThat(ConvertPrefect1ConfigToml.lineOf(toml, "server.port")).isEqualTo(3);
        assertThat(ConvertPrefect1ConfigToml.lineOf(toml, "context.secrets.TOKEN")).isEqualTo(5);
        assertThat(ConvertPrefect1ConfigToml.lineOf(toml, "cloud.api")).isZero();
    }

    /** Before: an empty prefect.toml was written, which also hid the config.toml from the next scan. */
    @Test
    void aConfigWithNothingForPrefect3WritesNoPrefectToml() {
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1ConfigToml()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).anyMatch(r -> r.manual()
                                && r.message().contains("no setting of this config.toml has a Prefect 3 equivalent"))),
                text("backend = \"server\"\n\n[context.secrets]\nTOKEN = \"s3cr3t-value\"\n", s -> s.path("config.toml")));
    }

    @Test
    void otherConfigTomlFilesAreLeftAlone() {
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1ConfigToml()),
                text("[tool]\nname = \"x\"\n", s -> s.path("config.toml")),
                // Streamlit's [server] table was read as Prefect 1's and got a prefect.toml with api.url on its port
                text("[server]\nheadless = true\nport = 8501\n[theme]\nbase = \"dark\"\n",
                        s -> s.path(".streamlit/config.toml")));
    }

    @Test
    void prefect1PinBecomesTheTargetRelease() {
        // the note about the dropped extras names the pin's line
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()).dataTable(MigrationNotes.Row.class,
                        rows -> assertThat(rows).extracting(MigrationNotes.Row::line).containsExactly(2)),
                text(
                        """
                        # pinned
                        prefect[github,kubernetes]==1.4.1
                        pandas==1.5.3
                        """,
                        """
                        # pinned
                        prefect==3.8.3
                        pandas==1.5.3
                        """,
                        s -> s.path("requirements.txt")));
    }

    @Test
    void prefectCorePinsBelowOneAndRangesBecomeTheTargetRelease() {
        // Prefect Core 0.x is the Prefect 1 line (it was left on 0.15); a range's upper bound went along with
        // the pin (it was kept and excluded the new release: prefect==3.8.3,<2.0)
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                text("prefect==0.15.13\n", "prefect==3.8.3\n", s -> s.path("requirements.txt")),
                text("prefect>=1.0, <2.0  # core\n", "prefect==3.8.3  # core\n", s -> s.path("agent/requirements.txt")));
    }

    // a second Prefect 1 line naming the extras (`prefect[azure, github]==0.15.11` under `prefect==0.15.11`) stayed on
    // 0.15 and conflicted with the new pin (session 15 sweep)
    @Test
    void everyPrefect1LineOfAFileBecomesTheTargetRelease() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                python("from prefect.executors import DaskExecutor\nex = DaskExecutor()\n", s -> s.path("flow.py")),
                text(
                        """
                        prefect==0.15.11
                        prefect[azure, kubernetes, github]==0.15.11
                        azure-identity==1.7.1
                        """,
                        """
                        prefect==3.8.3
                        prefect-dask
                        azure-identity==1.7.1
                        """,
                        s -> s.path("requirements.txt")));
    }

    @Test
    void daskExecutorsBringPrefectDask() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                python("from prefect.executors import DaskExecutor\nex = DaskExecutor()\n", s -> s.path("flow.py")),
                text("prefect==1.4.1\n", "prefect==3.8.3\nprefect-dask\n", s -> s.path("requirements.txt")));
    }

    @Test
    void bucketAndDockerStorageBringTheirIntegrations() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                python("from prefect import storage\nfrom prefect.storage import GCS\na = GCS(bucket='b')\nb = storage.Docker()\n",
                        s -> s.path("flow.py")),
                text("prefect==1.4.1\n", "prefect==3.8.3\nprefect-docker\nprefect-gcp\n", s -> s.path("requirements.txt")));
    }

    @Test
    void pinsInFilesRequirementsFilesIncludeAreRaisedAndThePackagesGoWherePipInstallsFrom() {
        // requirements.txt only includes base.txt, whose pin pip installs; the constraints file is pinned too (its
        // 1.x would conflict) but gets no package, which a constraints file would not install
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                python("from prefect.executors import DaskExecutor\nex = DaskExecutor()\n", s -> s.path("flow.py")),
                text("-r deps/base.txt\n-c \\\n  pins.txt\n", s -> s.path("requirements.txt")),
                text("prefect==1.4.1\npandas==1.5.3\n", "prefect==3.8.3\nprefect-dask\npandas==1.5.3\n",
                        s -> s.path("deps/base.txt")),
                text("prefect==1.4.1\n", "prefect==3.8.3\n", s -> s.path("pins.txt")));
    }

    @Test
    void aRequirementsFileAnotherConstrainsByStillGetsThePackages() {
        // pip-tools layering: requirements-dev.txt constrains by requirements.txt, which images install directly
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                python("from prefect.executors import DaskExecutor\nex = DaskExecutor()\n", s -> s.path("flow.py")),
                text("-c requirements.txt\npytest\n", s -> s.path("requirements-dev.txt")),
                text("prefect==1.4.1\n", "prefect==3.8.3\nprefect-dask\n", s -> s.path("requirements.txt")));
    }

    @Test
    void aTextFileNoRequirementsFileIncludesIsLeftAlone() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                text("pandas==1.5.3\n", s -> s.path("requirements.txt")),
                text("-r base.txt\n", s -> s.path("notes.txt")),
                text("prefect==1.4.1\n", s -> s.path("base.txt")));
    }

    @Test
    void prefect2PinsAreNotThisRecipesBusiness() {
        rewriteRun(spec -> spec.recipe(new PinPrefect3InPrefect1Requirements()),
                text("prefect==2.14.9\n", s -> s.path("requirements.txt")));
    }

    @Test
    void movedImportsFollowTheirNames() {
        rewriteRun(spec -> spec.recipe(new MovePrefect1Imports()),
                python(
                        """
                        from prefect.utilities.edges import unmapped
                        from prefect import task
                        """,
                        """
                        from prefect import task, unmapped
                        """));
    }

    @Test
    void importsWhoseNameChangesGetATodoInsteadOfAWrongMove() {
        rewriteRun(spec -> spec.recipe(new MovePrefect1Imports()),
                python(
                        """
                        from prefect.engine.state import Success
                        from prefect import task
                        """,
                        """
                        # TODO(migrate PF105): `prefect.engine.state.Success` is `prefect.states.Completed` in Prefect 3, which is not a drop-in; rewrite the uses of Success (state tests: state.is_completed())
                        from prefect.engine.state import Success
                        from prefect import task
                        """));
    }

    @Test
    void importsThatExistInPrefect3AreLeftAlone() {
        rewriteRun(spec -> spec.recipe(new MovePrefect1Imports()),
                python("from prefect import task, unmapped\n"));
    }
}
