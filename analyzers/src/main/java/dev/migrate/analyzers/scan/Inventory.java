package dev.migrate.analyzers.scan;

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
 * @param root a label for the scanned root, as the user gave it
 */
public record Inventory(String root, List<Job> jobs, List<Finding> findings, List<ScanNote> notes, ScanStats stats) {
    /** Jobs sort by source place, then id: stable and readable. */
    public static final Comparator<Job> JOB_ORDER =
            Comparator.comparing(Job::source).thenComparing(Job::id);

    public Inventory {
        jobs = jobs.stream().sorted(JOB_ORDER).toList();
        // Equal place, code and message can still differ by job: the job id breaks the tie.
        findings = findings.stream().sorted(Comparator.<Finding>naturalOrder()
                .thenComparing(f -> f.jobId() == null ? "" : f.jobId())).toList();
        notes = notes.stream().sorted().toList();
    }

    /** Only the findings whose code is in {@code codes}; jobs and notes are kept. */
    public Inventory withFindings(Set<String> codes) {
        return new Inventory(root, jobs, findings.stream().filter(f -> codes.contains(f.code())).toList(), notes, stats);
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
        List<Job> js = jobs.stream().map(Inventory::redact).toList();
        List<Finding> fs = findings.stream().map(f -> new Finding(f.code(), f.severity(), f.applicability(),
                Redactor.redact(f.message()), f.where(), f.jobId())).toList();
        List<ScanNote> ns = notes.stream().map(n -> new ScanNote(n.path(), n.reason(), Redactor.redact(n.detail()))).toList();
        return new Inventory(Redactor.redact(root), js, fs, ns, stats);
    }

    private static Job redact(Job j) {
        Map<String, String> env = new LinkedHashMap<>();
        j.env().forEach((k, v) -> env.put(k, Redactor.redactValue(k, v)));
        Map<String, String> attrs = new LinkedHashMap<>();
        j.attributes().forEach((k, v) -> attrs.put(k, Redactor.redactValue(k, v)));
        List<ScheduleSpec> schedules = j.schedules().stream().map(s -> new ScheduleSpec(s.form(),
                Redactor.redact(s.expression()), s.timezone(), s.where())).toList();
        return new Job(j.id(), j.kind(), Redactor.redact(j.name()), j.source(), schedules,
                Redactor.redact(j.command()), j.user(), env, Redactor.redact(j.workingDir()), j.overlap(),
                j.dependsOn(), attrs);
    }
}
