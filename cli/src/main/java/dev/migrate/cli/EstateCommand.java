package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.CutoverJobs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What the cutover subcommands that work on one estate share: PATH and the estate options. */
abstract class EstateCommand {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The estate (default: .).")
    Path path = Path.of(".");

    @Option(names = "--job", paramLabel = "JOB", description = "Only this job (name key or scan id); repeatable. Default: all.")
    List<String> jobs = List.of();

    @Mixin
    EstateOptions estate;

    @Mixin
    HostZoneOption hostZone;

    /** @param now when the evidence is judged: {@code --at} or the clock */
    CutoverEstate load(Instant now) {
        return estate.load(path, estate.readStore(spec.commandLine().getErr()), now);
    }

    /** The jobs --job names (each a name key or scan id), or every job of the estate without it. */
    List<CutoverJob> selected(CutoverEstate estate) {
        return CutoverJobs.select(estate.jobs(), jobs);
    }

    /** The edit commands name their jobs explicitly: editing every job of an estate by default is a trap. */
    void requireJobs(String verb) {
        if (jobs.isEmpty()) {
            throw CliException.invalidInput("--job is required: name the job(s) to " + verb);
        }
    }
}
