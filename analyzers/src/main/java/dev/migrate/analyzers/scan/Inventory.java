package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.baseline.BaselineEntry;
import dev.migrate.analyzers.baseline.BaselineState;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result of a scan: jobs, findings and notes, each sorted so that two scans of the same tree give
 * byte-identical reports whatever order files were read in.
 *
 * @param root     a label for the scanned root, as the user gave it
 * @param baseline how the findings compare with a baseline ({@link BaselineState#NONE} when none was given)
 * @param hostZone the zone schedules without one were read in, and where it came from
 */
public record Inventory(String root, List<Job> jobs, List<Finding> findings, List<ScanNote> notes, ScanStats stats,
                        BaselineState baseline, HostZoneUsed hostZone) {
    /** Jobs sort by source place, then id: stable and readable. */
    public static final Comparator<Job> JOB_ORDER =
            Comparator.comparing(Job::source).thenComparing(Job::id);

    public Inventory {
        jobs = jobs.stream().sorted(JOB_ORDER).toList();
        // Equal place, code and message can still differ by job: the job id breaks the tie.
        findings = findings.stream().sorted(Comparator.<Finding>naturalOrder()
                .thenComparing(f -> f.jobId() == null ? "" : f.jobId())).toList();
        notes = notes.stream().sorted().toList();
        java.util.Objects.requireNonNull(baseline, "baseline");
        java.util.Objects.requireNonNull(hostZone, "hostZone");
    }

    /** A scan whose host zone is what the system properties say ({@link HostZoneUsed#fromSystemProperties()}). */
    public Inventory(String root, List<Job> jobs, List<Finding> findings, List<ScanNote> notes, ScanStats stats) {
        this(root, jobs, findings, notes, stats, BaselineState.NONE, HostZoneUsed.fromSystemProperties());
    }

    /** A scan compared with a baseline, its host zone as the system properties say. */
    public Inventory(String root, List<Job> jobs, List<Finding> findings, List<ScanNote> notes, ScanStats stats,
                     BaselineState baseline) {
        this(root, jobs, findings, notes, stats, baseline, HostZoneUsed.fromSystemProperties());
    }

    /** The same scan compared with a baseline. */
    public Inventory withBaseline(BaselineState state) {
        return new Inventory(root, jobs, findings, notes, stats, state, hostZone);
    }

    /** The same scan, saying where its host zone came from (the CLI knows; the scanner only sees the zone). */
    public Inventory withHostZone(HostZoneUsed zone) {
        return new Inventory(root, jobs, findings, notes, stats, baseline, zone);
    }

    /** The findings a baseline does not list (all of them without one): those {@code --fail-on} looks at. */
    public List<Finding> newFindings() {
        return findings.stream().filter(f -> !baseline.isBaselined(f)).toList();
    }

    /** Only the findings whose code is in {@code codes}; jobs and notes are kept. */
    public Inventory withFindings(Set<String> codes) {
        return new Inventory(root, jobs, findings.stream().filter(f -> codes.contains(f.code())).toList(), notes, stats,
                baseline, hostZone);
    }

    public Map<Severity, Long> findingsBySeverity() {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, findings.stream().filter(f -> f.severity() == s).count());
        }
        return m;
    }

    public Map<String, Long> jobsByKind() {
        Map<String, Long> m = new TreeMap<>();
        jobs.forEach(j -> m.merge(j.kind().slug(), 1L, Long::sum));
        return m;
    }

    /**
     * A copy with every free-text field passed through {@link Redactor}. Report writers only ever see
     * this copy, so a secret cannot reach one format and not another.
     */
    public Inventory redacted() {
        // Every text of a large tree's inventory (tens of thousands) goes through the redactor while the report waits:
        // jobs and findings are redacted on all cores, each attribute and variable once per distinct name and value
        // (a few names and values repeat over thousands of jobs). Encounter order is kept.
        Map<Map.Entry<String, String>, String> values = new java.util.concurrent.ConcurrentHashMap<>();
        List<Job> js = jobs.parallelStream().map(j -> redact(j, values)).toList();
        List<Finding> fs = findings.parallelStream().map(f -> new Finding(f.code(), f.severity(), f.applicability(),
                Redactor.redact(f.message()), f.where(), f.jobId())).toList();
        Map<Finding, Finding> replaced = BaselineState.identityMap();
        for (int i = 0; i < fs.size(); i++) {
            replaced.put(findings.get(i), fs.get(i));
        }
        List<ScanNote> ns = notes.stream().map(n -> new ScanNote(n.path(), n.reason(), Redactor.redact(n.detail()))).toList();
        // a baseline file is written redacted, but a hand-edited one is text like any other
        BaselineState b = baseline.mapped(replaced, e -> new BaselineEntry(e.code(), Redactor.redact(e.path()),
                Redactor.redact(e.job()), Redactor.redact(e.text()), e.occurrence()));
        HostZoneUsed zone = new HostZoneUsed(hostZone.zone(), hostZone.from(),
                hostZone.where() == null ? null : Redactor.redact(hostZone.where()));
        return new Inventory(Redactor.redact(root), js, fs, ns, stats, b, zone);
    }

    /** {@code values}: {@link Redactor#redactValue} by name and value, shared by the jobs of one redaction. */
    private static Job redact(Job j, Map<Map.Entry<String, String>, String> values) {
        Map<String, String> env = new LinkedHashMap<>();
        j.env().forEach((k, v) -> env.put(k, values.computeIfAbsent(Map.entry(k, v), e -> Redactor.redactValue(k, v))));
        Map<String, String> attrs = new LinkedHashMap<>();
        j.attributes().forEach((k, v) -> attrs.put(k, values.computeIfAbsent(Map.entry(k, v), e -> Redactor.redactValue(k, v))));
        List<ScheduleSpec> schedules = j.schedules().stream().map(s -> s.withExpression(Redactor.redact(s.expression())))
                .toList();
        return new Job(j.id(), j.kind(), Redactor.redact(j.name()), j.source(), schedules,
                Redactor.redact(j.command()), j.user(), env, Redactor.redact(j.workingDir()), j.overlap(),
                j.dependsOn(), attrs);
    }
}
