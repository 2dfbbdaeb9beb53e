package dev.migrate.cli;

import dev.migrate.analyzers.baseline.BaselineEntry;
import dev.migrate.analyzers.baseline.BaselineFile;
import dev.migrate.analyzers.baseline.BaselineState;
import dev.migrate.analyzers.baseline.Fingerprints;
import dev.migrate.analyzers.baseline.InvalidBaselineException;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.rewriters.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --baseline} and {@code --write-baseline}: findings recorded once are reported as baselined and left out of
 * {@code --fail-on}, so CI can gate on new findings from the day a team adopts {@code scan} (as detekt, PHPStan or
 * SpotBugs baselines do).
 */
public final class BaselineMixin {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings this baseline lists are reported as baselined and do not count for --fail-on; "
                    + "its entries that match no finding any more are counted.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the reported findings in FILE (sorted JSON, one finding per line, redacted) and "
                    + "report them as baselined.")
    Path write;

    /** --baseline's entries, read before the scan; null without one. */
    private Set<BaselineEntry> recorded;

    /** Reads --baseline and checks --write-baseline's directory before the scan, so a long scan does not end in an error. */
    void check() {
        if (write != null) {
            OutputPaths.inExistingDirectory("--write-baseline", write);
        }
        if (baseline == null) {
            return;
        }
        if (!Files.exists(baseline)) {
            throw CliException.invalidInput("--baseline " + baseline + " does not exist; write one with migrate scan PATH "
                    + "--write-baseline " + baseline);
        }
        if (!Files.isRegularFile(baseline)) {
            throw CliException.invalidInput("--baseline " + baseline + " is not a file; name the baseline file");
        }
        try {
            recorded = BaselineFile.read(baseline.toString(), Files.readAllBytes(baseline));
        } catch (IOException e) {
            throw CliException.invalidInput("--baseline " + baseline + " cannot be read (" + e.getMessage()
                    + "); check its permissions, or write it again with --write-baseline");
        } catch (InvalidBaselineException e) {
            throw CliException.invalidInput(e.getMessage());
        }
    }

    /**
     * Writes the baseline when asked and compares {@code inv} with the baseline in effect: the one just written, else
     * --baseline's; {@code inv} unchanged when neither was given. {@code root} is the scanned PATH.
     */
    Inventory apply(Inventory inv, Path root, long maxFileSize, Set<String> reported, boolean quiet, PrintWriter err)
            throws IOException {
        if (write == null && recorded == null) {
            return inv;
        }
        List<BaselineEntry> current = Fingerprints.of(inv, root, maxFileSize);
        Set<BaselineEntry> against = recorded;
        if (write != null) {
            AtomicFiles.write(write.toAbsolutePath(), BaselineFile.write(current).getBytes(StandardCharsets.UTF_8));
            against = new java.util.TreeSet<>(current);
            if (!quiet) {
                err.println("migrate scan: wrote baseline " + write + " (" + current.size() + " finding"
                        + (current.size() == 1 ? "" : "s") + ")");
                err.flush();
            }
        }
        return inv.withBaseline(BaselineState.compare(inv, current, against, reported));
    }
}
