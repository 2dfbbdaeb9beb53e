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
}
