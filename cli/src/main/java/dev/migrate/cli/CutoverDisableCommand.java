package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverException;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.DispatchEntryGuard;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.cutover.ReadinessState;
import dev.migrate.analyzers.cutover.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate cutover disable}: the plan's disable step for crontab lines, applied to the files. */
@Command(
        name = "disable",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Switch a line-based legacy job (crontab, anacrontab) off behind a migrate marker.",
        description = {
            "Comments the job's line out as '# migrate: disabled JOB DATE # <original line>', atomically, keeping "
                    + "every other byte. Without --apply it only says what it would change.",
            "",
            "Examples:",
            "  migrate cutover disable samples/legacy-host --job nightly-load",
            "  migrate cutover disable . --job nightly-load --apply",
            "",
            "An @reboot job that no Prefect deployment replaces is refused (exit 2) unless --force is given.",
            "A run-parts dispatch entry (anacrontab 'cron.daily ... run-parts /etc/cron.daily', a crontab's run-parts "
                    + "line) is always refused (exit 2): it would stop every script left in the directory; disable the "
                    + "scripts' own jobs instead.",
            ""
        })
public final class CutoverDisableCommand extends EstateCommand implements Callable<Integer> {
    @Mixin
    AtOption at;

    @Option(names = "--apply", description = "Edit the files (default: only show the edit).")
    boolean apply;

    @Option(names = "--force", description = "Disable an @reboot job although no Prefect deployment replaces it "
            + "(Prefect has no boot trigger: it then no longer runs when the host starts).")
    boolean force;

    @Override
    public Integer call() {
        requireJobs("disable");
        CutoverEstate e = load(at.now());
        List<CutoverJob> jobs = selected(e);
        String date = at.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        PrintWriter out = spec.commandLine().getOut();
        // checked for every job before any edit, so a refused job leaves the others untouched too
        for (CutoverJob j : jobs) {
            // no --force for this one: the entry is no job, its scripts are (dry run refused alike)
            DispatchEntryGuard.refusal(e, j, path.toString()).ifPresent(why -> {
                throw new CutoverException(why);
            });
            if (bootJobWithoutReplacement(j) && !force) {
                throw CliException.invalidInput("job " + j.key() + " runs at boot (@reboot, " + j.legacy().source().path() + ":"
                        + j.legacy().source().line() + ") and no Prefect deployment replaces it: Prefect has no boot trigger, "
                        + "so once disabled it no longer runs when the host starts. Keep it on the host (a systemd unit "
                        + "with WantedBy=multi-user.target is the usual home), or pass --force to disable it anyway");
            }
        }
        for (CutoverJob j : jobs) {
            if (bootJobWithoutReplacement(j)) {
                spec.commandLine().getErr().println("warning: " + j.key() + " runs at boot and nothing replaces it (--force)");
            } else {
                warnIfEarly(e, j);
            }
            if (!apply) {
                out.println("would disable " + j.key() + (j.legacy() == null ? "" : " at " + j.legacy().source().path()
                        + ":" + j.legacy().source().line()) + " (pass --apply to edit)");
                continue;
            }
            LegacyLineSwitch.disable(e, j, date).forEach(s -> out.println(j.key() + ": " + s));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * The plan switches the legacy job off once parity is proven; earlier, its data stops until the new deployment runs
     * at the legacy times. Said, not refused: a person may switch off a job nobody needs (rollback restores the line).
     */
    private void warnIfEarly(CutoverEstate e, CutoverJob j) {
        JobReadiness r = e.assessor().assess(j);
        if (!r.reached(ReadinessState.PARITY_PROVEN)) {
            spec.commandLine().getErr().println("note: " + j.key() + " is at '" + r.stateSlug() + "', short of "
                    + "parity-proven: once disabled, nothing runs it until its Prefect 3 deployment runs at the legacy "
                    + "times (migrate cutover status " + Step.shellWord(path.toString()) + " --job " + Step.shellWord(j.key())
                    + " shows what is missing; "
                    + "migrate cutover rollback restores the line)");
        }
    }

    /** An {@code @reboot} legacy job with no deployment: switching it off leaves nothing running it. */
    private static boolean bootJobWithoutReplacement(CutoverJob j) {
        return j.deployment() == null && j.legacy() != null
                && j.legacy().schedules().stream().anyMatch(s -> "@reboot".equalsIgnoreCase(s.expression().strip()));
    }
}
