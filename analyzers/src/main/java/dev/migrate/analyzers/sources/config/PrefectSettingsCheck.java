package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import java.util.Optional;

/** Checks a {@code PREFECT_*} environment variable against the Prefect 2.20 and 3.8.3 settings data. */
public final class PrefectSettingsCheck {
    private PrefectSettingsCheck() {
    }

    public static void check(String name, SourceRef where, String jobId, InventorySink sink) {
        if (!name.startsWith("PREFECT_")) {
            return;
        }
        PrefectApi api = PrefectApi.get();
        Optional<String> canonical = api.canonicalSetting3(name);
        if (canonical.isEmpty()) {
            if (api.isSetting2(name)) {
                sink.finding(Findings.of("CFG001", "setting " + name + " is not read by Prefect 3.8.3; "
                        + "it is silently ignored after the upgrade", where, jobId));
            }
        } else if (!canonical.get().equals(name)) {
            sink.finding(Findings.of("CFG002", "setting " + name + " is a legacy alias in Prefect 3; use "
                    + canonical.get(), where, jobId));
        }
    }
}
