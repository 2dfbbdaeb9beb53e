package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenamePrefectSettingsToCanonicalNamesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenamePrefectSettingsToCanonicalNames());
    }

    private static InMemoryExecutionContext target(String release) {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse(release).putInto(ctx);
        return ctx;
    }

    @DocumentExample
    @Test
    void systemdEnvironmentLines() {
        rewriteRun(text(
            """
            [Service]
            Environment="PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect_user:password@localhost/prefect_db"
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            """,
            """
            [Service]
            Environment="PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://prefect_user:password@localhost/prefect_db"
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            """,
            spec -> spec.path("prefect-server.service")));
    }

    @Test
    void composeEnvironmentMapAndList() {
        rewriteRun(yaml(
            """
            services:
              server:
                environment:
                  PREFECT_ORION_DATABASE_CONNECTION_URL: postgresql+asyncpg://db/prefect
              worker:
                environment:
                  - PREFECT_ORION_DATABASE_CONNECTION_URL=x
            """,
            """
            services:
              server:
                environment:
                  PREFECT_SERVER_DATABASE_CONNECTION_URL: postgresql+asyncpg://db/prefect
              worker:
                environment:
                  - PREFECT_SERVER_DATABASE_CONNECTION_URL=x
            """,
            spec -> spec.path("docker-compose.yml")));
    }

    // the host's .env still defines PREFECT_API_DATABASE_CONNECTION_URL: the reference keeps reading it
    @Test
    void composeReferencesToHostVariablesAreKeptWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + ": " + r.message())
                        .containsExactly("4 CFG002: ${PREFECT_API_DATABASE_CONNECTION_URL} is kept as written: it reads "
                                + "PREFECT_API_DATABASE_CONNECTION_URL from outside this file (the host, the shell, a .env file, "
                                + "CI settings), which this rename leaves as it is; where PREFECT_API_DATABASE_CONNECTION_URL is "
                                + "defined for Prefect itself, rename it there to PREFECT_SERVER_DATABASE_CONNECTION_URL (the old "
                                + "name still works as an alias)")),
            yaml(
                """
                services:
                  server:
                    environment:
                      PREFECT_API_DATABASE_CONNECTION_URL: ${PREFECT_API_DATABASE_CONNECTION_URL}
                      PREFECT_API_DEFAULT_LIMIT: ${PREFECT_API_DATABASE_CONNECTION_URL:+200}
                """,
                """
                services:
                  server:
                    environment:
                      PREFECT_SERVER_DATABASE_CONNECTION_URL: ${PREFECT_API_DATABASE_CONNECTION_URL}
                      PREFECT_SERVER_API_DEFAULT_LIMIT: ${PREFECT_API_DATABASE_CONNECTION_URL:+200}
                """,
                spec -> spec.path("docker-compose.yml")));
    }

    // 3.0 renamed nothing yet: its canonical names are the 2.x ones; 3.7 moved the heartbeat setting, 3.8 reads it
    @Test
    void theTargetDecidesHowFarAChainGoes() {
        rewriteRun(spec -> spec.executionContext(target("3.0")),
            text("PREFECT_API_DATABASE_CONNECTION_URL=x\nPREFECT_RUNNER_HEARTBEAT_FREQUENCY=30\n",
                spec -> spec.path("prefect.env")));
        rewriteRun(spec -> spec.executionContext(target("3.0")),
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=x\n", "PREFECT_API_DATABASE_CONNECTION_URL=x\n",
                spec -> spec.path("prefect.env")));
        rewriteRun(spec -> spec.executionContext(target("3.6")),
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=x\nPREFECT_RUNNER_HEARTBEAT_FREQUENCY=30\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=x\nPREFECT_RUNNER_HEARTBEAT_FREQUENCY=30\n",
                spec -> spec.path("prefect.env")));
        rewriteRun(spec -> spec.executionContext(target("3.8")),
            text("PREFECT_ORION_DATABASE_CONNECTION_URL=x\nPREFECT_RUNNER_HEARTBEAT_FREQUENCY=30\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=x\nPREFECT_FLOWS_HEARTBEAT_FREQUENCY=30\n",
                spec -> spec.path("prefect.env")));
    }

    @Test
    void canonicalNamesAreLeftAlone() {
        rewriteRun(text("PREFECT_SERVER_DATABASE_CONNECTION_URL=x\nPREFECT_API_URL=y\nMY_PREFECT_API_DATABASE_CONNECTION_URL_X=1\n",
            spec -> spec.path("prefect.env")));
    }

    // the database URL Secret is made by the platform team's operator: the env var becomes the canonical name, the
    // secretKeyRef keeps the key the Secret has; the old name as a key is harmless
    @Test
    void aKeyRefIntoAnOutsideSecretKeepsItsKey() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.code() + " " + r.message())
                        .containsExactly("9 true CFG002 secretKeyRef.key of env PREFECT_SERVER_DATABASE_CONNECTION_URL is "
                                + "kept as PREFECT_API_DATABASE_CONNECTION_URL: Secret prefect-db (namespace data) is not "
                                + "defined in this repository (kubectl create, an operator, another repository), and the key "
                                + "must name one it has. The key can stay PREFECT_API_DATABASE_CONNECTION_URL: only the env "
                                + "var's name (PREFECT_SERVER_DATABASE_CONNECTION_URL) is a setting; if the key in Secret "
                                + "prefect-db is renamed to PREFECT_SERVER_DATABASE_CONNECTION_URL, rename this key with it")),
            yaml(
                """
                kind: StatefulSet
                metadata: {name: prefect-server, namespace: data}
                spec:
                  containers:
                    - env:
                        - name: PREFECT_API_DATABASE_CONNECTION_URL
                          valueFrom:
                            secretKeyRef:
                              key: PREFECT_API_DATABASE_CONNECTION_URL
                              name: prefect-db
                """,
                """
                kind: StatefulSet
                metadata: {name: prefect-server, namespace: data}
                spec:
                  containers:
                    - env:
                        - name: PREFECT_SERVER_DATABASE_CONNECTION_URL
                          valueFrom:
                            secretKeyRef:
                              key: PREFECT_API_DATABASE_CONNECTION_URL
                              name: prefect-db
                """,
                spec -> spec.path("server.yaml")));
    }

    // the 2.x alias in .env and the compose reference that reads it move together, as the removed names do
    // the opt-in rename in Kubernetes: aliases in a SealedSecret and in flow-style ConfigMap data, with the keyRefs
    // that read them, renamed in one run
    @Test
    void aliasesInSealedSecretsAndFlowStyleDataMoveWithTheirKeyRefs() {
        rewriteRun(
            yaml(
                """
                kind: SealedSecret
                metadata: {name: prefect-db, namespace: prefect}
                spec:
                  encryptedData:
                    PREFECT_API_DATABASE_CONNECTION_URL: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                ---
                kind: ConfigMap
                metadata: {name: prefect-settings, namespace: prefect}
                data: {PREFECT_API_SERVICES_SCHEDULER_ENABLED: "false", PREFECT_API_URL: http://prefect-server:4200/api}
                """,
                """
                kind: SealedSecret
                metadata: {name: prefect-db, namespace: prefect}
                spec:
                  encryptedData:
                    PREFECT_SERVER_DATABASE_CONNECTION_URL: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq4aZ1n9Lr3kWk0mD3pXq2dLf8Yb1cKz==
                ---
                kind: ConfigMap
                metadata: {name: prefect-settings, namespace: prefect}
                data: {PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED: "false", PREFECT_API_URL: http://prefect-server:4200/api}
                """,
                spec -> spec.path("k8s/config.yaml")),
            yaml(
                """
                kind: Deployment
                metadata: {name: prefect-server, namespace: prefect}
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: DB_URL
                              valueFrom:
                                secretKeyRef: {name: prefect-db, key: PREFECT_API_DATABASE_CONNECTION_URL}
                            - name: SCHEDULER
                              valueFrom:
                                configMapKeyRef: {name: prefect-settings, key: PREFECT_API_SERVICES_SCHEDULER_ENABLED}
                """,
                """
                kind: Deployment
                metadata: {name: prefect-server, namespace: prefect}
                spec:
                  template:
                    spec:
                      containers:
                        - name: server
                          env:
                            - name: DB_URL
                              valueFrom:
                                secretKeyRef: {name: prefect-db, key: PREFECT_SERVER_DATABASE_CONNECTION_URL}
                            - name: SCHEDULER
                              valueFrom:
                                configMapKeyRef: {name: prefect-settings, key: PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED}
                """,
                spec -> spec.path("k8s/deployment.yaml")));
    }

    @Test
    void aDotEnvAliasAndItsComposeReferenceMoveTogether() {
        rewriteRun(
            text("PREFECT_API_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n",
                "PREFECT_SERVER_DATABASE_CONNECTION_URL=postgresql+asyncpg://db/prefect\n", spec -> spec.path(".env")),
            yaml(
                """
                services:
                  server:
                    environment:
                      - PREFECT_API_DATABASE_CONNECTION_URL=${PREFECT_API_DATABASE_CONNECTION_URL:?set it in .env}
                """,
                """
                services:
                  server:
                    environment:
                      - PREFECT_SERVER_DATABASE_CONNECTION_URL=${PREFECT_SERVER_DATABASE_CONNECTION_URL:?set it in .env}
                """,
                spec -> spec.path("compose.yaml")));
    }
}
