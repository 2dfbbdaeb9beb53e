package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring {@code @Scheduled} methods and Quartz jobs, joined with the systemd service that runs the application's jar
 * (its ExecStart or working directory names the module's directory): the flow runs that jar for one job and
 * exits. The jar cannot do that by itself, so the report explains the entry point to add (the manual part); the
 * legacy side (annotations, triggers) is changed by hand at the cutover, as it needs a release of the application.
 */
final class JavaJobs {
    static final String TARGET = "java.target";
    /** The argument the generated command passes; the entry point the team adds reads it. */
    static final String RUN_JOB = "--migrate.run-job=";
    static final Set<JobKind> KINDS = Set.of(JobKind.SPRING_SCHEDULED, JobKind.QUARTZ);

    private JavaJobs() {
    }

    static boolean isJava(Job j) {
        return KINDS.contains(j.kind());
    }

    /** The jobs with the service's command, user and environment; {@code consumed} receives the services' ids. */
    static List<Job> of(List<Job> detected, Set<String> consumed) {
        List<Job> out = new ArrayList<>();
        for (Job j : detected) {
            if (!isJava(j)) {
                out.add(j);
                continue;
            }
            Job service = service(j, detected);
            if (service == null) {
                out.add(j);
                continue;
            }
            consumed.add(service.id());
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            String target = j.command() == null ? j.name() : j.command();
            attributes.put(TARGET, target);
            attributes.put(InProcessJobs.SERVICE, service.source().path());
            // the flow runs the service's command: what systemd could not be told here is reported with the job
            attributes.putAll(ServiceSpecifiers.unresolvedSettings(service));
            if (service.attributes().containsKey(ServiceSpecifiers.UNRESOLVED)) {
                attributes.put(ServiceSpecifiers.UNRESOLVED, service.attributes().get(ServiceSpecifiers.UNRESOLVED));
            }
            if (service.attributes().containsKey("EnvironmentFile")) {
                attributes.put("EnvironmentFile", service.attributes().get("EnvironmentFile"));
            }
            String command = service.command() + " --spring.main.web-application-type=none " + RUN_JOB + target;
            out.add(new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), command, service.user(), service.env(),
                    service.workingDir(), j.overlap(), j.dependsOn(), attributes));
        }
        return out;
    }

    /** What the report says a person must do for a Java job. */
    static List<String> notes(Job j) {
        String target = j.attributes().get(TARGET);
        List<String> notes = new ArrayList<>();
        notes.add("manual: the flow runs the application's jar with " + RUN_JOB + target + " and expects it to run that one "
                + "job and exit; add that entry point by hand (a CommandLineRunner that, given the argument, calls "
                + (j.kind() == JobKind.QUARTZ ? "the Quartz job class's execute() once" : "the @Scheduled method once")
                + " and ends with SpringApplication.exit; for Spring Batch, --spring.batch.job.name=<job> does it) and release it");
        notes.add(j.kind() == JobKind.QUARTZ
                ? "cutover: pause the Quartz trigger " + j.attributes().getOrDefault("trigger", j.name())
                        + " by hand (or remove it from the application and release it); this recipe does not edit the application"
                : "cutover: disable the @Scheduled method by hand (cron = \"-\", or a property the team controls) and release the "
                        + "application; this recipe does not edit it");
        if ("fixedDelay".equals(j.attributes().get("spring.attribute"))) {
            notes.add("fixedDelay waited after each run ended; the deployment starts runs at a fixed interval (its concurrency limit "
                    + "keeps them from overlapping)");
        }
        return notes;
    }

    /** The service running {@code java ... -jar} for the module the job's source belongs to. */
    private static Job service(Job j, List<Job> detected) {
        String path = j.source().path();
        int src = path.indexOf("/src/");
        String module = src < 0 ? path.substring(0, Math.max(0, path.lastIndexOf('/'))) : path.substring(0, src);
        if (module.contains("/src/main/resources")) {
            module = module.substring(0, module.indexOf("/src/"));
        }
        String name = module.substring(module.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            return null;
        }
        for (Job s : detected) {
            if (s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && s.command() != null && s.command().matches("(?s).*\\bjava\\b.*-jar\\s.*")
                    && (s.command().contains("/" + name + "/") || s.workingDir() != null && s.workingDir().endsWith("/" + name))) {
                return s;
            }
        }
        return null;
    }
}
