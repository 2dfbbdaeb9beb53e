package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * The settings rename keeps references to the user's own variables ({@code ${PREFECT_ORION_API_PORT=4200}}) and
 * notes them; a reference sets no setting, so the scan of the rewritten files does not report it as one (CFG001
 * said "setting ... is silently ignored", a fix neither the rewrite nor the user can make there).
 */
class SettingReferencesTest {
    @Test
    void referencesKeptByTheRenameAreNoSettings() {
        // start-server.sh as `migrate rewrite --unsafe-fixes` wrote it
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "start-server.sh", """
                #!/bin/bash
                export PREFECT_SERVER_API_HOST=${PREFECT_ORION_API_HOST:-0.0.0.0}
                export PREFECT_SERVER_API_PORT=${PREFECT_ORION_API_PORT=4200}
                if [ $PREFECT_ORION_UI_ENABLED = false ]; then echo "UI off"; fi
                """)).doesNotContain("CFG001", "CFG002");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "server.env", """
                PREFECT_SERVER_DATABASE_CONNECTION_URL=${PREFECT_ORION_DATABASE_CONNECTION_URL}
                """)).isEmpty();
    }

    @Test
    void theOldNamesWhereTheyAreSetAreStillReported() {
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "start-server.sh", """
                #!/bin/bash
                export PREFECT_ORION_API_PORT=${PORT:-4200}
                PREFECT_ORION_UI_ENABLED=false ./serve.sh
                """)).isEqualTo("""
                start-server.sh:2:1 CFG001 setting PREFECT_ORION_API_PORT is the name Prefect 2.0-2.8.0 gave PREFECT_SERVER_API_PORT; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                start-server.sh:3:1 CFG001 setting PREFECT_ORION_UI_ENABLED is the name Prefect 2.0-2.8.0 gave PREFECT_UI_ENABLED (PREFECT_SERVER_UI_ENABLED in Prefect 3.8.3); Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade
                """);
    }
}
