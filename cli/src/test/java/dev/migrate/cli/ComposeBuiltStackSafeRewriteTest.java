package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A compose stack whose agent and server are built from Dockerfiles (`build:`, a `PREFECT_VERSION` build argument, an
 * `EXTRA_PIP_PACKAGES` pin): a safe `migrate rewrite` raised the Dockerfiles and pins and left `prefect agent start`,
 * an agent container on Prefect 3. A safe run now leaves that stack whole (moving only a Dockerfile no compose service
 * builds), `--unsafe-fixes` moves it whole with the agent made a worker, and a second run of either changes nothing.
 */
class ComposeBuiltStackSafeRewriteTest {
    private static final String COMPOSE = """
            services:
              server:
                build: ./server
                command: prefect server start --host 0.0.0.0
              agent:
                build:
                  context: ./agent
                  args:
                    PREFECT_VERSION: 2.19.4
                command: prefect agent start -q etl
                environment:
                  PREFECT_API_URL: http://server:4200/api
                  EXTRA_PIP_PACKAGES: prefect-aws==0.4.5
                depends_on:
                  - server
            """;
    private static final String SERVER = "FROM prefecthq/prefect:2.14.9-python3.10\n";
    private static final String AGENT = """
            FROM python:3.11-slim
            ARG PREFECT_VERSION=2.19.4
            RUN pip install "prefect==${PREFECT_VERSION}"
            """;
    private static final String TOOLS = "FROM prefecthq/prefect:2.14.9-python3.10\nCOPY tools /opt/tools\n";

    @TempDir
    Path work;

    @Test
    void aSafeRunLeavesTheBuiltStackOnPrefect2AndTheUnsafeRunMovesItWhole() throws IOException {
        write("docker-compose.yml", COMPOSE);
        write("server/Dockerfile", SERVER);
        write("agent/Dockerfile", AGENT);
        write("tools/Dockerfile", TOOLS);

        CliRun safe = CliRun.of("rewrite", work.toString());
        assertThat(safe.exitCode()).as(safe.err()).isZero();
        assertThat(read("docker-compose.yml")).isEqualTo(COMPOSE);
        assertThat(read("server/Dockerfile")).isEqualTo(SERVER);
        assertThat(read("agent/Dockerfile")).isEqualTo(AGENT);
        // a Dockerfile no compose service builds moves as before
        assertThat(read("tools/Dockerfile")).isEqualTo("FROM prefecthq/prefect:3.8.3-python3.10\nCOPY tools /opt/tools\n");
        assertThat(safe.out()).contains("`prefecthq/prefect:2.14.9-python3.10` left as it is: service `agent`")
                .contains("`ARG PREFECT_VERSION=2.19.4` left as it is")
                .contains("build argument `PREFECT_VERSION: 2.19.4` left as it is")
                .contains("EXTRA_PIP_PACKAGES `prefect-aws==0.4.5` left as it is")
                .contains("rerun with --unsafe-fixes");
        assertThat(CliRun.of("rewrite", work.toString()).out()).contains(" 0 file(s) changed");

        CliRun unsafe = CliRun.of("rewrite", work.toString(), "--unsafe-fixes");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isZero();
        String compose = read("docker-compose.yml");
        assertThat(compose).doesNotContain("prefect agent").contains("prefect worker start")
                .contains("PREFECT_VERSION: 3.8.3").contains("EXTRA_PIP_PACKAGES: prefect-aws==0.5.0");
        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(compose);
        assertThat(parsed).containsKey("services");
        assertThat(read("server/Dockerfile")).isEqualTo("FROM prefecthq/prefect:3.8.3-python3.10\n");
        assertThat(read("agent/Dockerfile")).isEqualTo(AGENT.replace("=2.19.4", "=3.8.3"));

        CliRun again = CliRun.of("rewrite", work.toString(), "--unsafe-fixes");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 file(s) changed");
    }

    private void write(String path, String text) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String path) throws IOException {
        return Files.readString(work.resolve(path));
    }
}
