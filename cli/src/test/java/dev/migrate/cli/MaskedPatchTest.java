package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets in the lines a dry-run diff quotes. */
class MaskedPatchTest {
    // a Kubernetes agent manifest whose PREFECT__CLOUD__API_KEY item was renamed: the diff quoted the value line
    // under it, and the key was printed in clear
    @Test
    void theValueLineOfASecretNamedEnvItemIsMasked() {
        String patch = """
                diff --git a/k8s/agent.yaml b/k8s/agent.yaml
                --- a/k8s/agent.yaml
                +++ b/k8s/agent.yaml
                @@ -1,6 +1,6 @@
                           env:
                -            - name: PREFECT__CLOUD__API_KEY
                +            - name: PREFECT_API_KEY
                               value: "pnu_planted_key"
                             - name: NAMESPACE
                               value: "default"
                """;
        String shown = MaskedPatch.of(patch);
        assertThat(shown).doesNotContain("pnu_planted_key").contains("      value: \"***\"\n")
                .contains("value: \"default\"").contains("+            - name: PREFECT_API_KEY\n");
    }

    @Test
    void aOneLineJsonEnvItemIsMaskedToo() {
        String patch = """
                diff --git a/ecs/task.json b/ecs/task.json
                @@ -1,2 +1,2 @@
                -  {"name": "PREFECT__CLOUD__AGENT__AUTH_TOKEN", "value": "planted-token"},
                +  {"name": "PREFECT__CLOUD__AGENT__AUTH_TOKEN", "value": "planted-token"},
                   {"name": "NAMESPACE", "value": "default"}
                """;
        assertThat(MaskedPatch.of(patch)).doesNotContain("planted-token").contains("\"value\": \"default\"");
    }

    // a renamed secretKeyRef key showed as `-key: ***` / `+key: ***`: the key names where the secret is kept; a
    // token beside it, and a key whose reference the hunk does not show, stay masked
    @Test
    void keysOfSecretKeyRefsAreShownAndSecretsBesideThemAreNot() {
        String patch = """
                diff --git a/k8s/deployment.yaml b/k8s/deployment.yaml
                --- a/k8s/deployment.yaml
                +++ b/k8s/deployment.yaml
                @@ -10,9 +10,9 @@
                           env:
                -            - name: PREFECT_ORION_DATABASE_CONNECTION_URL
                +            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                               valueFrom:
                                 secretKeyRef:
                                   name: prefect-db
                -                  key: PREFECT_ORION_DATABASE_CONNECTION_URL
                +                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL
                             - name: BILLING
                               value: "n/a"
                           stripe:
                             key: Tq8vN2zR5wLp
                @@ -40,3 +40,3 @@
                -                  key: PREFECT_ORION_API_KEY
                +                  key: PREFECT_API_KEY
                                   name: prefect-cloud
                """;
        String shown = MaskedPatch.of(patch);
        assertThat(shown).contains("-                  key: PREFECT_ORION_DATABASE_CONNECTION_URL\n")
                .contains("+                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL\n")
                .doesNotContain("Tq8vN2zR5wLp").contains("      key: ***\n")
                .contains("-                  key: ***\n+                  key: ***\n");
    }

    // an ExternalSecret's renamed secretKey showed as `-secretKey: ***` / `+secretKey: ***`, though it names the key of
    // the Secret the operator writes; the hunk starts below `spec:`, which the file's text above it supplies
    @Test
    void secretKeysOfAnExternalSecretAreShown() {
        String after = """
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
                        property: url
                """;
        String patch = """
                diff --git a/k8s/external-secret.yaml b/k8s/external-secret.yaml
                --- a/k8s/external-secret.yaml
                +++ b/k8s/external-secret.yaml
                @@ -9,7 +9,7 @@
                   target:
                     name: prefect-db-credentials
                   data:
                -    - secretKey: PREFECT_ORION_DATABASE_CONNECTION_URL
                +    - secretKey: PREFECT_SERVER_DATABASE_CONNECTION_URL
                       remoteRef:
                         key: prod/prefect
                         property: url
                """;
        assertThat(MaskedPatch.of(patch, Map.of("k8s/external-secret.yaml", after))).isEqualTo(patch);
        // read from the hunk alone, `data:` could be a Secret's: the key stays masked
        assertThat(MaskedPatch.of(patch)).contains("-    - secretKey: ***\n");
    }

    // a Secret's values are secrets whatever their keys are called (a base64 database URL with its password, a host),
    // in block, flow and block-scalar form, also where kubectl wrote `data:` above `kind:`; the renamed keys show, and
    // a ConfigMap's values stay visible
    @Test
    void everyValueOfASecretsDataIsMaskedAndItsKeysAreShown() {
        String after = """
                apiVersion: v1
                data:
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: cG9zdGdyZXNxbDovL3ByZWZlY3Q6aHVudGVyMkBkYi9wcmVmZWN0
                  PREFECT_SERVER_API_HOST: MC4wLjAuMA==
                kind: Secret
                metadata:
                  name: prefect-server-env
                ---
                kind: Secret
                metadata:
                  name: prefect-agent
                stringData: {PREFECT_WORKER_QUERY_SECONDS: "15", WEBHOOK: "https://hooks.example.com/T0/B0/x"}
                ---
                kind: Secret
                metadata:
                  name: prefect-profiles
                stringData:
                  PREFECT_SERVER_API_PORT: '{{ .Values.port }}'
                  profiles.toml: |
                    [profiles.default]
                    PREFECT_SERVER_API_HOST = "0.0.0.0"
                    auth = "admin:Planted-Pass-7"
                ---
                kind: ConfigMap
                metadata:
                  name: prefect-settings
                data:
                  PREFECT_SERVER_API_PORT: "4200"
                """;
        String patch = """
                diff --git a/k8s/secrets.yaml b/k8s/secrets.yaml
                --- a/k8s/secrets.yaml
                +++ b/k8s/secrets.yaml
                @@ -1,12 +1,12 @@
                 apiVersion: v1
                 data:
                -  PREFECT_ORION_DATABASE_CONNECTION_URL: cG9zdGdyZXNxbDovL3ByZWZlY3Q6aHVudGVyMkBkYi9wcmVmZWN0
                -  PREFECT_ORION_API_HOST: MC4wLjAuMA==
                +  PREFECT_SERVER_DATABASE_CONNECTION_URL: cG9zdGdyZXNxbDovL3ByZWZlY3Q6aHVudGVyMkBkYi9wcmVmZWN0
                +  PREFECT_SERVER_API_HOST: MC4wLjAuMA==
                 kind: Secret
                 metadata:
                   name: prefect-server-env
                 ---
                 kind: Secret
                 metadata:
                   name: prefect-agent
                -stringData: {PREFECT_AGENT_QUERY_INTERVAL: "15", WEBHOOK: "https://hooks.example.com/T0/B0/x"}
                +stringData: {PREFECT_WORKER_QUERY_SECONDS: "15", WEBHOOK: "https://hooks.example.com/T0/B0/x"}
                @@ -16,11 +16,11 @@
                   name: prefect-profiles
                 stringData:
                -  PREFECT_ORION_API_PORT: '{{ .Values.port }}'
                +  PREFECT_SERVER_API_PORT: '{{ .Values.port }}'
                   profiles.toml: |
                     [profiles.default]
                -    PREFECT_ORION_API_HOST = "0.0.0.0"
                +    PREFECT_SERVER_API_HOST = "0.0.0.0"
                     auth = "admin:Planted-Pass-7"
                 ---
                 kind: ConfigMap
                 metadata:
                   name: prefect-settings
                 data:
                -  PREFECT_ORION_API_PORT: "4200"
                +  PREFECT_SERVER_API_PORT: "4200"
                """;
        String shown = MaskedPatch.of(patch, Map.of("k8s/secrets.yaml", after));
        assertThat(shown).doesNotContain("cG9zdGdyZXNxbDovL3ByZWZlY3Q6aHVudGVyMkBkYi9wcmVmZWN0").doesNotContain("MC4wLjAuMA")
                .doesNotContain("hooks.example.com").doesNotContain("Planted-Pass-7").doesNotContain("0.0.0.0")
                .contains("+  PREFECT_SERVER_DATABASE_CONNECTION_URL: ***\n")
                .contains("+stringData: {PREFECT_WORKER_QUERY_SECONDS: ***, WEBHOOK: ***}\n")
                .contains("+  PREFECT_SERVER_API_PORT: '{{ .Values.port }}'\n")
                .contains("   profiles.toml: |\n     ***\n-    ***\n+    ***\n     ***\n")
                .contains("+  PREFECT_SERVER_API_PORT: \"4200\"\n");
    }

    // the added key line stood under the removed item's `- name:`, which closed its configMapKeyRef: `+key: ***`;
    // each file's lines are read on their own
    @Test
    void aRemovedItemDoesNotCloseTheReferenceTheAddedLinesStandUnder() {
        String patch = """
                diff --git a/k8s/deployment.yaml b/k8s/deployment.yaml
                @@ -1,9 +1,9 @@
                           env:
                             - name: PORT
                               valueFrom:
                                 configMapKeyRef:
                                   name: prefect-settings
                -                  key: PREFECT_ORION_API_PORT
                -            - name: PREFECT_API_DATABASE_CONNECTION_URL
                +                  key: PREFECT_SERVER_API_PORT
                +            - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                               valueFrom:
                                 secretKeyRef:
                """;
        assertThat(MaskedPatch.of(patch)).isEqualTo(patch);
    }

    // the shapes a value could slip through in: a flow mapping over several lines, a `#` inside the value, a password
    // that starts with `$` (Kubernetes expands nothing in a Secret), a block scalar whose indicator has a comment
    @Test
    void secretValuesInEveryShapeStayMasked() {
        String after = """
                kind: Secret
                metadata:
                  name: prefect-env
                stringData: {PREFECT_SERVER_API_HOST: Planted-Host-1,
                  PREFECT_SERVER_DATABASE_PASSWORD: Planted-Pass-2}
                ---
                kind: Secret
                metadata:
                  name: prefect-more
                stringData:
                  PREFECT_SERVER_API_PORT: Planted #3
                  PREFECT_WORKER_QUERY_SECONDS: $Planted4
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: ${DATABASE_URL}
                  profiles.toml: |  # the profiles
                    Planted-5
                """;
        String patch = """
                diff --git a/secrets.yaml b/secrets.yaml
                @@ -3,13 +3,13 @@
                   name: prefect-env
                -stringData: {PREFECT_ORION_API_HOST: Planted-Host-1,
                -  PREFECT_ORION_DATABASE_PASSWORD: Planted-Pass-2}
                +stringData: {PREFECT_SERVER_API_HOST: Planted-Host-1,
                +  PREFECT_SERVER_DATABASE_PASSWORD: Planted-Pass-2}
                 ---
                 kind: Secret
                 metadata:
                   name: prefect-more
                 stringData:
                -  PREFECT_ORION_API_PORT: Planted #3
                -  PREFECT_AGENT_QUERY_INTERVAL: $Planted4
                -  PREFECT_ORION_DATABASE_CONNECTION_URL: ${DATABASE_URL}
                +  PREFECT_SERVER_API_PORT: Planted #3
                +  PREFECT_WORKER_QUERY_SECONDS: $Planted4
                +  PREFECT_SERVER_DATABASE_CONNECTION_URL: ${DATABASE_URL}
                   profiles.toml: |  # the profiles
                     Planted-5
                """;
        String shown = MaskedPatch.of(patch, Map.of("secrets.yaml", after));
        assertThat(shown).doesNotContain("Planted").contains("+stringData: {PREFECT_SERVER_API_HOST: ***,\n")
                .contains("+  PREFECT_SERVER_DATABASE_PASSWORD: ***}\n").contains("+  PREFECT_SERVER_API_PORT: ***\n")
                .contains("+  PREFECT_SERVER_DATABASE_CONNECTION_URL: ${DATABASE_URL}\n");
    }
}
