package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * The keys of Secrets, ConfigMaps and SealedSecrets that the settings rename renames are the ones the scan reports:
 * envFrom makes them env var names, so an old name there is a setting the container gets under its old name.
 */
class SettingKeysDetectorTest {
    @Test
    void blockAndFlowDataKeysAreReportedWhereTheyAreWritten() {
        assertThat(DetectorHarness.run(new SettingKeysDetector(), "k8s/config.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: prefect-server-env
                stringData:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: postgresql+asyncpg://prefect@db/prefect
                  PREFECT_API_KEY: pnu_planted
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: prefect-settings, namespace: prefect}
                data: {PREFECT_AGENT_QUERY_INTERVAL: "15",  "PREFECT_API_DATABASE_CONNECTION_URL" : sqlite, OTHER: x}
                """)).isEqualTo("""
                k8s/config.yaml:6:3 CFG001 setting PREFECT_ORION_DATABASE_CONNECTION_URL is the name Prefect 2.0-2.8.0 gave PREFECT_API_DATABASE_CONNECTION_URL (PREFECT_SERVER_DATABASE_CONNECTION_URL in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade (a key of Secret prefect-server-env, which envFrom makes an env var's name)
                k8s/config.yaml:12:8 CFG001 setting PREFECT_AGENT_QUERY_INTERVAL is not read by Prefect 3.8.3; it is silently ignored after the upgrade (a key of ConfigMap prefect-settings, which envFrom makes an env var's name)
                k8s/config.yaml:12:45 CFG002 setting PREFECT_API_DATABASE_CONNECTION_URL is a legacy alias in Prefect 3; use PREFECT_SERVER_DATABASE_CONNECTION_URL (a key of ConfigMap prefect-settings, which envFrom makes an env var's name)
                """);
    }

    // the controller unseals each encryptedData value under its key, and templates spec.template.data's: both are
    // the Secret's keys; the deprecated one-blob spec.data hides its keys, and the ciphertexts are never read
    @Test
    void aSealedSecretsKeysAreTheKeysOfItsSecret() {
        assertThat(DetectorHarness.run(new SettingKeysDetector(), "k8s/sealed.yaml", """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: prefect-worker
                spec:
                  encryptedData:
                    PREFECT_AGENT_PREFETCH_SECONDS: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq
                    PREFECT_API_KEY: AgCtr8NOhgy1mQ7yWjIhAg3wrVCdaXPW
                  template:
                    metadata: {name: prefect-worker}
                    data: {PREFECT_ORION_API_PORT: "{{ .PORT }}"}
                ---
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata:
                  name: legacy
                spec:
                  data: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEqPREFECT_ORION_API_PORT
                """)).isEqualTo("""
                k8s/sealed.yaml:7:5 CFG001 setting PREFECT_AGENT_PREFETCH_SECONDS is not read by Prefect 3.8.3; it is silently ignored after the upgrade (a key of the Secret SealedSecret prefect-worker unseals to, which envFrom makes an env var's name)
                k8s/sealed.yaml:11:12 CFG001 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 gave PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade (a key of the Secret SealedSecret prefect-worker unseals to, which envFrom makes an env var's name)
                """);
    }

    // values, other kinds' fields and current names are no keys the rename changes: nothing to report
    @Test
    void valuesOtherObjectsAndCurrentNamesAreNotReported() {
        assertThat(DetectorHarness.run(new SettingKeysDetector(), "k8s/other.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: app}
                stringData: {DATABASE_URL: PREFECT_ORION_DATABASE_CONNECTION_URL, PREFECT_SERVER_API_PORT: "4200"}
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: prefect}
                spec:
                  data:
                    - secretKey: PREFECT_API_KEY
                      remoteRef: {key: PREFECT_ORION_API_KEY}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: prefect}
                data: {PREFECT_ORION_API_PORT: "4200"}
                """)).isEmpty();
    }
}
