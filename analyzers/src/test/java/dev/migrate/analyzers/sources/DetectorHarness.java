package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs one detector on one in-memory file and renders what it found as stable text, so detector tests
 * compare whole outputs (every field of every job and finding) against a text block.
 */
public final class DetectorHarness implements InventorySink {
    private final List<Job> jobs = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    public static String run(Detector d, String path, String text) {
        return run(d, new ScanFile(path, text));
    }

    /** Every file listed, then every file the detector accepts, then its {@code finish}, as a scan does. */
    public static String run(Detector d, ScanFile... files) {
        DetectorHarness h = new DetectorHarness();
        for (ScanFile f : files) {
            d.listed(f.path()); // every file of the tree is listed before any is read
        }
        for (ScanFile f : files) {
            if (d.accepts(f)) {
                d.detect(f, h);
            }
        }
        d.finish(h);
        return h.render();
    }

    @Override
    public void job(Job job) {
        jobs.add(job);
    }

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    public List<Job> jobs() {
        return jobs;
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * The jobs and findings as text. A {@code prefect deploy} without an entrypoint's job is left out: it only stands
     * for the command until the scan links it to the prefect.yaml entries it deploys and drops it
     * ({@code DeployCommandDeployments}), so no scan ever shows it (DeploySelectionCommandsTest covers it).
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        jobs.stream().filter(j -> !j.attributes().containsKey(dev.migrate.analyzers.sources.config.PrefectCommandReport.SELECTION))
                .sorted(dev.migrate.analyzers.scan.Inventory.JOB_ORDER).forEach(j -> sb.append(render(j)));
        findings.stream().sorted().forEach(f -> sb.append(f.where()).append(' ').append(f.code()).append(' ')
                .append(f.message()).append(f.jobId() == null ? "" : " [" + f.jobId() + "]").append('\n'));
        return sb.toString();
    }

    static String render(Job j) {
        StringBuilder sb = new StringBuilder();
        sb.append("job ").append(j.id()).append(" ").append(j.kind().slug()).append(" '").append(j.name())
                .append("' at ").append(j.source()).append('\n');
        for (ScheduleSpec s : j.schedules()) {
            sb.append("  schedule ").append(s.form()).append(" '").append(s.expression()).append("'")
                    .append(s.timezone() == null ? "" : " tz=" + s.timezone()).append(s.paused() ? " paused" : "")
                    .append(s.unproven() == null ? "" : " [" + s.unproven() + "]").append(" at ").append(s.where()).append('\n');
        }
        line(sb, "command", j.command());
        line(sb, "user", j.user());
        line(sb, "workingDir", j.workingDir());
        sb.append("  overlap ").append(j.overlap()).append('\n');
        if (!j.env().isEmpty()) {
            sb.append("  env ").append(new TreeMap<>(j.env())).append('\n');
        }
        if (!j.dependsOn().isEmpty()) {
            sb.append("  dependsOn ").append(j.dependsOn()).append('\n');
        }
        if (!j.attributes().isEmpty()) {
            sb.append("  attrs ").append(sorted(j.attributes())).append('\n');
        }
        return sb.toString();
    }

    private static String sorted(Map<String, String> m) {
        return new TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static void line(StringBuilder sb, String label, String v) {
        if (v != null) {
            sb.append("  ").append(label).append(' ').append(v).append('\n');
        }
    }
}
