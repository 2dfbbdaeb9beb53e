package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDetectorsTest {
    @Test
    void composeSettingsAndCommandsMergedFromAnAnchorAreRead() {
        String yaml = """
                x-prefect-env: &prefect-env
                  PREFECT_ORION_API_HOST: 0.0.0.0
                  PREFECT_LOGGING_LEVEL: INFO
                x-agent: &agent
                  image: prefecthq/prefect:2.10.0-python3.10
                  entrypoint: ["prefect", "agent", "start", "-q", "default"]
                services:
                  server:
                    image: prefecthq/prefect:2.10.0-python3.10
                    command: prefect server start
                    environment:
                      <<: *prefect-env
                      PREFECT_LOGGING_LEVEL: DEBUG
                  agent:
                    <<: *agent
                """;
        String out = DetectorHarness.run(new ComposeDetector(), "docker-compose.yml", yaml);
        assertThat(out).contains("docker-compose.yml:2:3 CFG001 setting PREFECT_ORION_API_HOST is the name Prefect 2.0-2.8.0 "
                        + "gave PREFECT_SERVER_API_HOST")
                .contains("job prefect-agent-agent-")
                .contains("docker-compose.yml:6:15 PF203 Prefect 2 agent (`prefect agent start`)");
    }

    @Test
    void composeServerAgentAndWorker() {
        String yaml = """
                version: "3.9"
                services:
                  orion:
                    image: prefecthq/prefect:2.14.9-python3.11
                    entrypoint: ["prefect", "server", "start"]
                    environment:
                      PREFECT_API_DATABASE_CONNECTION_URL: postgresql+asyncpg://prefect:pw@db/prefect
                  agent:
                    image: prefecthq/prefect:2.14.9-python3.11
                    command: prefect agent start -q etl -q reports
                    depends_on:
                      orion: {condition: service_healthy}
                    environment:
                      - PREFECT_API_URL=http://orion:4200/api
                  worker:
                    image: prefecthq/prefect:3-latest
                    command: prefect worker start --pool docker-pool --type docker
                  db:
                    image: postgres:16
                """;
        assertThat(DetectorHarness.run(new ComposeDetector(), "ops/docker-compose.v2.yml", yaml)).isEqualTo("""
                job prefect-server-orion-3820a417 prefect-server 'orion' at ops/docker-compose.v2.yml:3:3
                  command prefect server start
                  overlap UNKNOWN
                  env {PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect:pw@db/prefect}
                  attrs {image=prefecthq/prefect:2.14.9-python3.11, service=orion}
                job prefect-agent-agent-fa91fd30 prefect-agent 'agent' at ops/docker-compose.v2.yml:10:14
                  command prefect agent start -q etl -q reports
                  overlap UNKNOWN
                  env {PREFECT_API_URL=http://orion:4200/api}
                  dependsOn [prefect-server-orion-3820a417]
                  attrs {image=prefecthq/prefect:2.14.9-python3.11, service=agent, workQueue=etl,reports}
                job prefect-worker-worker-195c8162 prefect-worker 'worker' at ops/docker-compose.v2.yml:17:14
                  command prefect worker start --pool docker-pool --type docker
                  overlap UNKNOWN
                  attrs {image=prefecthq/prefect:3-latest, service=worker, workPool=docker-pool, workerType=docker}
                ops/docker-compose.v2.yml:3:3 BHV006 Prefect 2.14.9 server in service 'orion': pause every deployment schedule before upgrading it to Prefect 3 [prefect-server-orion-3820a417]
                ops/docker-compose.v2.yml:3:3 PF292 self-hosted Prefect server [prefect-server-orion-3820a417]
                ops/docker-compose.v2.yml:4:12 PF208 image prefecthq/prefect:2.14.9-python3.11 runs Prefect 2.14.9; move it to a Prefect 3 image once flows and settings are ready [prefect-server-orion-3820a417]
                ops/docker-compose.v2.yml:7:7 CFG002 setting PREFECT_API_DATABASE_CONNECTION_URL is a legacy alias in Prefect 3; use PREFECT_SERVER_DATABASE_CONNECTION_URL [prefect-server-orion-3820a417]
                ops/docker-compose.v2.yml:9:12 PF208 image prefecthq/prefect:2.14.9-python3.11 runs Prefect 2.14.9; move it to a Prefect 3 image once flows and settings are ready [prefect-agent-agent-fa91fd30]
                ops/docker-compose.v2.yml:10:14 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run `prefect worker start --pool POOL` on a typed work pool [prefect-agent-agent-fa91fd30]
                ops/docker-compose.v2.yml:17:14 PF291 Prefect worker for work pool 'docker-pool' [prefect-worker-worker-195c8162]
                """);
    }

    @Test
    void prefectYaml2x() {
        String yaml = """
                name: k2
                prefect-version: 2.14.9
                build:
                  - prefect_docker.deployments.steps.build_docker_image:
                      image_name: acme/k2
                pull:
                  - prefect.deployments.steps.git_clone_project:
                      repository: https://github.com/acme/k2
                deployments:
                  - name: ingest
                    entrypoint: k2/ingest.py:ingest
                    parameters: {day: today}
                    schedule:
                      cron: "*/20 * * * *"
                      timezone: UTC
                    work_pool: {name: k2-pool}
                  - name: compact
                    entrypoint: k2/compact.py:compact
                    schedule: {}
                    schedules:
                      - interval: 86400
                        anchor_date: "2024-01-01T00:00:00Z"
                    is_schedule_active: false
                    work_pool: {name: default-agent-pool}
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "k2/prefect.yaml", yaml)).isEqualTo("""
                job prefect2-ingest-50ea41f7 prefect2 'ingest/ingest' at k2/prefect.yaml:10:5
                  schedule CRON_PREFECT '*/20 * * * *' tz=UTC at k2/prefect.yaml:14:13
                  command k2/ingest.py:ingest
                  overlap UNKNOWN
                  attrs {deploymentName=ingest, entrypoint=k2/ingest.py:ingest, flowName=ingest, prefectVersion=2.14.9, workPool=k2-pool}
                job prefect2-compact-ad310b78 prefect2 'compact/compact' at k2/prefect.yaml:17:5
                  schedule INTERVAL 'R/2024-01-01T00:00Z/PT86400S' at k2/prefect.yaml:21:19
                  command k2/compact.py:compact
                  overlap UNKNOWN
                  attrs {deploymentName=compact, entrypoint=k2/compact.py:compact, flowName=compact, paused=true, prefectVersion=2.14.9, workPool=default-agent-pool}
                k2/prefect.yaml:2:18 PF208 prefect.yaml was written for Prefect 2.14.9
                k2/prefect.yaml:7:5 PF213 pull step prefect.deployments.steps.git_clone_project does not exist in Prefect 3.8.3; use prefect.deployments.steps.git_clone
                k2/prefect.yaml:12:5 BHV004 deployment 'ingest' has parameters but no enforce_parameter_schema; Prefect 3 enforces the schema by default [prefect2-ingest-50ea41f7]
                k2/prefect.yaml:13:5 PF207 deployment 'ingest' uses `schedule:`; write it as a one-item `schedules:` list [prefect2-ingest-50ea41f7]
                k2/prefect.yaml:23:5 PF212 deployment 'compact' sets is_schedule_active, which Prefect 3 ignores; use `paused:` [prefect2-compact-ad310b78]
                k2/prefect.yaml:24:23 BHV005 deployment 'compact' targets default-agent-pool, a prefect-agent pool that Prefect 3 workers refuse [prefect2-compact-ad310b78]
                """);
    }

    /**
     * A 2.x {@code is_schedule_active} that turned the schedule off ({@code no} is false to YAML 1.1, so to Prefect)
     * leaves the deployment paused, as {@code is_schedule_active=False} in Python does; a {@code paused:} of its own
     * says more, and a true flag nothing.
     */
    @Test
    void aScheduleTurnedOffIsAPausedDeployment() {
        String yaml = """
                prefect-version: 2.16.0
                deployments:
                  - name: off
                    entrypoint: f.py:f
                    schedule: {cron: "0 1 * * *"}
                    is_schedule_active: no
                  - name: own
                    entrypoint: f.py:f
                    is_schedule_active: false
                    paused: false
                  - name: on
                    entrypoint: f.py:f
                    is_schedule_active: true
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).contains(
                "entrypoint=f.py:f, flowName=f, paused=true, prefectVersion=2.16.0}",
                "entrypoint=f.py:f, flowName=f, paused=false, prefectVersion=2.16.0}",
                "entrypoint=f.py:f, flowName=f, prefectVersion=2.16.0}");
    }

    /**
     * A deployment with one schedule that runs and one switched off on its own ({@code active: false}, or {@code no},
     * which YAML 1.1 reads as false, in the 2.16+ wrapped form too): both are the deployment's, the second paused, and the
     * deployment itself is not.
     */
    @Test
    void aScheduleWithActiveFalseIsKeptPaused() {
        String yaml = """
                prefect-version: 2.20.0
                deployments:
                  - name: twice
                    entrypoint: f.py:f
                    schedules:
                      - cron: "0 6 * * *"
                        timezone: Europe/London
                      - interval: 604800
                        anchor_date: "2024-01-01T09:00:00"
                        timezone: Europe/London
                        active: false
                      - schedule: {rrule: "FREQ=WEEKLY;BYDAY=MO"}
                        active: no
                      - cron: "0 7 * * *"
                        active: true
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).contains("""
                  schedule CRON_PREFECT '0 6 * * *' tz=Europe/London at prefect.yaml:6:15
                  schedule INTERVAL 'R/2024-01-01T09:00Z/PT604800S' tz=Europe/London paused at prefect.yaml:8:19
                  schedule RRULE 'FREQ=WEEKLY;BYDAY=MO' paused at prefect.yaml:12:27
                  schedule CRON_PREFECT '0 7 * * *' at prefect.yaml:14:15
                """, "attrs {deploymentName=twice, entrypoint=f.py:f, flowName=f, prefectVersion=2.20.0}");
    }

    /**
     * The integrations' steps are outside Prefect's module list: a step of 2.10's projects
     * ({@code prefect_aws.projects.steps.pull_project_from_s3}) is known removed by the rename table the rewrite uses,
     * and the finding names the step that replaces it; the current names are not findings.
     */
    @Test
    void renamedIntegrationStepsAreRemovedSteps() {
        String yaml = """
                prefect-version: 2.10.3
                build:
                  - prefect_docker.projects.steps.build_docker_image:
                      image_name: acme/etl
                push:
                  - prefect_aws.deployments.steps.push_to_s3:
                      bucket: acme-flows
                pull:
                  - prefect_aws.projects.steps.pull_project_from_s3:
                      bucket: acme-flows
                  - prefect.projects.steps.set_working_directory:
                      directory: /opt/etl
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).isEqualTo("""
                prefect.yaml:1:18 PF208 prefect.yaml was written for Prefect 2.10.3
                prefect.yaml:3:5 PF213 build step prefect_docker.projects.steps.build_docker_image does not exist in Prefect 3.8.3; use prefect_docker.deployments.steps.build_docker_image
                prefect.yaml:9:5 PF213 pull step prefect_aws.projects.steps.pull_project_from_s3 does not exist in Prefect 3.8.3; use prefect_aws.deployments.steps.pull_from_s3
                prefect.yaml:11:5 PF213 pull step prefect.projects.steps.set_working_directory does not exist in Prefect 3.8.3; use prefect.deployments.steps.set_working_directory
                """);
    }

    /**
     * A step installs its {@code requires:} only when what is installed does not satisfy it: an image holding a
     * Prefect 2 era prefect-docker satisfies {@code >=0.3.0}. Requirements at or above the first Prefect 3 release,
     * or without a version, are fine.
     */
    @Test
    void aScheduleMergedFromAnAnchorIsAScheduleOfItsOwn() {
        String yaml = """
                prefect-version: 3.0.0
                definitions:
                  schedules:
                    hourly: &hourly
                      cron: "0 * * * *"
                      timezone: UTC
                deployments:
                  - name: digest
                    entrypoint: flows/digest.py:digest
                    schedules:
                      - cron: "0 8 * * *"
                      - <<: *hourly
                        timezone: Asia/Singapore
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml))
                .contains("schedule CRON_PREFECT '0 8 * * *' at prefect.yaml:11:15")
                .contains("schedule CRON_PREFECT '0 * * * *' tz=Asia/Singapore");
    }

    @Test
    void stepRequirementsBelowTheFirstPrefect3ReleaseArePf208() {
        String yaml = """
                prefect-version: 3.0.0
                build:
                  - prefect_docker.deployments.steps.build_docker_image:
                      requires: prefect-docker>=0.3.0
                      image_name: acme/etl
                pull:
                  - prefect.deployments.steps.run_shell_script:
                      requires: prefect-shell prefect-aws[s3]==0.4.1
                  - prefect_github.deployments.steps.git_clone:
                      requires: prefect-github>=0.3.0
                deployments: []
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).isEqualTo("""
                prefect.yaml:4:17 PF208 build step prefect_docker.deployments.steps.build_docker_image requires prefect-docker>=0.3.0, which a Prefect 2 era release already installed satisfies, so the step keeps it (prefect-docker supports Prefect 3 from 0.6.0); require prefect-docker>=0.6.0
                prefect.yaml:8:17 PF208 pull step prefect.deployments.steps.run_shell_script requires prefect-aws[s3]==0.4.1, a Prefect 2 era release (prefect-aws supports Prefect 3 from 0.5.0); require prefect-aws[s3]>=0.5.0
                """);
    }

    /**
     * anchor_date fixes when in the period an interval runs. Before, the scan dropped it: a daily interval read as
     * "every day from an unknown start" (midnight, not exact). Now it is the instant Prefect counts from: a naive anchor
     * is read as UTC and, in a zone where the versions' readings differ, marked for the job's version (which the scan
     * resolves once it knows the pins, see NaiveAnchorResolverTest); read in its zone, as some 3.3+ clients do, the
     * scan's own translation gives back the same anchor.
     */
    @Test
    void intervalAnchorDateIsCarriedAsTheInstantPrefectCountsFrom() {
        String yaml = """
                deployments:
                  - name: a
                    entrypoint: a.py:a
                    schedules:
                      - interval: 86400
                        anchor_date: "2026-03-02T06:15:00"
                        timezone: Europe/Berlin
                      - {interval: 21600, anchor_date: "2026-07-01 00:30"}
                      - {interval: 600, anchor_date: "next tuesday"}
                      - {interval: 3600}
                """;
        var sink = dev.migrate.analyzers.sources.HostEstate.scan(java.util.List.of(
                new dev.migrate.analyzers.model.ScanFile("prefect.yaml", yaml)), new PrefectYamlDetector());
        var specs = sink.jobs.get(0).schedules();
        assertThat(specs).extracting(dev.migrate.analyzers.model.ScheduleSpec::expression).containsExactly(
                "R/2026-03-02T06:15Z/PT86400S", "R/2026-07-01T00:30Z/PT21600S", "PT600S", "PT3600S");
        // only the naive anchor in Berlin waits for its version; a naive one in UTC is one instant to every version
        assertThat(specs).extracting(dev.migrate.analyzers.schedule.NaiveAnchors::pending).containsExactly(true, false, false, false);
        var inBerlin = dev.migrate.analyzers.schedule.NaiveAnchors.inZone(specs.get(0));
        assertThat(inBerlin.expression()).isEqualTo("R/2026-03-02T06:15+01:00/PT86400S");
        var check = new dev.migrate.analyzers.schedule.ScheduleCheck(java.time.ZoneOffset.UTC,
                java.time.Instant.parse("2026-11-21T00:00:00Z"));
        // the deployment's own interval (a legacy job's interval of days in a zone with DST is written in UTC instead)
        var daily = check.translate(check.interpret(inBerlin),
                dev.migrate.analyzers.schedule.ScheduleOrigin.PREFECT2_DEPLOYMENT);
        assertThat(daily.target().toYaml()).containsEntry("anchor_date", "2026-03-02T05:15:00+00:00").containsEntry("interval", 86400L)
                .containsEntry("timezone", "Europe/Berlin");
        assertThat(check.translate(check.interpret(specs.get(1))).exact()).isTrue();
        assertThat(check.translate(check.interpret(specs.get(1))).target().anchorDate()).hasToString("2026-07-01T00:30");
    }

    @Test
    void prefectYaml3xIsReportedAsMigrated() {
        String yaml = """
                prefect-version: 3.4.0
                deployments:
                  - name: daily
                    entrypoint: flows/daily.py:daily
                    schedules:
                      - cron: "0 6 * * *"
                        timezone: Europe/Oslo
                    work_pool: {name: process, work_queue_name: default}
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "prefect.yaml", yaml)).isEqualTo("""
                job prefect3-daily-b9c909b4 prefect3 'daily/daily' at prefect.yaml:3:5
                  schedule CRON_PREFECT '0 6 * * *' tz=Europe/Oslo at prefect.yaml:6:15
                  command flows/daily.py:daily
                  overlap UNKNOWN
                  attrs {deploymentName=daily, entrypoint=flows/daily.py:daily, flowName=daily, prefectVersion=3.4.0, workPool=process, workQueue=default}
                prefect.yaml:3:5 PF290 Prefect 3 deployment 'daily' (already migrated) [prefect3-daily-b9c909b4]
                """);
    }

    @Test
    void deploymentBuildOutput() {
        String yaml = """
                ###
                ### A complete description of a Prefect Deployment for flow 'etl'
                ###
                name: etl-nightly
                version: 1a2b3c
                work_queue_name: default
                work_pool_name: null
                parameters: {}
                schedules:
                  - schedule:
                      interval: 900.0
                      anchor_date: '2024-03-01T00:00:00+00:00'
                      timezone: UTC
                    active: true
                ###
                ### DO NOT EDIT BELOW THIS LINE
                ###
                flow_name: etl
                manifest_path: null
                infrastructure:
                  type: kubernetes-job
                  env: {}
                  _block_type_slug: kubernetes-job
                storage: null
                entrypoint: flows/etl.py:etl
                """;
        assertThat(DetectorHarness.run(new DeploymentYamlDetector(), "etl-deployment.yaml", yaml)).isEqualTo("""
                job prefect2-etl-etl-nightly-85c9d1cd prefect2 'etl/etl-nightly' at etl-deployment.yaml:4:1
                  schedule INTERVAL 'R/2024-03-01T00:00Z/PT900S' tz=UTC at etl-deployment.yaml:11:17
                  command flows/etl.py:etl
                  overlap UNKNOWN
                  attrs {deploymentName=etl-nightly, entrypoint=flows/etl.py:etl, flow=etl, flowName=etl, infrastructure=kubernetes-job, workQueue=default}
                etl-deployment.yaml:4:1 PF204 deployment 'etl-nightly' of flow 'etl' is a `prefect deployment build` output, which Prefect 3 cannot read [prefect2-etl-etl-nightly-85c9d1cd]
                etl-deployment.yaml:6:1 PF211 deployment 'etl-nightly' uses work queue 'default' without a work pool [prefect2-etl-etl-nightly-85c9d1cd]
                etl-deployment.yaml:20:1 PF205 infrastructure block of type kubernetes-job; use a work pool of type kubernetes [prefect2-etl-etl-nightly-85c9d1cd]
                """);
    }

    /**
     * Build outputs of deployments on the integrations' blocks: PF205 names the pool type replacing each, found by the
     * block type slug, or by the type field where the two differ (AzureContainerInstanceJob's).
     */
    @ParameterizedTest
    @CsvSource({
            "ecs-task, ecs-task, ecs",
            "cloud-run-job, cloud-run-job, cloud-run",
            "vertex-ai-custom-training-job, vertex-ai-custom-training-job, vertex-ai",
            "container-instance-job, azure-container-instance-job, azure-container-instance",
            "container-instance-job, '', azure-container-instance",
    })
    void buildOutputsOnIntegrationBlocksNameThePoolType(String type, String slug, String pool) {
        String yaml = """
                name: nightly
                work_queue_name: cloudq
                work_pool_name: null
                flow_name: main
                infrastructure:
                  type: %s
                  env: {}
                %s
                entrypoint: flows/main.py:main
                """.formatted(type, slug.isEmpty() ? "" : "  _block_type_slug: " + slug);
        String shown = slug.isEmpty() ? type : slug;
        assertThat(DetectorHarness.run(new DeploymentYamlDetector(), "main-deployment.yaml", yaml))
                .contains("main-deployment.yaml:5:1 PF205 infrastructure block of type " + shown + "; use a work pool of "
                        + "type " + pool + " [");
    }

    @Test
    void aDeploymentDeclaredWithPrefectDeployIsAPrefect3Job() {
        // what a rewrite makes of `prefect deployment build ... --cron ... -a`: the job stays in the inventory
        String sh = """
                prefect deploy flows/etl.py:etl -n nightly -p etl-pool --cron "0 3 * * *" --cron "0 15 * * *" --timezone Europe/Berlin
                prefect deploy flows/etl.py:refresh -p etl-pool --interval 900
                prefect deploy --all
                prefect deploy -n nightly
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "ci/deploy.sh", sh)).isEqualTo("""
                job prefect3-nightly-4c7c528e prefect3 'nightly' at ci/deploy.sh:1:1
                  schedule CRON_PREFECT '0 3 * * *' tz=Europe/Berlin at ci/deploy.sh:1:1
                  schedule CRON_PREFECT '0 15 * * *' tz=Europe/Berlin at ci/deploy.sh:1:1
                  command prefect deploy flows/etl.py:etl -n nightly -p etl-pool --cron "0 3 * * *" --cron "0 15 * * *" --timezone Europe/Berlin
                  overlap UNKNOWN
                  attrs {entrypoint=flows/etl.py:etl, workPool=etl-pool}
                job prefect3-refresh-79d4e7a1 prefect3 'refresh' at ci/deploy.sh:2:1
                  schedule INTERVAL 'PT900S' at ci/deploy.sh:2:1
                  command prefect deploy flows/etl.py:refresh -p etl-pool --interval 900
                  overlap UNKNOWN
                  attrs {entrypoint=flows/etl.py:refresh, workPool=etl-pool}
                ci/deploy.sh:1:1 PF290 Prefect 3 deployment 'nightly' (already migrated), declared on the command line [prefect3-nightly-4c7c528e]
                ci/deploy.sh:2:1 PF290 Prefect 3 deployment 'refresh' (already migrated), declared on the command line [prefect3-refresh-79d4e7a1]
                """);
    }

    @Test
    void cliLinesInScriptsMakefilesDockerfilesAndCi() {
        String sh = """
                #!/bin/sh
                # prefect agent start  (a comment, not a command)
                prefect --no-prompt deployment build flows/a.py:a \\
                    --name a-hourly --interval 3600 --pool proc --infra-block process/default
                poetry run prefect agent start -p proc && echo started
                prefect register --project etl -p flows/
                prefect kubernetes manifest server > server.yaml
                PREFECT_AGENT_PREFETCH_SECONDS=30 prefect worker start -p proc
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "bin/deploy.sh", sh)).isEqualTo("""
                job prefect2-a-hourly-fbf5794c prefect2 'a-hourly' at bin/deploy.sh:3:1
                  schedule INTERVAL 'PT3600S' at bin/deploy.sh:3:1
                  command prefect --no-prompt deployment build flows/a.py:a --name a-hourly --interval 3600 --pool proc --infra-block process/default
                  overlap UNKNOWN
                  attrs {entrypoint=flows/a.py:a, infrastructure=process/default, workPool=proc}
                job prefect-agent-agent-proc-170bcd0e prefect-agent 'agent proc' at bin/deploy.sh:5:12
                  command prefect agent start -p proc
                  overlap UNKNOWN
                  attrs {workPool=proc}
                job prefect-worker-worker-proc-940ce916 prefect-worker 'worker proc' at bin/deploy.sh:8:35
                  command prefect worker start -p proc
                  overlap UNKNOWN
                  attrs {workPool=proc}
                bin/deploy.sh:3:1 PF201 `prefect deployment build` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [prefect2-a-hourly-fbf5794c]
                bin/deploy.sh:3:1 PF205 infrastructure block 'process/default' has no Prefect 3 equivalent; use a work pool of type process [prefect2-a-hourly-fbf5794c]
                bin/deploy.sh:5:12 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run `prefect worker start --pool POOL` on a typed work pool [prefect-agent-agent-proc-170bcd0e]
                bin/deploy.sh:6:1 PF101 `prefect register` is a Prefect 1 command; it does not exist in Prefect 3
                bin/deploy.sh:7:1 PF209 `prefect kubernetes manifest server` does not exist in Prefect 3.8.3
                bin/deploy.sh:8:1 CFG001 setting PREFECT_AGENT_PREFETCH_SECONDS is not read by Prefect 3.8.3; it is silently ignored after the upgrade
                bin/deploy.sh:8:35 PF291 Prefect worker for work pool 'proc' [prefect-worker-worker-proc-940ce916]
                """);
        String docker = """
                FROM prefecthq/prefect:2.20.3-python3.12 AS base
                ENTRYPOINT ["prefect", "worker", "start", "--pool", "docker-pool"]
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "images/Dockerfile.worker", docker)).isEqualTo("""
                job prefect-worker-worker-docker-pool-09893c86 prefect-worker 'worker docker-pool' at images/Dockerfile.worker:2:1
                  command prefect worker start --pool docker-pool
                  overlap UNKNOWN
                  attrs {workPool=docker-pool}
                images/Dockerfile.worker:1:1 PF208 image prefecthq/prefect:2.20.3-python3.12 runs Prefect 2.20.3; move it to a Prefect 3 image once flows and settings are ready
                images/Dockerfile.worker:2:1 PF291 Prefect worker for work pool 'docker-pool' [prefect-worker-worker-docker-pool-09893c86]
                """);
    }

    // VM start-up scripts write the agent's systemd unit with a here-document, or start it through runuser: scan
    // reported no job and no finding for either
    // deploy scripts and workflows keep block names in variables: PF205 said '$INFRA' has no equivalent and named no
    // pool type, where the script itself sets INFRA to a Kubernetes job block
    @Test
    void blocksNamedThroughVariablesAreReportedAsTheBlocksTheyName() {
        String sh = """
                INFRA=kubernetes-job/prod
                STORAGE="s3/flows"
                prefect deployment build flows/etl.py:etl -n etl -ib "$INFRA" -sb $STORAGE -a
                if [ -n "$DEV" ]; then
                  INFRA=process/dev
                fi
                prefect deployment build flows/etl.py:etl -n etl-dev -ib "$INFRA" -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "deploy.sh", sh)).contains(
                "deploy.sh:3:1 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA) has no Prefect 3 equivalent; use a"
                        + " work pool of type kubernetes",
                "deploy.sh:3:1 PF206 storage block 's3/flows' ($STORAGE) must become pull steps in Prefect 3",
                // set again in a block that may not run: no longer known
                "deploy.sh:7:1 PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent; use a typed work pool");
        String workflow = """
                on: push
                env:
                  INFRA: docker-container/etl
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: prefect deployment build flows/etl.py:etl -n etl -ib ${{ env.INFRA }} -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow)).contains(
                "PF205 infrastructure block 'docker-container/etl' (${{ env.INFRA }}) has no Prefect 3 equivalent; use a"
                        + " work pool of type docker");
    }

    // a declarative Jenkinsfile sets its block names in environment { } blocks, a stage's over the pipeline's
    @Test
    void blocksNamedInAJenkinsfilesEnvironmentAreReportedPerStage() {
        String jenkinsfile = """
                pipeline {
                    environment {
                        INFRA = 'kubernetes-job/prod'
                        STORAGE = 's3/flows'
                    }
                    stages {
                        stage('Dev') {
                            environment { INFRA = 'process/dev' }
                            steps {
                                sh 'prefect deployment build flows/etl.py:etl -n dev -ib $INFRA -sb $STORAGE -a'
                            }
                        }
                        stage('Prod') {
                            steps {
                                sh "prefect deployment build flows/etl.py:etl -n prod -ib ${INFRA} -a"
                            }
                        }
                    }
                }
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Jenkinsfile", jenkinsfile)).contains(
                "Jenkinsfile:10:21 PF205 infrastructure block 'process/dev' ($INFRA) has no Prefect 3 equivalent; use a work "
                        + "pool of type process",
                "Jenkinsfile:10:21 PF206 storage block 's3/flows' ($STORAGE) must become pull steps in Prefect 3",
                "Jenkinsfile:15:21 PF205 infrastructure block 'kubernetes-job/prod' (${INFRA}) has no Prefect 3 equivalent; "
                        + "use a work pool of type kubernetes");
    }

    // the block names sit in a file the deploy script reads into itself (. ./scripts/env.sh, set -a; . .env): PF205
    // said '$INFRA' has no equivalent and named no pool type
    @Test
    void blocksNamedInFilesTheScriptReadsAreReportedAsTheBlocksTheyName() {
        String deploy = """
                #!/usr/bin/env bash
                . ./scripts/env.sh
                set -a; . .env; set +a
                prefect deployment build flows/etl.py:etl -n etl -ib "$INFRA" -sb "$STORAGE" -a
                prefect deployment build flows/etl.py:etl -n other -ib "$OTHER" -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), new ScanFile("scripts/deploy.sh", deploy),
                new ScanFile("scripts/env.sh", "INFRA=kubernetes-job/prod\n"), new ScanFile(".env", "STORAGE=s3/flows\n"));
        assertThat(rendered).contains(
                "scripts/deploy.sh:4:1 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA, set in scripts/env.sh:1) has no "
                        + "Prefect 3 equivalent; "
                        + "use a work pool of type kubernetes",
                "scripts/deploy.sh:4:1 PF206 storage block 's3/flows' ($STORAGE, set in .env:1) must become pull steps in Prefect 3",
                "scripts/deploy.sh:5:1 PF205 infrastructure block '$OTHER' has no Prefect 3 equivalent; use a typed work pool");
        // the file missing from the tree: the names stay unknown
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "scripts/deploy.sh", deploy))
                .contains("scripts/deploy.sh:4:1 PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent");
    }

    // make runs each recipe line in a shell of its own: `$$INFRA` is what the file that line sources sets
    @Test
    void blocksNamedInFilesAMakeRecipeLineSourcesAreReportedAsTheBlocksTheyName() {
        String makefile = """
                deploy:
                \t. scripts/env.sh && prefect deployment build flows/etl.py:etl -n etl -ib $$INFRA -a
                again:
                \tprefect deployment build flows/etl.py:etl -n etl2 -ib $$INFRA -a
                """;
        String rendered = DetectorHarness.run(new PrefectCliLineDetector(), new ScanFile("Makefile", makefile),
                new ScanFile("scripts/env.sh", "INFRA=kubernetes-job/prod\n"));
        assertThat(rendered).contains(
                "Makefile:2:22 PF205 infrastructure block 'kubernetes-job/prod' ($INFRA, set in scripts/env.sh:1) has no Prefect 3 "
                        + "equivalent",
                "Makefile:4:2 PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent");
    }

    // a block named by a GitHub variable or a GitLab CI/CD variable is in the repository's settings: PF205 said only
    // that '$INFRA_BLOCK' has no equivalent, not where its name can be read
    @Test
    void blocksNamedOutsideTheRepositorySayWhere() {
        String workflow = """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    env:
                      INFRA: ${{ vars.INFRA_BLOCK }}
                    steps:
                      - run: prefect deployment build flows/etl.py:etl -n etl -ib $INFRA -sb ${{ secrets.STORAGE }} -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow)).contains(
                "PF205 infrastructure block '$INFRA' has no Prefect 3 equivalent; use a typed work pool; `$INFRA` is set "
                        + "outside the repository, by the GitHub Actions variable INFRA_BLOCK (Settings > Secrets and "
                        + "variables > Actions > Variables of the repository, of an environment or of the organisation): read "
                        + "the block's name there to choose the pool's type",
                "PF206 storage block '${{ secrets.STORAGE }}' must become pull steps in Prefect 3; `${{ secrets.STORAGE }}` "
                        + "is set outside the repository, by the GitHub Actions secret STORAGE (Settings > Secrets and "
                        + "variables > Actions > Secrets of the repository, of an environment or of the organisation; its "
                        + "value is never shown): read the block's name there to write them");
        String pipeline = """
                deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n etl -ib "$INFRA_BLOCK" -a
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".gitlab-ci.yml", pipeline)).contains(
                "PF205 infrastructure block '$INFRA_BLOCK' has no Prefect 3 equivalent; use a typed work pool; `$INFRA_BLOCK` "
                        + "is set outside the repository, by a GitLab CI/CD variable INFRA_BLOCK that .gitlab-ci.yml does not "
                        + "set (Settings > CI/CD > Variables of the project, of its group or of the instance, or a file the "
                        + "pipeline includes): read the block's name there to choose the pool's type");
        // a script's environment is no settings page: nothing is said of where
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "deploy.sh",
                "prefect deployment build flows/etl.py:etl -n etl -ib \"$INFRA_BLOCK\" -a\n"))
                .contains("PF205").doesNotContain("outside the repository");
    }

    @Test
    void agentsInUnitsWrittenByScriptsAndUnderRunuserAreReported() {
        String sh = """
                runuser -l etl -c '/usr/local/bin/prefect agent start -q setup'
                cat << EOF > /etc/systemd/system/prefect-agent.service
                [Service]
                ExecStart=/usr/local/bin/prefect agent start -q nightly
                EOF
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "vm/setup.sh", sh);
        assertThat(out).contains("vm/setup.sh:1:20 PF203").contains("job prefect-agent-agent-setup");
        // the unit's command is the unit's: the systemd detector reports it with the unit, once
        RecordingSink both = HostEstate.scan(java.util.List.of(new dev.migrate.analyzers.model.ScanFile("vm/setup.sh", sh)),
                new PrefectCliLineDetector(), new dev.migrate.analyzers.sources.systemd.SystemdDetector());
        assertThat(both.findings).filteredOn(f -> f.code().equals("PF203")).extracting(f -> f.where().toString())
                .containsExactlyInAnyOrder("vm/setup.sh:1:20", "vm/setup.sh:4:11");
        assertThat(both.jobs).extracting(j -> j.kind().slug() + " " + j.name())
                .containsExactlyInAnyOrder("prefect-agent agent setup", "prefect-agent prefect-agent");
    }

    @Test
    void anAgentOfAPoolTheScriptCreatesSaysThePoolsType() {
        String sh = """
                prefect agent start --pool etl -q nightly
                prefect work-pool create etl --type=process
                prefect work-pool create --type prefect-agent legacy
                prefect agent start -p legacy
                prefect agent start -p elsewhere
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "ops/start.sh", sh);
        assertThat(out).contains("ops/start.sh:1:1 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in "
                        + "Prefect 3, run `prefect worker start --pool etl`: its work pool 'etl' is created with --type "
                        + "process at ops/start.sh:2, a type Prefect 3 workers serve [")
                .contains("ops/start.sh:4:1 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, "
                        + "run `prefect worker start --pool POOL` on a typed work pool: its work pool 'legacy' is created "
                        + "with --type prefect-agent at ops/start.sh:3, which Prefect 3 workers refuse [")
                .contains("ops/start.sh:5:1 PF203 Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, "
                        + "run `prefect worker start --pool POOL` on a typed work pool [")
                .contains("attrs {workPool=etl, workPoolCreatedAt=ops/start.sh:2, workPoolType=process, workQueue=nightly}");
    }

    // agent start scripts, env files and Dockerfiles of Prefect 1 set PREFECT__SECTION__KEY variables: the rename
    // recipe moved them, but scan said nothing (PF111 was never reported)
    @Test
    void prefect1DoubleUnderscoreSettingsAreReported() {
        String sh = """
                export PREFECT__BACKEND=server
                PREFECT__CLOUD__AGENT__LABELS='["etl"]' prefect agent local start
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "bin/agent.sh", sh))
                .contains("bin/agent.sh:1:1 PF111 setting PREFECT__BACKEND is a Prefect 1 name")
                .contains("bin/agent.sh:2:1 PF111 setting PREFECT__CLOUD__AGENT__LABELS is a Prefect 1 name");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "agent.env", "PREFECT__LOGGING__LEVEL=DEBUG\n"))
                .contains("agent.env:1:1 PF111 setting PREFECT__LOGGING__LEVEL");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Dockerfile",
                "FROM python:3.9\nENV PREFECT__FLOWS__CHECKPOINTING true\n")).contains("Dockerfile:2:1 PF111");
        // `ENV NAME = "value"`: one finding, not one for the ENV and one for the assignment
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Dockerfile",
                "FROM python:3.9\nENV PREFECT__LOGGING__LEVEL = \"INFO\"\n").lines().filter(l -> l.contains("PF111")))
                .hasSize(1);
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "x.env", "PREFECT_API_URL=http://h/api\n"))
                .doesNotContain("PF111");
    }

    // Prefect 0.x started agents as `prefect agent start kubernetes --token T`: scan called it a Prefect 2 agent
    // serving queue `kubernetes` (PF203), and the rewrite made a process worker with --token kept
    @Test
    void prefect0AgentStartWithItsTypeIsPF101() {
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "start.sh", """
                prefect agent start kubernetes --token "$T" --label prod
                prefect agent start docker -q docker
                """);
        assertThat(out).contains("start.sh:1:1 PF101 `prefect agent start kubernetes` is Prefect 1's early form of "
                + "`prefect agent kubernetes start`").contains("start.sh:2:1 PF203 Prefect 2 agent");
    }

    // supervisord programs ran agents and servers; scan did not read supervisord configurations
    @Test
    void supervisorProgramsAreRead() {
        String conf = "[program:prefect]\ncommand=/bin/sh -c \" prefect backend server; prefect agent local start \"\n";
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "conf/supervisord.conf", conf);
        assertThat(out).contains("conf/supervisord.conf:2:").contains("PF101 `prefect backend`")
                .contains("PF101 `prefect agent local start`");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "tool.conf", "command=prefect agent local start\n")).isEmpty();
    }

    // Prefect 1's `prefect server start` (Docker-based) took options Prefect 3 rejects: scan said "self-hosted
    // Prefect server" (info) and nothing else
    @Test
    void prefect1ServerStartOptionsArePF101() {
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "Makefile",
                "server:\n\tprefect server start --postgres-port 5433 --ui-port=8088 -d --host 0.0.0.0\n");
        assertThat(out).contains("Makefile:2:2 PF101 option --postgres-port of `prefect server start` is Prefect 1's")
                .contains("Makefile:2:2 PF101 option --ui-port of").contains("Makefile:2:2 PF101 option -d of")
                .doesNotContain("option --host").contains("PF292");
    }

    // compose files and start scripts of 2022 run `prefect orion start` with PREFECT_ORION_* settings: no recorded
    // CLI or settings list holds those names, so scan reported nothing, though Prefect 3 runs neither
    @Test
    void orionCommandsAndSettingsAreReported() {
        String sh = """
                export PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect
                prefect orion start --host 0.0.0.0
                prefect orion database reset -y
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "bin/server.sh", sh);
        assertThat(out).contains("bin/server.sh:1:1 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is the name "
                        + "Prefect 2.0-2.8.0 gave PREFECT_API_DATABASE_CONNECTION_URL (PREFECT_SERVER_DATABASE_CONNECTION_URL in "
                        + "Prefect 3.8.3)")
                .contains("bin/server.sh:2:1 PF209 `prefect orion start` does not exist in Prefect 3.8.3 (it was renamed "
                        + "`prefect server start`")
                .contains("bin/server.sh:3:1 PF209 `prefect orion database reset`")
                .contains("job prefect-server");
    }

    // only a PREFECT_ORION_X whose PREFECT_SERVER_X form Prefect 2 had too was a 2.0-2.8.0 name; another one never was
    // a setting (Prefect 2 had no PREFECT_SERVER_DATABASE_HOST), which no rewrite renames
    @Test
    void orionNamesPrefect2NeverHadAreNotCalledItsEarlyNames() {
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "bin/server.sh", """
                export PREFECT_ORION_API_PORT=4200
                export PREFECT_ORION_DATABASE_HOST=db
                export PREFECT_ORION_NOT_A_SETTING=1
                prefect server start
                """);
        assertThat(out).contains("bin/server.sh:1:1 CFG001 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 "
                        + "gave PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it")
                .contains("bin/server.sh:2:1 CFG001 setting PREFECT_ORION_DATABASE_HOST was never a Prefect setting: "
                        + "Prefect 2 had no PREFECT_SERVER_DATABASE_HOST its early PREFECT_ORION_* names could stand for, "
                        + "and Prefect 3.8.3 does not read it either; if it is meant to set PREFECT_SERVER_DATABASE_HOST, "
                        + "rename it by hand")
                .doesNotContain("PREFECT_ORION_NOT_A_SETTING");
    }

    // three real 2.0-2.8.0 settings got no finding: their 3.8.3 names are not the same words after PREFECT_SERVER_
    // (PREFECT_SERVER_REGISTER_BLOCKS_ON_START), or 3.8.3 has none (flow run notifications went in 3.4); the scan now
    // reads the rename table the rewrite renames with
    @Test
    void orionSettingsRenamedInOtherWordsOrRemovedSinceAreReported() {
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "server.env", """
                PREFECT_ORION_BLOCKS_REGISTER_ON_START=false
                PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH=4000
                PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED=false
                """);
        assertThat(out).isEqualTo("""
                server.env:1:1 CFG001 setting PREFECT_ORION_BLOCKS_REGISTER_ON_START is the name Prefect 2.0-2.8.0 gave PREFECT_API_BLOCKS_REGISTER_ON_START (PREFECT_SERVER_REGISTER_BLOCKS_ON_START in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                server.env:2:1 CFG001 setting PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH is the name Prefect 2.0-2.8.0 gave PREFECT_API_TASK_CACHE_KEY_MAX_LENGTH (PREFECT_SERVER_TASKS_MAX_CACHE_KEY_LENGTH in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                server.env:3:1 CFG001 setting PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED is the name Prefect 2.0-2.8.0 gave PREFECT_API_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED, which Prefect 3.8.3 no longer has: no setting succeeds it, so it is silently ignored after the upgrade; remove it, or replace what it configured by hand
                """);
    }

    // a compose project's .env set settings Prefect 3 ignores: the rewrite renamed them, while scan read no env file
    @Test
    void envFilesAreCheckedForSettings() {
        String env = """
                # Prefect settings
                PREFECT_API_URL=http://127.0.0.1:4200/api
                PREFECT_ORION_UI_API_URL=http://127.0.0.1:4200/api
                PREFECT_AGENT_PREFETCH_SECONDS=30
                export PREFECT_LOGGING_LEVEL=INFO
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "ops/.env", env);
        assertThat(out).contains("ops/.env:3:1 CFG001 setting PREFECT_ORION_UI_API_URL")
                .contains("ops/.env:4:1 CFG001 setting PREFECT_AGENT_PREFETCH_SECONDS").doesNotContain("127.0.0.1");
        assertThat(PrefectCliLineDetector.isEnvFile(".env.prod")).isTrue();
        assertThat(PrefectCliLineDetector.isEnvFile("worker.env")).isTrue();
        assertThat(PrefectCliLineDetector.isEnvFile("environment.yml")).isFalse();
    }

    // a Jenkins pipeline deployed with `sh '...'` steps: the quoted command is one word to a shell reader
    @Test
    void jenkinsShStepsAreRead() {
        String jf = """
                node {
                    sh 'prefect deployment build p/main.py:main -n prod -q jenkins -a'
                    sh "prefect agent start -q jenkins"
                }
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), "Jenkinsfile", jf);
        assertThat(out).contains("Jenkinsfile:2:9 PF201").contains("Jenkinsfile:3:9 PF203");
    }

    // an agent service kept the image's entrypoint script and ran `["sh", "-c", "pip install ... && prefect agent
    // start ..."]` as its command: the shell came after the entrypoint, so its script was one unread word
    @Test
    void aShellScriptAfterAnEntrypointWrapperIsRead() {
        String yaml = """
                services:
                  agent:
                    image: prefecthq/prefect:2.20.4-python3.12
                    entrypoint: ["/opt/prefect/entrypoint.sh"]
                    command: ["sh", "-c", "pip install -r /app/requirements.txt && prefect agent start -q etl"]
                """;
        assertThat(DetectorHarness.run(new ComposeDetector(), "docker-compose.yaml", yaml)).contains("PF203");
    }

    // a prefect.yaml deployment was named by its own name alone, while Prefect (and the scan's Python deployments)
    // name it FLOW/DEPLOYMENT: the flow is the entrypoint function's @flow(name=...), in a file the scan read, else
    // Prefect's default from the function's name; the id is the one the deployment name gives, as before
    @Test
    void prefectYamlDeploymentsAreNamedByTheirFlow() {
        String yaml = """
                prefect-version: 3.1.4
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:run_etl
                  - name: hourly
                    entrypoint: ./flows/sync.py:sync_crm
                  - name: adhoc
                """;
        String etl = """
                from prefect import flow, task

                @task
                def extract():
                    return []

                @flow(name="warehouse-etl", log_prints=True)
                def run_etl():
                    extract()
                """;
        String other = "from prefect import flow\n\n@flow(name=\"elsewhere\")\ndef run_etl():\n    pass\n";
        String out = DetectorHarness.run(new PrefectYamlDetector(), new ScanFile("pipelines/prefect.yaml", yaml),
                new ScanFile("pipelines/flows/etl.py", etl), new ScanFile("archive/flows/etl.py", other));
        assertThat(out).contains(
                "job prefect3-nightly-", "prefect3 'warehouse-etl/nightly' at pipelines/prefect.yaml:3:5",
                "attrs {deploymentName=nightly, entrypoint=flows/etl.py:run_etl, flowName=warehouse-etl, prefectVersion=3.1.4}",
                "prefect3 'sync-crm/hourly' at pipelines/prefect.yaml:5:5", "prefect3 'adhoc' at pipelines/prefect.yaml:7:5")
                .doesNotContain("elsewhere");
        // the id does not change with the flow's name
        String before = DetectorHarness.run(new PrefectYamlDetector(), "pipelines/prefect.yaml", yaml);
        assertThat(before).contains("prefect3 'run-etl/nightly'");
        assertThat(out.lines().filter(l -> l.startsWith("job prefect3-nightly")).findFirst().orElseThrow().split(" ")[1])
                .isEqualTo(before.lines().filter(l -> l.startsWith("job prefect3-nightly")).findFirst().orElseThrow().split(" ")[1]);
    }

    // MLOps course projects of the 2.10 "projects" era keep their deployments in deployment.yaml beside
    // prefect.yaml: scan reported neither a job nor a finding, and Prefect 3 never reads that file
    @Test
    void theDeploymentYamlOfA210ProjectHoldsPrefect2Deployments() {
        String yaml = """
                deployments:
                - name: weekly-training
                  entrypoint: train.py:main_flow
                  schedule:
                    cron: 0 9 * * 1
                  work_pool:
                    name: train-pool
                """;
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "ml/deployment.yaml", yaml)).isEqualTo("""
                job prefect2-weekly-training-f68c4ba3 prefect2 'main-flow/weekly-training' at ml/deployment.yaml:2:3
                  schedule CRON_PREFECT '0 9 * * 1' at ml/deployment.yaml:5:11
                  command train.py:main_flow
                  overlap UNKNOWN
                  attrs {deploymentName=weekly-training, entrypoint=train.py:main_flow, flowName=main-flow, workPool=train-pool}
                ml/deployment.yaml:1:1 PF204 deployment.yaml of Prefect 2.10's projects layout: Prefect 3 reads deployments only from prefect.yaml
                ml/deployment.yaml:4:3 PF207 deployment 'weekly-training' uses `schedule:`; write it as a one-item `schedules:` list [prefect2-weekly-training-f68c4ba3]
                """);
        assertThat(DetectorHarness.run(new PrefectYamlDetector(), "ml/deployment.yaml", "name: x\nflow_name: f\n")).isEmpty();
    }

    // `prefect init` of 2.10 writes `parameters: {}` into every deployment: no parameter is passed, so Prefect 3's
    // schema check has nothing to reject and BHV004 was a false alarm; one with parameters still gets it
    @Test
    void emptyParametersAreNoParameterSchemaRisk() {
        String yaml = """
                deployments:
                - name: empty
                  entrypoint: a.py:a
                  parameters: {}
                  work_pool: {name: p}
                - name: blank
                  entrypoint: b.py:b
                  parameters:
                  work_pool: {name: p}
                - name: given
                  entrypoint: c.py:c
                  parameters: {day: today}
                  work_pool: {name: p}
                - name: stated
                  entrypoint: d.py:d
                  parameters: {day: today}
                  enforce_parameter_schema: false
                  work_pool: {name: p}
                """;
        String out = DetectorHarness.run(new PrefectYamlDetector(), "ml/deployment.yaml", yaml);
        assertThat(out).contains("ml/deployment.yaml:12:3 BHV004 deployment 'given' has parameters")
                .doesNotContain("BHV004 deployment 'empty'").doesNotContain("BHV004 deployment 'blank'")
                .doesNotContain("BHV004 deployment 'stated'");
    }

    // a deploy script gave `--rrule` the JSON object 2.x also accepted, with the rule's DTSTART and time zone:
    // the inventory kept the JSON text as the rule and read it in UTC
    @Test
    void anRruleGivenAsJsonIsReadWithItsTimeZone() {
        String sh = """
                prefect deployment build f.py:f -n a -q q -a --rrule '{"rrule": "DTSTART:20240105T060000\\nRRULE:FREQ=WEEKLY;BYDAY=FR", "timezone": "Europe/Paris"}'
                prefect deployment build f.py:f -n b -q q -a --timezone UTC --rrule '{"rrule": "FREQ=DAILY", "timezone": "Asia/Tokyo"}'
                prefect deployment build f.py:f -n c -q q -a --rrule '{not json'
                """;
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "deploy.sh", sh))
                .contains("schedule RRULE 'DTSTART:20240105T060000\nRRULE:FREQ=WEEKLY;BYDAY=FR' tz=Europe/Paris at deploy.sh:1:1")
                .contains("schedule RRULE 'FREQ=DAILY' tz=UTC at deploy.sh:2:1")
                .contains("schedule RRULE '{not json' at deploy.sh:3:1");
    }

    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "run.sh",
                "pip install prefect\npython -c 'import prefect'\nprefect deploy --all\n")).isEmpty();
        assertThat(DetectorHarness.run(new ComposeDetector(), "docker-compose.yml",
                "services:\n  web:\n    image: nginx\n")).isEmpty();
        assertThat(DetectorHarness.run(new DeploymentYamlDetector(), "values.yaml", "flow_name: x\nname: y\n")).isEmpty();
    }
}
