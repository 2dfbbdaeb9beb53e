package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * PF237: a CI job line that runs a Prefect flow script with Python ({@code python flows/etl.py}), read where the job
 * runs it ({@link ShellDirectories}: its {@code cd}s, a step's {@code working-directory:}, in each pipeline that runs
 * an included file) and classified by {@link FlowScripts}. A flow script run so is one flow run per job run, outside
 * any deployment; a serve script serves its deployments only while the job runs. A script the tree does not hold where
 * the job runs it, or that runs no flow, says nothing.
 */
final class CiFlowScriptRuns {
    private final FlowScripts scripts;

    /** {@code files} gives a tree path's text, or null. */
    CiFlowScriptRuns(Function<String, String> files) {
        this.scripts = new FlowScripts(files);
    }

    /**
     * The findings of one CI line ({@code text}, YAML around its shell text), whose directories {@code dirs} gives;
     * {@code at} places an offset of the line.
     */
    List<Finding> of(String text, ShellDirectories.Line dirs, java.util.function.IntFunction<SourceRef> at) {
        List<Finding> out = new ArrayList<>();
        String shell = WorkingDirectory.withoutYaml(text);
        for (FlowScripts.Invocation run : FlowScripts.invocations(shell)) {
            String command = shell.substring(run.offset()).strip();
            scripts.of(run, dirs.at(run.offset())).ifPresent(s -> out.add(Findings.of("PF237",
                    message(s, command), at.apply(run.offset()), null)));
        }
        return out;
    }

    static String message(FlowScripts.Script s, String command) {
        String shown = "`" + command + "`";
        String flows = String.join(", ", s.flows());
        if (s.kind() == FlowScripts.Kind.SERVE) {
            return "CI job runs serve script " + s.path() + " (" + shown + "), which serves "
                    + (s.flows().isEmpty() ? "its flows' deployments" : "flow " + flows) + " in the job's own process "
                    + "until it is stopped: the deployments' runs start only while the job runs, and a CI job ends at "
                    + "its timeout (blocking its pipeline until then); run the script as a long-lived service, or "
                    + "deploy the flows to a work pool a worker serves";
        }
        return "CI job runs Prefect flow script " + s.path() + " (" + shown + "): each run of the job runs flow "
                + flows + " once, in the job's own process and outside any deployment, so Prefect schedules, retries "
                + "and pauses none of it; where a schedule starts the job (a GitLab pipeline schedule, a workflow's "
                + "on: schedule), give that schedule to a deployment of " + s.path() + ":" + s.flows().get(0)
                + " and stop the CI schedule, or both run it";
    }
}
