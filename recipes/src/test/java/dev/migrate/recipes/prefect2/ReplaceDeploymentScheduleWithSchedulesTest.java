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

    // a schedule that already said `active: true` got a second `active: false` beside it: a duplicate key, which YAML
    // forbids and loaders settle each their own way; one that said `active: false` keeps it as it is
    @Test
    void aSchedulesOwnActiveKeyTakesThePauseInPlace() {
        rewriteRun(yaml(
            """
            deployments:
              - name: nightly
                schedules:
                  - cron: "0 2 * * *"
                    active: true  # weekdays too
                    timezone: UTC
                  - interval: 3600
                    active: false
                  - {rrule: "FREQ=WEEKLY", active: yes}
                is_schedule_active: false
            """,
            """
            deployments:
              - name: nightly
                schedules:
                  - cron: "0 2 * * *"
                    active: false  # weekdays too
                    timezone: UTC
                  - interval: 3600
                    active: false
                  - {rrule: "FREQ=WEEKLY", active: false}
                is_schedule_active: false
            """.replace("    is_schedule_active: false\n", ""),
            spec -> spec.path("prefect.yaml")));
    }

    // `is_schedule_active: no` is false to PyYAML, so to Prefect: the pause was dropped and the schedule ran in 3.x
    @Test
    void everySpellingOfFalsePausesTheSchedules() {
        rewriteRun(yaml(
            """
            deployments:
              - name: a
                schedule:
                  cron: "0 7 * * *"
                is_schedule_active: no
              - name: b
                schedule: {interval: 600}
                is_schedule_active: Off
            """,
            """
            deployments:
              - name: a
                schedules:
                  - cron: "0 7 * * *"
                    active: false
              - name: b
                schedules: [{interval: 600, active: false}]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // a value filled in at deploy time was dropped without a word: Prefect 3 renders a template in `active:`
    @Test
    void aTemplatedFlagIsCarriedOntoEachSchedule() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("is_schedule_active")).extracting(MigrationNotes.Row::message)
                .anySatisfy(m -> assertThat(m).contains("is now `active: \"{{ $ACTIVE }}\"` on each schedule"))
                .anySatisfy(m -> assertThat(m).contains("is now `active: '{{ prefect.variables.b_active }}'` on each schedule"))),
            yaml(
            """
            definitions:
              hourly: &hourly
                cron: "0 * * * *"
            deployments:
              - name: a
                schedule:
                  cron: "0 8 * * *"
                is_schedule_active: "{{ $ACTIVE }}"
              - name: b
                schedules:
                  - *hourly
                  - interval: 600
                    active: false
                is_schedule_active: '{{ prefect.variables.b_active }}'
            """,
            """
            definitions:
              hourly: &hourly
                cron: "0 * * * *"
            deployments:
              - name: a
                schedules:
                  - cron: "0 8 * * *"
                    active: "{{ $ACTIVE }}"
              - name: b
                schedules:
                  - <<: *hourly
                    active: '{{ prefect.variables.b_active }}'
                  - interval: 600
                    active: false
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aTrueFlagIsOnlyRemoved() {
        rewriteRun(yaml(
            """
            deployments:
              - name: a
                schedules:
                  - cron: "0 8 * * *"
                is_schedule_active: yes
            """,
            """
            deployments:
              - name: a
                schedules:
                  - cron: "0 8 * * *"
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

    /**
     * Prefect 2 read a naive anchor_date as UTC whatever the timezone (PrefectHQ/prefect#9763): 09:00 with New York ran at
     * 04:00 New York. Prefect 3 versions read the naive form as UTC or as local time, so the digits are carried at
     * {@code +00:00}, the instant Prefect 2 used, and a note says how to write the local time if that was meant.
     */
    @Test
    void aNaiveAnchorOutsideUtcKeepsTheInstantPrefect2Read() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(MigrationNotes.Row::message).singleElement().satisfies(m -> assertThat(m)
                        .contains("is now `2024-01-01T09:00:00+00:00`")
                        .contains("the runs stay where Prefect 2 put them (at 09:00 UTC, 04:00 in America/New_York on 2024-01-01)")
                        .contains("if 09:00 in America/New_York was meant, write `anchor_date: 2024-01-01T14:00:00+00:00`"))),
            yaml(
            """
            deployments:
              - name: nightly
                schedule:
                  interval: 86400
                  anchor_date: "2024-01-01T09:00:00"  # nine in the morning
                  timezone: America/New_York
            """,
            """
            deployments:
              - name: nightly
                schedules:
                  - interval: 86400
                    anchor_date: "2024-01-01T09:00:00+00:00"  # nine in the morning
                    timezone: America/New_York
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // must not change the anchor: one with its offset already, or with timezone UTC, is one instant to every version
    @Test
    void anAwareAnchorOrAUtcScheduleKeepsItsAnchor() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            yaml(
            """
            deployments:
              - name: a
                schedule:
                  interval: 3600
                  anchor_date: 2024-01-01T09:00:00-05:00
                  timezone: America/New_York
              - name: b
                schedule:
                  interval: 3600
                  anchor_date: 2024-01-01T09:00:00
                  timezone: Etc/UTC
            """,
            """
            deployments:
              - name: a
                schedules:
                  - interval: 3600
                    anchor_date: 2024-01-01T09:00:00-05:00
                    timezone: America/New_York
              - name: b
                schedules:
                  - interval: 3600
                    anchor_date: 2024-01-01T09:00:00
                    timezone: Etc/UTC
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // a schedule shared through `definitions:` and given as `schedule: *daily` was Prefect 2's: its definition
    // carries the instant Prefect 2 read, which every deployment referring to it shares
    @Test
    void aNaiveAnchorInASharedDefinitionKeepsTheInstantPrefect2Read() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(MigrationNotes.Row::message).singleElement().asString()
                .contains("`anchor_date: 2024-01-01T09:00:00` with `timezone: Europe/Berlin` is now `2024-01-01T09:00:00+00:00`")),
            yaml(
            """
            definitions:
              schedules:
                daily: &daily
                  interval: 86400
                  anchor_date: 2024-01-01T09:00:00
                  timezone: Europe/Berlin
            deployments:
              - name: a
                schedule: *daily
              - name: b
                schedule: *daily
            """,
            """
            definitions:
              schedules:
                daily: &daily
                  interval: 86400
                  anchor_date: 2024-01-01T09:00:00+00:00
                  timezone: Europe/Berlin
            deployments:
              - name: a
                schedules: [*daily]
              - name: b
                schedules: [*daily]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // a definition only `schedules:` lists refer to is not known to be Prefect 2's: left as it is
    @Test
    void aDefinitionNoScheduleKeyRefersToIsLeftAlone() {
        rewriteRun(yaml(
            """
            definitions:
              schedules:
                daily: &daily
                  interval: 86400
                  anchor_date: 2024-01-01T09:00:00
                  timezone: Europe/Berlin
            deployments:
              - name: a
                schedules: [*daily]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    // `schedule:` written as a flow mapping is the same Prefect 2 schedule
    @Test
    void aFlowMappingScheduleKeepsTheInstantPrefect2Read() {
        rewriteRun(yaml(
            """
            deployments:
              - name: nightly
                schedule: {interval: 86400, anchor_date: "2024-01-01T09:00:00", timezone: America/New_York}
            """,
            """
            deployments:
              - name: nightly
                schedules: [{interval: 86400, anchor_date: "2024-01-01T09:00:00+00:00", timezone: America/New_York}]
            """,
            spec -> spec.path("prefect.yaml")));
    }

    /**
     * A {@code schedules:} list was read by late 2.x and by every 3.x, so a naive anchor in it may have meant UTC
     * (Prefect 2, early 3.x servers) or local time (later 3.x): the file is left as it is, and a note gives both spellings.
     */
    @Test
    void aPrefect3SchedulesListIsLeftAlone() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue()).extracting(MigrationNotes.Row::message).asString()
                .contains("write `anchor_date: 2024-01-01T09:00:00+00:00` for the runs Prefect 2 made, or "
                        + "`anchor_date: 2024-01-01T14:00:00+00:00` for 09:00 in America/New_York")),
            yaml(
            """
            deployments:
              - name: nightly
                schedules:
                  - interval: 86400
                    anchor_date: "2024-01-01T09:00:00"
                    timezone: America/New_York
            """,
            spec -> spec.path("prefect.yaml")));
    }
}
