package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIds;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link Job} field by field. The id is fixed at creation from kind, path, name and a
 * discriminator that never contains line numbers, so ids survive edits elsewhere in the file.
 */
public final class JobBuilder {
    private final JobKind kind;
    private final String name;
    private final SourceRef source;
    private final String id;
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<String> dependsOn = new ArrayList<>();
    private String command;
    private String user;
    private String workingDir;
    private Overlap overlap = Overlap.UNKNOWN;

    public JobBuilder(JobKind kind, String name, SourceRef source, String discriminator) {
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.id = JobIds.of(kind, source.path(), name, discriminator);
    }

    public String id() {
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
        return new Job(id, kind, name, source, schedules, command, user, env, workingDir, overlap, dependsOn, attributes);
    }
}
