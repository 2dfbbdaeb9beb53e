package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.openrewrite.test.SourceSpecs;

/**
 * The compose project the hold tests share: a Prefect 2 server and an agent built from {@code ./agent}, which a safe run
 * keeps on Prefect 2 until the unsafe worker move ({@link HeldComposeProjects}). Each test brings the agent's
 * Dockerfile and the files it installs.
 */
final class HeldAgentCompose {
    static final String TEXT = """
            services:
              server:
                image: prefecthq/prefect:2.14.9-python3.10
                command: prefect server start
              agent:
                build: ./agent
                command: prefect agent start -q etl
            """;

    private HeldAgentCompose() {
    }

    /** The project's {@code docker-compose.yml}, unchanged by the recipes under test. */
    static SourceSpecs file() {
        return yaml(TEXT, spec -> spec.path("docker-compose.yml"));
    }
}
