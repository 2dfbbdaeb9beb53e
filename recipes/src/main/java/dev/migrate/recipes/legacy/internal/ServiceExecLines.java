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
 * (a skip, not a failure) and ExecStopPost= (run whatever the outcome) have no such form and are reported. The lists
 * are read from the unit and the drop-ins systemd applies to it (the scan's, in systemd's order; an empty assignment
 * resets a list); when one of those drop-ins is not in the tree, the rest of the sequence is reported instead. Settings such as {@code Nice=} that have a command form go in
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
        if (path == null) {
            return job;
        }
        Map<String, ServiceResources.Read> units = ServiceResources.units(job, texts);
        if (!units.containsKey(path)) {
            return job;
        }
        List<String> notes = new ArrayList<>();
        String command = job.command();
        // the unit as systemd reads it: the file, then the drop-ins the scan found applying, in systemd's order; a
        // drop-in not read here (its file is not in the tree) may add to or reset the lists
        boolean complete = units.size() == 1 + dropIns(job).size();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String key : CHAINED) {
            lists.put(key, values(units, key));
        }
        boolean sequence = !lists.get("ExecStartPre").isEmpty() || !lists.get("ExecStartPost").isEmpty()
                || lists.get("ExecStart").stream().anyMatch(v -> ExecCommand.parse(v).ignoresFailure());
        // the flow runs the command through a shell: Nice=, IOSchedulingClass= ... go in front of each command
        ServiceResources.Applied resources = ServiceResources.of(units, true);
        if (sequence && !complete) {
            for (String key : CHAINED) {
                for (String value : lists.get(key)) {
                    if (!key.equals("ExecStart") || ExecCommand.parse(value).ignoresFailure()) {
                        notes.add(key + "=" + Redactor.redact(value) + " (a drop-in of the unit is not in the tree) is not run "
                                + "by the flow as systemd ran it: check the start sequence and add it to the flow's command by hand");
                    }
                }
            }
        } else if (sequence) {
            List<String> steps = new ArrayList<>();
            for (String key : CHAINED) {
                lists.get(key).stream().map(ExecCommand::parse).map(e -> step(e, resources)).forEach(steps::add);
            }
            command = Redactor.redact(String.join(" && ", steps));
            notes.add("decision: the flow runs the service's start sequence as systemd did, stopping at the first failure "
                    + "(ExecStartPre=, ExecStart=, ExecStartPost=; a - prefix ignores one's failure): " + command);
        } else if (!resources.prefix().isEmpty() && command != null) {
            // each ExecStart= of the unit and its drop-ins (a oneshot service may have several) gets the prefix
            command = Redactor.redact(String.join(" && ",
                    lists.get("ExecStart").stream().map(v -> resources.before(ExecCommand.parse(v).command())).toList()));
        }
        notes.addAll(sequence && !complete ? resources.notesUnapplied("a drop-in of the unit is not in the tree, its start "
                + "sequence is not rebuilt") : resources.notes());
        for (String key : REPORTED) {
            for (String value : values(units, key)) {
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

    /** The drop-ins the scan applied to the job's service. */
    private static List<String> dropIns(Job job) {
        return java.util.Arrays.stream(job.attributes().getOrDefault("service.dropIns", "").split("\\s+"))
                .filter(d -> !d.isEmpty()).toList();
    }

    /** A list setting's values across the unit and its drop-ins, in order; an empty assignment clears those before it. */
    private static List<String> values(Map<String, ServiceResources.Read> units, String key) {
        List<String> out = new ArrayList<>();
        for (ServiceResources.Read read : units.values()) {
            UnitFile unit = read.unit();
            for (int i : unit.indexesOf("Service", key)) {
                String v = ((dev.migrate.rewriters.systemd.UnitLine.Assignment) unit.lines().get(i)).value();
                if (v.isEmpty()) {
                    out.clear();
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String step(ExecCommand exec, ServiceResources.Applied resources) {
        String command = resources.before(exec.command());
        return exec.ignoresFailure() ? "{ " + command + " || true; }" : command;
    }
}
