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

    // helm-controller v2's chartRef names the chart's source instead of a chart template: the OCIRepository (written
    // after the release, in another file) moves to the worker chart with its version, the release's values and the
    // ConfigMap it reads too; a source no agent release names stays, and a digest only a person can replace
    @Test
    void fluxChartRefToAnOciRepositoryOfTheAgentChart() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/prefect/release.yaml");
                    assertThat(r.line()).isEqualTo(10);
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).contains("OCIRepository `prefect-agent`, which now serves the prefect-worker chart");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/prefect/sources.yaml");
                    assertThat(r.line()).isEqualTo(8);
                    assertThat(r.message()).contains("this OCIRepository now serves the prefect-worker chart");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/prefect/sources.yaml");
                    assertThat(r.line()).isEqualTo(20);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("`ref.digest` pins the prefect-agent chart's artifact");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/prefect/agent-values.yaml");
                    assertThat(r.code()).isEqualTo("BHV005");
                })
                .noneSatisfy(r -> assertThat(r.line()).isEqualTo(29))),
            yaml(
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              interval: 10m
              chartRef:
                kind: OCIRepository
                name: prefect-agent
              valuesFrom:
                - kind: ConfigMap
                  name: agent-values
              values:
                agent:
                  config:
                    workPool: k8s
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: pinned-agent
              namespace: prefect
            spec:
              chartRef:
                kind: OCIRepository
                name: pinned-agent
            """,
            """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              interval: 10m
              chartRef:
                kind: OCIRepository
                name: prefect-agent
              valuesFrom:
                - kind: ConfigMap
                  name: agent-values
              values:
                worker:
                  config:
                    workPool: k8s
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: pinned-agent
              namespace: prefect
            spec:
              chartRef:
                kind: OCIRepository
                name: pinned-agent
            """,
            spec -> spec.path("clusters/prod/prefect/release.yaml")),
            yaml(
            """
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              interval: 1h
              url: oci://ghcr.io/acme/charts/prefect-agent
              ref:
                semver: 2023.6.x   # the last agent chart
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: pinned-agent
              namespace: prefect
            spec:
              url: oci://ghcr.io/acme/charts/prefect-agent
              ref:
                digest: sha256:4d1c7f
                tag: 2023.6.8
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: staging
            spec:
              url: oci://ghcr.io/acme/charts/prefect-agent
              ref:
                tag: 2023.6.8
            """,
            """
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: prefect
            spec:
              interval: 1h
              url: oci://ghcr.io/acme/charts/prefect-worker
              ref:
                semver: ">=2025.3.7033449"   # the last agent chart
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: pinned-agent
              namespace: prefect
            spec:
              url: oci://ghcr.io/acme/charts/prefect-worker
              ref:
                digest: sha256:4d1c7f
                tag: 2025.3.7033449
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: staging
            spec:
              url: oci://ghcr.io/acme/charts/prefect-agent
              ref:
                tag: 2023.6.8
            """,
            spec -> spec.path("clusters/prod/prefect/sources.yaml")),
            yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: agent-values
              namespace: prefect
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
              name: agent-values
              namespace: prefect
            data:
              values.yaml: |
                worker:
                  config:
                    workPool: k8s
            """,
            spec -> spec.path("clusters/prod/prefect/agent-values.yaml")));
    }

    // a chartRef to a HelmChart object (another namespace, named explicitly): its chart and version move
    @Test
    void fluxChartRefToAHelmChartOfTheAgentChart() {
        rewriteRun(
            yaml(
            """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmChart
            metadata:
              name: prefect-agent
              namespace: flux-system
            spec:
              chart: prefect-agent
              version: 2023.6.8
              sourceRef:
                kind: HelmRepository
                name: prefect
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: agent
              namespace: prefect
            spec:
              chartRef:
                kind: HelmChart
                name: prefect-agent
                namespace: flux-system
              values:
                agent:
                  apiConfig: server
                  config:
                    workPool: k8s
            """,
            """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmChart
            metadata:
              name: prefect-agent
              namespace: flux-system
            spec:
              chart: prefect-worker
              version: ">=2025.3.7033449"
              sourceRef:
                kind: HelmRepository
                name: prefect
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: agent
              namespace: prefect
            spec:
              chartRef:
                kind: HelmChart
                name: prefect-agent
                namespace: flux-system
              values:
                worker:
                  apiConfig: selfHostedServer
                  config:
                    workPool: k8s
            """,
            spec -> spec.path("infrastructure/prefect.yaml")));
    }

    // a chartRef to the worker chart, to a source of the agent chart in another namespace, or to a source this
    // repository does not hold: nothing is known to be the agent chart, nothing moves
    @Test
    void fluxChartRefsToOtherSourcesAreLeftAlone() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            yaml(
            """
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-worker
              namespace: prefect
            spec:
              url: oci://ghcr.io/acme/charts/prefect-worker
              ref:
                tag: 2025.3.7033449
            ---
            apiVersion: source.toolkit.fluxcd.io/v1beta2
            kind: OCIRepository
            metadata:
              name: prefect-agent
              namespace: legacy
            spec:
              url: oci://ghcr.io/acme/charts/prefect-agent
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: worker
              namespace: prefect
            spec:
              chartRef:
                kind: OCIRepository
                name: prefect-worker
              values:
                agent:
                  config:
                    workPool: k8s
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: agent
              namespace: prefect
            spec:
              chartRef:
                kind: OCIRepository
                name: prefect-agent
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: elsewhere
              namespace: prefect
            spec:
              chartRef:
                kind: HelmChart
                name: prefect-agent
                namespace: flux-system
              values:
                agent:
                  config:
                    workPool: k8s
            """,
            spec -> spec.path("clusters/prod/prefect.yaml")));
    }

    // several sources: `$values/...` reads the repository of the source with `ref: values`, from its root; the file
    // of this repository it names is moved (another with agent values, not named, stays); the others get notes
    @Test
    void argoCdValueFilesOfThisRepositoryMove() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("clusters/prod/prefect/agent.yaml");
                    assertThat(r.line()).isEqualTo(1);
                    assertThat(r.message()).contains("serves work pool `kubernetes-pool`");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("argocd/prefect-agent.yaml");
                    assertThat(r.line()).isEqualTo(13);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).startsWith("the values file `$values/clusters/prod/prefect/missing.yaml` is "
                            + "not in this repository").contains("`serverApiConfig` is `selfHostedServerApiConfig`");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(14);
                    assertThat(r.message()).contains("is fetched from the web");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(15);
                    assertThat(r.message()).contains("`$shared/prefect.yaml` is not in this repository");
                })
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(29);
                    assertThat(r.message()).contains("`values-prod.yaml` is read from inside the chart Argo CD fetches");
                })
                .noneSatisfy(r -> assertThat(r.line()).isEqualTo(16))
                .noneSatisfy(r -> assertThat(r.sourcePath()).isEqualTo("clusters/staging/prefect/agent.yaml"))),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
              namespace: argocd
            spec:
              sources:
                - repoURL: https://prefecthq.github.io/prefect-helm
                  chart: prefect-agent
                  targetRevision: 2023.6.8
                  helm:
                    valueFiles:
                      - $values/clusters/prod/prefect/missing.yaml
                      - https://raw.githubusercontent.com/acme/shared/main/prefect.yaml
                      - $shared/prefect.yaml
                      - values.yaml
                      - $values/clusters/prod/prefect/agent.yaml
                - repoURL: https://github.com/acme/gitops.git
                  targetRevision: main
                  ref: values
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                chart: prefect-agent
                helm:
                  valueFiles:
                    - values-prod.yaml
            """,
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: prefect-agent
              namespace: argocd
            spec:
              sources:
                - repoURL: https://prefecthq.github.io/prefect-helm
                  chart: prefect-worker
                  targetRevision: ">=2025.3.7033449"
                  helm:
                    valueFiles:
                      - $values/clusters/prod/prefect/missing.yaml
                      - https://raw.githubusercontent.com/acme/shared/main/prefect.yaml
                      - $shared/prefect.yaml
                      - values.yaml
                      - $values/clusters/prod/prefect/agent.yaml
                - repoURL: https://github.com/acme/gitops.git
                  targetRevision: main
                  ref: values
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source:
                chart: prefect-worker
                helm:
                  valueFiles:
                    - values-prod.yaml
            """,
            spec -> spec.path("argocd/prefect-agent.yaml")),
            yaml(
            """
            agent:
              config:
                workQueues: [etl]
              apiConfig: server
              serverApiConfig:
                apiUrl: http://prefect-server.prefect:4200/api
            """,
            """
            worker:
              config:
                workQueues: [etl]
                workPool: kubernetes-pool
              apiConfig: selfHostedServer
              selfHostedServerApiConfig:
                apiUrl: http://prefect-server.prefect:4200/api
            """,
            spec -> spec.path("clusters/prod/prefect/agent.yaml")),
            yaml("agent:\n  config:\n    workPool: k8s\n", spec -> spec.path("clusters/staging/prefect/agent.yaml")));
    }

    // a value file in this repository sets the pool: no note asks a parameter for it
    @Test
    void argoCdParametersBesideAValueFileThatSetsThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.message()).contains("which no parameter"))),
            yaml(
            """
            apiVersion: argoproj.io/v1
            kind: Application
            spec:
              sources:
                - chart: prefect-agent
                  helm:
                    valueFiles: [$cfg/prefect/agent.yaml]
                    parameters:
                      - name: agent.apiConfig
                        value: server
                - repoURL: https://github.com/acme/platform
                  ref: cfg
            """,
            """
            apiVersion: argoproj.io/v1
            kind: Application
            spec:
              sources:
                - chart: prefect-worker
                  helm:
                    valueFiles: [$cfg/prefect/agent.yaml]
                    parameters:
                      - name: worker.apiConfig
                        value: selfHostedServer
                - repoURL: https://github.com/acme/platform
                  ref: cfg
            """,
            spec -> spec.path("apps/prefect.yaml")),
            yaml("agent:\n  config:\n    workPool: k8s\n", "worker:\n  config:\n    workPool: k8s\n",
                    spec -> spec.path("prefect/agent.yaml")));
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
