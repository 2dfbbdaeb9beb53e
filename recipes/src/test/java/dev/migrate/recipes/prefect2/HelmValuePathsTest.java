package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmValuePathsTest {
    // the longest renamed prefix in the catalogue wins, what follows it is kept; other agent paths keep their shape
    @Test
    void agentPathsBecomeWorkerPaths() {
        assertThat(HelmValuePaths.workerPath("agent.serverApiConfig.apiUrl")).isEqualTo("worker.selfHostedServerApiConfig.apiUrl");
        assertThat(HelmValuePaths.workerPath("agent.orionApiConfig")).isEqualTo("worker.selfHostedServerApiConfig");
        assertThat(HelmValuePaths.workerPath("agent.config.http2")).isEqualTo("worker.config.http2");
        assertThat(HelmValuePaths.workerPath("agent.nodeSelector.pool")).isEqualTo("worker.nodeSelector.pool");
        assertThat(HelmValuePaths.workerPath("agent")).isEqualTo("worker");
        assertThat(HelmValuePaths.workerValue("worker.apiConfig", "server")).isEqualTo("selfHostedServer");
        assertThat(HelmValuePaths.workerValue("worker.apiConfig", "cloud")).isNull();
    }

    @Test
    void subchartPathsMoveWithTheKey() {
        Map<String, String> keys = Map.of("prefect-agent", "prefect-worker");
        assertThat(HelmValuePaths.subchartPath("prefect-agent.enabled", keys)).isEqualTo("prefect-worker.enabled");
        assertThat(HelmValuePaths.subchartPath("prefect-agent.agent.serverApiConfig", keys))
                .isEqualTo("prefect-worker.worker.selfHostedServerApiConfig");
        assertThat(HelmValuePaths.subchartSegments(List.of("prefect-agent", "agent", "config"), keys))
                .containsExactly("prefect-worker", "worker", "config");
        // an alias stays; only the subchart's own path moves
        assertThat(HelmValuePaths.subchartPath("etl.agent.config", Map.of("etl", "etl"))).isEqualTo("etl.worker.config");
    }

    @Test
    void otherPathsAreNotTheSubchartsOrTheAgents() {
        Map<String, String> keys = Map.of("prefect-agent", "prefect-worker");
        assertThat(HelmValuePaths.workerPath("agentPool.size")).isNull();
        assertThat(HelmValuePaths.workerPath("worker.config.workPool")).isNull();
        assertThat(HelmValuePaths.subchartPath("prefect-agent-extra.enabled", keys)).isNull();
        assertThat(HelmValuePaths.subchartPath("etl.enabled", Map.of("etl", "etl"))).isNull();
        // a segment holding a dot is not one path segment
        assertThat(HelmValuePaths.subchartSegments(List.of("prefect-agent", "agent.config"), keys)).isNull();
    }
}
