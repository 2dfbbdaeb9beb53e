package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class MigrateHelmAgentSubchartToWorkerTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentSubchartToWorker());
    }

    // an umbrella chart over the removed prefect-agent chart: only the image tag used to move
    @DocumentExample
    @Test
    void agentSubchartBecomesWorkerSubchart() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("charts/agent/Chart.yaml");
                    assertThat(r.line()).isEqualTo(6);
                    assertThat(r.code()).isEqualTo("PF203");
                    // no Chart.lock: fetching the new chart is the next step, not a fix left undone
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).contains("version >=2025.3.7033449", "`helm dependency update` in charts/agent")
                            .doesNotContain("Chart.lock");
                })
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("charts/agent/values.yaml");
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.code()).isEqualTo("BHV005");
                    assertThat(r.message()).contains("pool `k8s` is a prefect-agent pool");
                })),
            yaml(
            """
            apiVersion: v2
            name: agent
            version: 1.4.0
            dependencies:
              # the Prefect agent
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
                condition: prefect-agent.enabled
              - name: redis
                version: 17.3.2
                repository: https://charts.bitnami.com/bitnami
            """,
            """
            apiVersion: v2
            name: agent
            version: 1.4.0
            dependencies:
              # the Prefect agent
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
                condition: prefect-worker.enabled
              - name: redis
                version: 17.3.2
                repository: https://charts.bitnami.com/bitnami
            """,
            spec -> spec.path("charts/agent/Chart.yaml")),
            yaml(
            """
            prefect-agent:
              enabled: true
              agent:
                image:
                  prefectTag: 2.14.3-python3.11-kubernetes
                config:
                  workQueues: [etl, reports]   # both teams
                  workPool: k8s
                apiConfig: server
                serverApiConfig:
                  apiUrl: http://prefect-server:4200/api
            redis:
              architecture: standalone
            """,
            """
            prefect-worker:
              enabled: true
              worker:
                image:
                  prefectTag: 3.8.3-python3.11-kubernetes
                config:
                  workQueues: [etl, reports]   # both teams
                  workPool: k8s
                apiConfig: selfHostedServer
                selfHostedServerApiConfig:
                  apiUrl: http://prefect-server:4200/api
            redis:
              architecture: standalone
            """,
            spec -> spec.path("charts/agent/values.yaml")));
    }

    // the values key of an aliased dependency is the alias, which stays (templates and other values name it)
    @Test
    void anAliasedSubchartKeepsItsAlias() {
        rewriteRun(
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 0.1.0
            dependencies:
            - name: prefect-agent
              alias: etl-agent
              version: '~2023.6'
              repository: "@prefect"
              condition: etl-agent.enabled
            """,
            """
            apiVersion: v2
            name: platform
            version: 0.1.0
            dependencies:
            - name: prefect-worker
              alias: etl-agent
              version: '>=2025.3.7033449'
              repository: "@prefect"
              condition: etl-agent.enabled
            """,
            spec -> spec.path("deploy/platform/Chart.yaml")),
            yaml(
            """
            etl-agent:
              agent:
                config:
                  workPool: etl
            """,
            """
            etl-agent:
              worker:
                config:
                  workPool: etl
            """,
            spec -> spec.path("deploy/platform/values-prod.yaml")),
            // another chart's values are not the umbrella chart's
            yaml(
            """
            etl-agent:
              agent:
                config:
                  workPool: etl
            """,
            spec -> spec.path("deploy/other/values.yaml")));
    }

    // a Chart.lock beside the Chart.yaml still pins prefect-agent: `helm dependency build` refuses it until updated
    @Test
    void aLockFileIsReportedAndLeftAlone() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("its Chart.lock still pins prefect-agent");
                })),
            yaml(
            """
            apiVersion: v2
            name: agent
            version: 1.0.0
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            """
            apiVersion: v2
            name: agent
            version: 1.0.0
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("Chart.yaml")),
            text(
            """
            dependencies:
            - name: prefect-agent
              repository: https://prefecthq.github.io/prefect-helm
              version: 2023.6.8
            digest: sha256:0e4b
            generated: "2023-06-09T10:00:00Z"
            """,
            spec -> spec.path("Chart.lock")));
    }

    // rewrite-yaml reads [{...}] as one scalar: the dependency and its values stay, and a note says what to write
    @Test
    void anInlineDependencyListIsLeftWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("written inline", "`name: prefect-worker`");
                })),
            yaml(
            """
            apiVersion: v2
            dependencies: [{name: prefect-agent, version: 2023.6.8, repository: https://prefecthq.github.io/prefect-helm}]
            """,
            spec -> spec.path("Chart.yaml")),
            yaml("prefect-agent:\n  agent:\n    config:\n      workPool: k8s\n", spec -> spec.path("values.yaml")));
    }

    // in the composite the image upgrade comes after: the subchart's tag gets the worker chart's Kubernetes flavour,
    // as a top-level agent.image.prefectTag does
    @Test
    void theCompositeMovesTheSubchartTagAsTheAgentChartsOwn() {
        rewriteRun(spec -> spec.recipeFromResources("dev.migrate.prefect.MigratePrefectInfrastructureToPrefect3"),
            yaml(
            """
            apiVersion: v2
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("charts/agent/Chart.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                image:
                  prefectTag: 2-latest
                config:
                  workPool: k8s
            """,
            """
            prefect-worker:
              worker:
                image:
                  prefectTag: 3.8.3-python3.11-kubernetes
                config:
                  workPool: k8s
            """,
            spec -> spec.path("charts/agent/values.yaml")));
    }

    @Test
    void otherDependenciesAndLocalCopiesAreLeftAlone() {
        rewriteRun(
            yaml(
            """
            apiVersion: v2
            name: agent
            version: 1.0.0
            dependencies:
              - name: prefect-agent
                version: 0.1.0
                repository: file://../prefect-agent
              - name: prefect-server
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("Chart.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                config:
                  workPool: k8s
            """,
            spec -> spec.path("values.yaml")));
    }

    // values files anywhere in the umbrella chart's directory configure its subchart, whatever their names: the
    // Chart.yaml's dependency says so, not the file name; a vendored subchart and the templates are not values files
    @Test
    void valuesFilesInTheChartsSubdirectoriesMoveToo() {
        rewriteRun(
            yaml(
            """
            apiVersion: v2
            name: platform
            version: 0.2.0
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
                condition: prefect-agent.enabled
            """,
            """
            apiVersion: v2
            name: platform
            version: 0.2.0
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
                condition: prefect-worker.enabled
            """,
            spec -> spec.path("helm/platform/Chart.yaml")),
            yaml(
            """
            # production
            prefect-agent:
              agent:
                config:
                  workPool: k8s-prod
            """,
            """
            # production
            prefect-worker:
              worker:
                config:
                  workPool: k8s-prod
            """,
            spec -> spec.path("helm/platform/values/prod.yaml")),
            // only the switch the renamed condition reads: it must move with it
            yaml(
            """
            prefect-agent:
              enabled: false
            """,
            """
            prefect-worker:
              enabled: false
            """,
            spec -> spec.path("helm/platform/environments/dev/values.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                apiConfig: server
                config:
                  workPool: ci
            """,
            """
            prefect-worker:
              worker:
                apiConfig: selfHostedServer
                config:
                  workPool: ci
            """,
            spec -> spec.path("helm/platform/ci/lint-values.yaml")),
            // outside every chart, only the unaliased key holding agent values says which chart it configures
            yaml(
            """
            prefect-agent:
              agent:
                config:
                  workPool: k8s-staging
            """,
            """
            prefect-worker:
              worker:
                config:
                  workPool: k8s-staging
            """,
            spec -> spec.path("environments/staging/platform.yaml")),
            yaml("prefect-agent:\n  enabled: true\n", spec -> spec.path("environments/staging/switches.yaml")),
            // not values files of the umbrella chart
            yaml("prefect-agent:\n  agent:\n    config:\n      workPool: x\n",
                    spec -> spec.path("helm/platform/templates/values-example.yaml")),
            yaml("apiVersion: v1\nkind: ConfigMap\nprefect-agent:\n  enabled: true\n",
                    spec -> spec.path("helm/platform/extra/cm.yaml")),
            yaml("apiVersion: v2\nname: tools\nversion: 0.1.0\n", spec -> spec.path("helm/platform/charts/tools/Chart.yaml")),
            yaml("prefect-agent:\n  enabled: true\n", spec -> spec.path("helm/platform/charts/tools/values.yaml")),
            yaml("apiVersion: v2\nname: other\nversion: 0.1.0\n", spec -> spec.path("helm/other/Chart.yaml")),
            yaml("prefect-agent:\n  agent:\n    config:\n      workPool: x\n", spec -> spec.path("helm/other/values.yaml")));
    }

    // requirements.yaml (an apiVersion v1 chart) has the same dependencies; import-values child paths are the
    // subchart's values, parents under its key are the umbrella chart's; a requirements.lock is stale
    @Test
    void requirementsYamlAndImportValuesMove() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.sourcePath()).isEqualTo("chart/requirements.yaml");
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("its requirements.lock still pins prefect-agent");
                })),
            yaml(
            """
            dependencies:
            - name: prefect-agent
              version: ~2023.6.8
              repository: "@prefect"
              tags: [prefect-agent, workers]
              condition: prefect-agent.agent.enabled,global.agents
              import-values:
                - child: agent.serverApiConfig
                  parent: agentApi
                - child: agent.config
                  parent: prefect-agent.copied
                - data
            """,
            """
            dependencies:
            - name: prefect-worker
              version: ">=2025.3.7033449"
              repository: "@prefect"
              tags: [prefect-agent, workers]
              condition: prefect-worker.worker.enabled,global.agents
              import-values:
                - child: worker.selfHostedServerApiConfig
                  parent: agentApi
                - child: worker.config
                  parent: prefect-worker.copied
                - data
            """,
            spec -> spec.path("chart/requirements.yaml")),
            text("dependencies:\n- name: prefect-agent\n  version: 2023.6.8\ndigest: sha256:1\n",
                    spec -> spec.path("chart/requirements.lock")));
    }

    // the archive `helm dependency update` fetched cannot be rewritten: a note says to delete it and fetch the worker
    @Test
    void aVendoredAgentArchiveGetsANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .anySatisfy(r -> {
                    assertThat(r.manual()).isTrue();
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.message()).startsWith("ops/chart/charts/prefect-agent-2023.6.8.tgz is the vendored "
                            + "prefect-agent chart").contains("delete it, then run `helm dependency update` in ops/chart");
                })),
            yaml(
            """
            apiVersion: v2
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("ops/chart/Chart.yaml")),
            // stands for the archive, which the engine lists but does not parse; it is never edited
            text("binary", spec -> spec.path("ops/chart/charts/prefect-agent-2023.6.8.tgz")),
            text("binary", spec -> spec.path("ops/chart/charts/redis-17.3.2.tgz")));
    }

    // a second run finds the prefect-worker dependency it wrote: nothing changes, but the lock that still pins
    // prefect-agent and the vendored archive are the same manual items the first run reported, at the same line
    @Test
    void aSecondRunStillReportsTheStaleLockAndTheVendoredArchive() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("ops/chart/Chart.yaml");
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.code()).isEqualTo("PF203");
                })
                .anySatisfy(r -> assertThat(r.message()).isEqualTo("the removed prefect-agent chart is now a "
                        + "prefect-worker dependency, version >=2025.3.7033449 (the first prefect-worker release that "
                        + "reads the migrated values, such as `selfHostedServerApiConfig`); run `helm dependency update` "
                        + "in ops/chart: its Chart.lock still pins prefect-agent, and `helm dependency build` refuses the "
                        + "stale lock (update it with that command, not by hand)"))
                .anySatisfy(r -> assertThat(r.message()).startsWith("ops/chart/charts/prefect-agent-2023.6.8.tgz is the "
                        + "vendored prefect-agent chart"))),
            yaml(
            """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("ops/chart/Chart.yaml")),
            text(
            """
            dependencies:
            - name: prefect-agent
              repository: https://prefecthq.github.io/prefect-helm
              version: 2023.6.8
            digest: sha256:0e4b
            """,
            spec -> spec.path("ops/chart/Chart.lock")),
            text("binary", spec -> spec.path("ops/chart/charts/prefect-agent-2023.6.8.tgz")));
    }

    // the steps were taken (the lock pins the worker chart, no agent archive is left), or the worker chart was always
    // there: nothing to report
    @Test
    void aWorkerDependencyWithAnUpdatedLockIsQuiet() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            yaml(
            """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("ops/chart/Chart.yaml")),
            text("dependencies:\n- name: prefect-worker\n  version: 2025.3.7033449\ndigest: sha256:9\n",
                    spec -> spec.path("ops/chart/Chart.lock")),
            text("binary", spec -> spec.path("ops/chart/charts/prefect-worker-2025.3.7033449.tgz")),
            yaml(
            """
            dependencies:
              - name: prefect-worker
                repository: file://../prefect-worker
            """,
            spec -> spec.path("forks/chart/requirements.yaml")),
            text("dependencies:\n- name: prefect-agent\n  version: 2023.6.8\n", spec -> spec.path("forks/chart/requirements.lock")));
    }

    // an overlay merged over the chart's values.yaml inherits its pool: no stand-in pool overrides it, and the pool
    // note is the values.yaml's alone
    @Test
    void anOverlayInheritsThePoolOfTheChartsValues() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.sourcePath()).isEqualTo("platform/values/prod.yaml"))
                .anySatisfy(r -> {
                    assertThat(r.sourcePath()).isEqualTo("platform/values.yaml");
                    assertThat(r.code()).isEqualTo("BHV005");
                })),
            yaml(
            """
            apiVersion: v2
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """,
            """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """,
            spec -> spec.path("platform/Chart.yaml")),
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
            spec -> spec.path("platform/values.yaml")),
            yaml(
            """
            prefect-agent:
              agent:
                config:
                  workQueues: [prod]
            """,
            """
            prefect-worker:
              worker:
                config:
                  workQueues: [prod]
            """,
            spec -> spec.path("platform/values/prod.yaml")));
    }

    // before: a values.yaml written as a flow mapping named no pool, and the overlay got the stand-in over it
    @Test
    void anOverlayInheritsAPoolTheChartsValuesNameInAFlowMapping() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.sourcePath()).isEqualTo("platform/values/prod.yaml"))),
            yaml(UMBRELLA_CHART, UMBRELLA_CHART_MOVED, spec -> spec.path("platform/Chart.yaml")),
            yaml("prefect-agent: {agent: {config: {workPool: k8s}}}\n",
                    "prefect-worker: {worker: {config: {workPool: k8s}}}\n", spec -> spec.path("platform/values.yaml")),
            yaml(PROD_OVERLAY, PROD_OVERLAY_MOVED, spec -> spec.path("platform/values/prod.yaml")));
    }

    // before: the Application's own values, which Argo CD merges over its value files, were not read
    @Test
    void aValueFileOfArgoSourcesThatNameThePoolTakesNoStandIn() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.sourcePath()).isEqualTo("platform/values/prod.yaml"))),
            yaml(UMBRELLA_CHART, UMBRELLA_CHART_MOVED, spec -> spec.path("platform/Chart.yaml")),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: platform-prod
            spec:
              source:
                repoURL: https://github.com/acme/platform.git
                path: platform
                helm:
                  valueFiles:
                    - values/prod.yaml
                  values: |
                    prefect-agent:
                      agent:
                        config:
                          workPool: k8s-prod
            """, spec -> spec.path("argocd/platform-prod.yaml")),
            yaml(PROD_OVERLAY, PROD_OVERLAY_MOVED, spec -> spec.path("platform/values/prod.yaml")));
    }

    // the same overlay that no reader names a pool for: the stand-in, as before
    @Test
    void aValueFileOfArgoSourcesThatNameNoPoolGetsTheStandIn() {
        rewriteRun(
            yaml(UMBRELLA_CHART, UMBRELLA_CHART_MOVED, spec -> spec.path("platform/Chart.yaml")),
            yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: platform-prod
            spec:
              source:
                repoURL: https://github.com/acme/platform.git
                path: platform
                helm:
                  valueFiles:
                    - values/prod.yaml
                  values: |
                    prefect-agent:
                      agent:
                        image:
                          prefectTag: 2-python3.11
            """, spec -> spec.path("argocd/platform-prod.yaml")),
            yaml(PROD_OVERLAY, PROD_OVERLAY_MOVED.replace("      workQueues: [prod]\n",
                    "      workQueues: [prod]\n      workPool: kubernetes-pool\n"), spec -> spec.path("platform/values/prod.yaml")));
    }

    private static final String UMBRELLA_CHART = """
            apiVersion: v2
            dependencies:
              - name: prefect-agent
                version: 2023.6.8
                repository: https://prefecthq.github.io/prefect-helm
            """;
    private static final String UMBRELLA_CHART_MOVED = """
            apiVersion: v2
            dependencies:
              - name: prefect-worker
                version: ">=2025.3.7033449"
                repository: https://prefecthq.github.io/prefect-helm
            """;
    private static final String PROD_OVERLAY = """
            prefect-agent:
              agent:
                config:
                  workQueues: [prod]
            """;
    private static final String PROD_OVERLAY_MOVED = """
            prefect-worker:
              worker:
                config:
                  workQueues: [prod]
            """;
}
