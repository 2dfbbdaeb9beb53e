package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The deployments a shell line starts with {@code prefect deployment run}, as a crontab line or an {@code ExecStart=}
 * writes it: a call through a virtualenv or after {@code cd}, not the words of {@code echo} or of a comment.
 */
class DeploymentRunsTest {
    @Test
    void theDeploymentsALineStarts() {
        assertThat(DeploymentRuns.started("prefect deployment run etl/nightly")).containsExactly("etl/nightly");
        assertThat(DeploymentRuns.started("cd /opt/etl && /opt/venv/bin/prefect deployment run --watch etl/nightly"))
                .containsExactly("etl/nightly");
        assertThat(DeploymentRuns.started("PREFECT_API_URL=http://p:4200/api prefect deployment run --name a/b; "
                + "prefect deployment run --id 8b1c; prefect deployment run a/b")).containsExactly("a/b", "id 8b1c");
        assertThat(DeploymentRuns.started("/bin/sh -c 'prefect deployment run etl/hourly'")).containsExactly("etl/hourly");
    }

    @Test
    void linesThatStartNoDeployment() {
        assertThat(DeploymentRuns.started("prefect deployment ls")).isEmpty();
        assertThat(DeploymentRuns.started("echo prefect deployment run etl/nightly >> /var/log/etl.log")).isEmpty();
        assertThat(DeploymentRuns.started("printf '%s\\n' prefect deployment run etl/nightly")).isEmpty();
        assertThat(DeploymentRuns.started("/opt/etl/run.sh # was: prefect deployment run etl/nightly")).isEmpty();
        assertThat(DeploymentRuns.started("/opt/etl/run.sh --flow etl/nightly")).isEmpty();
    }
}
