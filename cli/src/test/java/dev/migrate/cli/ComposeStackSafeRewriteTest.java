package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `migrate rewrite samples/k2-platform` without `--unsafe-fixes` raised the compose server to Prefect 3 and left the
 * `prefect agent start` service on 2, a stack that does not work. A safe run now leaves the compose stack on one
 * Prefect (both images held, each with a manual item naming the agent); the unsafe run moves the agent and both
 * images, and a second run changes nothing.
 */
class ComposeStackSafeRewriteTest {
    private static final String COMPOSE = "docker-compose.v2.yml";

    @TempDir
    Path work;

    @Test
    void aSafeRunLeavesTheK2StackOnOnePrefectAndTheUnsafeRunMovesItWhole() throws IOException {
        Path copy = TreeCopies.sample("k2-platform", work);
        String before = Files.readString(copy.resolve(COMPOSE));

        CliRun safe = CliRun.of("rewrite", copy.toString());
        assertThat(safe.exitCode()).as(safe.err()).isZero();
        assertThat(Files.readString(copy.resolve(COMPOSE))).isEqualTo(before);
        assertThat(safe.out()).contains("left as it is: service `prefect-agent` still runs a Prefect agent")
                .contains("rerun with --unsafe-fixes");

        CliRun unsafe = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isZero();
        String after = Files.readString(copy.resolve(COMPOSE));
        assertThat(after).doesNotContain("prefecthq/prefect:2.").doesNotContain("prefect agent start")
                .contains("prefect-worker:").contains("image: prefecthq/prefect:3.8.3-python3.10");

        CliRun again = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(again.out()).contains(" 0 file(s) changed");
    }

    /**
     * The agent's image built from agent/agent.Dockerfile was held, but the requirements file that Dockerfile copies
     * and pip-installs was pinned to Prefect 3 by a safe run: the rebuilt agent image got Prefect 3. Now the file, and
     * base.txt it includes, stay with the image (k2-platform has no such file: its docker/offload/requirements.txt is
     * installed by no image of the run).
     */
    @Test
    void aSafeRunKeepsTheRequirementsAHeldDockerfileInstallsAndTheUnsafeRunMovesThem() throws Exception {
        Path copy = TreeCopies.copy(Path.of(getClass().getResource("compose-held-requirements").toURI()),
                work.resolve("held"));
        Path requirements = copy.resolve("agent/requirements.txt");
        String before = Files.readString(requirements);

        CliRun safe = CliRun.of("rewrite", copy.toString());
        assertThat(safe.exitCode()).as(safe.err()).isZero();
        assertThat(safe.out()).contains(" 0 file(s) changed")
                .contains("agent/requirements.txt:2: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "`prefect==2.14.9` left as it is: service `prefect-agent` (docker-compose.yml) still runs a "
                        + "Prefect agent")
                .contains("agent/base.txt:2: PF208: unsafe fix not applied");
        assertThat(Files.readString(requirements)).isEqualTo(before);

        CliRun unsafe = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isZero();
        assertThat(Files.readString(requirements)).isEqualTo("-r base.txt\nprefect==3.8.3\nprefect-aws==0.5.0\n");
        assertThat(Files.readString(copy.resolve("agent/base.txt"))).contains("prefect-shell==0.3.");
        assertThat(Files.readString(copy.resolve("docker-compose.yml"))).doesNotContain("prefect agent start")
                .contains("prefecthq/prefect:3.8.3-python3.10");
        assertThat(CliRun.of("rewrite", copy.toString(), "--unsafe-fixes").out()).contains(" 0 file(s) changed");
    }
}
