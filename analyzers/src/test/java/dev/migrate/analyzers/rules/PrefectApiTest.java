package dev.migrate.analyzers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.rules.PrefectApi.Version;
import org.junit.jupiter.api.Test;

class PrefectApiTest {
    private final PrefectApi api = PrefectApi.get();

    @Test
    void importSurface() {
        assertThat(api.existsIn3("prefect.flows")).isTrue();
        assertThat(api.existsIn3("prefect.flow")).isTrue();
        assertThat(api.existsIn3("prefect.docker.DockerImage")).isTrue();
        assertThat(api.existsIn3("prefect.deployments.Deployment")).isFalse();
        assertThat(api.existsIn2("prefect.deployments.Deployment")).isTrue();
        // Migration stubs import fine but hold nothing usable.
        assertThat(api.existsIn3("prefect.agent")).isFalse();
        assertThat(api.existsIn3("prefect.agent.PrefectAgent")).isFalse();
        // prefect.client is a stub package, but its submodules are real ones
        assertThat(api.existsIn3("prefect.client")).isFalse();
        assertThat(api.existsIn3("prefect.client.orchestration")).isTrue();
        assertThat(api.existsIn3("prefect.client.schemas")).isTrue();
        assertThat(api.existsIn3("prefect.deployments.steps.git_clone")).isTrue();
        assertThat(api.existsIn3("prefect.deployments.steps.git_clone_project")).isFalse();
    }

    @Test
    void movedAndRemoved() {
        assertThat(api.movedTo("prefect.variables.get")).contains("prefect.variables.Variable.get");
        assertThat(api.movedTo("prefect.flows.flow")).isEmpty();
        assertThat(api.removedIn3("prefect.deployments.Deployment")).isTrue();
    }

    @Test
    void cliSurfaces() {
        assertThat(api.versionsWithCommand("agent start")).containsExactly(Version.V2);
        assertThat(api.versionsWithCommand("register")).containsExactly(Version.V1);
        assertThat(api.versionsWithCommand("worker start")).containsExactly(Version.V2, Version.V3);
        assertThat(api.cli(Version.V3).accepts("worker start", "--pool")).isTrue();
        assertThat(api.cli(Version.V3).accepts("work-queue create", "--tag")).isFalse();
        assertThat(api.cli(Version.V2).accepts("work-queue create", "--tag")).isTrue();
    }

    @Test
    void settings() {
        assertThat(api.canonicalSetting3("PREFECT_API_URL")).contains("PREFECT_API_URL");
        assertThat(api.canonicalSetting3("PREFECT_API_DATABASE_CONNECTION_URL")).contains("PREFECT_SERVER_DATABASE_CONNECTION_URL");
        assertThat(api.canonicalSetting3("PREFECT_AGENT_QUERY_INTERVAL")).isEmpty();
        assertThat(api.isSetting2("PREFECT_AGENT_QUERY_INTERVAL")).isTrue();
    }
}
