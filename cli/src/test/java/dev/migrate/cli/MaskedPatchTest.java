package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
