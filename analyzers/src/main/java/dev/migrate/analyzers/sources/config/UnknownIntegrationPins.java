package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectIntegrations;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PF222: an integration package whose first Prefect 3 release the tool does not know ({@code prefect-dbt},
 * {@code prefect-snowflake}, third parties' {@code prefect-*}), pinned to a release in a dependency file that pins
 * Prefect 2. The known ones are PF208's; for these only the package's own metadata tells which release to move to, so
 * the scan says so rather than guessing a version.
 */
final class UnknownIntegrationPins {
    /** Prefect's own distributions, which are Prefect itself rather than integrations. */
    private static final Set<String> PREFECT_ITSELF = Set.of("prefect-client", "prefect-server", "prefect-cloud");

    /**
     * {@code prefect-dbt==0.4.1}, {@code prefect-dbt[cli]~=0.4}, Poetry's {@code prefect-dbt = "^0.4.1"} and its
     * table form {@code prefect-dbt = {extras = ["cli"], version = "^0.4.1"}}.
     */
    private static final Pattern REQUIREMENT = Pattern.compile("(?<![\\w.-])(?<name>prefect-[a-z0-9][a-z0-9-]*)"
            + "(?:\\[[^\\]]*])?(?:\\s*=\\s*(?:\"(?<poetry>[^\"]*)\"|\\{[^}]*?version\\s*=\\s*\"(?<table>[^\"]*)\")"
            + "|(?<spec>\\s*(?:[=<>!~]=?|===)\\s*[^;#\"'\\s,]*(?:\\s*,\\s*[=<>!~]=?\\s*[^;#\"'\\s,]*)*))");

    /** A constraint that holds the package at or below some release: an exact or compatible pin, Poetry's caret, a cap. */
    private static final Pattern HOLDS = Pattern.compile("^\\s*(?:==|===|~=|\\^|~(?!=)|<|\\d)|,\\s*<");

    private UnknownIntegrationPins() {
    }

    static void report(ScanFile file, String line, int index, InventorySink sink) {
        Matcher m = REQUIREMENT.matcher(line);
        while (m.find()) {
            String name = m.group("name");
            String spec = m.group("poetry") != null ? m.group("poetry")
                    : m.group("table") != null ? m.group("table") : m.group("spec");
            if (PREFECT_ITSELF.contains(name) || PrefectIntegrations.firstPrefect3Release(name) != null
                    || spec == null || !HOLDS.matcher(spec.strip()).find()) {
                continue;
            }
            // Poetry's table form is shown by its version alone: the match stops inside the braces
            String pin = m.group("table") != null ? name + " version = \"" + spec + "\""
                    : line.substring(m.start(), m.end()).strip();
            sink.finding(Findings.of("PF222", "dependency pin " + pin
                    + " is pinned beside Prefect 2, and this tool does not know "
                    + "which " + name + " release first supports Prefect 3: move it with Prefect to a release whose "
                    + "requirements accept prefect 3 (its Requires-Dist on PyPI, or `pip index versions " + name + "`)",
                    SourceRef.at(file.path(), index + 1, m.start() + 1), null));
        }
    }
}
