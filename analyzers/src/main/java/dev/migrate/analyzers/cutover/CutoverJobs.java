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
        return of(inv, Map.of(), declared, markers, evidence);
    }

    /** @param retired scan id to name of the jobs the legacy recipe replaced and may have deleted ({@link RetiredJobs}) */
    public static List<CutoverJob> of(Inventory inv, Map<String, String> retired, List<DeclaredJob> declared,
            List<DisableMarker> markers, EvidenceReader evidence) {
        Map<String, Builder> byKey = new TreeMap<>();
        Map<String, String> legacyKeys = legacyKeys(inv, retired);
        Map<String, Job> fallbacks = AnacronFallbacks.of(inv.jobs());
        Map<String, Job> supervisors = supervisors(inv.jobs());
        for (Job j : inv.jobs()) {
            if (!PLATFORM.contains(j.kind()) && j.kind() != JobKind.PREFECT3_DEPLOYMENT && !fallbacks.containsKey(j.id())
                    && !supervisors.containsValue(j)) {
                // a loop is named as the legacy recipe names it (after the unit that keeps it running, else its script)
                String name = nameOf(j, supervisors.get(j.id()));
                Builder b = byKey.computeIfAbsent(legacyKeys.get(j.id()), k -> new Builder(name));
                b.legacy = j;
                b.supervisor = supervisors.get(j.id());
            }
        }
        for (Job j : inv.jobs()) {
            if (fallbacks.containsKey(j.id())) {
                byKey.get(legacyKeys.get(j.id())).fallbacks.add(j);
            }
        }
        for (Job j : inv.jobs()) {
            if (j.kind() != JobKind.PREFECT3_DEPLOYMENT) {
                continue;
            }
            // migrate's legacy recipe names each deployment it writes after the legacy job's scan id
            String own = CutoverJob.deploymentName(j);
            String key = legacyKeys.getOrDefault(own, CutoverJob.keyOf(own));
            Builder taken = byKey.get(key);
            if (taken != null && taken.deployment != null) {
                key = j.id(); // two deployments share a name: the later one goes by its scan id
            }
            byKey.computeIfAbsent(key, k -> new Builder(own)).deployment = j;
        }
        // a prefect.yaml deployment is keyed by its own name, as before the scan named it FLOW/DEPLOYMENT; the validate
        // config and the evidence may use either name
        Map<String, String> flowNamed = new java.util.HashMap<>(flowNamedKeys(byKey));
        // a loop kept running by a unit is one job, keyed by the unit's name: evidence, a validate config and --job may
        // name it by the loop's script too
        inv.jobs().stream().filter(j -> j.kind() == JobKind.PYTHON_SLEEP_LOOP && legacyKeys.containsKey(j.id()))
                .forEach(loop -> flowNamed.putIfAbsent(CutoverJob.keyOf(nameOf(loop)), legacyKeys.get(loop.id())));
        java.util.function.Function<String, String> keyOf = n -> {
            String k = CutoverJob.keyOf(n);
            return byKey.containsKey(k) ? k : flowNamed.getOrDefault(k, k);
        };
        for (DeclaredJob d : declared) {
            byKey.computeIfAbsent(keyOf.apply(d.name()), k -> new Builder(d.name())).declared = d;
        }
        // A crontab line migrate switched off is no longer a job to the scan; its marker still names it.
        markers.forEach(m -> byKey.computeIfAbsent(m.jobKey(), k -> new Builder(m.jobKey())));
        evidence.validatedJobs().forEach(n -> byKey.computeIfAbsent(keyOf.apply(n), k -> new Builder(n)));
        evidence.recordedGates().forEach(g -> byKey.computeIfAbsent(keyOf.apply(g.job()), k -> new Builder(g.job())));
        List<CutoverJob> out = new ArrayList<>();
        byKey.forEach((key, b) -> out.add(new CutoverJob(key, b.name, b.legacy, b.deployment, b.declared, b.fallbacks,
                b.supervisor)));
        return out;
    }

    /**
     * By scan id of a sleep loop, the systemd service that keeps it running: one job with it, not two (k2-platform's
     * scheduler.py and iceberg-offload-scheduler.service), the unit being what the cutover stops.
     */
    static Map<String, Job> supervisors(List<Job> jobs) {
        Map<String, Job> out = new java.util.LinkedHashMap<>();
        for (Job j : jobs) {
            Job unit = dev.migrate.analyzers.model.SchedulerServices.supervisorOf(j, jobs);
            if (unit != null && !out.containsValue(unit)) {
                out.put(j.id(), unit);
            }
        }
        return out;
    }

    /**
     * The key of a deployment's FLOW/DEPLOYMENT name to the key of the job it is (keyed by the deployment's own name,
     * {@link CutoverJob#deploymentName}); a name two jobs share is no one's.
     */
    private static Map<String, String> flowNamedKeys(Map<String, Builder> byKey) {
        Map<String, String> out = new java.util.HashMap<>();
        Set<String> shared = new java.util.HashSet<>();
        byKey.forEach((key, b) -> {
            for (Job j : java.util.Arrays.asList(b.legacy, b.deployment)) {
                String other = j == null ? null : CutoverJob.flowNamed(j);
                String otherKey = other == null ? null : CutoverJob.keyOf(other);
                if (otherKey != null && !otherKey.equals(key) && out.putIfAbsent(otherKey, key) != null
                        && !out.get(otherKey).equals(key)) {
                    shared.add(otherKey);
                }
            }
        });
        shared.forEach(out::remove);
        return out;
    }

    /**
     * The key of each legacy job (not a platform piece or a Prefect 3 deployment), by scan id: its name key, or its
     * scan id when an earlier legacy job of the inventory took that name (an anacrontab and a crontab line both
     * called cron.daily), so neither is lost. What migrate's legacy recipe writes names a job by its scan id (the
     * deployment, the {@code # migrate: disabled} markers of the cutover phase); this map puts those back under
     * the job's key.
     */
    public static Map<String, String> legacyKeys(Inventory inv) {
        return legacyKeys(inv, Map.of());
    }

    /**
     * As {@link #legacyKeys(Inventory)}, and also the jobs the inventory no longer holds that the legacy recipe's
     * manifest still names ({@code retired}, scan id to name): once the cleanup deleted a job's crontab or unit, its
     * deployment and markers stay the job's by its name.
     */
    public static Map<String, String> legacyKeys(Inventory inv, Map<String, String> retired) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Set<String> taken = new java.util.HashSet<>();
        Map<String, Job> fallbacks = AnacronFallbacks.of(inv.jobs());
        Map<String, Job> supervisors = supervisors(inv.jobs());
        Set<String> merged = new java.util.HashSet<>();
        for (Job j : inv.jobs()) {
            if (PLATFORM.contains(j.kind()) || j.kind() == JobKind.PREFECT3_DEPLOYMENT || fallbacks.containsKey(j.id())
                    || supervisors.containsValue(j)) {
                continue;
            }
            String key = CutoverJob.keyOf(j.kind() == JobKind.PYTHON_SLEEP_LOOP ? nameOf(j, supervisors.get(j.id()))
                    : CutoverJob.deploymentName(j));
            out.put(j.id(), taken.add(key) ? key : j.id());
            if (j.kind() == JobKind.PYTHON_SLEEP_LOOP && out.get(j.id()).equals(key)) {
                merged.add(key);
            }
        }
        // an anacron fallback line is its anacron job's: the scripts they run are the same
        fallbacks.forEach((id, anacron) -> out.put(id, out.get(anacron.id())));
        // so is the unit that keeps a sleep loop running its loop's (what names it by scan id finds the loop's job)
        supervisors.forEach((loop, unit) -> out.put(unit.id(), out.get(loop)));
        retired.forEach((id, name) -> {
            if (!out.containsKey(id)) {
                String key = CutoverJob.keyOf(name);
                // the legacy recipe names a loop (with its unit, as the unit) under an id of its own: that job is the
                // loop's of that name, not another job that happens to share it
                out.put(id, taken.add(key) || merged.contains(key) ? key : id);
            }
        });
        return out;
    }

    /** Only the jobs named (by key or scan id); an unknown name is an error naming the closest known ones. */
    public static List<CutoverJob> select(List<CutoverJob> all, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return all;
        }
        List<CutoverJob> out = new ArrayList<>();
        for (String w : wanted) {
            CutoverJob hit = all.stream().filter(j -> j.key().equals(CutoverJob.keyOf(w))
                    || j.otherName() != null && CutoverJob.keyOf(j.otherName()).equals(CutoverJob.keyOf(w))
                    || j.legacy() != null && j.legacy().id().equals(w)
                    || j.deployment() != null && j.deployment().id().equals(w)
                    || j.supervisor() != null && j.supervisor().id().equals(w)
                    || j.legacy() != null && j.legacy().kind() == JobKind.PYTHON_SLEEP_LOOP
                    && CutoverJob.keyOf(nameOf(j.legacy())).equals(CutoverJob.keyOf(w))
                    || j.fallbacks().stream().anyMatch(f -> f.id().equals(w))).findFirst()
                    .orElseThrow(() -> new CutoverException(UnknownJob.message(w, all.stream().map(CutoverJob::key).toList())));
            if (!out.contains(hit)) {
                out.add(hit);
            }
        }
        return out;
    }

    /**
     * The job's name as cutover prints it and validations record it: a template unit's ({@code backup@} for
     * {@code backup@.timer}) without the {@code @} that stands for its instances, as the legacy recipe names its flow.
     */
    static String nameOf(Job j) {
        String name = CutoverJob.deploymentName(j);
        return name != null && name.length() > 1 && name.endsWith("@") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * A sleep loop's name, {@link dev.migrate.analyzers.model.SleepLoopNames}: the one the legacy recipe gives its flow and
     * deployment; every other job's own ({@link #nameOf(Job)}).
     */
    static String nameOf(Job j, Job unit) {
        return j.kind() == JobKind.PYTHON_SLEEP_LOOP
                ? dev.migrate.analyzers.model.SleepLoopNames.of(j.source().path(), unit == null ? null : unit.source().path())
                : nameOf(j);
    }

    private static final class Builder {
        final String name;
        Job legacy;
        Job deployment;
        DeclaredJob declared;
        Job supervisor;
        final List<Job> fallbacks = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }
    }
}
