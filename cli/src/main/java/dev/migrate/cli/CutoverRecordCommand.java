package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.CutoverJobs;
import dev.migrate.analyzers.cutover.Gate;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.cutover.PersonGate;
import dev.migrate.analyzers.cutover.ReadinessState;
import dev.migrate.validators.store.EvidenceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate cutover record JOB GATE}: a person confirms a gate no file can show. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Record a gate that only a person can confirm (who, when, why).",
        description = {
            "Gates: cut-over, legacy-disabled, legacy-code-removed, runbooks-updated. They are stored in the "
                    + "evidence store with the name and time, and never inferred.",
            "",
            "Examples:",
            "  migrate cutover record lake-ingestion runbooks-updated --by alice \\",
            "      --note 'PR #42'",
            "  migrate cutover record iceberg-offload-15min cut-over --by bob \\",
            "      --path samples/k2-platform",
            ""
        })
public final class CutoverRecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job (name key or scan id).")
    String job;

    @Parameters(index = "1", paramLabel = "GATE", description = "cut-over, legacy-disabled, legacy-code-removed or runbooks-updated.")
    String gate;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who confirms it.")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, or where to look (PR, ticket).")
    String note;

    @Option(names = "--path", paramLabel = "PATH", description = "The estate the job belongs to (default: .).")
    Path path = Path.of(".");

    @Mixin
    EstateOptions estate;

    @Override
    public Integer call() {
        PersonGate g;
        try {
            g = PersonGate.parse(gate);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("GATE: " + e.getMessage());
        }
        if (by.isBlank()) {
            throw CliException.invalidInput("--by must name who confirms the gate");
        }
        EvidenceStore store = estate.openStore();
        CutoverEstate e = estate.load(path, new StoreEvidence(store), Instant.now());
        CutoverJob target = CutoverJobs.select(e.jobs(), List.of(job)).get(0);
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        warnIfRecorded(store, target, g);
        store.recordGate(new EvidenceStore.StoredGate(target.key(), g.slug(), by.strip(), note, at));
        spec.commandLine().getOut().println("recorded " + g.slug() + " for " + target.key() + " by " + by.strip() + " at " + at);
        warnIfEarly(e, target, g);
        return ExitCode.OK.code();
    }

    /**
     * The store is append-only, so a second record is kept (the newest counts), but a run of the same line twice, from a
     * shell's history say, should not pass unnoticed: it says who recorded the gate before and when.
     */
    private void warnIfRecorded(EvidenceStore store, CutoverJob target, PersonGate g) {
        store.gates().stream().filter(r -> r.job().equals(target.key()) && r.gate().equals(g.slug()))
                .reduce((first, second) -> second)
                .ifPresent(r -> spec.commandLine().getErr().println("note: " + g.slug() + " for " + target.key()
                        + " was already recorded by " + r.by() + " at " + r.recordedAt() + "; this record is kept too "
                        + "and, as the newest, is the one that counts"));
    }

    /**
     * A person may know better than the evidence, so an early record is kept, but said: it counts only once the
     * gates before it hold (a cut-over recorded before parity is proven does not make the job cut over).
     */
    private void warnIfEarly(CutoverEstate e, CutoverJob target, PersonGate g) {
        ReadinessState needs = switch (g) {
            case CUT_OVER -> ReadinessState.PARITY_PROVEN;
            case LEGACY_DISABLED -> ReadinessState.CUT_OVER;
            default -> ReadinessState.LEGACY_DISABLED;
        };
        JobReadiness r = e.assessor().assess(target);
        if (!r.reached(needs) && !r.missing().isEmpty()) {
            Gate next = r.missing().get(0);
            spec.commandLine().getErr().println("note: " + target.key() + " is at '" + r.stateSlug() + "', short of "
                    + needs.slug() + "; the recorded " + g.slug() + " counts once every gate before it holds (next: "
                    + next.state().slug() + ": " + next.evidence() + ")");
        }
    }
}
