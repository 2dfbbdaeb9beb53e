package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.scan.Inventory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the {@code prefect} commands of the pre-steps send their requests: the estate's own server, by the
 * PREFECT_API_URL the scan found (the server's environment, else its agents' and workers'). Without it the CLI talks
 * to the profile's API or an ephemeral local server, and pauses nothing on the real one.
 */
final class ServerApi {
    private ServerApi() {
    }

    /** The URL, credentials masked (a URL may carry user:password@). */
    static String url(Inventory inv, Job server) {
        return Stream.concat(Stream.of(server), inv.jobs().stream().filter(j -> j != server))
                .map(j -> j.env().get("PREFECT_API_URL")).filter(u -> u != null && !u.isBlank()).findFirst()
                .map(Redactor::redact).orElse(null);
    }

    static Step step(Inventory inv, Job server, String source, String where) {
        String url = url(inv, server);
        List<String> lines = new ArrayList<>();
        if (url == null) {
            lines.add("export PREFECT_API_URL=http://SERVER:4200/api   # the scan found no PREFECT_API_URL: the server's address");
        } else {
            String host = host(url);
            String service = server.attributes().get("service");
            if (host != null && service != null && !server.source().path().endsWith(".service") && host.equals(service)) {
                // a compose service name resolves only on the compose network: the runbooks ran the CLI in a container there
                lines.add("docker compose -f " + Step.shellWord(server.source().path()) + " exec " + Step.shellWord(service)
                        + " bash   # " + host + " resolves on the compose network only: run the prefect commands in there "
                        + "(the server's own CLI: 2.x before the upgrade, 3.x after)");
            }
            lines.add("export PREFECT_API_URL=" + url + "   # as " + server.name() + "'s estate sets it; every prefect command "
                    + "below runs against it");
        }
        lines.add("prefect deployment ls   # lists the estate's deployments: the CLI reaches its server");
        return Step.of("Point the prefect CLI at the estate's server", lines,
                "the pause, drain, canary and resume commands act on the server PREFECT_API_URL names; unset, the CLI "
                        + "uses its profile or starts a temporary local server and changes nothing on this one",
                source, where);
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
