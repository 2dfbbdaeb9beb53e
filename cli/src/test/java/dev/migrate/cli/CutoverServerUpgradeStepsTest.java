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
        String loop = md.substring(md.indexOf("## Job `iceberg-offload-scheduler`"));
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

    @Test
    void theServerUpgradeHasExactStepsBackOnBothEstates() {
        String k2 = preSteps(plan("k2-platform"));
        String back = k2.substring(k2.indexOf("**Roll back the server upgrade"));
        // before: no way back from the in-place upgrade at all
        // the worker as MigrateComposeAgentToWorker names the agent's service; the agent back as it ran
        assertThat(back).contains("  docker compose -f docker-compose.v2.yml stop prefect-server prefect-worker\n")
                .contains("  dropdb -h postgres -p 5432 -U prefect prefect   #")
                .contains("  createdb -h postgres -p 5432 -U prefect prefect\n")
                .contains("  pg_restore -h postgres -p 5432 -U prefect -d prefect prefect-2026-11-21.dump   #")
                .contains("  git checkout PRE_REWRITE_COMMIT -- docker-compose.v2.yml   #")
                .contains(": prefect-server on prefecthq/prefect:2.14.9-python3.10, its agents as they ran\n")
                .contains("  docker compose -f docker-compose.v2.yml up -d prefect-server\n")
                .contains("  docker compose -f docker-compose.v2.yml up -d prefect-agent   # the 2.x agent: prefect agent start -q iceberg-offload\n")
                .contains("going back requires restoring the dump");
        assertThat(back.indexOf("stop prefect-server")).isLessThan(back.indexOf("dropdb"));
        assertThat(back.indexOf("pg_restore")).isLessThan(back.indexOf("up -d prefect-server"));
        assertThat(back.indexOf("up -d prefect-server")).isLessThan(back.indexOf("up -d prefect-agent"));

        String vps = preSteps(plan("vps-prefect2"));
        String vpsBack = vps.substring(vps.indexOf("**Roll back the server upgrade"));
        assertThat(vpsBack).contains("  systemctl stop prefect-worker.service prefect-server.service\n")
                .contains("  pg_restore -h localhost -U prefect_user -d prefect_db prefect-2026-11-21.dump   #")
                .contains("  /home/prefect/prefect-production/venv/bin/pip install 'prefect[postgres]==2.16.9'   #")
                .contains("  systemctl start prefect-server.service\n")
                .contains("  systemctl start prefect-worker.service   # the 2.16.9 worker, as before\n");
    }

    @Test
    void anAgentUnitsWorkerPollsItsQueuesFromAnUpgradedEnvironmentAndComesBackAsTheAgent() {
        String pre = preSteps(plan("legacy-host"));
        // before: `prefect worker start --pool process-pool`, polling none of the unit's queues (-q default -q etl-hourly)
        assertThat(pre).contains("  prefect work-queue create etl-hourly --pool process-pool\n")
                .doesNotContain("prefect work-queue create default ")
                .contains("  prefect worker start --pool process-pool --work-queue default --work-queue etl-hourly   # replaces: "
                        + "/opt/prefect/venv/bin/prefect agent start -q default -q etl-hourly\n")
                // the rewritten unit runs `prefect worker start` from its own virtualenv, which holds 2.x until upgraded
                .contains("  /opt/prefect/venv/bin/pip install -U 'prefect>=3'   # the environment prefect-agent.service runs\n")
                .contains("  systemctl restart prefect-agent.service\n");
        String back = pre.substring(pre.indexOf("**Roll back the server upgrade"));
        // before: "# start agent k8s-default,k8s-heavy again as it ran on 2.19.4 (...): null", and the unit's worker left running
        assertThat(back).doesNotContain(": null")
                .contains("  systemctl stop prefect-agent.service   # the 3.x workers these units run since the rewrite\n")
                .contains("  git checkout PRE_REWRITE_COMMIT -- etc/systemd/system/prefect-agent.service   #")
                .contains("  /opt/prefect/venv/bin/pip install 'prefect==2.19.4'   # the environment prefect-agent.service runs")
                .contains("  systemctl restart prefect-agent.service   # the 2.19.4 agent, as before\n")
                .contains("  git checkout PRE_REWRITE_COMMIT -- opt/prefect/helm/values-prefect-agent.yaml   #")
                .contains("helm upgrade --install RELEASE prefect/prefect-agent -f opt/prefect/helm/values-prefect-agent.yaml");
        assertThat(back.indexOf("systemctl stop prefect-agent.service")).isLessThan(back.indexOf("dropdb"));
    }

    @Test
    void aSystemdServersStepsNameItsRuleFindingsAtTheUnitsLine() {
        String pre = preSteps(plan("vps-prefect2"));
        // before: "[PF292](docs/rules/PF292.md); etc/systemd/system/prefect-server.service", the scan raising neither
        assertThat(pre).contains("  - Source: [PF292](docs/rules/PF292.md) at etc/systemd/system/prefect-server.service:13\n")
                .contains("  - Source: [BHV006](docs/rules/BHV006.md) at etc/systemd/system/prefect-server.service:13\n")
                .doesNotContain("; etc/systemd/system/prefect-server.service\n");
    }

    @Test
    void aDeploymentOfAPrefectYamlDeepInTheTreeIsDeployedFromItsDirectory() {
        String job = plan("k2-platform").split("\n## Job `iceberg-offload-15min`")[1];
        // before: `prefect deploy --name iceberg-offload-15min` from the estate's root, where there is no prefect.yaml
        assertThat(job).contains("  (cd docker/offload/flows && prefect deploy --name iceberg-offload-15min)\n")
                .doesNotContain("\n  prefect deploy --name iceberg-offload-15min");
    }

    @Test
    void aJobWhoseDeploymentTheUpgradeReplacedRollsBackWithTheServer() {
        for (String estate : new String[] {"k2-platform", "vps-prefect2"}) {
            String[] sections = plan(estate).split("\n## Job ");
            int prefect2 = 0;
            for (String job : sections) {
                if (!job.matches("(?s)`[^`]+` \\(prefect2, .*")) {
                    continue;
                }
                prefect2++;
                // before: "Re-enable the legacy schedule" resumed the very deployment the step above had just paused
                assertThat(job).as(estate).contains("**Go back to the 2.x deployment with the server rollback**")
                        .contains("\"Roll back the server upgrade (if the canary or the first runs fail)\"")
                        .contains("**Pause the new deployment**")
                        .doesNotContain("**Re-enable the legacy schedule**");
            }
            assertThat(prefect2).as(estate + ": its Prefect 2 deployments").isGreaterThanOrEqualTo(3);
        }
        // a legacy side that is not on the upgraded server keeps its own way back
        String loop = plan("k2-platform").split("\n## Job `iceberg-offload-scheduler`")[1];
        assertThat(loop).contains("**Re-enable the legacy schedule**")
                .contains("  systemctl enable --now iceberg-offload-scheduler.service\n")
                .doesNotContain("Go back to the 2.x deployment");
    }

    @Test
    void theCliIsPointedAtTheServerTheScanFound() {
        String k2 = preSteps(plan("k2-platform"));
        // before: no PREFECT_API_URL anywhere, where the runbook ran every command with it through docker exec
        assertThat(k2).contains("  docker compose -f docker-compose.v2.yml exec prefect-server bash   #")
                .contains("  export PREFECT_API_URL=http://prefect-server:4200/api   #");
        assertThat(k2.indexOf("export PREFECT_API_URL")).isLessThan(k2.indexOf("Pause every deployment schedule"));
        String md = plan("vps-prefect2");
        assertThat(preSteps(md)).contains("  export PREFECT_API_URL=http://localhost:4200/api   #")
                .doesNotContain("docker compose");
        assertThat(md).doesNotContain("Vps-Prefect-2024!db");
    }

    @Test
    void theSchedulesArePausedWithTheCommandsTheServersOwnVersionHas() {
        String k2 = preSteps(plan("k2-platform"));
        String pause = k2.substring(k2.indexOf("Pause every deployment schedule"), k2.indexOf("Let the runs in flight"));
        // before: `prefect deployment schedule pause`, a group 2.14.9's CLI does not have
        assertThat(pause).contains("  prefect deployment pause-schedule 'iceberg-offload-main/iceberg-offload-15min'   #")
                .doesNotContain("\n  prefect deployment schedule");
        String canary = k2.substring(k2.indexOf("Run a canary flow"));
        assertThat(canary).contains("  prefect deployment schedule resume 'iceberg-offload-main/iceberg-offload-15min' SCHEDULE_ID")
                .contains("  curl -fsS -X POST \"$PREFECT_API_URL/deployments/DEPLOYMENT_ID/resume_deployment\"")
                .doesNotContain("resume-schedule");
        // 2.16.9: the CLI data proves the schedule group only on 2.20.25 (the 2.16.0 boundary was inferred), so the
        // command 2.x surely has, and the resume checks whether the deployment itself came back paused
        String vps = preSteps(plan("vps-prefect2"));
        assertThat(vps).contains("  prefect deployment pause-schedule 'Pipeline Data Complet/production-daily'   # Prefect "
                + "2.16.9: `deployment schedule pause` is known only on later 2.x releases")
                .contains("resume_deployment").doesNotContain("\n  prefect deployment schedule pause");
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
                assertThat(line.strip()).as("a command or a comment, not prose").matches("#.*|\\(?(prefect|migrate|pg_dump|pg_restore|dropdb"
                        + "|createdb|cp|curl|docker|systemctl|kubectl|gh|chmod|git|journalctl|grep|helm|pip|celery|cd|/\\S+/pip) .*"
                        + "|(export )?PREFECT_\\w+=.*");
            }
        }
    }
}
