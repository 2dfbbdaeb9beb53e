package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIdRegistry;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link Job} field by field. The id comes from kind, path, name and a discriminator that never
 * contains line numbers, so ids survive edits elsewhere in the file; it is claimed from the file's
 * {@link JobIdRegistry} so that a job the file repeats still gets an id of its own.
 */
public final class JobBuilder {
    private final JobKind kind;
    private final String name;
    private final SourceRef source;
    private final ScanFile file;
    private final String discriminator;
    private String id;
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> dependsOn = new ArrayList<>();
    private String command;
    private String user;
    private String workingDir;
    private Overlap overlap = Overlap.UNKNOWN;

    /** @param file the file the job is found in, whose registry hands out its id */
    public JobBuilder(ScanFile file, JobKind kind, String name, SourceRef source, String discriminator) {
        this.file = file;
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.discriminator = discriminator;
    }

    /**
     * The job's id, claimed on first use (by a finding or by {@link #build}): a builder a detector makes and then
     * drops (a second Prefect command on one compose service) must not push the next repeat's number up.
     */
    public String id() {
        if (id == null) {
            id = file.jobIds().claim(kind, source.path(), name, discriminator);
        }
        return id;
    }

    public JobKind kind() {
        return kind;
    }

    public JobBuilder schedule(ScheduleSpec s) {
        schedules.add(s);
        return this;
    }

    public JobBuilder command(String c) {
        command = c;
        return this;
    }

    public JobBuilder user(String u) {
        user = u;
        return this;
    }

    public JobBuilder workingDir(String w) {
        workingDir = w;
        return this;
    }

    public JobBuilder overlap(Overlap o) {
        overlap = o;
        return this;
    }

    public JobBuilder env(String key, String value) {
        env.put(key, value == null ? "" : value);
        return this;
    }

    /** Sets an attribute; null or blank values are left out so reports stay short. */
    public JobBuilder attr(String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
        return this;
    }

    public JobBuilder dependsOn(String jobId) {
        dependsOn.add(jobId);
        return this;
    }

    public Job build() {
        return new Job(id(), kind, name, source, schedules, command, user, env, workingDir, overlap, dependsOn, attributes);
    }
}
