package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/** PF222, through the pin detector that reads the dependency files. */
class UnknownIntegrationPinsTest {
    private final PrefectPinDetector detector = new PrefectPinDetector();

    @Test
    void integrationsOfUnknownPrefect3SupportPinnedBesidePrefect2() {
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                python = "^3.10"
                prefect = "^2.16.4"
                prefect-dbt = {extras = ["cli"], version = "^0.4.1"}
                prefect-snowflake = "^0.27.3"
                prefect-slack = ">=0.2"
                """)).isEqualTo("""
                pyproject.toml:3:1 PF208 dependency pin prefect = "^2.16.4" keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                pyproject.toml:4:1 PF222 dependency pin prefect-dbt version = "^0.4.1" is pinned beside Prefect 2, and this tool does not know which prefect-dbt release first supports Prefect 3: move it with Prefect to a release whose requirements accept prefect 3 (its Requires-Dist on PyPI, or `pip index versions prefect-dbt`)
                pyproject.toml:5:1 PF222 dependency pin prefect-snowflake = "^0.27.3" is pinned beside Prefect 2, and this tool does not know which prefect-snowflake release first supports Prefect 3: move it with Prefect to a release whose requirements accept prefect 3 (its Requires-Dist on PyPI, or `pip index versions prefect-snowflake`)
                """);
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==2.19.4
                prefect-email==0.3.2
                prefect-great-expectations>=0.2,<0.3
                prefect-client==2.19.4
                """)).contains(
                "requirements.txt:2:1 PF222 dependency pin prefect-email==0.3.2 is pinned",
                "requirements.txt:3:1 PF222 dependency pin prefect-great-expectations>=0.2,<0.3 is pinned")
                .doesNotContain("prefect-client");
    }

    @Test
    void mustNotReport() {
        // beside Prefect 3, or with no Prefect pin, the integration's pin is the project's own business
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==3.1.0
                prefect-dbt==0.6.4
                """)).isEmpty();
        assertThat(DetectorHarness.run(detector, "requirements.txt", "prefect-dbt==0.4.1\n")).isEmpty();
        // a lower bound admits newer releases; known integrations are PF208's
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect>=2.10,<3
                prefect-dbt>=0.4
                prefect-aws==0.5.0
                """)).doesNotContain("PF222");
    }
}
