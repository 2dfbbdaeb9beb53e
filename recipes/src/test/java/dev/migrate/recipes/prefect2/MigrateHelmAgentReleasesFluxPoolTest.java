package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A Flux HelmRelease's work pool may come from its valuesFrom objects, which Flux merges before the release's own
 * values: the chart's required {@code worker.config.workPool} is then no gap, and no stand-in pool may override it.
 */
class MigrateHelmAgentReleasesFluxPoolTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateHelmAgentReleasesToWorker());
    }

    // the pool was in the ConfigMap: the release got `workPool: kubernetes-pool` inline, overriding it
    @Test
    void aPoolTheRepositorysConfigMapNamesIsRead() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.message()).contains("requires `worker.config.workPool`"))
                .noneSatisfy(r -> assertThat(r.message()).contains("serves work pool `kubernetes-pool`"))
                .anySatisfy(r -> assertThat(r.message()).contains("the agent's pool `etl-k8s` is a prefect-agent pool"))),
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
                  name: agent-pool
              values:
                agent:
                  image:
                    prefectTag: 2-latest
                  config:
                    workQueues: [etl]
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
                  name: agent-pool
              values:
                worker:
                  image:
                    prefectTag: 3.8.3-python3.11-kubernetes
                  config:
                    workQueues: [etl]
            """,
            spec -> spec.path("clusters/prod/release.yaml")),
            yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: agent-pool
              namespace: prefect
            data:
              values.yaml: |
                agent:
                  config:
                    workPool: etl-k8s
            """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: agent-pool
              namespace: prefect
            data:
              values.yaml: |
                worker:
                  config:
                    workPool: etl-k8s
            """,
            spec -> spec.path("clusters/prod/agent-pool.yaml")));
    }

    // a ConfigMap made outside the repository: the note says the pool comes from there, and none is added inline
    @Test
    void aPoolFromAnObjectOutsideTheRepositoryIsSaidToComeFromIt() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .noneSatisfy(r -> assertThat(r.message()).contains("requires `worker.config.workPool`"))
                .anySatisfy(r -> {
                    assertThat(r.line()).isEqualTo(12);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("ConfigMap `platform-values`").contains("the release's own values "
                            + "do not set it, so the work pool the worker serves comes from that object");
                })),
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
              valuesFrom:
                - kind: ConfigMap
                  name: platform-values
              values:
                agent:
                  config:
                    workQueues: [etl]
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
              valuesFrom:
                - kind: ConfigMap
                  name: platform-values
              values:
                worker:
                  config:
                    workQueues: [etl]
            """,
            spec -> spec.path("clusters/prod/release.yaml")));
    }
}
