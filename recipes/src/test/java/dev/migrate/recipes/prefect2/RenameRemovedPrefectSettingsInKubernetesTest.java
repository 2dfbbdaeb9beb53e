package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * Settings in Kubernetes manifests: an env var's name is the setting, a Secret's keys are settings' names where
 * envFrom reads them, and a secretKeyRef's key only names a key its Secret must have.
 */
class RenameRemovedPrefectSettingsInKubernetesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    private static String noteOf(MigrationNotes.Row r) {
        return r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.code() + " " + r.message();
    }

    // the Secret is in the repository and read with envFrom: its keys are the settings, and a secretKeyRef that
    // reads one of them follows the key renamed in the same run
    @DocumentExample
    @Test
    void aSecretDefinedHereAndTheKeyRefsThatReadItAreRenamedTogether() {
        rewriteRun(
            yaml(
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: prefect-server-env
                  namespace: prefect
                stringData:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: postgresql+asyncpg://prefect@db/prefect
                  PREFECT_ORION_API_PORT: "4200"
                """,
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: prefect-server-env
                  namespace: prefect
                stringData:
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: postgresql+asyncpg://prefect@db/prefect
                  PREFECT_SERVER_API_PORT: "4200"
                """,
                spec -> spec.path("k8s/secret.yaml")),
            yaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: prefect-server
                  namespace: prefect
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: migrate
                          env:
                            - name: DATABASE_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-server-env
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                      containers:
                        - name: server
                          envFrom:
                            - secretRef:
                                name: prefect-server-env
                """,
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: prefect-server
                  namespace: prefect
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: migrate
                          env:
                            - name: DATABASE_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-server-env
                                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                      containers:
                        - name: server
                          envFrom:
                            - secretRef:
                                name: prefect-server-env
                """,
                spec -> spec.path("k8s/deployment.yaml")));
    }

    // the Secret was made with `kubectl create secret generic prefect-db --from-literal=...`: the key was renamed with
    // the env var, and the pod failed with "couldn't find key PREFECT_SERVER_DATABASE_CONNECTION_URL"
    @Test
    void aKeyRefIntoASecretMadeOutsideTheRepositoryKeepsItsKey() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        RenameRemovedPrefectSettingsInKubernetesTest::noteOf).containsExactly(
                        "deployment.yaml:14 true CFG001 secretKeyRef.key of env PREFECT_SERVER_DATABASE_CONNECTION_URL is kept "
                                + "as PREFECT_ORION_DATABASE_CONNECTION_URL: Secret prefect-db is not defined in this repository "
                                + "(kubectl create, an operator, another repository), and the key must name one it has. The key "
                                + "can stay PREFECT_ORION_DATABASE_CONNECTION_URL: only the env var's name "
                                + "(PREFECT_SERVER_DATABASE_CONNECTION_URL) is a setting; if the key in Secret prefect-db is "
                                + "renamed to PREFECT_SERVER_DATABASE_CONNECTION_URL, rename this key with it")),
            yaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: prefect-server
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                                  name: prefect-db
                """,
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: prefect-server
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                                  name: prefect-db
                """,
                spec -> spec.path("deployment.yaml")));
    }

    // the same name in another namespace is another Secret, made outside the repository; a volume's item names a key too
    @Test
    void aSecretOfTheSameNameInAnotherNamespaceIsNotTheOneRead() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        r -> r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.message().substring(0, 48))
                        .containsExactly("staging/settings.yaml:7 false ConfigMap prefect-settings (namespace staging) i",
                                "production/pod.yaml:14 true configMapKeyRef.key of env PREFECT_SERVER_API_PO",
                                "production/pod.yaml:20 true the volume item's key is kept as PREFECT_ORION_A")),
            yaml(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                  namespace: staging
                data:
                  PREFECT_ORION_API_PORT: "4200"
                """,
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                  namespace: staging
                data:
                  PREFECT_SERVER_API_PORT: "4200"
                """,
                spec -> spec.path("staging/settings.yaml")),
            yaml(
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: prefect-server
                  namespace: production
                spec:
                  containers:
                    - name: server
                      env:
                        - name: PREFECT_ORION_API_PORT
                          valueFrom:
                            configMapKeyRef:
                              name: prefect-settings
                              key: PREFECT_ORION_API_PORT
                  volumes:
                    - name: settings
                      configMap:
                        name: prefect-settings
                        items:
                          - key: PREFECT_ORION_API_PORT
                            path: port
                """,
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: prefect-server
                  namespace: production
                spec:
                  containers:
                    - name: server
                      env:
                        - name: PREFECT_SERVER_API_PORT
                          valueFrom:
                            configMapKeyRef:
                              name: prefect-settings
                              key: PREFECT_ORION_API_PORT
                  volumes:
                    - name: settings
                      configMap:
                        name: prefect-settings
                        items:
                          - key: PREFECT_ORION_API_PORT
                            path: port
                """,
                spec -> spec.path("production/pod.yaml")));
    }

    // an outside Secret read with envFrom too: its keys are env var names, so the Secret must gain the new one
    @Test
    void anOutsideSecretAlsoReadWithEnvFromMustGainTheNewKey() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        r -> r.line() + " " + r.manual() + " " + r.code() + " " + r.message().substring(r.message().indexOf(". ") + 2))
                        .containsExactly("12 true CFG001 Secret prefect-agent is also read with envFrom here, which makes each of its "
                                + "keys an env var's name: add the key PREFECT_WORKER_QUERY_SECONDS to it (Prefect 3 does not "
                                + "read the old name) and then rename this key to PREFECT_WORKER_QUERY_SECONDS too")),
            yaml(
                """
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          env:
                            - name: POLL_SECONDS
                              valueFrom:
                                secretKeyRef: {name: prefect-agent, key: PREFECT_AGENT_QUERY_INTERVAL}
                          envFrom:
                            - secretRef:
                                name: prefect-agent
                """,
                spec -> spec.path("worker.yaml")));
    }

    // kustomize generates the Secret from an env file and literals: their names are renamed in the same run
    @Test
    void kustomizeGeneratedSecretsAreDefinedHere() {
        rewriteRun(
            yaml(
                """
                namespace: prefect
                resources:
                  - deployment.yaml
                secretGenerator:
                  - name: prefect-env
                    envs:
                      - config/prefect.env
                configMapGenerator:
                  - name: prefect-settings
                    literals:
                      - PREFECT_ORION_API_PORT=4200
                """,
                """
                namespace: prefect
                resources:
                  - deployment.yaml
                secretGenerator:
                  - name: prefect-env
                    envs:
                      - config/prefect.env
                configMapGenerator:
                  - name: prefect-settings
                    literals:
                      - PREFECT_SERVER_API_PORT=4200
                """,
                spec -> spec.path("base/kustomization.yaml")),
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n",
                spec -> spec.path("base/config/prefect.env")),
            yaml(
                """
                kind: Deployment
                metadata:
                  name: prefect-server
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-env
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                            - name: PREFECT_ORION_API_PORT
                              valueFrom:
                                configMapKeyRef:
                                  name: prefect-settings
                                  key: PREFECT_ORION_API_PORT
                """,
                """
                kind: Deployment
                metadata:
                  name: prefect-server
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-env
                                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                            - name: PREFECT_SERVER_API_PORT
                              valueFrom:
                                configMapKeyRef:
                                  name: prefect-settings
                                  key: PREFECT_SERVER_API_PORT
                """,
                spec -> spec.path("base/deployment.yaml")));
    }

    // an ExternalSecret in the repository defines its target's keys (secretKey, renamed); its remoteRef names an entry
    // of the outside store, which the rename does not reach
    @Test
    void anExternalSecretDefinesItsTargetsKeysAndKeepsItsRemoteNames() {
        rewriteRun(
            yaml(
                """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata:
                  name: prefect-db
                spec:
                  secretStoreRef:
                    name: aws
                    kind: ClusterSecretStore
                  target:
                    name: prefect-db-credentials
                  data:
                    - secretKey: PREFECT_ORION_DATABASE_CONNECTION_URL
                      remoteRef:
                        key: prod/prefect
                        property: PREFECT_ORION_DATABASE_CONNECTION_URL
                """,
                """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata:
                  name: prefect-db
                spec:
                  secretStoreRef:
                    name: aws
                    kind: ClusterSecretStore
                  target:
                    name: prefect-db-credentials
                  data:
                    - secretKey: PREFECT_SERVER_DATABASE_CONNECTION_URL
                      remoteRef:
                        key: prod/prefect
                        property: PREFECT_ORION_DATABASE_CONNECTION_URL
                """,
                spec -> spec.path("external-secret.yaml")),
            yaml(
                """
                kind: Job
                spec:
                  template:
                    spec:
                      containers:
                        - name: migrate
                          env:
                            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db-credentials
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                """,
                """
                kind: Job
                spec:
                  template:
                    spec:
                      containers:
                        - name: migrate
                          env:
                            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db-credentials
                                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                """,
                spec -> spec.path("job.yaml")));
    }

    // nothing in the repository reads the ConfigMap (a chart installed elsewhere may): its keys are renamed as the
    // settings envFrom makes them, and a note says a key reference elsewhere must follow
    @Test
    void aConfigMapReadByNothingHereIsRenamedWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        RenameRemovedPrefectSettingsInKubernetesTest::noteOf).containsExactly(
                        "settings.yaml:5 false CFG001 ConfigMap prefect-settings is read by nothing in this repository: its "
                                + "key PREFECT_ORION_API_PORT is renamed to PREFECT_SERVER_API_PORT, the setting's name when "
                                + "envFrom (or a chart's extraEnvVarsSecret/extraEnvVarsCM) reads it; a secretKeyRef or "
                                + "configMapKeyRef elsewhere that reads PREFECT_ORION_API_PORT must read PREFECT_SERVER_API_PORT now")),
            yaml(
                """
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                data:
                  PREFECT_ORION_API_PORT: "4200"
                  PREFECT_AGENT_QUERY_INTERVAL: "15"
                """,
                """
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                data:
                  PREFECT_SERVER_API_PORT: "4200"
                  PREFECT_WORKER_QUERY_SECONDS: "15"
                """,
                spec -> spec.path("settings.yaml")));
    }

    // a Helm chart's templates: the Secret and the Deployment name it by the same template, which is the same object;
    // the values' extraEnvVarsSecret is read with envFrom by the chart
    @Test
    void helmTemplatesMatchByTheTemplatedName() {
        rewriteRun(
            yaml(
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: '{{ include "prefect.fullname" . }}-env'
                stringData:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: "{{ .Values.database.url }}"
                """,
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: '{{ include "prefect.fullname" . }}-env'
                stringData:
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: "{{ .Values.database.url }}"
                """,
                spec -> spec.path("chart/templates/secret.yaml")),
            yaml(
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: '{{ include "prefect.fullname" . }}-env'
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                """,
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: '{{ include "prefect.fullname" . }}-env'
                                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                """,
                spec -> spec.path("chart/templates/deployment.yaml")),
            yaml(
                """
                worker:
                  extraEnvVarsSecret: prefect-worker-env
                """,
                spec -> spec.path("values.yaml")),
            yaml(
                """
                kind: Secret
                metadata:
                  name: prefect-worker-env
                stringData:
                  PREFECT_AGENT_QUERY_INTERVAL: "15"
                """,
                """
                kind: Secret
                metadata:
                  name: prefect-worker-env
                stringData:
                  PREFECT_WORKER_QUERY_SECONDS: "15"
                """,
                spec -> spec.path("worker-env.yaml")));
    }

    // a chart's value picks the key of a Secret the chart does not make: the key, and its default, are kept
    @Test
    void aTemplatedKeyOfAnOutsideSecretIsNotChanged() {
        rewriteRun(yaml(
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: DATABASE_URL
                              valueFrom:
                                secretKeyRef:
                                  name: "{{ .Values.existingSecret }}"
                                  key: '{{ .Values.existingSecretKey | default "PREFECT_ORION_DATABASE_CONNECTION_URL" }}'
                """,
                spec -> spec.path("chart/templates/deployment.yaml")));
    }

    @Test
    void keysThatNameNoPrefectSettingAreLeftAlone() {
        rewriteRun(
            yaml(
                """
                kind: Secret
                metadata:
                  name: db
                stringData:
                  DATABASE_URL: postgresql://db/app
                """,
                spec -> spec.path("secret.yaml")),
            yaml(
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - name: PREFECT_API_URL
                              valueFrom:
                                secretKeyRef:
                                  name: db
                                  key: DATABASE_URL
                            - name: PREFECT_API_KEY
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-cloud
                                  key: api-key
                """,
                spec -> spec.path("deployment.yaml")));
    }
}
