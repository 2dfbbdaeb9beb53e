package dev.migrate.analyzers.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scheduled job in the inventory. Immutable; collections are copied.
 *
 * @param id         stable across runs and independent of file order, see {@link JobIds}
 * @param name       a short human name (unit name, flow name, script name)
 * @param command    the command line or Python entrypoint ({@code path/to/file.py:function}); secrets redacted
 * @param user       run-as user, or null when not stated
 * @param env        environment set for the job (values of secret-looking names already redacted)
 * @param workingDir working directory, or null
 * @param dependsOn  ids of jobs this one visibly depends on (systemd After=/Requires=, chained commands)
 * @param attributes anything kind-specific worth reporting (work pool, storage, executor, Restart=...)
 */
public record Job(String id, JobKind kind, String name, SourceRef source, List<ScheduleSpec> schedules,
                  String command, String user, Map<String, String> env, String workingDir, Overlap overlap,
                  List<String> dependsOn, Map<String, String> attributes) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        schedules = List.copyOf(schedules);
        env = Map.copyOf(env);
        overlap = overlap == null ? Overlap.UNKNOWN : overlap;
        dependsOn = List.copyOf(dependsOn);
        attributes = Map.copyOf(attributes);
    }
}
