package dev.migrate.analyzers.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which systemd service keeps an in-process scheduler running (the {@code schedule} library, APScheduler, Celery
 * beat): the service whose command runs the job's script, or for Celery beat, runs {@code beat} for the job's app.
 * The service has no schedule of its own; the jobs it hosts carry them. Likewise the service that keeps a sleep loop
 * running, which is that loop's supervisor rather than a job ({@link #supervisorOf}). The scan links both kinds of
 * in-process scheduler to their unit once ({@link #linkInProcessServices}; a JVM application's Spring and Quartz jobs to
 * the unit running its jar, {@link #linkJvmServices}), and what reads the inventory after reads that link from the jobs
 * ({@link #recordedServiceOf}, {@link #recordedHostedBy}), as the legacy recipe's manifest records it.
 */
public final class SchedulerServices {
    /** Job kinds whose scheduler runs inside a long-lived Python process. */
    public static final Set<JobKind> IN_PROCESS = Set.of(JobKind.PYTHON_SCHEDULE_LIB, JobKind.APSCHEDULER,
            JobKind.CELERY_BEAT);

    /**
     * The job attribute naming the unit file ({@code etc/systemd/system/billing-app.service}) of the service that runs a
     * job's scheduler inside its own process, the key the legacy recipe's manifest (legacy-jobs.yaml) records it under.
     * The scan records it on Spring and Quartz jobs ({@link #linkJvmServices}) and on in-process Python scheduler jobs
     * ({@link #linkInProcessServices}); reports print it, and the cutover and the legacy recipe read it.
     */
    public static final String SERVICE = "service";

    private SchedulerServices() {
    }

    /**
     * The scan's linking step for JVM schedulers: each Spring or Quartz job that a service's {@code java -jar} runs
     * ({@link JvmServices#serviceOf}) gains {@link #SERVICE}, that unit's path, unless it says one already. Replaces
     * the jobs in place.
     */
    public static void linkJvmServices(List<Job> jobs) {
        link(jobs, JvmServices.IN_JVM, JvmServices::serviceOf);
    }

    /**
     * The scan's linking step for Python in-process schedulers ({@code schedule}, APScheduler, Celery beat): each such
     * job whose script a systemd service's command runs ({@link #serviceOf}) gains {@link #SERVICE}, that unit's path,
     * unless it says one already, as the legacy recipe's manifest records it. Replaces the jobs in place.
     */
    public static void linkInProcessServices(List<Job> jobs) {
        link(jobs, IN_PROCESS, SchedulerServices::serviceOf);
    }

    /**
     * What both linking steps share: each job of {@code kinds} without {@link #SERVICE} gains the path of the unit
     * {@code serviceOf} finds for it among all the jobs as they were before any was linked.
     */
    private static void link(List<Job> jobs, Set<JobKind> kinds, java.util.function.BiFunction<Job, List<Job>, Job> serviceOf) {
        List<Job> all = List.copyOf(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (!kinds.contains(j.kind()) || j.attributes().containsKey(SERVICE)) {
                continue;
            }
            Job unit = serviceOf.apply(j, all);
            if (unit != null) {
                jobs.set(i, withService(j, unit.source().path()));
            }
        }
    }

    /** {@code j} with {@link #SERVICE} set to {@code unitPath}. */
    public static Job withService(Job j, String unitPath) {
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>(j.attributes());
        attributes.put(SERVICE, unitPath);
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                j.workingDir(), j.overlap(), j.dependsOn(), attributes);
    }

    /** {@code j} without {@link #SERVICE}: itself when it has none. */
    public static Job unlinked(Job j) {
        if (!j.attributes().containsKey(SERVICE)) {
            return j;
        }
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>(j.attributes());
        attributes.remove(SERVICE);
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                j.workingDir(), j.overlap(), j.dependsOn(), attributes);
    }

    /** Whether the scan links jobs of {@code kind} to the service that runs their scheduler ({@link #SERVICE}). */
    public static boolean linked(JobKind kind) {
        return JvmServices.IN_JVM.contains(kind) || IN_PROCESS.contains(kind);
    }

    /**
     * The service among {@code jobs} that the scan recorded as running job {@code j}'s scheduler ({@link #SERVICE}:
     * a JVM job's application, an in-process Python scheduler's script), or null: another kind, or a job the scan
     * linked to none.
     */
    public static Job recordedServiceOf(Job j, List<Job> jobs) {
        String unit = linked(j.kind()) ? j.attributes().get(SERVICE) : null;
        return unit == null ? null : jobs.stream().filter(s -> s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE
                && s.source().path().equals(unit)).findFirst().orElse(null);
    }

    /**
     * The JVM and in-process jobs among {@code jobs} the scan recorded {@code service} as running ({@link #SERVICE}),
     * in order.
     */
    public static List<Job> recordedHostedBy(Job service, List<Job> jobs) {
        if (service.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE) {
            return List.of();
        }
        return jobs.stream().filter(j -> linked(j.kind()) && service.source().path().equals(j.attributes().get(SERVICE)))
                .toList();
    }

    /** The scheduler service among {@code jobs} that runs in-process job {@code j}, or null. */
    public static Job serviceOf(Job j, List<Job> jobs) {
        if (!IN_PROCESS.contains(j.kind())) {
            return null;
        }
        for (Job s : jobs) {
            if (s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && s.command() != null && runs(s, j, jobs)) {
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
        return jobs.stream().filter(j -> IN_PROCESS.contains(j.kind()) && runs(service, j, jobs)).toList();
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
            if (s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && s.command() != null && runs(s, loop, jobs)
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

    /**
     * Whether {@code service}'s command runs {@code j}'s script. Celery beat is matched by its app. A script is matched
     * first by its path: the command's path to it ({@code /opt/reports/scheduler.py}, or a relative one under the
     * unit's {@code WorkingDirectory=}) under the root of the host whose unit directories hold the unit (a dump's
     * {@code hosts/app-01/}, or the tree itself), so that with several hosts' dumps side by side a unit runs its own
     * host's copy. Failing that, by the script's file name alone, when only one script of that name could be meant
     * (the only one in the inventory, or the only one under the unit's host root) and no other is the path's.
     */
    private static boolean runs(Job service, Job j, List<Job> jobs) {
        String cmd = service.command();
        String path = j.source().path();
        String script = path.substring(path.lastIndexOf('/') + 1);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String pkg = dir.substring(dir.lastIndexOf('/') + 1);
        if (j.kind() == JobKind.CELERY_BEAT) {
            return cmd.matches("(?s).*\\bbeat\\b.*")
                    && (cmd.matches("(?s).*(-A|--app)[ =]" + Pattern.quote(pkg) + "\\b.*")
                    || cmd.matches("(?s).*(-A|--app)[ =]" + Pattern.quote(script.replaceAll("\\.py$", "")) + "\\b.*"));
        }
        if (!cmd.matches("(?s).*(^|[\\s/])" + Pattern.quote(script) + "(\\s.*|$)")) {
            return false;
        }
        String root = hostRoot(service.source().path());
        Set<String> named = scriptPaths(service, script, root);
        if (named.contains(path)) {
            return true;
        }
        // the path did not name this script: by name only when no other script is the one meant
        Set<String> candidates = new TreeSet<>();
        for (Job other : jobs) {
            String p = other.source().path();
            if (other.kind() != JobKind.CELERY_BEAT && (IN_PROCESS.contains(other.kind())
                    || other.kind() == JobKind.PYTHON_SLEEP_LOOP) && p.substring(p.lastIndexOf('/') + 1).equals(script)) {
                if (named.contains(p)) {
                    return false;
                }
                candidates.add(p);
            }
        }
        if (candidates.size() > 1 && root != null && !root.isEmpty()) {
            candidates.removeIf(p -> !p.startsWith(root));
        }
        return candidates.size() == 1 && candidates.contains(path);
    }

    /** Where a host's unit directories start ({@code etc/systemd/}, {@code usr/lib/systemd/}...): before is its root. */
    private static final Pattern UNIT_DIRECTORY = Pattern.compile("(^|/)(etc|lib|usr/lib|run)/systemd/");

    /** The host root of a unit file's path, as a prefix ending in '/' or empty for the tree; null when not in one. */
    private static String hostRoot(String unitPath) {
        java.util.regex.Matcher m = UNIT_DIRECTORY.matcher(unitPath);
        return m.find() ? unitPath.substring(0, m.start()) + m.group(1) : null;
    }

    /**
     * The tree paths of the files named {@code script} that the service's command names by path: absolute ones under
     * the host root, relative ones under an absolute {@code WorkingDirectory=}. Empty when the host root is unknown.
     */
    private static Set<String> scriptPaths(Job service, String script, String root) {
        Set<String> out = new TreeSet<>();
        if (root == null) {
            return out;
        }
        String workingDir = service.workingDir();
        for (String word : service.command().split("\\s+")) {
            String w = word.replaceAll("^[\"']+|[\"';]+$", "");
            if (!(w.equals(script) || w.endsWith("/" + script))) {
                continue;
            }
            String absolute = w.startsWith("/") ? w : workingDir != null && workingDir.startsWith("/")
                    ? workingDir.replaceAll("/+$", "") + "/" + w : null;
            if (absolute != null) {
                out.add(root + java.nio.file.Path.of(absolute).normalize().toString().replace('\\', '/').substring(1));
            }
        }
        return out;
    }
}
