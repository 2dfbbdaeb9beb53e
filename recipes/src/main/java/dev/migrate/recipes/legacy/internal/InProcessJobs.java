package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jobs registered with an in-process scheduler (the {@code schedule} library, APScheduler, Celery beat), as the
 * scanner found them, joined with the systemd service that keeps the scheduler running (user, environment,
 * directory) and resolved to what a flow can call: the job function with the code it needs carried over, or the
 * Celery task imported from its module.
 */
final class InProcessJobs {
    static final String SERVICE = SchedulerServices.SERVICE;
    static final String CALL = "python.call";
    static final Set<JobKind> KINDS = SchedulerServices.IN_PROCESS;

    private InProcessJobs() {
    }

    /**
     * One resolved job.
     *
     * @param registration where the scheduler registers it (in the script without our markers)
     * @param imports      import lines the flow module needs (the carried imports, or the Celery task's)
     * @param definitions  definitions carried from the script
     * @param hostDir      the directory that goes on sys.path so that those imports resolve on the worker
     * @param problem      why no flow can call it, or null
     */
    record Resolved(Job job, Registration registration, List<String> imports, List<String> definitions, String hostDir,
                    String problem) {
        String call() {
            return job.attributes().get(CALL);
        }
    }

    static boolean isInProcess(Job j) {
        return KINDS.contains(j.kind());
    }

    /**
     * @param originals the scanned texts with our registration markers undone, so positions match the scan
     * @param consumed  receives the ids of the scheduler services now represented by their jobs
     */
    static Map<String, Resolved> of(Map<String, String> originals, List<Job> detected, Map<String, Job> previous,
                                    Set<String> consumed) {
        Map<String, Resolved> out = new LinkedHashMap<>();
        for (Job j : detected) {
            if (!isInProcess(j) || !originals.containsKey(j.source().path())) {
                continue;
            }
            // the unit the scan linked the job to (SchedulerServices#SERVICE); a job detected without that pass, or whose
            // record names no unit of the estate, is linked here as the scan links it, so every path gives the same plan
            Job service = SchedulerServices.recordedServiceOf(j, detected);
            if (service == null) {
                j = SchedulerServices.unlinked(j);
                service = SchedulerServices.serviceOf(j, detected);
            }
            if (service != null) {
                consumed.add(service.id());
            } else {
                service = remembered(previous.get(j.id()), originals);
            }
            PythonFile file = PythonParser.parse(Path.of(j.source().path()), originals.get(j.source().path()));
            Optional<Registration> reg = Registration.find(j, file);
            out.put(j.id(), resolve(j, service, reg.orElse(null), file, originals));
        }
        return out;
    }

    /**
     * The scheduler service as the manifest remembers it, once the cleanup deleted its unit: a service job with the
     * user, environment and directories recorded then, so later runs describe the job as before.
     */
    private static Job remembered(Job before, Map<String, String> originals) {
        if (before == null || !before.attributes().containsKey(SERVICE) || originals.containsKey(before.attributes().get(SERVICE))) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(LoopJobs.SCRIPT_DIR, before.attributes().get(LoopJobs.SCRIPT_DIR));
        if (before.attributes().containsKey("EnvironmentFile")) {
            attributes.put("EnvironmentFile", before.attributes().get("EnvironmentFile"));
        }
        return new Job(before.id(), JobKind.SYSTEMD_SCHEDULER_SERVICE, before.name(),
                dev.migrate.analyzers.model.SourceRef.at(before.attributes().get(SERVICE), 0, 0), List.of(), null,
                before.user(), before.env(), before.workingDir(), before.overlap(), List.of(), attributes);
    }

    private static Resolved resolve(Job j, Job service, Registration reg, PythonFile file, Map<String, String> originals) {
        String path = j.source().path();
        String hostDir = service != null && service.command() == null && service.attributes().containsKey(LoopJobs.SCRIPT_DIR)
                ? service.attributes().get(LoopJobs.SCRIPT_DIR) : LoopJobs.scriptDir(path, service);
        Job enriched = enrich(j, service, reg, hostDir);
        if (reg == null || reg.callee() == null) {
            return new Resolved(enriched, reg, List.of(), List.of(), hostDir,
                    "the scheduler calls something that is not a plain function name; write its flow by hand");
        }
        if (j.kind() == JobKind.CELERY_BEAT) {
            return celery(enriched, reg, originals, service == null ? null
                    : service.command() == null ? service.attributes().get(LoopJobs.SCRIPT_DIR) : service.workingDir());
        }
        Set<String> roots = new LinkedHashSet<>(List.of(reg.callee().split("\\.")[0]));
        roots.addAll(reg.argumentNames());
        CarriedCode code = CarriedCode.of(file, roots);
        if (code.problem() != null) {
            return new Resolved(enriched, reg, List.of(), List.of(), hostDir, code.problem());
        }
        return new Resolved(enriched, reg, code.imports(), code.definitions(), hostDir, null);
    }

    /**
     * A Celery task named after its module ({@code pkg.tasks.fn}), or registered with a name of its own, is imported
     * from its module; the package root goes on sys.path.
     */
    private static Resolved celery(Job j, Registration reg, Map<String, String> originals, String serviceDir) {
        String task = reg.callee();
        int dot = task.lastIndexOf('.');
        String byPath = task.substring(dot + 1);
        String moduleFile = dot < 0 ? null : task.substring(0, dot).replace('.', '/') + ".py";
        String found = moduleFile == null ? null : originals.keySet().stream()
                .filter(p -> (p.equals(moduleFile) || p.endsWith("/" + moduleFile))
                        && Pattern.compile("(?m)^\\s*(async\\s+)?def\\s+" + Pattern.quote(byPath) + "\\s*\\(").matcher(originals.get(p)).find())
                .findFirst().orElse(null);
        String function = byPath;
        String module = dot < 0 ? null : task.substring(0, dot);
        String root = found == null ? null : found.substring(0, found.length() - moduleFile.length()).replaceAll("/$", "");
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        if (found == null) {
            Optional<CeleryTaskNames> named = CeleryTaskNames.find(task, originals);
            if (named.isEmpty()) {
                return new Resolved(j, reg, List.of(), List.of(), null, "Celery task " + task
                        + " is not defined under that module path in the project, nor by a task decorator's name=; write its flow by hand");
            }
            module = named.get().module();
            function = named.get().function();
            root = named.get().root();
            attributes.put(CALL, function + "(" + String.join(", ", reg.arguments()) + ")");
        }
        String hostDir = serviceDir != null ? serviceDir : root.isEmpty() ? "." : root;
        attributes.put(LoopJobs.SCRIPT_DIR, hostDir);
        j = new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attributes);
        return new Resolved(j, reg, List.of("from " + module + " import " + function), List.of(), hostDir, null);
    }

    /** The service's user, environment and directory, and what the flow calls, kept in the job (and the manifest). */
    private static Job enrich(Job j, Job service, Registration reg, String hostDir) {
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        attributes.put(LoopJobs.SCRIPT_DIR, hostDir);
        if (reg != null && reg.callee() != null) {
            String function = j.kind() == JobKind.CELERY_BEAT ? reg.callee().substring(reg.callee().lastIndexOf('.') + 1) : reg.callee();
            attributes.put(CALL, function + "(" + String.join(", ", reg.arguments()) + ")");
        }
        if (service == null) {
            return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                    j.overlap(), j.dependsOn(), attributes);
        }
        attributes.put(SERVICE, service.source().path());
        attributes.putAll(ServiceSpecifiers.unresolvedSettings(service)); // the process ran with what systemd gave it
        if (service.attributes().containsKey("EnvironmentFile")) {
            attributes.put("EnvironmentFile", service.attributes().get("EnvironmentFile"));
        }
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), service.user(), service.env(),
                service.workingDir(), j.overlap(), j.dependsOn(), attributes);
    }
}
