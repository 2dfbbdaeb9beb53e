package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * The work pool a value file of an Argo CD source need not name: the umbrella chart's values.yaml names it in a flow
 * mapping, or the Application's own {@code helm.values} string, {@code valuesObject} or {@code parameters} (which Argo CD
 * merges over every value file) do. The file's moved values then take no stand-in pool, which would say the worker
 * serves a pool it does not, and get no note on a missing one (the run writes no note at all).
 */
class ArgoValueFilesInlinePoolTest implements RewriteTest {
    private static final String CHART = """
            apiVersion: v2
            name: platform
            version: 1.4.0
            dependencies:
              - name: prefect-agent
                alias: etl-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """;
    private static final String APPLICATION = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: platform-prod
            spec:
              source:
                repoURL: https://github.com/acme/platform.git
                targetRevision: main
                path: charts/platform
                helm:
                  valueFiles:
                    - ../../envs/prod/platform.yaml
            """;
    private static final String OVERLAY = """
            etl-agent:
              agent:
                config:
                  workQueues: [prod]
            """;
    private static final String OVERLAY_MOVED = """
            etl-agent:
              worker:
                config:
                  workQueues: [prod]
            """;
    private static final String OVERLAY_WITH_STAND_IN = """
            etl-agent:
              worker:
                config:
                  workQueues: [prod]
                  workPool: kubernetes-pool
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentReleasesToWorker());
    }

    // before: the flow mapping was not read, and the overlay got the stand-in pool over the chart's own
    @Test
    void theChartsValuesNameThePoolInAFlowMapping() {
        rewriteRun(
            yaml(APPLICATION, spec -> spec.path("argocd/platform.yaml")),
            yaml(CHART, spec -> spec.path("charts/platform/Chart.yaml")),
            yaml("etl-agent: {agent: {config: {workPool: k8s}}}\n", spec -> spec.path("charts/platform/values.yaml")),
            yaml(OVERLAY, OVERLAY_MOVED, spec -> spec.path("envs/prod/platform.yaml")));
    }

    @Test
    void theApplicationsValuesStringNamesThePool() {
        rewriteRun(
            yaml(APPLICATION + """
                          values: |
                            etl-agent:
                              agent:
                                config:
                                  workPool: k8s-prod
                    """, spec -> spec.path("argocd/platform.yaml")),
            yaml(CHART, spec -> spec.path("charts/platform/Chart.yaml")),
            yaml(OVERLAY, OVERLAY_MOVED, spec -> spec.path("envs/prod/platform.yaml")));
    }

    @Test
    void theApplicationsValuesObjectOrParameterNamesThePool() {
        rewriteRun(
            yaml(APPLICATION + """
                          valuesObject: {etl-agent: {agent: {config: {workPool: k8s-prod}}}}
                    """, spec -> spec.path("argocd/platform.yaml")),
            yaml(APPLICATION.replace("platform-prod", "platform-dr") + """
                          parameters:
                            - name: etl-agent.agent.config.workPool
                              value: k8s-dr
                    """, spec -> spec.path("argocd/platform-dr.yaml")),
            yaml(CHART, spec -> spec.path("charts/platform/Chart.yaml")),
            yaml(OVERLAY, OVERLAY_MOVED, spec -> spec.path("envs/prod/platform.yaml")));
    }

    // one reader names no pool: its release takes the file's pool, which the stand-in then is
    @Test
    void aReaderThatNamesNoPoolStillGetsTheStandIn() {
        rewriteRun(
            yaml(APPLICATION + """
                          valuesObject: {etl-agent: {agent: {config: {workPool: k8s-prod}}}}
                    """, spec -> spec.path("argocd/platform.yaml")),
            yaml(APPLICATION.replace("platform-prod", "platform-dr"), spec -> spec.path("argocd/platform-dr.yaml")),
            yaml(CHART, spec -> spec.path("charts/platform/Chart.yaml")),
            yaml(OVERLAY, OVERLAY_WITH_STAND_IN, spec -> spec.path("envs/prod/platform.yaml")));
    }

    // a source of the agent chart reading a value file of this repository through a ref source
    @Test
    void anAgentSourcesOwnValuesNameThePoolOfItsRefValueFile() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.sourcePath()).isEqualTo("envs/prod/agent.yaml"))),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: agent
            spec:
              sources:
                - repoURL: https://prefecthq.github.io/prefect-helm
                  chart: prefect-agent
                  targetRevision: 2023.6.8
                  helm:
                    valueFiles:
                      - $values/envs/prod/agent.yaml
                    values: |
                      agent:
                        config:
                          workPool: k8s
                - repoURL: https://github.com/acme/platform.git
                  targetRevision: main
                  ref: values
            """,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: agent
            spec:
              sources:
                - repoURL: https://prefecthq.github.io/prefect-helm
                  chart: prefect-worker
                  targetRevision: ">=2025.3.7033449"
                  helm:
                    valueFiles:
                      - $values/envs/prod/agent.yaml
                    values: |
                      worker:
                        config:
                          workPool: k8s
                - repoURL: https://github.com/acme/platform.git
                  targetRevision: main
                  ref: values
            """, spec -> spec.path("argocd/agent.yaml")),
            yaml("agent:\n  config:\n    workQueues: [prod]\n", "worker:\n  config:\n    workQueues: [prod]\n",
                    spec -> spec.path("envs/prod/agent.yaml")));
    }

    @Test
    void anApplicationOfAnotherChartIsUnchanged() {
        rewriteRun(
            yaml(APPLICATION.replace("path: charts/platform", "path: charts/other") + """
                          values: |
                            etl-agent:
                              agent:
                                config:
                                  workPool: k8s-prod
                    """));
    }
}
