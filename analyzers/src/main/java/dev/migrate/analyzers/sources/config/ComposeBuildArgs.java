package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A compose service's {@code build: args:} entry that sets Prefect's version to a 2.x one (mapping form
 * {@code PREFECT_VERSION: 2.14.3} or list form {@code - PREFECT_VERSION=2.14.3}): it replaces the Dockerfile's
 * {@code ARG} default, so the service's image keeps Prefect 2 once the Dockerfile is raised (PF208, which the compose
 * recipe fixes from the same definition, {@link PrefectVersionBuildArgs}); so does one named for an integration's
 * version that holds it below its first Prefect 3 release ({@code PREFECT_AWS_VERSION: 0.4.5},
 * {@link IntegrationVersionArgs#named}).
 */
final class ComposeBuildArgs {
    private ComposeBuildArgs() {
    }

    /** Reports the service's Prefect 2 build arguments, on the service's job when it is one. */
    static void check(ScanFile file, String service, Node svc, String jobId, InventorySink sink) {
        // `build: ./dir` (a string) has no arguments
        Node args = YamlDocs.path(svc, "build", "args");
        for (Map.Entry<String, Node> e : YamlDocs.entries(args).entrySet()) {
            report(file, service, PrefectVersionBuildArgs.of(e.getKey(), YamlDocs.scalar(e.getValue())), e.getValue(),
                    jobId, sink);
            reportIntegration(file, service, IntegrationVersionArgs.named(e.getKey(), YamlDocs.scalar(e.getValue())),
                    e.getValue(), jobId, sink);
        }
        for (Node item : YamlDocs.items(args)) {
            String s = YamlDocs.scalar(item);
            report(file, service, s == null ? Optional.empty() : PrefectVersionBuildArgs.of(s), item, jobId, sink);
            int eq = s == null ? -1 : s.indexOf('=');
            if (eq > 0) {
                reportIntegration(file, service, IntegrationVersionArgs.named(s.substring(0, eq), s.substring(eq + 1)),
                        item, jobId, sink);
            }
        }
    }

    /** PF208 for an argument named for an integration's version ({@code PREFECT_AWS_VERSION: 0.4.5}) held below it. */
    private static void reportIntegration(ScanFile file, String service, Optional<IntegrationVersionArgs.IntegrationArg> arg,
            Node at, String jobId, InventorySink sink) {
        arg.ifPresent(a -> sink.finding(Findings.of("PF208", "build argument " + a.name() + "=" + a.version()
                + " of service '" + service + "' installs " + a.integration() + " below its first Prefect 3 release ("
                + a.firstPrefect3Release() + ") in its image (it replaces the Dockerfile's ARG default); move it with "
                + "Prefect once flows and integrations are ready", YamlDocs.where(file, at), jobId)));
    }

    private static void report(ScanFile file, String service, Optional<PrefectVersionBuildArgs.BuildArg> arg, Node at,
            String jobId, InventorySink sink) {
        arg.ifPresent(a -> sink.finding(Findings.of("PF208", "build argument " + a.assignment() + " of service '"
                + service + "' installs or runs Prefect 2 in its image (it replaces the Dockerfile's ARG default); "
                + "move it to Prefect 3 once flows and integrations are ready", YamlDocs.where(file, at), jobId)));
    }
}
