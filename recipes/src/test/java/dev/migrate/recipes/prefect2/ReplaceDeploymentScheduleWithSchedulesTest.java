package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class ReplaceDeploymentScheduleWithSchedulesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentScheduleWithSchedules());
    }

    @DocumentExample
    @Test
    void blockScheduleBecomesAOneItemList() {
        rewriteRun(yaml(
            """
            deployments:
              - name: iceberg-offload-15min
                entrypoint: iceberg_offload_flow.py:iceberg_offload_main
                # every quarter hour
                schedule:
                  cron: "*/15 * * * *"
                  timezone: UTC
                work_pool:
                  name: default
            """,
            """
            deployments:
              - name: iceberg-offload-15min
                entrypoint: iceberg_offload_flow.py:iceberg_offload_main
                # every quarter hour
                schedules:
                  - cron: "*/15 * * * *"
                    timezone: UTC
                work_pool:
                  name: default
            """,
            spec -> spec.path("docker/offload/flows/prefect.yaml")));
    }

    // `prefect init` writes sequences at the key's column (`deployments:` then `- name:`): the new list follows suit
    @Test
    void theNewListFollowsTheFilesIndentlessSequences() {
        rewriteRun(yaml(
            """
            pull:
            - prefect.deployments.steps.set_working_directory:
                directory: /opt/flows
            deployments:
            - name: train
              tags:
              - ml
              schedule:
                cron: 0 3 * * *
                timezone: UTC
              entrypoint: flows/train.py:train
            """,
            """
            pull:
            - prefect.deployments.steps.set_working_directory:
                directory: /opt/flows
            deployments:
            - name: train
              tags:
              - ml
              schedules:
              - cron: 0 3 * * *
                timezone: UTC
              entrypoint: flows/train.py:train
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void flowScheduleAndInactiveFlag() {
        rewriteRun(yaml(
            """
            deployments:
            - name: nightly
              schedule: {cron: "0 2 * * *", timezone: Europe/Paris}
              is_schedule_active: false
            """,
            """
            deployments:
            - name: nightly
              schedules: [{cron: "0 2 * * *", timezone: Europe/Paris, active: false}]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void inactiveFlagMovesIntoEachSchedule() {
        rewriteRun(yaml(
            """
            deployments:
              - name: nightly
                schedules:
                  - cron: "0 2 * * *"
                  - interval: 3600
                    timezone: UTC
                is_schedule_active: false
            """,
            """
            deployments:
              - name: nightly
                schedules:
                  - cron: "0 2 * * *"
                    active: false
                  - interval: 3600
                    timezone: UTC
                    active: false
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void emptyTemplateScheduleIsRemoved() {
        rewriteRun(yaml(
            """
            deployments:
            - name: adhoc
              schedule: {}
              entrypoint: flows/a.py:main
            """,
            """
            deployments:
            - name: adhoc
              entrypoint: flows/a.py:main
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // a census ETL project's prefect.yaml: `schedule: 0 0 1 1 * *` (a bare string) crashed the recipe, because
    // the generated list item read as a YAML alias
    @Test
    void scheduleThatIsNotAMappingIsLeftToAPerson() {
        // each note names the line of its deployment's `schedule:` (both said line 0, the same words twice)
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .allSatisfy(r -> assertThat(r.manual()).isTrue())
                .extracting(MigrationNotes.Row::line).containsExactly(4, 8)),
            yaml(
            """
            # deployments of the census project
            deployments:
            - name: econ
              schedule: 0 0 1 1 * *
              entrypoint: econ.py:econ

            - name: demo
              schedule: 0 0 1 1 * *
              entrypoint: demo.py:demo
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // a prefect.yaml sharing schedules through `definitions:` anchors: `schedule: *hourly` was left to a person
    // while `is_schedule_active: false` was removed "from a deployment without schedules", so the paused
    // deployment would have run once the person fixed the schedule
    @Test
    void aScheduleFromDefinitionsIsReferredToAndKeepsItsPause() {
        rewriteRun(yaml(
            """
            definitions:
              schedules:
                hourly: &hourly
                  interval: 3600
            deployments:
              - name: paused
                entrypoint: flows/etl.py:etl
                schedule: *hourly
                is_schedule_active: false
              - name: running
                entrypoint: flows/etl.py:etl
                schedule: *hourly
            """,
            """
            definitions:
              schedules:
                hourly: &hourly
                  interval: 3600
            deployments:
              - name: paused
                entrypoint: flows/etl.py:etl
                schedules: [{<<: *hourly, active: false}]
              - name: running
                entrypoint: flows/etl.py:etl
                schedules: [*hourly]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void prefect3FileIsLeftAlone() {
        rewriteRun(yaml(
            """
            deployments:
            - name: nightly
              schedules:
              - cron: "0 2 * * *"
                active: true
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void otherYamlFilesAreLeftAlone() {
        rewriteRun(yaml(
            """
            deployments:
            - name: nightly
              schedule: {cron: "0 2 * * *"}
            """,
            spec -> spec.path("k8s/values.yaml")));
    }
}
