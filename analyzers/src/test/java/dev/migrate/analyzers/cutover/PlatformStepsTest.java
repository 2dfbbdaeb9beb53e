package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import dev.migrate.analyzers.sources.DetectorHarness;
import dev.migrate.analyzers.sources.config.PrefectCliLineDetector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlatformStepsTest {
    private static String plan(String script) {
        DetectorHarness h = new DetectorHarness();
        new PrefectCliLineDetector().detect(new dev.migrate.analyzers.model.ScanFile("ops/start.sh", script), h);
        Inventory inv = new Inventory("x", h.jobs(), h.findings(), List.of(), new ScanStats(0, 0, 0));
        return PlatformSteps.of(inv, "2026-01-01").stream()
                .map(s -> s.title() + "\n" + String.join("\n", s.commands()) + "\nwhy: " + s.why())
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
        String agentPool = plan("""
                prefect work-pool create etl --type prefect-agent
                prefect agent start --pool etl -q nightly
                """);
        assertThat(agentPool).contains("prefect work-pool create nightly --type process   # for agent nightly at ops/start.sh:2")
                .contains("why: Prefect 3 workers refuse prefect-agent pools");
        String untyped = plan("""
                prefect work-pool create etl
                prefect agent start --pool etl -q nightly
                """);
        assertThat(untyped).contains("prefect work-pool create nightly --type process");
    }
}
