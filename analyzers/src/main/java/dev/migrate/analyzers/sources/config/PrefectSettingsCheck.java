package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import java.util.List;
import java.util.Optional;

/** Checks a {@code PREFECT_*} environment variable against Prefect 1's naming and the 2.20 and 3.8.3 settings data. */
public final class PrefectSettingsCheck {
    private static final String ORION = "PREFECT_ORION_";
    private static final String SERVER = "PREFECT_SERVER_";
    private static final String PREFECT1 = "PREFECT__";
    private PrefectSettingsCheck() {
    }

    /**
     * What is wrong with an old name: the finding's code, the name to use instead (if any) and the message;
     * {@code renamed}: whether the rewrite's settings renames know the name (a name no Prefect release had is left as
     * it is).
     */
    private record Problem(String code, String canonical, String message, boolean renamed) {
        Problem(String code, String canonical, String message) {
            this(code, canonical, message, true);
        }
    }

    public static void check(String name, SourceRef where, String jobId, InventorySink sink) {
        problem(name).ifPresent(p -> sink.finding(finding(p, p.message(), where, jobId)));
    }

    /** A Prefect 1 name the rewrite has no setting to rename to is only reported there: a person's (manual). */
    private static Finding finding(Problem p, String message, SourceRef where, String jobId) {
        return p.code().equals("PF111") && !p.renamed() ? Findings.manual(p.code(), message, where, jobId)
                : Findings.of(p.code(), message, where, jobId);
    }

    /**
     * Checks a key of a Secret or ConfigMap a manifest defines ({@code owner}, "Secret prefect-env"): {@code envFrom}
     * makes each key an env var's name, so an old name there reaches the container as the old setting.
     */
    public static void checkDataKey(String name, String owner, SourceRef where, InventorySink sink) {
        problem(name).ifPresent(p -> sink.finding(finding(p, p.message() + " (a key of " + owner
                + ", which envFrom makes an env var's name)", where, null)));
    }

    /**
     * Checks a key of a compose project's {@code .env} (or {@code --env-file}) that compose files read as
     * {@code ${NAME}} for interpolation: the rewrite renames the key and those references together, so the finding
     * says so, instead of calling a variable Prefect never read "silently ignored". A key the file's services also load
     * with {@code env_file:} is container environment too, and the old name is lost there.
     *
     * @param readers the compose files (with the line of their first reference) that read the key
     * @param loaded  whether a service also loads the file with {@code env_file:}
     */
    public static void checkComposeVariable(String name, SourceRef where, List<String> readers, boolean loaded,
            InventorySink sink) {
        Optional<Problem> found = problem(name);
        if (found.isEmpty()) {
            return;
        }
        Problem p = found.get();
        if (p.code().equals("PF111") || !p.renamed()) {
            sink.finding(finding(p, p.message(), where, null));
            return;
        }
        String to = p.canonical() != null ? "to " + p.canonical() : "to its Prefect 3 successor, where it has one,";
        String lost = p.code().equals("CFG001") ? "Prefect 3.8.3 does not read the old name" : "the old name is a legacy alias";
        sink.finding(Findings.of(p.code(), "setting " + name + " is a compose variable here: " + String.join(", ", readers)
                + (readers.size() == 1 ? " reads" : " read") + " it as ${" + name + "} for interpolation"
                + (loaded ? ", and a service loads this file with env_file: as its environment (" + lost + ")" : "")
                + "; the rewrite renames it " + to + " together with those references", where, null));
    }

    /**
     * A {@code PREFECT_ORION_X} name, which neither recorded release reads. Prefect 2.0-2.8.0 named its server settings
     * so, and 2.8.1 renamed them as the rename table says ({@link OrionSettingNames}: PREFECT_ORION_DATABASE_CONNECTION_URL
     * became PREFECT_API_DATABASE_CONNECTION_URL, PREFECT_ORION_BLOCKS_REGISTER_ON_START became
     * PREFECT_API_BLOCKS_REGISTER_ON_START, which 3.8.3 reads as PREFECT_SERVER_REGISTER_BLOCKS_ON_START); the rewrite
     * renames by that table. A setting 3.8.3 no longer has at all (PREFECT_ORION_SERVICES_FLOW_RUN_NOTIFICATIONS_ENABLED)
     * is lost either way. A name the table lacks is read as the same words after PREFECT_SERVER_, and only when that is a
     * 3.8.3 setting Prefect 2.20 had too; another one (PREFECT_ORION_EVENTS_RETENTION_PERIOD) never was a Prefect
     * setting, so nothing renames it.
     */
    private static Optional<Problem> orionName(PrefectApi api, String name) {
        Optional<String> renamed = OrionSettingNames.renamedTo(name);
        if (renamed.isPresent()) {
            String two = renamed.get();
            Optional<String> three = api.canonicalSetting3(two);
            if (three.isEmpty()) {
                return Optional.of(new Problem("CFG001", two, "setting " + name + " is the name Prefect 2.0-2.8.0 gave "
                        + two + ", which Prefect 3.8.3 no longer has: no setting succeeds it, so it is silently ignored "
                        + "after the upgrade; remove it, or replace what it configured by hand"));
            }
            return Optional.of(gave(name, two, three.get()));
        }
        Optional<String> canonical = api.canonicalSetting3(SERVER + name.substring(ORION.length()));
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String c = canonical.get();
        Optional<String> two = api.setting2ReadAs(c);
        if (two.isEmpty()) {
            return Optional.of(new Problem("CFG001", null, "setting " + name + " was never a Prefect setting: Prefect 2 "
                    + "had no " + c + " its early PREFECT_ORION_* names could stand for, and Prefect 3.8.3 does not read "
                    + "it either; if it is meant to set " + c + ", rename it by hand", false));
        }
        return Optional.of(gave(name, two.get(), c));
    }

    /** An early name whose setting Prefect 2.8.1 called {@code two} and Prefect 3.8.3 calls {@code three}. */
    private static Problem gave(String name, String two, String three) {
        String gave = two.equals(three) ? three : two + " (" + three + " in Prefect 3.8.3)";
        return new Problem("CFG001", three, "setting " + name + " is the name Prefect 2.0-2.8.0 gave " + gave
                + "; Prefect 3.8.3 does not read it, so it is silently ignored after the upgrade");
    }

    private static Optional<Problem> problem(String name) {
        if (!name.startsWith("PREFECT_")) {
            return Optional.empty();
        }
        if (name.startsWith(PREFECT1)) {
            // PREFECT__SECTION__KEY: Prefect 1's config path, no later release reads it
            boolean successor = Prefect1SettingNames.hasSuccessor(name);
            return Optional.of(new Problem("PF111", null, "setting " + name + " is a Prefect 1 name (PREFECT__SECTION__KEY); "
                    + "Prefect 3 reads flat PREFECT_* settings and silently ignores it" + (successor ? ""
                    : "; no Prefect 3 setting succeeds it: remove it, or replace what it configured by hand"), successor));
        }
        PrefectApi api = PrefectApi.get();
        Optional<String> canonical = api.canonicalSetting3(name);
        if (canonical.isEmpty()) {
            if (api.isSetting2(name)) {
                return Optional.of(new Problem("CFG001", null, "setting " + name + " is not read by Prefect 3.8.3; "
                        + "it is silently ignored after the upgrade"));
            }
            if (name.startsWith(ORION)) {
                return orionName(api, name);
            }
            return Optional.empty();
        }
        if (!canonical.get().equals(name)) {
            return Optional.of(new Problem("CFG002", canonical.get(), "setting " + name + " is a legacy alias in Prefect 3; use "
                    + canonical.get()));
        }
        return Optional.empty();
    }
}
