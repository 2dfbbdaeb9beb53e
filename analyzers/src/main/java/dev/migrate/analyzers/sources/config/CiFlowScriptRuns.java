package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.ci.GithubScheduleDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * PF237: a CI job line that runs a Prefect flow script with Python ({@code python flows/etl.py}), read where the job
 * runs it ({@link ShellDirectories}: its {@code cd}s, a step's {@code working-directory:}, in each pipeline that runs
 * an included file) and classified by {@link FlowScripts}. A flow script run so is one flow run per job run, outside
 * any deployment; a serve script serves its deployments only while the job runs. A script the tree does not hold where
 * the job runs it, or that runs no flow, says nothing. A GitHub Actions workflow's {@code on: schedule} is in the file
 * ({@link GithubScheduleDetector#zonedCrons}): the finding names its crons, the schedule the flow's deployment takes.
 */
final class CiFlowScriptRuns {
    private final FlowScripts scripts;
    /** Each CI file's crons, by path: read once a file, whichever of its lines runs a flow script. */
    private final Map<String, List<String>> crons = new ConcurrentHashMap<>();

    /** {@code files} gives a tree path's text, or null. */
    CiFlowScriptRuns(Function<String, String> files) {
        this.scripts = new FlowScripts(files);
    }

    /**
     * The findings of one CI line of {@code file} ({@code text}, YAML around its shell text), whose directories
     * {@code dirs} gives; {@code at} places an offset of the line.
     */
    List<Finding> of(ScanFile file, String text, ShellDirectories.Line dirs, IntFunction<SourceRef> at) {
        List<Finding> out = new ArrayList<>();
        String shell = WorkingDirectory.withoutYaml(text);
        for (FlowScripts.Invocation run : FlowScripts.invocations(shell)) {
            String command = shell.substring(run.offset()).strip();
            scripts.of(run, dirs.at(run.offset())).ifPresent(s -> out.add(Findings.of("PF237",
                    message(s, command, crons.computeIfAbsent(file.path(), p -> GithubScheduleDetector.zonedCrons(file))),
                    at.apply(run.offset()), null)));
        }
        return out;
    }

    /** {@code crons}: the crons that start the job, each with its zone ({@code 0 2 * * * UTC}); empty when unknown. */
    static String message(FlowScripts.Script s, String command, List<String> crons) {
        String shown = "`" + command + "`";
        String flows = String.join(", ", s.flows());
        if (s.kind() == FlowScripts.Kind.SERVE) {
            return "CI job runs serve script " + s.path() + " (" + shown + "), which serves "
                    + (s.flows().isEmpty() ? "its flows' deployments" : "flow " + flows) + " in the job's own process "
                    + "until it is stopped: the deployments' runs start only while the job runs, and a CI job ends at "
                    + "its timeout (blocking its pipeline until then); run the script as a long-lived service, or "
                    + "deploy the flows to a work pool a worker serves";
        }
        String start = "CI job runs Prefect flow script " + s.path() + " (" + shown + "): each run of the job runs flow "
                + flows + " once, in the job's own process and outside any deployment, so Prefect schedules, retries "
                + "and pauses none of it; ";
        if (crons.isEmpty()) {
            return start + "where a schedule starts the job (a GitLab pipeline schedule, a workflow's on: schedule), "
                    + "give that schedule to a deployment of " + s.entry() + " and stop the CI schedule, or both run it";
        }
        return start + "the workflow's on: schedule starts it (cron " + String.join("; ", crons) + ", GitHub running "
                + "a cron in UTC unless its entry names a timezone): give " + (crons.size() == 1 ? "that cron, in that zone," : "those crons, each in its zone,")
                + " to a deployment of " + s.entry() + " and remove the workflow's schedule, or both run it";
    }
}
