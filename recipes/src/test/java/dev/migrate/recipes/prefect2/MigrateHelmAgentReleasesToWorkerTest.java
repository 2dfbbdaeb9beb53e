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

    // a string in another style is not rewritten: a note says what to move; parameters name the worker chart's paths
    @Test
    void argoCdValuesItCannotEditGetANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(7);
                    assertThat(r.message()).contains("`helm.values` is not rewritten", "`serverApiConfig` is "
                            + "`selfHostedServerApiConfig`", "`apiConfig: server` is `selfHostedServer`");
                })),
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
                    - name: worker.config.workPool
                      value: k8s
            """,
            spec -> spec.path("argocd/agent.yaml")));
    }

    // parameters are dotted values paths: renamed with the catalogue's data, values and the image tag too
    @Test
    void argoCdParametersNameTheWorkerChartsPaths() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).hasSize(2)
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(10);
                    assertThat(r.message()).contains("requires `worker.config.workPool`, which no parameter");
                })
                .anySatisfy(r -> {
                    // rewrite-yaml reads a flow mapping in a sequence as one opaque string
                    assertThat(r.line()).isEqualTo(15);
                    assertThat(r.message()).contains("written inline", "`agent.image.prefectTag` is `worker.image.prefectTag`");
                })),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
            spec:
              source:
                chart: prefect-agent
                targetRevision: 2023.6.8
                helm:
                  parameters:
                    - name: agent.apiConfig
                      value: server
                    - name: agent.serverApiConfig.apiUrl
                      value: http://prefect-server.prefect:4200/api
                    - {name: agent.image.prefectTag, value: 2.14.3-python3.10-kubernetes}
                    - name: agent.image.prefectTag
                      value: 2.14.3-python3.10-kubernetes
                    - name: agent.config.workQueues[0]
                      value: etl
                      forceString: true
                    - name: fullnameOverride
                      value: prefect-agent
            """,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
            spec:
              source:
                chart: prefect-worker
                targetRevision: ">=2025.3.7033449"
                helm:
                  parameters:
                    - name: worker.apiConfig
                      value: selfHostedServer
                    - name: worker.selfHostedServerApiConfig.apiUrl
                      value: http://prefect-server.prefect:4200/api
                    - {name: agent.image.prefectTag, value: 2.14.3-python3.10-kubernetes}
                    - name: worker.image.prefectTag
                      value: 3.8.3-python3.10-kubernetes
                    - name: worker.config.workQueues[0]
                      value: etl
                      forceString: true
                    - name: fullnameOverride
                      value: prefect-agent
            """,
            spec -> spec.path("argocd/agent.yaml")));
    }

    // valuesFrom: a ConfigMap written in the repository has its values moved (a literal block), a Secret's stringData
    // too; base64 data and objects made elsewhere get a note naming them; a targetPath is renamed in the release
    @Test
    void fluxValuesFromObjectsInTheRepositoryMove() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/agent-values.yaml");
                    assertThat(r.line()).isEqualTo(9);
                    assertThat(r.code()).isEqualTo("BHV005");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/agent-values.yaml");
                    assertThat(r.line()).isEqualTo(20);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("base64-encoded");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/release.yaml");
                    assertThat(r.line()).isEqualTo(15);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("ConfigMap `shared-prefect-values` (key `values.yaml`) are made "
                            + "outside this repository");
                })
                .noneSatisfy(r -> assertThat(r.message()).contains("`valuesFrom`"))),
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              chart:
                spec:
                  chart: prefect-agent
                  version: 2023.6.8
              valuesFrom:
                - kind: ConfigMap
                  name: prefect-agent-values
                - kind: ConfigMap
                  name: shared-prefect-values
                - kind: Secret
                  name: prefect-agent-api
                  valuesKey: api.yaml
                - kind: Secret
                  name: prefect-agent-auth
                  valuesKey: auth
                - kind: Secret
                  name: prefect-agent-key
                  valuesKey: key
                  targetPath: agent.cloudApiConfig.apiKey
            """,
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              chart:
                spec:
                  chart: prefect-worker
                  version: ">=2025.3.7033449"
              valuesFrom:
                - kind: ConfigMap
                  name: prefect-agent-values
                - kind: ConfigMap
                  name: shared-prefect-values
                - kind: Secret
                  name: prefect-agent-api
                  valuesKey: api.yaml
                - kind: Secret
                  name: prefect-agent-auth
                  valuesKey: auth
                - kind: Secret
                  name: prefect-agent-key
                  valuesKey: key
                  targetPath: worker.cloudApiConfig.apiKey
            """,
            spec -> spec.path("clusters/prod/release.yaml")),
            yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prefect-agent-values
              namespace: prefect
            data:
              values.yaml: |
                # tuned for prod
                agent:
                  config:
                    workPool: k8s   # the old pool
                  image:
                    prefectTag: 2-latest
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: prefect-agent-auth
            data:
              auth: YWdlbnQ6IHt9Cg==
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: prefect-agent-api
            stringData:
              api.yaml: |-
                agent:
                  apiConfig: server
                  serverApiConfig:
                    apiUrl: http://prefect-server:4200/api
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prefect-agent-values
              namespace: staging
            data:
              values.yaml: |
                agent:
                  config:
                    workPool: k8s
            """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prefect-agent-values
              namespace: prefect
            data:
              values.yaml: |
                # tuned for prod
                worker:
                  config:
                    workPool: k8s   # the old pool
                  image:
                    prefectTag: 3.8.3-python3.11-kubernetes
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: prefect-agent-auth
            data:
              auth: YWdlbnQ6IHt9Cg==
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: prefect-agent-api
            stringData:
              api.yaml: |-
                worker:
                  apiConfig: selfHostedServer
                  selfHostedServerApiConfig:
                    apiUrl: http://prefect-server:4200/api
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prefect-agent-values
              namespace: staging
            data:
              values.yaml: |
                agent:
                  config:
                    workPool: k8s
            """,
            spec -> spec.path("clusters/prod/agent-values.yaml")));
    }

    // kustomize makes the ConfigMap from a values file: that file's agent values move
    @Test
    void fluxValuesFromAKustomizeGeneratedConfigMapMovesItsFile() {
        rewriteRun(
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            kind: HelmRelease
            metadata:
              name: agent
            spec:
              chart:
                spec:
                  chart: prefect-agent
              valuesFrom:
                - kind: ConfigMap
                  name: agent-values
                  valuesKey: overrides.yaml
            """,
            """
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            kind: HelmRelease
            metadata:
              name: agent
            spec:
              chart:
                spec:
                  chart: prefect-worker
              valuesFrom:
                - kind: ConfigMap
                  name: agent-values
                  valuesKey: overrides.yaml
            """,
            spec -> spec.path("apps/prefect/release.yaml")),
            yaml(
            """
            namespace: prefect
            resources:
              - release.yaml
            configMapGenerator:
              - name: agent-values
                files:
                  - overrides.yaml=config/agent.yaml
              - name: unrelated
                files:
                  - config/other.yaml
            """,
            spec -> spec.path("apps/prefect/kustomization.yaml")),
            yaml(
            """
            agent:
              config:
                workQueues: [etl]
                workPool: k8s
            """,
            """
            worker:
              config:
                workQueues: [etl]
                workPool: k8s
            """,
            spec -> spec.path("apps/prefect/config/agent.yaml")),
            yaml("agent:\n  config:\n    workPool: k8s\n", spec -> spec.path("apps/prefect/config/other.yaml")));
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
