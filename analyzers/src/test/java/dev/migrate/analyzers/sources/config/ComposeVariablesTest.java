package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A compose project's {@code .env} keys that its compose file reads as {@code ${NAME}} are compose variables: the scan
 * says so and what the rewrite does with them (renames them together with the references, or keeps a template's keys
 * that a {@code .env} outside the tree holds), as the settings rename recipes do.
 */
class ComposeVariablesTest {
    private static final String COMPOSE = """
            services:
              server:
                environment:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: ${PREFECT_ORION_DATABASE_CONNECTION_URL}
                  PREFECT_ORION_API_HOST: 0.0.0.0
                  PREFECT_UI_URL: http://localhost:${PREFECT_API_SERVICES_UI_PORT:-4200}
              worker:
                env_file:
                  - path: ./worker.env
            """;

    // "silently ignored after the upgrade" was no story for a key Prefect never read: compose reads it for the
    // server's environment, and the rewrite renames it with the reference
    @Test
    void dotEnvKeysTheComposeFileReadsAreReportedAsComposeVariables() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile("deploy/.env", """
                        POSTGRES_PASSWORD=secret
                        PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:secret@db/prefect
                        PREFECT_ORION_API_PORT=4200
                        """),
                new ScanFile("deploy/docker-compose.yml", COMPOSE))).isEqualTo("""
                deploy/.env:2:1 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is a compose variable here: docker-compose.yml:4 reads it as ${PREFECT_ORION_DATABASE_CONNECTION_URL} for interpolation; the rewrite renames it to PREFECT_SERVER_DATABASE_CONNECTION_URL together with those references
                deploy/.env:3:1 CFG001 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 gave PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                """);
    }

    @Test
    void aDotEnvAlsoLoadedWithEnvFileIsBothAndSaysSo() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile(".env", "PREFECT_AGENT_QUERY_INTERVAL=10\n"),
                new ScanFile("compose.yaml", """
                        services:
                          worker:
                            env_file: .env
                            command: prefect worker start --pool p
                          sidecar:
                            command: echo $PREFECT_AGENT_QUERY_INTERVAL
                        """))).isEqualTo(".env:1:1 CFG001 setting PREFECT_AGENT_QUERY_INTERVAL is a compose variable here: "
                        + "compose.yaml:6 reads it as ${PREFECT_AGENT_QUERY_INTERVAL} for interpolation, and a service loads "
                        + "this file with env_file: as its environment (Prefect 3.8.3 does not read the old name); the "
                        + "rewrite renames it to its Prefect 3 successor, where it has one, together with those references\n");
    }

    // an env_file: file is the container's environment, and the one of another directory feeds no interpolation
    @Test
    void envFileFilesAndOtherDirectoriesAreCheckedAsSettings() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile("deploy/worker.env", "PREFECT_ORION_DATABASE_CONNECTION_URL=x\n"),
                new ScanFile(".env", "PREFECT_ORION_DATABASE_CONNECTION_URL=x\n"),
                new ScanFile("deploy/docker-compose.yml", COMPOSE))).isEqualTo("""
                .env:1:1 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is the name Prefect 2.0-2.8.0 gave PREFECT_API_DATABASE_CONNECTION_URL (PREFECT_SERVER_DATABASE_CONNECTION_URL in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                deploy/worker.env:1:1 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is the name Prefect 2.0-2.8.0 gave PREFECT_API_DATABASE_CONNECTION_URL (PREFECT_SERVER_DATABASE_CONNECTION_URL in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                """);
    }

    // the real .env lives on the host and keeps its keys: the rewrite keeps the template's key and the reference, so
    // there is nothing to fix in the template (the setting is reported where compose passes it on)
    @Test
    void aTemplatesKeysTheComposeFileReadsAreNoSettings() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile(".env.example", """
                        PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:CHANGE_ME@db/prefect
                        PREFECT_ORION_API_PORT=4200
                        """),
                new ScanFile("docker-compose.yml", COMPOSE))).isEqualTo("""
                .env.example:2:1 CFG001 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 gave PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                """);
    }

    // a deploy script runs compose with --env-file prod.env: prod.env feeds the interpolation like a .env
    @Test
    void aScriptsEnvFileFeedsInterpolation() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile("ops/deploy.sh", "#!/bin/sh\ndocker compose --env-file ./prod.env up -d\n"),
                new ScanFile("ops/prod.env", "PREFECT_ORION_DATABASE_CONNECTION_URL=x\n"),
                new ScanFile("ops/docker-compose.yml", COMPOSE))).startsWith(
                "ops/prod.env:1:1 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is a compose variable here");
    }

    // `cd deploy && docker compose --env-file ../config/prod.env up`: compose reads deploy's compose file with it
    @Test
    void anEnvFileIsLinkedToTheComposeFileOfTheDirectoryTheCommandRunsIn() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(),
                new ScanFile("up.sh", "#!/bin/sh\ncd deploy && docker compose --env-file ../config/prod.env up -d\n"),
                new ScanFile("config/prod.env", "PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n"),
                new ScanFile("deploy/docker-compose.yml", COMPOSE))).startsWith("config/prod.env:1:1 CFG001 setting "
                + "PREFECT_ORION_DATABASE_CONNECTION_URL is a compose variable here: docker-compose.yml:4 reads it");
    }

    // deploy/stack.yml is a compose file because the Makefile runs `docker compose -f deploy/stack.yml`
    @Test
    void aComposeFileNamedWithFReadsItsDirectorysDotEnv() {
        ScanFile env = new ScanFile("deploy/.env", "PREFECT_ORION_API_PORT=4200\n");
        ScanFile stack = new ScanFile("deploy/stack.yml", "services:\n  server:\n    ports:\n      - \"${PREFECT_ORION_API_PORT}:4200\"\n");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), env, stack,
                new ScanFile("Makefile", "up:\n\tdocker compose -f deploy/stack.yml up -d\n")))
                .startsWith("deploy/.env:1:1 CFG001 setting PREFECT_ORION_API_PORT is a compose variable here: stack.yml:4 reads it");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), env, stack))
                .doesNotContain("compose variable");
    }

    /** Must not change: a file a compose file includes, and one that file includes, read the directory's .env too. */
    @Test
    void filesIncludedByAComposeFileReadItsDotEnv() {
        ScanFile env = new ScanFile("deploy/.env", "PREFECT_ORION_API_PORT=4200\n");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), env,
                new ScanFile("deploy/compose.yml", "include:\n  - base.yml\nservices:\n  db:\n    image: postgres:16\n"),
                new ScanFile("deploy/base.yml", "include:\n  - server.yml\nservices:\n  cache:\n    image: redis:7\n"),
                new ScanFile("deploy/server.yml", "services:\n  server:\n    ports:\n      - \"${PREFECT_ORION_API_PORT}:4200\"\n")))
                .startsWith("deploy/.env:1:1 CFG001 setting PREFECT_ORION_API_PORT is a compose variable here: server.yml:4 reads it");
    }
}
