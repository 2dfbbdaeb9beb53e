package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.LegacySwitchFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
            "  migrate cutover disable samples/legacy-host --job nightly-backup",
            "  migrate cutover disable . --job nightly-backup --apply",
            ""
        })
public final class CutoverDisableCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The estate (default: .).")
    Path path = Path.of(".");

    @Mixin
    EstateOptions estate;

    @Option(names = "--apply", description = "Edit the files (default: only show the edit).")
    boolean apply;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Stamp the marker with this ISO-8601 instant (default: now).")
    String at;

    @Override
    public Integer call() {
        if (estate.jobs.isEmpty()) {
            throw CliException.invalidInput("--job is required: name the job(s) to disable");
        }
        CutoverEstate e = estate.load(path, estate.openStore());
        List<CutoverJob> jobs = estate.selected(e);
        String date = CutoverClock.now(at).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        PrintWriter out = spec.commandLine().getOut();
        for (CutoverJob j : jobs) {
            if (!apply) {
                out.println("would disable " + j.key() + (j.legacy() == null ? "" : " at " + j.legacy().source().path()
                        + ":" + j.legacy().source().line()) + " (pass --apply to edit)");
                continue;
            }
            LegacySwitchFiles.disable(e, j, date).edits().forEach(s -> out.println(j.key() + ": " + s));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
