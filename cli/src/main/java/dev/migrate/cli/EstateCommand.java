package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What the cutover subcommands that work on one estate share: PATH and the estate options. */
abstract class EstateCommand {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The estate (default: .).")
    Path path = Path.of(".");

    @Mixin
    EstateOptions estate;

    @Mixin
    HostZoneOption hostZone;

    /** @param now when the evidence is judged: {@code --at} or the clock */
    CutoverEstate load(Instant now) {
        return estate.load(path, estate.openStore(), now);
    }

    /** The edit commands name their jobs explicitly: editing every job of an estate by default is a trap. */
    void requireJobs(String verb) {
        if (estate.jobs.isEmpty()) {
            throw CliException.invalidInput("--job is required: name the job(s) to " + verb);
        }
    }
}
