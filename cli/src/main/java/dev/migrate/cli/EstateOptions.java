package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.CutoverJobs;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.validators.store.EvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs every cutover subcommand reads: the estate, its validate config and the evidence store. */
public final class EstateOptions {
    @Option(names = "--job", paramLabel = "JOB", description = "Only this job (name key or scan id); repeatable. Default: all.")
    List<String> jobs = List.of();

    @Option(names = "--store", paramLabel = "URL",
            description = "Evidence store: jdbc:sqlite:FILE (default .migrate/evidence.db) or jdbc:postgresql://HOST/DB "
                    + "(credentials from MIGRATE_STORE_USER / MIGRATE_STORE_PASSWORD).")
    String store;

    @Option(names = "--validate-config", paramLabel = "FILE",
            description = "The migrate validate config that names the dual-run jobs (default: PATH/validate.yaml if present).")
    Path validateConfig;

    @Option(names = "--green-runs", paramLabel = "N", defaultValue = "3",
            description = "Consecutive green validations that prove parity (default: ${DEFAULT-VALUE}).")
    int greenRuns;

    EvidenceStore openStore() {
        return EvidenceStore.open(store != null ? store : EvidenceStore.defaultUrl(Path.of("")));
    }

    CutoverEstate load(Path root, EvidenceStore evidence) {
        if (!Files.exists(root)) {
            throw CliException.invalidInput("PATH " + root + " does not exist; give the estate's directory");
        }
        Inventory inventory;
        try {
            inventory = Scanner.standard(ScanOptions.defaults()).scan(root, root.toString(), ScanListener.NONE);
        } catch (IOException e) {
            throw CliException.environment("PATH " + root + ": cannot scan (" + e.getMessage() + ")");
        }
        return CutoverEstate.load(root, inventory, validateConfig, new StoreEvidence(evidence), greenRuns);
    }

    /** The validate config as commands in the plan should name it. */
    String validateConfigLabel(Path root) {
        if (validateConfig != null) {
            return validateConfig.toString();
        }
        return Files.isRegularFile(root.resolve(CutoverEstate.DEFAULT_VALIDATE_CONFIG))
                ? root.resolve(CutoverEstate.DEFAULT_VALIDATE_CONFIG).toString() : null;
    }

    List<CutoverJob> selected(CutoverEstate estate) {
        return CutoverJobs.select(estate.jobs(), jobs);
    }
}
