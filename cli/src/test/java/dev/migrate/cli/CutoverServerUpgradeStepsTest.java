package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan's platform pre-steps against what the seeds' runbooks did by hand when they upgraded a Prefect 2 server: a
 * compose file named on the command line, a systemd server upgraded in its own virtualenv, the runs in flight drained
 * before the upgrade and the paused schedules resumed after the canary. Commands must be pasteable: no prose in a
 * command block except after a '#'.
 */
class CutoverServerUpgradeStepsTest {
    static final Path ROOT = CutoverK2PlatformTest.ROOT;
    private static final String AT = "2026-11-21T12:00:00Z";

    private static String plan(String estate) {
        CliRun run = CliRun.of("cutover", "plan", ROOT.resolve("samples").resolve(estate).toString(), "--at", AT);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static String preSteps(String md) {
        int from = md.indexOf("## Platform pre-steps");
        assertThat(from).as("the plan has platform pre-steps").isNotNegative();
        return md.substring(from, md.indexOf("\n## Job", from));
    }

    @Test
    void aComposeServerIsUpgradedThroughItsOwnComposeFile() {
        String pre = preSteps(plan("k2-platform"));
        // before: "set the server image to ..." as a command line, and "docker compose up -d prefect-server", which
        // finds no docker-compose.v2.yml by itself
        assertThat(pre).contains("# docker-compose.v2.yml: set the image of service prefect-server to prefecthq/prefect:3")
                .contains("docker compose -f docker-compose.v2.yml pull prefect-server\n")
                .contains("docker compose -f docker-compose.v2.yml up -d prefect-server\n")
                .doesNotContain("\n  docker compose up -d prefect-server")
                .doesNotContain("\n  set the server image");
    }

    @Test
    void aSystemdServerOnAPrefect2PinGetsTheUpgradeTheVpsRunbookNeeded() {
        String md = plan("vps-prefect2");
        String pre = preSteps(md);
        // before: no pre-steps at all, the server having no image that says 2.x
        assertThat(pre).contains("pg_dump -Fc -h localhost -U prefect_user -f prefect-2026-11-21.dump prefect_db")
                .contains("/home/prefect/prefect-production/venv/bin/pip install -U 'prefect>=3'   # the environment "
                        + "prefect-server.service runs")
                .contains("systemctl restart prefect-server.service\n")
                .contains("**Upgrade the existing workers after the server**")
                .contains("systemctl restart prefect-worker.service\n")
                .contains("Source: [PF208](docs/rules/PF208.md); the dependency pin that installs its environment (PF208)");
        assertThat(pre.indexOf("restart prefect-server.service")).isLessThan(pre.indexOf("restart prefect-worker.service"));
        assertThat(md).as("the database password in the unit's URL").doesNotContain("Vps-Prefect-2024!db");
    }

    @Test
    void runsInFlightDrainBeforeTheUpgradeAndTheSchedulesComeBackAfterTheCanary() {
        String pre = preSteps(plan("k2-platform"));
        assertThat(pre).contains("prefect flow-run ls --state-type RUNNING --state-type PENDING --limit 50   # wait until it lists none");
        assertThat(pre.indexOf("Pause every deployment schedule")).isLessThan(pre.indexOf("Let the runs in flight finish"));
        assertThat(pre.indexOf("Let the runs in flight finish")).isLessThan(pre.indexOf("Upgrade the server"));
        String canary = pre.substring(pre.indexOf("Run a canary flow"));
        assertThat(canary).contains("prefect deployment schedule resume 'iceberg-offload-main/iceberg-offload-15min' SCHEDULE_ID");
    }

    @Test
    void aSleepLoopIsSwitchedByTheUnitThatRunsIt() {
        String md = plan("k2-platform");
        String loop = md.substring(md.indexOf("## Job `scheduler-py`"));
        // before: "stop the process that runs `docker/offload/scheduler.py` and keep its supervisor from restarting it",
        // though the estate's own unit runs it (the runbook: sudo systemctl stop iceberg-offload-scheduler)
        assertThat(loop).contains("  systemctl disable --now iceberg-offload-scheduler.service\n")
                .contains("  systemctl enable --now iceberg-offload-scheduler.service\n")
                .doesNotContain("stop the process that runs");
    }

    @Test
    void anImageThatLacksAPackageIsRebuiltThroughTheComposeFileThatBuildsIt() {
        String md = plan("k2-platform");
        // before: "docker compose build && docker compose up -d", which finds no docker-compose.v2.yml by itself
        assertThat(md).contains("  docker compose -f docker-compose.v2.yml build spark-iceberg\n")
                .contains("  docker compose -f docker-compose.v2.yml up -d spark-iceberg\n")
                .contains("  # until then, by hand (lost when the container is created again): docker exec k2-spark-iceberg "
                        + "pip install psycopg2-binary\n")
                .doesNotContain("docker compose build &&");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k2-platform", "vps-prefect2", "legacy-host", "prefect1-lake", "civis-scripts"})
    void everyEstatesPlanIsWrittenAndHoldsOnlyCommandsOrCommentsInItsCommandBlocks(String estate) {
        CliRun run = CliRun.of("cutover", "plan", ROOT.resolve("samples").resolve(estate).toString(), "--at", AT);
        // legacy-host's APScheduler day='last' job once ended the whole plan with "internal error" (exit 4)
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("internal error");
        CliRun status = CliRun.of("cutover", "status", ROOT.resolve("samples").resolve(estate).toString(), "--at", AT);
        assertThat(status.exitCode()).as(status.err()).isZero();
        // before: prose such as "in Civis Platform set script ..." or "set the server image to ..." as command lines
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(run.out());
        while (block.find()) {
            for (String line : block.group(1).strip().split("\n")) {
                assertThat(line.strip()).as("a command or a comment, not prose").matches("#.*|(prefect|migrate|pg_dump|cp|docker"
                        + "|systemctl|kubectl|gh|chmod|git|journalctl|grep|helm|pip|/\\S+/pip) .*|PREFECT_\\w+=.*");
            }
        }
    }
}
