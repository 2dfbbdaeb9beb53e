package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.List;
import java.util.Set;

/**
 * Names the zone of the schedules a platform fires: a schedule that names no zone means "the host's clock" to the
 * schedule model, which is right for crontabs, timers and in-process schedulers, but Prefect (1, 2 and 3), Celery
 * beat (its {@code timezone} setting defaults to UTC) and GitHub read theirs in UTC, and a Kubernetes CronJob in its
 * controller's zone, UTC on managed clusters. Without this, a scan of a host dump in Europe/Paris would read a
 * Prefect deployment's {@code cron: "0 2 * * *"} at 02:00 Paris time.
 */
final class PlatformZones {
    static final String UTC = "UTC";
    private static final Set<JobKind> PLATFORMS = Set.of(JobKind.PREFECT1_FLOW, JobKind.PREFECT2_DEPLOYMENT,
            JobKind.PREFECT3_DEPLOYMENT, JobKind.CELERY_BEAT, JobKind.K8S_CRONJOB, JobKind.GITHUB_SCHEDULE);

    private PlatformZones() {
    }

    private static boolean readInAZone(ScheduleSpec s) {
        return s.timezone() == null && s.dependsOnZone();
    }

    /** Replaces, in place, the platform jobs that have a schedule without a zone by ones whose schedules say UTC. */
    static void apply(List<Job> jobs) {
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (PLATFORMS.contains(j.kind()) && j.schedules().stream().anyMatch(PlatformZones::readInAZone)) {
                List<ScheduleSpec> named = j.schedules().stream().map(s -> !readInAZone(s) ? s
                        : s.withTimezone(UTC)).toList();
                jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), named, j.command(), j.user(), j.env(),
                        j.workingDir(), j.overlap(), j.dependsOn(), j.attributes()));
            }
        }
    }
}
