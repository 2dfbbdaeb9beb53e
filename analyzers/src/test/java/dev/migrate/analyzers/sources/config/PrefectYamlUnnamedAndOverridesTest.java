package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A prefect.yaml deployment without a name ({@code name: null}, {@code ~}, empty, no key) is an unnamed deployment
 * (PF232), never one called "null"; {@code work_pool: infra_overrides:} is PF233, a safe rename, unless the pool
 * also has {@code job_variables:}, where merging them is a person's choice (manual).
 */
class PrefectYamlUnnamedAndOverridesTest {
    @ParameterizedTest
    @ValueSource(strings = {"name: null\n    ", "name: ~\n    ", "name:\n    ", "name: ''\n    ", ""})
    void aDeploymentWithoutANameIsUnnamedNotNull(String name) {
        String yaml = "prefect-version: 2.16.0\ndeployments:\n  - " + name + "entrypoint: flows/etl.py:etl\n"
                + "    work_pool: {name: etl}\n";
        String out = DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml);
        assertThat(out).doesNotContain("null").doesNotContain("''")
                .contains("prefect2 'flows/etl.py:etl' at prefect.yaml:3:5")
                .containsPattern("prefect.yaml:3:5 PF232 unnamed deployment of flows/etl.py:etl: "
                        + (name.isEmpty() ? "no name: key" : "its name is empty")
                        + "; prefect deploy asks for a name .* \\[prefect2-");
    }

    @Test
    void aNamedDeploymentIsNoFinding() {
        String yaml = "prefect-version: 3.1.0\ndeployments:\n  - name: nightly\n    entrypoint: flows/etl.py:etl\n";
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml))
                .doesNotContain("PF232").contains("PF290 Prefect 3 deployment 'nightly' (already migrated)");
    }

    @Test
    void unnamedFindingsSayUnnamedInTheirMessages() {
        String yaml = """
                prefect-version: 2.16.0
                deployments:
                  - name: null
                    entrypoint: flows/etl.py:etl
                    is_schedule_active: false
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml))
                .contains("PF212 unnamed deployment of flows/etl.py:etl sets is_schedule_active");
    }

    @Test
    void infraOverridesUnderWorkPoolIsASafeRename() {
        String yaml = """
                prefect-version: 2.16.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: docker-pool
                      infra_overrides:
                        image: acme/etl:1.4
                """;
        DetectorHarness h = harness(yaml);
        Finding f = h.findings().stream().filter(x -> x.code().equals("PF233")).findFirst().orElseThrow();
        assertThat(f.applicability()).isEqualTo(Applicability.SAFE_FIX);
        assertThat(f.where().toString()).isEqualTo("prefect.yaml:7:7");
        assertThat(f.message()).isEqualTo("deployment 'nightly' sets work_pool.infra_overrides, which Prefect 3 drops "
                + "without a word; rename it job_variables");
    }

    @Test
    void infraOverridesBesideJobVariablesIsManual() {
        String yaml = """
                prefect-version: 2.16.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: docker-pool
                      job_variables: {env: {A: "1"}}
                      infra_overrides:
                        image: acme/etl:1.4
                """;
        Finding f = harness(yaml).findings().stream().filter(x -> x.code().equals("PF233")).findFirst().orElseThrow();
        assertThat(f.applicability()).isEqualTo(Applicability.MANUAL);
        assertThat(f.message()).contains("merge the overrides into job_variables by hand");
    }

    @Test
    void infraOverridesOutsideWorkPoolIsNotThisFinding() {
        // at the deployment's level the key belongs to 2.x build outputs, which PF204 converts
        String yaml = """
                prefect-version: 2.16.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    infra_overrides: {image: acme/etl:1.4}
                    work_pool: {name: docker-pool, job_variables: {image: acme/etl:1.4}}
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).doesNotContain("PF233");
    }

    private static DetectorHarness harness(String yaml) {
        DetectorHarness h = new DetectorHarness();
        PrefectYamlDetector d = new PrefectYamlDetector();
        d.detect(new ScanFile("prefect.yaml", yaml), h);
        d.finish(h);
        return h;
    }
}
