package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.cutover.RetiredJobs;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Timers migrate's own legacy recipe switched off. Its cutover comments a crontab line out in the tree, which the scan
 * then reads as disabled by migrate; a timer it switches off on the host ({@code systemctl disable --now} in cutover.sh),
 * and its unit file stays in the tree until the cleanup deletes it, or for good where the cleanup keeps it (a unit
 * holding what a Secret block must contain, one a provisioning script writes). Without this, a scan of that tree lists
 * such a timer as active, with the same breaking finding as before the move. The recipe's manifest
 * ({@value RetiredJobs#MANIFEST}, under its output directory) says which timers it moved and in which phase: from the
 * cutover on, a timer it lists is disabled by migrate (attributes {@code disabled} and
 * {@value CrontabDetector#DISABLED_BY_MIGRATE}), with no finding left to act on, as a crontab line under a marker.
 *
 * <p>Only a manifest of the scanned tree counts: one migrate wrote (its first line), listing itself among the files it
 * generated at its own path, so one copied in from elsewhere says nothing. The legacy recipe itself leaves this pass
 * out ({@link #evidenceOnly()}): its plan is made from the legacy files as they are, never from its own bookkeeping, so
 * that a second run gives the same result. It runs before the activity pass (its place in META-INF/services): what the
 * host's logs say about the timer after the cutover (runs that failed) is evidence this pass keeps, and a switched-off
 * timer is expected to have no run.
 */
public final class MigratedTimers implements JobResolver {
    private static final String HEADER = "# Written by migrate: the legacy jobs";
    /** The phases after which cutover.sh has switched the listed timers off. */
    private static final Set<String> SWITCHED_OFF = Set.of("cutover", "cleanup");

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
        Map<String, String> switchedOff = new HashMap<>(); // timer job id + source -> why
        for (ScanFile f : files) {
            if (wants(f.path())) {
                switchedOff.putAll(switchedOff(f));
            }
        }
        if (switchedOff.isEmpty()) {
            return;
        }
        Set<String> disabled = new java.util.HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            String why = j.kind() == JobKind.SYSTEMD_TIMER && j.source() != null
                    ? switchedOff.get(key(j.id(), j.source().path())) : null;
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

    private static String key(String id, String source) {
        return id + "\n" + source;
    }

    /** The timers a manifest lists as switched off, by id and source: empty unless it is this tree's, from the cutover on. */
    private static Map<String, String> switchedOff(ScanFile manifest) {
        Map<String, String> out = new HashMap<>();
        if (!manifest.text().startsWith(HEADER)) {
            return out;
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(manifest.text());
        } catch (RuntimeException e) {
            return out; // edited beyond reading: the legacy files say what runs
        }
        if (!(loaded instanceof Map<?, ?> root) || !(root.get("phase") instanceof String phase)
                || !SWITCHED_OFF.contains(phase) || !(root.get("generated") instanceof List<?> generated)
                || !generated.contains(manifest.path()) || !(root.get("jobs") instanceof List<?> listed)) {
            return out;
        }
        String why = "cutover.sh of " + manifest.path() + " (" + phase + " phase)";
        for (Object o : listed) {
            if (o instanceof Map<?, ?> m && m.get("id") instanceof String id
                    && JobKind.SYSTEMD_TIMER.name().equals(m.get("kind"))
                    && m.get("source") instanceof Map<?, ?> src && src.get("path") instanceof String path) {
                out.put(key(id, path), why);
            }
        }
        return out;
    }
}
