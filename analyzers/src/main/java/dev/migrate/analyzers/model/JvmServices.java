package dev.migrate.analyzers.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which systemd service runs the JVM application whose Spring {@code @Scheduled} methods and Quartz triggers the scan
 * found (legacy-host's billing-app.service runs {@code java -jar /opt/billing-app/target/billing-app.jar}, built from
 * {@code opt/billing-app/src/...}). Such a unit has no schedule of its own: like a service that keeps an APScheduler
 * running, it is the jobs' supervisor. The scan records it on each such job ({@link SchedulerServices#SERVICE}, by
 * {@link SchedulerServices#linkJvmServices}); the cutover cuts each scheduled method over in its own section, and stops
 * the unit (and, at rollback, starts it again) once, after all of them.
 */
public final class JvmServices {
    /** The kinds whose scheduler lives inside the application's JVM. */
    public static final Set<JobKind> IN_JVM = Set.of(JobKind.SPRING_SCHEDULED, JobKind.QUARTZ);
    /** {@code -jar PATH} of a java command line: the application's archive. */
    private static final Pattern JAR = Pattern.compile("(?:^|\\s)-jar\\s+(\\S+\\.[jw]ar)(?=\\s|$)");
    /** Where Maven and Gradle put the archive they build, under the project's directory. */
    private static final Pattern BUILD_OUTPUT = Pattern.compile("(.*)/(?:target|build/libs)/[^/]+$");

    private JvmServices() {
    }

    /** The Spring and Quartz jobs among {@code jobs} that the application {@code service} starts runs, in order. */
    public static List<Job> hostedBy(Job service, List<Job> jobs) {
        Optional<String> jar = jar(service);
        if (jar.isEmpty()) {
            return List.of();
        }
        return jobs.stream().filter(j -> IN_JVM.contains(j.kind()) && builtFrom(jar.get(), j.source().path())).toList();
    }

    /** The service among {@code jobs} whose application runs the Spring or Quartz job {@code job}, or null. */
    public static Job serviceOf(Job job, List<Job> jobs) {
        if (!IN_JVM.contains(job.kind())) {
            return null;
        }
        return jobs.stream().filter(s -> jar(s).filter(j -> builtFrom(j, job.source().path())).isPresent())
                .findFirst().orElse(null);
    }

    /** The archive a scheduler service's {@code java -jar} runs. */
    private static Optional<String> jar(Job service) {
        if (service.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE || service.command() == null
                || !service.command().strip().split("\\s+")[0].matches("(.*/)?java")) {
            return Optional.empty();
        }
        Matcher m = JAR.matcher(service.command());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether the source at {@code path} (relative to the estate) is part of the project that builds {@code jar}: the
     * project directory the host path names ({@code /opt/billing-app/target/x.jar} is {@code opt/billing-app}), as the
     * estate mirrors the host's tree, or else a project directory named as the archive is ({@code billing-app.jar},
     * {@code billing-app-1.4.2.jar}, {@code billing-app-1.4.2-SNAPSHOT.jar} are built from a {@code billing-app/}).
     */
    public static boolean builtFrom(String jar, String path) {
        int src = path.indexOf("src/main/");
        if (src < 0) {
            return false;
        }
        String project = src == 0 ? "" : path.substring(0, src - 1);
        Matcher built = BUILD_OUTPUT.matcher(jar);
        if (built.matches() && !project.isEmpty() && built.group(1).replaceFirst("^/+", "").equals(project)) {
            return true;
        }
        String archive = jar.substring(jar.lastIndexOf('/') + 1).replaceFirst("\\.[jw]ar$", "")
                .replaceFirst("-\\d[\\w.]*(-SNAPSHOT)?$", "");
        String dir = project.substring(project.lastIndexOf('/') + 1);
        return !archive.isEmpty() && archive.equals(dir);
    }
}
