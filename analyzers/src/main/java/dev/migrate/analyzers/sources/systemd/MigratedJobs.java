package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.cutover.RetiredJobs;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Legacy jobs migrate's own legacy recipe switched off. Its cutover comments a crontab line or a scheduler registration
 * out in the tree, which the scan then reads as disabled by migrate or no longer finds; what it switches off on the host
 * ({@code systemctl disable --now} in cutover.sh) keeps its files in the tree until the cleanup deletes them, or for good
 * where the cleanup keeps them (a unit holding what a Secret block must contain, one a provisioning script writes).
 * Without this, a scan of that tree lists such a job as active, with the same breaking finding as before the move. The
 * recipe's manifest ({@value RetiredJobs#MANIFEST}, under its output directory) says which jobs it moved and in which
 * phase: from the cutover on, these are disabled by migrate (attributes {@code disabled} and
 * {@value CrontabDetector#DISABLED_BY_MIGRATE}), with no finding left to act on, as a crontab line under a marker:
 * <ul>
 *   <li>a systemd timer it lists (cutover.sh disables it);</li>
 *   <li>a sleep loop it lists with the service that kept it running: the loop in the script and that service (cutover.sh
 *   disables the service, the script stays until the cleanup);</li>
 *   <li>the service of an in-process scheduler ({@code schedule}, APScheduler, Celery beat) it lists, once no
 *   registration the service runs is left active in the tree (the cutover commented the moved ones out; one it left
 *   keeps the service a scheduler).</li>
 * </ul>
 * <ul>
 *   <li>a sleep loop it lists with the supervisor program or compose service that kept it running
 *   ({@code supervisor.program}, {@code compose.service}): cutover.sh stopped it, and its file keeps it off
 *   ({@code autostart=false}, {@code deploy.replicas: 0}).</li>
 * </ul>
 * A loop the recipe moved with nothing that kept it running (a shell, a nohup) has nothing on the host the recipe
 * switched off: it stays active until the cleanup deletes the script.
 *
 * <p>The flow modules the recipe generates carry a loop's or a scheduler script's code, so that one cycle runs as a
 * flow: the loop or registrations in that copy are no legacy jobs, in any phase, and are not listed.
 *
 * <p>Only a manifest of the scanned tree counts: one migrate wrote (its first line), listing itself among the files it
 * generated at its own path, so one copied in from elsewhere says nothing. The legacy recipe itself leaves this pass
 * out ({@link #evidenceOnly()}): its plan is made from the legacy files as they are, never from its own bookkeeping, so
 * that a second run gives the same result. It runs before the activity pass (its place in META-INF/services): what the
 * host's logs say about the job after the cutover (runs that failed) is evidence this pass keeps, and a switched-off
 * job is expected to have no run.
 */
public final class MigratedJobs implements JobResolver {
    private static final String HEADER = "# Written by migrate: the legacy jobs";
    /** The phases after which cutover.sh has switched the listed jobs off. */
    private static final Set<String> SWITCHED_OFF = Set.of("cutover", "cleanup");
    /** The kinds whose code a generated flow module carries: found there, they are copies, not jobs. */
    private static final Set<JobKind> CARRIED = Set.of(JobKind.PYTHON_SLEEP_LOOP, JobKind.PYTHON_SCHEDULE_LIB,
            JobKind.APSCHEDULER, JobKind.CELERY_BEAT);

    /** What the tree's manifests say, each fact with why (which manifest, which phase). */
    private static final class Said {
        final Map<String, String> timers = new HashMap<>(); // timer job id + source -> why
        final Map<String, String> loops = new HashMap<>(); // the loop's script -> why
        final Map<String, String> loopServices = new HashMap<>(); // the service that kept a loop running -> why
        final Map<String, String> schedulerServices = new HashMap<>(); // an in-process scheduler's service -> why
        final Set<String> generated = new HashSet<>();

        boolean isEmpty() {
            return timers.isEmpty() && loops.isEmpty() && loopServices.isEmpty() && schedulerServices.isEmpty()
                    && generated.isEmpty();
        }
    }

    @Override
    public boolean wants(String path) {
        return path.equals(RetiredJobs.MANIFEST) || path.endsWith("/" + RetiredJobs.MANIFEST);
    }

    /** The recipe's bookkeeping, not the legacy files: its own plan must not read it. */
    @Override
    public boolean evidenceOnly() {
        return true;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        Said said = new Said();
        for (ScanFile f : files) {
            if (wants(f.path())) {
                read(f, said);
            }
        }
        if (said.isEmpty()) {
            return;
        }
        Set<String> copies = new HashSet<>();
        jobs.stream().filter(j -> CARRIED.contains(j.kind()) && j.source() != null && said.generated.contains(j.source().path()))
                .forEach(j -> copies.add(j.id()));
        jobs.removeIf(j -> copies.contains(j.id()));
        findings.removeIf(f -> f.jobId() != null && copies.contains(f.jobId()));
        List<Job> scanned = List.copyOf(jobs);
        Set<String> disabled = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            String why = j.source() == null ? null : switchedOff(j, said, scanned);
            if (why == null || "true".equals(j.attributes().get("disabled"))) {
                continue; // not migrated, or already disabled on its own (no .wants link enables it)
            }
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            attributes.put("disabled", "true");
            attributes.put(CrontabDetector.DISABLED_BY_MIGRATE, why);
            jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                    j.workingDir(), j.overlap(), j.dependsOn(), attributes));
            disabled.add(j.id());
        }
        // moved to Prefect and switched off by migrate: nothing is left to do about it here
        findings.removeIf(f -> f.jobId() != null && disabled.contains(f.jobId()));
    }

    /** Why the scanned job {@code j} is switched off by migrate, or null when it still runs. */
    private static String switchedOff(Job j, Said said, List<Job> scanned) {
        String path = j.source().path();
        return switch (j.kind()) {
            case SYSTEMD_TIMER -> said.timers.get(key(j.id(), path));
            case PYTHON_SLEEP_LOOP -> said.loops.get(path);
            case SYSTEMD_SCHEDULER_SERVICE -> said.loopServices.containsKey(path) ? said.loopServices.get(path)
                    // a registration the recipe left (or a new one) keeps the service a scheduler
                    : said.schedulerServices.containsKey(path) && SchedulerServices.hostedBy(j, scanned).stream()
                    .noneMatch(h -> !"true".equals(h.attributes().get("disabled"))) ? said.schedulerServices.get(path) : null;
            default -> null;
        };
    }

    /**
     * What the recipe switched off for a loop no systemd service ran: the supervisor program ({@code supervisor.program},
     * {@code file#name}: autostart=false) or the compose service ({@code compose.service}: deploy.replicas: 0); null
     * without one.
     */
    private static String keeper(Map<?, ?> attributes) {
        if (attributes.get("supervisor.program") instanceof String ref && ref.contains("#")) {
            return "supervisor program " + ref.substring(ref.lastIndexOf('#') + 1) + " of " + ref.substring(0, ref.lastIndexOf('#'));
        }
        if (attributes.get("compose.service") instanceof String ref && ref.contains("#")) {
            return "compose service " + ref.substring(ref.lastIndexOf('#') + 1) + " of " + ref.substring(0, ref.lastIndexOf('#'));
        }
        return null;
    }

    private static String key(String id, String source) {
        return id + "\n" + source;
    }

    /** Adds what a manifest says to {@code said}: nothing unless it is this tree's; what it switched off from the cutover on. */
    private static void read(ScanFile manifest, Said said) {
        if (!manifest.text().startsWith(HEADER)) {
            return;
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(manifest.text());
        } catch (RuntimeException e) {
            return; // edited beyond reading: the legacy files say what runs
        }
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("phase") instanceof String phase)
                || !(root.get("generated") instanceof List<?> generated) || !generated.contains(manifest.path())
                || !(root.get("jobs") instanceof List<?> listed)) {
            return;
        }
        generated.stream().filter(g -> g instanceof String p && p.endsWith(".py")).forEach(g -> said.generated.add((String) g));
        if (!SWITCHED_OFF.contains(phase)) {
            return;
        }
        String why = "cutover.sh of " + manifest.path() + " (" + phase + " phase)";
        for (Object o : listed) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || !(m.get("kind") instanceof String kind)
                    || !(m.get("source") instanceof Map<?, ?> src) || !(src.get("path") instanceof String path)) {
                continue;
            }
            Map<?, ?> attributes = m.get("attributes") instanceof Map<?, ?> a ? a : Map.of();
            String service = attributes.get("service") instanceof String s ? s : null;
            if (kind.equals(JobKind.SYSTEMD_TIMER.name())) {
                said.timers.put(key(id, path), why);
            } else if (kind.equals(JobKind.PYTHON_SLEEP_LOOP.name()) && service != null) {
                String script = attributes.get("python.script") instanceof String s ? s : path;
                said.loops.put(script, why);
                said.loopServices.put(service, why);
            } else if (kind.equals(JobKind.PYTHON_SLEEP_LOOP.name()) && keeper(attributes) != null) {
                // a supervisor program or compose service kept it running: cutover.sh stopped it and its file keeps it off
                String script = attributes.get("python.script") instanceof String s ? s : path;
                said.loops.put(script, why + ", " + keeper(attributes));
            } else if (service != null && SchedulerServices.IN_PROCESS.stream().anyMatch(k -> k.name().equals(kind))) {
                said.schedulerServices.put(service, "its jobs' registrations commented out by migrate (" + manifest.path()
                        + ", " + phase + " phase)");
            }
        }
    }
}
