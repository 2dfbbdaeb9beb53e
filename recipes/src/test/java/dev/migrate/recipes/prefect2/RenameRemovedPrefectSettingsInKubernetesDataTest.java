package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * The keys of Secrets written the less usual ways: data as a flow mapping ({@code data: {KEY: value}}), which the YAML
 * parser keeps as one scalar, and Bitnami SealedSecrets, whose controller makes the Secret.
 */
class RenameRemovedPrefectSettingsInKubernetesDataTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    private static String noteOf(MigrationNotes.Row r) {
        return r.sourcePath() + ":" + r.line() + " " + r.manual() + " " + r.code() + " " + r.message();
    }

    // the flow mapping's keys were renamed as text while the scan saw no keys in it, so the secretKeyRef into it was
    // kept: the pod failed with "couldn't find key PREFECT_AGENT_QUERY_INTERVAL"
    @DocumentExample
    @Test
    void keysOfFlowStyleDataAreRenamedWithTheKeyRefsThatReadThem() {
        rewriteRun(
            yaml(
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: prefect-agent, namespace: prefect}
                data: {PREFECT_AGENT_QUERY_INTERVAL: MTU=,  "PREFECT_ORION_API_PORT" : NDIwMA==, AGENT_PASSWORD: aHVudGVyMg==}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                  namespace: prefect
                data:
                  {PREFECT_ORION_API_HOST: 0.0.0.0,  # every interface
                   PREFECT_LOGGING_LEVEL: INFO}
                """,
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: prefect-agent, namespace: prefect}
                data: {PREFECT_WORKER_QUERY_SECONDS: MTU=,  "PREFECT_SERVER_API_PORT" : NDIwMA==, AGENT_PASSWORD: aHVudGVyMg==}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                  namespace: prefect
                data:
                  {PREFECT_SERVER_API_HOST: 0.0.0.0,  # every interface
                   PREFECT_LOGGING_LEVEL: INFO}
                """,
                spec -> spec.path("k8s/config.yaml")),
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
                      containers:
                        - name: server
                          env:
                            - name: AGENT_POLL
                              valueFrom:
                                secretKeyRef: {name: prefect-agent, key: PREFECT_AGENT_QUERY_INTERVAL}
                            - name: PREFECT_ORION_API_HOST
                              valueFrom:
                                configMapKeyRef:
                                  name: prefect-settings
                                  key: PREFECT_ORION_API_HOST
                          envFrom:
                            - secretRef:
                                name: prefect-agent
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
                      containers:
                        - name: server
                          env:
                            - name: AGENT_POLL
                              valueFrom:
                                secretKeyRef: {name: prefect-agent, key: PREFECT_WORKER_QUERY_SECONDS}
                            - name: PREFECT_SERVER_API_HOST
                              valueFrom:
                                configMapKeyRef:
                                  name: prefect-settings
                                  key: PREFECT_SERVER_API_HOST
                          envFrom:
                            - secretRef:
                                name: prefect-agent
                """,
                spec -> spec.path("k8s/deployment.yaml")));
    }

    // a keyRef written JSON-style (as generators and `kubectl ... -o json | yq -P` leave it), over two lines with a
    // comment: read as the flow mapping it is, so its quoted fields are found and only the key's text changes
    @Test
    void aKeyRefWrittenAsAQuotedFlowMappingFollowsTheRenamedKey() {
        rewriteRun(
            yaml(
                """
                kind: Secret
                metadata: {name: prefect-agent}
                stringData:
                  PREFECT_AGENT_QUERY_INTERVAL: "15"
                """,
                """
                kind: Secret
                metadata: {name: prefect-agent}
                stringData:
                  PREFECT_WORKER_QUERY_SECONDS: "15"
                """,
                spec -> spec.path("k8s/secret.yaml")),
            yaml(
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          env:
                            - name: POLL
                              valueFrom:
                                secretKeyRef: {"name": "prefect-agent",  # made by k8s/secret.yaml
                                               "key": "PREFECT_AGENT_QUERY_INTERVAL", "optional": false}
                """,
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          env:
                            - name: POLL
                              valueFrom:
                                secretKeyRef: {"name": "prefect-agent",  # made by k8s/secret.yaml
                                               "key": "PREFECT_WORKER_QUERY_SECONDS", "optional": false}
                """,
                spec -> spec.path("k8s/deployment.yaml")));
    }

    // the same quoted keyRef into a Secret made elsewhere keeps its key (with the manual note the block form gets)
    @Test
    void aQuotedFlowKeyRefIntoAnOutsideSecretIsKept() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.manual()).containsExactly("deployment.yaml:10 true")),
            yaml(
                """
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          env:
                            - name: POLL
                              valueFrom:
                                secretKeyRef: {"name": "made-elsewhere", "key": "PREFECT_AGENT_QUERY_INTERVAL"}
                """,
                spec -> spec.path("deployment.yaml")));
    }

    // nothing here reads it: renamed as envFrom would read it, with the note a block mapping gets
    @Test
    void flowStyleDataReadByNothingHereIsRenamedWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        RenameRemovedPrefectSettingsInKubernetesDataTest::noteOf).containsExactly(
                        "settings.yaml:4 false CFG001 ConfigMap prefect-settings is read by nothing in this repository: its "
                                + "key PREFECT_ORION_API_PORT is renamed to PREFECT_SERVER_API_PORT, the setting's name when "
                                + "envFrom (or a chart's extraEnvVarsSecret/extraEnvVarsCM) reads it; a secretKeyRef or "
                                + "configMapKeyRef elsewhere that reads PREFECT_ORION_API_PORT must read PREFECT_SERVER_API_PORT now")),
            yaml(
                """
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                data: {PREFECT_ORION_API_PORT: "4200", PREFECT_AGENT_QUERY_INTERVAL: "15"}
                """,
                """
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                data: {PREFECT_SERVER_API_PORT: "4200", PREFECT_WORKER_QUERY_SECONDS: "15"}
                """,
                spec -> spec.path("settings.yaml")));
    }

    // a chart's template in the flow mapping: it reads as no YAML, so its keys are unknown and left to a person
    @Test
    void aTemplatedFlowMappingIsLeftWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        r -> r.line() + " " + r.manual() + " " + r.message().substring(0, r.message().indexOf(" (a template"))).containsExactly(
                        "4 true the data of Secret prefect-env is a flow mapping ({...}) that does not read as YAML on its own")),
            yaml(
                """
                kind: Secret
                metadata:
                  name: prefect-env
                stringData: {PREFECT_ORION_DATABASE_CONNECTION_URL: {{ .Values.database.url | quote }}}
                """,
                spec -> spec.path("chart/templates/secret.yaml")));
    }

    @Test
    void flowStyleDataWithoutRenamedSettingsIsLeftAlone() {
        rewriteRun(yaml(
                """
                kind: Secret
                metadata: {name: prefect-cloud}
                stringData: {PREFECT_API_KEY: pnu_planted, PREFECT_API_URL: "https://api.prefect.cloud/api/accounts/a/workspaces/w"}
                """,
                spec -> spec.path("secret.yaml")));
    }

    // the SealedSecret is the Secret's definition here: its keys are renamed with the keyRef, the ciphertexts are not
    // touched (the controller seals each value under namespace/name, never under its key), and the template's
    // reference to a key follows it
    @Test
    void aSealedSecretsKeysAreRenamedWithTheKeyRefsThatReadThem() {
        rewriteRun(
            yaml(
                """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: prefect-db
                  namespace: prefect
                spec:
                  encryptedData:
                    PREFECT_ORION_DATABASE_CONNECTION_URL: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                    PREFECT_ORION_DATABASE_PASSWORD: AgCtr8HZFBOGZ9Nk+Q7a2dY4xWbP0v9TsLm3cR6uJe1hK5nVf8qG2oAiB7wD4yXz==
                  template:
                    metadata:
                      name: prefect-db
                      namespace: prefect
                    type: Opaque
                    data:
                      DATABASE_URL: '{{ .PREFECT_ORION_DATABASE_CONNECTION_URL }}'
                """,
                """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: prefect-db
                  namespace: prefect
                spec:
                  encryptedData:
                    PREFECT_SERVER_DATABASE_CONNECTION_URL: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                    PREFECT_SERVER_DATABASE_PASSWORD: AgCtr8HZFBOGZ9Nk+Q7a2dY4xWbP0v9TsLm3cR6uJe1hK5nVf8qG2oAiB7wD4yXz==
                  template:
                    metadata:
                      name: prefect-db
                      namespace: prefect
                    type: Opaque
                    data:
                      DATABASE_URL: '{{ .PREFECT_SERVER_DATABASE_CONNECTION_URL }}'
                """,
                spec -> spec.path("sealed/prefect-db.yaml")),
            yaml(
                """
                kind: Deployment
                metadata:
                  name: prefect-server
                  namespace: prefect
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db
                                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                            - name: MIGRATIONS_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db
                                  key: DATABASE_URL
                """,
                """
                kind: Deployment
                metadata:
                  name: prefect-server
                  namespace: prefect
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db
                                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                            - name: MIGRATIONS_URL
                              valueFrom:
                                secretKeyRef:
                                  name: prefect-db
                                  key: DATABASE_URL
                """,
                spec -> spec.path("deployment.yaml")));
    }

    // kubeseal wrote the namespace into the template only (kustomize sets the SealedSecret's at build time): the
    // template's namespace is the one the Secret was sealed for; flow-style encryptedData counts too
    @Test
    void aSealedSecretsTemplateNamespaceStandsForAMissingOne() {
        rewriteRun(
            yaml(
                """
                kind: SealedSecret
                metadata:
                  name: prefect-worker
                spec:
                  encryptedData: {PREFECT_AGENT_PREFETCH_SECONDS: AgA1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ==}
                  template:
                    metadata: {name: prefect-worker, namespace: workers}
                """,
                """
                kind: SealedSecret
                metadata:
                  name: prefect-worker
                spec:
                  encryptedData: {PREFECT_WORKER_PREFETCH_SECONDS: AgA1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ==}
                  template:
                    metadata: {name: prefect-worker, namespace: workers}
                """,
                spec -> spec.path("sealed.yaml")),
            yaml(
                """
                kind: Pod
                metadata:
                  name: worker
                  namespace: workers
                spec:
                  containers:
                    - name: worker
                      env:
                        - name: PREFETCH
                          valueFrom:
                            secretKeyRef: {name: prefect-worker, key: PREFECT_AGENT_PREFETCH_SECONDS}
                """,
                """
                kind: Pod
                metadata:
                  name: worker
                  namespace: workers
                spec:
                  containers:
                    - name: worker
                      env:
                        - name: PREFETCH
                          valueFrom:
                            secretKeyRef: {name: prefect-worker, key: PREFECT_WORKER_PREFETCH_SECONDS}
                """,
                spec -> spec.path("pod.yaml")));
    }

    // the deprecated one-blob SealedSecret seals its keys with its values: nothing to rename, and the keyRef into it
    // is kept with a note that says so
    @Test
    void aKeyRefIntoASealedBlobIsKeptWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).extracting(
                        RenameRemovedPrefectSettingsInKubernetesDataTest::noteOf).containsExactly(
                        "pod.yaml:11 true CFG001 secretKeyRef.key of env PREFETCH is kept as PREFECT_AGENT_PREFETCH_SECONDS: "
                                + "Secret prefect-worker (namespace workers) is a SealedSecret's deprecated spec.data here, "
                                + "which seals its keys inside one ciphertext that no rename can reach (reseal it with kubeseal "
                                + "to rename a key), and the key must name one it has. The key can stay "
                                + "PREFECT_AGENT_PREFETCH_SECONDS: only the env var's name (PREFETCH) is a setting; if the key in "
                                + "Secret prefect-worker is renamed to PREFECT_WORKER_PREFETCH_SECONDS, rename this key with it")),
            yaml(
                """
                kind: SealedSecret
                metadata:
                  name: prefect-worker
                  namespace: workers
                spec:
                  data: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                """,
                spec -> spec.path("sealed.yaml")),
            yaml(
                """
                kind: Pod
                metadata:
                  name: worker
                  namespace: workers
                spec:
                  containers:
                    - name: worker
                      env:
                        - name: PREFETCH
                          valueFrom:
                            secretKeyRef: {name: prefect-worker, key: PREFECT_AGENT_PREFETCH_SECONDS}
                """,
                spec -> spec.path("pod.yaml")));
    }

    @Test
    void aSealedSecretWithoutRenamedSettingsIsLeftAlone() {
        rewriteRun(yaml(
                """
                kind: SealedSecret
                metadata:
                  name: prefect-cloud
                  namespace: prefect
                spec:
                  encryptedData:
                    PREFECT_API_KEY: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                    PREFECT_API_URL: AgCtr8HZFBOGZ9Nk+Q7a2dY4xWbP0v9TsLm3cR6uJe1hK5nVf8qG2oAiB7wD4yXz==
                """,
                spec -> spec.path("sealed.yaml")));
    }
}
