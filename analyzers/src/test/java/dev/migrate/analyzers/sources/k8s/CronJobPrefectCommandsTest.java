package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import dev.migrate.analyzers.sources.config.DeploymentRuns;
import org.junit.jupiter.api.Test;

/**
 * The Prefect commands a Kubernetes CronJob's containers run, read as the command line detector reads a script's: a
 * {@code prefect deployment build} is a deploy job with the findings of its Prefect 2 flags, a
 * {@code prefect deployment run} makes the CronJob that deployment's schedule (K8S006).
 */
class CronJobPrefectCommandsTest {
    private static final String TRIGGER = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly-trigger
              namespace: etl
            spec:
              schedule: "30 5 * * *"
              timeZone: Europe/Berlin
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: trigger
                          image: registry.example.com/etl-tools:1.2
                          command: ["prefect", "deployment", "run", "etl/nightly", "--watch"]
                          env:
                            - name: PREFECT_API_URL
                              value: http://prefect-server.prefect:4200/api
            """;

    @Test
    void aCronJobRunningADeploymentIsThatDeploymentsSchedule() {
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/trigger.yaml", TRIGGER)).isEqualTo("""
                job k8s-cronjob-etl-nightly-trigger-978e1b4e k8s-cronjob 'etl/nightly-trigger' at k8s/trigger.yaml:7:3
                  schedule CRON_UNIX '30 5 * * *' tz=Europe/Berlin at k8s/trigger.yaml:7:13
                  command prefect deployment run etl/nightly --watch
                  overlap SKIP
                  env {PREFECT_API_URL=http://prefect-server.prefect:4200/api}
                  attrs {concurrencyPolicy=Forbid, image=registry.example.com/etl-tools:1.2, namespace=etl, prefect.deploymentRun=etl/nightly}
                k8s/trigger.yaml:7:3 K8S001 Kubernetes CronJob 'etl/nightly-trigger' (30 5 * * *) [k8s-cronjob-etl-nightly-trigger-978e1b4e]
                k8s/trigger.yaml:18:26 K8S006 CronJob 'etl/nightly-trigger' starts Prefect deployment 'etl/nightly' (`prefect deployment run`) on '30 5 * * *' in Europe/Berlin: in Prefect 3 the deployment runs on a schedule of its own; give it this one (schedules: [{cron: "30 5 * * *", timezone: "Europe/Berlin"}]) and delete the CronJob, or both start it [k8s-cronjob-etl-nightly-trigger-978e1b4e]
                """);
    }

    @Test
    void aShellScriptOfBuildApplyAndRunIsReadLineByLine() {
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: redeploy, namespace: etl}
                spec:
                  schedule: "0 3 * * *"
                  timeZone: Europe/Berlin
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: deploy
                              image: prefecthq/prefect:2.19.0-python3.11
                              command: ["/bin/sh", "-c"]
                              args:
                                - |
                                  set -e
                                  prefect deployment build flows/etl.py:etl -n nightly -ib kubernetes-job/prod -sb s3/flows -q etl -a
                                  prefect deployment apply reports-deployment.yaml
                """;
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/redeploy.yaml", yaml)).isEqualTo("""
                job k8s-cronjob-etl-redeploy-521ff8cc k8s-cronjob 'etl/redeploy' at k8s/redeploy.yaml:5:3
                  schedule CRON_UNIX '0 3 * * *' tz=Europe/Berlin at k8s/redeploy.yaml:5:13
                  command /bin/sh -c 'set -e
                prefect deployment build flows/etl.py:etl -n nightly -ib kubernetes-job/prod -sb s3/flows -q etl -a
                prefect deployment apply reports-deployment.yaml
                '
                  overlap ALLOW
                  attrs {image=prefecthq/prefect:2.19.0-python3.11, namespace=etl}
                job prefect2-nightly-f86c9a6e prefect2 'nightly' at k8s/redeploy.yaml:18:19
                  command /bin/sh -c 'set -e
                prefect deployment build flows/etl.py:etl -n nightly -ib kubernetes-job/prod -sb s3/flows -q etl -a
                prefect deployment apply reports-deployment.yaml
                '
                  overlap UNKNOWN
                  attrs {apply=true, entrypoint=flows/etl.py:etl, image=prefecthq/prefect:2.19.0-python3.11, infrastructure=kubernetes-job/prod, namespace=etl, scheduledBy=k8s-cronjob-etl-redeploy-521ff8cc, storage=s3/flows, workQueue=etl, workload=CronJob/redeploy}
                k8s/redeploy.yaml:5:3 K8S001 Kubernetes CronJob 'etl/redeploy' (0 3 * * *) [k8s-cronjob-etl-redeploy-521ff8cc]
                k8s/redeploy.yaml:13:22 PF208 image prefecthq/prefect:2.19.0-python3.11 runs Prefect 2.19.0; move it to a Prefect 3 image once flows and settings are ready [k8s-cronjob-etl-redeploy-521ff8cc]
                k8s/redeploy.yaml:18:19 PF201 `prefect deployment build` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [prefect2-nightly-f86c9a6e]
                k8s/redeploy.yaml:18:19 PF205 infrastructure block 'kubernetes-job/prod' has no Prefect 3 equivalent; use a work pool of type kubernetes [prefect2-nightly-f86c9a6e]
                k8s/redeploy.yaml:18:19 PF206 storage block 's3/flows' must become pull steps in Prefect 3 [prefect2-nightly-f86c9a6e]
                k8s/redeploy.yaml:18:19 PF211 deployment uses work queue 'etl' without a work pool (agent model) [prefect2-nightly-f86c9a6e]
                k8s/redeploy.yaml:19:19 PF202 `prefect deployment apply` was removed in Prefect 3; declare the deployment in prefect.yaml and run `prefect deploy` [k8s-cronjob-etl-redeploy-521ff8cc]
                """);
    }

    /** A chart's template: the actions that read its values are filled in; the others do not stop the reading. */
    @Test
    void aHelmTemplateIsReadWithItsChartsValues() {
        ScanFile values = new ScanFile("charts/etl/values.yaml", """
                trigger:
                  schedule: "15 * * * *"
                  deployment: etl/hourly
                """);
        ScanFile template = new ScanFile("charts/etl/templates/trigger.yaml", """
                {{- if .Values.trigger }}
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: {{ include "etl.fullname" . }}-trigger
                  labels:
                    {{- include "etl.labels" . | nindent 4 }}
                spec:
                  schedule: {{ .Values.trigger.schedule | quote }}
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: trigger
                              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                              command: ["sh", "-c", "prefect deployment run {{ .Values.trigger.deployment }}"]
                {{- end }}
                """);
        assertThat(DetectorHarness.run(new CronJobDetector(), values, template)).isEqualTo("""
                job k8s-cronjob-templated-trigger-aa8a125b k8s-cronjob 'TEMPLATED-trigger' at charts/etl/templates/trigger.yaml:9:3
                  schedule CRON_UNIX '15 * * * *' at charts/etl/templates/trigger.yaml:9:13
                  command sh -c 'prefect deployment run etl/hourly'
                  overlap ALLOW
                  attrs {helm.values=charts/etl/values.yaml, helm.valuesUsed=.Values.trigger.schedule=15 * * * *; .Values.trigger.deployment=etl/hourly, image=TEMPLATED:TEMPLATED, prefect.deploymentRun=etl/hourly}
                charts/etl/templates/trigger.yaml:9:3 K8S001 Kubernetes CronJob 'TEMPLATED-trigger' (15 * * * *) [k8s-cronjob-templated-trigger-aa8a125b]
                charts/etl/templates/trigger.yaml:9:13 K8S002 CronJob 'TEMPLATED-trigger' has no timeZone; its schedule follows the controller's zone [k8s-cronjob-templated-trigger-aa8a125b]
                charts/etl/templates/trigger.yaml:17:24 K8S006 CronJob 'TEMPLATED-trigger' starts Prefect deployment 'etl/hourly' (`prefect deployment run`) on '15 * * * *' in the controller's zone (no timeZone): in Prefect 3 the deployment runs on a schedule of its own; give it this one (schedules: [{cron: "15 * * * *"}]) and delete the CronJob, or both start it [k8s-cronjob-templated-trigger-aa8a125b]
                """);
    }

    /** A Job (no schedule of its own) whose script is a block of several lines: each line's calls are found. */
    @Test
    void aJobsMultiLineScriptIsReadAsShellLines() {
        String yaml = """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: deploy-once}
                spec:
                  template:
                    spec:
                      containers:
                        - name: deploy
                          image: prefecthq/prefect:3-python3.12
                          command:
                            - /bin/bash
                            - -lc
                            - |
                              cd /opt/flows
                              prefect deploy flows/etl.py:etl --name backfill --pool k8s
                """;
        assertThat(DetectorHarness.run(new PrefectWorkloadDetector(), "k8s/deploy-once.yaml", yaml)).isEqualTo("""
                job prefect3-backfill-77292bb9 prefect3 'backfill' at k8s/deploy-once.yaml:15:15
                  command /bin/bash -lc 'cd /opt/flows
                prefect deploy flows/etl.py:etl --name backfill --pool k8s
                '
                  overlap UNKNOWN
                  attrs {entrypoint=flows/etl.py:etl, image=prefecthq/prefect:3-python3.12, workPool=k8s, workload=Job/deploy-once}
                k8s/deploy-once.yaml:15:15 PF290 Prefect 3 deployment 'backfill' (already migrated), declared on the command line [prefect3-backfill-77292bb9]
                """);
    }

    /** Must not change: a CronJob of other commands, and a Deployment that runs a deployment (no schedule of its own). */
    @Test
    void mustNotReport() {
        String other = TRIGGER.replace("[\"prefect\", \"deployment\", \"run\", \"etl/nightly\", \"--watch\"]",
                "[\"python\", \"-m\", \"etl.export\"]");
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/export.yaml", other))
                .doesNotContain("K8S006").doesNotContain("prefect.deploymentRun").contains("K8S001");
        String listed = TRIGGER.replace("[\"prefect\", \"deployment\", \"run\", \"etl/nightly\", \"--watch\"]",
                "[\"prefect\", \"deployment\", \"ls\"]");
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/ls.yaml", listed)).doesNotContain("K8S006");
        // a command that only prints the words starts nothing
        String echoed = TRIGGER.replace("[\"prefect\", \"deployment\", \"run\", \"etl/nightly\", \"--watch\"]",
                "[\"sh\", \"-c\", \"echo prefect deployment run etl/nightly\"]");
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/echo.yaml", echoed))
                .doesNotContain("K8S006").doesNotContain("prefect.deploymentRun");
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: poller}
                spec:
                  template:
                    spec:
                      containers:
                        - name: poll
                          command: ["prefect", "deployment", "run", "etl/nightly"]
                """;
        assertThat(DetectorHarness.run(new PrefectWorkloadDetector(), "k8s/poller.yaml", deployment)).isEmpty();
        assertThat(DetectorHarness.run(new CronJobDetector(), "k8s/poller.yaml", deployment)).isEmpty();
    }

    @Test
    void theDeploymentARunCommandNames() {
        assertThat(run("prefect deployment run etl/nightly")).hasValue("etl/nightly");
        assertThat(run("prefect deployment run --param day=1 -jv image=x 'etl/with space'")).hasValue("etl/with space");
        assertThat(run("prefect deployment run --watch --name etl/named")).hasValue("etl/named");
        assertThat(run("prefect deployment run --id 8b1c")).hasValue("id 8b1c");
        assertThat(run("prefect deployment ls")).isEmpty();
    }

    private static java.util.Optional<String> run(String line) {
        return DeploymentRuns.deployment(dev.migrate.analyzers.sources.config.PrefectInvocation.find(line).get(0));
    }
}
