package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.PrefectCommandReport;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.rewriters.systemd.ExecCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Prefect deploy commands a service runs itself, not through a script: {@code ExecStart=prefect deploy ...},
 * {@code ExecStartPre=/opt/venv/bin/prefect deployment build ... -a}, {@code ExecStart=/bin/sh -c 'prefect deployment
 * build ... && prefect deployment apply ...'}. Each is reported as the same line of a script is
 * ({@link PrefectCommandReport}): the deployment it declares is a job, at the file, line and column of the call in the
 * {@code Exec*=} value, with the Prefect 2 flags it gives; {@code prefect deploy -n NAME} is linked to the prefect.yaml
 * entries it deploys. The job runs as the unit does (its {@code User=}, {@code WorkingDirectory=}, {@code Environment=});
 * one whose service a timer starts is a scheduled deploy job, {@code scheduledBy} that timer's job.
 */
final class UnitDeployCommands {
    /** The commands that deploy, whose calls the unit's own job (an agent's, a worker's) does not answer for. */
    private static final Set<String> DEPLOYS = Set.of("deploy", "deployment build", "deployment apply");
    /** The settings whose commands run when the service starts. */
    private static final List<String> STARTS = List.of("ExecStartPre", "ExecStart", "ExecStartPost");

    private UnitDeployCommands() {
    }

    static boolean deploys(PrefectInvocation inv) {
        return DEPLOYS.contains(inv.path());
    }

    /**
     * Reports the service's deploy commands.
     *
     * @param owner    the job that answers for a call that defines no job of its own ({@code prefect deployment apply}):
     *                 the timer's that starts the service, or the service's own (an agent's); null for neither
     * @param timerJob the id of the timer's job that starts the service, else null
     */
    static void report(UnitSource service, ServiceFacts facts, String owner, String timerJob, InventorySink sink) {
        ScanFile file = new ScanFile(service.path(), "", service.jobIds());
        InventorySink findings = owner == null ? sink : sink.givingJoblessFindingsTo(owner);
        for (String key : STARTS) {
            for (UnitSource.Setting exec : service.settings("Service", key)) {
                String command = ExecCommand.parse(exec.value()).command();
                for (PrefectInvocation inv : PrefectInvocation.find(command)) {
                    if (deploys(inv)) {
                        SourceRef at = at(exec, command, inv);
                        String text = inv.text(command);
                        Optional<JobBuilder> job = PrefectCommandReport.report(file, inv, text, at, findings)
                                .or(() -> PrefectCommandReport.selection(file, inv, text, at));
                        job.ifPresent(b -> sink.job(asUnit(b, service, facts, timerJob).build()));
                    }
                }
            }
        }
    }

    /** The job as the unit runs it: its user, directory and environment, and the timer that starts it. */
    private static JobBuilder asUnit(JobBuilder b, UnitSource service, ServiceFacts facts, String timerJob) {
        b.user(facts.user()).workingDir(facts.workingDir()).attr("service", service.where().toString())
                .attr("unit", service.fileName()).attr("scheduledBy", timerJob)
                .attr("EnvironmentFile", facts.attributes().get("EnvironmentFile"));
        facts.env().forEach(b::env);
        if (service.embeddedIn() != null) {
            b.attr("systemd.embeddedIn", service.embeddedIn());
        }
        return b;
    }

    /**
     * Where the call starts: the {@code Exec*=} value's column plus the call's place in it, where the value is one line
     * as written; at the value itself where continuation lines joined it.
     */
    private static SourceRef at(UnitSource.Setting exec, String command, PrefectInvocation inv) {
        SourceRef value = exec.where();
        int start = exec.value().indexOf(command);
        if (!exec.value().equals(exec.shown()) || start < 0) {
            return value;
        }
        return SourceRef.at(value.path(), value.line(), value.column() + start + inv.offset());
    }
}
