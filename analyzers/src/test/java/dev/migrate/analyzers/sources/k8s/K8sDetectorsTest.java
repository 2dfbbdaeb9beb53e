package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class K8sDetectorsTest {
    @Test
    void cronJobWithZonePolicyContainerAndEnv() {
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly-export
                  namespace: etl
                spec:
                  schedule: "0 4 * * *"
                  timeZone: America/New_York
                  concurrencyPolicy: Forbid
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: export
                              image: prefecthq/prefect:2.19.0-python3.11
                              command: ["python", "export.py"]
                              args: ["--since", "yesterday"]
                              env:
                                - name: PREFECT_AGENT_QUERY_INTERVAL
                                  value: "10"
                                - name: DB_PASSWORD
                                  valueFrom:
                                    secretKeyRef: {name: etl-db, key: password}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: unrelated}
                """;
        assertThat(DetectorHarness.run(new CronJobDetector(), "deploy/cron.yaml", yaml)).isEqualTo("""
                job k8s-cronjob-etl-nightly-export-3a420e79 k8s-cronjob 'etl/nightly-export' at deploy/cron.yaml:7:3
                  schedule CRON_UNIX '0 4 * * *' tz=America/New_York at deploy/cron.yaml:7:13
                  command python export.py --since yesterday
                  overlap SKIP
                  env {DB_PASSWORD=<secret etl-db>, PREFECT_AGENT_QUERY_INTERVAL=10}
                  attrs {concurrencyPolicy=Forbid, image=prefecthq/prefect:2.19.0-python3.11, namespace=etl, pythonScript=export.py}
                deploy/cron.yaml:7:3 K8S001 Kubernetes CronJob 'etl/nightly-export' (0 4 * * *) [k8s-cronjob-etl-nightly-export-3a420e79]
                deploy/cron.yaml:16:22 PF208 image prefecthq/prefect:2.19.0-python3.11 runs Prefect 2.19.0; move it to a Prefect 3 image once flows and settings are ready [k8s-cronjob-etl-nightly-export-3a420e79]
                deploy/cron.yaml:20:19 CFG001 setting PREFECT_AGENT_QUERY_INTERVAL is not read by Prefect 3.8.3; it is silently ignored after the upgrade [k8s-cronjob-etl-nightly-export-3a420e79]
                """);
    }

    @Test
    void helmTemplateCronJobIsReadAfterBlankingActions() {
        String yaml = """
                {{- if .Values.cleanup.enabled }}
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: {{ include "app.fullname" . }}-cleanup
                spec:
                  schedule: {{ .Values.cleanup.schedule | quote }}
                  concurrencyPolicy: Replace
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: cleanup
                              image: "{{ .Values.image }}"
                {{- end }}
                """;
        assertThat(DetectorHarness.run(new CronJobDetector(), "chart/templates/cleanup.yaml", yaml)).isEqualTo("""
                job k8s-cronjob-templated-cleanup-bae932c5 k8s-cronjob 'TEMPLATED-cleanup' at chart/templates/cleanup.yaml:7:3
                  schedule UNKNOWN 'TEMPLATED' at chart/templates/cleanup.yaml:7:13
                  overlap ALLOW
                  attrs {concurrencyPolicy=Replace, image=TEMPLATED}
                chart/templates/cleanup.yaml:7:3 K8S001 Kubernetes CronJob 'TEMPLATED-cleanup' (TEMPLATED) [k8s-cronjob-templated-cleanup-bae932c5]
                chart/templates/cleanup.yaml:7:13 K8S002 CronJob 'TEMPLATED-cleanup' has no timeZone; its schedule follows the controller's zone [k8s-cronjob-templated-cleanup-bae932c5]
                chart/templates/cleanup.yaml:8:22 K8S003 concurrencyPolicy Replace cancels the running job; Prefect cannot do that [k8s-cronjob-templated-cleanup-bae932c5]
                """);
    }

    @Test
    void helmTemplateReadsTheChartsValuesForActionsThatOnlyReadThem() {
        String template = """
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: {{ include "etl.fullname" . }}-sync
                spec:
                  schedule: {{ .Values.sync.schedule | quote }}
                  timeZone: {{ .Values.timeZone | default "UTC" }}
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: sync
                              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                              command: ["python", "-m", "etl.sync"]
                """;
        String values = """
                image:
                  repository: ghcr.io/acme/etl
                  tag: 1.4.2
                sync:
                  schedule: "*/30 6-20 * * 1-5"
                """;
        String found = DetectorHarness.run(new CronJobDetector(),
                new ScanFile("deploy/etl/templates/cronjob.yaml", template), new ScanFile("deploy/etl/values.yaml", values),
                new ScanFile("other/values.yaml", "sync:\n  schedule: '0 0 * * *'\n"));
        assertThat(found).contains("schedule CRON_UNIX '*/30 6-20 * * 1-5' tz=UTC at deploy/etl/templates/cronjob.yaml:6:13",
                "image=ghcr.io/acme/etl:1.4.2",
                "helm.values=deploy/etl/values.yaml",
                "helm.valuesUsed=.Values.sync.schedule=*/30 6-20 * * 1-5; .Values.timeZone=UTC; "
                        + ".Values.image.repository=ghcr.io/acme/etl; .Values.image.tag=1.4.2");
        // without the chart's values, the same template's schedule stays unknown
        assertThat(DetectorHarness.run(new CronJobDetector(), "deploy/etl/templates/cronjob.yaml", template))
                .contains("schedule UNKNOWN 'TEMPLATED'");
    }

    @Test
    void agentDeploymentAndWorkerValues() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: agent, namespace: prefect}
                spec:
                  template:
                    spec:
                      containers:
                        - name: agent
                          image: prefecthq/prefect:2-latest
                          args: ["prefect", "agent", "start", "--work-queue", "k8s"]
                """;
        assertThat(DetectorHarness.run(new PrefectWorkloadDetector(), "k8s/agent.yaml", deployment)).isEqualTo("""
                job prefect-agent-agent-k8s-96a4d184 prefect-agent 'agent k8s' at k8s/agent.yaml:10:19
                  command prefect agent start --work-queue k8s
                  overlap UNKNOWN
                  attrs {image=prefecthq/prefect:2-latest, namespace=prefect, workQueue=k8s, workload=Deployment/agent}
                k8s/agent.yaml:9:18 PF208 image prefecthq/prefect:2-latest runs Prefect 2; move it to a Prefect 3 image once flows and settings are ready [prefect-agent-agent-k8s-96a4d184]
                k8s/agent.yaml:10:19 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run `prefect worker start --pool POOL` on a typed work pool [prefect-agent-agent-k8s-96a4d184]
                """);
        String values = """
                agent:
                  image:
                    prefectTag: 2.16.4-python3.11
                  config:
                    workPool: legacy
                worker:
                  image:
                    prefectTag: 3-latest
                  config:
                    workPool: k8s
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "ops/values-prod.yaml", values)).isEqualTo("""
                job prefect-agent-agent-legacy-9de2dd46 prefect-agent 'agent legacy' at ops/values-prod.yaml:1:1
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, prefectTag=2.16.4-python3.11, workPool=legacy}
                job prefect-worker-worker-k8s-397d7d20 prefect-worker 'worker k8s' at ops/values-prod.yaml:6:1
                  overlap UNKNOWN
                  attrs {chart=prefect-worker, prefectTag=3-latest, workPool=k8s}
                ops/values-prod.yaml:1:1 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-legacy-9de2dd46]
                ops/values-prod.yaml:3:17 PF208 Helm values pin Prefect image tag 2.16.4-python3.11 [prefect-agent-agent-legacy-9de2dd46]
                ops/values-prod.yaml:6:1 PF291 prefect-worker Helm chart for work pool 'k8s' [prefect-worker-worker-k8s-397d7d20]
                """);
    }

    // an umbrella chart over the agent chart: before, neither its Chart.yaml nor its values were reported
    @Test
    void agentSubchartOfAnUmbrellaChart() {
        String chart = """
                apiVersion: v2
                name: platform
                dependencies:
                  - name: prefect-agent
                    version: 2023.6.8
                    repository: https://prefecthq.github.io/prefect-helm
                  - name: prefect-agent
                    alias: etl-agent
                    repository: "@prefect"
                  - name: prefect-agent
                    version: 0.1.0
                    repository: file://../prefect-agent
                  - name: redis
                    version: 17.3.2
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "charts/platform/Chart.yaml", chart)).isEqualTo("""
                charts/platform/Chart.yaml:4:11 PF203 Helm chart dependency on prefect-agent 2023.6.8; the chart was removed with Prefect 3: depend on the prefect-worker chart and move the `prefect-agent.agent` values to `prefect-worker.worker`
                charts/platform/Chart.yaml:7:11 PF203 Helm chart dependency on prefect-agent; the chart was removed with Prefect 3: depend on the prefect-worker chart and move the `etl-agent.agent` values to `etl-agent.worker`
                """);
        String values = """
                prefect-agent:
                  agent:
                    image:
                      prefectTag: 2-python3.11-kubernetes
                    config:
                      workQueues: [etl]
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "charts/platform/values.yaml", values)).isEqualTo("""
                job prefect-agent-agent-etl-0cb42ebb prefect-agent 'agent etl' at charts/platform/values.yaml:2:3
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=subchart, prefectTag=2-python3.11-kubernetes, workQueue=etl}
                charts/platform/values.yaml:2:3 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-etl-0cb42ebb]
                charts/platform/values.yaml:4:19 PF208 Helm values pin Prefect image tag 2-python3.11-kubernetes [prefect-agent-agent-etl-0cb42ebb]
                """);
    }

    // a self-hosted 2.x server installed with the prefect-server chart was no finding at all: no pause before its
    // upgrade (BHV006), and its 2.x tag, which the image recipe moves, unreported
    @Test
    void prefectServerChartValuesAreASelfHostedServer() {
        String values = """
                server:
                  image:
                    repository: prefecthq/prefect
                    prefectTag: 2.14.3-python3.11
                  prefectApiUrl: http://localhost:4200/api
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "charts/server/values.yaml", values)).isEqualTo("""
                charts/server/values.yaml:1:1 BHV006 Prefect 2.14.3-python3.11 server of the prefect-server Helm chart: pause every deployment schedule before upgrading it to Prefect 3
                charts/server/values.yaml:1:1 PF292 self-hosted Prefect server (prefect-server Helm chart values)
                charts/server/values.yaml:2:3 PF227 prefect-server chart value `server.image` is `global.prefect.image` from chart 2025.1.23213604 on, which the Prefect 3 releases of the chart read
                charts/server/values.yaml:4:17 PF208 Helm values pin Prefect image tag 2.14.3-python3.11
                charts/server/values.yaml:5:3 PF227 prefect-server chart value `server.prefectApiUrl` is `server.uiConfig.prefectUiApiUrl` from chart 2025.3.7033449 on, which the Prefect 3 releases of the chart read
                """);
        String umbrella = """
                prefect-server:
                  server:
                    image:
                      prefectTag: 3-latest
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml", umbrella)).isEqualTo("""
                values.yaml:2:3 PF292 self-hosted Prefect server (prefect-server Helm chart values)
                values.yaml:3:5 PF227 prefect-server chart value `prefect-server.server.image` is `global.prefect.image` from chart 2025.1.23213604 on, which the Prefect 3 releases of the chart read
                """);
        // another chart's `server:` without Prefect's tag key is not Prefect's
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml",
                "server:\n  image:\n    repository: nginx\n    tag: 1.25\n")).isEmpty();
    }

    // the current chart's values (image under global.prefect) were no server at all; a 2.x tag there is one to pause
    // schedules for; the keys the chart removed are each reported with what replaces them
    @Test
    void prefectServerChartValuesOfItsPrefect3Releases() {
        String values = """
                global:
                  prefect:
                    image:
                      prefectTag: 2.20.13-python3.11
                    prefectApiHost: 0.0.0.0
                server:
                  uiConfig:
                    prefectUiApiUrl: https://prefect.example.org/api
                    prefectUiEnabled: false
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml", values)).isEqualTo("""
                values.yaml:4:19 PF208 Helm values pin Prefect image tag 2.20.13-python3.11
                values.yaml:5:5 PF227 prefect-server chart value `global.prefect.prefectApiHost` was removed in chart 2025.3.7033449: delete it: the address the UI calls the API at is `server.uiConfig.prefectUiApiUrl` (a URL ending in /api, not a host); an address for the server to listen on goes in `server.env` as PREFECT_SERVER_API_HOST
                values.yaml:6:1 BHV006 Prefect 2.20.13-python3.11 server of the prefect-server Helm chart: pause every deployment schedule before upgrading it to Prefect 3
                values.yaml:6:1 PF292 self-hosted Prefect server (prefect-server Helm chart values)
                values.yaml:9:5 PF227 prefect-server chart value `server.uiConfig.prefectUiEnabled` was removed in chart 2025.3.7033449: delete it; to keep the UI off, add `PREFECT_UI_ENABLED` with value 'false' to `server.env`
                """);
        // current values: a server, nothing to move
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml",
                "server:\n  uiConfig:\n    prefectUiApiUrl: http://localhost:4200/api\n")).isEqualTo(
                "values.yaml:1:1 PF292 self-hosted Prefect server (prefect-server Helm chart values)\n");
    }

    // the worker chart's own default `workPool: ""` was a release for a pool named '': the chart starts the worker
    // with `--pool ""`, which serves nothing; the finding says what to set, and the job is named by the release
    @Test
    void workerValuesWithoutAWorkPool() {
        String empty = """
                worker:
                  image:
                    prefectTag: 3.8.3-python3.12-kubernetes
                  config:
                    workPool: ""
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "deploy/worker/values.yaml", empty)).isEqualTo("""
                job prefect-worker-worker-f7f807bc prefect-worker 'worker' at deploy/worker/values.yaml:1:1
                  overlap UNKNOWN
                  attrs {chart=prefect-worker, prefectTag=3.8.3-python3.12-kubernetes}
                deploy/worker/values.yaml:1:1 PF291 prefect-worker Helm chart with no work pool [prefect-worker-worker-f7f807bc]
                deploy/worker/values.yaml:5:15 PF226 prefect-worker Helm chart values set `worker.config.workPool` empty: the chart starts the worker with `--pool ""`, a pool with no name, which no deployment is sent to; set `worker.config.workPool` to the typed pool its deployments name in `work_pool` (create it first: prefect work-pool create NAME --type kubernetes) [prefect-worker-worker-f7f807bc]
                """);
        String missing = """
                worker:
                  config:
                    type: ecs
                    workQueues: [etl, reports]
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values-prod.yaml", missing)).contains(
                "prefect-worker 'worker etl,reports'", "attrs {chart=prefect-worker, workQueue=etl,reports, workerType=ecs}",
                "values-prod.yaml:1:1 PF226 prefect-worker Helm chart values name no `worker.config.workPool`: unless another "
                        + "values file of the release sets it", "prefect work-pool create NAME --type ecs")
                .doesNotContain("''", "workPool=");
    }

    // the chart is known by a key only it has (PrefectAgentChart, which the rewrite asks too): an agent values file
    // that sets only the Cloud workspace was missed; the jenkins chart's `agent.image` is not Prefect's
    @Test
    void agentChartValuesAreKnownByTheChartsOwnKeys() {
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml",
                "agent:\n  apiConfig: cloud\n  cloudApiConfig:\n    accountId: 0b6e5a8c\n    workspaceId: 4f1d\n"))
                .contains("prefect-agent 'agent default'", "values.yaml:1:1 PF203 prefect-agent Helm chart values");
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "ci/jenkins/values.yaml",
                "agent:\n  image:\n    repository: jenkins/inbound-agent\n    tag: 3206.vb_15dcf73f6a_9-1\n")).isEmpty();
    }

    // values under the dependency's alias are the agent's only when that directory's Chart.yaml names the alias
    @Test
    void agentValuesUnderASubchartAlias() {
        String chart = "apiVersion: v2\ndependencies:\n  - {name: prefect-agent, alias: etl, repository: \"@prefect\"}\n";
        String values = "etl:\n  agent:\n    config:\n      workPool: etl-pool\n";
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/a/values.yaml", values),
                new ScanFile("charts/a/Chart.yaml", chart))).contains(
                "job prefect-agent-agent-etl-pool-", "attrs {chart=prefect-agent, chartInstalledBy=subchart, workPool=etl-pool}",
                "charts/a/values.yaml:2:3 PF203 prefect-agent Helm chart values");
        // another chart's values, and a key no dependency aliases
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/b/values.yaml", values),
                new ScanFile("charts/a/Chart.yaml", chart))).doesNotContain("job ");
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/a/values.yaml",
                values.replace("etl:", "other:")), new ScanFile("charts/a/Chart.yaml", chart))).doesNotContain("job ");
    }

    // a release of the agent chart declared for Flux or Argo CD: inline values (a values string too) are an agent
    // release, else the chart
    @Test
    void gitOpsReleasesOfTheAgentChart() {
        String manifests = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                spec:
                  chart: {spec: {chart: prefect-agent, version: 2023.6.8}}
                  values:
                    agent:
                      config: {workPool: k8s}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  sources:
                    - chart: prefect-agent
                      helm: {values: "agent: {config: {workPool: k8s}}"}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  source: {chart: prefect-worker, helm: {valuesObject: {worker: {config: {workPool: k8s}}}}}
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "gitops/prefect.yaml", manifests)).isEqualTo("""
                job prefect-agent-agent-k8s-631c9f74 prefect-agent 'agent k8s' at gitops/prefect.yaml:6:5
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=HelmRelease, workPool=k8s}
                job prefect-agent-agent-k8s-1bbfd199 prefect-agent 'agent k8s' at gitops/prefect.yaml:14:22
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=Application, workPool=k8s}
                gitops/prefect.yaml:6:5 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-k8s-631c9f74]
                gitops/prefect.yaml:14:22 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-k8s-1bbfd199]
                """);
    }

    // values in a block string are read where they stand; parameters set the values they name
    @Test
    void argoCdValuesStringsAndParametersAreAgentReleases() {
        String app = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  sources:
                    - chart: prefect-agent
                      helm:
                        values: |
                          agent:
                            image:
                              prefectTag: 2-python3.10-kubernetes
                            config:
                              workPool: etl
                    - chart: prefect-agent
                      helm:
                        parameters:
                          - name: fullnameOverride
                            value: reports
                          - name: agent.config.workQueues[0]
                            value: reports
                          - name: agent.config.workQueues[1]
                            value: adhoc
                          - name: agent.image.prefectTag
                            value: 2.14.3
                    - chart: prefect-agent
                      helm:
                        parameters:
                          - {name: nameOverride, value: x}
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "argocd/agents.yaml", app)).isEqualTo("""
                job prefect-agent-agent-etl-5da5ebef prefect-agent 'agent etl' at argocd/agents.yaml:8:11
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=Application, prefectTag=2-python3.10-kubernetes, workPool=etl}
                job prefect-agent-agent-reports-adhoc-7d7ff9da prefect-agent 'agent reports,adhoc' at argocd/agents.yaml:18:13
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=Application, prefectTag=2.14.3, workQueue=reports,adhoc}
                argocd/agents.yaml:8:11 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-etl-5da5ebef]
                argocd/agents.yaml:10:27 PF208 Helm values pin Prefect image tag 2-python3.10-kubernetes [prefect-agent-agent-etl-5da5ebef]
                argocd/agents.yaml:18:13 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-reports-adhoc-7d7ff9da]
                argocd/agents.yaml:18:13 PF208 Helm values pin Prefect image tag 2.14.3 [prefect-agent-agent-reports-adhoc-7d7ff9da]
                argocd/agents.yaml:24:14 PF203 Application of the prefect-agent Helm chart; the chart was removed with Prefect 3: install the prefect-worker chart with its values under `worker:`
                """);
    }

    // valuesFrom reads a ConfigMap (here in another file, in the release's namespace): its values are the release's
    @Test
    void fluxValuesFromAConfigMapInTheRepositoryIsAnAgentRelease() {
        String release = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: agent, namespace: prefect}
                spec:
                  chart: {spec: {chart: prefect-agent}}
                  valuesFrom:
                    - kind: ConfigMap
                      name: agent-values
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: other, namespace: prefect}
                spec:
                  chart: {spec: {chart: prefect-agent}}
                  valuesFrom:
                    - {kind: Secret, name: made-elsewhere}
                """;
        String configMaps = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: agent-values, namespace: prefect}
                data:
                  values.yaml: |
                    agent:
                      config:
                        workPool: k8s
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: agent-values, namespace: staging}
                data:
                  values.yaml: |
                    agent:
                      config:
                        workPool: staging
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("flux/release.yaml", release),
                new ScanFile("flux/values.yaml", configMaps))).isEqualTo("""
                job prefect-agent-agent-k8s-adb32811 prefect-agent 'agent k8s' at flux/values.yaml:6:5
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=HelmRelease, workPool=k8s}
                flux/release.yaml:14:25 PF203 HelmRelease of the prefect-agent Helm chart; the chart was removed with Prefect 3: install the prefect-worker chart with its values under `worker:`
                flux/values.yaml:6:5 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-k8s-adb32811]
                """);
    }

    // helm-controller v2's chartRef names an OCIRepository or HelmChart (here written in a later file): a release is
    // the agent chart's when that source is; a chartRef to the worker chart, or to a source the repository does not
    // hold, is not reported
    @Test
    void fluxChartRefToASourceOfTheAgentChart() {
        String releases = """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: agent, namespace: prefect}
                spec:
                  chartRef: {kind: OCIRepository, name: prefect-agent}
                  values:
                    agent:
                      config: {workPool: k8s}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: reports, namespace: prefect}
                spec:
                  chartRef: {kind: HelmChart, name: agent-chart, namespace: flux-system}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: worker, namespace: prefect}
                spec:
                  chartRef: {kind: OCIRepository, name: prefect-worker}
                  values:
                    agent:
                      config: {workPool: k8s}
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: elsewhere, namespace: prefect}
                spec:
                  chartRef: {kind: HelmChart, name: made-elsewhere}
                """;
        String sources = """
                apiVersion: source.toolkit.fluxcd.io/v1beta2
                kind: OCIRepository
                metadata: {name: prefect-agent, namespace: prefect}
                spec:
                  url: oci://ghcr.io/acme/charts/prefect-agent
                  ref: {tag: 2023.6.8}
                ---
                apiVersion: source.toolkit.fluxcd.io/v1beta2
                kind: OCIRepository
                metadata: {name: prefect-worker, namespace: prefect}
                spec:
                  url: oci://ghcr.io/acme/charts/prefect-worker
                ---
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmChart
                metadata: {name: agent-chart, namespace: flux-system}
                spec:
                  chart: prefect-agent
                  sourceRef: {kind: HelmRepository, name: prefect}
                """;
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("flux/releases.yaml", releases),
                new ScanFile("flux/sources.yaml", sources))).isEqualTo("""
                job prefect-agent-agent-k8s-c9da24b7 prefect-agent 'agent k8s' at flux/releases.yaml:7:5
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=HelmRelease, workPool=k8s}
                flux/releases.yaml:7:5 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-k8s-c9da24b7]
                flux/releases.yaml:14:37 PF203 HelmRelease of the prefect-agent Helm chart; the chart was removed with Prefect 3: install the prefect-worker chart with its values under `worker:`
                """);
        // the release's file alone, as a scan would hand it: the keyword in chartRef lets the prefilter through
        assertThat(new HelmValuesDetector().prefilter().keywords()).contains("chartRef");
    }

    // an Argo CD source reads `$values/path` through the source with `ref: values`: that file of the repository holds
    // the release's values, whatever its name; a file it does not name (or names through no ref) is not a release
    @Test
    void argoCdValueFilesReadThroughARefSourceAreTheReleasesValues() {
        String app = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: prefect-agent}
                spec:
                  sources:
                    - chart: prefect-agent
                      repoURL: https://prefecthq.github.io/prefect-helm
                      helm:
                        valueFiles:
                          - $values/argocd/prod/./prefect.yaml
                          - $values/argocd/prod/missing.yaml
                    - repoURL: https://github.com/acme/gitops.git
                      ref: values
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  source:
                    chart: prefect-agent
                    helm: {valueFiles: [$other/argocd/staging/prefect.yaml]}
                """;
        String values = "# prod\nagent:\n  config:\n    workQueues: [etl]\n";
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("argocd/apps.yaml", app),
                new ScanFile("argocd/prod/prefect.yaml", values), new ScanFile("argocd/staging/prefect.yaml", values)))
                .isEqualTo("""
                job prefect-agent-agent-etl-330f2bd9 prefect-agent 'agent etl' at argocd/prod/prefect.yaml:2:1
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=Application, workQueue=etl}
                argocd/apps.yaml:19:12 PF203 Application of the prefect-agent Helm chart; the chart was removed with Prefect 3: install the prefect-worker chart with its values under `worker:`
                argocd/prod/prefect.yaml:2:1 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-etl-330f2bd9]
                """);
        // a values file is reported by its name already: the Application reading it adds no second finding
        String read = DetectorHarness.run(new HelmValuesDetector(), new ScanFile("argocd/apps.yaml",
                app.replace("./prefect.yaml", "values-prefect.yaml")),
                new ScanFile("argocd/prod/values-prefect.yaml", "agent:\n  config: {workPool: k8s}\n"));
        assertThat(read).contains("argocd/apps.yaml:19:12 PF203", "argocd/prod/values-prefect.yaml:1:1 PF203")
                .doesNotContain("argocd/apps.yaml:6:");
        assertThat(read.lines().filter(l -> l.startsWith("job "))).hasSize(1);
    }

    // an Argo CD source with a git `path:` installs the umbrella chart there and reads its plain value files relative to
    // it: a file outside the chart holds the subchart's values under its alias, tied to the chart by the Application
    @Test
    void argoCdPathSourceValueFilesOutsideTheUmbrellaChart() {
        String app = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: platform-prod}
                spec:
                  source:
                    repoURL: https://github.com/acme/platform.git
                    path: charts/platform/
                    helm:
                      valueFiles:
                        - values-prod.yaml
                        - ../../envs/prod/./platform.yaml
                        - ../../../outside/platform.yaml
                        - https://raw.githubusercontent.com/acme/shared/main/platform.yaml
                """;
        String chart = "apiVersion: v2\nname: platform\ndependencies:\n  - name: prefect-agent\n    alias: etl-agent\n"
                + "    repository: https://prefecthq.github.io/prefect-helm\n";
        String values = "etl-agent:\n  agent:\n    config:\n      workPool: k8s-prod\n";
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("argocd/platform.yaml", app),
                new ScanFile("charts/platform/Chart.yaml", chart), new ScanFile("envs/prod/platform.yaml", values),
                new ScanFile("envs/staging/platform.yaml", values)))
                .isEqualTo("""
                job prefect-agent-agent-k8s-prod-c4211969 prefect-agent 'agent k8s-prod' at envs/prod/platform.yaml:2:3
                  overlap UNKNOWN
                  attrs {chart=prefect-agent, chartInstalledBy=Application, workPool=k8s-prod}
                argocd/platform.yaml:10:11 PF203 value file `values-prod.yaml` of the umbrella chart in charts/platform, which depends on the removed prefect-agent chart, is not in this repository: the rewrite cannot move the subchart's values there; under the subchart's key (`prefect-agent:` becomes `prefect-worker:`, an alias stays) move them from `agent:` to `worker:`
                argocd/platform.yaml:12:11 PF203 value file `../../../outside/platform.yaml` of the umbrella chart in charts/platform, which depends on the removed prefect-agent chart, is not in this repository: the rewrite cannot move the subchart's values there; under the subchart's key (`prefect-agent:` becomes `prefect-worker:`, an alias stays) move them from `agent:` to `worker:`
                argocd/platform.yaml:13:11 PF203 value file `https://raw.githubusercontent.com/acme/shared/main/platform.yaml` of the umbrella chart in charts/platform, which depends on the removed prefect-agent chart, is not in this repository: the rewrite cannot move the subchart's values there; under the subchart's key (`prefect-agent:` becomes `prefect-worker:`, an alias stays) move them from `agent:` to `worker:`
                charts/platform/Chart.yaml:4:11 PF203 Helm chart dependency on prefect-agent; the chart was removed with Prefect 3: depend on the prefect-worker chart and move the `etl-agent.agent` values to `etl-agent.worker`
                envs/prod/platform.yaml:2:3 PF203 prefect-agent Helm chart values; the chart was removed with Prefect 3, use the prefect-worker chart (`worker:` values) with a typed work pool [prefect-agent-agent-k8s-prod-c4211969]
                """);
        // a path chart that does not depend on the agent chart, one that leaves the repository, several sources, and a
        // file outside the repository read from the umbrella chart: none of them is the subchart's values
        String others = """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  source:
                    path: charts/own
                    helm: {valueFiles: [../../envs/prod/own.yaml]}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  source:
                    path: ../elsewhere/charts/platform
                    helm: {valueFiles: [../../../envs/prod/own.yaml]}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  sources:
                    - path: charts/platform
                      helm: {valueFiles: [../../envs/prod/own.yaml]}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                spec:
                  source:
                    path: charts/platform
                    helm: {valueFiles: [../../../envs/prod/own.yaml]}
                """;
        String report = DetectorHarness.run(new HelmValuesDetector(), new ScanFile("argocd/apps.yaml", others),
                new ScanFile("charts/own/Chart.yaml", "apiVersion: v2\nname: own\n"),
                new ScanFile("charts/platform/Chart.yaml", chart),
                new ScanFile("envs/prod/own.yaml", values));
        assertThat(report).doesNotContain("job ", "envs/prod/own.yaml:");
        // the one file outside the repository that the umbrella chart reads is reported as missing; the others are
        // no umbrella chart of this repository
        assertThat(report.lines().filter(l -> l.contains("is not in this repository"))).containsExactly("argocd/apps.yaml:27:25 "
                + "PF203 value file `../../../envs/prod/own.yaml` of the umbrella chart in charts/platform, which depends on "
                + "the removed prefect-agent chart, is not in this repository: the rewrite cannot move the subchart's values "
                + "there; under the subchart's key (`prefect-agent:` becomes `prefect-worker:`, an alias stays) move them "
                + "from `agent:` to `worker:`");
        // the Application's file alone names none of the prefilter's other keywords
        assertThat(new HelmValuesDetector().prefilter().keywords()).contains("valueFiles");
    }

    // the umbrella chart's values in a subdirectory, under its name or an alias the nearest chart above names
    @Test
    void subchartValuesInTheChartsSubdirectories() {
        String requirements = "dependencies:\n- name: prefect-agent\n  alias: etl\n  repository: \"@prefect\"\n";
        String values = "etl:\n  agent:\n    config:\n      workPool: etl-pool\n";
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/a/environments/prod/overrides.yaml",
                values), new ScanFile("charts/a/requirements.yaml", requirements))).contains(
                "charts/a/requirements.yaml:2:9 PF203 Helm chart dependency on prefect-agent",
                "attrs {chart=prefect-agent, chartInstalledBy=subchart, workPool=etl-pool}",
                "charts/a/environments/prod/overrides.yaml:2:3 PF203 prefect-agent Helm chart values");
        // a nearer chart without the alias claims the file
        assertThat(DetectorHarness.run(new HelmValuesDetector(), new ScanFile("charts/a/sub/values.yaml", values),
                new ScanFile("charts/a/requirements.yaml", requirements),
                new ScanFile("charts/a/sub/Chart.yaml", "apiVersion: v2\nname: sub\n"))).doesNotContain("job ");
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "deploy/values/prod.yaml",
                "prefect-agent:\n  agent:\n    config:\n      workPool: prod\n")).contains(
                "attrs {chart=prefect-agent, chartInstalledBy=subchart, workPool=prod}");
    }

    @Test
    void cronTzPrefixInTheScheduleIsTheTimeZone() {
        String yaml = """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata: {name: legacy}
                spec:
                  schedule: "CRON_TZ=Asia/Tokyo 30 9 * * 1-5"
                  jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: alpine}]}}}}
                """;
        assertThat(DetectorHarness.run(new CronJobDetector(), "legacy.yaml", yaml))
                .contains("schedule CRON_UNIX '30 9 * * 1-5' tz=Asia/Tokyo at legacy.yaml:5:13",
                        // found by the sweep: a CronJob written so today is refused when it is created
                        "K8S002 CronJob 'legacy' names its zone inside the schedule (CRON_TZ=Asia/Tokyo), which Kubernetes "
                                + "never supported officially and newer releases refuse when the CronJob is created: set "
                                + "spec.timeZone: Asia/Tokyo");
    }

    private static String cronJob(String schedule) {
        return DetectorHarness.run(new CronJobDetector(), "k8s/jobs.yaml", """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: month-end}
                spec:
                  schedule: "%s"
                  timeZone: Europe/Paris
                  jobTemplate: {spec: {template: {spec: {containers: [{name: a, image: alpine}]}}}}
                """.formatted(schedule));
    }

    /** Before: croniter's reading of a YAML file translated 0 0 L * * exactly, a schedule the API server refuses. */
    @Test
    void quartzDaysAreRefusedAsKubernetesRefusesThemNotTranslated() {
        assertThat(cronJob("0 0 L * *")).contains("schedule UNKNOWN '0 0 L * *' tz=Europe/Paris at k8s/jobs.yaml:5:13",
                "K8S005 Kubernetes does not take the schedule '0 0 L * *': L (the last day, or the last such weekday, of the "
                        + "month) is Quartz and croniter syntax: write the days it can fall on (28-31)");
        assertThat(cronJob("30 9 * * 5#3")).contains("schedule UNKNOWN", "K8S005", "D#N (the N-th such weekday");
        assertThat(cronJob("0 9 15W * *")).contains("schedule UNKNOWN", "K8S005", "W (the weekday nearest");
        assertThat(cronJob("0 3 * * 7")).contains("K8S005", "out of range for the day-of-week field (0-6, Sunday is 0");
        assertThat(cronJob("0 0 0 * * *")).contains("K8S005", "expected exactly 5 fields");
    }

    /** robfig/cron reads ? as *, N/s as N-max/s, and ORs a stepped day-of-month with a weekday (Vixie ANDs '*'/2). */
    @Test
    void whatKubernetesTakesIsReadAsItReadsIt() {
        assertThat(cronJob("0 0 ? * 1")).contains("schedule CRON_UNIX '0 0 * * 1'").doesNotContain("K8S005");
        assertThat(cronJob("5/15 * * * *")).contains("schedule CRON_UNIX '5-59/15 * * * *'");
        assertThat(cronJob("0 6 */2 * MON")).contains("schedule CRON_UNIX '0 6 1-31/2 * MON'");
        assertThat(cronJob("@every 1h30m")).contains("schedule INTERVAL 'PT5400S'");
        assertThat(cronJob("@daily")).contains("schedule CRON_UNIX '@daily'").doesNotContain("K8S005");
    }

    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(new CronJobDetector(), "a.yaml", "kind: Deployment\nmetadata: {name: CronJob}\n")).isEmpty();
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "values.yaml", "agent:\n  name: x\nworkPool: y\n")).isEmpty();
        assertThat(DetectorHarness.run(new HelmValuesDetector(), "Chart.yaml",
                "apiVersion: v2\nname: prefect-agent\ndependencies: [{name: prefect-worker, version: 2025.3.7033449}]\n")).isEmpty();
        assertThat(DetectorHarness.run(new PrefectWorkloadDetector(), "d.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: [{image: prefect-ui}]}}}\n")).isEmpty();
    }

    @Test
    void documentWithoutKindIsNotAnObjectEvenWhenItHoldsAManifest() {
        // a Prefect 2 build output: the Job manifest sits under infrastructure.job, the document has no kind
        String yaml = """
                name: load
                infrastructure:
                  type: kubernetes-job
                  command: [python, -m, prefect.engine]
                  job:
                    apiVersion: batch/v1
                    kind: Job
                    spec:
                      template:
                        spec:
                          containers:
                          - name: prefect-job
                            env: []
                entrypoint: flow.py:main
                """;
        assertThat(DetectorHarness.run(new PrefectWorkloadDetector(), "flows/deployment.yaml", yaml)).isEmpty();
        assertThat(DetectorHarness.run(new CronJobDetector(), "flows/deployment.yaml", yaml)).isEmpty();
    }
}
