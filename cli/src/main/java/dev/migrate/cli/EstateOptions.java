package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.EvidenceReader;
import dev.migrate.analyzers.cutover.ParityPolicy;
import dev.migrate.analyzers.schedule.TimeSpans;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.validators.store.EvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The inputs every cutover subcommand reads: the estate, its validate config and the evidence store. Which jobs a
 * command acts on is its own option ({@code --job} in {@link EstateCommand}, the JOB argument of {@code record}).
 */
public final class EstateOptions {
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

    @Option(names = "--max-evidence-age", paramLabel = "SPAN", defaultValue = "30d",
            description = "Validations that finished longer ago than this do not count towards parity, e.g. 14d, 8w; "
                    + "'none' for no limit (default: ${DEFAULT-VALUE}).")
    String maxEvidenceAge;

    /**
     * Each job's digest in the validate config as it is now, so that validations of an earlier version do not count.
     * A config the validators cannot read gives none (cutover reads it for names only; validate reports its errors).
     */
    private java.util.Map<String, String> configDigests(Path root) {
        Path config = CutoverEstate.validateConfig(root, validateConfig);
        if (config == null || !Files.isRegularFile(config)) {
            return java.util.Map.of();
        }
        try {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            dev.migrate.validators.config.ConfigLoader.load(config).jobs().forEach(j -> out.put(j.name(), j.contract()));
            return out;
        } catch (RuntimeException e) {
            return java.util.Map.of();
        }
    }

    /** What proves parity, judged at {@code now}, against the validate config at {@code root} (or --validate-config). */
    ParityPolicy parity(Path root, Instant now) {
        Duration maxAge = null;
        if (!maxEvidenceAge.strip().equalsIgnoreCase("none")) {
            try {
                maxAge = TimeSpans.parse(maxEvidenceAge);
            } catch (RuntimeException e) {
                throw CliException.invalidInput("--max-evidence-age " + maxEvidenceAge
                        + ": expected a time span such as 30d, 8w or 720h, or none");
            }
        }
        return new ParityPolicy(greenRuns, maxAge, now, configDigests(root));
    }

    /** The store to write to ({@code record}): created when it is not there yet, as {@code migrate validate} does. */
    EvidenceStore openStore() {
        return EvidenceStore.open(storeUrl());
    }

    /**
     * The evidence to read ({@code plan}, {@code status}, {@code disable}, {@code rollback}), which never creates a
     * store: no SQLite file there means nothing recorded yet. When {@code --store} named that file, a note on {@code err}
     * says so, since a typo or another directory would otherwise read as "no validation recorded" (a store made on the
     * spot hid it, and left an empty file behind).
     */
    EvidenceReader readStore(java.io.PrintWriter err) {
        String url = storeUrl();
        if (url.startsWith(SQLITE)) {
            Path file = Path.of(url.substring(SQLITE.length()));
            if (!Files.exists(file)) {
                if (store != null) {
                    err.println("note: --store " + store + ": no evidence store at " + file + " yet, so nothing is "
                            + "recorded; if migrate validate recorded runs, give the store it wrote to (by default "
                            + ".migrate/evidence.db in the directory it ran from)");
                }
                return EvidenceReader.EMPTY;
            }
        }
        return new StoreEvidence(EvidenceStore.open(url));
    }

    private String storeUrl() {
        if (store == null) {
            return EvidenceStore.defaultUrl(Path.of(""));
        }
        if (!store.startsWith("jdbc:")) {
            // a path where a URL belongs, the likeliest slip: say how to write it (a URL's credentials masked)
            String shown = dev.migrate.validators.config.Secrets.redactUrl(store);
            throw CliException.invalidInput("--store " + shown + ": not a JDBC URL; for a SQLite file write --store "
                    + SQLITE + shown + ", for PostgreSQL jdbc:postgresql://HOST/DB");
        }
        return store;
    }

    private static final String SQLITE = "jdbc:sqlite:";

    /** @param now when the evidence is judged (its age) */
    CutoverEstate load(Path root, EvidenceReader evidence, Instant now) {
        if (!Files.exists(root)) {
            throw CliException.invalidInput("PATH " + root + " does not exist; give the estate's directory");
        }
        Inventory inventory;
        try {
            inventory = Scanner.standard(ScanOptions.defaults()).scan(root, root.toString(), ScanListener.NONE);
        } catch (IOException e) {
            throw CliException.environment("PATH " + root + ": cannot scan (" + e.getMessage() + ")");
        }
        return CutoverEstate.load(root, inventory, validateConfig, evidence, parity(root, now));
    }

    /** The validate config as commands in the plan should name it. */
    String validateConfigLabel(Path root) {
        Path config = CutoverEstate.validateConfig(root, validateConfig);
        return config == null ? null : config.toString();
    }
}
