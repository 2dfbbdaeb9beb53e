package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import dev.migrate.analyzers.sources.DetectorHarness;
import dev.migrate.analyzers.sources.config.PrefectCliLineDetector;
import dev.migrate.analyzers.sources.k8s.HelmValuesDetector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlatformStepsTest {
    private static String plan(String script) {
        return plan(new PrefectCliLineDetector(), "ops/start.sh", script);
    }

    private static String plan(Detector detector, String path, String text) {
        DetectorHarness h = new DetectorHarness();
        detector.detect(new dev.migrate.analyzers.model.ScanFile(path, text), h);
        Inventory inv = new Inventory("x", h.jobs(), h.findings(), List.of(), new ScanStats(0, 0, 0));
        return PlatformSteps.of(inv, "2026-01-01").stream()
                .map(s -> s.title() + "\n" + String.join("\n", s.commands()) + "\nwhy: " + s.why() + "\nsource: " + s.sources())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void anAgentsPoolTheScriptCreatesTypedIsKeptForTheWorker() {
        String out = plan("""
                prefect work-pool create etl --type=process
                prefect agent start --pool etl -q nightly
                """);
        assertThat(out).doesNotContain("work-pool create").doesNotContain("prefect-agent pools")
                .contains("prefect worker start --pool etl --work-queue nightly   # replaces: prefect agent start --pool etl "
                        + "-q nightly (its pool is created with --type process at ops/start.sh:1)");
    }

    @Test
    void anAgentPoolOrOneOfUnknownTypeIsStillRecreatedTyped() {
        // the rewrite keeps --pool etl on the worker and says to recreate it typed: the checklist does exactly that
        String agentPool = plan("""
                prefect work-pool create etl --type prefect-agent
                prefect agent start --pool etl -q nightly
                """);
        assertThat(agentPool).contains("prefect work-pool delete etl   # a prefect-agent pool")
                .contains("prefect work-pool create etl --type process   # for agent nightly at ops/start.sh:2")
                .contains("prefect work-queue create nightly --pool etl")
                .contains("prefect worker start --pool etl --work-queue nightly   # replaces")
                .contains("why: Prefect 3 workers refuse prefect-agent pools");
        assertThat(agentPool.indexOf("work-pool delete etl")).isLessThan(agentPool.indexOf("work-pool create etl --type process"));
        String untyped = plan("""
                prefect work-pool create etl
                prefect agent start --pool etl -q nightly
                """);
        assertThat(untyped).contains("prefect work-pool create etl --type process").doesNotContain("work-pool create nightly");
    }

    @Test
    void agentsThatNamedNoPoolShareTheTypedPoolStandingInForDefaultAgentPool() {
        // as the rewrite does: `prefect worker start --work-queue nightly --pool process-pool --type process`
        String out = plan("""
                prefect agent start -q nightly
                prefect agent start --work-queue hourly --pool default-agent-pool
                """);
        assertThat(out).contains("prefect work-pool create process-pool --type process   # for agent nightly at "
                        + "ops/start.sh:1, agent hourly at ops/start.sh:2")
                .contains("prefect work-queue create nightly --pool process-pool")
                .contains("prefect work-queue create hourly --pool process-pool")
                .contains("prefect worker start --pool process-pool --work-queue nightly   # replaces: prefect agent start -q nightly")
                .contains("prefect worker start --pool process-pool --work-queue hourly   # replaces")
                .doesNotContain("create nightly --type").doesNotContain("work-pool delete")
                .doesNotContain("default-agent-pool --type");
        assertThat(out.split("work-pool create process-pool", -1)).as("one create for the shared pool").hasSize(2);
    }

    @Test
    void aPrefect1AgentsPoolIsNamedAfterItsLabels() {
        // as PrefectCliTranslator's labels-to-pool conversion names it, not after --name
        assertThat(plan("prefect agent docker start -l prod -l docker --name vm-01-docker\n"))
                .contains("prefect work-pool create prod-docker --type docker")
                .contains("prefect worker start --pool prod-docker   # replaces").doesNotContain("--pool vm-01-docker");
        assertThat(plan("prefect agent local start --name vm-01\n"))
                .contains("prefect work-pool create default-process-pool --type process");
    }

    // the rewrite serves a pool its script creates typed in a variable as it is (`--type process`, no recreate note):
    // the checklist must not delete and recreate it
    @Test
    void aPoolItsScriptCreatesTypedInAVariableIsKept() {
        String out = plan("""
                prefect work-pool create "${PREFECT_WORK_POOL}" --type=process
                prefect agent start -p "${PREFECT_WORK_POOL}" -q "${PREFECT_WORK_QUEUE}"
                """);
        assertThat(out).doesNotContain("work-pool delete").doesNotContain("work-pool create")
                .contains("prefect worker start --pool ${PREFECT_WORK_POOL} --work-queue ${PREFECT_WORK_QUEUE}   # replaces");
    }

    // every pool is created with a queue named `default`: `prefect work-queue create default --pool P` fails there
    @Test
    void theDefaultQueueIsNotCreatedAgain() {
        String out = plan("prefect agent start -q default -q etl\n");
        assertThat(out).contains("prefect work-queue create etl --pool process-pool")
                .doesNotContain("work-queue create default")
                .contains("prefect worker start --pool process-pool --work-queue default --work-queue etl   # replaces")
                .contains("recipe `dev.migrate.prefect.MigratePrefectCliToPrefect3`")
                .doesNotContain("MigrateComposeAgentToWorker");
    }

    // the agent chart's values at the root of a values file, under an umbrella chart's subchart key, or in a Flux
    // HelmRelease: each is moved by its own recipe, which the step names
    @Test
    void theStepOfAHelmAgentNamesTheRecipeForWhereItsValuesAre() {
        assertThat(plan(new HelmValuesDetector(), "values.yaml", "agent:\n  config: {workPool: k8s}\n"))
                .contains("recipe `dev.migrate.recipes.prefect2.MigrateHelmAgentValuesToWorker`");
        assertThat(plan(new HelmValuesDetector(), "charts/a/values.yaml", "prefect-agent:\n  agent:\n    config: {workPool: k8s}\n"))
                .contains("recipe `dev.migrate.recipes.prefect2.MigrateHelmAgentSubchartToWorker`");
        assertThat(plan(new HelmValuesDetector(), "flux/agent.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                spec:
                  chart: {spec: {chart: prefect-agent}}
                  values: {agent: {config: {workPool: k8s}}}
                """)).contains("recipe `dev.migrate.recipes.prefect2.MigrateHelmAgentReleasesToWorker`");
    }

    // `docker compose -f deploy/stack.yml`: the agent is a compose service whatever its file's name; in a script it is not
    @Test
    void theStepOfAnAgentInAComposeFileNamedWithDashFNamesTheComposeRecipe() {
        DetectorHarness h = new DetectorHarness();
        dev.migrate.analyzers.sources.config.ComposeDetector compose = new dev.migrate.analyzers.sources.config.ComposeDetector();
        compose.detect(new dev.migrate.analyzers.model.ScanFile("Makefile", "up:\n\tdocker compose -f deploy/stack.yml up -d\n"), h);
        compose.detect(new dev.migrate.analyzers.model.ScanFile("deploy/stack.yml", """
                services:
                  agent:
                    image: prefecthq/prefect:2.14.3-python3.11
                    command: prefect agent start -q default
                """), h);
        compose.finish(h);
        Inventory inv = new Inventory("x", h.jobs(), h.findings(), List.of(), new ScanStats(0, 0, 0));
        assertThat(PlatformSteps.of(inv, "2026-01-01")).anyMatch(s -> s.sources().stream()
                .anyMatch(src -> src.contains("MigrateComposeAgentToWorker")));
        assertThat(plan("prefect agent start -q default\n")).doesNotContain("MigrateComposeAgentToWorker");
    }

    /** The plan of an agent's script and a Makefile that builds deployments, read by the command line detector. */
    private static String planWithBuilds(String agent, String makefile) {
        DetectorHarness h = new DetectorHarness();
        PrefectCliLineDetector d = new PrefectCliLineDetector();
        d.detect(new dev.migrate.analyzers.model.ScanFile("ops/start.sh", agent), h);
        d.detect(new dev.migrate.analyzers.model.ScanFile("Makefile", makefile), h);
        d.finish(h);
        Inventory inv = new Inventory("x", h.jobs(), h.findings(), List.of(), new ScanStats(0, 0, 0));
        return PlatformSteps.of(inv, "2026-01-01").stream()
                .map(s -> s.title() + "\n" + String.join("\n", s.commands()) + "\nwhy: " + s.why())
                .collect(Collectors.joining("\n"));
    }

    // the rewrite moves the deployments of queue etl to the pool named after their block, and the agent's worker with
    // them: the checklist creates that pool, typed as the block, and starts the worker on it
    @Test
    void anAgentsWorkerServesThePoolItsQueuesDeploymentsMovedTo() {
        String out = planWithBuilds("prefect agent start -q etl\n", """
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner -a
                """);
        assertThat(out).contains("prefect work-pool create etl-runner --type docker   # for agent etl at ops/start.sh:1")
                .contains("prefect work-queue create etl --pool etl-runner")
                .contains("prefect worker start --pool etl-runner --work-queue etl   # replaces: prefect agent start -q etl")
                .doesNotContain("process-pool");
    }

    // two blocks on one queue: 2.x's agent ran both, a worker serves one pool; the rewrite's worker keeps the stand-in
    @Test
    void anAgentWhoseQueuesDeploymentsMovedToSeveralPoolsGetsAWorkerForEach() {
        String out = planWithBuilds("prefect agent start -q etl\n", """
                deploy:
                \tprefect deployment build flows/a.py:a -n a -q etl -ib docker-container/etl-runner -a
                \tprefect deployment build flows/b.py:b -n b -q etl -ib kubernetes-job/etl-k8s -a
                """);
        assertThat(out).contains("prefect work-pool create process-pool --type process")
                .contains("prefect worker start --pool process-pool --work-queue etl   # replaces")
                .contains("prefect work-pool create etl-runner --type docker; prefect worker start --pool etl-runner "
                        + "--type docker --work-queue etl   # the deployments of etl moved to this pool too")
                .contains("prefect work-pool create etl-k8s --type kubernetes; prefect worker start --pool etl-k8s "
                        + "--type kubernetes --work-queue etl");
    }
}
