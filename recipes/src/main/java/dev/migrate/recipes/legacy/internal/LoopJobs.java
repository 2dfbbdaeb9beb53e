package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIds;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs for {@link SleepLoop} schedulers, joined with the systemd service that keeps the loop running (its
 * ExecStart names the script): the service gives the user, environment, directory and restart policy.
 */
final class LoopJobs {
    static final String ENTRY_POINT = "python.entryPoint";
    static final String SCRIPT_DIR = "python.scriptDir";

    private LoopJobs() {
    }

    /**
     * One job per script: the first loop the scan's detector read an interval for whose cycle {@link SleepLoop} finds.
     *
     * @param consumed receives the ids of the scan's loop jobs and of the service jobs now represented by a loop job
     */
    static List<Job> of(Map<String, String> texts, String outputDir, List<Job> detected, List<String> consumed) {
        List<Job> jobs = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        List<Job> scanned = detected.stream()
                .filter(j -> j.kind() == JobKind.PYTHON_SLEEP_LOOP && j.schedules().size() == 1
                        && j.schedules().get(0).form() == ScheduleSpec.Form.INTERVAL)
                .sorted(java.util.Comparator.comparing(Job::source)).toList();
        for (Job scan : scanned) {
            String path = scan.source().path();
            String text = texts.get(path);
            if (text == null || path.startsWith(outputDir + "/") || done.contains(path)) {
                continue;
            }
            Optional<SleepLoop> found = SleepLoop.around(path, text, scan.source().line());
            if (found.isEmpty()) {
                continue;
            }
            done.add(path);
            consumed.add(scan.id());
            SleepLoop loop = found.get();
            Duration interval = Duration.parse(scan.schedules().get(0).expression());
            String script = path.substring(path.lastIndexOf('/') + 1);
            Job service = detected.stream()
                    .filter(j -> j.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE && j.command() != null
                            && j.command().matches("(?s).*(^|[\\s/])" + java.util.regex.Pattern.quote(script) + "(\\s.*|$)"))
                    .findFirst().orElse(null);
            // cutover keys the loop's job by the same name, so it finds the deployment written here
            String name = dev.migrate.analyzers.model.SleepLoopNames.of(path, service == null ? null : service.source().path());
            SourceRef where = SourceRef.at(path, loop.line(), 1);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(ENTRY_POINT, loop.entryPoint());
            attributes.put(SCRIPT_DIR, scriptDir(path, service));
            attributes.put("python.script", path);
            if (service != null) {
                attributes.putAll(service.attributes());
                attributes.put("service", service.source().path());
                // How long systemd waited before restarting the loop: the delay between flow retries.
                String unit = texts.get(service.source().path());
                if (unit != null) {
                    dev.migrate.rewriters.systemd.UnitFile.parse(unit).value("Service", "RestartSec")
                            .ifPresent(v -> attributes.put("RestartSec", v));
                }
                consumed.add(service.id());
            }
            jobs.add(new Job(JobIds.of(JobKind.PYTHON_SLEEP_LOOP, path, name, loop.entryPoint()), JobKind.PYTHON_SLEEP_LOOP,
                    name, where, List.of(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, interval.toString(), null, where)),
                    service == null ? null : service.command(), service == null ? null : service.user(),
                    service == null ? Map.of() : service.env(), service == null ? null : service.workingDir(),
                    Overlap.QUEUE, List.of(), attributes));
        }
        return jobs;
    }

    /** Where the script lives on the host: the directory of the path ExecStart runs, else WorkingDirectory. */
    static String scriptDir(String path, Job service) {
        String script = path.substring(path.lastIndexOf('/') + 1);
        if (service != null && service.command() != null) {
            for (String word : service.command().split("\\s+")) {
                if (word.startsWith("/") && word.endsWith("/" + script)) {
                    return word.substring(0, word.length() - script.length() - 1);
                }
            }
            if (service.workingDir() != null) {
                return service.workingDir();
            }
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
