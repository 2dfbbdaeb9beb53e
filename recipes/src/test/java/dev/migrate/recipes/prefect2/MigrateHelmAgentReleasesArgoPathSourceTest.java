package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * An Argo CD Application with one git source whose {@code path:} is an umbrella chart of this repository: Argo CD
 * reads its plain {@code helm.valueFiles} relative to that chart directory, so a file they name outside it is the
 * umbrella chart's values, and the agent subchart's values there move as the chart's own do.
 */
class MigrateHelmAgentReleasesArgoPathSourceTest implements RewriteTest {
    private static final String APPLICATION = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: platform-prod
              namespace: argocd
            spec:
              source:
                repoURL: https://github.com/acme/platform.git
                targetRevision: main
                path: charts/platform/
                helm:
                  valueFiles:
                    - values-prod.yaml
                    - ../../envs/prod/platform.yaml
                    - ../../envs/prod/missing.yaml
                    - https://raw.githubusercontent.com/acme/shared/main/prefect.yaml
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentReleasesToWorker());
    }

    // the alias names the subchart's values everywhere, so it stays; only the Argo CD source says this file outside
    // the chart is the umbrella chart's, which the subchart recipe cannot know by the alias alone. The chart's own
    // files are that recipe's; the chart's values.yaml names the pool, so the overlay needs none of its own

    @Test
    void valueFilesOutsideThePathChartMoveUnderTheSubchartsKey() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("argocd/platform.yaml");
                    assertThat(r.line()).isEqualTo(15);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).startsWith("the values file `../../envs/prod/missing.yaml` of the umbrella "
                            + "chart in charts/platform is not in this repository");
                })
                .anySatisfy(r -> assertThat(r.line()).isEqualTo(16))
                .noneSatisfy(r -> assertThat(r.line()).isIn(13, 14))
                .noneSatisfy(r -> assertThat(r.message()).contains("workPool`: the agent"))),
            yaml(APPLICATION, spec -> spec.path("argocd/platform.yaml")),
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 1.4.0
            dependencies:
              - name: prefect-agent
                alias: etl-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("charts/platform/Chart.yaml")),
            yaml(
            """
            etl-agent:
              agent:
                config:
                  workPool: k8s
            """,
            spec -> spec.path("charts/platform/values.yaml")),
            yaml("etl-agent:\n  agent:\n    config:\n      workPool: k8s-prod\n",
                    spec -> spec.path("charts/platform/values-prod.yaml")),
            yaml(
            """
            etl-agent:
              agent:
                apiConfig: server
                serverApiConfig:
                  apiUrl: http://prefect-server.prefect:4200/api
            ingress:
              enabled: false
            """,
            """
            etl-agent:
              worker:
                apiConfig: selfHostedServer
                selfHostedServerApiConfig:
                  apiUrl: http://prefect-server.prefect:4200/api
            ingress:
              enabled: false
            """,
            spec -> spec.path("envs/prod/platform.yaml")));
    }

    // with the subchart recipe, as the Prefect 2 to 3 composite runs them: the dependency and the chart's own values
    // are that recipe's, the file outside is moved once, and a second run changes nothing
    @Test
    void withTheSubchartRecipeEachFileMovesOnce() {
        rewriteRun(spec -> spec.recipes(new MigrateHelmAgentSubchartToWorker(), new MigrateHelmAgentReleasesToWorker()),
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 1.4.0
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
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
            prefect-agent:
              agent:
                config:
                  workPool: k8s
            """,
            """
            prefect-worker:
              worker:
                config:
                  workPool: k8s
            """,
            spec -> spec.path("charts/platform/values-prod.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                config:
                  workPool: k8s-prod
            """,
            """
            prefect-worker:
              worker:
                config:
                  workPool: k8s-prod
            """,
            spec -> spec.path("envs/prod/platform.yaml")),
            yaml(APPLICATION.replace("    - ../../envs/prod/missing.yaml\n", "").replace(
                    "    - https://raw.githubusercontent.com/acme/shared/main/prefect.yaml\n", ""),
                    spec -> spec.path("argocd/platform.yaml")));
    }

    // a path chart of this repository that does not depend on the agent chart, one outside the repository, and a
    // source of another chart: their value files are not the agent subchart's
    @Test
    void otherPathSourcesAreLeftAlone() {
        rewriteRun(
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                path: charts/own
                helm:
                  valueFiles: [../../envs/prod/own.yaml]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                path: ../elsewhere/platform
                helm:
                  valueFiles: [../../envs/prod/own.yaml]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              sources:
                - path: charts/platform
                  helm:
                    valueFiles: [$values/envs/prod/own.yaml]
                - repoURL: https://github.com/acme/platform.git
                  ref: other
            """,
            spec -> spec.path("argocd/apps.yaml")),
            yaml(
            """
            apiVersion: v2
            name: own
            version: 0.1.0
            """,
            spec -> spec.path("charts/own/Chart.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                config:
                  workPool: k8s
            etl-agent:
              agent:
                config:
                  workPool: k8s
            """,
            spec -> spec.path("envs/prod/own.yaml")));
    }
}
