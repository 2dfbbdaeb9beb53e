package dev.migrate.cli;

import dev.migrate.rewriters.io.AtomicFiles;

import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.RunRef;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Status;
import dev.migrate.validators.result.ValidationReport;
import dev.migrate.validators.sink.JUnitSink;
import dev.migrate.validators.sink.JsonSink;
import dev.migrate.validators.sink.MarkdownSink;
import dev.migrate.validators.sink.ResultSink;
import dev.migrate.validators.sink.TerminalSink;
import dev.migrate.validators.JobInputException;
import dev.migrate.validators.store.EvidenceStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate validate CONFIG}: dual-run comparison of legacy and new outputs, recorded as evidence. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Compare the outputs of the legacy and the new pipeline runs.",
        description = {
            "Checks output paths (timestamps normalised), row counts, schemas and values (aggregates and a "
                    + "key-based row diff with samples), and records the result in the evidence store.",
            "",
            "Examples:",
            "  migrate validate samples/prefect1-lake/validate.yaml",
            "  migrate validate lake.yaml --junit build/validate.xml --markdown pr-comment.md",
            "  migrate validate lake.yaml --job orders --dry-run",
            "  migrate validate lake.yaml --legacy-run 2024-03-01T02:00:00Z --new-run run-42",
            "",
            "How files are read (csv.escapes, csv.null_values, encodings, delimiters) is set in the config only, per "
                    + "dataset or side, with no flag: each job's config_digest is computed from the config file, and "
                    + "cutover counts a validation towards parity only when that digest equals the config's as it is "
                    + "now, so a reading chosen on the command line would either be missing from the evidence or never "
                    + "match it. See docs/validate.md.",
            "",
            "A column that holds JSON documents whatever its types (a JSON file's objects against JSON text in a CSV "
                    + "cell, or text against text) is declared per dataset, json_columns: [payload], and compared as "
                    + "JSON values in one canonical form (keys sorted, numbers exact, a null member as an absent one); "
                    + "a json, jsonb or JSON column needs no declaration.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every check matched",
            "  1  mismatch",
            "  2  bad config or input file",
            "  3  environment (unreachable database, missing location, unwritable store)"
        })
public final class ValidateCommand implements Callable<Integer> {
    enum Format { TEXT, JSON, MARKDOWN, JUNIT }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Validation config (YAML). Paths in it resolve relative to it.")
    Path config;

    @Option(names = "--job", paramLabel = "NAME", description = "Validate only this job (repeatable).")
    List<String> jobs = List.of();

    @Option(names = "--legacy-run", paramLabel = "RUN", description = "Legacy run to compare: a scheduled time (ISO-8601) or a run id.")
    String legacyRun;

    @Option(names = "--new-run", paramLabel = "RUN", description = "New run to compare: a scheduled time (ISO-8601) or a run id.")
    String newRun;

    @Option(names = "--dry-run", description = "Print the SQL each side would run and how each column is read; "
            + "read no data, record nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatNames.Validate.class,
            description = "Standard output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write a Markdown report (for PR comments) here.")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (for CI) here.")
    Path junit;

    @Option(names = "--store", paramLabel = "URL",
            description = "Evidence store: jdbc:sqlite:FILE (default .migrate/evidence.db) or jdbc:postgresql://HOST/DB "
                    + "(credentials from MIGRATE_STORE_USER / MIGRATE_STORE_PASSWORD).")
    String store;

    @Option(names = "--no-store", description = "Do not record the result.")
    boolean noStore;

    @Option(names = "--sample-size", paramLabel = "N", defaultValue = "10", description = "Differing rows shown per dataset (default: ${DEFAULT-VALUE}); on PostgreSQL also the rows the "
                    + "per-column counts of differing rows are taken from.")
    int sampleSize;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default: all cores).")
    Integer threads;

    @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "2GB",
            description = "Engine memory limit before spilling to disk, e.g. 2GB (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Override
    public Integer call() {
        if (sampleSize < 0) {
            throw CliException.invalidInput("--sample-size must be 0 or more, got " + sampleSize + ".");
        }
        if (threads != null && threads < 1) {
            // DuckDB's own message ("Must have at least 1 thread") read as an engine that failed to start: exit 3
            throw CliException.invalidInput("--threads must be 1 or more, got " + threads + ".");
        }
        if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)")) {
            throw CliException.invalidInput("--memory-limit: expected a size such as 2GB or 512MB, got '" + memoryLimit + "'.");
        }
        ValidateConfig cfg = ConfigLoader.load(config);
        RunOverrides overrides = new RunOverrides(legacyRun == null ? null : RunRef.parse(legacyRun),
                newRun == null ? null : RunRef.parse(newRun), new LinkedHashSet<>(jobs));
        EngineSettings settings = new EngineSettings(threads == null ? EngineSettings.defaults().threads() : threads,
                memoryLimit, null, sampleSize);
        Validator validator = new Validator(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            printPlan(validator.dryRun(cfg, overrides), out);
            return ExitCode.OK.code();
        }
        // Open the store first: an unreachable store should stop the run before any work is done.
        EvidenceStore evidence = noStore ? null
                : EvidenceStore.open(store != null ? store : EvidenceStore.defaultUrl(Path.of("")));
        ValidationReport report;
        JobInputException unreadable = null;
        try {
            report = validator.run(cfg, overrides);
        } catch (JobInputException e) {
            // recorded and shown like any run (its other jobs and datasets were compared), then exit 2
            report = e.report();
            unreadable = e;
        }
        if (evidence != null) {
            evidence.record(report);
        }
        writeFile(json, new JsonSink(), report);
        writeFile(markdown, new MarkdownSink(), report);
        writeFile(junit, new JUnitSink(), report);
        sink(format).write(report, out);
        out.flush();
        if (unreadable != null) {
            throw unreadable;
        }
        return report.status() == Status.PASS ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }

    private static ResultSink sink(Format f) {
        return switch (f) {
            case TEXT -> new TerminalSink();
            case JSON -> new JsonSink();
            case MARKDOWN -> new MarkdownSink();
            case JUNIT -> new JUnitSink();
        };
    }

    private static void printPlan(List<PlannedStatement> plan, PrintWriter out) {
        for (PlannedStatement p : plan) {
            out.println("-- job " + p.job() + ", dataset " + p.dataset() + ", " + p.side() + ": " + p.statement().purpose());
            if (!p.statement().params().isEmpty()) {
                out.println("-- parameters: " + p.statement().params());
            }
            // notes (how columns are read) are SQL comments, no statement to end
            out.println(p.statement().sql() + (p.statement().sql().startsWith("--") ? "" : ";"));
            out.println();
        }
    }

    /** Writes a report file atomically: a reader never sees half a report. */
    private static void writeFile(Path file, ResultSink sink, ValidationReport report) {
        if (file == null) {
            return;
        }
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            sink.write(report, w);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliException.environment(file + ": cannot write the report (" + e.getMessage() + ").");
        }
    }
}
