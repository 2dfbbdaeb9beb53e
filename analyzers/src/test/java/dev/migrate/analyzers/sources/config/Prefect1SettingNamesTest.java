package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * PF111 claimed a safe fix for every Prefect 1 variable, but the rewrite renames only those with a Prefect 3 setting
 * and leaves {@code PREFECT__BACKEND} or {@code PREFECT__CLOUD__AGENT__LABELS} as they are: those are manual now.
 */
class Prefect1SettingNamesTest {
    @Test
    void onlyVariablesTheRenameTableGivesAPrefect3SettingHaveASuccessor() {
        assertThat(Prefect1SettingNames.hasSuccessor("PREFECT__LOGGING__LEVEL")).isTrue();
        assertThat(Prefect1SettingNames.hasSuccessor("PREFECT__SERVER__ENDPOINT")).isTrue();
        assertThat(Prefect1SettingNames.hasSuccessor("PREFECT__BACKEND")).isFalse();
        assertThat(Prefect1SettingNames.hasSuccessor("PREFECT__CLOUD__AGENT__LABELS")).isFalse();
    }

    @Test
    void aVariableWithoutOneIsAManualFinding() {
        RecordingSink sink = new RecordingSink();
        SourceRef where = new SourceRef("bin/agent.sh", 1, 1);
        PrefectSettingsCheck.check("PREFECT__LOGGING__LEVEL", where, null, sink);
        PrefectSettingsCheck.check("PREFECT__BACKEND", where, null, sink);
        PrefectSettingsCheck.checkDataKey("PREFECT__CLOUD__AGENT__LABELS", "ConfigMap agent", where, sink);
        assertThat(sink.findings).extracting(f -> f.applicability().name()).containsExactly("SAFE_FIX", "MANUAL", "MANUAL");
        assertThat(sink.findings.get(1).message()).endsWith("no Prefect 3 setting succeeds it: remove it, or replace what "
                + "it configured by hand");
    }
}
