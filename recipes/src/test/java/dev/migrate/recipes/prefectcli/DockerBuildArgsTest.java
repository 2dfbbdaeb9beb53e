package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --build-arg PREFECT_VERSION=2.x} overrides the Dockerfile's raised ARG default, so it is raised too. */
class DockerBuildArgsTest {
    private static String rw(String text) {
        return PrefectCommandRewriter.rewrite(text, CliOptions.DEFAULT).text();
    }

    @Test
    void prefectVersionBuildArgsAreRaisedInTheirOwnQuotes() {
        assertThat(rw("docker build --build-arg PREFECT_VERSION=2.14.0 -t acme/flows:1 ."))
                .isEqualTo("docker build --build-arg PREFECT_VERSION=3.8.3 -t acme/flows:1 .");
        assertThat(rw("sudo docker buildx build --build-arg=\"PREFECT_IMAGE_VERSION=2.19\" --push ."))
                .isEqualTo("sudo docker buildx build --build-arg=\"PREFECT_IMAGE_VERSION=3.8.3\" --push .");
        assertThat(rw("podman build --build-arg 'PREFECT_VERSION=2' --build-arg APP_VERSION=2.1 ."))
                .isEqualTo("podman build --build-arg 'PREFECT_VERSION=3.8.3' --build-arg APP_VERSION=2.1 .");
    }

    @Test
    void otherArgumentsAndCommandsStay() {
        for (String line : new String[] {
            "docker build --build-arg PREFECT_VERSION=3.4.0 .",
            "docker build --build-arg PREFECT_VERSION=$PREFECT_VERSION .",
            "docker run -e PREFECT_VERSION=2.14.0 acme/flows",
            "echo --build-arg PREFECT_VERSION=2.14.0",
        }) {
            assertThat(rw(line)).isEqualTo(line);
        }
    }
}
