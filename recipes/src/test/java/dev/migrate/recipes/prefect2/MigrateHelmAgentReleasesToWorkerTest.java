package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class MigrateHelmAgentReleasesToWorkerTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentReleasesToWorker());
    }

    @DocumentExample
    @Test
    void fluxHelmReleaseOfTheAgentChartInstallsTheWorkerChart() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(11);
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).contains("prefect-worker chart, version >=2025.3.7033449");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(16);
                    assertThat(r.message()).contains("serves work pool `kubernetes-pool`");
                })),
            yaml(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prefect
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta1
            kind: HelmRelease
            spec:
              chart:
                spec:
                  chart: prefect-agent
                  version: 2023.6.8  # last tested
                  sourceRef: {kind: HelmRepository, name: prefect}
              interval: 10m
              values:
                agent:
                  config:
                    workQueues: [etl]
                  apiConfig: server
                  serverApiConfig:
                    apiUrl: http://prefect-server:4200/api
            """,
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prefect
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta1
            kind: HelmRelease
            spec:
              chart:
                spec:
                  chart: prefect-worker
                  version: ">=2025.3.7033449"  # last tested
                  sourceRef: {kind: HelmRepository, name: prefect}
              interval: 10m
              values:
                worker:
                  config:
                    workQueues: [etl]
                    workPool: kubernetes-pool
                  apiConfig: selfHostedServer
                  selfHostedServerApiConfig:
                    apiUrl: http://prefect-server:4200/api
            """,
            spec -> spec.path("clusters/prod/prefect-agent.yaml")));
    }

    // a single source or one of several; values written as a block string are moved too, bytes around them kept
    @Test
    void argoCdApplicationOfTheAgentChartDeploysTheWorkerChart() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .hasSize(4)
                .anySatisfy(r -> {
                    // the agent: line inside the block string
                    assertThat(r.line()).isEqualTo(26);
                    assertThat(r.code()).isEqualTo("BHV005");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(12);
                    assertThat(r.code()).isEqualTo("BHV005");
                })),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
            spec:
              source:
                repoURL: https://prefecthq.github.io/prefect-helm
                chart: prefect-agent
                targetRevision: '2023.*'
                helm:
                  valuesObject:
                    agent:
                      config:
                        workPool: k8s
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              sources:
                - chart: prefect-agent
                  repoURL: https://prefecthq.github.io/prefect-helm
                  targetRevision: 2023.6.8
                  helm:
                    values: |
                      # from the old release
                      agent:
                        config:
                          workPool: k8s

                        apiConfig: server
                      fullnameOverride: etl
                - repoURL: https://github.com/acme/ops
                  path: prefect
            """,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
            spec:
              source:
                repoURL: https://prefecthq.github.io/prefect-helm
                chart: prefect-worker
                targetRevision: '>=2025.3.7033449'
                helm:
                  valuesObject:
                    worker:
                      config:
                        workPool: k8s
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              sources:
                - chart: prefect-worker
                  repoURL: https://prefecthq.github.io/prefect-helm
                  targetRevision: ">=2025.3.7033449"
                  helm:
                    values: |
                      # from the old release
                      worker:
                        config:
                          workPool: k8s

                        apiConfig: selfHostedServer
                      fullnameOverride: etl
                - repoURL: https://github.com/acme/ops
                  path: prefect
            """,
            spec -> spec.path("argocd/prefect.yaml")));
    }

    // parameters and a string in another style are not rewritten: a note says what to move
    @Test
    void argoCdValuesItCannotEditGetANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).hasSize(2)
                .allSatisfy(r -> assertThat(r.message()).contains("is not rewritten"))),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                chart: prefect-agent
                helm:
                  values: "agent: {config: {workPool: k8s}}"
                  parameters:
                    - name: agent.config.workPool
                      value: k8s
            """,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                chart: prefect-worker
                helm:
                  values: "agent: {config: {workPool: k8s}}"
                  parameters:
                    - name: agent.config.workPool
                      value: k8s
            """,
            spec -> spec.path("argocd/agent.yaml")));
    }

    @Test
    void otherChartsAndKindsAreLeftAlone() {
        rewriteRun(
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            spec:
              chart:
                spec:
                  chart: prefect-worker
                  version: 2025.3.7033449
              values:
                worker:
                  config:
                    workPool: k8s
            ---
            apiVersion: v1
            kind: ConfigMap
            data:
              chart: prefect-agent
            spec:
              chart:
                spec:
                  chart: prefect-agent
            """,
            spec -> spec.path("flux/worker.yaml")));
    }
}
