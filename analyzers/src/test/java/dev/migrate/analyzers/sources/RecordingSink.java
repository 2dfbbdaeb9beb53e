package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Collects what detectors emit and renders it as stable text for exact-output tests. */
public final class RecordingSink implements InventorySink {
    public final List<Job> jobs = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();

    @Override
    public void job(Job job) {
        jobs.add(job);
    }

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    public String jobsText() {
        return jobs.stream().sorted(Comparator.comparing(Job::id)).map(RecordingSink::render).collect(Collectors.joining("\n"));
    }

    public String findingsText() {
        return findings.stream().sorted().map(f -> f.where() + " " + f.code() + " " + f.severity() + " " + f.applicability()
                + " " + f.message() + (f.jobId() == null ? "" : " [" + f.jobId() + "]")).collect(Collectors.joining("\n"));
    }

    private static String render(Job j) {
        return j.id() + " " + j.kind() + " name=" + j.name() + " at=" + j.source()
                + "\n  schedules=" + j.schedules().stream().map(s -> s.form() + "'" + s.expression() + "'"
                        + (s.timezone() == null ? "" : "@" + s.timezone()) + "(" + s.where() + ")").toList()
                + "\n  command=" + j.command() + " user=" + j.user() + " dir=" + j.workingDir() + " overlap=" + j.overlap()
                + "\n  env=" + new java.util.TreeMap<>(j.env()) + " deps=" + j.dependsOn()
                + "\n  attrs=" + new java.util.TreeMap<>(j.attributes());
    }
}
