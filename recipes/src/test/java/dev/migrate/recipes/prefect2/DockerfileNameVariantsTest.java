package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * The Dockerfile recipes selected {@code Dockerfile}, {@code Dockerfile.agent}, {@code agent.dockerfile} and
 * {@code Containerfile}, but not {@code agent.Dockerfile} (the suffix capitalised, as many projects write it),
 * {@code Containerfile.worker} or {@code worker.Containerfile}: those kept their Prefect 2 images and commands.
 */
class DockerfileNameVariantsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipes(new UpgradePrefectBaseImagesInDockerfiles(), new RaisePrefectVersionArgsInDockerfiles(),
                new RewritePrefectCliInDockerfiles());
    }

    private static final String BEFORE = """
            FROM prefecthq/prefect:2.14.9-python3.10
            ARG PREFECT_AWS_VERSION=0.4.10
            RUN pip install "prefect-aws==${PREFECT_AWS_VERSION}"
            CMD ["prefect", "agent", "start", "-q", "etl"]
            """;

    @DocumentExample
    @Test
    void everyConventionalNameIsRewritten() {
        String after = """
                FROM prefecthq/prefect:3.8.3-python3.10
                ARG PREFECT_AWS_VERSION=0.5.0
                RUN pip install "prefect-aws==${PREFECT_AWS_VERSION}"
                CMD ["prefect", "worker", "start", "--work-queue", "etl", "--pool", "process-pool", "--type", "process"]
                """;
        rewriteRun(
            text(BEFORE, after, spec -> spec.path("agent.Dockerfile")),
            text(BEFORE, after, spec -> spec.path("docker/Dockerfile.agent")),
            text(BEFORE, after, spec -> spec.path("docker/agent.dockerfile")),
            text(BEFORE, after, spec -> spec.path("Containerfile.worker")),
            text(BEFORE, after, spec -> spec.path("build/worker.Containerfile")));
    }

    // must not change: files that only look like Dockerfiles by a word of their name
    @Test
    void namesThatAreNotDockerfilesAreLeftAlone() {
        rewriteRun(
            text(BEFORE, spec -> spec.path("docs/Dockerfile-notes.txt")),
            text(BEFORE, spec -> spec.path("Dockerfiles/README")),
            text(BEFORE, spec -> spec.path("docker/agentDockerfile")));
    }
}
