package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.rewriters.systemd.ExecCommand;
import dev.migrate.rewriters.systemd.UnitFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a timer's service runs around ExecStart=. systemd runs the ExecStartPre= commands in order, then ExecStart=,
 * then ExecStartPost=, and stops at the first that fails unless its {@code -} prefix says to go on; the flow's command
 * becomes that chain ({@code pre && start && post}, a {@code -} command as {@code { cmd || true; }}). ExecCondition=
 * (a skip, not a failure) and ExecStopPost= (run whatever the outcome) have no such form and are reported, as is
 * everything when a drop-in may have changed the lists. Settings such as {@code Nice=} that have a command form go in
 * front of each command ({@link ServiceResources}). Kept as attributes of the job, so that the manifest still has them
 * once the cleanup deleted the unit.
 */
final class ServiceExecLines {
    private static final List<String> CHAINED = List.of("ExecStartPre", "ExecStart", "ExecStartPost");
    private static final List<String> REPORTED = List.of("ExecCondition", "ExecStopPost");

    private ServiceExecLines() {
    }

    /** Attribute holding the notes, one a line. */
    static final String NOTES = "systemd.otherCommands";

    /** The job with its service's whole start sequence as command and notes on the rest; the job itself when none. */
    static Job annotate(Job job, Map<String, String> texts) {
        String path = job.kind() == JobKind.SYSTEMD_TIMER ? job.attributes().get("service") : null;
        // a unit file, or a unit a script writes with a here-document (script.sh:7:1), read alike
        ServiceResources.Read read = path == null ? null : ServiceResources.units(job, texts).get(path);
        if (read == null) {
            return job;
        }
        UnitFile unit = read.unit();
        List<String> notes = new ArrayList<>();
        String command = job.command();
        boolean sequence = !unit.values("Service", "ExecStartPre").isEmpty() || !unit.values("Service", "ExecStartPost").isEmpty()
                || unit.values("Service", "ExecStart").stream().anyMatch(v -> ExecCommand.parse(v).ignoresFailure());
        boolean dropIns = job.attributes().containsKey("service.dropIns");
        // the flow runs the command through a shell: Nice=, IOSchedulingClass= ... go in front of each command
        ServiceResources.Applied resources = ServiceResources.of(ServiceResources.units(job, texts), true);
        if (sequence && dropIns) {
            // the drop-ins may add to or reset the lists; the main file alone would give another sequence
            for (String key : CHAINED) {
                for (String value : unit.values("Service", key)) {
                    if (!key.equals("ExecStart") || ExecCommand.parse(value).ignoresFailure()) {
                        notes.add(key + "=" + Redactor.redact(value) + " (the unit has drop-ins) is not run by the flow as "
                                + "systemd ran it: check the start sequence and add it to the flow's command by hand");
                    }
                }
            }
        } else if (sequence) {
            List<String> steps = new ArrayList<>();
            for (String key : CHAINED) {
                unit.values("Service", key).stream().map(ExecCommand::parse).map(e -> step(e, resources)).forEach(steps::add);
            }
            command = Redactor.redact(String.join(" && ", steps));
            notes.add("decision: the flow runs the service's start sequence as systemd did, stopping at the first failure "
                    + "(ExecStartPre=, ExecStart=, ExecStartPost=; a - prefix ignores one's failure): " + command);
        } else if (!resources.prefix().isEmpty() && command != null) {
            // each ExecStart= of the unit and its drop-ins (a oneshot service may have several) gets the prefix
            List<String> starts = new ArrayList<>();
            ServiceResources.units(job, texts).values().stream().map(ServiceResources.Read::unit).forEach(u -> {
                for (int i : u.indexesOf("Service", "ExecStart")) {
                    String v = ((dev.migrate.rewriters.systemd.UnitLine.Assignment) u.lines().get(i)).value();
                    if (v.isEmpty()) {
                        starts.clear();
                    } else {
                        starts.add(v);
                    }
                }
            });
            command = Redactor.redact(String.join(" && ",
                    starts.stream().map(v -> resources.before(ExecCommand.parse(v).command())).toList()));
        }
        notes.addAll(sequence && dropIns ? resources.notesUnapplied("the unit has drop-ins, its start sequence is not rebuilt")
                : resources.notes());
        for (String key : REPORTED) {
            for (String value : unit.values("Service", key)) {
                notes.add(key + "=" + Redactor.redact(value) + " is not run by the flow: add it to the flow's command or a task by hand");
            }
        }
        if (notes.isEmpty()) {
            return job;
        }
        Map<String, String> attributes = new LinkedHashMap<>(job.attributes());
        attributes.put(NOTES, String.join("\n", notes));
        return new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), command, job.user(), job.env(),
                job.workingDir(), job.overlap(), job.dependsOn(), attributes);
    }

    private static String step(ExecCommand exec, ServiceResources.Applied resources) {
        String command = resources.before(exec.command());
        return exec.ignoresFailure() ? "{ " + command + " || true; }" : command;
    }
}
