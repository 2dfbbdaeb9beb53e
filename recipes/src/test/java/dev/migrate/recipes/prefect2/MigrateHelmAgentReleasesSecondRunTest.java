package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A second run over what the first made of the agent releases changes no byte, and reports again the manual items
 * the first left and that no file of the repository can show taken: value files and valuesFrom objects outside the
 * repository, an OCI digest that pinned the agent chart. Releases of the worker chart at other versions are no
 * earlier run's, and get nothing.
 */
class MigrateHelmAgentReleasesSecondRunTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentReleasesToWorker());
    }

    @Test
    void argoValueFilesOutsideTheRepositoryAreReportedAgain() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(14);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("the values file `$values/envs/prod/agent.yaml` is not in this repository");
                })),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
            spec:
              sources:
                - repoURL: https://github.com/acme/platform-values.git
                  ref: values
                - repoURL: https://prefecthq.github.io/prefect-helm
                  chart: prefect-worker
                  targetRevision: ">=2025.3.7033449"
                  helm:
                    valueFiles:
                      - $values/envs/prod/agent.yaml
            """,
            spec -> spec.path("argocd/agent.yaml")));
    }

    @Test
    void anOciDigestAndAValuesFromObjectOutsideTheRepositoryAreReportedAgain() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .allSatisfy(r -> assertThat(r.manual()).isTrue())
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(9);
                    assertThat(r.message()).contains("`ref.digest` pins the prefect-agent chart's artifact");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(22);
                    assertThat(r.message()).contains("ConfigMap `platform-values`").contains("made outside this repository");
                })),
            yaml(
            """
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              url: oci://ghcr.io/acme/charts/prefect-worker
              ref:
                digest: sha256:4f5c2b1a
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              chartRef:
                kind: OCIRepository
                name: prefect-agent
              valuesFrom:
                - kind: ConfigMap
                  name: platform-values
            """,
            spec -> spec.path("clusters/prod/agent.yaml")));
    }

    @Test
    void aFluxReleaseOfTheWorkerChartAtTheWrittenRangeReportsItsOutsideObject() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("ConfigMap `platform-values`"))),
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: worker
            spec:
              chart:
                spec:
                  chart: prefect-worker
                  version: ">=2025.3.7033449"
              valuesFrom:
                - kind: ConfigMap
                  name: platform-values
            """,
            spec -> spec.path("clusters/prod/worker.yaml")));
    }

    @Test
    void anUmbrellaChartsMissingValueFileIsReportedAgain() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("the values file `../../envs/prod/platform.yaml` of "
                        + "the umbrella chart in charts/platform is not in this repository"))),
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 1.4.0
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("charts/platform/Chart.yaml")),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: platform
            spec:
              source:
                repoURL: https://github.com/acme/platform.git
                path: charts/platform
                helm:
                  valueFiles:
                    - ../../envs/prod/platform.yaml
            """,
            spec -> spec.path("argocd/platform.yaml")));
    }

    // a worker chart at another version was never an agent release this rewrite moved
    @Test
    void workerReleasesAtOtherVersionsGetNothing() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: worker
            spec:
              chart:
                spec:
                  chart: prefect-worker
                  version: 2025.6.12
              valuesFrom:
                - kind: ConfigMap
                  name: platform-values
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: worker
            spec:
              source:
                repoURL: https://prefecthq.github.io/prefect-helm
                chart: prefect-worker
                targetRevision: 2025.6.12
                helm:
                  valueFiles:
                    - https://example.com/worker.yaml
            """,
            spec -> spec.path("clusters/prod/worker.yaml")));
    }
}
