package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The env files a file running compose names with --env-file, as paths of the tree. */
class ComposeProjectFilesTest {
    @Test
    void aScriptsEnvFileIsReadFromItsDirectoryAPipelinesFromTheRoot() {
        assertThat(ComposeProjectFiles.envFileOptions("ops/up.sh",
                "docker compose --env-file prod.env up -d\ndocker-compose --env-file=../deploy/.env.staging up\n"))
                .containsExactly("deploy/.env.staging", "ops/prod.env");
        assertThat(ComposeProjectFiles.envFileOptions(".github/workflows/e2e.yml",
                "jobs:\n  e2e:\n    steps:\n      - run: docker compose --env-file deploy/.env.ci up -d\n"))
                .containsExactly("deploy/.env.ci");
    }

    @Test
    void pathsOutsideTheTreeAndFilesNotRunningComposeGiveNone() {
        assertThat(ComposeProjectFiles.envFileOptions("up.sh",
                "docker compose --env-file /etc/acme/prod.env up\ndocker compose --env-file \"$ENV_FILE\" up\n"
                        + "docker compose --env-file ../../outside.env up\n")).isEmpty();
        assertThat(ComposeProjectFiles.envFileOptions("run.sh", "acme-cli --env-file prod.env\n")).isEmpty();
    }

    @Test
    void envFilesAreLinkedToTheComposeFilesTheSameCommandNames() {
        assertThat(ComposeProjectFiles.envFileComposeFiles("Makefile", """
                prod:
                	docker compose --env-file .env.prod -f deploy/compose.yml \\
                	  --file deploy/compose.override.yml up -d && docker compose -f other/compose.yml ps
                """)).isEqualTo(java.util.Map.of(".env.prod",
                java.util.Set.of("deploy/compose.override.yml", "deploy/compose.yml")));
        // without -f, or with a path outside the tree, nothing is linked beyond the env file's own directory
        assertThat(ComposeProjectFiles.envFileComposeFiles("ops/up.sh",
                "docker compose --env-file prod.env up -d\ndocker compose --env-file prod.env -f /srv/compose.yml up\n"))
                .isEmpty();
    }

    @Test
    void includeEntriesInTheirShortAndLongForms() {
        assertThat(ComposeProjectFiles.includes("deploy/compose.yml", """
                include:
                  - ../common/compose.db.yml
                  - path: workers/compose.yaml  # the workers
                    env_file: workers/.env
                  - path:
                      - "monitoring/compose.yml"
                services:
                  server:
                    image: prefecthq/prefect:2-latest
                """)).containsExactly("common/compose.db.yml", "deploy/monitoring/compose.yml", "deploy/workers/compose.yaml");
        assertThat(ComposeProjectFiles.includes("compose.yml", "services:\n  a:\n    include: x.yml\n")).isEmpty();
    }

    @Test
    void anEnvFileWithoutFIsReadForTheProjectOfTheDirectoryTheCommandRunsIn() {
        // `cd deploy` in the same line: compose reads deploy's compose files, not those beside the env file
        assertThat(ComposeProjectFiles.envFileProjectDirectories("bin/up.sh",
                "#!/bin/sh\ncd \"$(dirname \"$0\")/../deploy\" && docker compose --env-file ../config/prod.env up -d\n"))
                .isEqualTo(java.util.Map.of("config/prod.env", java.util.Set.of("deploy")));
        // a GitHub Actions step's working-directory:
        assertThat(ComposeProjectFiles.envFileProjectDirectories(".github/workflows/deploy.yml", """
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - name: Start the stack
                        working-directory: infra/stack
                        run: |
                          docker compose --env-file ../env/ci.env up -d
                      - run: docker compose --env-file ops/.env.ci up -d
                """)).isEqualTo(java.util.Map.of("infra/env/ci.env", java.util.Set.of("infra/stack"),
                "ops/.env.ci", java.util.Set.of("")));
    }

    @Test
    void composeFilesNamedWithFWhateverTheirNames() {
        assertThat(ComposeProjectFiles.namedComposeFiles("Makefile", """
                up:
                	docker compose -f deploy/stack.yml -f deploy/stack.prod.yml up -d
                logs:
                	docker compose logs -f worker
                """)).containsExactly("deploy/stack.prod.yml", "deploy/stack.yml");
        assertThat(ComposeProjectFiles.namedComposeFiles("etc/systemd/system/prefect.service", """
                [Service]
                WorkingDirectory=/opt/prefect
                ExecStart=/usr/bin/docker compose --file ops/prefect.yml up
                """)).containsExactly("ops/prefect.yml");
        assertThat(ComposeProjectFiles.namedComposeFiles("ops/.env", "COMPOSE_FILE=base.yml:prod/workers.yml\n"))
                .containsExactly("ops/base.yml", "ops/prod/workers.yml");
        // a document that only mentions the command runs nothing
        assertThat(ComposeProjectFiles.namedComposeFiles("README.md", "docker compose -f deploy/stack.yml up\n")).isEmpty();
    }
}
