package dev.migrate.cli;

import dev.migrate.analyzers.report.ReportFormat;
import dev.migrate.analyzers.report.Reports;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.EvidenceReader;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.cutover.ParityPolicy;
import dev.migrate.validators.store.EvidenceStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate scan}: inventory every scheduled job under a path and report migration findings. */
@Command(
        name = "scan",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        header = "Inventory scheduled jobs and report what must change for Prefect 3.",
        description = {
            "Examples:",
            "  migrate scan .",
            "  migrate scan repo/ --format html --output scan.html",
            "  migrate scan repo/ --format sarif --output scan.sarif --fail-on breaking",
            "  migrate scan repo/ --select PF2,CFG --ignore PF290",
            "  migrate scan repo/ --write-baseline scan-baseline.json",
            "  migrate scan repo/ --baseline scan-baseline.json --fail-on breaking",
            "",
            "Reads files only: scanned code is never executed or imported, symbolic links leading out of PATH "
                    + "are not followed, binary and huge files are skipped with a note.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no finding at or above --fail-on outside the baseline (or no --fail-on)",
            "  1  findings at or above --fail-on that the baseline does not list",
            "  2  invalid input (bad option, unknown rule code, missing PATH, bad --baseline)",
            "  3  environment problem (unreadable PATH, cannot write --output)"
        })
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Directory (or single file) to scan.")
    Path path;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "terminal", converter = FormatNames.Scan.class,
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Mixin
    OutputMixin output;

    @Mixin
    SelectionMixin selection;

    @Mixin
    BaselineMixin baseline;

    @Mixin
    HostZoneOption hostZone;

    @Option(names = {"-q", "--quiet"}, description = "No progress or status messages on standard error.")
    boolean quiet;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + ScanOptions.DEFAULT_MAX_FILE_BYTES,
            description = "Skip (with a note) files larger than this. Default: ${DEFAULT-VALUE}.")
    long maxFileSize;

    @Option(names = "--logs", paramLabel = "FILE", description = "A scheduler log to join with the jobs (syslog, cron "
            + "log, a journalctl export), besides those under var/log/ in PATH: jobs that never ran or failed there are "
            + "reported (ACT001, ACT002); repeatable.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--store", paramLabel = "URL",
            description = "Evidence store for the HTML report's cutover readiness view (default: .migrate/evidence.db "
                    + "when it exists; without one the view shows what the files alone prove).")
    String store;

    @Override
    public Integer call() throws Exception {
        RuleRegistry rules = RuleRegistry.standard();
        Set<String> codes = selection.codes(rules);
        if (!Files.exists(path)) {
            throw CliException.invalidInput("PATH " + path + " does not exist; give a directory or file to scan");
        }
        if (!Files.isReadable(path)) {
            throw CliException.environment("PATH " + path + " is not readable; check its permissions");
        }
        if (maxFileSize < 1) {
            throw CliException.invalidInput("--max-file-size " + maxFileSize + " must be at least 1 byte");
        }
        baseline.check();
        PrintWriter err = spec.commandLine().getErr();
        // Progress only on an interactive terminal: pipes and CI logs get the report alone.
        boolean progress = !quiet && System.console() != null;
        ScanListener listener = progress ? new TerminalProgress(err) : ScanListener.NONE;
        // whether the host zone was named or only assumed decides whether schedules in the machine's clock are proven
        ScanOptions options = new ScanOptions(maxFileSize, Runtime.getRuntime().availableProcessors(),
                hostZone.resolve(path).used());
        Inventory scanned = Scanner.standard(options).scan(path, path.toString(), listener, logFiles())
                .withFindings(codes);
        if (progress) {
            err.print("\r\033[K");
            err.flush();
        }
        Inventory inventory = baseline.apply(scanned, path, maxFileSize, codes, quiet, err)
                .withHostZone(hostZone.resolve(path).used());
        if (format == ReportFormat.HTML) {
            List<JobReadiness> readiness = readiness(inventory);
            output.write(spec.commandLine().getOut(), w -> Reports.writeHtml(inventory, rules, readiness, w));
        } else if (format == ReportFormat.TERMINAL && output.output == null) {
            // read on a terminal: in its width and its locale's charset; files and other formats are whole and UTF-8
            int columns = TerminalText.columns();
            output.write(spec.commandLine().getOut(), w -> Reports.writeTerminal(inventory, rules, columns,
                    TerminalText.escaping(w, TerminalText.locale())));
        } else {
            output.write(spec.commandLine().getOut(), w -> Reports.write(format, inventory, rules, w));
        }
        if (!quiet) {
            HostZoneNote.of(hostZone.resolve(path), inventory).ifPresent(err::println);
        }
        if (output.output != null && !quiet) {
            err.println("migrate scan: wrote " + output.output + " (" + inventory.jobs().size() + " jobs, "
                    + inventory.findings().size() + " findings)");
        }
        // findings the baseline lists are reported but never fail the run
        return selection.fails(inventory.newFindings()) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /** The files named with --logs (a .gz uncompressed), as the resolvers read them (undecodable bytes become U+FFFD). */
    private List<ScanFile> logFiles() throws IOException {
        List<ScanFile> out = new ArrayList<>();
        for (Path log : logs) {
            if (!Files.isRegularFile(log)) {
                throw CliException.invalidInput("--logs " + log + " is not a file; name a scheduler log (syslog, "
                        + "cron log, journalctl export)");
            }
            if (!Files.isReadable(log)) {
                throw CliException.environment("--logs " + log + " is not readable; check its permissions");
            }
            byte[] bytes = Files.readAllBytes(log);
            if (log.getFileName().toString().endsWith(".gz")) {
                try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    throw CliException.invalidInput("--logs " + log + " is not a readable gzip file (" + e.getMessage()
                            + "); name the log itself or a .gz of it");
                }
            }
            out.add(new ScanFile(log.toString(), new String(bytes, StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Readiness for the HTML view; the store is only read when given or already there, never created by a scan. */
    private List<JobReadiness> readiness(Inventory inventory) {
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path dflt = Path.of(".migrate", "evidence.db");
        EvidenceReader evidence = store != null ? new StoreEvidence(EvidenceStore.open(store))
                : Files.isRegularFile(dflt) ? new StoreEvidence(EvidenceStore.open(EvidenceStore.defaultUrl(Path.of(""))))
                : EvidenceReader.EMPTY;
        CutoverEstate estate = CutoverEstate.load(root, inventory, null, evidence,
                ParityPolicy.of(3, Instant.now()));
        return estate.readiness(estate.jobs());
    }

    /** Rewrites one status line at most every 250 ms. */
    private static final class TerminalProgress implements ScanListener {
        private final PrintWriter err;
        private volatile long last;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - last > 250_000_000L || done == total) {
                last = now;
                synchronized (err) {
                    err.print("\rscanning " + done + "/" + total + " files");
                    err.flush();
                }
            }
        }
    }
}
