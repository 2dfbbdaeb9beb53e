package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BHV006 for a Prefect server a systemd unit runs, as a compose service's image raises it: a unit has no image tag, so
 * which Prefect it runs is known only from the estate: {@code prefect orion start} exists in Prefect 2 alone, and
 * {@code prefect server start} runs what the estate's requirements install, 2.x when a dependency pin keeps Prefect 2
 * (PF208). Placed where the unit's PF292 is, at its {@code ExecStart=}.
 */
public final class PrefectServerUnits implements JobResolver {
    private static final Pattern ORION = Pattern.compile("\\bprefect\\s+orion\\s+start\\b");
    private static final Pattern PIN = Pattern.compile("^dependency pin (\\S+) keeps Prefect 2");

    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        Optional<String> pin = findings.stream().filter(f -> f.code().equals("PF208")).map(f -> PIN.matcher(f.message()))
                .filter(Matcher::find).map(m -> m.group(1)).sorted().findFirst();
        List<Finding> added = new ArrayList<>();
        for (Job server : jobs) {
            if (server.kind() != JobKind.PREFECT_SERVER || !server.source().path().endsWith(".service")
                    || server.attributes().containsKey("image") || server.attributes().containsKey("prefectVersion")) {
                continue;
            }
            Optional<Finding> at = findings.stream().filter(f -> f.code().equals("PF292") && server.id().equals(f.jobId()))
                    .findFirst();
            boolean orion = server.command() != null && ORION.matcher(server.command()).find();
            if (at.isEmpty() || !orion && pin.isEmpty()
                    || findings.stream().anyMatch(f -> f.code().equals("BHV006") && server.id().equals(f.jobId()))) {
                continue;
            }
            String unit = server.source().path().substring(server.source().path().lastIndexOf('/') + 1);
            added.add(Findings.of("BHV006", "Prefect 2 server in " + unit + " (" + (orion ? "`prefect orion start` exists "
                    + "only in Prefect 2" : "the dependency pin " + pin.get() + " installs it") + "): pause every deployment "
                    + "schedule before upgrading it to Prefect 3", at.get().where(), server.id()));
        }
        findings.addAll(added);
    }
}
