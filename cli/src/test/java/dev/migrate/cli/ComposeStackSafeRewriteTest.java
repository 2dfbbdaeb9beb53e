package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    /**
     * The same hold through project metadata: the agent's image copies its directory and runs {@code pip install /app}
     * (its {@code setup.py}), and a second service of the held project installs {@code deploy/} with {@code pip
     * install -e .} (its {@code pyproject.toml}). A safe run leaves both files on Prefect 2, and does not add the
     * {@code prefect-aws} that the migrated S3 storage needs (its first Prefect 3 release requires Prefect 3), with a
     * PF208 note on each naming the agent; {@code --unsafe-fixes} pins both and adds the package to pyproject.toml. The
     * setup.py, whose requirements are code, gets a note naming the package instead (it had none: the rebuilt agent
     * image failed at {@code from prefect_aws import S3Bucket}).
     */
    @Test
    void aSafeRunKeepsTheSetupPyAndPyprojectAHeldImageInstallsAndTheUnsafeRunMovesThem() throws Exception {
        Path copy = TreeCopies.copy(Path.of(getClass().getResource("compose-held-setup-py").toURI()),
                work.resolve("held-setup"));
        List<String> held = List.of("agent/setup.py", "deploy/pyproject.toml", "docker-compose.yml", "agent/Dockerfile",
                "deploy/Dockerfile", "agent/etl_flows/etl.py");
        Map<String, String> before = contents(copy, held);

        CliRun safe = CliRun.of("rewrite", copy.toString());
        assertThat(safe.exitCode()).as(safe.err()).isZero();
        assertThat(contents(copy, held)).isEqualTo(before);
        String agent = "left as it is: service `prefect-agent` (docker-compose.yml) still runs a Prefect agent";
        assertThat(safe.out())
                .contains("agent/setup.py:8: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "`\"prefect==2.14.9\"` " + agent)
                .contains("agent/setup.py:9: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "`\"prefect-shell==0.2.2\"` " + agent)
                .contains("deploy/pyproject.toml:9: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "`\"prefect==2.14.9\",` " + agent)
                .contains("deploy/pyproject.toml:10: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "this file, without `prefect-aws>=0.5.0` that the migrated code imports, " + agent)
                .contains("agent/setup.py:8: PF208: unsafe fix not applied (rerun with --unsafe-fixes): "
                        + "this file, without `prefect-aws>=0.5.0` that the migrated code imports, " + agent)
                .doesNotContain("PinPrefect3InSetupPy").doesNotContain("AddPrefectIntegrationRequirements");

        CliRun unsafe = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isZero();
        assertThat(Files.readString(copy.resolve("agent/setup.py"))).contains("\"prefect==3.8.3\",")
                .contains("\"prefect-shell==0.3.0\",").contains("\"psycopg2-binary==2.9.9\",")
                .doesNotContain("2.14.9");
        assertThat(Files.readString(copy.resolve("deploy/pyproject.toml"))).endsWith("""
                dependencies = [
                    "prefect==3.8.3",
                    "prefect-aws>=0.5.0",
                ]
                """);
        assertThat(Files.readString(copy.resolve("agent/etl_flows/etl.py"))).contains("from prefect_aws import S3Bucket");
        // setup.py's requirements are code, not edited: the image would fail at that import without the note
        assertThat(unsafe.out()).contains("agent/setup.py:8: PF208: the migrated code needs `prefect-aws>=0.5.0`, not "
                + "added to this setup.py (its requirements are Python code): add them to its install_requires beside "
                + "prefect");
        assertThat(Files.readString(copy.resolve("docker-compose.yml"))).doesNotContain("prefect agent start")
                .contains("prefecthq/prefect:3.8.3-python3.10");

        CliRun again = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 file(s) changed");
        assertEveryPythonFileCompiles(copy);
    }

    private static Map<String, String> contents(Path root, List<String> files) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (String f : files) {
            texts.put(f, Files.readString(root.resolve(f)));
        }
        return texts;
    }

    /** python3 is the oracle: each rewritten Python file (setup.py among them) must still be valid Python. */
    private static void assertEveryPythonFileCompiles(Path root) throws Exception {
        assumeThat(SamplesTest.commandAvailable("python3", "--version"))
                .as("python3 is not on PATH; skipping the compile oracle").isTrue();
        List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> command.add(f.toString()));
        }
        assertThat(command).hasSizeGreaterThan(3);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
