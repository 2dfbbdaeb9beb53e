package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.JvmServices;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.systemd.ServiceRoles;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records on each Spring and Quartz job the systemd service whose {@code java -jar} runs its application
 * ({@link SchedulerServices#linkJvmServices}): a fact of two files, the unit and the source, known once both are read.
 * A jar that the project directory's name does not give away is known by the module's build files
 * ({@link ModuleArchives}: {@code /opt/billing/billing-app.jar} is the build of the module whose pom's artifactId is
 * {@code billing-app}), when one service alone runs it.
 * <p>
 * A restarted {@code java -jar} unit that says nothing of scheduling is a scheduler service only as the build of the
 * tree's Spring or Quartz module ({@link ServiceRoles#UNANNOUNCED_JVM}): one that no job links to runs some other
 * application, and is no job (its SYD004 goes with it).
 */
public final class JvmServiceLinker implements JobResolver {
    private static final String SERVICE_KEPT_UP = "SYD004";

    @Override
    public boolean wants(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("pom.xml") || name.matches("(build|settings)\\.gradle(\\.kts)?");
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        SchedulerServices.linkJvmServices(jobs);
        Map<String, String> texts = new HashMap<>();
        files.forEach(f -> texts.put(f.path(), f.text()));
        linkByBuildName(jobs, texts);
        dropUnconfirmed(jobs, findings);
    }

    /** Links each Spring or Quartz job still unlinked to the one service whose jar its module's build names. */
    private static void linkByBuildName(List<Job> jobs, Map<String, String> texts) {
        List<Job> services = jobs.stream().filter(s -> s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE
                && jarBase(s.command()) != null).toList();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            int src = j.source().path().indexOf("src/main/");
            if (!JvmServices.IN_JVM.contains(j.kind()) || j.attributes().containsKey(SchedulerServices.SERVICE) || src < 0) {
                continue;
            }
            Set<String> names = ModuleArchives.of(src == 0 ? "" : j.source().path().substring(0, src - 1), texts);
            List<Job> running = services.stream().filter(s -> names.contains(jarBase(s.command()))).toList();
            if (running.size() == 1) {
                jobs.set(i, SchedulerServices.withService(j, running.get(0).source().path()));
            }
        }
    }

    /** The base name of the archive a {@code java ... -jar x.jar} command runs, or null for another command. */
    private static String jarBase(String command) {
        if (command == null) {
            return null;
        }
        String[] words = command.strip().split("\\s+");
        if (!words[0].matches("(.*/)?java")) {
            return null;
        }
        for (int i = 1; i + 1 < words.length; i++) {
            if (words[i].equals("-jar") && words[i + 1].matches("\\S+\\.[jw]ar")) {
                return ModuleArchives.base(words[i + 1]);
            }
        }
        return null;
    }

    /** Confirms the unannounced JVM services some job links to, and removes the others with their SYD004. */
    private static void dropUnconfirmed(List<Job> jobs, List<Finding> findings) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            Job s = jobs.get(i);
            if (s.kind() != JobKind.SYSTEMD_SCHEDULER_SERVICE || !s.attributes().containsKey(ServiceRoles.UNANNOUNCED_JVM)) {
                continue;
            }
            boolean linked = jobs.stream().anyMatch(j -> s.source().path().equals(j.attributes().get(SchedulerServices.SERVICE))
                    && JvmServices.IN_JVM.contains(j.kind()));
            if (linked) {
                Map<String, String> attributes = new LinkedHashMap<>(s.attributes());
                attributes.remove(ServiceRoles.UNANNOUNCED_JVM);
                jobs.set(i, new Job(s.id(), s.kind(), s.name(), s.source(), s.schedules(), s.command(), s.user(), s.env(),
                        s.workingDir(), s.overlap(), s.dependsOn(), attributes));
                continue;
            }
            jobs.remove(i);
            findings.removeIf(f -> s.id().equals(f.jobId()) && f.code().equals(SERVICE_KEPT_UP));
            findings.replaceAll(f -> s.id().equals(f.jobId()) ? new Finding(f.code(), f.severity(), f.applicability(),
                    f.message(), f.where(), null) : f);
        }
    }
}
