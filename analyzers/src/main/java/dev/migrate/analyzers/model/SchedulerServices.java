package dev.migrate.analyzers.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which systemd service keeps an in-process scheduler running (the {@code schedule} library, APScheduler, Celery
 * beat): the service whose command runs the job's script, or for Celery beat, runs {@code beat} for the job's app.
 * The service has no schedule of its own; the jobs it hosts carry them. Likewise the service that keeps a sleep loop
 * running, which is that loop's supervisor rather than a job ({@link #supervisorOf}).
 */
public final class SchedulerServices {
    /** Job kinds whose scheduler runs inside a long-lived Python process. */
    public static final Set<JobKind> IN_PROCESS = Set.of(JobKind.PYTHON_SCHEDULE_LIB, JobKind.APSCHEDULER,
            JobKind.CELERY_BEAT);

    private SchedulerServices() {
    }

    /** The scheduler service among {@code jobs} that runs in-process job {@code j}, or null. */
    public static Job serviceOf(Job j, List<Job> jobs) {
        if (!IN_PROCESS.contains(j.kind())) {
            return null;
        }
        for (Job s : jobs) {
            if (s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && s.command() != null && runs(s.command(), j)) {
                return s;
            }
        }
        return null;
    }

    /** The in-process jobs among {@code jobs} whose scheduler {@code service} runs, in inventory order. */
    public static List<Job> hostedBy(Job service, List<Job> jobs) {
        if (service.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE || service.command() == null) {
            return List.of();
        }
        return jobs.stream().filter(j -> IN_PROCESS.contains(j.kind()) && runs(service.command(), j)).toList();
    }

    /**
     * The scheduler service among {@code jobs} that keeps sleep loop {@code loop} alive (its ExecStart runs the loop's
     * script), or null. Such a unit is no scheduler of its own: its {@code Restart=} is how the loop survives a crash, and
     * stopping the unit stops the loop, so the two are one job whose switch is the unit. A service that also hosts an
     * in-process scheduler (APScheduler, schedule, Celery beat) stays a job of its own: it runs those jobs too.
     */
    public static Job supervisorOf(Job loop, List<Job> jobs) {
        if (loop.kind() != JobKind.PYTHON_SLEEP_LOOP) {
            return null;
        }
        for (Job s : jobs) {
            if (s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && s.command() != null && runs(s.command(), loop)
                    && hostedBy(s, jobs).isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** The sleep loops among {@code jobs} that {@code service} keeps alive ({@link #supervisorOf}), in inventory order. */
    public static List<Job> loopsUnder(Job service, List<Job> jobs) {
        if (service.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE) {
            return List.of();
        }
        return jobs.stream().filter(j -> supervisorOf(j, jobs) == service).toList();
    }

    private static boolean runs(String cmd, Job j) {
        String path = j.source().path();
        String script = path.substring(path.lastIndexOf('/') + 1);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String pkg = dir.substring(dir.lastIndexOf('/') + 1);
        if (j.kind() == JobKind.CELERY_BEAT) {
            return cmd.matches("(?s).*\\bbeat\\b.*")
                    && (cmd.matches("(?s).*(-A|--app)[ =]" + Pattern.quote(pkg) + "\\b.*")
                    || cmd.matches("(?s).*(-A|--app)[ =]" + Pattern.quote(script.replaceAll("\\.py$", "")) + "\\b.*"));
        }
        return cmd.matches("(?s).*(^|[\\s/])" + Pattern.quote(script) + "(\\s.*|$)");
    }
}
