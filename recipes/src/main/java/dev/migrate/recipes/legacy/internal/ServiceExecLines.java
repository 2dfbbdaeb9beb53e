package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.rewriters.systemd.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a timer's service runs besides ExecStart= and what its ExecStart= prefixes change: the flow runs only the
 * ExecStart= command and fails on a non-zero exit, so the report says what else the unit did. Kept as an attribute
 * of the job, so that the manifest still has it once the cleanup deleted the unit.
 */
final class ServiceExecLines {
    private static final List<String> OTHER_COMMANDS = List.of("ExecStartPre", "ExecStartPost", "ExecCondition", "ExecStopPost");

    private ServiceExecLines() {
    }

    /** Attribute holding the notes, one a line. */
    static final String NOTES = "systemd.otherCommands";

    /** The job with the notes about its service's other commands; the job itself when there are none. */
    static Job annotate(Job job, Map<String, String> texts) {
        List<String> notes = notes(job, texts);
        if (notes.isEmpty()) {
            return job;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>(job.attributes());
        attributes.put(NOTES, String.join("\n", notes));
        return new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), job.command(), job.user(), job.env(),
                job.workingDir(), job.overlap(), job.dependsOn(), attributes);
    }

    private static List<String> notes(Job job, Map<String, String> texts) {
        List<String> notes = new ArrayList<>();
        String path = job.kind() == JobKind.SYSTEMD_TIMER ? job.attributes().get("service") : null;
        String text = path == null ? null : texts.get(path);
        if (text == null) {
            return notes;
        }
        UnitFile unit = UnitFile.parse(text);
        for (String key : OTHER_COMMANDS) {
            for (String command : unit.values("Service", key)) {
                notes.add(key + "=" + Redactor.redact(command) + " is not run by the flow: add it to the flow's command or a task by hand");
            }
        }
        for (String command : unit.values("Service", "ExecStart")) {
            if (command.startsWith("-")) {
                notes.add("ExecStart=" + Redactor.redact(command) + ": systemd ignored the command's failure (the - prefix); the flow run fails "
                        + "on a non-zero exit code");
            }
        }
        return notes;
    }
}
