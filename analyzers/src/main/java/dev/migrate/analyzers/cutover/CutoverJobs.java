package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers the jobs to cut over: legacy scheduled jobs and Prefect 3 deployments from the inventory, the
 * validate config's jobs, jobs switched off behind a migrate marker, and jobs that only the evidence store knows (their legacy code is gone).
 * All are matched by {@link CutoverJob#keyOf name key}; the result is sorted by key.
 */
public final class CutoverJobs {
    /** Platform pieces, not jobs: they get the platform pre-steps instead of a section. */
    static final Set<JobKind> PLATFORM = EnumSet.of(JobKind.PREFECT_SERVER, JobKind.PREFECT_AGENT, JobKind.PREFECT_WORKER);

    private CutoverJobs() {
    }

    public static List<CutoverJob> of(Inventory inv, List<DeclaredJob> declared, List<DisableMarker> markers,
            EvidenceReader evidence) {
        Map<String, Builder> byKey = new TreeMap<>();
        for (Job j : inv.jobs()) {
            if (PLATFORM.contains(j.kind())) {
                continue;
            }
            String key = CutoverJob.keyOf(j.name());
            boolean deployment = j.kind() == JobKind.PREFECT3_DEPLOYMENT;
            Builder taken = byKey.get(key);
            if (taken != null && (deployment ? taken.deployment : taken.legacy) != null) {
                // Two jobs share a name (an anacrontab and a crontab line both called cron.daily): the later
                // one, in inventory order, goes by its scan id so neither is lost.
                key = j.id();
            }
            Builder b = byKey.computeIfAbsent(key, k -> new Builder(j.name()));
            if (deployment) {
                b.deployment = j;
            } else {
                b.legacy = j;
            }
        }
        for (DeclaredJob d : declared) {
            byKey.computeIfAbsent(CutoverJob.keyOf(d.name()), k -> new Builder(d.name())).declared = d;
        }
        // A crontab line migrate switched off is no longer a job to the scan; its marker still names it.
        markers.forEach(m -> byKey.computeIfAbsent(m.jobKey(), k -> new Builder(m.jobKey())));
        evidence.validatedJobs().forEach(n -> byKey.computeIfAbsent(CutoverJob.keyOf(n), k -> new Builder(n)));
        evidence.recordedGates().forEach(g -> byKey.computeIfAbsent(CutoverJob.keyOf(g.job()), k -> new Builder(g.job())));
        List<CutoverJob> out = new ArrayList<>();
        byKey.forEach((key, b) -> out.add(new CutoverJob(key, b.name, b.legacy, b.deployment, b.declared)));
        return out;
    }

    /** Only the jobs named (by key or scan id); an unknown name is an error that lists the known ones. */
    public static List<CutoverJob> select(List<CutoverJob> all, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return all;
        }
        List<CutoverJob> out = new ArrayList<>();
        for (String w : wanted) {
            CutoverJob hit = all.stream().filter(j -> j.key().equals(CutoverJob.keyOf(w))
                    || j.legacy() != null && j.legacy().id().equals(w)
                    || j.deployment() != null && j.deployment().id().equals(w)).findFirst()
                    .orElseThrow(() -> new CutoverException("job " + w + ": no such job in this estate; known jobs: "
                            + String.join(", ", all.stream().map(CutoverJob::key).toList())));
            if (!out.contains(hit)) {
                out.add(hit);
            }
        }
        return out;
    }

    private static final class Builder {
        final String name;
        Job legacy;
        Job deployment;
        DeclaredJob declared;

        Builder(String name) {
            this.name = name;
        }
    }
}
